//! CSV (or TSV) exports with one row per message. Columns are found by their header name (any
//! case): the text, the speaker's role and name, the time, and a conversation id that splits the
//! file into conversations, each reported with its id. Fields keep their place in the file.

use super::json_text::{Clock, Unit, in_time_order};
use crate::text::lines::LineCursor;
use crate::transcript::roles::Names;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{Decoded, ParseError, ParseOptions, Transcript, Turn, TurnText};

/// Header names each column may have.
const TEXT: &[&str] = &[
    "text",
    "message",
    "content",
    "body",
    "utterance",
    "transcript",
];
const ROLE: &[&str] = &[
    "role",
    "speaker_role",
    "participant_role",
    "sender_type",
    "author_type",
    "participant_type",
];
const NAME: &[&str] = &[
    "speaker",
    "author",
    "sender",
    "from",
    "name",
    "user",
    "participant",
];
const TIME: &[&str] = &[
    "start",
    "start_time",
    "timestamp",
    "time",
    "created_at",
    "date",
    "datetime",
    "sent_at",
];
const END: &[&str] = &["end", "end_time"];
/// Columns of milliseconds: the start, and the end.
const TIME_MS: &[&str] = &[
    "start_ms",
    "start_millis",
    "offset_ms",
    "timestamp_ms",
    "time_ms",
    "start_time_ms",
    "begin_ms",
    "ts_ms",
];
const END_MS: &[&str] = &["end_ms", "end_millis", "end_time_ms"];
const CONVERSATION: &[&str] = &[
    "conversation_id",
    "conversation",
    "conversationid",
    "chat_id",
    "ticket_id",
    "call_id",
    "contact_id",
    "session_id",
    "thread_id",
    "transcript_id",
];

/// Column positions, found from the header row.
struct Columns {
    text: usize,
    role: Option<usize>,
    name: Option<usize>,
    /// The start and end columns, and the unit of their numbers.
    start: Option<(usize, Unit)>,
    end: Option<(usize, Unit)>,
    conversation: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Option<Columns> {
        let normal: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
            .collect();
        let col = |names: &[&str]| normal.iter().position(|h| names.contains(&h.as_str()));
        let timed = |seconds: &[&str], millis: &[&str]| {
            (col(seconds).map(|i| (i, Unit::Seconds))).or(col(millis).map(|i| (i, Unit::Millis)))
        };
        Some(Columns {
            text: col(TEXT)?,
            role: col(ROLE),
            name: col(NAME),
            start: timed(TIME, TIME_MS),
            end: timed(END, END_MS),
            conversation: col(CONVERSATION),
        })
    }
}

