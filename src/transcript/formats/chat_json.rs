//! Chat JSON and JSONL: an array of messages, `{"messages": […]}`, or one message per line. A
//! message names its speaker in `role`/`speaker`/`author`/`sender`/`from`/`name`/`user` (a string or
//! an object with `name`/`role`) and its text in `text`/`content`/`message`/`body`/`utterance`.
//! Messages without text (typing events, joins) are skipped. Text keeps its position in the file,
//! escapes included, so findings point at the right column.

use super::lines::lines;
use super::time::{clock_ms, iso8601_ms, seconds_ms};
use crate::transcript::{Decoded, ParseError, ParseOptions, Role, Transcript, Turn, TurnText};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The fields a message may carry, under the names chat tools and contact-center exports use
/// (Amazon Connect / Contact Lens `Transcript` items, Google CCAI `entries`, AWS PCA
/// `SpeechSegments`, Deepgram `utterances`, Whisper `segments`); anything else is ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Message<'a> {
    #[serde(borrow)]
    role: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "participant_role",
        alias = "participantRole",
        alias = "ParticipantRole"
    )]
    speaker_role: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "author",
        alias = "sender",
        alias = "from",
        alias = "speaker_name"
    )]
    #[serde(alias = "DisplayName", alias = "SegmentSpeaker")]
    speaker: Option<&'a RawValue>,
    /// Amazon Connect's participant: `AGENT`/`CUSTOMER` in call analyses, an id in chats.
    #[serde(borrow, rename = "ParticipantId")]
    participant_id: Option<&'a RawValue>,
    #[serde(borrow, alias = "user", alias = "participant", alias = "user_id")]
    name: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "content",
        alias = "message",
        alias = "body",
        alias = "utterance"
    )]
    #[serde(alias = "Content", alias = "DisplayText", alias = "transcript")]
    text: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "start_time",
        alias = "startTime",
        alias = "timestamp",
        alias = "time"
    )]
    #[serde(
        alias = "ts",
        alias = "created_at",
        alias = "createdAt",
        alias = "datetime"
    )]
    #[serde(alias = "AbsoluteTime", alias = "SegmentStartTime")]
    start: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "start_ms",
        alias = "startMs",
        alias = "offset_ms",
        alias = "BeginOffsetMillis"
    )]
    start_millis: Option<&'a RawValue>,
    #[serde(borrow)]
    start_timestamp_usec: Option<&'a RawValue>,
    #[serde(
        borrow,
        alias = "end_time",
        alias = "endTime",
        alias = "SegmentEndTime"
    )]
    end: Option<&'a RawValue>,
    #[serde(borrow, alias = "end_ms", alias = "endMs", alias = "EndOffsetMillis")]
    end_millis: Option<&'a RawValue>,
}

/// The top level of a JSON chat file that is an object.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Envelope<'a> {
    #[serde(
        borrow,
        alias = "turns",
        alias = "transcript",
        alias = "conversation",
        alias = "dialog"
    )]
    #[serde(
        alias = "Transcript",
        alias = "entries",
        alias = "segments",
        alias = "SpeechSegments"
    )]
    #[serde(alias = "utterances")]
    messages: Option<&'a RawValue>,
    /// Deepgram keeps its `utterances` under `results`.
    #[serde(borrow)]
    results: Option<&'a RawValue>,
    #[serde(alias = "conversation_id", alias = "conversationId")]
    id: Option<serde_json::Value>,
}

fn json_error(e: &serde_json::Error, line_offset: usize) -> ParseError {
    let text = e.to_string();
    let message = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i]);
    ParseError::at(e.line() + line_offset, e.column(), message)
}

