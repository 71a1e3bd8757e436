//! Places in a labels file, for its errors: lines counted as talklint counts a transcript's
//! (a lone CR ends one), and where a row's fields start, worked out only when an error asks.

use crate::transcript::formats::csv;
use crate::utf8_file::lone_cr_as_lf;

/// The line ends in `text`, counted as talklint counts a transcript's: each LF, and each CR of
/// a run of them that no LF follows (classic Mac OS lines, or a stray CR); CRs before an LF end
/// one line with it.
pub(super) fn newlines(text: &str) -> usize {
    by_lf(text, |b| memchr::memchr_iter(b'\n', b).count())
}

/// `f` of `text`'s bytes with each CR that ends a line alone read as LF (the reading of
/// [`lone_cr_as_lf`]), so that its line ends are its LFs.
fn by_lf<T>(text: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    let lines = lone_cr_as_lf(text);
    f(lines.as_deref().unwrap_or(text).as_bytes())
}

/// Where a row stands in the file, for errors: its fields' places are worked out only when an
/// error asks (a labels file of thousands of good rows never needs them).
pub(super) struct Place<'a> {
    /// The file from the row's first byte on.
    row: &'a str,
    delimiter: u8,
}

impl<'a> Place<'a> {
    pub(super) fn new(text: &'a str, at: usize, delimiter: u8) -> Place<'a> {
        let row = text.get(at..).unwrap_or("");
        Place { row, delimiter }
    }

    /// The 1-based character column where field `k` starts (inside its quotes, if quoted); past
    /// the last field when the row has no field `k`.
    pub(super) fn column(&self, k: usize) -> usize {
        self.at(k).1
    }

    /// The lines below the row's first where field `k` starts (a quoted field before it may
    /// hold line breaks), and its 1-based character column on that line.
    pub(super) fn at(&self, k: usize) -> (usize, usize) {
        let spans = csv::field_spans(self.row, self.delimiter);
        let at = match spans.get(k) {
            Some(span) => span.start,
            None => spans.last().map_or(0, |s| s.end + usize::from(s.quoted)),
        };
        self.down_and_column(at)
    }

    /// The lines below the row's first and the 1-based character column of the row's byte `at`.
    fn down_and_column(&self, at: usize) -> (usize, usize) {
        let before = self.row.get(..at).unwrap_or(self.row);
        let line_start = by_lf(before, |b| memchr::memrchr(b'\n', b)).map_or(0, |end| end + 1);
        (newlines(before), before[line_start..].chars().count() + 1)
    }
}

impl Place<'_> {
    /// The lines below the row's first and the 1-based character column of a quote in the row
    /// that opens a field and is never closed.
    pub(super) fn unclosed_quote(&self) -> Option<(usize, usize)> {
        let at = csv::unclosed_quote(&csv::field_spans(self.row, self.delimiter))?;
        Some(self.down_and_column(at))
    }
}
