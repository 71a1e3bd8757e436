//! Standard input (SPEC §10). It is read whole, like a file, unless it is a JSONL stream of
//! conversations: its first line is a conversation record or a message with a
//! `conversation_id`, or `--input-format jsonl` says so. A stream is cut into pieces, one per
//! conversation (by the rules of [`Grouping`]), as its lines arrive, and each piece goes to the
//! thread pool on its own: results come out as each conversation ends, in input order, and
//! memory stays flat however long the stream runs. So `talklint check --format jsonl -` works as
//! a Spark `RDD.pipe`, Hadoop streaming or `xargs` worker.

use super::ScanOptions;
use super::walk::Input;
use crate::report::FileError;
use crate::transcript::formats::jsonl::{Grouping, LineKind, Step, classify, is_blank};
use crate::transcript::{Format, ParseError};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// One conversation of a stream (or one line that could not be read as one), handed to the pool
/// like a file.
#[derive(Debug)]
pub(super) struct Piece {
    /// Standard input's name in reports.
    pub name: Arc<str>,
    /// The conversation's lines; blank lines inside it are kept, so that its line numbers are
    /// the stream's shifted by `first_line - 1`.
    pub text: Vec<u8>,
    /// The stream's line number of the piece's first line.
    pub first_line: usize,
    /// The stream's first piece: it counts the stream as one file in the summary.
    pub first: bool,
    /// Why the line could not start or continue a conversation.
    pub error: Option<ParseError>,
}

/// What standard input turned out to be.
pub(super) enum Opened {
    /// One input read whole by a worker; `head` (its first lines) is already read.
    Whole(Input),
    /// Pieces, as they arrive.
    Stream(Receiver<Piece>),
}

/// Reads standard input's first line that is not blank, and decides whether it is a stream.
pub(super) fn open(opts: &ScanOptions, capacity: usize) -> Opened {
    let name: Arc<str> = opts.stdin_name().into();
    let mut head = Vec::new();
    let mut stdin = io::stdin().lock();
    let first = loop {
        let start = head.len();
        match stdin.read_until(b'\n', &mut head) {
            Ok(0) => break None,
            Ok(_) if is_blank(&String::from_utf8_lossy(&head[start..])) => {}
            Ok(_) => break Some(String::from_utf8_lossy(&head[start..]).into_owned()),
            Err(e) => {
                return Opened::Whole(Input::Error(FileError {
                    path: name.to_string(),
                    message: format!("cannot read standard input: {e}"),
                }));
            }
        }
    };
    let stream = match (opts.input_format, first) {
        (Some(format), Some(_)) => format == Format::Jsonl,
        (None, Some(line)) => matches!(
            classify(line.trim_end(), 1),
            Ok(LineKind::Record | LineKind::Message(Some(_)))
        ),
        (_, None) => false,
    };
    if !stream {
        return Opened::Whole(Input::Stdin { head });
    }
    drop(stdin);
    let (tx, rx) = sync_channel(capacity);
    // A thread of its own, not scoped: when the output closes, the process ends without waiting
    // for a line that may never come.
    std::thread::spawn(move || {
        let lines = BufReader::with_capacity(1 << 16, Cursor::new(head).chain(io::stdin()));
        cut(lines, &name, &tx);
    });
    Opened::Stream(rx)
}

/// Cuts `lines` into pieces and sends them, until the input ends or nobody listens.
fn cut(mut lines: impl BufRead, name: &Arc<str>, tx: &SyncSender<Piece>) {
    let mut grouping = Grouping::default();
    let mut open: Option<Piece> = None;
    let mut line = Vec::new();
    let mut number = 0;
    let mut first = true;
    let mut send = |mut piece: Piece| {
        piece.first = std::mem::take(&mut first);
        tx.send(piece).is_ok()
    };
    let piece = |text: Vec<u8>, first_line: usize, error: Option<ParseError>| Piece {
        name: name.clone(),
        text,
        first_line,
        first: false,
        error,
    };
    loop {
        line.clear();
        match lines.read_until(b'\n', &mut line) {
            Ok(0) => break,
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
                p.text.extend_from_slice(&line);
            }
            continue;
        }
        let step = classify(text.trim_end(), number).and_then(|k| grouping.step(number, k));
        let sent = match step {
            Ok(Step::Continue) => {
                // The grouping opens a conversation exactly when a piece is opened here.
                if let Some(p) = open.as_mut() {
                    p.text.extend_from_slice(&line);
                }
                true
            }
            Ok(Step::Record) => {
                open.take().is_none_or(&mut send) && send(piece(line.clone(), number, None))
            }
            Ok(Step::Begin(_)) => {
                let sent = open.take().is_none_or(&mut send);
                open = Some(piece(line.clone(), number, None));
                sent
            }
            Err(e) => {
                // The line is left out of the open conversation, whose line numbers hold.
                if let Some(p) = open.as_mut() {
                    p.text.push(b'\n');
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

    /// The pieces of `input`: (first line, text, error line).
    fn pieces(input: &str) -> Vec<(usize, String, Option<usize>, bool)> {
        let (tx, rx) = sync_channel(100);
        cut(Cursor::new(input.as_bytes().to_vec()), &Arc::from("-"), &tx);
        drop(tx);
        rx.iter()
            .map(|p| {
                let text = String::from_utf8(p.text).unwrap();
                (p.first_line, text, p.error.map(|e| e.line), p.first)
            })
            .collect()
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
                (6, String::new(), Some(6), false),
                (4, format!("{b1}\n\n{b1}"), None, false),
            ],
            "errors come as they occur, each conversation when it ends"
        );
    }
}
