//! A row with more fields than the header, or with a field that runs on over a line break. Most
//! often a quoted field holds a quote that is not doubled (`"He said "no", then left"`): CSV
//! readers end the field at that quote and cut what follows at the next delimiter, or, where no
//! quote of the field's line ends it (`"He said "no` and then `and hung up",` on the next line),
//! end the row at the line break and read the next line as a row of its own. Where exactly one
//! later quote, taken as the field's end, gives the row the header's number of fields, the field
//! ends there, as its writer meant, and the row is read, with a warning; else it is left out with
//! an error at the quote, not one that blames a delimiter.

use super::conversation::Quotes;
use super::fields::{Span, fields};
use crate::text::lines::LineCursor;

/// A row with a field too many, left out: where in the row the error points, and what it says.
pub(super) struct TooMany {
    pub(super) at: usize,
    pub(super) message: String,
}

/// A row read by the header's number of fields: where its quote not doubled stands and the
/// quote that ends its field (bytes of the row, or of the source once [`moved`](Self::moved)),
/// and whether the field runs on over a line break that ends the row for CSV readers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Mended {
    pub(super) stray: usize,
    pub(super) close: usize,
    pub(super) over_lines: bool,
}

impl Mended {
    /// The places of a row that starts `by` bytes later.
    pub(super) fn moved(self, by: usize) -> Mended {
        Mended {
            stray: self.stray + by,
            close: self.close + by,
            ..self
        }
    }
}

/// The row at the start of `row` (its fields `spans`, which the csv reader read into `record`)
/// fitted to the header's `width`: a row with no field past it but blank ones is as it is; a
/// row whose fields past it come of a quote that is not doubled, or whose field with such a
/// quote runs on over a line break, is mended where [`mend`] can (the rows of the file have
/// `least` fields: see [`Ends::least`]), `spans` and `record` replaced, and what was mended is
/// returned; else it is [`TooMany`].
pub(super) fn fit(
    row: &str,
    spans: &mut Vec<Span>,
    record: &mut csv::StringRecord,
    (least, width): (usize, usize),
    delimiter: u8,
) -> Result<Option<Mended>, TooMany> {
    let more = record.iter().skip(width).any(|f| !f.trim().is_empty());
    let Some(extra) = spans.get(width).filter(|_| more) else {
        // Past the header only blanks, or fewer fields: the row is read as it is, unless a
        // quote not doubled cut a field that a later quote ends with fewer fields than as read
        // (`"He said "no", then left",` under `role,text,x`, whose text was cut at `no"`), or
        // one that no quote of its line ends, and a quote of a later line does.
        let fewer = (least, width, spans.len().saturating_sub(1));
        return match mend(row, spans, fewer, delimiter) {
            Some(Mend::Read { spans: mended, at }) => {
                Ok(Some(read(row, spans, record, mended, at)))
            }
            Some(Mend::Refused {
                stray,
                over_lines: true,
            }) => Err(runs_on(stray, width)),
            _ => Ok(None),
        };
    };
    let what = match delimiter {
        b'\t' => "tab",
        b';' => "semicolon",
        _ => "comma",
    };
    let counts = format!(
        "this row has {} fields and the header {width}",
        record.len()
    );
    let quoted = format!("put a field that holds a {what} in double quotes");
    let Some(mend) = mend(row, spans, (least, width, usize::MAX), delimiter) else {
        return Err(TooMany {
            at: extra.start,
            message: format!("{counts}: {quoted}"),
        });
    };
    match mend {
        Mend::Refused {
            stray,
            over_lines: true,
        } => Err(runs_on(stray, width)),
        Mend::Refused { stray, .. } => Err(TooMany {
            at: stray,
            message: format!(
                "this `\"` is not doubled inside its quoted field, which CSV readers end here, \
                 before its text does, so {counts}: write a quote that is part of the text as \
                 `\"\"` and end the field with one `\"` ({EXAMPLE}); {quoted}"
            ),
        }),
        Mend::Read { spans: mended, at } => Ok(Some(read(row, spans, record, mended, at))),
    }
}

/// The error of a row left out whose field, at the quote not doubled `stray`, runs on over a
/// line break, where no one later quote ends it with the header's `width` fields.
fn runs_on(stray: usize, width: usize) -> TooMany {
    TooMany {
        at: stray,
        message: format!(
            "this `\"` is not doubled inside its quoted field, which CSV readers end here, and \
             no quote of its line ends the field, so it runs on over the line break, where CSV \
             readers end the row, but no single quote of the next lines ends it with the header's \
             {width} fields: the row is left out, and the lines after it are read as rows of \
             their own; write a quote that is part of the text as `\"\"` and end the field with \
             one `\"` ({EXAMPLE})"
        ),
    }
}

