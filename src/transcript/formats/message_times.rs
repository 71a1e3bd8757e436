//! A message's start and end times, read from whichever field holds them. A time that is there
//! but cannot be read (`"20s"` in a milliseconds field, a negative number, `1e300`) leaves the
//! turn without it, with a warning that names the field, its value and its place (SPEC §7: it
//! was dropped silently); `""` or a blank string, like `null`, is no time and no warning. A
//! speech segment with no end of its own takes its times from its words' offsets (Google CCAI).

use super::json_text::{Clock, Unit, micros, millis};
use super::message::Message;
use super::time::seconds_ms;
use super::unread_times::{Unread, key_before};
use crate::text::lines::LineCursor;
use serde::Deserialize;
use serde_json::value::RawValue;

/// A message's start and end, in milliseconds.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Times {
    pub(super) start_ms: Option<u64>,
    pub(super) end_ms: Option<u64>,
    /// Where the time comes from: its words' offsets, which count from the call's start, or
    /// the message's own field (`None` when it has no time), at this byte of the source.
    pub(super) clock: Option<TimeSource>,
}

/// Which clock a message's time is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimeSource {
    Words,
    /// A field of the message's own, the first written at this byte of the source.
    Own(usize),
}

/// The start and end of message `m` (a slice of `source`), in milliseconds from the
/// conversation's start, with bare numbers of `start`/`end` in `unit`; each time field read
/// that holds no time is counted in `unread`.
pub(super) fn times<'m, 's>(
    m: &Message<'m>,
    clock: &mut Clock,
    unit: Unit,
    source: &'s str,
    unread: &mut Unread<'s>,
) -> Times {
    // An export that writes `""` (or blanks) for "no time" says so of every message: no warning.
    let blank = |raw: &str| {
        let inner = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"'));
        inner.is_some_and(|i| i.trim().is_empty())
    };
    let given = |raw: Option<&'m str>| raw.filter(|&raw| !blank(raw));
    let m = Message {
        start_millis: given(m.start_millis),
        start_timestamp_usec: given(m.start_timestamp_usec),
        start: given(m.start),
        end_millis: given(m.end_millis),
        end: given(m.end),
        ..*m
    };
    let mut unread = |raw: &str, expected: &'static str| unread.add(source, raw, expected);
    let in_unit: &'static str = match unit {
        Unit::Seconds => "a number of seconds, a clock or an ISO 8601 date and time",
        Unit::Millis => "a number of milliseconds, a clock or an ISO 8601 date and time",
    };
    let millis_of = |raw: &str, unread: &mut dyn FnMut(&str, &'static str)| {
        millis(raw).filter(plausible).or_else(|| {
            unread(raw, "a number of milliseconds");
            None
        })
    };
    let time_of = |raw: &str, clock: &mut Clock, unread: &mut dyn FnMut(&str, &'static str)| {
        clock.time(raw, unit).filter(plausible).or_else(|| {
            unread(raw, in_unit);
            None
        })
    };
    let start_ms = m
        .start_millis
        .and_then(|raw| millis_of(raw, &mut unread))
        .or_else(|| {
            let raw = m.start_timestamp_usec?;
            match micros(raw).filter(plausible) {
                Some(ms) => clock.epoch_or_offset(ms),
                None => {
                    unread(raw, "a number of microseconds");
                    None
                }
            }
        })
        .or_else(|| time_of(m.start?, clock, &mut unread))
        .and_then(|ms| clock.epoch_or_offset(ms));
    // A speech segment with no end of its own (Google CCAI's) is timed by its words, from the
    // first one's start offset to the last one's end offset: both count from the beginning of
    // the conversation, where its `messageTime` is a date on another clock, so it is not mixed
    // in (see [`one_clock`]).
    if m.end_millis.is_none()
        && m.end.is_none()
        && let Some(words) = m.words
        && let (start, Some(end)) = word_span(words, &mut unread)
    {
        let clock = Some(TimeSource::Words);
        return Times {
            start_ms: start,
            end_ms: Some(end),
            clock,
        };
    }
    let end_ms = m
        .end_millis
        .and_then(|raw| millis_of(raw, &mut unread))
        .or_else(|| time_of(m.end?, clock, &mut unread))
        .and_then(|ms| clock.epoch_or_offset(ms));
    let own = [
        m.start_millis,
        m.start_timestamp_usec,
        m.start,
        m.end_millis,
        m.end,
    ]
    .into_iter()
    .flatten()
    .next()
    .map(|raw| TimeSource::Own(crate::text::offset_in(source, raw)));
    Times {
        start_ms,
        end_ms,
        clock: own.filter(|_| start_ms.is_some() || end_ms.is_some()),
    }
}

/// Puts one conversation's times on one clock: when some of `turns` are timed by their words'
/// offsets, the turns timed by fields of their own (`own`, the turns' indices and where their
/// first time field is) are left without times, as the two count from different moments; then
/// the warning that says so, placed by `lines`.
pub(super) fn one_clock(
    turns: &mut [crate::transcript::Turn],
    own: &[(usize, usize)],
    by_words: bool,
    lines: &mut LineCursor,
) -> Option<String> {
    let &(_, first) = own.first().filter(|_| by_words)?;
    for &(i, _) in own {
        (turns[i].start_ms, turns[i].end_ms) = (None, None);
    }
    let field = key_before(lines.text(), &lines.text()[first..])
        .map_or(String::from("its time"), |k| format!("`{k}`"));
    let (line, column) = lines.position(first);
    let more = super::more_like(own.len() - 1, "segment");
    Some(format!(
        "line {line}, column {column}: this segment has no word offsets, and {field} counts \
         from another moment than the other segments' word offsets (which count from the \
         call's start): it is read without a time, so timing rules are not checked in this \
         conversation; give every segment its words with their offsets{more}"
    ))
}

