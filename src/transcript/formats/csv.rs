//! CSV (or TSV) exports with one row per message. Columns are found by their header name (any
//! case): the text, the speaker's role and name, the time, and a conversation id that splits the
//! file into conversations, each reported with its id. Fields keep their place in the file.

use super::json_text::Unit;
use crate::text::lines::LineCursor;
use crate::transcript::roles::Names;
use crate::transcript::{ParseError, ParseOptions, Transcript, Turn};
pub(crate) use columns::opens_with_header;
use columns::{Columns, TEXT};
use conversation::{Cell, Conversation};
use fields::{Span, quotes_closed};
pub(crate) use fields::{UNCLOSED_QUOTE, field_spans, unclosed_quote};
use std::collections::HashMap;

#[path = "csv_columns.rs"]
mod columns;
#[path = "csv_conversation.rs"]
mod conversation;
#[path = "csv_dates.rs"]
mod dates;
#[path = "csv_fields.rs"]
mod fields;
#[path = "csv_id_columns.rs"]
mod id_columns;
#[path = "csv_mend.rs"]
mod mend;
#[path = "csv_run_on.rs"]
mod run_on;

/// A reader of CSV, or of TSV when the header line has tabs and no comma, or of `;`-separated
/// values when it has no comma and its `;`s part a text column from others (Excel's CSV where a
/// comma is the decimal mark); a byte-order mark is skipped and rows may have fewer fields than
/// the header (more, unless empty, leaves the row out in [`parse`]: an unquoted delimiter that
/// would cut the text short, unless a quote not doubled made them). Also where the body starts
/// in `source`, and the delimiter.
pub(crate) fn reader(source: &str) -> (csv::Reader<&[u8]>, usize, u8) {
    let body = source.trim_start_matches('\u{feff}');
    let first_line = body.lines().next().unwrap_or("");
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else if field_spans(first_line, b',').len() == 1 && semicolon_header(first_line) {
        b';'
    } else {
        b','
    };
    (
        reader_of(body, delimiter),
        source.len() - body.len(),
        delimiter,
    )
}

/// A [`reader`] that honours a first line `sep=X` (as Excel writes it to name the delimiter):
/// the header is the line after it.
pub(crate) fn open(source: &str) -> (csv::Reader<&[u8]>, usize, u8) {
    let body = source.trim_start_matches('\u{feff}');
    let Some((delimiter, header)) = sep_line(body) else {
        return reader(source);
    };
    let body_start = source.len() - body.len() + header;
    (
        reader_of(&source[body_start..], delimiter),
        body_start,
        delimiter,
    )
}

/// The delimiter a first line `sep=X` names, and where the line after it starts.
fn sep_line(body: &str) -> Option<(u8, usize)> {
    let rest = body
        .get(..4)
        .filter(|s| s.eq_ignore_ascii_case("sep="))
        .map(|_| &body[4..])?;
    let delimiter = *rest.as_bytes().first().filter(|b| b.is_ascii())?;
    let after = &rest[1..];
    let next = ["\r\n", "\n", "\r"]
        .iter()
        .find_map(|end| after.strip_prefix(end))?;
    Some((delimiter, body.len() - next.len()))
}

/// A reader of the CSV `body`, its fields parted by `delimiter`.
pub(crate) fn reader_of(body: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    builder(delimiter).from_reader(body.as_bytes())
}

/// A reader of the rows of `body`, which holds no header, its fields parted by `delimiter`.
fn rows_of(body: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    builder(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
}

/// The builder of [`reader_of`] and [`rows_of`]: rows may have any number of fields.
fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.delimiter(delimiter).flexible(true);
    builder
}

/// Whether `line` is a header of fields parted by `;` (outside quotes), one of them a text
/// column. A header with a comma outside quotes is comma-separated.
fn semicolon_header(line: &str) -> bool {
    let fields = field_spans(line, b';');
    let normal = |s: &Span| {
        let f = &line[s.start..s.end];
        f.trim().to_lowercase().replace([' ', '-'], "_")
    };
    fields.len() > 1 && fields.iter().any(|s| TEXT.contains(&normal(s).as_str()))
}

