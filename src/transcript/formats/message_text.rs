//! A message's text value, read in one pass over its JSON: a string; a number or `true`/`false`
//! as written; an object's `text` (`{"type": "text", "text": "…"}`); or a list of any of these,
//! joined with spaces. A value nested more than [`MAX_NESTING`] levels deep is an error at the
//! bracket that goes too deep: reading it once per level overflowed the stack (and took time
//! quadratic in its size) on a message nested 10,000 deep.

use super::json_text::decode_string;
use crate::text::lines::LineCursor;
use crate::transcript::{Decoded, ParseError, TurnText};
use std::ops::Range;

/// How deep lists and objects may nest in a message's text, counted from the text value:
/// serde_json's limit, which bounds every other JSON value talklint reads whole.
pub(super) const MAX_NESTING: usize = 128;

/// The text of `json`, a message's text value (valid JSON, a slice of `source`), with its place
/// in the source; `None` where there is none (`null`, a string of no word, an empty list, an
/// object without `text` or with it twice).
pub(super) fn message_text(source: &str, json: &str) -> Result<Option<TurnText>, ParseError> {
    let offset = crate::text::offset_in(source, json);
    let mut reader = Reader {
        bytes: json.as_bytes(),
        at: 0,
        pieces: Vec::new(),
    };
    match json.as_bytes().first() {
        // No text (`null`, `""`, `" "`), as a message without a text key is: passed over, not
        // a turn.
        None | Some(b'n') => return Ok(None),
        Some(b'"') if is_blank_literal(json) => return Ok(None),
        // The usual text: a string literal, read as itself.
        Some(b'"') => return Ok(Some(decode_string(json, offset))),
        Some(_) => {}
    }
    if let Err(TooDeep(at)) = reader.value(0, true) {
        let (line, column) = LineCursor::new(source).position(offset + at);
        return Err(ParseError::at(
            line,
            column,
            format!(
                "message text nested more than {MAX_NESTING} levels deep: write a message's \
                 text as a string, or a list of strings and {{\"text\": …}} parts"
            ),
        ));
    }
    Ok(joined(source, offset, &reader.pieces))
}

/// Whether a string literal holds no word: only spaces and escaped line breaks and tabs. Asked
/// of every message's text, so it reads the bytes without copying them.
pub(super) fn is_blank_literal(json: &str) -> bool {
    let inside = json
        .as_bytes()
        .get(1..json.len().saturating_sub(1))
        .unwrap_or_default();
    let mut bytes = inside.iter();
    while let Some(&b) = bytes.next() {
        let blank = match b {
            b'\\' => matches!(bytes.next(), Some(b'n' | b'r' | b't')),
            b => b.is_ascii_whitespace(),
        };
        if !blank {
            return false;
        }
    }
    true
}

/// A list or object opened at this byte of the value goes past [`MAX_NESTING`].
struct TooDeep(usize);

/// One part of the text, by its bytes in the value.
enum Piece {
    /// A string literal with its quotes (not empty), or a number, `true` or `false` as written.
    Text { bytes: Range<usize>, string: bool },
    /// The space between two parts of the list that opens at this byte.
    Space(usize),
}

impl Piece {
    /// The text of a part of the value at `offset` of `source`.
    fn text(bytes: &Range<usize>, string: bool, source: &str, offset: usize) -> TurnText {
        let range = offset + bytes.start..offset + bytes.end;
        match string {
            true => decode_string(&source[range.clone()], range.start),
            false => TurnText::Source(range),
        }
    }
}

/// Walks a value's bytes once, collecting the pieces of its text in order.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    pieces: Vec<Piece>,
}

