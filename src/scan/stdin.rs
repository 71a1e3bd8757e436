//! Standard input (SPEC §10). It is read whole, like a file, unless it is a JSONL stream of
//! conversations: its first line is a conversation record or a message with a
//! `conversation_id` (or a stray line before one), or `--input-format jsonl` says so. A
//! stream is cut into pieces, one per conversation (by the rules of [`Grouping`]), as its lines
//! arrive, and each piece goes to the thread pool on its own: results come out as each
//! conversation ends, in input order, and memory stays flat however long the stream runs. So
//! `talklint check --format jsonl -` works as a Spark `RDD.pipe`, Hadoop streaming or `xargs`
//! worker. A line or a conversation longer than `--max-filesize` is not kept: it is read past and
//! skipped, as a file over it would be.

use super::ScanOptions;
use super::piece::Piece;
use super::read::input_limit;
use super::utf16;
use super::walk::Input;
use crate::report::FileError;
use crate::transcript::formats::jsonl::{Grouping, LineKind, Step, classify, is_blank};
use crate::transcript::{Format, ParseError};
use crate::utf8_file::{utf16_little_endian, utf32_little_endian};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

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
    let name: Arc<str> = opts.stdin_name().into();
    let limit = input_limit(opts);
    let mut head = Vec::new();
    let mut stdin = io::stdin().lock();
    let error = |message: String| {
        let path = name.to_string();
        Opened::Whole(Input::Error(FileError { path, message }))
    };
    let cannot_read = |e: io::Error| error(format!("cannot read standard input: {e}"));
    if opts.input_format == Some(Format::Jsonl) {
        if let Err(e) = utf16::read_mark(&mut stdin, &mut head) {
            return cannot_read(e);
        }
        if let Some(le) = utf32_little_endian(&head) {
            return error(super::read::utf32_error(le));
        }
        drop(stdin);
        return stream(head, name, limit, capacity);
    }
    let first = match next_line(&mut stdin, &mut head, limit) {
        Ok(first) => first,
        Err(e) => return cannot_read(e),
    };
    let record = |line: &str| {
        matches!(
            classify(line.trim_end(), 1),
            Ok(LineKind::Record(_) | LineKind::Message(Some(_)))
        )
    };
    let is_stream = match (opts.input_format, first) {
        (Some(_), _) => false,
        (None, Some((line, _))) if record(&line) => true,
        // An object over the size limit: read whole, standard input would be skipped as too
        // large, while a stream skips that line and reads the rest.
        (None, Some((line, true))) => line.trim_start().starts_with('{'),
        // A line that opens a JSON document written over lines (`[`, `{"calls": [`, or a first
        // item and a `,`) is no stream's, whatever follows it.
        (None, Some((line, false))) if opens_a_document(&line) => false,
        // Another first line (broken, or a stray line) opens a stream when one of the next two
        // lines is a record or a message of one: read whole, the stream would be one error
        // that loses the rest. Not when one of them closes a document (`]`, `}`).
        (None, Some(_)) => {
            let mut next = Vec::with_capacity(2);
            while next.len() < 2
                && let Ok(Some((line, false))) = next_line(&mut stdin, &mut head, limit)
            {
                next.push(line);
            }
            let closes = |line: &String| line.trim_start().starts_with([']', '}']);
            next.iter().any(|line| record(line)) && !next.iter().any(closes)
        }
        (None, None) => false,
    };
    if !is_stream {
        return Opened::Whole(Input::Stdin { head });
    }
    drop(stdin);
    stream(head, name, limit, capacity)
}

