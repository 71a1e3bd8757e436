//! Text handling shared by every stage: canonical word scanning (so phrases and transcripts are
//! compared on the same words), the symbol vocabulary and the automaton the matcher runs over, and line/column maps
//! for rendering.

pub mod automaton;
pub mod canon;
pub mod lines;
pub mod vocab;
