//! One parser per input format, each producing the internal [`Transcript`](super::Transcript).

pub mod chat_exports;
pub mod chat_json;
pub mod csv;
pub mod directives;
pub(crate) mod flat_json;
pub(crate) mod hidden;
mod indented_code;
pub mod json_shapes;
mod json_text;
pub(crate) mod jsonc;
pub mod jsonl;
mod label_words;
pub(super) mod lines;
mod link_refs;
mod markup;
mod message;
mod message_text;
mod message_times;
mod missed_labels;
mod otter;
mod pca;
pub mod speech_words;
mod stamps;
pub mod subtitle;
mod teams_metadata;
pub mod text;
pub mod time;
