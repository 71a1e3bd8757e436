//! A JSONL stream of conversations: how its first lines tell one (standard input's, or a large
//! file's), and its pieces, cut ([`cut`]) on a thread of their own as its lines are read.

use super::cut::cut;
use super::piece::{Origin, Piece};
use super::utf16;
use crate::transcript::formats::jsonl::{classify, is_blank};
use crate::utf8_file::utf16_little_endian;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};

/// Whether the input `lines` hold is a JSONL stream of conversations, as its first lines that
/// are not blank say; the lines read to tell are added to `head`. It is one when its first line
/// is a conversation record or a message with a `conversation_id`, or a stray line before one.
pub(super) fn opens_stream(
    lines: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: u64,
) -> io::Result<bool> {
    let record = |line: &str| {
        classify(line.trim_end(), 1)
            .is_ok_and(|kind| matches!(kind.among(None), (true, _) | (_, Some(_))))
    };
    Ok(match next_line(lines, head, limit)? {
        Some((line, _)) if record(&line) => true,
        // An object over the size limit (only standard input's: a file over it is skipped
        // unread): read whole, standard input would be skipped as too large, while a stream
        // skips that line and reads the rest.
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

/// Whether `line`, an input's first, opens a JSON document written over lines: an array, or an
/// object whose first line ends in `[`, `{` or `,`.
fn opens_a_document(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim();
    line.starts_with('[') || line.ends_with(['[', '{', ','])
}

/// Reads the input's next line that is not blank onto `head`, and gives it, with whether it runs
/// past the size limit (then only its start is read); none at the end of the input.
fn next_line(
    lines: &mut impl BufRead,
    head: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<(String, bool)>> {
    loop {
        let start = head.len();
        // Past the limit, the input is too large whatever it holds (its reader says so).
        let room = (limit + 1).saturating_sub(start as u64);
        if lines.take(room).read_until(b'\n', head)? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&head[start..]);
        let over = head.len() as u64 > limit;
        if over || !is_blank(&line) {
            return Ok(Some((line.into_owned(), over)));
        }
    }
}
