//! JSON helpers every JSON reader shares: errors with the line and column in the file, string
//! literals decoded with a map back to their escapes, speaker labels, and times in every unit the
//! formats use (seconds, milliseconds, microseconds, `"1.5s"` durations, clocks, ISO 8601, epochs).

use super::time::{clock_ms, iso8601_ms, seconds_ms};
use crate::text::lines::LineCursor;
use crate::transcript::{Decoded, ParseError, Turn, TurnText};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// Deserialises `part`, a slice of `source`, with errors placed in the whole file.
pub fn from_part<'a, T: Deserialize<'a>>(
    source: &str,
    part: &'a RawValue,
) -> Result<T, ParseError> {
    serde_json::from_str(part.get()).map_err(|e| error_in(source, part.get(), &e))
}

/// An error in reading `part`, a slice of `source`, placed in the whole file.
pub fn error_in(source: &str, part: &str, e: &serde_json::Error) -> ParseError {
    let (line, column) = position(source, part);
    let mut err = json_error(e, part, line - 1);
    if e.line() <= 1 {
        err.column += column - 1;
    }
    err
}

/// The unit of a bare number in a time field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Seconds,
    Millis,
}

/// Turns time values into milliseconds from the start of the conversation. Absolute times (ISO
/// 8601, epoch milliseconds or seconds) count from the first one seen ([`Clock::default`]), or,
/// on a [`Clock::earliest`], from the earliest one of the conversation (or its known start, when
/// earlier): such a clock keeps them absolute until [`Clock::rebase`] makes them relative, so a
/// message earlier than the first one read (an export written newest first) is not put at 0.
#[derive(Debug, Default)]
pub struct Clock {
    epoch_ms: Option<u64>,
    earliest: bool,
}

impl Clock {
    /// A clock whose absolute times count from the earliest of them and `start_ms` (epoch
    /// milliseconds, the conversation's start when the file gives it), made relative by
    /// [`Clock::rebase`] once the conversation is read.
    pub fn earliest(start_ms: Option<u64>) -> Clock {
        Clock {
            epoch_ms: start_ms,
            earliest: true,
        }
    }

    /// Makes the absolute times of `turns`, read on a [`Clock::earliest`], count from the
    /// earliest; a time below it is an offset already, and is kept.
    pub fn rebase(&self, turns: &mut [Turn]) {
        let Some(epoch) = self.epoch_ms.filter(|_| self.earliest) else {
            return;
        };
        for t in turns {
            for ms in [&mut t.start_ms, &mut t.end_ms].into_iter().flatten() {
                if *ms >= epoch {
                    *ms -= epoch;
                }
            }
        }
    }

    /// A relative time: a number in `unit`, a numeric string in `unit` (AWS writes `"4.87"`), a
    /// protobuf duration (`"1.500s"`), a clock (`00:01:02`), or an ISO 8601 date-time.
    pub fn time(&mut self, json: &str, unit: Unit) -> Option<u64> {
        match json.parse::<f64>() {
            Ok(v) => in_unit(v, unit),
            Err(_) => self.time_str(
                &serde_json::from_str::<std::borrow::Cow<str>>(json).ok()?,
                unit,
            ),
        }
    }

    /// A relative time written as text (see [`Clock::time`]).
    pub fn time_str(&mut self, s: &str, unit: Unit) -> Option<u64> {
        let s = s.trim();
        if let Ok(v) = s.parse::<f64>() {
            return in_unit(v, unit);
        }
        if let Some(secs) = s.strip_suffix('s').and_then(|n| n.parse::<f64>().ok()) {
            return seconds_ms(secs);
        }
        if let Some(ms) = clock_ms(s) {
            return Some(ms);
        }
        self.absolute(iso8601_ms(s)?)
    }

    /// A time that is epoch milliseconds when it falls after 2000-01-01 (made relative to the
    /// conversation's start), else already an offset from the start (documentation examples
    /// count from zero).
    pub fn epoch_or_offset(&mut self, ms: u64) -> Option<u64> {
        const YEAR_2000_MS: u64 = 946_684_800_000;
        if ms >= YEAR_2000_MS {
            self.absolute(ms)
        } else {
            Some(ms)
        }
    }

    /// An absolute time in epoch milliseconds, relative to the conversation's start (on a
    /// [`Clock::earliest`], kept as it is until [`Clock::rebase`]).
    pub fn absolute(&mut self, epoch_ms: u64) -> Option<u64> {
        if self.earliest {
            self.epoch_ms = Some(self.epoch_ms.map_or(epoch_ms, |e| e.min(epoch_ms)));
            return Some(epoch_ms);
        }
        let epoch = *self.epoch_ms.get_or_insert(epoch_ms);
        Some(epoch_ms.saturating_sub(epoch))
    }
}

