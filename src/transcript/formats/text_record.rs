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
/// as a string of several lines, in an object that names no speaker of its own (a message of
/// one speaker whose text runs over lines stays a message).
pub(super) fn transcript<'a>(m: &Message<'a>) -> Option<&'a str> {
    let speaks = [
        m.role,
        m.speaker,
        m.speaker_role,
        m.name,
        m.participant_id,
        m.text,
    ];
    if speaks.iter().any(Option::is_some) {
        return None;
    }
    [m.transcript, m.messages]
        .into_iter()
        .flatten()
        .find(|json| json.starts_with('"') && json.contains("\\n"))
}

/// The JSON object `json` (a slice of `source`) read as a record of a text transcript, with its
/// id, when it is one.
pub(super) fn of_object(
    source: &str,
    json: &str,
    opts: &ParseOptions,
) -> Option<Result<Transcript, ParseError>> {
    let m = Message::read(json).ok()?;
    let raw = transcript(&m)?;
    let [conversation, call, other] = m.conversation_fields();
    let id = conversation_id([m.id, conversation, call, other]);
    Some(read(raw, opts, &mut LineCursor::new(source)).map(|t| Transcript { id, ..t }))
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
    let (mut t, _) = super::text::parse(text, opts, false);
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
    for w in &mut t.warnings {
        if let Some(((line, column), rest)) = placed(w) {
            let at = offset_of(text, line, column);
            let (line, column) = lines.position(outer.source_offset(at));
            *w = format!("line {line}, column {column}: {rest}");
        }
    }
    Ok(t)
}

/// The line and column a warning starts with (`line 3, column 7: …`), and the rest.
fn placed(warning: &str) -> Option<((usize, usize), String)> {
    let place = crate::report::place_in(warning)?;
    let rest = warning.split_once(": ")?.1.to_string();
    Some((place, rest))
}

/// The byte offset of 1-based `line` and `column` (in characters) of `text`, lines ending at
/// `\r\n`, `\r` or `\n`; its end when it has no such place.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let (mut at_line, mut at_column) = (1, 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if (at_line, at_column) == (line, column) {
            return i;
        }
        match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => at_column += 1,
            '\r' | '\n' => (at_line, at_column) = (at_line + 1, 1),
            _ => at_column += 1,
        }
    }
    text.len()
}