/// Takes the `mended` spans of the row at the start of `row` as its fields, and returns `at`.
fn read(
    row: &str,
    spans: &mut Vec<Span>,
    record: &mut csv::StringRecord,
    mended: Vec<Span>,
    at: Mended,
) -> Mended {
    record.clear();
    for s in &mended {
        record.push_field(s.text(row, 0).as_str(row));
    }
    *spans = mended;
    at
}

/// A quoted field with its quotes written as `""`.
const EXAMPLE: &str = "`\"He said \"\"no\"\", then left\"`";

/// A field's `text` as it should be written, each quote doubled, when it is short enough to
/// quote in a warning.
pub(super) fn written(text: &str) -> Option<String> {
    let cell = format!("\"{}\"", text.replace('"', "\"\""));
    (cell.chars().count() <= 80 && !cell.contains(['\n', '\r', '`'])).then_some(cell)
}

/// The warning for the rows of a conversation mended at `quotes` (bytes of the source placed by
/// `lines`), about the first.
pub(super) fn warning(quotes: &Quotes<Mended>, lines: &mut LineCursor) -> Option<String> {
    let (first, more) = quotes.at.split_first()?;
    let (line, column) = lines.position(first.stray);
    let (end_line, end_column) = lines.position(first.close);
    let more = super::super::more_like(more.len(), "row");
    let (readers, over) = match first.over_lines {
        false => (
            "put the rest after the delimiter after it in the next column",
            "",
        ),
        true => (
            "the row at the line break after it, where no quote has ended the field, and read \
             the next line as a row of its own",
            ", over the line break,",
        ),
    };
    Some(format!(
        "line {line}, column {column}: this `\"` is not doubled inside its quoted field: CSV \
         readers end the field here and {readers}; talklint reads the quote as text and the \
         field{over} up to the quote at line {end_line}, column {end_column}, where the \
         header's number of fields says it ends: write a quote that is part of the text as \
         `\"\"` ({example}){more}",
        example = (quotes.cell.as_ref()).map_or(EXAMPLE.to_string(), |c| format!("`{c}`")),
    ))
}

/// What becomes of a row with a quoted field that has a quote not doubled, where its fields
/// past the header's or a field that runs on over a line break call for a mend. Places are
/// bytes of the row.
#[derive(Debug, PartialEq)]
pub(super) enum Mend {
    /// The row's fields with the quoted field ending at the quote `at.close`; its quotes
    /// before that, from `at.stray` on, are its text.
    Read { spans: Vec<Span>, at: Mended },
    /// No later quote (or more than one) gives the header's number of fields; `over_lines`
    /// where quotes past the row's line break were tried (see [`super::run_on`]).
    Refused { stray: usize, over_lines: bool },
}

/// The most quotes tried as the end of a field on its own line, and again on the lines after.
pub(super) const MOST_ENDS: usize = 16;

/// How the row at the start of `row`, whose fields as read are `spans` (parted by
/// `delimiter`), is read in `width` to `most` fields (past `width`, blank ones): `None` when no
/// quoted field of the header's ends at a quote with text after it, so the quotes are not to
/// blame. Where no quote of its own line ends that field with the `least` fields of the file's
/// rows, the field may run on over the line break ([`super::run_on`]).
pub(super) fn mend(
    row: &str,
    spans: &[Span],
    (least, width, most): (usize, usize, usize),
    delimiter: u8,
) -> Option<Mend> {
    let (index, field) = spans
        .iter()
        .enumerate()
        .take(width)
        .find(|(_, s)| s.stray.is_some())?;
    let stray = field.stray?;
    let row_end = spans.last()?.after;
    let ends = Ends {
        row,
        before: &spans[..index],
        field,
        least,
        width,
        delimiter,
    };
    // Only the first few quotes are tried, each by reading the rest of the row up to a field
    // past the header's, for a time linear in the row.
    let own: Vec<(Vec<Span>, usize)> = ends
        .quotes(stray + 1..row_end)
        .take(MOST_ENDS)
        .filter_map(|close| ends.reading(close, row_end).map(|r| (r, close)))
        .filter(|(r, _)| r.len() >= least)
        .collect();
    if own.is_empty() {
        return Some(super::run_on::mend(&ends, (stray, row_end)));
    }
    let mut fitting = (own.into_iter()).filter(|(r, _)| (width..=most).contains(&r.len()));
    Some(match (fitting.next(), fitting.next()) {
        (Some((spans, close)), None) => Mend::Read {
            spans,
            at: Mended {
                stray,
                close,
                over_lines: false,
            },
        },
        _ => Mend::Refused {
            stray,
            over_lines: false,
        },
    })
}

