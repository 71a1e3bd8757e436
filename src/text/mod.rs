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

/// `text` with its first letter a capital: a default message's start, a role as a label writes
/// it (`Customer`).
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
