//! Text handling shared by every stage: the canonical form of words (so phrases and transcripts
//! are compared on the same words) and line/column maps for rendering.

pub(crate) mod blank;
pub mod canon;
mod compose;
pub(crate) mod controls;
mod elision;
pub mod lines;
pub mod links;
pub(crate) mod perfect;
pub(crate) mod punct;
pub mod split_words;
pub(crate) mod word_edges;
pub mod words;

/// Where `part`, a slice of `whole`, starts in it: readers borrow a field or a word from the
/// source, and a finding or a warning needs its place.
pub(crate) fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}
