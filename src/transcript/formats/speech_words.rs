//! Speech-to-text output that lists words rather than turns: AWS Transcribe `items`, Deepgram and
//! AssemblyAI `words`, read into the [`Word`]s that [`turns`] groups; each word keeps its place
//! in the file, so a finding points at the word's string. Google Speech-to-Text, read the same
//! way, has a file of its own.

use super::chat_json::{Writer, parse_messages};
use super::json_shapes::not_a;
use super::json_text::{Clock, Unit, from_part};
use super::word_turns::{Grouping, Word, turns};
use crate::transcript::roles::Names;
use crate::transcript::{Format, ParseError, ParseOptions, Role, Transcript, Turn};
use serde::Deserialize;
use serde_json::value::RawValue;

pub use super::google_stt::google_stt;

/// AWS Transcribe batch output: `audio_segments` when present, else `items` with their
/// `speaker_label` (or the speaker of `speaker_labels.segments` at their start time), else the
/// items of each channel in `channel_labels`, merged by time a run at a time. Times are seconds,
/// written as strings (or as numbers, as some tools rewrite them); a missing speaker is none.
pub fn aws_transcribe(
    source: &str,
    results: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    struct Results<'a> {
        #[serde(borrow)]
        items: Option<Vec<Item<'a>>>,
        #[serde(borrow)]
        audio_segments: Option<&'a RawValue>,
        #[serde(borrow)]
        speaker_labels: Option<SpeakerLabels<'a>>,
        #[serde(borrow)]
        channel_labels: Option<ChannelLabels<'a>>,
    }
    #[derive(Deserialize)]
    struct Item<'a> {
        #[serde(rename = "type")]
        kind: Option<String>,
        #[serde(borrow, default)]
        alternatives: Vec<Alternative<'a>>,
        #[serde(borrow)]
        start_time: Option<&'a RawValue>,
        #[serde(borrow)]
        end_time: Option<&'a RawValue>,
        speaker_label: Option<String>,
        channel_label: Option<String>,
    }
    #[derive(Deserialize)]
    struct Alternative<'a> {
        #[serde(borrow)]
        content: &'a RawValue,
    }
    #[derive(Deserialize)]
    struct SpeakerLabels<'a> {
        #[serde(borrow, default)]
        segments: Vec<Segment<'a>>,
    }
    #[derive(Deserialize)]
    struct Segment<'a> {
        speaker_label: Option<String>,
        #[serde(borrow, default)]
        items: Vec<SegmentItem<'a>>,
    }
    #[derive(Deserialize)]
    struct SegmentItem<'a> {
        #[serde(borrow)]
        start_time: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct ChannelLabels<'a> {
        #[serde(borrow)]
        channels: Vec<Channel<'a>>,
    }
    #[derive(Deserialize)]
    struct Channel<'a> {
        channel_label: Option<String>,
        #[serde(borrow)]
        items: Vec<Item<'a>>,
    }

    let results: Results = from_part(source, results)?;
    if let Some(segments) = results.audio_segments {
        let writer = Writer::Speech { channels: false };
        return parse_messages(source, segments.get(), Unit::Seconds, writer, opts);
    }
    // Another vendor's `results` (Deepgram's, Google's) is no empty AWS transcript.
    if results.items.is_none() && results.channel_labels.is_none() {
        return Err(not_a(
            Format::AwsTranscribe,
            "`results.items` or `results.audio_segments`",
        ));
    }
    let items = results.items.unwrap_or_default();
    let mut clock = Clock::default();
    // Times are seconds, as strings or numbers: an item's speaker is found by its time in
    // milliseconds, however each writes it.
    let mut ms = |raw: Option<&RawValue>| raw.and_then(|r| clock.time(r.get(), Unit::Seconds));
    let mut speaker_at = std::collections::HashMap::new();
    for segment in results.speaker_labels.iter().flat_map(|l| &l.segments) {
        let Some(speaker) = &segment.speaker_label else {
            continue;
        };
        for item in &segment.items {
            if let Some(at) = ms(item.start_time) {
                speaker_at.insert(at, speaker.clone());
            }
        }
    }
    let mut from_channels = Vec::new();
    // The channel of each time, where the top-level items name none (AWS's own example of
    // channel identification writes the label in `channel_labels` only).
    let mut channel_at = std::collections::HashMap::new();
    let items = if items.is_empty() {
        for c in results.channel_labels.into_iter().flat_map(|l| l.channels) {
            for mut item in c.items {
                if item.channel_label.is_none() {
                    item.channel_label.clone_from(&c.channel_label);
                }
                from_channels.push(item);
            }
        }
        from_channels
    } else {
        for c in results.channel_labels.iter().flat_map(|l| &l.channels) {
            let Some(label) = &c.channel_label else {
                continue;
            };
            for item in &c.items {
                if let Some(at) = ms(item.start_time) {
                    channel_at.insert(at, label.clone());
                }
            }
        }
        items
    };
    let mut words = Vec::with_capacity(items.len());
    let mut last_speaker = None;
    for item in &items {
        let Some(alt) = item.alternatives.first() else {
            continue;
        };
        let joins = item.kind.as_deref() == Some("punctuation");
        let start_ms = ms(item.start_time);
        let speaker = if joins {
            last_speaker.clone()
        } else {
            item.speaker_label
                .clone()
                .or_else(|| start_ms.and_then(|t| speaker_at.get(&t).cloned()))
                .or_else(|| item.channel_label.clone())
                .or_else(|| start_ms.and_then(|t| channel_at.get(&t).cloned()))
        };
        last_speaker.clone_from(&speaker);
        words.push(Word {
            text: alt.content,
            start_ms,
            end_ms: ms(item.end_time),
            speaker,
            joins,
        });
    }
    Ok(turns(source, words, Grouping::BySpeaker, opts))
}

