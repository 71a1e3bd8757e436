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
pub mod words;
