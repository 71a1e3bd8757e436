//! One parser per input format, each producing the internal [`Transcript`](super::Transcript).

pub mod chat_json;
mod lines;
pub mod subtitle;
pub mod text;
pub mod time;
