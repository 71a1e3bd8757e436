//! A row with more fields than the header. Most often a quoted field holds a quote that is not
//! doubled (`"He said "no", then left"`): CSV readers end the field at that quote and cut what
//! follows at the next delimiter. Where exactly one later quote of the row, taken as the field's
//! end, gives the row the header's number of fields, the field ends there, as its writer meant,
//! and the row is read, with a warning; else it is left out with an error at the quote, not one
//! that blames a delimiter.

use super::conversation::Quotes;
use super::fields::{Span, fields};
use crate::text::lines::LineCursor;

/// A row with a field too many, left out: where in the row the error points, and what it says.
pub(super) struct TooMany {
    pub(super) at: usize,
    pub(super) message: String,
}

/// The row at the start of `row` (its fields `spans`, which the csv reader read into `record`)
/// fitted to the header's `width`: a row with no field past it but blank ones is as it is; a
/// row whose fields past it come of a quote that is not doubled is mended where [`mend`] can,
/// `spans` and `record` replaced, and the quote and the field's end are returned (places in
/// `row`); else it is [`TooMany`].
pub(super) fn fit(
    row: &str,
    spans: &mut Vec<Span>,
    record: &mut csv::StringRecord,
    width: usize,
    delimiter: u8,
) -> Result<Option<(usize, usize)>, TooMany> {
    let more = record.iter().skip(width).any(|f| !f.trim().is_empty());
    let Some(extra) = spans.get(width).filter(|_| more) else {
        // Past the header only blanks: the row is read as it is, unless a quote not doubled
        // cut a field that a later quote ends with fewer fields than as read (`"He said "no",
        // then left",` under `role,text,x`, whose text was cut at `no"`).
        let fewer = (width, spans.len().saturating_sub(1));
        return match spans
            .get(width)
            .and_then(|_| mend(row, spans, fewer, delimiter))
        {
            Some(Mend::Read {
                spans: mended,
                stray,
                close,
            }) => Ok(Some(read(row, spans, record, mended, (stray, close)))),
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
    let Some(mend) = mend(row, spans, (width, usize::MAX), delimiter) else {
        return Err(TooMany {
            at: extra.start,
            message: format!("{counts}: {quoted}"),
        });
    };
    match mend {
        Mend::Refused { stray } => Err(TooMany {
            at: stray,
            message: format!(
                "this `\"` is not doubled inside its quoted field, which CSV readers end here, \
                 before its text does, so {counts}: write a quote that is part of the text as \
                 `\"\"` and end the field with one `\"` ({EXAMPLE}); {quoted}"
            ),
        }),
        Mend::Read {
            spans: mended,
            stray,
            close,
        } => Ok(Some(read(row, spans, record, mended, (stray, close)))),
    }
}

/// Takes the `mended` spans of the row at the start of `row` as its fields, and returns the
/// places of its stray quote and the field's end.
fn read(
    row: &str,
    spans: &mut Vec<Span>,
    record: &mut csv::StringRecord,
    mended: Vec<Span>,
    quotes: (usize, usize),
) -> (usize, usize) {
    record.clear();
    for s in &mended {
        record.push_field(s.text(row, 0).as_str(row));
    }
    *spans = mended;
    quotes
}

/// A quoted field with its quotes written as `""`.
const EXAMPLE: &str = "`\"He said \"\"no\"\", then left\"`";

/// A field's `text` as it should be written, each quote doubled, when it is short enough to
/// quote in a warning.
pub(super) fn written(text: &str) -> Option<String> {
    let cell = format!("\"{}\"", text.replace('"', "\"\""));
    (cell.chars().count() <= 80 && !cell.contains(['\n', '\r', '`'])).then_some(cell)
}

/// The warning for the rows of a conversation mended at `quotes` (each a quote not doubled and
/// the one that ends its field, bytes of the source placed by `lines`), about the first.
pub(super) fn warning(quotes: &Quotes<(usize, usize)>, lines: &mut LineCursor) -> Option<String> {
    let (&(stray, close), more) = quotes.at.split_first()?;
    let (line, column) = lines.position(stray);
    let (end_line, end_column) = lines.position(close);
    let more = super::super::more_like(more.len(), "row");
    Some(format!(
        "line {line}, column {column}: this `\"` is not doubled inside its quoted field: CSV \
         readers end the field here and put the rest after the delimiter after it in the \
         next column; talklint reads the quote as text and the field up to the quote at line \
         {end_line}, column {end_column}, where the header's number of fields says it ends: \
         write a quote that is part of the text as `\"\"` ({example}){more}",
        example = (quotes.cell.as_ref()).map_or(EXAMPLE.to_string(), |c| format!("`{c}`")),
    ))
}

/// What becomes of a row with a field too many whose quoted field has a quote that is not
/// doubled. Places are bytes of the row.
#[derive(Debug, PartialEq)]
pub(super) enum Mend {
    /// The row's fields with the quoted field ending at the quote `close`; its quotes before
    /// that, from `stray` on, are its text.
    Read {
        spans: Vec<Span>,
        stray: usize,
        close: usize,
    },
    /// No later quote (or more than one) gives the header's number of fields.
    Refused { stray: usize },
}

/// The most quotes tried as the end of a field.
const MOST_ENDS: usize = 16;

/// How the row at the start of `row`, whose fields `spans` are more than the header's `width`
/// (parted by `delimiter`), is read, in `width` to `most` fields (past `width`, blank ones): `None` when no quoted field before the extra ones ends at
/// a quote with text after it, so the quotes are not to blame.
pub(super) fn mend(
    row: &str,
    spans: &[Span],
    (width, most): (usize, usize),
    delimiter: u8,
) -> Option<Mend> {
    let (index, field) = spans
        .iter()
        .enumerate()
        .take(width)
        .find(|(_, s)| s.stray.is_some())?;
    let stray = field.stray?;
    let row_end = spans.last()?.after;
    // The row alone: a quote opened after a candidate end runs to the row's end, not the file's.
    let row = &row[..row_end];
    let bytes = row.as_bytes();
    // A quote that may end the field: one before a delimiter or the row's end. Each is tried by
    // reading the rest of the row up to a field past the header's, so only the first few are,
    // for a time linear in the row.
    let ends = (stray + 1..row_end)
        .filter(|&q| bytes[q] == b'"' && bytes.get(q + 1).is_none_or(|&b| b == delimiter))
        .take(MOST_ENDS);
    let mut fitting = ends.filter_map(|close| {
        let mut mended: Vec<Span> = spans[..index].to_vec();
        mended.push(Span {
            start: field.start,
            end: close,
            quoted: true,
            closed: true,
            after: close + 1,
            stray: None,
        });
        if bytes.get(close + 1) == Some(&delimiter) {
            let rest = close + 2;
            for next in fields(&row[rest..], delimiter) {
                // A field past the header's that is not blank: no need to read on.
                if mended.len() >= width && !blank(&row[rest..], &next) {
                    return None;
                }
                mended.push(next.moved(rest));
            }
        }
        let fits = (width..=most).contains(&mended.len())
            && mended.iter().all(|s| s.closed)
            && mended.last().map(|s| s.after) == Some(row_end);
        fits.then_some((mended, close))
    });
    Some(match (fitting.next(), fitting.next()) {
        (Some((spans, close)), None) => Mend::Read {
            spans,
            stray,
            close,
        },
        _ => Mend::Refused { stray },
    })
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
        let Some(Mend::Read {
            spans,
            stray,
            close,
        }) = mend(row, &spans, (4, usize::MAX), b',')
        else {
            panic!("read");
        };
        assert_eq!((stray, close), (17, 39));
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
            mend(row, &spans, (2, usize::MAX), b','),
            Some(Mend::Refused { stray: 15 })
        );
        // Two quotes that could end it (after `y,` and at the end): the header does not say which.
        let row = "agent,\"x \"y,\",\" \"";
        let spans = field_spans(row, b',');
        assert_eq!(spans.len(), 3);
        assert_eq!(
            mend(row, &spans, (2, usize::MAX), b','),
            Some(Mend::Refused { stray: 9 })
        );
        // No quote to blame: an unquoted comma.
        let row = "agent,hi, there,\"the 27\" tv\"";
        assert_eq!(
            mend(row, &field_spans(row, b','), (2, usize::MAX), b','),
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
        let read = |row: &str| mend(row, &field_spans(row, b','), (2, usize::MAX), b',');
        assert!(matches!(read(&row(MOST_ENDS - 1)), Some(Mend::Read { .. })));
        assert_eq!(read(&row(MOST_ENDS)), Some(Mend::Refused { stray: 9 }));
    }
}