/// Parses a CSV/TSV file into one transcript per conversation id (in order of first
/// appearance), or one for the whole file when there is no id column. A row with a blank id
/// goes on the conversation of the row before it (a sheet gives the id on a conversation's
/// first row only); blank rows before any id make one conversation without an id. A row with
/// more fields than the header is mended where a quote not doubled made them ([`mend`]), and a
/// field that such a quote leaves open at a line break runs on to the lines after ([`run_on`]),
/// else the row is left out, with why, and the others are read: the file is an error only when
/// no row could be.
pub fn parse(
    source: &str,
    opts: &ParseOptions,
) -> Result<(Vec<Transcript>, Vec<ParseError>), ParseError> {
    let (mut reader, body_start, delimiter) = open(source);
    // Lines above the header: a `sep=` line, which the reader does not see.
    let mut shift = source[..body_start].matches('\n').count();
    let header_spans = field_spans(&source[body_start..], delimiter);
    quotes_closed(source, body_start, &header_spans)?;
    let header = reader.headers().map_err(|e| csv_error(&e, shift))?.clone();
    let Some(cols) = Columns::find(&header) else {
        return Err(ParseError::at(
            shift + 1,
            1,
            format!(
                "no text column in the CSV header; name one of: {}",
                TEXT.join(", ")
            ),
        ));
    };
    // Each column's name as the file writes it, which time warnings name.
    let names_at: Vec<&str> = header_spans
        .iter()
        .map(|s| source[body_start + s.start..body_start + s.end].trim())
        .collect();
    let mut conversations: Vec<Conversation> = Vec::new();
    // Where each id's conversation is: a search of the list per row was quadratic in ids.
    let mut index: std::collections::HashMap<Option<String>, usize> =
        std::collections::HashMap::new();
    let mut current: Option<String> = None;
    // The column the file's ids are read from, settled at its first row.
    let mut id_column: Option<Option<usize>> = None;
    let mut unread = Vec::new();
    // The lines left out of conversations not begun yet, by id.
    let mut lost: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    // And the lines of rows cut short before their text (see `Conversation::short`).
    let mut short: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    let mut names = Names::default();
    // Places rows left out as the rows come, and then the conversations' warnings.
    let mut lines = LineCursor::new(source);
    let mut record = csv::StringRecord::new();
    // Where the reader's input starts: after the header, or after a mended row that its rows
    // do not end with.
    let mut base = body_start;
    // How many fields the row before has: a line with as many is a row of its own, which a
    // field does not run on over (see `mend::Ends::least`).
    let mut before = header.len();
    loop {
        let at = base + reader.position().byte() as usize;
        if !reader
            .read_record(&mut record)
            .map_err(|e| csv_error(&e, shift))?
        {
            break;
        }
        // The reader ends a CRLF row at its CR and passes over the LF (and blank lines) as the
        // next row begins: the row starts after them.
        let at = at
            + source[at..]
                .bytes()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let mut spans = field_spans(&source[at..], delimiter);
        quotes_closed(source, at, &spans)?;
        let width = header.len();
        let widths = (before.min(width), width);
        let read_to = spans.last().map(|s| s.after);
        let fitted = mend::fit(&source[at..], &mut spans, &mut record, widths, delimiter);
        before = spans.len();
        // A row mended to end at another line break than the reader's (a field that runs on
        // over line breaks, or one a quote before a line break ends): the rows go on after it.
        let mended_to = spans
            .last()
            .map(|s| s.after)
            .filter(|&end| Some(end) != read_to);
        if let (Ok(Some(_)), Some(end)) = (&fitted, mended_to)
            && let Some(anew) = pass_to(&mut reader, (source, base), at + end, delimiter)
        {
            (base, shift) = (at + end, lines.position(at + end).0 - 1);
            reader = anew;
        }
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim);
        // A row's id is read first, so that the rows after a row left out with its id (and a
        // blank one) still join that conversation; in a row with a field too many, only an id
        // before the text, which an unquoted comma in the text does not move.
        // Of the columns of ids, the first that holds one in the file's first row of any: a
        // `conversation_id` column left empty leaves the rows to their `call_id`, as a JSON
        // message's `null` does.
        let id_column = *id_column.get_or_insert_with(|| {
            let holds = |&&i: &&usize| field(Some(i)).is_some_and(|id| !id.is_empty());
            (cols.conversation.iter().find(holds))
                .or(cols.conversation.first())
                .copied()
        });
        let id_moved = fitted.is_err() && id_column > Some(cols.text);
        if let Some(id) = field(id_column).filter(|id| !id.is_empty() && !id_moved) {
            current = Some(id.to_string());
        }
        let mended = match fitted {
            Ok(mended) => mended,
            Err(too_many) => {
                // The error's own place: a quoted field before it may hold line breaks.
                let (line, column) = lines.position(at + too_many.at);
                unread.push(ParseError::at(line, column, too_many.message));
                match index.get(&current) {
                    Some(&k) => conversations[k].left_out.push(line),
                    None => lost.entry(current.clone()).or_default().push(line),
                }
                continue;
            }
        };
        let Some(span) = spans.get(cols.text) else {
            // A row cut short before its text makes no turn, and its conversation says so (a
            // line of blanks is no row).
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            let line = lines.position(at).0;
            match index.get(&current) {
                Some(&k) => conversations[k].short.push(line),
                None => short.entry(current.clone()).or_default().push(line),
            }
            continue;
        };
        let text = span.text(source, at);
        let read = text.as_str(source);
        if crate::text::blank::is_blank(read) {
            continue;
        }
        // The id is copied only for a conversation it opens.
        let k = match index.get(&current) {
            Some(&k) => k,
            None => {
                let mut started = Conversation::new(current.clone());
                started.left_out = lost.remove(&current).unwrap_or_default();
                started.short = short.remove(&current).unwrap_or_default();
                conversations.push(started);
                index.insert(current.clone(), conversations.len() - 1);
                conversations.len() - 1
            }
        };
        let conversation = &mut conversations[k];
        conversation.stray.note(span.stray.map(|q| at + q), read);
        (conversation.mended).note(mended.map(|m| m.moved(at)), read);
        let name = field(cols.name).filter(|n| !n.is_empty());
        let role_label = field(cols.role).filter(|r| !r.is_empty());
        let role = match (role_label, name) {
            (Some(r), _) if opts.roles.knows(r) => opts.roles.role_of(r),
            (_, Some(n)) if opts.roles.knows(n) => opts.roles.role_of(n),
            (None, None) => opts.default_role,
            _ => crate::transcript::Role::Unknown,
        };
        let speaker = name.or(role_label).map(|n| names.get(n));
        // A cell of `column` read as a time: its own text, or a date's (`value`) with it as
        // the clock, as a sheet's `Date` and `Time` columns are.
        let mut time =
            |column: Option<(usize, Unit)>, date: Option<&str>, clock: Option<&str>, end: bool| {
                let (i, unit) = column?;
                let value = date.or(field(Some(i)))?;
                // Where the comma is the decimal mark (a `;` file, as Excel writes it), seconds
                // are written `1,5`.
                let decimal = (delimiter == b';').then(|| decimal_comma(value)).flatten();
                let cell = Cell {
                    name: names_at.get(i).copied().unwrap_or(""),
                    raw: spans
                        .get(i)
                        .map(|s| source[at + s.start..at + s.end].trim())?,
                    value: decimal.as_deref().unwrap_or(value),
                    clock,
                };
                conversation.time(source, &cell, unit, end)
            };
        let start_ms = time(cols.start, None, field(cols.clock), false);
        // Beside `Date` and `Time` columns, an end that is a clock alone is on the start's date.
        let end = field(cols.end.map(|(i, _)| i));
        let end_ms = match cols.clock.is_some() && end.is_some_and(|e| !e.contains(['-', '.', '/']))
        {
            true => time(cols.end, field(cols.start.map(|(i, _)| i)), end, true),
            false => time(cols.end, None, None, true),
        };
        if cols.role.is_some() || cols.name.is_some() {
            conversations[k].note_speaker(role_label.is_some() || name.is_some());
        }
        conversations[k].turns.push(Turn {
            role,
            speaker,
            start_ms,
            end_ms,
            sentiment: None,
            text,
        });
    }
    unread.extend(short_only(short));
    if conversations.is_empty() && !unread.is_empty() {
        return Err(unread.swap_remove(0));
    }
    // The file's slash dates say which of their numbers is the day, for all of them; where
    // they do not, `--date-order` may.
    let slashed = conversations.iter().flat_map(Conversation::slash_dates);
    let dates = dates::SlashDates::of((source, &mut lines), slashed, opts.date_order);
    let transcripts = conversations
        .into_iter()
        .map(|c| c.finish(source, &dates, &mut lines))
        .collect();
    Ok((transcripts, unread))
}

