//! WebVTT, SRT and SBV captions. A cue's speaker comes from a `<v Name>` voice span (Teams) or a
//! `Name:` prefix (Zoom, many SRT files), and a cue of several speakers is split by them (see
//! [`cue_text`](super::cue_text)); markup (`<i>`, `<c.x>`, inline timestamps) is stripped and
//! entities decoded. Consecutive cues of one speaker join into one turn, so a phrase split
//! across cues still matches, unless a pause parts them. Cues are ordered by start time (Teams
//! writes some out of order). A cue that holds Teams' JSON metadata is read as its speaker and
//! spoken text (see [`teams_metadata`](super::teams_metadata)).

use super::backward_cues::BackwardCues;
use super::caption_hints::{maybe_vtt, no_header};
use super::cue_text::{Labels, parts};
use super::lines::lines;
use super::teams_metadata::MetadataCues;
use super::time::clock_ms;
use super::unparted_cues::{UnpartedCues, second_cue};
use crate::text::blank::is_blank;
use crate::transcript::roles::{Roles, Speakers, assign_diarised_roles};
use crate::transcript::{Decoded, ParseError, ParseOptions, Transcript, Turn, TurnText};
use std::borrow::Cow;

/// One caption cue.
struct Cue<'a> {
    start_ms: u64,
    end_ms: u64,
    speaker: Option<Cow<'a, str>>,
    text: Decoded,
}

/// Parses WebVTT. The file must start with `WEBVTT`. Captions name their speakers as a diariser
/// does (Teams' `<v Maria Lopez>`, its JSON metadata cues' `speakerName`): two that map to no
/// role are told apart by the two-speaker guess, as in JSON transcripts.
pub fn parse_vtt(source: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    let body = source.strip_prefix('\u{feff}').unwrap_or(source);
    if !body.starts_with("WEBVTT") || body[6..].starts_with(|c: char| !c.is_whitespace()) {
        return Err(ParseError::at(1, 1, no_header(source)));
    }
    let (body, unparted) = header_end(source);
    let (cues, metadata, warnings) = cues(source, Timing::Vtt, &opts.roles, body)?;
    let mut t = join(cues, opts);
    t.warnings.extend(warnings);
    assign_diarised_roles(&mut t, source);
    t.warnings.extend(unparted);
    t.warnings.extend(metadata.warnings());
    Ok(t)
}

/// Where the cues of a WebVTT file start: after its header, `WEBVTT` and any lines up to the
/// first blank line. A timing line ends the header too, as browsers read it (the WebVTT parser
/// ends a header block at a line with `-->`), with a warning: the format wants a blank line there,
/// and readers that skip to the first blank line drop the cue.
fn header_end(source: &str) -> (usize, Option<String>) {
    for (number, start, text) in numbered_lines(source).skip(1) {
        if is_blank(text) {
            return (start, None);
        }
        if Timing::Vtt.is_timing(text) {
            let warning = format!(
                "line {number}, column 1: the WebVTT header needs a blank line after it; this cue \
                 is read, as browsers read it, but readers that skip the header up to its first \
                 blank line drop it: add a blank line before it"
            );
            return (start, Some(warning));
        }
    }
    (source.len(), None)
}

/// Parses SRT: numbered cues with `00:00:01,000 --> 00:00:04,000` timings.
pub fn parse_srt(source: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    let read = cues(source, Timing::Srt, &opts.roles, 0).map_err(|e| maybe_vtt(source, e))?;
    Ok(joined(read, source, opts))
}

/// Parses YouTube SubViewer (SBV): blocks of a `0:00:01.000,0:00:04.000` timing line and text.
pub fn parse_sbv(source: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    let read = cues(source, Timing::Sbv, &opts.roles, 0).map_err(|e| maybe_vtt(source, e))?;
    Ok(joined(read, source, opts))
}