impl Reader<'_> {
    /// Reads the value at `at`, inside `depth` lists and objects; its text counts when `live`.
    fn value(&mut self, depth: usize, live: bool) -> Result<(), TooDeep> {
        self.space();
        let start = self.at;
        match self.bytes.get(start) {
            None => {}
            Some(b'[') => self.list(depth + 1, live)?,
            Some(b'{') => self.object(depth + 1, live)?,
            Some(b'"') => {
                self.string();
                if live && self.at - start > 2 {
                    self.pieces.push(Piece::Text {
                        bytes: start..self.at,
                        string: true,
                    });
                }
            }
            Some(&first) => {
                // A number or a literal: at least one byte, so that the walk always moves on.
                self.at += 1;
                while self.bytes.get(self.at).is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
                if live && first != b'n' {
                    self.pieces.push(Piece::Text {
                        bytes: start..self.at,
                        string: false,
                    });
                }
            }
        }
        Ok(())
    }

    /// A list: its parts' texts, a space between two that have text.
    fn list(&mut self, depth: usize, live: bool) -> Result<(), TooDeep> {
        let open = self.opening(depth)?;
        let first = self.pieces.len();
        while self.next_item(b']') {
            let mark = self.pieces.len();
            let spaced = live && mark > first;
            if spaced {
                self.pieces.push(Piece::Space(open));
            }
            self.value(depth, live)?;
            if spaced && self.pieces.len() == mark + 1 {
                self.pieces.pop();
            }
        }
        Ok(())
    }

    /// An object: the text of its `text` value, else of its `body` (a Matrix or Slack-style
    /// message's `content`), else of its `content` beside a `contentType` (a Microsoft Graph
    /// message's `body`); none
    /// when it has two of the one read (as serde reads a part).
    fn object(&mut self, depth: usize, live: bool) -> Result<(), TooDeep> {
        self.opening(depth)?;
        let first = self.pieces.len();
        // The pieces of each `text`, `body` and `content` value, by where they are in `pieces`;
        // a `content` counts beside a `contentType` only (a Graph message's body, not a tool
        // result's).
        let (mut texts, mut bodies, mut contents) = (Vec::new(), Vec::new(), Vec::new());
        let mut typed = false;
        while self.next_item(b'}') {
            let key = self.at;
            self.string();
            let key = &self.bytes[key..self.at];
            typed |= key_is(key, "contentType");
            let kind = match key {
                _ if key_is(key, "text") => Some(&mut texts),
                _ if key_is(key, "body") => Some(&mut bodies),
                _ if key_is(key, "content") => Some(&mut contents),
                _ => None,
            };
            self.space();
            self.at += usize::from(self.bytes.get(self.at) == Some(&b':'));
            let before = self.pieces.len();
            let counted = kind.is_some();
            self.value(depth, live && counted)?;
            if let Some(list) = kind {
                list.push(before..self.pieces.len());
            }
        }
        let contents = if typed { contents.as_slice() } else { &[] };
        let kept = match (texts.as_slice(), bodies.as_slice(), contents) {
            ([one], _, _) | ([], [one], _) | ([], [], [one]) => Some(one.clone()),
            _ => None,
        };
        // Only the pieces of the value read stay, in place: those of this object alone are
        // touched (a list of parts was read in time quadratic in their number).
        match kept {
            Some(kept) => {
                self.pieces.truncate(kept.end);
                self.pieces.drain(first..kept.start);
            }
            None => self.pieces.truncate(first),
        }
        Ok(())
    }

    /// Steps into the list or object at `at`, `depth` deep; gives where it opens.
    fn opening(&mut self, depth: usize) -> Result<usize, TooDeep> {
        if depth > MAX_NESTING {
            return Err(TooDeep(self.at));
        }
        self.at += 1;
        Ok(self.at - 1)
    }

    /// Steps to the next item of a list or object, past a comma; false at its `close` (stepped
    /// past) or at the end of the value.
    fn next_item(&mut self, close: u8) -> bool {
        loop {
            self.space();
            match self.bytes.get(self.at) {
                None => return false,
                Some(&b) if b == close => {
                    self.at += 1;
                    return false;
                }
                Some(b',') => self.at += 1,
                Some(_) => return true,
            }
        }
    }

    /// Steps past the string literal at `at`.
    fn string(&mut self) {
        self.at += 1;
        while let Some(found) =
            memchr::memchr2(b'"', b'\\', &self.bytes[self.at.min(self.bytes.len())..])
        {
            let quote = self.bytes[self.at + found] == b'"';
            self.at += found + if quote { 1 } else { 2 };
            if quote {
                return;
            }
        }
        self.at = self.bytes.len();
    }

    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }
}