/// A reader of CSV, or of TSV when the header line has tabs and no comma, or of `;`-separated
/// values when it has no comma and its `;`s part a text column from others (Excel's CSV where a
/// comma is the decimal mark); a byte-order mark is
/// skipped and rows may have fewer fields than the header (more, unless empty, is an error of
/// [`parse`]: an unquoted delimiter that would cut the text short). Also where the body starts in
/// `source`, and the delimiter.
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
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(body.as_bytes());
    (reader, source.len() - body.len(), delimiter)
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
/// appearance), or one for the whole file when there is no id column.
pub fn parse(source: &str, opts: &ParseOptions) -> Result<Vec<Transcript>, ParseError> {
    let (mut reader, body_start, delimiter) = reader(source);
    quotes_closed(
        source,
        body_start,
        &field_spans(&source[body_start..], delimiter),
    )?;
    let header = reader.headers().map_err(|e| csv_error(&e))?.clone();
    let Some(cols) = Columns::find(&header) else {
        return Err(ParseError::at(
            1,
            1,
            format!(
                "no text column in the CSV header; name one of: {}",
                TEXT.join(", ")
            ),
        ));
    };
    let mut conversations: Vec<(Option<String>, Vec<Turn>, Clock)> = Vec::new();
    // Where each id's conversation is: a search of the list per row was quadratic in ids.
    let mut index: std::collections::HashMap<Option<String>, usize> =
        std::collections::HashMap::new();
    let mut names = Names::default();
    let mut record = csv::StringRecord::new();
    loop {
        let at = body_start + reader.position().byte() as usize;
        if !reader.read_record(&mut record).map_err(|e| csv_error(&e))? {
            break;
        }
        // The reader ends a CRLF row at its CR and passes over the LF (and blank lines) as the
        // next row begins: the row starts after them.
        let at = at
            + source[at..]
                .bytes()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let spans = field_spans(&source[at..], delimiter);
        quotes_closed(source, at, &spans)?;
        if let Some(extra) = spans.get(header.len()).filter(|_| {
            record
                .iter()
                .skip(header.len())
                .any(|f| !f.trim().is_empty())
        }) {
            // The extra field's own place: a quoted field before it may hold line breaks.
            let (line, column) = LineCursor::new(source).position(at + extra.start);
            let what = match delimiter {
                b'\t' => "tab",
                b';' => "semicolon",
                _ => "comma",
            };
            let message = format!(
                "this row has {} fields and the header {}: put a field that holds a {what} \
                 in double quotes",
                record.len(),
                header.len(),
            );
            return Err(ParseError::at(line, column, message));
        }
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim);
        let id = field(cols.conversation).map(str::to_string);
        let k = match index.get(&id) {
            Some(&k) => k,
            None => {
                index.insert(id.clone(), conversations.len());
                conversations.push((id, Vec::new(), Clock::earliest(None)));
                conversations.len() - 1
            }
        };
        let Some(text) = spans.get(cols.text).map(|s| s.text(source, at)) else {
            continue;
        };
        if crate::text::blank::is_blank(text.as_str(source)) {
            continue;
        }
        let name = field(cols.name).filter(|n| !n.is_empty());
        let role_label = field(cols.role).filter(|r| !r.is_empty());
        let role = match (role_label, name) {
            (Some(r), _) if opts.roles.knows(r) => opts.roles.role_of(r),
            (_, Some(n)) if opts.roles.knows(n) => opts.roles.role_of(n),
            (None, None) => opts.default_role,
            _ => crate::transcript::Role::Unknown,
        };
        let speaker = name.or(role_label).map(|n| names.get(n));
        let clock = &mut conversations[k].2;
        let mut time = |column: Option<(usize, Unit)>| {
            let (i, unit) = column?;
            let ms = clock.time_str(field(Some(i))?, unit)?;
            clock.epoch_or_offset(ms)
        };
        let (start_ms, end_ms) = (time(cols.start), time(cols.end));
        conversations[k].1.push(Turn {
            role,
            speaker,
            start_ms,
            end_ms,
            text,
        });
    }
    let mut lines = LineCursor::new(source);
    Ok(conversations
        .into_iter()
        .map(|(id, mut turns, clock)| {
            clock.rebase(&mut turns);
            let warnings = in_time_order(&mut turns, &mut lines);
            assign_diarised_roles(&mut turns, source);
            Transcript {
                id,
                turns,
                warnings: warnings.into_iter().collect(),
            }
        })
        .collect())
}

/// An error at the quote that opens a field of the row at `row` and is never closed: the CSV
/// reader would take the rest of the file as that field, without a word.
fn quotes_closed(source: &str, row: usize, spans: &[Span]) -> Result<(), ParseError> {
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

fn csv_error(e: &csv::Error) -> ParseError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8 in a CSV field".to_string(),
        _ => e.to_string(),
    };
    ParseError::at(line, 1, message)
}

/// Where a field's content stands in its row (between its quotes, if quoted), relative to the
/// row's start.
#[derive(Debug, PartialEq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) quoted: bool,
    /// False for a quoted field whose quote is never closed: it runs to the end of the input.
    pub(crate) closed: bool,
}

impl Span {
    /// The field's text, mapped to the source (the row starts at `row`): the bytes themselves
    /// when unquoted, else the content between the quotes with each `""` read as one quote.
    fn text(&self, source: &str, row: usize) -> TurnText {
        let (start, end) = (row + self.start, row + self.end);
        let inner = &source[start..end];
        if !self.quoted || !inner.contains("\"\"") {
            return TurnText::Source(start..end);
        }
        let mut d = Decoded::default();
        let mut at = 0;
        for piece in inner.split("\"\"") {
            if at > 0 {
                d.push_replacement("\"", start + at - 2);
            }
            d.push_verbatim(piece, start + at);
            at += piece.len() + 2;
        }
        TurnText::Decoded(d)
    }
}

/// The spans of the fields of the row at the start of `row` (quotes per RFC 4180; text after a
/// closing quote, which readers keep, is left out of the span).
pub(crate) fn field_spans(row: &str, delimiter: u8) -> Vec<Span> {
    let bytes = row.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    loop {
        let quoted = bytes.get(at) == Some(&b'"');
        let span = if quoted {
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
            Span {
                start,
                end,
                quoted,
                closed,
            }
        } else {
            Span {
                start: at,
                end: at,
                quoted,
                closed: true,
            }
        };
        while at < bytes.len() && !matches!(bytes[at], b'\n' | b'\r') && bytes[at] != delimiter {
            at += 1;
        }
        spans.push(if quoted {
            span
        } else {
            Span { end: at, ..span }
        });
        if bytes.get(at) != Some(&delimiter) {
            return spans;
        }
        at += 1;
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
