//! A quoted field with a quote not doubled that no quote of its own line ends
//! (`1,agent,"He said "no` and then `and hung up",` on the next line): CSV readers end its row at
//! the line break and read the next line as a row of its own, whose text is lost or taken for
//! another message's. The lines after it that do not read as rows of their own may hold the
//! quote that ends the field; where exactly one such quote gives the row the header's number of
//! fields, the field runs on to it, as [`super::mend`] mends a field within its line.

use super::fields::fields;
use super::mend::{Ends, MOST_ENDS, Mend, Mended, blank};

/// The most lines after the row's that a field may run on over.
pub(super) const MOST_LINES: usize = 32;

/// How the row of `ends`, whose field has the quote not doubled `stray` and no quote to end it
/// on its line, which ends at `row_end`, is read: [`Mend::Read`] by the one quote of the next
/// lines that gives the row the header's number of fields, up to the first line that reads as
/// a row of its own; refused `over_lines` where such quotes were tried and none or more than one
/// did, or where the lines run past the most read without a row of their own; else refused, the
/// row read as it is, ending at its line break, as where a line of the field before its stray
/// quote reads as a row of its own: the field ended before it, at a quote that looks doubled
/// (`"27""` at a line's end), and the stray quote opens a field of that row.
pub(super) fn mend(ends: &Ends, (stray, row_end): (usize, usize)) -> Mend {
    let bytes = ends.row.as_bytes();
    let mut window: Vec<(usize, usize)> =
        lines_after(bytes, row_end).take(MOST_LINES + 1).collect();
    let cut = window.len() > MOST_LINES;
    window.truncate(MOST_LINES);
    let window_end = window.last().map_or(row_end, |&(_, end)| end);
    let own = |start: usize| {
        let line = &ends.row[start..window_end];
        own_row(line, (ends.least, ends.width), ends.delimiter)
    };
    if ended_before(ends, stray, own) {
        return Mend::Refused {
            stray,
            over_lines: false,
        };
    }
    let mut fits = Vec::new();
    let (mut tried, mut stopped) = (0, false);
    for &(start, end) in &window {
        if own(start) {
            stopped = true;
            break;
        }
        for close in ends.quotes(start..end).take(MOST_ENDS - tried) {
            tried += 1;
            let reading = ends.reading(close, end).filter(|r| r.len() >= ends.width);
            fits.extend(reading.map(|r| (r, close)));
        }
        if fits.len() > 1 || tried == MOST_ENDS {
            break;
        }
    }
    match fits.len() {
        1 => {
            let (spans, close) = fits.swap_remove(0);
            let at = Mended {
                stray,
                close,
                over_lines: true,
            };
            Mend::Read { spans, at }
        }
        _ => Mend::Refused {
            stray,
            over_lines: tried > 0 || (cut && !stopped),
        },
    }
}

/// Whether a line of the field of `ends` that starts before its stray quote `stray` (past the
/// field's first line) is `own`, a row of its own.
fn ended_before(ends: &Ends, stray: usize, own: impl Fn(usize) -> bool) -> bool {
    let (bytes, start) = (ends.row.as_bytes(), ends.field.start);
    let first_break = bytes[start..stray]
        .iter()
        .position(|b| matches!(b, b'\r' | b'\n'));
    (first_break.into_iter())
        .flat_map(|p| lines_after(bytes, start + p))
        .take_while(|&(line, _)| line <= stray)
        .take(MOST_LINES)
        .any(|(line, _)| own(line))
}

/// The lines after the line end at `end` of `bytes`: where each starts and ends (before its
/// CR, LF or CRLF, or at the end of the input).
fn lines_after(bytes: &[u8], end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::successors(next_line(bytes, end), move |&(_, end)| {
        next_line(bytes, end)
    })
}

/// The line after the line end at `end` of `bytes`, if one is there.
fn next_line(bytes: &[u8], end: usize) -> Option<(usize, usize)> {
    let start = match bytes.get(end..)? {
        [b'\r', b'\n', ..] => end + 2,
        [b'\r' | b'\n', ..] => end + 1,
        _ => return None,
    };
    let rest = &bytes[start..];
    let len = (rest.iter().position(|b| matches!(b, b'\r' | b'\n'))).unwrap_or(rest.len());
    Some((start, start + len))
}

