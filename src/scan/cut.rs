//! Cutting a JSONL stream into pieces, one per conversation (by the rules of [`Grouping`]), as
//! its lines arrive: a record is a piece of its own, a run of one id's messages a piece sent when
//! the next begins. A line or a conversation longer than the size limit is not kept: it is read
//! past and skipped, as a file over it would be.

use super::outbox::Outbox;
use super::piece::{Origin, Piece};
use crate::transcript::ParseError;
use crate::transcript::formats::jsonl::{Grouping, Step, classify, is_blank};
use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::mpsc::SyncSender;

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

/// A line that cannot be read and names another conversation than the open one (see
/// [`Grouping::other_id`]): it opens that conversation's piece if the conversation begins at the
/// next line, and is an error of its own if not, never the open conversation's.
struct Ahead {
    /// The line, and the blank lines after it.
    piece: Piece,
    id: String,
    error: ParseError,
}

impl Ahead {
    /// The error piece of a line no conversation took.
    fn error(self) -> Piece {
        let (text, too_large, error) = (Vec::new(), None, Some(self.error));
        Piece {
            text,
            too_large,
            error,
            ..self.piece
        }
    }
}

/// Cuts `lines`, read from `origin`, into pieces and sends them, until the input ends or nobody
/// listens. A line longer than `limit` is skipped; a conversation that grows past it keeps
/// counting its size but not its text.
pub(super) fn cut(
    mut lines: impl BufRead,
    origin: &Arc<Origin>,
    limit: u64,
    tx: &SyncSender<Piece>,
) {
    let mut grouping = Grouping::default();
    let mut open: Option<Piece> = None;
    let mut ahead: Option<Ahead> = None;
    let mut line = Vec::new();
    let mut number = 0;
    let mut outbox = Outbox::new(tx, origin.file);
    let piece = |text: Vec<u8>, first_line: usize, error: Option<ParseError>| Piece {
        origin: origin.clone(),
        text,
        first_line,
        first: false,
        number: None,
        earlier: 0,
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
                if !ahead.take().is_none_or(|w| outbox.send(w.error())) || !outbox.send(skipped) {
                    return;
                }
                continue;
            }
            Ok(_) => number += 1,
            Err(e) => {
                let message = match origin.file {
                    true => format!("cannot read: {e}"),
                    false => format!("cannot read standard input: {e}"),
                };
                if !ahead.take().is_none_or(|w| outbox.send(w.error())) {
                    return;
                }
                outbox.send(piece(
                    Vec::new(),
                    number + 1,
                    Some(ParseError::at(number + 1, 1, message)),
                ));
                break;
            }
        }
        // Checked as UTF-8 first: most lines are, and the check is several times faster than
        // the lossy reading's (which took 6% of a cut file's instructions).
        let text = match std::str::from_utf8(&line) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&line),
        };
        if is_blank(&text) {
            if let Some(p) = open.as_mut() {
                grow(p, &line);
            }
            if let Some(a) = ahead.as_mut() {
                grow(&mut a.piece, &line);
            }
            continue;
        }
        let mut waiting = ahead.take();
        let kind = classify(text.trim_end(), number);
        let unread = kind.is_err();
        let step = kind.and_then(|k| grouping.step(number, k));
        if let Err(e) = &step {
            // As a file's reading leaves it out: a line naming another conversation waits for
            // it; a line that is no message, among a conversation's messages, stays in its
            // piece, whose reading names it in an error and warns the conversation.
            let other = grouping.other_id(&text).map(str::to_string);
            let stays = other.is_none() && unread && open.is_some();
            if (other.is_some() || stays) && !waiting.take().is_none_or(|w| outbox.send(w.error()))
            {
                return;
            }
            if let Some(id) = other {
                if let Some(p) = open.as_mut() {
                    grow(p, b"\n");
                }
                let error = e.clone();
                let piece = piece(line.clone(), number, None);
                ahead = Some(Ahead { piece, id, error });
                continue;
            }
            if let Some(p) = open.as_mut().filter(|_| stays) {
                grow(p, &line);
                continue;
            }
        }
        // A line waiting for the conversation that begins here opens its piece.
        let (mine, waiting) = match (waiting, &step) {
            (Some(w), Ok(Step::Begin(Some(id)))) if w.id == *id => (Some(w), None),
            (waiting, _) => (None, waiting),
        };
        if !waiting.is_none_or(|w| outbox.send(w.error())) {
            return;
        }
        let sent = match step {
            Ok(Step::Continue) => {
                // The grouping opens a conversation exactly when a piece is opened here.
                if let Some(p) = open.as_mut() {
                    grow(p, &line);
                }
                true
            }
            Ok(Step::Record { id, again }) => {
                let begun = outbox.record(id.as_deref(), again.is_some());
                let record = Piece {
                    number: begun.number,
                    earlier: begun.earlier,
                    again,
                    ..piece(line.clone(), number, None)
                };
                open.take().is_none_or(|p| outbox.send(p)) && outbox.send(record)
            }
            Ok(Step::Begin(id)) => {
                let sent = open.take().is_none_or(|p| outbox.send(p));
                let mut begun = match mine {
                    Some(w) => w.piece,
                    None => piece(Vec::new(), number, None),
                };
                grow(&mut begun, &line);
                begun.number = outbox.messages(id.as_deref()).number;
                open = Some(begun);
                sent
            }
            Err(e) => {
                // The line is left out of the open conversation, whose line numbers hold.
                if let Some(p) = open.as_mut() {
                    grow(p, b"\n");
                }
                outbox.send(piece(Vec::new(), number, Some(e)))
            }
        };
        if !sent {
            return;
        }
    }
    if ahead.is_none_or(|w| outbox.send(w.error()))
        && let Some(p) = open
    {
        outbox.send(p);
    }
    outbox.finish();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use std::sync::mpsc::sync_channel;

    /// Every piece `cut` sends for `input`, read from a file or standard input, with pieces
    /// over `limit` bytes skipped.
    fn cut_from(file: bool, input: &str, limit: u64) -> Vec<Piece> {
        let (tx, rx) = sync_channel(100);
        let (name, path) = ("-".to_string(), None);
        let origin = Arc::new(Origin { name, path, file });
        cut(Cursor::new(input.as_bytes().to_vec()), &origin, limit, &tx);
        drop(tx);
        rx.iter().collect()
    }

    fn cut_all(input: &str, limit: u64) -> Vec<Piece> {
        cut_from(false, input, limit)
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

    #[test]
    fn a_files_conversations_without_ids_are_numbered_where_it_holds_several() {
        let numbers = |file, input: &str| {
            let pieces = cut_from(file, input, 1 << 20).into_iter();
            pieces.map(|p| (p.number, p.first)).collect::<Vec<_>>()
        };
        let (r1, r2) = ("{\"messages\":[]}\n", "{\"messages\":[]}\n");
        let (m1, m2) = (
            "{\"conversation_id\":\"a\",\"text\":\"1\"}\n",
            "{\"conversation_id\":\"b\",\"text\":\"2\"}\n",
        );
        let two = [(Some(1), true), (Some(2), false)];
        assert_eq!(numbers(true, &format!("{r1}{r2}")), two);
        assert_eq!(numbers(true, &format!("{m1}{m2}")), two);
        // A line no conversation takes waits behind the first, in its place.
        let between = format!("{r1}not json\n{r2}");
        assert_eq!(
            numbers(true, &between),
            [(Some(1), true), (None, false), (Some(2), false)]
        );
        assert_eq!(numbers(true, r1), [(None, true)], "the only one");
        let (x, y) = (
            "{\"id\":\"x\",\"messages\":[]}\n",
            "{\"id\":\"y\",\"messages\":[]}\n",
        );
        assert_eq!(
            numbers(true, &format!("{x}{r1}{y}")),
            [(Some(1), true), (None, false), (Some(3), false)],
            "the only one without an id"
        );
        assert_eq!(
            numbers(false, &format!("{r1}{r2}")),
            [(None, true), (Some(2), false)],
            "standard input's first is sent before the second shows"
        );
        // Leading messages without an id are a file's only conversation without one.
        let m0 = "{\"text\":\"0\"}\n";
        assert_eq!(
            numbers(true, &format!("{m0}{m1}{m2}")),
            [(None, true), (Some(2), false), (Some(3), false)]
        );
    }

    #[test]
    fn conversations_count_the_earlier_ones_of_their_id() {
        let (x, r) = ("{\"id\":\"x\",\"messages\":[]}\n", "{\"messages\":[]}\n");
        let earlier = |input: String| {
            let pieces = cut_from(true, &input, 1 << 20).into_iter();
            pieces.map(|p| p.earlier).collect::<Vec<_>>()
        };
        assert_eq!(earlier(format!("{r}{x}{r}{x}{r}{x}")), [0, 0, 1, 1, 2, 2]);
    }
}