/// Puts `turns` in time order when a message is earlier than one before it (an export written
/// newest first): a stable sort by start time when every turn has one, each turn keeping its
/// place in the file. When some have none there is no order to put them in: they stay in file
/// order, and the warning says so, placed by `lines` at the first turn out of order.
pub fn in_time_order(turns: &mut [Turn], lines: &mut LineCursor) -> Option<String> {
    let mut latest = None;
    let back = turns.iter().position(|t| match (t.start_ms, latest) {
        (Some(s), Some(l)) if s < l => true,
        (Some(s), _) => {
            latest = Some(s);
            false
        }
        (None, _) => false,
    })?;
    let untimed = turns.iter().filter(|t| t.start_ms.is_none()).count();
    if untimed == 0 {
        turns.sort_by_key(|t| t.start_ms);
        return None;
    }
    let (line, column) = lines.position(turns[back].source_offset(0));
    Some(format!(
        "line {line}, column {column}: this message is earlier than one before it, and {untimed} \
         of the {} messages have no time, so they cannot be put in time order: they are read in \
         the order written, which rules of who speaks first or last take as the order spoken; \
         give every message its time, or write them in time order",
        turns.len()
    ))
}

/// A number of `unit`s in milliseconds.
fn in_unit(v: f64, unit: Unit) -> Option<u64> {
    /// More seconds than any clock counts (3,000 years): such a number is epoch milliseconds.
    const MOST_SECONDS: f64 = 1e11;
    match unit {
        Unit::Seconds if v < MOST_SECONDS => seconds_ms(v),
        Unit::Seconds | Unit::Millis => seconds_ms(v / 1000.0),
    }
}

/// A JSON string's value (escapes decoded); `None` for other values.
pub fn string(json: &str) -> Option<String> {
    serde_json::from_str(json).ok()
}

/// A conversation id: the first of `fields` that is a string (its value) or another value but
/// `null` (its JSON text, so `7` is `"7"`).
pub fn conversation_id<'a>(fields: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    fields
        .into_iter()
        .flatten()
        .filter(|&json| json != "null")
        .find_map(|json| string(json).or_else(|| Some(json.to_string())))
}

/// The text of a JSON string at its place in `source`; `None` when the value is not a string.
pub fn text_of(source: &str, json: &str) -> Option<TurnText> {
    json.starts_with('"')
        .then(|| decode_string(json, crate::text::offset_in(source, json)))
}

/// serde_json's error `e` in reading `json`, whose first line is line `line_offset + 1` of the
/// file, at its line and column in characters.
pub fn json_error(e: &serde_json::Error, json: &str, line_offset: usize) -> ParseError {
    let text = e.to_string();
    let message = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i]);
    // serde_json says column 0 for an error before a line's first character.
    let line = e.line().max(1);
    ParseError::at(
        line + line_offset,
        char_column(json, line, e.column().max(1)),
        crate::json_words::plain(message),
    )
}

/// The 1-based column in characters of serde_json's `column`, which counts the bytes of line
/// `line` (1-based) of `json` (`"éé" "x"` errs at byte column 8, character column 6). A column
/// past the line's end counts one for each byte past it; one inside a character is that
/// character's.
fn char_column(json: &str, line: usize, column: usize) -> usize {
    let bytes = json.as_bytes();
    let start = match line {
        1 => 0,
        n => memchr::memchr_iter(b'\n', bytes)
            .nth(n - 2)
            .map_or(bytes.len(), |i| i + 1),
    };
    let rest = &json[start..];
    let text = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let at = column - 1;
    let mut within = at.min(text.len());
    while !text.is_char_boundary(within) {
        within -= 1;
    }
    text[..within].chars().count() + (at - at.min(text.len())) + 1
}

/// 1-based line and column (in characters) of a slice of `source`.
pub fn position(source: &str, part: &str) -> (usize, usize) {
    let offset = crate::text::offset_in(source, part);
    crate::text::lines::LineCursor::new(source).position(offset)
}

/// A whole number of microseconds (Google CCAI's `start_timestamp_usec`).
pub fn micros(json: &str) -> Option<u64> {
    number(json).and_then(|v| seconds_ms(v / 1_000_000.0))
}

/// A whole number of milliseconds.
pub fn millis(json: &str) -> Option<u64> {
    number(json).and_then(|v| seconds_ms(v / 1000.0))
}

/// A JSON number, or a string that holds one (`"1000"`, as some exports write offsets).
fn number(json: &str) -> Option<f64> {
    let quoted = json.len() > 2 && json.starts_with('"') && json.ends_with('"');
    let digits = if quoted {
        &json[1..json.len() - 1]
    } else {
        json
    };
    digits.parse::<f64>().ok()
}