/// The quotes that may end a quoted field with a quote not doubled, and the rows they make.
pub(super) struct Ends<'r> {
    /// The row, from its start to the end of the input.
    pub(super) row: &'r str,
    /// The fields of the row before the quoted field, and that field as read.
    before: &'r [Span],
    pub(super) field: &'r Span,
    /// The fields of the file's rows: as many as the row before has, or as the header if it
    /// has fewer (a file may leave out blank last fields). A field ends where its row gets them.
    pub(super) least: usize,
    /// The header's number of fields.
    pub(super) width: usize,
    pub(super) delimiter: u8,
}

impl Ends<'_> {
    /// The quotes in `range` of the row that may end the field: each before a delimiter, a line
    /// break or the range's end, the end of the row or of a line.
    pub(super) fn quotes(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let (bytes, end) = (self.row.as_bytes(), range.end);
        range.filter(move |&q| {
            let next = bytes.get(q + 1).filter(|_| q + 1 < end);
            bytes[q] == b'"'
                && next.is_none_or(|&b| matches!(b, b'\r' | b'\n') || b == self.delimiter)
        })
    }

    /// The row's fields with the field ending at the quote `close`, read up to a line break
    /// (outside quotes) or `end`: none where a field after it is never closed before `end`, or
    /// where a field past the header's is not blank.
    pub(super) fn reading(&self, close: usize, end: usize) -> Option<Vec<Span>> {
        // The row alone: a quote opened after the end runs to the row's end, not the file's.
        let row = &self.row[..end];
        let mut mended = self.before.to_vec();
        mended.push(Span {
            start: self.field.start,
            end: close,
            quoted: true,
            closed: true,
            after: close + 1,
            stray: None,
        });
        if row.as_bytes().get(close + 1) == Some(&self.delimiter) {
            let rest = close + 2;
            for next in fields(&row[rest..], self.delimiter) {
                // A field past the header's that is not blank: no need to read on.
                if mended.len() >= self.width && !blank(&row[rest..], &next) {
                    return None;
                }
                mended.push(next.moved(rest));
            }
        }
        mended.iter().all(|s| s.closed).then_some(mended)
    }
}

/// Whether field `s` of `row` holds only blanks.
pub(super) fn blank(row: &str, s: &Span) -> bool {
    s.text(row, 0).as_str(row).trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::fields::field_spans;
    use super::*;

    fn texts(row: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| s.text(row, 0).as_str(row).to_string())
            .collect()
    }

    #[test]
    fn the_headers_width_says_which_quote_ends_the_field() {
        let row = "1,agent,\"He said \"no\", then \"maybe\", ok\",c1\nnext";
        let spans = field_spans(row, b',');
        let Some(Mend::Read { spans, at }) = mend(row, &spans, (4, 4, usize::MAX), b',') else {
            panic!("read");
        };
        assert_eq!((at.stray, at.close, at.over_lines), (17, 39, false));
        assert_eq!(
            texts(row, &spans),
            ["1", "agent", "He said \"no\", then \"maybe\", ok", "c1"]
        );
    }

    #[test]
    fn a_row_no_quote_fits_is_refused_at_its_quote() {
        let row = "agent,\"He said \"no\", then left\n";
        let spans = field_spans(row, b',');
        assert_eq!(
            mend(row, &spans, (2, 2, usize::MAX), b','),
            Some(Mend::Refused {
                stray: 15,
                over_lines: false
            })
        );
        // Two quotes that could end it (after `y,` and at the end): the header does not say which.
        let row = "agent,\"x \"y,\",\" \"";
        let spans = field_spans(row, b',');
        assert_eq!(spans.len(), 3);
        assert_eq!(
            mend(row, &spans, (2, 2, usize::MAX), b','),
            Some(Mend::Refused {
                stray: 9,
                over_lines: false
            })
        );
        // No quote to blame: an unquoted comma.
        let row = "agent,hi, there,\"the 27\" tv\"";
        assert_eq!(
            mend(row, &field_spans(row, b','), (2, 2, usize::MAX), b','),
            None
        );
    }

    #[test]
    fn a_cell_is_written_with_its_quotes_doubled_where_it_is_short_and_on_one_line() {
        assert_eq!(written("a 27\" tv").as_deref(), Some("\"a 27\"\" tv\""));
        assert_eq!(written(&"x".repeat(79)), None);
        assert_eq!(written("two\nlines"), None);
        assert_eq!(written("a `code` cell"), None);
    }

    #[test]
    fn only_the_first_quotes_are_tried_as_the_fields_end() {
        let row = |commas: usize| format!("agent,\"x \"y{}\"", "\", z".repeat(commas));
        let read = |row: &str| mend(row, &field_spans(row, b','), (2, 2, usize::MAX), b',');
        assert!(matches!(read(&row(MOST_ENDS - 1)), Some(Mend::Read { .. })));
        let refused = Mend::Refused {
            stray: 9,
            over_lines: false,
        };
        assert_eq!(read(&row(MOST_ENDS)), Some(refused));
    }
}