/// The turns of an SRT or SBV file's cues, with the warnings of cues that end before they start
/// or follow another without a blank line; two speakers of no role told apart as in WebVTT.
fn joined(
    (cues, _, warnings): (Vec<Cue>, MetadataCues, Vec<String>),
    source: &str,
    opts: &ParseOptions,
) -> Transcript {
    let mut t = join(cues, opts);
    t.warnings.extend(warnings);
    assign_diarised_roles(&mut t, source);
    t
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Timing {
    Vtt,
    Srt,
    Sbv,
}

impl Timing {
    /// What a timing line looks like, for error messages.
    fn example(self) -> &'static str {
        match self {
            Timing::Vtt => "00:00:01.000 --> 00:00:04.000",
            Timing::Srt => "00:00:01,000 --> 00:00:04,000",
            Timing::Sbv => "0:00:01.000,0:00:04.000",
        }
    }

    /// The start and end times a timing line writes, as slices of it (the start with the spaces
    /// around it); one not written is empty.
    #[inline]
    fn times(self, line: &str) -> (&str, &str) {
        match self {
            Timing::Vtt | Timing::Srt => match line.split_once("-->") {
                Some((a, rest)) => (a, rest.split_whitespace().next().unwrap_or("")),
                None => (line, ""),
            },
            Timing::Sbv => line.split_once(',').unwrap_or((line, "")),
        }
    }

    /// Why the timing line `line` cannot be read: the column (1-based, in characters) of the
    /// time that is none, or where the missing one goes, and what to write.
    fn fault(self, line: &str) -> (usize, String) {
        let (start, end) = self.times(line);
        let start = start.trim();
        let (which, time) = match clock_ms(start) {
            None => ("start", start),
            Some(_) => ("end", end),
        };
        // The time is not quoted apart: `--redact` masks the line whole (a card's first group
        // alone is no card).
        // A missing start is placed where the line starts, a missing end where it ends.
        let missing_at = match which {
            "start" => line.len() - line.trim_start().len(),
            _ => line.trim_end().len(),
        };
        let (at, what) = match time.is_empty() {
            true => (missing_at, format!("its {which} time is missing")),
            false => (
                crate::text::offset_in(line, time),
                format!("its {which} time cannot be read"),
            ),
        };
        let column = line[..at].chars().count() + 1;
        let example = self.example();
        let message = format!(
            "bad cue timing `{}`: {what}; write `{example}`",
            line.trim()
        );
        (column, message)
    }

    /// Whether `line` is meant as a timing line (it may still be malformed).
    pub(super) fn is_timing(self, line: &str) -> bool {
        match self {
            Timing::Vtt | Timing::Srt => {
                let bytes = line.as_bytes();
                memchr::memchr_iter(b'>', bytes).any(|i| i >= 2 && &bytes[i - 2..i] == b"--")
            }
            Timing::Sbv => {
                line.starts_with(|c: char| c.is_ascii_digit())
                    && line.contains(',')
                    && line
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b":.,".contains(&b))
            }
        }
    }

    /// A timing line's start and end in milliseconds, as written (the end may come first).
    fn parse(self, line: &str) -> Option<(u64, u64)> {
        let (a, b) = self.times(line);
        Some((clock_ms(a)?, clock_ms(b)?))
    }
}

/// Lines as (1-based number, start offset, text without line break or BOM).
pub(super) fn numbered_lines(source: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    lines(source).map(|l| {
        (
            l.number,
            l.start,
            l.text.strip_prefix('\u{feff}').unwrap_or(l.text),
        )
    })
}

