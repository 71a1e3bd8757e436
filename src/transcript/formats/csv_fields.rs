//! The fields of a CSV row as they stand in the file, quotes and all: the reader of the csv
//! crate gives each field's text but not its place, which findings, errors and warnings need.

use crate::text::lines::LineCursor;
use crate::transcript::{Decoded, ParseError, TurnText};

/// An error at the quote that opens a field of the row at `row` and is never closed: the CSV
/// reader would take the rest of the file as that field, without a word.
pub(super) fn quotes_closed(source: &str, row: usize, spans: &[Span]) -> Result<(), ParseError> {
    let Some(open) = unclosed_quote(spans) else {
        return Ok(());
    };
    let (line, column) = LineCursor::new(source).position(row + open);
    Err(ParseError::at(line, column, UNCLOSED_QUOTE))
}

/// What is wrong with a quote that opens a field and is never closed, and how to mend it.
pub(crate) const UNCLOSED_QUOTE: &str = "this quote opens a field that is never closed, so the \
     rest of the file would be its text: end the field with `\"`, or write a quote that is part \
     of the text as `\"\"` inside a quoted field (`\"5\"\" screen\"`)";

/// Where in its row (by byte) the quote stands that opens a field and is never closed.
pub(crate) fn unclosed_quote(spans: &[Span]) -> Option<usize> {
    spans.iter().find(|s| !s.closed).map(|s| s.start - 1)
}

/// Where a field's content stands in its row (between its quotes, if quoted), relative to the
/// row's start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) quoted: bool,
    /// False for a quoted field whose quote is never closed: it runs to the end of the input.
    pub(crate) closed: bool,
    /// Where the field ends: its delimiter or line end. Past a quoted field's closing quote
    /// when text follows that quote, which readers keep as the field's (`"27" monitor"`).
    pub(crate) after: usize,
    /// The quote that closes a quoted field with more than blanks after it: a quote meant as
    /// text (`"the 27" monitor"`) that should have been written `""`.
    pub(crate) stray: Option<usize>,
}

impl Span {
    /// The span of a field of a row that starts `by` bytes later.
    pub(super) fn moved(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
            after: self.after + by,
            stray: self.stray.map(|q| q + by),
            ..self
        }
    }

    /// The field's text, mapped to the source (the row starts at `row`): the bytes themselves
    /// when unquoted, else the content between the quotes, and then any text after a stray
    /// quote: the quote, which was meant as text (`"the 27" monitor"` reads `the 27" monitor`),
    /// and what follows, up to a quote that closes the field; in both, each `""` is read as one
    /// quote, as in any quoted field (`"the 27" one is ""big"""` reads `the 27" one is "big"`).
    pub(super) fn text(&self, source: &str, row: usize) -> TurnText {
        let (start, end) = (row + self.start, row + self.end);
        let inner = &source[start..end];
        let after = &source[end.min(row + self.after)..row + self.after];
        let closing = after.trim_end().strip_suffix('"').filter(|t| !t.is_empty());
        let tail = match self.stray {
            Some(_) => end..end + closing.map_or(after.len(), str::len),
            None => end + 1..row + self.after,
        };
        if !self.quoted || (!inner.contains("\"\"") && tail.is_empty()) {
            return TurnText::Source(start..end);
        }
        let mut d = Decoded::default();
        undoubled(&mut d, source, start..end);
        // The stray quote that heads the tail is not followed by a quote: it stays one.
        if !tail.is_empty() {
            undoubled(&mut d, source, tail);
        }
        TurnText::Decoded(d)
    }
}

/// Appends the bytes `range` of `source` to `d`, each `""` read as one quote.
fn undoubled(d: &mut Decoded, source: &str, range: std::ops::Range<usize>) {
    let mut at = range.start;
    for (i, piece) in source[range].split("\"\"").enumerate() {
        if i > 0 {
            d.push_respelled("\"", at - 2..at);
        }
        d.push_verbatim(piece, at);
        at += piece.len() + 2;
    }
}

/// The spans of the fields of the row at the start of `row` (quotes per RFC 4180; text after a
/// closing quote, which readers keep, is left out of the span and kept in its `after`).
pub(crate) fn field_spans(row: &str, delimiter: u8) -> Vec<Span> {
    fields(row, delimiter).collect()
}

/// The [`field_spans`] of the row at the start of `row`, one at a time, for a reader that may
/// stop before the row's end.
pub(super) fn fields(row: &str, delimiter: u8) -> Fields<'_> {
    Fields {
        bytes: row.as_bytes(),
        delimiter,
        next: Some(0),
    }
}

/// The fields of a row, from its start: see [`fields`].
pub(super) struct Fields<'r> {
    bytes: &'r [u8],
    delimiter: u8,
    /// Where the next field starts; none after the row's last.
    next: Option<usize>,
}

impl Iterator for Fields<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let (bytes, delimiter) = (self.bytes, self.delimiter);
        let mut at = self.next?;
        let quoted = bytes.get(at) == Some(&b'"');
        let (start, end, closed) = if quoted {
            let start = at + 1;
            at = start;
            while at < bytes.len() {
                if bytes[at] == b'"' && bytes.get(at + 1) != Some(&b'"') {
                    break;
                }
                at += if bytes[at] == b'"' { 2 } else { 1 };
            }
            let end = at.min(bytes.len());
            let closed = at < bytes.len();
            at = (at + 1).min(bytes.len());
            (start, end, closed)
        } else {
            (at, at, true)
        };
        while at < bytes.len() && !matches!(bytes[at], b'\n' | b'\r') && bytes[at] != delimiter {
            at += 1;
        }
        let after_quote = bytes.get(end + 1..at).unwrap_or_default();
        self.next = (bytes.get(at) == Some(&delimiter)).then_some(at + 1);
        Some(Span {
            start,
            end: if quoted { end } else { at },
            quoted,
            closed,
            after: at,
            stray: (quoted && after_quote.iter().any(|b| !b.is_ascii_whitespace())).then_some(end),
        })
    }
}
