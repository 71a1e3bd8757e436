//! Text handling shared by every stage: the canonical form of words (so phrases and transcripts
//! are compared on the same words) and line/column maps for rendering.

pub(crate) mod blank;
pub mod canon;
pub(crate) mod controls;
pub mod lines;
pub mod links;
pub(crate) mod punct;
pub mod words;