/// Standard input as a stream: `head`, its first bytes already read, then the rest, decoded
/// from UTF-16 when `head` opens with its byte-order mark.
fn stream(head: Vec<u8>, name: Arc<str>, limit: u64, capacity: usize) -> Opened {
    let (tx, rx) = sync_channel(capacity);
    // A thread of its own, not scoped: when the output closes, the process ends without waiting
    // for a line that may never come.
    std::thread::spawn(move || {
        let buffer = 1 << 16;
        let bytes = |head: &[u8]| Cursor::new(head.to_vec()).chain(io::stdin());
        match utf16_little_endian(&head) {
            Some(le) => {
                let text = utf16::Utf16Reader::new(bytes(&head[2..]), le);
                cut(BufReader::with_capacity(buffer, text), &name, limit, &tx);
            }
            None => cut(
                BufReader::with_capacity(buffer, bytes(&head)),
                &name,
                limit,
                &tx,
            ),
        }
    });
    Opened::Stream(rx)
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

/// Reads one line into `line`, keeping at most `limit + 1` bytes of it; the rest of a longer line
/// is read and dropped. Gives the line's whole length (0 at the end of the input).
fn read_line(lines: &mut impl BufRead, line: &mut Vec<u8>, limit: u64) -> io::Result<u64> {
    let kept = lines.by_ref().take(limit + 1).read_until(b'\n', line)?;
    let mut length = kept as u64;
    if length <= limit || line.ends_with(b"\n") {
        return Ok(length);
    }
    loop {
        let buf = lines.fill_buf()?;
        let Some(&last) = buf.last() else {
            return Ok(length);
        };
        let (used, ended) = match memchr::memchr(b'\n', buf) {
            Some(at) => (at + 1, true),
            None => (buf.len(), last == b'\n'),
        };
        lines.consume(used);
        length += used as u64;
        if ended {
            return Ok(length);
        }
    }
}

/// Cuts `lines` into pieces and sends them, until the input ends or nobody listens. A line
/// longer than `limit` is skipped; a conversation that grows past it keeps counting its size but
/// not its text.
fn cut(mut lines: impl BufRead, name: &Arc<str>, limit: u64, tx: &SyncSender<Piece>) {
    let mut grouping = Grouping::default();
    let mut open: Option<Piece> = None;
    let mut line = Vec::new();
    let mut number = 0;
    let mut first = true;
    // The conversations begun so far; the place the next one takes (see `Piece::number`).
    let mut conversations = 0;
    let mut place = || {
        conversations += 1;
        (conversations > 1).then_some(conversations)
    };
    let mut send = |mut piece: Piece| {
        piece.first = std::mem::take(&mut first);
        tx.send(piece).is_ok()
    };
    let piece = |text: Vec<u8>, first_line: usize, error: Option<ParseError>| Piece {
        name: name.clone(),
        text,
        first_line,
        first: false,
        number: None,
        again: None,
        error,
        too_large: None,
    };
    // Appends a line to the open piece, dropping the piece's text once it is over the limit.
    let grow = |p: &mut Piece, line: &[u8]| match &mut p.too_large {
        Some(size) => *size += line.len() as u64,
        None if (p.text.len() + line.len()) as u64 > limit => {
            p.too_large = Some((p.text.len() + line.len()) as u64);
            p.text = Vec::new();
        }
        None => p.text.extend_from_slice(line),
    };
    loop {
        line.clear();
        match read_line(&mut lines, &mut line, limit) {
            Ok(0) => break,
            Ok(length) if length > limit => {
                // Skipped on its own; left out of the open conversation (it may be one of its
                // messages), whose line numbers hold.
                number += 1;
                if let Some(p) = open.as_mut() {
                    grow(p, b"\n");
                }
                let skipped = Piece {
                    too_large: Some(length),
                    ..piece(Vec::new(), number, None)
                };
                if !send(skipped) {
                    return;
                }
                continue;
            }
            Ok(_) => number += 1,
            Err(e) => {
                let message = format!("cannot read standard input: {e}");
                send(piece(
                    Vec::new(),
                    number + 1,
                    Some(ParseError::at(number + 1, 1, message)),
                ));
                break;
            }
        }
        let text = String::from_utf8_lossy(&line);
        if is_blank(&text) {
            if let Some(p) = open.as_mut() {
                grow(p, &line);
            }
            continue;
        }
        let kind = classify(text.trim_end(), number);
        // A line that is no message, among a conversation's messages, stays in its piece: the
        // piece's reading leaves it out, names it in an error and warns the conversation, as a
        // file's reading does.
        if kind.is_err()
            && let Some(p) = open.as_mut()
        {
            grow(p, &line);
            continue;
        }
        let step = kind.and_then(|k| grouping.step(number, k));
        let sent = match step {
            Ok(Step::Continue) => {
                // The grouping opens a conversation exactly when a piece is opened here.
                if let Some(p) = open.as_mut() {
                    grow(p, &line);
                }
                true
            }
            Ok(Step::Record { again, .. }) => {
                let record = Piece {
                    number: place(),
                    again,
                    ..piece(line.clone(), number, None)
                };
                open.take().is_none_or(&mut send) && send(record)
            }
            Ok(Step::Begin(_)) => {
                let sent = open.take().is_none_or(&mut send);
                open = Some(Piece {
                    number: place(),
                    ..piece(line.clone(), number, None)
                });
                sent
            }
            Err(e) => {
                // The line is left out of the open conversation, whose line numbers hold.
                if let Some(p) = open.as_mut() {
                    grow(p, b"\n");
                }
                send(piece(Vec::new(), number, Some(e)))
            }
        };
        if !sent {
            return;
        }
    }
    if let Some(p) = open {
        send(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece `cut` sends for `input`, with pieces over `limit` bytes skipped.
    fn cut_all(input: &str, limit: u64) -> Vec<Piece> {
        let (tx, rx) = sync_channel(100);
        cut(
            Cursor::new(input.as_bytes().to_vec()),
            &Arc::from("-"),
            limit,
            &tx,
        );
        drop(tx);
        rx.iter().collect()
    }

    /// The pieces of `input`: (first line, text, error line).
    fn pieces(input: &str) -> Vec<(usize, String, Option<usize>, bool)> {
        cut_all(input, 1 << 20)
            .into_iter()
            .map(|p| {
                let text = String::from_utf8(p.text).unwrap();
                (p.first_line, text, p.error.map(|e| e.line), p.first)
            })
            .collect()
    }

    #[test]
    fn lines_and_conversations_over_the_limit_keep_their_size_not_their_text() {
        let a = "{\"conversation_id\":\"a\",\"text\":\"1\"}\n";
        let b = a.replace("\"a\"", "\"b\"");
        let long = format!(
            "{{\"conversation_id\":\"b\",\"text\":\"{}\"}}\n",
            "x".repeat(100)
        );
        let cut_with = |input: String, limit| {
            let all = cut_all(&input, limit).into_iter();
            all.map(|p| (p.first_line, p.text.len(), p.too_large))
                .collect::<Vec<_>>()
        };
        let (n, long_n) = (a.len(), long.len() as u64);
        // The long line is skipped when read; `a` goes on around it, one empty line in its place.
        assert_eq!(
            cut_with(format!("{a}{a}{long}{a}"), 120),
            [(3, 0, Some(long_n)), (1, 3 * n + 1, None)]
        );
        // Two lines of `a` pass 50 bytes: its size is kept, its text is not.
        assert_eq!(
            cut_with(format!("{a}{a}{b}"), 50),
            [(1, 0, Some(2 * n as u64)), (3, n, None)]
        );
    }

    #[test]
    fn records_are_pieces_of_one_line() {
        let r1 = "{\"id\":1,\"messages\":[]}\n";
        let r2 = "{\"id\":2,\"messages\":[]}";
        assert_eq!(
            pieces(&format!("\n{r1}\n{r2}")),
            [
                (2, r1.to_string(), None, true),
                (4, r2.to_string(), None, false)
            ]
        );
    }

    #[test]
    fn messages_are_cut_where_the_conversation_id_changes() {
        let a1 = "{\"conversation_id\":\"a\",\"text\":\"1\"}\n";
        let a2 = "{\"conversation_id\":\"a\",\"text\":\"2\"}\n";
        let b1 = "{\"conversation_id\":\"b\",\"text\":\"3\"}\n";
        let bad = "{\"conversation_id\":\"a\",\"text\":\"4\"}\n";
        let got = pieces(&format!("{a1}\n{a2}{b1}{bad}not json\n{b1}"));
        assert_eq!(
            got,
            [
                (1, format!("{a1}\n{a2}"), None, true),
                (5, String::new(), Some(5), false),
                (4, format!("{b1}\nnot json\n{b1}"), None, false),
            ],
            "an id seen again is an error as it occurs; a line that is no message stays in its \
             conversation, whose reading leaves it out"
        );
    }
}
