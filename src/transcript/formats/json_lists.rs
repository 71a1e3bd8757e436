//! A JSON file whose top is a list: text records, one conversation each ([`super::text_record`]),
//! else messages, one conversation or one per run of a `conversation_id`. A list of other
//! things (a tool's data staged beside the transcripts) is no transcript, and says so.

use super::chat_json::parse_message_list;
use super::json_shapes::EXPECTED;
use super::json_text::Unit;
use crate::transcript::{Format, ParseError, ParseOptions, Parsed, Transcript};

/// Parses the JSON list `list` (a slice of `source`) of a file read as `format`.
pub(super) fn parse(
    source: &str,
    list: &str,
    format: Format,
    opts: &ParseOptions,
) -> Result<Parsed, ParseError> {
    // A list of text records, one conversation each, as a JSONL file of them is read.
    if let Some(records) = super::text_record::of_list(source, list, opts) {
        return Ok(Parsed::of(format, records?));
    }
    // One conversation, or one per run of messages with the same `conversation_id`.
    let mut all = parse_message_list(source, list, Unit::Seconds, opts)?;
    // `[{"foo": …}]` is no list of messages; `[]` is an empty one (skipped as such).
    let empty = list[1..].trim_start().starts_with(']');
    if all.iter().all(|t| t.turns.is_empty()) && !empty {
        // An array of other things is no transcript: its error says so, and the help to leave
        // it out follows.
        let unrecognised = |mut e: ParseError| {
            e.message = format!("unrecognised JSON shape: {}", e.message);
            e
        };
        return Err(super::textless::of_list(source, list)
            .map(unrecognised)
            .unwrap_or_else(|| {
                ParseError::at(
                    1,
                    1,
                    format!(
                        "unrecognised JSON shape: no item of the array has message text (`text`, `content`, `message`, `body` or `utterance`); {EXPECTED}"
                    ),
                )
            }));
    }
    if all.is_empty() {
        all.push(Transcript::default());
    }
    Ok(Parsed::of(format, all))
}
