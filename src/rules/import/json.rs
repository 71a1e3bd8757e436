//! JSON with places: the vendors' files are read into a small tree whose every value and key
//! knows its byte offset in the file, so that an error found after parsing (a missing `Targets`,
//! a percentage over 100) still names its line and column. serde_json checks the syntax; its
//! borrowed `RawValue`s give the offsets. A key written twice in one object is an error at the
//! second, as in a YAML rule file: serde_json would keep the last without a word.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::HashMap;

mod fields;
mod syntax;
pub(crate) use fields::{Fields, camel};

/// A JSON value and where it starts in the file.
#[derive(Debug)]
pub(crate) struct Node {
    /// Byte offset of the value's first character.
    pub(crate) at: usize,
    pub(crate) value: Value,
}

/// A JSON value; objects keep their keys in file order.
#[derive(Debug)]
pub(crate) enum Value {
    Object(Vec<Entry>),
    Array(Vec<Node>),
    /// A string, number, boolean or null.
    Scalar(serde_json::Value),
}

/// A key of an object, where the key is written, and its value.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) key: String,
    pub(crate) key_at: usize,
    pub(crate) node: Node,
}

/// Something wrong with a value: where, what, and how to fix it.
#[derive(Debug)]
pub(crate) struct Bad {
    pub(crate) at: usize,
    pub(crate) message: String,
    pub(crate) hint: String,
}

/// A [`Bad`] at `at`.
pub(crate) fn bad(at: usize, message: impl Into<String>, hint: impl Into<String>) -> Bad {
    Bad {
        at,
        message: message.into(),
        hint: hint.into(),
    }
}

/// Parses `text`: an error where its JSON syntax is broken, or at the first key, in file order,
/// that its object already holds (JSON that talklint refuses).
pub(crate) fn parse(text: &str) -> Result<Node, Bad> {
    // A byte-order mark (Windows editors write one) is no JSON; offsets stay the file's.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |e| syntax::syntax(text.len() - body.len(), body, &e);
    // A full parse first: it stops at serde_json's nesting limit (128), which bounds the
    // recursion below (reading a `RawValue` does not count depth).
    serde_json::from_str::<serde_json::Value>(body).map_err(syntax)?;
    let raw: &RawValue = serde_json::from_str(body).map_err(syntax)?;
    node(text, raw)
}

/// Byte offset of `part` (a slice of `text`) in `text`; 0 for a part from elsewhere.
fn offset(text: &str, part: &str) -> usize {
    Some(crate::text::offset_in(text, part))
        .filter(|&at| at <= text.len())
        .unwrap_or(0)
}

/// The tree of `raw`, a part of `text`; an error at the first key, in file order, that its
/// object already holds.
fn node<'a>(text: &'a str, raw: &'a RawValue) -> Result<Node, Bad> {
    let source = raw.get();
    let at = offset(text, source);
    // `source` is valid JSON already, so these reads cannot fail; a failure reads as null.
    let value = match source.as_bytes().first() {
        Some(b'{') => {
            let Members(members) = serde_json::from_str(source).unwrap_or_default();
            let mut first_at: HashMap<String, usize> = HashMap::with_capacity(members.len());
            let mut entries = Vec::with_capacity(members.len());
            for (key, raw) in members {
                let value_at = offset(text, raw.get());
                let key_at = key_start(text, value_at).unwrap_or(value_at);
                if let Some(&first) = first_at.get(&key) {
                    return Err(twice(text, &key, first, key_at));
                }
                first_at.insert(key.clone(), key_at);
                let node = node(text, raw)?;
                entries.push(Entry { key, key_at, node });
            }
            Value::Object(entries)
        }
        Some(b'[') => {
            let list: Vec<&'a RawValue> = serde_json::from_str(source).unwrap_or_default();
            let items = list.into_iter().map(|r| node(text, r));
            Value::Array(items.collect::<Result<_, _>>()?)
        }
        _ => Value::Scalar(serde_json::from_str(source).unwrap_or(serde_json::Value::Null)),
    };
    Ok(Node { at, value })
}