/// The cues of a file from byte `body` on (after a WebVTT header), in time order, a cue of several
/// speakers being one cue for each, and (in WebVTT) what its Teams metadata cues held.
fn cues<'a>(
    source: &'a str,
    timing: Timing,
    roles: &Roles,
    body: usize,
) -> Result<(Vec<Cue<'a>>, MetadataCues, Vec<String>), ParseError> {
    let mut lines = numbered_lines(source).skip_while(|l| l.1 < body);
    let mut metadata = MetadataCues::default();
    let mut backward = BackwardCues::default();
    let mut unparted = UnpartedCues::default();
    let mut block: Vec<(usize, usize, &str)> = Vec::with_capacity(8);
    // Where the next cue starts in `block`: a cue found under another without a blank line is
    // read from there, not copied out (a file of such cues was read in quadratic time).
    let mut at = 0;
    // Each cue's times and its payload lines' range in `payloads`.
    let mut timed: Vec<(u64, u64, std::ops::Range<usize>)> = Vec::new();
    let mut payloads: Vec<(usize, usize, &str)> = Vec::new();
    loop {
        // A block runs from a non-blank line to the next blank line; its cues are read in turn.
        if at == block.len() {
            block.clear();
            at = 0;
            for line in lines.by_ref() {
                if is_blank(line.2) {
                    if block.is_empty() {
                        continue;
                    }
                    break;
                }
                block.push(line);
            }
        }
        if block.is_empty() {
            break;
        }
        let rest = &block[at..];
        let first = rest[0].2;
        if timing == Timing::Vtt
            && ["NOTE", "STYLE", "REGION"]
                .iter()
                .any(|k| first.starts_with(k))
        {
            at = block.len();
            continue;
        }
        let Some(t) = rest.iter().position(|l| timing.is_timing(l.2)) else {
            return Err(ParseError::at(
                rest[0].0,
                1,
                format!("cue has no timing line (`{}`)", timing.example()),
            ));
        };
        if timing == Timing::Srt && t == 1 && !rest[0].2.trim().bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ParseError::at(
                rest[0].0,
                1,
                "expected a cue number (digits) before the SRT timing line",
            ));
        }
        if t > usize::from(timing != Timing::Sbv) {
            return Err(ParseError::at(
                rest[t].0,
                1,
                "unexpected text before the cue timing line",
            ));
        }
        // A second timing line starts a cue of its own: browsers read it so, without the blank
        // line before it.
        let cut = match timing {
            Timing::Sbv => None,
            _ => second_cue(rest, t, |l| timing.is_timing(l)),
        };
        if let Some(cut) = cut {
            unparted.note(rest[cut].0);
        }
        let cue = &rest[..cut.unwrap_or(rest.len())];
        at += cue.len();
        let (line_no, _, timing_line) = cue[t];
        let (start, end) = timing.parse(timing_line).ok_or_else(|| {
            let (column, message) = timing.fault(timing_line);
            ParseError::at(line_no, column, message)
        })?;
        if end < start {
            backward.note(
                line_no,
                timing_line,
                timing.times(timing_line).1,
                (start, end),
            );
        }
        let end = end.max(start);
        let from = payloads.len();
        payloads.extend_from_slice(&cue[t + 1..]);
        if payloads.len() > from {
            timed.push((start, end, from..payloads.len()));
        }
    }
    // A later line's `Name:` label is read by the names the whole file gives speakers.
    let ranges: Vec<_> = timed.iter().map(|c| c.2.clone()).collect();
    let labels = Labels::new(roles, &payloads, &ranges);
    let mut cues = Vec::with_capacity(timed.len());
    for (start_ms, end_ms, range) in timed {
        let payload = &payloads[range];
        let read = (timing == Timing::Vtt)
            .then(|| metadata.read(source, payload))
            .flatten();
        let parts = match read {
            Some(said) => vec![said],
            None => parts(payload, &labels),
        };
        for (speaker, text) in parts {
            if !is_blank(&text.text) {
                cues.push(Cue {
                    start_ms,
                    end_ms,
                    speaker,
                    text,
                });
            }
        }
    }
    if !cues.is_sorted_by_key(|c| c.start_ms) {
        cues.sort_by_key(|c| c.start_ms);
    }
    let warnings = backward.warning().into_iter().chain(unparted.warning());
    Ok((cues, metadata, warnings.collect()))
}

/// The longest pause between two cues of one speaker that still joins them into one turn:
/// captioners cut a sentence every few seconds with no pause, and a longer pause is one that
/// windows and `timing` rules should see.
const JOIN_PAUSE_MS: u64 = 2_000;

/// Whether speech that starts at `start` is parted by a pause from a turn that ends at `end`.
pub(crate) fn paused(end: Option<u64>, start: Option<u64>) -> bool {
    (end.zip(start)).is_some_and(|(end, start)| start.saturating_sub(end) > JOIN_PAUSE_MS)
}

/// Joins consecutive cues of the same speaker into turns, unless a pause of more than
/// [`JOIN_PAUSE_MS`] parts them.
fn join(cues: Vec<Cue>, opts: &ParseOptions) -> Transcript {
    let mut turns: Vec<Turn> = Vec::new();
    let mut last_speaker: Option<Option<Cow<str>>> = None;
    let mut speakers = Speakers::default();
    for cue in cues {
        if last_speaker.as_ref() == Some(&cue.speaker)
            && !turns
                .last()
                .is_some_and(|t| paused(t.end_ms, Some(cue.start_ms)))
            && let Some(TurnText::Decoded(prev)) = turns.last_mut().map(|t| &mut t.text)
        {
            let at = cue.text.source_start();
            prev.push_replacement(" ", at);
            prev.append(cue.text);
            if let Some(t) = turns.last_mut() {
                t.end_ms = Some(cue.end_ms);
            }
            continue;
        }
        let (role, speaker) = match &cue.speaker {
            Some(name) => {
                let (role, shared) = speakers.get(name, &opts.roles);
                (role, Some(shared))
            }
            None => (opts.default_role, None),
        };
        last_speaker = Some(cue.speaker);
        turns.push(Turn {
            role,
            speaker,
            start_ms: Some(cue.start_ms),
            end_ms: Some(cue.end_ms),
            sentiment: None,
            text: TurnText::Decoded(cue.text),
        });
    }
    Transcript {
        id: None,
        turns,
        warnings: Vec::new(),
        agent_guessed: false,
    }
}

#[cfg(test)]
#[path = "subtitle_tests.rs"]
mod tests;