/// What a word offset should be.
const OFFSET: &str = "a duration in seconds such as \"1.500s\"";

/// The start offset of the first of `words` (a JSON list) that has one and the end offset of
/// the last, in milliseconds; an offset that cannot be read is counted in `unread`. Anything
/// but a list of objects (a number, a list of strings) has no times.
fn word_span(
    words: &str,
    unread: &mut dyn FnMut(&str, &'static str),
) -> (Option<u64>, Option<u64>) {
    #[derive(Deserialize)]
    struct Word<'a> {
        #[serde(borrow, alias = "startOffset")]
        start_offset: Option<&'a RawValue>,
        #[serde(borrow, alias = "endOffset")]
        end_offset: Option<&'a RawValue>,
    }
    let Ok(words) = serde_json::from_str::<Vec<Word>>(words) else {
        return (None, None);
    };
    let mut read = |raw: Option<&RawValue>| {
        let raw = raw?.get();
        offset_ms(raw).filter(plausible).or_else(|| {
            unread(raw, OFFSET);
            None
        })
    };
    let start = read(words.iter().find_map(|w| w.start_offset));
    let end = read(words.iter().rev().find_map(|w| w.end_offset));
    (start, end)
}

/// A word offset: a protobuf duration as JSON writes it (`"1.500s"`), or seconds (`1.5`, `"1.5"`).
fn offset_ms(raw: &str) -> Option<u64> {
    let text = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"'));
    let seconds = text.map_or(raw, |t| t.trim().strip_suffix('s').unwrap_or(t.trim()));
    seconds_ms(seconds.parse().ok()?)
}

/// Whether `ms` may be a time: fewer milliseconds than a double counts exactly (2^53, 285,000
/// years), where `1e300` reads as the largest number and so as the call's start.
fn plausible(ms: &u64) -> bool {
    *ms < 1 << 53
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warned(json: &str) -> Vec<String> {
        let mut unread = Unread::default();
        let mut clock = Clock::default();
        for line in json.lines() {
            let m = Message::read(line).unwrap();
            times(&m, &mut clock, Unit::Seconds, json, &mut unread);
        }
        unread.warnings(&mut LineCursor::new(json))
    }

    #[test]
    fn a_time_that_cannot_be_read_is_named_with_its_field() {
        let w = warned(r#"{"text": "hi", "BeginOffsetMillis": "20s"}"#);
        assert_eq!(
            w,
            [
                "line 1, column 37: `BeginOffsetMillis` is `\"20s\"`, not a number of milliseconds: \
              the turn is read without this time; write a number of milliseconds"
            ]
        );
        assert!(warned(r#"{"start": -3}"#)[0].contains("`start` is `-3`, a negative time"));
        assert!(warned(r#"{"end_ms": 1e300}"#)[0].contains("`end_ms` is `1e300`, too large"));
        assert!(warned(r#"{"start": "soon"}"#)[0].contains("not a number of seconds, a clock"));
        assert!(warned(r#"{"start": 1.5, "end": "00:00:02", "start_ms": null}"#).is_empty());
        assert!(
            warned(r#"{"start": "", "end_ms": "  "}"#).is_empty(),
            "\"\" is no time"
        );
    }

    #[test]
    fn words_time_a_message_without_an_end() {
        let timed = |json: &str| {
            let m = Message::read(json).unwrap();
            let mut unread = Unread::default();
            let t = times(&m, &mut Clock::default(), Unit::Seconds, json, &mut unread);
            (
                (t.start_ms, t.end_ms),
                unread.warnings(&mut LineCursor::new(json)).len(),
            )
        };
        let words = r#""words": [{"startOffset": "1.5s"}, {"end_offset": 2.25}, {"word": "x"}]"#;
        assert_eq!(
            timed(&format!("{{{words}}}")),
            ((Some(1500), Some(2250)), 0)
        );
        // A message's own end wins, and so does its start then.
        assert_eq!(
            timed(&format!(r#"{{"start": 1, "end": 3, {words}}}"#)),
            ((Some(1000), Some(3000)), 0)
        );
        // Words without offsets, or no list of words, leave the message's own times.
        assert_eq!(
            timed(r#"{"start": 4, "words": [{"word": "a"}]}"#),
            ((Some(4000), None), 0)
        );
        assert_eq!(
            timed(r#"{"start": 4, "words": 12}"#),
            ((Some(4000), None), 0)
        );
        assert_eq!(
            timed(r#"{"words": [{"startOffset": "-1s", "endOffset": "1e300s"}]}"#),
            ((None, None), 2)
        );
    }

    #[test]
    fn a_field_is_named_once_per_conversation_with_how_many_more() {
        let w = warned(
            "{\"start\": \"soon\", \"end\": -1}\n{\"start\": \"later\"}\n{\"start\": \"x\"}",
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("line 1, column 11: `start` is `\"soon\"`")
                && w[0].ends_with(" (… and 2 more messages whose `start` cannot be read)"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("line 1, column 26: `end` is `-1`"),
            "{w:?}"
        );
        assert!(w[1].ends_with("write a number of seconds, a clock or an ISO 8601 date and time"));
    }
}