/// The error for `key` written again at `second` in an object that holds it at `first`.
fn twice(text: &str, key: &str, first: usize, second: usize) -> Bad {
    let (line, column) = crate::text::lines::LineCursor::new(text).position(first);
    bad(
        second,
        format!("duplicate key `{key}`"),
        format!(
            "remove one of the two: `{key}` is also written at line {line}, column {column}; JSON readers keep one of them without a word"
        ),
    )
}

/// An object's members in file order, every one kept: a map keeps only the last of a key
/// written twice.
#[derive(Default)]
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Read;
        impl<'de> Visitor<'de> for Read {
            type Value = Members<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Read)
    }
}

/// Where the key of the value at `value_at` starts: back over `:` and white space to the
/// key's closing quote, then to its opening one (a quote after an even run of backslashes).
/// Reads only the key, so an object with many keys is still read in linear time.
fn key_start(text: &str, value_at: usize) -> Option<usize> {
    let before = text.get(..value_at)?.trim_end().strip_suffix(':')?;
    let inside = before.trim_end().strip_suffix('"')?.as_bytes();
    let escaped = |i: usize| {
        inside[..i]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count()
            % 2
            == 1
    };
    (0..inside.len())
        .rev()
        .find(|&i| inside[i] == b'"' && !escaped(i))
}

/// What a value is, for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Object(_) => "an object",
        Value::Array(_) => "a list",
        Value::Scalar(serde_json::Value::String(_)) => "a string",
        Value::Scalar(serde_json::Value::Number(_)) => "a number",
        Value::Scalar(serde_json::Value::Bool(_)) => "a boolean",
        Value::Scalar(_) => "null",
    }
}

impl Node {
    /// The entries of an object, or an error naming what `what` should be.
    pub(crate) fn object(&self, what: &str) -> Result<&[Entry], Bad> {
        match &self.value {
            Value::Object(entries) => Ok(entries),
            other => Err(self.wrong(what, "an object `{…}`", false, other)),
        }
    }

    /// The items of a list.
    pub(crate) fn array(&self, what: &str) -> Result<&[Node], Bad> {
        match &self.value {
            Value::Array(items) => Ok(items),
            other => Err(self.wrong(what, "a list `[…]`", false, other)),
        }
    }

    pub(crate) fn string(&self, what: &str) -> Result<&str, Bad> {
        match &self.value {
            Value::Scalar(serde_json::Value::String(s)) => Ok(s),
            other => Err(self.wrong(what, "a string in double quotes", false, other)),
        }
    }

    /// A string that must be one of `values`, each with what it stands for.
    pub(crate) fn choice<T: Copy>(&self, what: &str, values: &[(&str, T)]) -> Result<T, Bad> {
        let written = self.string(what)?;
        let found = values.iter().find(|(name, _)| *name == written);
        found.map(|&(_, value)| value).ok_or_else(|| {
            let names: Vec<String> = values.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            bad(
                self.at,
                format!("unknown {what} \"{written}\""),
                format!("{what} is one of {}", names.join(", ")),
            )
        })
    }

    pub(crate) fn boolean(&self, what: &str) -> Result<bool, Bad> {
        match &self.value {
            Value::Scalar(serde_json::Value::Bool(b)) => Ok(*b),
            other => Err(self.wrong(what, "true or false", true, other)),
        }
    }

