//! One parser per input format, each producing the internal [`Transcript`](super::Transcript).

mod backward_cues;
mod backward_ends;
mod caption_hints;
pub mod chat_exports;
pub mod chat_json;
pub mod csv;
mod cue_text;
mod date_faults;
mod dialogue;
pub mod directives;
mod fences;
mod field_labels;
pub(crate) mod flat_json;
mod google_stt;
pub(crate) mod hidden;
mod html_tags;
mod indented_code;
mod inline_code;
mod json_mistakes;
pub mod json_shapes;
mod json_text;
pub(crate) use json_text::unescape;
pub(crate) use markup::entity;
pub(crate) mod jsonc;
pub mod jsonl;
mod label_forms;
mod label_words;
mod left_out;
pub(super) mod lines;
mod link_refs;
mod markdown;
mod markup;
mod message;
mod message_text;
mod message_times;
mod missed_labels;
mod otter;
mod pasted_notices;
mod pca;
mod references;
mod shape_signs;
mod slash_order;
pub mod speech_words;
mod stamps;
pub mod subtitle;
mod teams_metadata;
pub mod text;
mod text_times;
pub mod time;
mod undiarised;
mod unparted_cues;
mod unread_times;
mod word_turns;

/// ` (… and N more NOUNs like it)` after a warning about the first of several, or nothing when
/// it was the only one.
fn more_like(more: usize, noun: &str) -> String {
    match more {
        0 => String::new(),
        1 => format!(" (… and 1 more {noun} like it)"),
        n => format!(" (… and {n} more {noun}s like it)"),
    }
}
