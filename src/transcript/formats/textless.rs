//! Messages none of which holds text under a key talklint reads: an error at the first that
//! names its keys, not a file skipped as empty. A chat export that spells its text another way
//! (`"txt": …`) was passed over whole with exit 0, message by message, as a typing event is.

use super::message::Message;
use crate::text::lines::LineCursor;
use crate::transcript::ParseError;

/// When `items` (JSON objects, slices of `source`) are messages none of which has a text key
/// (nor words, a transcript, or messages of its own): the error, at the first, naming its keys.
/// `None` when one has (its text may be empty: a conversation of typing events is empty).
pub(super) fn error<'s>(
    source: &str,
    mut items: impl Iterator<Item = &'s str>,
) -> Option<ParseError> {
    let first = items.next()?;
    let holds_text = |item: &str| {
        Message::read(item)
            .is_ok_and(|m| m.text.or(m.transcript).or(m.words).or(m.messages).is_some())
    };
    if holds_text(first) || items.any(holds_text) {
        return None;
    }
    let keys: serde_json::Map<String, serde_json::Value> = serde_json::from_str(first).ok()?;
    let keys: Vec<String> = keys.keys().map(|k| format!("`{k}`")).collect();
    let at = crate::text::offset_in(source, first.trim_start());
    let (line, column) = LineCursor::new(source).position(at);
    Some(ParseError::at(
        line,
        column,
        format!(
            "no message has its text under a key talklint reads (`text`, `content`, `message`, \
             `body`, `utterance`, `msg`); the first has {}: write each message's text under \
             `text`",
            match keys.is_empty() {
                true => "no keys".to_string(),
                false => format!("the keys {}", keys.join(", ")),
            }
        ),
    ))
}
