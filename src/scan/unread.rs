//! A file some of whose lines could not be read, such as a JSONL file with a broken line: its
//! other conversations are checked, and one error entry names the lines left out, so that one
//! bad line neither loses the file nor goes unsaid.

use super::read::Reading;
use crate::redact::Redactor;
use crate::report::{FileError, plural};
use crate::transcript::{Format, ParseError};

/// How many of the lines left out an error names; the others are counted.
const NAMED: usize = 5;

/// The error entry of `reading`, read as `format`, for the lines `unread` left out (placed in
/// the stream, for a stream's piece, which names the first in a field too), masked with
/// `--redact`; none when every line was read.
pub(super) fn error(
    unread: &[ParseError],
    reading: &Reading,
    format: Format,
    redactor: Option<&Redactor>,
) -> Option<FileError> {
    let (first, more) = unread.split_first()?;
    let shift = reading.first_line - 1;
    let at = |e: &ParseError| ParseError::at(e.line + shift, e.column, &e.message).to_string();
    // The first line's place opens the message, where reports that point at places read it.
    let mut message = format!("{} (read as {})", at(first), format.name());
    if !more.is_empty() {
        let named: Vec<String> = more.iter().take(NAMED - 1).map(at).collect();
        message += &format!(
            "; {} could not be read: {}",
            plural(more.len(), "more line", "more lines"),
            named.join("; ")
        );
        if more.len() > named.len() {
            message += &format!("; and {} more", more.len() - named.len());
        }
    }
    message += "; the other lines were read";
    Some(
        FileError {
            path: reading.display.clone(),
            line: reading.piece.then_some(first.line + shift),
            message,
        }
        .masked(redactor),
    )
}
