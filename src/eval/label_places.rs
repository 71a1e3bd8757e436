//! Places in a labels file, for its errors: lines counted as talklint counts a transcript's
//! (a lone CR ends one), and where a row's fields start, worked out only when an error asks.

use crate::transcript::formats::csv;

/// The line ends in `text`, counted as talklint counts a transcript's: each LF, and each CR of
/// a run of them that no LF follows (classic Mac OS lines, or a stray CR); CRs before an LF end
/// one line with it.
pub(super) fn newlines(text: &str) -> usize {
    line_ends(text).count()
}

/// The byte offset of every line end in `text` (see [`newlines`]).
fn line_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    // The end of the run of CRs last read, and whether an LF follows it: each run read once.
    let (mut run_end, mut alone) = (0, false);
    memchr::memchr2_iter(b'\n', b'\r', b).filter(move |&at| {
        if b[at] == b'\n' {
            return true;
        }
        if at >= run_end {
            run_end = at + b[at..].iter().take_while(|&&c| c == b'\r').count();
            alone = b.get(run_end) != Some(&b'\n');
        }
        alone
    })
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
        let line_start = line_ends(before).last().map_or(0, |end| end + 1);
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