/// A number, or a string that holds one (`"1700000003000"`, as some exports write times), for
/// `#[serde(deserialize_with)]`; `null`, `""` or a blank string is none.
pub fn number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    struct Written;
    impl serde::de::Visitor<'_> for Written {
        type Value = Option<f64>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number, or a string that holds one")
        }
        fn visit_f64<E>(self, v: f64) -> Result<Option<f64>, E> {
            Ok(Some(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Option<f64>, E> {
            Ok(Some(v as f64))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Option<f64>, E> {
            Ok(Some(v as f64))
        }
        fn visit_unit<E>(self) -> Result<Option<f64>, E> {
            Ok(None)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Option<f64>, E> {
            match s.trim() {
                "" => Ok(None),
                digits => digits
                    .parse()
                    .map(Some)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(s), &self)),
            }
        }
    }
    d.deserialize_any(Written)
}

/// A label from a string, or from the first of `keys` in an object, or in its `user` or
/// `application` object (a Microsoft Graph message's `from: {"user": {"displayName": …}}`); a
/// plain string (the usual label) is borrowed.
pub fn label<'a>(json: &'a str, keys: &[&str]) -> Option<Cow<'a, str>> {
    if json.len() > 2 && json.starts_with('"') && !json.contains('\\') {
        let s = json[1..json.len() - 1].trim();
        return (!s.is_empty()).then_some(Cow::Borrowed(s));
    }
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(Cow::Owned(s)),
        // Diarisation labels may be numbers (Deepgram's `speaker: 0`, CCAI's `user_id: 1`).
        serde_json::Value::Number(n) => Some(Cow::Owned(n.to_string())),
        serde_json::Value::Object(map) => {
            let of = |map: &serde_json::Map<String, serde_json::Value>| {
                keys.iter()
                    .find_map(|k| map.get(*k)?.as_str().map(|s| Cow::Owned(s.to_string())))
            };
            of(&map).or_else(|| {
                ["user", "application"]
                    .iter()
                    .find_map(|k| of(map.get(*k)?.as_object()?))
            })
        }
        _ => None,
    }
}

/// A JSON string literal (with its quotes) at `offset` of the source, as turn text: the source
/// range itself when it has no escapes, else decoded text mapped back to the escapes.
pub fn decode_string(json: &str, offset: usize) -> TurnText {
    let inner = &json[1..json.len() - 1];
    let base = offset + 1;
    let Some(mut i) = backslash(inner) else {
        return TurnText::Source(base..base + inner.len());
    };
    let mut out = Decoded::default();
    let mut run = 0;
    loop {
        if run < i {
            out.push_verbatim(&inner[run..i], base + run);
        }
        let (c, len) = unescape(&inner[i..]);
        let mut buf = [0u8; 4];
        // A match that ends in it ends where the escape does (`caf\u00e9` whole).
        out.push_respelled(c.encode_utf8(&mut buf), base + i..base + i + len);
        i += len;
        run = i;
        match inner.get(i..).and_then(backslash) {
            Some(next) => i += next,
            None => break,
        }
    }
    if run < inner.len() {
        out.push_verbatim(&inner[run..], base + run);
    }
    TurnText::Decoded(out)
}

/// Where the first backslash of a message's text is: with the SIMD `memchr`, where
/// `str::contains` reads a word at a time (a short key or label is searched faster that way).
fn backslash(json: &str) -> Option<usize> {
    memchr::memchr(b'\\', json.as_bytes())
}

/// Decodes one escape at the start of `s` (which begins with `\`): the character and the escape's
/// length in bytes.
pub(crate) fn unescape(s: &str) -> (char, usize) {
    let b = s.as_bytes();
    let simple = match b.get(1) {
        Some(b'n') => '\n',
        Some(b't') => '\t',
        Some(b'r') => '\r',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'u') => {
            let hex = |at: usize| {
                s.get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            let Some(first) = hex(2) else {
                return ('\u{fffd}', 2);
            };
            if (0xD800..0xDC00).contains(&first)
                && s.get(6..8) == Some("\\u")
                && let Some(second) = hex(8).filter(|v| (0xDC00..0xE000).contains(v))
            {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return (char::from_u32(c).unwrap_or('\u{fffd}'), 12);
            }
            return (char::from_u32(first).unwrap_or('\u{fffd}'), 6);
        }
        Some(&c) if c.is_ascii() => c as char,
        // Not JSON (callers pass validated JSON), but a character is never split: `\é` is `é`.
        Some(_) => {
            let c = s[1..].chars().next().unwrap_or('\u{fffd}');
            return (c, 1 + c.len_utf8());
        }
        None => '\\',
    };
    (simple, 2.min(b.len()))
}
