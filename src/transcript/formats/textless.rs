//! Messages none of which holds text under a key talklint reads: an error at the first that
//! names its keys, not a file skipped as empty. A chat export that spells its text another way
//! (`"txt": …`) was passed over whole with exit 0, message by message, as a typing event is.

use super::message::Message;
use crate::text::lines::LineCursor;
use crate::transcript::ParseError;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// When `items` (JSON objects, slices of `source`) are messages none of which has a key of text
/// (of any spelling talklint reads, even `null` or empty; nor words, a transcript, or messages
/// of its own) while one holds words under a key it does not read (`"txt": "my order is
/// late"`): the error, at the first, naming its keys as written. `None` otherwise: a
/// conversation of typing events (`{"role": "agent", "type": "typing"}`) is empty, not misspelt.
pub(super) fn error<'s>(source: &str, items: impl Iterator<Item = &'s str>) -> Option<ParseError> {
    let read: Vec<(&str, Keys)> = items
        .map(|item| (item, serde_json::from_str(item).unwrap_or_default()))
        .collect();
    let holds_text = |(_, k): &(&str, Keys)| k.0.iter().any(|(key, _)| Message::names_text(key));
    let wordy =
        |(_, k): &(&str, Keys)| (k.0.iter()).any(|(key, words)| *words && !Message::knows(key));
    if read.iter().any(holds_text) || !read.iter().any(wordy) {
        return None;
    }
    let (first, keys) = read.first()?;
    let named: Vec<String> = keys.0.iter().map(|(k, _)| format!("`{k}`")).collect();
    let at = crate::text::offset_in(source, first.trim_start());
    let (line, column) = LineCursor::new(source).position(at);
    Some(ParseError::at(
        line,
        column,
        format!(
            "no message has its text under a key talklint reads (`text`, `content`, `message`, \
             `body`, `utterance`, `msg`, …); the first has {}: write each message's text under \
             `text`",
            match named.is_empty() {
                true => "no keys".to_string(),
                false => format!("the keys {}", named.join(", ")),
            }
        ),
    ))
}

/// [`error`] of the JSON list `list` (a slice of `source`) of messages.
pub(super) fn of_list(source: &str, list: &str) -> Option<ParseError> {
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(list).ok()?;
    error(source, items.iter().map(|i| i.get()))
}

/// An object's keys, in the order written, each with whether its value is a string of words
/// (one with a space).
#[derive(Default)]
struct Keys(Vec<(String, bool)>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(KeysVisitor)
    }
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = Keys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value: serde_json::Value = map.next_value()?;
            keys.push((key, value.as_str().is_some_and(|s| s.trim().contains(' '))));
        }
        Ok(Keys(keys))
    }
}
