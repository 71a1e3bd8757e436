//! A piece of a stream: one conversation of standard input or of a large JSONL file (or one line
//! that could not be read as one), handed to the pool like a file, and how its reading is placed
//! back in the stream (its lines count from the stream's start, its record may repeat an earlier
//! one's id).

use crate::transcript::formats::jsonl::record_again;
use crate::transcript::{ParseError, Transcript};
use std::path::PathBuf;
use std::sync::Arc;

/// What a stream is read from.
#[derive(Debug)]
pub(super) struct Origin {
    /// Its name in reports.
    pub name: String,
    /// The path its configs are found by: the file's, or standard input's `--stdin-filename`.
    pub path: Option<PathBuf>,
    /// A file, not standard input: its conversations without an id are numbered as a file read
    /// whole numbers them (see [`Piece::number`]).
    pub file: bool,
}

/// One conversation of a stream (or one line that could not be read as one), handed to the pool
/// like a file.
#[derive(Debug)]
pub(super) struct Piece {
    pub origin: Arc<Origin>,
    /// The conversation's lines; blank lines inside it are kept, so that its line numbers are
    /// the stream's shifted by `first_line - 1`.
    pub text: Vec<u8>,
    /// The stream's line number of the piece's first line.
    pub first_line: usize,
    /// The stream's first piece: it counts the stream as one file in the summary.
    pub first: bool,
    /// The conversation's place among the stream's conversations (1-based): a conversation
    /// without an id is named by it in JUnit (`<stdin>#(2)`). Standard input's first has none,
    /// as a file of one conversation has none: its report is made before the stream shows
    /// whether another follows. A file's first without an id waits to be sent until the file
    /// shows whether another without one follows (see [`super::outbox`]).
    pub number: Option<usize>,
    /// How many conversations of the stream before it had its id, or none as it has none: a
    /// baseline tells such conversations apart by their order.
    pub earlier: usize,
    /// For a record whose id an earlier record of the stream had, that record's line.
    pub again: Option<usize>,
    /// Why the line could not start or continue a conversation.
    pub error: Option<ParseError>,
    /// The piece's size, when it grew past the size limit: its text was dropped.
    pub too_large: Option<u64>,
}

/// A parser's `warning` (`line 2, column 5: …`) of a piece of a stream whose first line is the
/// stream's line `shift + 1`, placed in the stream, as the piece's findings are.
pub(super) fn in_stream(warning: &str, shift: usize) -> String {
    let line = warning.strip_prefix("line ").filter(|_| shift > 0);
    let Some(rest) = line else {
        return warning.to_string();
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest[..digits].parse::<usize>() {
        Ok(n) => format!("line {}{}", n + shift, &rest[digits..]),
        Err(_) => warning.to_string(),
    }
}

/// Warns a piece's record whose id the record on the stream's line `first` had, as a file's
/// reading warns it; the warning's line is the piece's first, placed in the stream as the
/// piece's other warnings are.
pub(super) fn warn_again(first: Option<usize>, transcripts: &mut [Transcript]) {
    if let (Some(first), [t]) = (first, transcripts)
        && let Some(id) = &t.id
    {
        t.warnings.push(record_again(1, id, first));
    }
}