/// An error for each conversation whose rows all end before the text column (`lines`, by id):
/// nothing of it is read, where another's such rows are a warning of its own.
fn short_only(lines: HashMap<Option<String>, Vec<usize>>) -> Vec<ParseError> {
    let mut lines: Vec<Vec<usize>> = lines.into_values().collect();
    lines.sort_unstable();
    let error = |rows: Vec<usize>| {
        let (&first, more) = rows.split_first()?;
        let more = super::left_out::and_more(more.len(), "row");
        Some(ParseError::at(
            first,
            1,
            format!(
                "this row ends before the text column{more}, and no row of its conversation \
                 has text, so none of it is read; complete the rows if they were cut short"
            ),
        ))
    };
    lines.into_iter().filter_map(error).collect()
}

/// A number written with a decimal comma (`1,5`, `12,25`) written with a point.
fn decimal_comma(value: &str) -> Option<String> {
    let (whole, fraction) = value.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && digits(fraction)).then(|| format!("{whole}.{fraction}"))
}

/// Moves `reader`, which reads `source` from `base`, past the rows it would read in a mended
/// row that ends at `end`, as lines of their own. Where its rows do not end there (it read on
/// into the next row, or a quote made it read past `end`), a reader of the rows from `end` on,
/// their fields parted by `delimiter`, is returned to read on with instead.
fn pass_to<'s>(
    reader: &mut csv::Reader<&'s [u8]>,
    (source, base): (&'s str, usize),
    end: usize,
    delimiter: u8,
) -> Option<csv::Reader<&'s [u8]>> {
    let mut passed = csv::StringRecord::new();
    let at = |reader: &csv::Reader<&[u8]>| base + reader.position().byte() as usize;
    while at(reader) < end && reader.read_record(&mut passed).unwrap_or(false) {}
    let breaks = source[end..]
        .bytes()
        .take_while(|b| matches!(b, b'\r' | b'\n'));
    let aligned = (end..=end + breaks.count()).contains(&at(reader));
    (!aligned).then(|| rows_of(&source[end..], delimiter))
}

/// The reader's error, its line shifted by the `shift` lines above the header it did not read.
fn csv_error(e: &csv::Error, shift: usize) -> ParseError {
    let line = shift + e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8 in a CSV field".to_string(),
        _ => e.to_string(),
    };
    ParseError::at(line, 1, message)
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
