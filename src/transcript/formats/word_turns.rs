//! Words of speech-to-text output made into turns: consecutive words of one speaker become a
//! turn, unless a pause parts them as it parts captions. Each word keeps its place in the file.

use super::json_text::text_of;
use super::subtitle::paused;
use crate::transcript::roles::{Names, unattributed};
use crate::transcript::{Decoded, ParseOptions, Role, Transcript, Turn, TurnText};
use serde_json::value::RawValue;

/// One recognised word.
pub(super) struct Word<'a> {
    /// The word's JSON string.
    pub(super) text: &'a RawValue,
    pub(super) start_ms: Option<u64>,
    pub(super) end_ms: Option<u64>,
    pub(super) speaker: Option<String>,
    /// Punctuation: joins the word before it without a space.
    pub(super) joins: bool,
}

/// How words make turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Grouping {
    /// Consecutive words of one speaker are a turn.
    BySpeaker,
    /// Each item is a turn of its own (a result of speech that is already a sentence or more).
    EachItem,
}

/// Makes turns of words as `grouping` says, in time order (channels of multichannel audio are
/// listed one after another; one channel's words are already in order, which the stable sort
/// keeps); no speaker at all reads as the default role, and a word without one among words with
/// one as `unknown`.
pub(super) fn turns(
    source: &str,
    words: Vec<Word>,
    grouping: Grouping,
    opts: &ParseOptions,
) -> Transcript {
    let words = in_time_order(words);
    let mut turns: Vec<Turn> = Vec::new();
    let mut names = Names::default();
    let mut current: Option<Option<String>> = None;
    for w in words {
        let Some(text) = text_of(source, w.text.get()) else {
            continue;
        };
        let len = text.as_str(source).len();
        // A pause parts one speaker's words into two turns, as it parts captions.
        let paused = |t: &Turn| paused(t.end_ms, w.start_ms);
        let continues = grouping == Grouping::BySpeaker
            && (w.joins
                || (current.as_ref() == Some(&w.speaker) && !turns.last().is_some_and(paused)));
        if let (true, Some(turn)) = (continues, turns.last_mut())
            && let TurnText::Decoded(d) = &mut turn.text
        {
            if !w.joins {
                d.push_replacement(" ", text.source_offset(0));
            }
            d.push_slice(&text, source, 0..len);
            turn.end_ms = w.end_ms.or(turn.end_ms);
            continue;
        }
        let speaker = w.speaker.as_deref().map(|s| names.get(s));
        let role = match &speaker {
            Some(s) if opts.roles.knows(s) => opts.roles.role_of(s),
            Some(_) => Role::Unknown,
            None => opts.default_role,
        };
        let mut d = Decoded::default();
        d.push_slice(&text, source, 0..len);
        current = Some(w.speaker);
        turns.push(Turn {
            role,
            speaker,
            start_ms: w.start_ms,
            end_ms: w.end_ms,
            text: TurnText::Decoded(d),
        });
    }
    unattributed(&mut turns, opts.default_role);
    Transcript {
        id: None,
        turns,
        warnings: Vec::new(),
    }
}

/// Sorts words by start time, stably; punctuation (no time) stays after its word.
fn in_time_order(words: Vec<Word>) -> Vec<Word> {
    let mut last = 0;
    let mut keyed: Vec<(u64, Word)> = words
        .into_iter()
        .map(|w| {
            last = w.start_ms.unwrap_or(last);
            (last, w)
        })
        .collect();
    keyed.sort_by_key(|(start, _)| *start);
    keyed.into_iter().map(|(_, w)| w).collect()
}
