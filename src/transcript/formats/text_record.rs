//! A conversation record whose transcript is one string of labelled lines (`{"id": "c-1",
//! "transcript": "Agent: …\nCustomer: …"}`, as CRM and dataset exports write calls): read as a
//! text transcript, each turn's text mapped back into the string, so a finding points at its
//! words in the file. Such lines were read as messages of one conversation: a file's calls
//! became one, without their ids, every word the agent's.

use super::json_text::conversation_id;
use super::message::Message;
use super::message_text::message_text;
use crate::text::lines::LineCursor;
use crate::transcript::{Decoded, ParseError, ParseOptions, Transcript, TurnText};

/// The string of a record's transcript: `transcript` (or `messages`, `conversation`, …) written
/// as a string of `least` labelled lines or more, in an object that names no speaker and no time
/// of its own (a message of one speaker, or a timed segment, whose text runs over lines stays a
/// message). Two lines tell a record from a message that carries its speaker in its text; one
/// tells it only among records (see [`super::jsonl::LineKind::Either`]).
pub(super) fn transcript<'a>(m: &Message<'a>, least: usize) -> Option<&'a str> {
    let own = [
        m.role,
        m.speaker,
        m.speaker_role,
        m.name,
        m.participant_id,
        m.text,
    ];
    let timed = [m.start, m.start_millis, m.end, m.end_millis];
    if own.iter().chain(&timed).any(Option::is_some) {
        return None;
    }
    [m.transcript, m.messages]
        .into_iter()
        .flatten()
        .find(|json| json.starts_with('"') && labelled_lines(json, least) == least)
}

/// How many lines of the JSON string literal `raw` open with a speaker's label (`Agent: `,
/// `Sarah Lee: `, after a time, `[00:00:05] Agent: `), up to `enough`: a name of at most four
/// words of letters, then a colon and a space.
fn labelled_lines(raw: &str, enough: usize) -> usize {
    let inner = &raw[1..];
    let starts = std::iter::once(0).chain(inner.match_indices("\\n").map(|(i, _)| i + 2));
    (starts.filter(|&at| opens_with_label(&inner[at..])))
        .take(enough)
        .count()
}

fn opens_with_label(line: &str) -> bool {
    let mut rest = line.trim_start();
    // A time before the label: `[00:00:05] ` or `00:00:05 `.
    if let Some(after) = rest
        .strip_prefix('[')
        .and_then(|r| Some(&r[r.find(']')? + 1..]))
    {
        rest = after.trim_start();
    } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
        rest = rest.split_once(' ').map_or("", |(_, r)| r).trim_start();
    }
    super::message_label::label_colon(rest).is_some()
}

/// The JSON object `json` (a slice of `source`) read as a record of a text transcript of `least`
/// labelled lines or more, with its id, when it is one. A file's one object is a record of one
/// labelled line as well: no message is a file of its own.
pub(super) fn of_object(
    source: &str,
    json: &str,
    opts: &ParseOptions,
    least: usize,
) -> Option<Result<Transcript, ParseError>> {
    let m = Message::read(json).ok()?;
    let raw = transcript(&m, least)?;
    let [conversation, call, other] = m.conversation_fields();
    let id = conversation_id([m.id, conversation, call, other]);
    Some(read(raw, opts, &mut LineCursor::new(source)).map(|t| Transcript { id, ..t }))
}

/// The JSON list `json` (a slice of `source`) read as text records, one conversation each, when
/// its items are records (see [`super::jsonl::holds_records`]; a list of messages is asked no
/// more than its first item) and its first is a text record; among them, one of a single
/// labelled line is a record too.
pub(super) fn of_list(
    source: &str,
    json: &str,
    opts: &ParseOptions,
) -> Option<Result<Vec<Transcript>, ParseError>> {
    // A search of the bytes spares a list of messages a second parse.
    let keyed = |key: &str| memchr::memmem::find(json.as_bytes(), key.as_bytes()).is_some();
    if !keyed("\"transcript\"") && !keyed("\"messages\"") {
        return None;
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(json).ok()?;
    if !super::jsonl::holds_records(items.iter().map(|item| item.get())) {
        return None;
    }
    of_object(source, items.first()?.get(), opts, 1)?.ok()?;
    Some(
        (items.iter())
            .map(|item| match of_object(source, item.get(), opts, 1) {
                Some(read) => read,
                None => Err(not_a_record(source, item.get())),
            })
            .collect(),
    )
}

/// The error of an item of a list of text records that is none.
fn not_a_record(source: &str, item: &str) -> ParseError {
    let (line, column) = LineCursor::new(source).position(crate::text::offset_in(source, item));
    ParseError::at(
        line,
        column,
        "a list of conversation records of labelled lines holds an item that is none (each \
         needs a `transcript` string of labelled lines, and no speaker of its own)",
    )
}

/// Reads the JSON string `raw` (a slice of the file `lines` reads) as a text transcript.
pub(super) fn read(
    raw: &str,
    opts: &ParseOptions,
    lines: &mut LineCursor,
) -> Result<Transcript, ParseError> {
    let source = lines.text();
    let Some(outer) = message_text(source, raw)? else {
        return Ok(Transcript::default());
    };
    let text = outer.as_str(source);
    let (mut t, directives) = super::text::parse(text, opts, false);
    // Directives work in text files, not inside a record's string: each is said, as one that
    // cannot be read is, not left out of the turns in silence.
    t.warnings
        .extend(directives.warnings.into_iter().map(|(_, w)| w));
    t.warnings.extend(directives.list.iter().map(|d| {
        format!(
            "line {}, column {}: a `talklint:` directive inside a record's transcript is not \
             read (directives work in text files), and its line is left out of the turns",
            d.line, d.column
        )
    }));
    for turn in &mut t.turns {
        let decoded = match &turn.text {
            TurnText::Source(range) => {
                let mut d = Decoded::default();
                d.push_slice(&outer, source, range.clone());
                d
            }
            TurnText::Decoded(d) => d.through(&outer, source),
        };
        turn.text = TurnText::Decoded(decoded);
    }
    // A warning's place is the string's: made the file's.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    for w in &mut t.warnings {
        let Some((line, column)) = crate::report::place_in(w) else {
            continue;
        };
        let Some(&start) = starts.get(line.saturating_sub(1)) else {
            continue;
        };
        let at = (text[start..].char_indices().nth(column.saturating_sub(1)))
            .map_or(text.len(), |(i, _)| start + i);
        let (line, column) = lines.position(outer.source_offset(at));
        let rest = w.split_once(": ").map_or("", |(_, rest)| rest);
        *w = format!("line {line}, column {column}: {rest}");
    }
    Ok(t)
}
