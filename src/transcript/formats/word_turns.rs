//! Words of speech-to-text output made into turns: consecutive words of one speaker become a
//! turn, unless a pause parts them as it parts captions. Each word keeps its place in the file.

use super::backward_ends::drop_backward_ends;
use super::json_text::text_of;
use super::subtitle::paused;
use crate::text::lines::LineCursor;
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
/// listed one after another, and ordered a run at a time: see [`in_time_order`]); no speaker at
/// all reads as the default role, and a word without one among words with one as `unknown`.
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
            sentiment: None,
            text: TurnText::Decoded(d),
        });
    }
    unattributed(&mut turns, opts.default_role);
    let backward = drop_backward_ends(&mut turns, &mut LineCursor::new(source));
    Transcript {
        id: None,
        turns,
        warnings: backward.into_iter().collect(),
        agent_guessed: false,
    }
}

/// The longest pause inside a run of one speaker's words, in milliseconds: shorter than the
/// pause that parts a turn ([`paused`]), so that speech of another channel in a longer gap
/// comes between the runs it falls between.
const RUN_PAUSE_MS: u64 = 1_000;

/// Orders words by time, a run at a time: each speaker's words said without a pause of more
/// than [`RUN_PAUSE_MS`] stay together, and the runs are sorted by their start, stably (a run
/// without a time keeps its place after the one before it). Words merged word by word would cut
/// one channel's sentence at the other's interjection ("please calm" / "yeah" / "down"); runs
/// make overlapping speech two turns. One channel's words in time order stay in that order.
fn in_time_order(words: Vec<Word>) -> Vec<Word> {
    /// A run: its start (for the sort), the last start and end its words give, and its words.
    struct Run<'a> {
        start: u64,
        last_start: Option<u64>,
        last_end: Option<u64>,
        words: Vec<Word<'a>>,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut last_start = 0;
    for w in words {
        let goes_on = runs.last().is_some_and(|run| {
            let pause = w
                .start_ms
                .zip(run.last_end)
                .map(|(s, e)| s.saturating_sub(e));
            let back = w.start_ms.zip(run.last_start).is_some_and(|(s, p)| s < p);
            let speaker = run.words.last().map(|prev| &prev.speaker);
            w.joins
                || (speaker == Some(&w.speaker)
                    && !back
                    && pause.is_none_or(|pause| pause <= RUN_PAUSE_MS))
        });
        if !goes_on {
            last_start = w.start_ms.unwrap_or(last_start);
            runs.push(Run {
                start: last_start,
                last_start: None,
                last_end: None,
                words: Vec::new(),
            });
        }
        if let Some(run) = runs.last_mut() {
            run.last_start = w.start_ms.or(run.last_start);
            run.last_end = w.end_ms.or(run.last_end);
            run.words.push(w);
        }
    }
    runs.sort_by_key(|run| run.start);
    runs.into_iter().flat_map(|run| run.words).collect()
}