/// Whether a key literal (with its quotes) names `name`, escapes decoded.
fn key_is(key: &[u8], name: &str) -> bool {
    let plain = key.len() == name.len() + 2 && &key[1..key.len() - 1] == name.as_bytes();
    plain
        || (key.contains(&b'\\')
            && std::str::from_utf8(key)
                .ok()
                .and_then(super::json_text::string)
                .is_some_and(|k| k == name))
}

/// The text of `pieces` of the value at `offset` of `source`: one part as itself, more joined.
fn joined(source: &str, offset: usize, pieces: &[Piece]) -> Option<TurnText> {
    match pieces {
        [] => None,
        [Piece::Text { bytes, string }] => Some(Piece::text(bytes, *string, source, offset)),
        _ => {
            let mut decoded = Decoded::default();
            for piece in pieces {
                match piece {
                    Piece::Space(at) => decoded.push_replacement(" ", offset + at),
                    Piece::Text { bytes, string } => {
                        match Piece::text(bytes, *string, source, offset) {
                            TurnText::Source(r) => {
                                decoded.push_verbatim(&source[r.clone()], r.start)
                            }
                            TurnText::Decoded(d) => decoded.append(d),
                        }
                    }
                }
            }
            Some(TurnText::Decoded(decoded))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the value `json` at the end of `[0, json]`, or `None`; every letter or digit
    /// of it must map back to itself in the source, or to the escape that spells it.
    fn read(json: &str) -> Result<Option<String>, ParseError> {
        let source = format!("[0, {json}]");
        let value = &source[4..source.len() - 1];
        let text = message_text(&source, value)?;
        Ok(text.map(|t| {
            let turn = crate::transcript::Turn {
                text: t,
                ..crate::transcript::Turn::new(crate::transcript::Role::Agent, None, 0..0)
            };
            let text = turn.text(&source).to_string();
            for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
                let at = turn.source_offset(i);
                let place = &source[at..];
                assert!(
                    place.starts_with(c) || place.starts_with('\\'),
                    "{c} at {at} of {source}"
                );
            }
            text
        }))
    }

    #[test]
    fn parts_are_joined_and_keep_their_places() {
        assert_eq!(read(r#""a b""#), Ok(Some("a b".into())));
        assert_eq!(
            read(r#"["hi", {"type": "text", "text": "th\u0065re"}, 42, true]"#),
            Ok(Some("hi there 42 true".into()))
        );
        assert_eq!(
            read(r#"[["a"], [], "", null, [["b"]]]"#),
            Ok(Some("a b".into()))
        );
        assert_eq!(
            read(r#"{"text": {"text": ["x", "y"]}, "other": [[1]]}"#),
            Ok(Some("x y".into()))
        );
        assert_eq!(read(r#"{"t\u0065xt": "k"}"#), Ok(Some("k".into())));
    }

    #[test]
    fn values_without_text_have_none() {
        for json in [
            "null",
            "[]",
            "[null, \"\"]",
            "{}",
            r#"{"text": null}"#,
            r#"{"url": "x.png"}"#,
        ] {
            assert_eq!(read(json), Ok(None), "{json}");
        }
        // Two `text` keys: serde refuses such a part, so it has no text.
        assert_eq!(
            read(r#"["a", {"text": "b", "text": "c"}]"#),
            Ok(Some("a".into()))
        );
    }

    #[test]
    fn nesting_past_the_limit_is_an_error_at_its_bracket() {
        let nested = |n: usize| format!("{}\"hi\"{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(read(&nested(MAX_NESTING)), Ok(Some("hi".into())));
        let err = read(&nested(100_000)).unwrap_err();
        // The value starts at column 5, after `[0, `: the bracket past the limit is 128 on.
        assert_eq!((err.line, err.column), (1, 5 + MAX_NESTING));
        assert!(
            err.message.contains("more than 128 levels deep"),
            "{}",
            err.message
        );
        let objects = format!("{}\"hi\"{}", "{\"text\":".repeat(200), "}".repeat(200));
        assert_eq!(read(&objects).unwrap_err().column, 5 + 8 * MAX_NESTING);
    }
}