/// Parses a JSON chat file.
pub fn parse_json(source: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    let body = source.trim_start_matches('\u{feff}');
    let top: &RawValue = serde_json::from_str(body).map_err(|e| json_error(&e, 0))?;
    let (list, id) = if top.get().starts_with('[') {
        (top, None)
    } else {
        let env: Envelope = serde_json::from_str(top.get()).map_err(|e| json_error(&e, 0))?;
        let nested = || {
            let results: Envelope = serde_json::from_str(env.results?.get()).ok()?;
            results.messages
        };
        let Some(list) = env.messages.or_else(nested) else {
            return Err(ParseError::at(
                1,
                1,
                "unrecognised JSON shape: expected an array of messages, or an object with a list \
                 of them under `messages`, `turns`, `transcript`, `Transcript` (Amazon Connect), \
                 `entries` (Google CCAI), `SpeechSegments` (AWS PCA), `segments` (Whisper) or \
                 `results.utterances` (Deepgram, diarised)",
            ));
        };
        (
            list,
            env.id
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)),
        )
    };
    let messages: Vec<Message> = serde_json::from_str(list.get()).map_err(|e| {
        let (line, _) = position(source, list.get());
        let mut err = json_error(&e, line - 1);
        if e.line() == 1 {
            err.column += position(source, list.get()).1 - 1;
        }
        err
    })?;
    let mut builder = Builder::new(source, opts);
    for m in &messages {
        builder.add(m);
    }
    Ok(Transcript {
        id,
        turns: builder.finish(),
    })
}

/// Parses JSONL: one message per line; blank lines are allowed.
pub fn parse_jsonl(source: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    let mut builder = Builder::new(source, opts);
    for line in lines(source) {
        let text = line.text.trim_start_matches('\u{feff}').trim_end();
        if text.trim_start().is_empty() {
            continue;
        }
        let m: Message = serde_json::from_str(text).map_err(|e| json_error(&e, line.number - 1))?;
        builder.add(&m);
    }
    Ok(Transcript {
        id: None,
        turns: builder.finish(),
    })
}

/// 1-based line and column (in characters) of a slice of `source`.
fn position(source: &str, part: &str) -> (usize, usize) {
    let offset = part.as_ptr() as usize - source.as_ptr() as usize;
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Turns messages into turns, with times relative to the first absolute timestamp.
struct Builder<'s> {
    source: &'s str,
    opts: &'s ParseOptions,
    turns: Vec<Turn>,
    /// Absolute times (ISO 8601) are made relative to the first one seen.
    epoch_ms: Option<u64>,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str, opts: &'s ParseOptions) -> Self {
        Builder {
            source,
            opts,
            turns: Vec::new(),
            epoch_ms: None,
        }
    }

    fn add(&mut self, m: &Message) {
        let Some(text) = m.text.and_then(|raw| self.text(raw)) else {
            return;
        };
        let speaker = [m.speaker, m.name, m.participant_id, m.role]
            .into_iter()
            .flatten()
            .find_map(|raw| label(raw, &["name", "display_name", "displayName", "id"]));
        let role_label = [m.role, m.speaker_role, m.participant_id]
            .into_iter()
            .flatten()
            .find_map(|raw| label(raw, &["role", "type"]))
            .or_else(|| m.speaker.and_then(|raw| label(raw, &["role", "type"])));
        let role = match (&role_label, &speaker) {
            (Some(r), _) if self.opts.roles.knows(r) => self.opts.roles.role_of(r),
            (_, Some(s)) if self.opts.roles.knows(s) => self.opts.roles.role_of(s),
            (None, None) => self.opts.default_role,
            _ => Role::Unknown,
        };
        let start_ms = m
            .start_millis
            .and_then(millis)
            .or_else(|| m.start_timestamp_usec.and_then(micros))
            .or_else(|| m.start.and_then(|raw| self.time(raw)));
        let end_ms = m
            .end_millis
            .and_then(millis)
            .or_else(|| m.end.and_then(|raw| self.time(raw)));
        self.turns.push(Turn {
            role,
            speaker: speaker.map(Into::into),
            start_ms,
            end_ms,
            text,
        });
    }

    /// The turns, with the default for diarised two-speaker calls applied: when no speaker
    /// label maps to a role and there are exactly two labels (`spk_0`/`spk_1`, `0`/`1`), the
    /// agent is whoever says the first turn of three words or more (a call opens with the
    /// agent's greeting; a caller's "Mm." or "Hello?" before it does not count), the other the
    /// customer. Config `roles:` overrides it.
    fn finish(mut self) -> Vec<Turn> {
        let mut labels: Vec<std::sync::Arc<str>> = Vec::new();
        for t in &self.turns {
            if let Some(s) = &t.speaker
                && !labels.contains(s)
            {
                labels.push(s.clone());
            }
        }
        if labels.len() == 2 && self.turns.iter().all(|t| t.role == Role::Unknown) {
            let opener = self
                .turns
                .iter()
                .find(|t| t.text(self.source).split_whitespace().count() >= 3)
                .and_then(|t| t.speaker.clone())
                .unwrap_or_else(|| labels[0].clone());
            for t in &mut self.turns {
                t.role = if t.speaker.as_ref() == Some(&opener) {
                    Role::Agent
                } else {
                    Role::Customer
                };
            }
        }
        self.turns
    }

    /// The message text with its place in the source; `None` when it is not text.
    fn text(&self, raw: &RawValue) -> Option<TurnText> {
        let json = raw.get();
        let offset = json.as_ptr() as usize - self.source.as_ptr() as usize;
        if json.starts_with('"') {
            return Some(decode_string(json, offset));
        }
        if json.starts_with('[') {
            // OpenAI-style content parts: [{"type": "text", "text": "…"}].
            #[derive(Deserialize)]
            struct Part<'a> {
                #[serde(borrow)]
                text: Option<&'a RawValue>,
            }
            let parts: Vec<Part> = serde_json::from_str(json).ok()?;
            let mut decoded = Decoded::default();
            for p in parts.iter().filter_map(|p| p.text) {
                if !decoded.text.is_empty() {
                    decoded.push_replacement(" ", offset);
                }
                let at = p.get().as_ptr() as usize - self.source.as_ptr() as usize;
                match decode_string(p.get(), at) {
                    TurnText::Source(r) => decoded.push_verbatim(&self.source[r.clone()], r.start),
                    TurnText::Decoded(d) => {
                        decoded.push_replacement(&d.text, at);
                    }
                }
            }
            return (!decoded.text.is_empty()).then_some(TurnText::Decoded(decoded));
        }
        None
    }

    /// A time value: a number of seconds, a clock string, or an ISO 8601 date-time.
    fn time(&mut self, raw: &RawValue) -> Option<u64> {
        let json = raw.get();
        if let Ok(secs) = json.parse::<f64>() {
            return seconds_ms(secs);
        }
        let s: String = serde_json::from_str(json).ok()?;
        if let Some(ms) = clock_ms(&s) {
            return Some(ms);
        }
        let abs = iso8601_ms(&s)?;
        let epoch = *self.epoch_ms.get_or_insert(abs);
        Some(abs.saturating_sub(epoch))
    }
}

