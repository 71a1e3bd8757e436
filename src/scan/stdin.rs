//! Standard input (SPEC §10). It is read whole, like a file, unless it is a JSONL stream of
//! conversations: its first line is a conversation record or a message with a
//! `conversation_id` (or a stray line before one), or `--input-format jsonl` says so. A
//! stream is cut into pieces, one per conversation ([`cut`]), as its lines arrive, and each piece
//! goes to the thread pool on its own: results come out as each conversation ends, in input
//! order, and memory stays flat however long the stream runs. So `talklint check --format jsonl
//! -` works as a Spark `RDD.pipe`, Hadoop streaming or `xargs` worker.

use super::ScanOptions;
use super::cut::cut;
use super::piece::{Origin, Piece};
use super::read::input_limit;
use super::utf16;
use super::walk::Input;
use crate::report::FileError;
use crate::transcript::Format;
use crate::transcript::formats::jsonl::{LineKind, classify, is_blank};
use crate::utf8_file::{utf16_little_endian, utf32_little_endian};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};

/// What standard input turned out to be.
pub(super) enum Opened {
    /// One input read whole by a worker; `head` (its first lines) is already read.
    Whole(Input),
    /// Pieces, as they arrive.
    Stream(Receiver<Piece>),
}

/// Reads standard input's first line that is not blank, and decides whether it is a stream.
/// With `--input-format jsonl` it is one whatever it holds, and only a byte-order mark is read
/// first: a UTF-16 stream is decoded as it arrives, a UTF-32 one is an error.
pub(super) fn open(opts: &ScanOptions, capacity: usize) -> Opened {
    let origin = Arc::new(Origin {
        name: opts.stdin_name().into(),
        path: opts.stdin_filename.as_ref().map(PathBuf::from),
        file: false,
    });
    let limit = input_limit(opts);
    let mut head = Vec::new();
    let mut stdin = io::stdin().lock();
    let error = |message: String| {
        let path = origin.name.clone();
        Opened::Whole(Input::Error(FileError {
            path,
            line: None,
            message,
        }))
    };
    let cannot_read = |e: io::Error| error(format!("cannot read standard input: {e}"));
    match opts.input_format {
        Some(Format::Jsonl) => {
            if let Err(e) = utf16::read_mark(&mut stdin, &mut head) {
                return cannot_read(e);
            }
            if let Some(le) = utf32_little_endian(&head) {
                return error(super::read::utf32_error(le));
            }
        }
        Some(_) => return Opened::Whole(Input::Stdin { head }),
        None => match opens_stream(&mut stdin, &mut head, limit) {
            Ok(true) => {}
            Ok(false) => return Opened::Whole(Input::Stdin { head }),
            Err(e) => return cannot_read(e),
        },
    }
    drop(stdin);
    Opened::Stream(stream(head, io::stdin(), origin, limit, capacity))
}

/// Whether the input `lines` hold is a JSONL stream of conversations, as its first lines that
/// are not blank say; the lines read to tell are added to `head`. It is one when its first line
/// is a conversation record or a message with a `conversation_id`, or a stray line before one.
pub(super) fn opens_stream(
    lines: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: u64,
) -> io::Result<bool> {
    let record = |line: &str| {
        matches!(
            classify(line.trim_end(), 1),
            Ok(LineKind::Record(_) | LineKind::Message(Some(_)))
        )
    };
    Ok(match next_line(lines, head, limit)? {
        Some((line, _)) if record(&line) => true,
        // An object over the size limit: read whole, standard input would be skipped as too
        // large, while a stream skips that line and reads the rest.
        Some((line, true)) => line.trim_start().starts_with('{'),
        // A line that opens a JSON document written over lines (`[`, `{"calls": [`, or a first
        // item and a `,`) is no stream's, whatever follows it.
        Some((line, false)) if opens_a_document(&line) => false,
        // Another first line (broken, or a stray line) opens a stream when one of the next two
        // lines is a record or a message of one: read whole, the stream would be one error
        // that loses the rest. Not when one of them closes a document (`]`, `}`).
        Some(_) => {
            let mut next = Vec::with_capacity(2);
            while next.len() < 2
                && let Ok(Some((line, false))) = next_line(lines, head, limit)
            {
                next.push(line);
            }
            let closes = |line: &String| line.trim_start().starts_with([']', '}']);
            next.iter().any(|line| record(line)) && !next.iter().any(closes)
        }
        None => false,
    })
}

/// A stream's pieces as they are cut: `head`, its first bytes already read, then the `rest`,
/// decoded from UTF-16 when `head` opens with its byte-order mark.
pub(super) fn stream(
    head: Vec<u8>,
    rest: impl Read + Send + 'static,
    origin: Arc<Origin>,
    limit: u64,
    capacity: usize,
) -> Receiver<Piece> {
    let (tx, rx) = sync_channel(capacity);
    // A thread of its own, not scoped: when the output closes, the process ends without waiting
    // for a line that may never come.
    std::thread::spawn(move || {
        let buffer = 1 << 16;
        let le = utf16_little_endian(&head);
        let mut head = Cursor::new(head);
        match le {
            Some(le) => {
                head.set_position(2);
                let text = utf16::Utf16Reader::new(head.chain(rest), le);
                cut(BufReader::with_capacity(buffer, text), &origin, limit, &tx);
            }
            None => {
                let bytes = head.chain(rest);
                cut(BufReader::with_capacity(buffer, bytes), &origin, limit, &tx);
            }
        }
    });
    rx
}

/// Whether `line`, the first of standard input, opens a JSON document written over lines: an
/// array, or an object whose first line ends in `[`, `{` or `,`.
fn opens_a_document(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim();
    line.starts_with('[') || line.ends_with(['[', '{', ','])
}

/// Reads standard input's next line that is not blank onto `head`, and gives it, with whether
/// it runs past the size limit (then only its start is read); none at the end of the input.
fn next_line(
    stdin: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<(String, bool)>> {
    loop {
        let start = head.len();
        // Past the limit, standard input is too large whatever it holds (its reader says so).
        let room = (limit + 1).saturating_sub(start as u64);
        if stdin.take(room).read_until(b'\n', head)? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&head[start..]);
        let over = head.len() as u64 > limit;
        if over || !is_blank(&line) {
            return Ok(Some((line.into_owned(), over)));
        }
    }
}