/// Whether the line at the start of `text` reads as a row of its own: its fields closed, none
/// unquoted with a quote left over, an odd number of them (as where one ends a field of the
/// line before: `and hung up",`, not `He said "no"`), at least `least` of them (as many as the
/// file's rows have), and none past the header's `width` but blank ones.
fn own_row(text: &str, (least, width): (usize, usize), delimiter: u8) -> bool {
    let mut count = 0;
    for s in fields(text, delimiter) {
        let quotes = text[s.start..s.end].matches('"').count();
        let left_over = !s.quoted && quotes % 2 == 1;
        if !s.closed || left_over || (count >= width && !blank(text, &s)) {
            return false;
        }
        count += 1;
    }
    count >= least
}

#[cfg(test)]
mod tests {
    use super::super::fields::field_spans;
    use super::super::mend::mend;
    use super::*;

    /// The mend of the first row of `rows`, the file's rows having `least` fields and its
    /// header `width`.
    fn read(rows: &str, (least, width): (usize, usize)) -> Option<Mend> {
        let spans = field_spans(rows, b',');
        mend(rows, &spans, (least, width, usize::MAX), b',')
    }

    /// Whether the first row of `rows` is refused `over_lines`; none where it is read.
    fn refused(rows: &str, widths: (usize, usize)) -> Option<bool> {
        match read(rows, widths)? {
            Mend::Refused { over_lines, .. } => Some(over_lines),
            Mend::Read { .. } => None,
        }
    }

    #[test]
    fn a_field_runs_on_to_the_one_quote_that_gives_the_headers_fields() {
        let rows = "1,agent,\"He said \"no\r\nand then\r\nhung up\",\r\n2,customer,ok\r\n";
        let Some(Mend::Read { spans, at }) = read(rows, (3, 3)) else {
            panic!("read: {:?}", read(rows, (3, 3)));
        };
        assert_eq!((at.stray, at.close, at.over_lines), (17, 39, true));
        assert_eq!(
            spans[2].text(rows, 0).as_str(rows),
            "He said \"no\r\nand then\r\nhung up"
        );
        assert_eq!(spans.last().map(|s| s.after), Some(41));
        // With the text first, the row is cut to fewer fields than the file's rows have, and
        // a quote of its line that ends it there does not end it.
        let rows = "\"calm \"big\"\n\",agent,c1\nhi,agent,c1\n";
        assert!(matches!(read(rows, (3, 3)), Some(Mend::Read { .. })));
    }

    #[test]
    fn a_field_does_not_run_on_over_a_row_of_its_own() {
        // The next line is a row: the field ends at its line break, as CSV readers read it.
        let rows = "1,agent,\"He said \"no\n2,customer,\"calm down\"\n";
        assert_eq!(refused(rows, (3, 3)), Some(false));
        // Quotes in pairs in an unquoted field, as a writer who quotes no field writes them.
        let rows = "1,agent,\"Quoted\" he said\n2,customer,He said \"no\"\n";
        assert_eq!(refused(rows, (3, 3)), Some(false));
        // A file whose rows leave out the blank last fields of a header of more: a quote of its
        // line ends the field as the file's rows end; the next line is a row of as many.
        let rows = "1,agent,\"the 27\" tv\"\n2,customer,a 32\"\n";
        assert_eq!(refused(rows, (3, 4)), Some(false));
        let rows = "1,agent,\"the 27\" tv\n2,customer,\"ok\"\n";
        assert_eq!(refused(rows, (3, 4)), Some(false));
        assert_eq!(refused(rows, (4, 4)), Some(true));
        // `27""` was an inch and the field's end, and the stray quote opens the next row's text:
        // its line reads as a row of its own, so the field ended before it.
        let rows = "agent,\"27\"\"\nagent,\"a,b \"\"no\"\" x\n\n x then\"\n";
        assert_eq!(refused(rows, (2, 2)), Some(false));
    }

    #[test]
    fn a_field_that_no_one_quote_ends_is_refused_over_lines() {
        // A line with too few fields ends it where the header says; one with a quote left
        // over in an unquoted field is no row of its own either, and two quotes could end it.
        let rows = "1,agent,\"He said \"no\nand \"so\" on\",\n2,x,y\",\n";
        assert_eq!(refused(rows, (3, 3)), Some(true));
        // No row of its own within the most lines read.
        let long = format!("1,agent,\"He said \"no{}", "\nand".repeat(MOST_LINES + 1));
        assert_eq!(refused(&long, (3, 3)), Some(true));
        let short = format!("1,agent,\"He said \"no{}", "\nand".repeat(MOST_LINES));
        assert_eq!(refused(&short, (3, 3)), Some(false));
    }
}