/// Deepgram `/v1/listen`: `results.utterances` when present (diarised with `utterances=true`),
/// else the words of each channel's best alternative (`punctuated_word` when smart formatting
/// is on), grouped by `speaker` or, for multichannel audio, by channel.
pub fn deepgram(
    source: &str,
    results: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    struct Results<'a> {
        #[serde(borrow)]
        utterances: Option<&'a RawValue>,
        #[serde(borrow)]
        channels: Option<Vec<Channel<'a>>>,
    }
    #[derive(Deserialize)]
    struct Channel<'a> {
        #[serde(borrow)]
        alternatives: Vec<Alternative<'a>>,
    }
    #[derive(Deserialize)]
    struct Alternative<'a> {
        #[serde(borrow, default)]
        words: Vec<DgWord<'a>>,
    }
    #[derive(Deserialize)]
    struct DgWord<'a> {
        #[serde(borrow)]
        word: &'a RawValue,
        #[serde(borrow)]
        punctuated_word: Option<&'a RawValue>,
        start: Option<f64>,
        end: Option<f64>,
        speaker: Option<u32>,
    }

    let results: Results = from_part(source, results)?;
    if let Some(u) = results.utterances.filter(|u| u.get() != "null") {
        let writer = Writer::Speech { channels: true };
        return parse_messages(source, u.get(), Unit::Seconds, writer, opts);
    }
    // Another vendor's `results` (AWS's, Google's) is no empty Deepgram transcript.
    let channels = results.channels.ok_or_else(|| {
        not_a(
            Format::Deepgram,
            "`results.channels` or `results.utterances`",
        )
    })?;
    let count = channels.len();
    let mut words = Vec::new();
    for (c, channel) in channels.into_iter().enumerate() {
        let Some(best) = channel.alternatives.into_iter().next() else {
            continue;
        };
        for w in best.words {
            let speaker = match (w.speaker, count > 1) {
                (Some(s), false) => Some(s.to_string()),
                (Some(s), true) => Some(format!("ch_{c}/{s}")),
                (None, true) => Some(format!("ch_{c}")),
                (None, false) => None,
            };
            words.push(Word {
                text: w.punctuated_word.unwrap_or(w.word),
                start_ms: w.start.and_then(super::time::seconds_ms),
                end_ms: w.end.and_then(super::time::seconds_ms),
                speaker,
                joins: false,
            });
        }
    }
    Ok(turns(source, words, Grouping::BySpeaker, opts))
}

/// Names the speakers of Deepgram utterances of multichannel audio (`multichannel=true`) by
/// their `channel`, as the words of each channel are named: `ch_0`, or `ch_0/0` with the
/// channel's own diarised `speaker` (Deepgram numbers each channel's speakers from 0, so the
/// caller and the agent are both speaker 0 of a stereo call). `channels` pairs a turn's index
/// with its utterance's channel; one channel leaves the turns as read. Whether it named any.
pub(super) fn speakers_by_channel(
    turns: &mut [Turn],
    channels: &[(usize, String)],
    opts: &ParseOptions,
) -> bool {
    let Some(((_, first), rest)) = channels.split_first() else {
        return false;
    };
    if rest.iter().all(|(_, c)| c == first) {
        return false;
    }
    let mut names = Names::default();
    for (i, channel) in channels {
        let Some(turn) = turns.get_mut(*i) else {
            continue;
        };
        let key = match turn.speaker.as_deref() {
            Some(s) => format!("ch_{channel}/{s}"),
            None => format!("ch_{channel}"),
        };
        turn.role = match opts.roles.knows(&key) {
            true => opts.roles.role_of(&key),
            false => Role::Unknown,
        };
        turn.speaker = Some(names.get(&key));
    }
    true
}

/// AssemblyAI `words` (used when `utterances` is absent): times in milliseconds, `speaker` a
/// letter when speaker labels are on.
pub fn assemblyai(
    source: &str,
    words: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    struct AaWord<'a> {
        #[serde(borrow)]
        text: &'a RawValue,
        start: Option<f64>,
        end: Option<f64>,
        speaker: Option<String>,
    }
    let list: Vec<AaWord> = from_part(source, words)?;
    let ms = |v: Option<f64>| v.and_then(|v| super::time::seconds_ms(v / 1000.0));
    let words = list
        .into_iter()
        .map(|w| Word {
            text: w.text,
            start_ms: ms(w.start),
            end_ms: ms(w.end),
            speaker: w.speaker,
            joins: false,
        })
        .collect();
    Ok(turns(source, words, Grouping::BySpeaker, opts))
}
