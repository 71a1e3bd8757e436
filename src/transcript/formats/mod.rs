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
mod json_lists;
pub(crate) mod jsonc;
pub mod jsonl;
mod label_forms;
mod label_names;
mod label_words;
mod left_out;
pub(super) mod lines;
mod link_refs;
mod markdown;
mod markup;
mod message;
mod message_label;
mod message_runs;
mod message_text;
mod message_times;
mod missed_labels;
mod otter;
mod pasted_notices;
mod pca;
mod preamble;
mod references;
mod shape_signs;
mod slash_order;
pub mod speech_words;
mod stamps;
pub mod subtitle;
mod teams_metadata;
pub mod text;
mod text_record;
mod text_times;
mod textless;
pub mod time;
mod undiarised;
mod unparted_cues;
mod unread_times;
mod word_turns;

/// The first of one kind of slip in a file, and how many more: a warning tells the first and
/// counts the rest ([`more_like`]).
#[derive(Default)]
pub(super) struct FirstOf<T> {
    first: Option<T>,
    more: usize,
}

impl<T> FirstOf<T> {
    /// Notes one more slip; `first` makes what the warning tells of it, when it is the first.
    pub fn note(&mut self, first: impl FnOnce() -> T) {
        match self.first {
            None => self.first = Some(first()),
            Some(_) => self.more += 1,
        }
    }

    /// The warning `say` makes of the first, with how many more `noun`s there are.
    pub fn warning(self, noun: &str, say: impl FnOnce(T) -> String) -> Option<String> {
        let more = more_like(self.more, noun);
        self.first.map(|first| say(first) + &more)
    }
}

/// ` (… and N more NOUNs like it)` after a warning about the first of several, or nothing when
/// it was the only one.
fn more_like(more: usize, noun: &str) -> String {
    match more {
        0 => String::new(),
        1 => format!(" (… and 1 more {noun} like it)"),
        n => format!(" (… and {n} more {noun}s like it)"),
    }
}