    /// A whole number from 0 to `max`; `unit` names it in messages ("milliseconds").
    pub(crate) fn whole(&self, what: &str, max: u64, unit: &str) -> Result<u64, Bad> {
        let number = match &self.value {
            Value::Scalar(serde_json::Value::Number(n)) => n,
            other => return Err(self.wrong(what, &format!("a number of {unit}"), true, other)),
        };
        // A whole number written with a fraction of zeros or an exponent (`5000.0`, `1e3`,
        // `-0`) is that number, as JSON's numbers are one type.
        let whole = number.as_u64().or_else(|| {
            let f = number.as_f64()?;
            // `-0.0 >= 0.0` holds: it is 0.
            (f.fract() == 0.0 && (0.0..=max as f64).contains(&f)).then_some(f as u64)
        });
        whole.filter(|&n| n <= max).ok_or_else(|| {
            bad(
                self.at,
                format!(
                    "`{what}` is {number}: it must be a whole number of {unit} from 0 to {max}"
                ),
                format!("write a whole number of {unit} from 0 to {max}"),
            )
        })
    }

    /// The error of a value of another type than `expected`; `scalar` when a number or a
    /// boolean is expected.
    fn wrong(&self, what: &str, expected: &str, scalar: bool, found: &Value) -> Bad {
        let quoted = match found {
            Value::Scalar(serde_json::Value::String(s)) => format!(" \"{s}\""),
            _ => String::new(),
        };
        // A key is named as written; a value named in words (`the query`) is prose.
        let what = match what.contains(' ') || what.starts_with('`') {
            true => what.to_string(),
            false => format!("`{what}`"),
        };
        // A number or a boolean written as a string: the quotes are the mistake.
        let unquote = match (scalar, found) {
            (true, Value::Scalar(serde_json::Value::String(_))) => " (without quotes)",
            _ => "",
        };
        bad(
            self.at,
            format!("{what} must be {expected}, not {}{quoted}", kind(found)),
            format!("write {expected} here{unquote}"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of the object `text` holds, with where each key and its value start.
    fn keys(text: &str) -> Vec<(String, usize, usize)> {
        match parse(text).unwrap().value {
            Value::Object(entries) => entries
                .into_iter()
                .map(|e| (e.key, e.key_at, e.node.at))
                .collect(),
            other => panic!("an object, not {other:?}"),
        }
    }

    #[test]
    fn values_and_keys_know_their_offsets() {
        let text = "{\"b\": [1, {\"c\": true}],\n \"a\": \"x\"}";
        assert_eq!(keys(text), [("b".into(), 1, 6), ("a".into(), 25, 30)]);
        let inner = parse(text).unwrap();
        let Value::Object(entries) = &inner.value else {
            panic!("an object")
        };
        let items = entries[0].node.array("b").unwrap();
        assert_eq!(&text[items[1].at..items[1].at + 1], "{");
    }

    #[test]
    fn keys_with_escapes_are_found() {
        let text = "{\"a\\\"b\" : 1, \"c\\\\\":2}";
        assert_eq!(keys(text), [("a\"b".into(), 1, 10), ("c\\".into(), 13, 19)]);
    }

    #[test]
    fn the_first_key_written_twice_in_file_order_is_the_error() {
        let error = |text: &str| match parse(text) {
            Err(b) => (b.at, b.message),
            other => panic!("a key written twice, not {other:?}"),
        };
        let text = r#"{"a": 1, "a": {"b": 1, "b": 2}}"#;
        assert_eq!(error(text), (9, "duplicate key `a`".into()));
        let text = r#"[{"b": 1, "b": 2}, {"a": 1, "a": 2}]"#;
        assert_eq!(error(text), (10, "duplicate key `b`".into()));
    }

    #[test]
    fn numbers_are_whole_and_bounded() {
        let root = parse("[\"3000\", 101, 2.5, 40]").unwrap();
        let items = root.array("x").unwrap();
        assert!(
            items[0]
                .whole("T", 100, "ms")
                .unwrap_err()
                .message
                .contains("not a string \"3000\"")
        );
        assert!(items[1].whole("T", 100, "ms").is_err());
        assert!(items[2].whole("T", 100, "ms").is_err());
        assert_eq!(items[3].whole("T", 100, "ms").unwrap(), 40);
    }
}
