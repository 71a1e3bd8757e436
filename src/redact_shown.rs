//! What a report that shows source lines as they are (a human snippet) masks there: the
//! personal data of every turn those lines hold, found in each turn's decoded text and placed
//! back in the source, and what is found in the lines themselves, read as written and with
//! their JSON escapes and character references read, so that the other messages of a JSON line show no personal data;
//! and so, what an error or warning quotes of the file.

use std::ops::Range;

use super::{Redactor, Span, mask_range};
use crate::transcript::Turn;
use crate::transcript::formats::entity;
use std::borrow::Cow;

impl Redactor {
    /// The personal data of every turn of `turns`, placed in `source` (see
    /// [`Redactor::turn_spans`]): sorted, and joined where they overlap.
    pub(crate) fn conversation_spans<'t>(
        &self,
        turns: impl IntoIterator<Item = &'t Turn>,
        source: &str,
    ) -> Vec<Span> {
        let found = turns.into_iter().flat_map(|t| self.turn_spans(t, source));
        union(found.collect())
    }

    /// The personal data a report that shows `source[shown]` (lines of the file, as they are)
    /// masks there, as byte ranges of `source`: what is found in those bytes (labels, markup and
    /// fields as well as text), in those bytes with their JSON escapes read (`\n`, `\u0040`),
    /// and `turns` (the [`Redactor::conversation_spans`] of the conversation shown), which also
    /// holds a number broken over lines or cues that the shown bytes hold only in part. Sorted,
    /// and joined where they overlap, so that no byte any of them covers is shown.
    pub(crate) fn shown_spans(
        &self,
        source: &str,
        shown: Range<usize>,
        turns: &[Span],
    ) -> Vec<Span> {
        let at = shown.start;
        let bytes = &source[shown.clone()];
        let place = |s: Span| Span {
            start: s.start + at,
            end: s.end + at,
            token: s.token,
        };
        let mut found: Vec<Span> = self.written_spans(bytes).into_iter().map(place).collect();
        let first = turns.partition_point(|s| s.end <= shown.start);
        found.extend(turns[first..].iter().take_while(|s| s.start < shown.end));
        union(found)
    }

    /// `text` (a message that quotes the file as written: a parse error, a warning) with its
    /// personal data masked, as it reads and with its JSON escapes read (`jane\u0040example.com`,
    /// `4111\u00a01111…`), so that a quote of a JSON file shows none.
    pub(crate) fn mask_quoted<'t>(&self, text: &'t str) -> Cow<'t, str> {
        mask_range(text, &self.written_spans(text), 0..text.len())
    }

    /// The personal data of `text` as it reads and with its JSON escapes read, as byte ranges of
    /// `text`: sorted, and joined where they overlap.
    fn written_spans(&self, text: &str) -> Vec<Span> {
        let mut found = self.spans(text);
        if let Some(read) = Unescaped::new(text) {
            found.extend(self.spans(&read.text).into_iter().map(|s| read.source(s)));
        }
        union(found)
    }
}

/// `found` sorted, each span that overlaps the one before joined to it (with the earlier's token).
pub(crate) fn union(mut found: Vec<Span>) -> Vec<Span> {
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(found.len());
    for s in found {
        match kept.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => kept.push(s),
        }
    }
    kept
}

/// Text with its JSON escapes and HTML character references (`&#64;`, `&amp;`, as captions
/// write them) read, and for each byte of it the range of the source bytes it is read from.
struct Unescaped {
    text: String,
    from: Vec<Range<usize>>,
}

impl Unescaped {
    /// `bytes` with its escapes read; `None` when it holds none.
    fn new(bytes: &str) -> Option<Unescaped> {
        let mut read = Unescaped {
            text: String::with_capacity(bytes.len()),
            from: Vec::with_capacity(bytes.len()),
        };
        let mut chars = bytes.char_indices().peekable();
        let mut escaped = false;
        while let Some((i, c)) = chars.next() {
            let read_as = match c {
                '\\' => escape(&bytes[i..]).map(|(c, len)| (Cow::Owned(c.to_string()), len)),
                '&' => entity(&bytes[i..]),
                _ => None,
            };
            let (text, end) = match read_as {
                Some((text, len)) => {
                    while chars.next_if(|&(j, _)| j < i + len).is_some() {}
                    escaped = true;
                    (text, i + len)
                }
                None => (Cow::Borrowed(&bytes[i..i + c.len_utf8()]), i + c.len_utf8()),
            };
            read.text.push_str(&text);
            read.from.extend(std::iter::repeat_n(i..end, text.len()));
        }
        escaped.then_some(read)
    }

    /// `s`, a span of the text, as the span of the source bytes it is read from.
    fn source(&self, s: Span) -> Span {
        let start = self.from.get(s.start).map_or(0, |r| r.start);
        let end = s.end.checked_sub(1).and_then(|last| self.from.get(last));
        Span {
            start,
            end: end.map_or(start, |r| r.end).max(start),
            token: s.token,
        }
    }
}

/// The character a JSON escape at the start of `at` stands for, and the escape's length: `\n`,
/// `\t`, `\"`, `\uXXXX` (a surrogate pair as one character, a lone surrogate as U+FFFD); `None`
/// where the line holds a backslash that opens no JSON escape (a path in a text file).
fn escape(at: &str) -> Option<(char, usize)> {
    let valid = match at.as_bytes().get(1)? {
        b'n' | b'r' | b't' | b'b' | b'f' | b'"' | b'/' | b'\\' => true,
        b'u' => (at.get(2..6)).is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())),
        _ => false,
    };
    valid.then(|| crate::transcript::formats::unescape(at))
}