/// A whole number of microseconds (Google CCAI's `start_timestamp_usec`).
fn micros(raw: &RawValue) -> Option<u64> {
    raw.get()
        .parse::<f64>()
        .ok()
        .and_then(|v| seconds_ms(v / 1_000_000.0))
}

/// A whole number of milliseconds.
fn millis(raw: &RawValue) -> Option<u64> {
    raw.get()
        .parse::<f64>()
        .ok()
        .and_then(|v| seconds_ms(v / 1000.0))
}

/// A label from a string, or from the first of `keys` in an object.
fn label(raw: &RawValue, keys: &[&str]) -> Option<String> {
    let json = raw.get();
    if json.len() > 2 && json.starts_with('"') && !json.contains('\\') {
        let s = json[1..json.len() - 1].trim();
        return (!s.is_empty()).then(|| s.to_string());
    }
    let value: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s),
        // Diarisation labels may be numbers (Deepgram's `speaker: 0`, CCAI's `user_id: 1`).
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Object(map) => keys
            .iter()
            .find_map(|k| map.get(*k).and_then(|v| v.as_str()).map(str::to_string)),
        _ => None,
    }
}

/// A JSON string literal (with its quotes) at `offset` of the source, as turn text: the source
/// range itself when it has no escapes, else decoded text mapped back to the escapes.
pub fn decode_string(json: &str, offset: usize) -> TurnText {
    let inner = &json[1..json.len() - 1];
    let base = offset + 1;
    if !inner.contains('\\') {
        return TurnText::Source(base..base + inner.len());
    }
    let mut out = Decoded::default();
    let bytes = inner.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        if run < i {
            out.push_verbatim(&inner[run..i], base + run);
        }
        let (c, len) = unescape(&inner[i..]);
        let mut buf = [0u8; 4];
        out.push_replacement(c.encode_utf8(&mut buf), base + i);
        i += len;
        run = i;
    }
    if run < inner.len() {
        out.push_verbatim(&inner[run..], base + run);
    }
    TurnText::Decoded(out)
}

