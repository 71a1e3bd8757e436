//! Google Speech-to-Text v1 and v2 results: their words (with diarisation) or their
//! transcripts (without) made into turns by [`word_turns`](super::word_turns).

use super::json_text::{Clock, Unit, from_part};
use super::word_turns::{Grouping, Word, turns};
use crate::transcript::{ParseError, ParseOptions, Transcript};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Google Speech-to-Text v1/v2. With diarisation the words are grouped by their speaker tags:
/// v1 writes every word of the audio again, tagged, in its last result, which is then read
/// alone; v2 tags each result's words, and all of them are read. Without, each result is a turn
/// (its channel the speaker in multichannel audio). Durations are strings like `"1.500s"`.
pub fn google_stt(
    source: &str,
    results: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    // Another vendor's `results` (AWS's, Deepgram's) is an object.
    if !results.get().starts_with('[') {
        return Err(super::json_shapes::not_a(
            crate::transcript::Format::GoogleStt,
            "`results` as a list",
        ));
    }
    let results: Vec<GResult> = from_part(source, results)?;
    let mut clock = Clock::default();
    let mut time = |raw: Option<&RawValue>| raw.and_then(|r| clock.time(r.get(), Unit::Seconds));
    let tagged = results
        .iter()
        .rposition(|r| r.words().iter().any(|w| w.speaker().is_some()));
    let Some(last) = tagged else {
        let mut words = Vec::new();
        let mut previous_end = None;
        for r in &results {
            let Some(text) = r.alternatives.first().and_then(|a| a.transcript) else {
                continue;
            };
            let end_ms = time(r.result_end_time);
            // A result starts at its first word, else where the one before ended, the first
            // at the audio's start: `resultEndTime` counts from there.
            let start_ms = time(r.words().first().and_then(|w| w.start_time))
                .or(previous_end)
                .or_else(|| end_ms.map(|_| 0));
            words.push(Word {
                text,
                start_ms,
                end_ms,
                speaker: r.channel(),
                joins: false,
            });
            previous_end = end_ms;
        }
        return Ok(turns(source, words, Grouping::EachItem, opts));
    };
    let read = match repeats_all(&results, last) {
        true => &results[last..=last],
        false => &results[..],
    };
    let mut words = Vec::new();
    for r in read {
        let Some(alternative) = r.alternatives.first() else {
            continue;
        };
        if alternative.words.is_empty() {
            // A result without words is read whole, so that none of its text is lost.
            words.extend(alternative.transcript.map(|text| Word {
                text,
                start_ms: None,
                end_ms: time(r.result_end_time),
                speaker: r.channel(),
                joins: false,
            }));
        }
        for w in &alternative.words {
            words.push(Word {
                text: w.word,
                start_ms: time(w.start_time),
                end_ms: time(w.end_time),
                speaker: w.speaker().or_else(|| r.channel()),
                joins: false,
            });
        }
    }
    Ok(turns(source, words, Grouping::BySpeaker, opts))
}

/// Whether the result at `last` repeats the words of every other result, as Google's v1 last
/// result of a diarised call does: it has as many words at least, and its first word is the
/// first word of the first other result that has words (the same word at the same time).
fn repeats_all(results: &[GResult], last: usize) -> bool {
    let others = results
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != last)
        .map(|(_, r)| r.words());
    let count: usize = others.clone().map(<[GWord]>::len).sum();
    let all = results[last].words();
    let same = |a: &GWord, b: &GWord| {
        a.word.get() == b.word.get()
            && a.start_time.map(RawValue::get) == b.start_time.map(RawValue::get)
    };
    let first_other = others.flatten().next();
    all.len() >= count && first_other.is_none_or(|o| all.first().is_some_and(|w| same(w, o)))
}

/// One result of Google Speech-to-Text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GResult<'a> {
    #[serde(borrow, default)]
    alternatives: Vec<GAlternative<'a>>,
    channel_tag: Option<i64>,
    #[serde(borrow, alias = "resultEndOffset")]
    result_end_time: Option<&'a RawValue>,
}

impl<'a> GResult<'a> {
    /// The words of the best alternative.
    fn words(&self) -> &[GWord<'a>] {
        self.alternatives.first().map_or(&[], |a| &a.words)
    }

    /// The speaker multichannel audio names by the result's channel.
    fn channel(&self) -> Option<String> {
        self.channel_tag.map(|c| format!("channel {c}"))
    }
}

#[derive(Deserialize)]
struct GAlternative<'a> {
    #[serde(borrow)]
    transcript: Option<&'a RawValue>,
    #[serde(borrow, default)]
    words: Vec<GWord<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GWord<'a> {
    #[serde(borrow)]
    word: &'a RawValue,
    #[serde(borrow, alias = "startOffset")]
    start_time: Option<&'a RawValue>,
    #[serde(borrow, alias = "endOffset")]
    end_time: Option<&'a RawValue>,
    speaker_tag: Option<i64>,
    speaker_label: Option<String>,
}

impl GWord<'_> {
    /// The word's speaker: v2's `speakerLabel`, else v1's `speakerTag`.
    fn speaker(&self) -> Option<String> {
        self.speaker_label
            .clone()
            .or_else(|| self.speaker_tag.map(|t| t.to_string()))
    }
}