/// Decodes one escape at the start of `s` (which begins with `\`): the character and the escape's
/// length in bytes.
fn unescape(s: &str) -> (char, usize) {
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
        Some(&c) => c as char,
        None => '\\',
    };
    (simple, 2.min(b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_maps_back_to_the_source() {
        let src = r#"{"a":"x\n\u00e9\"y z"}"#;
        let start = src.find("\"x").unwrap();
        let end = src.rfind('"').unwrap() + 1;
        let TurnText::Decoded(d) = decode_string(&src[start..end], start) else {
            panic!("escapes decode");
        };
        assert_eq!(d.text, "x\né\"y z");
        let turn = Turn {
            text: TurnText::Decoded(d),
            ..Turn::new(Role::Agent, None, 0..0)
        };
        let z = "x\né\"y ".len();
        assert_eq!(&src[turn.source_offset(z)..turn.source_offset(z) + 1], "z");
    }

    #[test]
    fn arrays_envelopes_and_field_aliases() {
        let src = r#"{"id": "c1", "messages": [
            {"author": {"name": "Sam", "role": "agent"}, "body": "hi"},
            {"speaker": "Customer", "content": "hello", "start": 1.5},
            {"type": "typing"},
            {"role": "user", "message": "bye"}
        ]}"#;
        let t = parse_json(src, &ParseOptions::default()).unwrap();
        assert_eq!(t.id.as_deref(), Some("c1"));
        let got: Vec<(Role, Option<&str>, &str)> = t
            .turns
            .iter()
            .map(|x| (x.role, x.speaker.as_deref(), x.text(src)))
            .collect();
        assert_eq!(
            got,
            [
                (Role::Agent, Some("Sam"), "hi"),
                (Role::Customer, Some("Customer"), "hello"),
                (Role::Customer, Some("user"), "bye"),
            ]
        );
        assert_eq!(t.turns[1].start_ms, Some(1500));
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let err =
            parse_json("[\n {\"text\": \"a\" \"b\"}\n]", &ParseOptions::default()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 15));
        let err = parse_jsonl(
            "{\"text\":\"ok\"}\n{\"text\": }\n",
            &ParseOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.line, 2);
        let err = parse_json("{\"foo\": 1}", &ParseOptions::default()).unwrap_err();
        assert!(
            err.message.contains("unrecognised JSON shape"),
            "{}",
            err.message
        );
    }

    #[test]
    fn whisper_segments_and_deepgram_utterances() {
        let whisper = r#"{"text": "hi there all", "segments": [
            {"id": 0, "start": 0.0, "end": 1.5, "text": " Thank you for calling."},
            {"id": 1, "start": 1.5, "end": 3.0, "text": " My router is down."}]}"#;
        let t = parse_json(whisper, &ParseOptions::default()).unwrap();
        assert_eq!(t.turns.len(), 2);
        assert_eq!(
            (t.turns[1].start_ms, t.turns[1].role),
            (Some(1500), Role::Agent),
            "no speakers: the default role"
        );
        let deepgram = r#"{"metadata": {}, "results": {"channels": [], "utterances": [
            {"start": 0.2, "end": 1.0, "speaker": 0, "transcript": "hello?"},
            {"start": 1.1, "end": 3.0, "speaker": 1, "transcript": "thanks for calling acme support"},
            {"start": 3.1, "end": 4.0, "speaker": 0, "transcript": "my bill is wrong"}]}}"#;
        let t = parse_json(deepgram, &ParseOptions::default()).unwrap();
        let roles: Vec<(Role, Option<&str>)> = t
            .turns
            .iter()
            .map(|x| (x.role, x.speaker.as_deref()))
            .collect();
        assert_eq!(
            roles,
            [
                (Role::Customer, Some("0")),
                (Role::Agent, Some("1")),
                (Role::Customer, Some("0")),
            ],
            "the first speaker with three words or more is the agent"
        );
        assert_eq!(t.turns[1].start_ms, Some(1100));
    }

    #[test]
    fn iso_times_are_relative_to_the_first_message() {
        let src = "{\"role\":\"agent\",\"text\":\"a\",\"timestamp\":\"2020-04-01T17:31:32.000Z\"}\n\
                   {\"role\":\"customer\",\"text\":\"b\",\"timestamp\":\"2020-04-01T17:32:02.500Z\"}\n";
        let t = parse_jsonl(src, &ParseOptions::default()).unwrap();
        assert_eq!(t.turns[0].start_ms, Some(0));
        assert_eq!(t.turns[1].start_ms, Some(30_500));
    }
}
