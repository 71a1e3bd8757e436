//! Sending a stream's pieces in order, each conversation numbered by its place among the stream's
//! conversations (what names one without an id), and counted among the earlier conversations of
//! its id (what a baseline tells them apart by).
//!
//! A file read whole numbers its conversations without an id only where it holds several: a cut
//! file's first record without one is held back, with the pieces after it, until a second one
//! begins, the file ends, or what is held passes [`HOLD_BYTES`] (then it is numbered, as a
//! stream numbers it). A conversation of messages without an id is the file's only one: a
//! message without an id joins the conversation before it. Standard input's first conversation
//! is sent at once, unnumbered, so that a slow stream's first result is not delayed.

use super::piece::Piece;
use std::collections::HashMap;
use std::sync::mpsc::SyncSender;

/// What a file's pieces held back may hold at most, in bytes of text and [`PIECE_COST`] each.
const HOLD_BYTES: usize = 8 << 20;

/// What a piece is counted as besides its text, against [`HOLD_BYTES`]: about its size with an
/// error's message, so that pieces without text (lines that cannot be read) are bounded too.
const PIECE_COST: usize = 256;

/// Where a conversation begins among the stream's.
pub(super) struct Begun {
    /// Its place (1-based), for its piece's `number`.
    pub number: Option<usize>,
    /// How many conversations before it had its id, or had none as it has none.
    pub earlier: usize,
}

pub(super) struct Outbox<'a> {
    tx: &'a SyncSender<Piece>,
    /// Whether the first record without an id waits for a second (a file's stream).
    hold: bool,
    /// No piece is sent yet: the next counts the stream as one file.
    first: bool,
    /// The conversations begun so far.
    conversations: usize,
    /// The conversations without an id begun so far, and the place of the first record of them.
    unnamed: usize,
    first_unnamed: Option<usize>,
    /// For each id records had more than once, how many had it.
    repeated: HashMap<String, usize>,
    /// The pieces from the first record without an id on, while it is the only one, and what
    /// they are counted as against [`HOLD_BYTES`].
    held: Option<(Vec<Piece>, usize)>,
    /// Nobody listens any more.
    closed: bool,
}

impl<'a> Outbox<'a> {
    pub(super) fn new(tx: &'a SyncSender<Piece>, hold: bool) -> Outbox<'a> {
        Outbox {
            tx,
            hold,
            first: true,
            conversations: 0,
            unnamed: 0,
            first_unnamed: None,
            repeated: HashMap::new(),
            held: None,
            closed: false,
        }
    }

    /// A record begins a conversation, with its `id`, which an earlier record had `again` or
    /// not.
    pub(super) fn record(&mut self, id: Option<&str>, again: bool) -> Begun {
        self.conversations += 1;
        let place = self.conversations;
        let earlier = match id {
            None => {
                self.unnamed += 1;
                match self.unnamed {
                    1 => self.first_unnamed = Some(place),
                    2 => self.release(true),
                    _ => {}
                }
                self.unnamed - 1
            }
            Some(id) if again => {
                let seen = self.repeated.entry(id.to_string()).or_default();
                *seen += 1;
                *seen
            }
            Some(_) => 0,
        };
        Begun {
            number: Some(place),
            earlier,
        }
    }

    /// Messages begin a conversation, with their `id`: without one, it is the stream's only
    /// conversation without an id, as a file reads it.
    pub(super) fn messages(&mut self, id: Option<&str>) -> Begun {
        self.conversations += 1;
        let number = match (id, self.hold) {
            (None, true) => None,
            _ => Some(self.conversations),
        };
        Begun { number, earlier: 0 }
    }

    /// Sends `piece` after the ones sent before it; false once nobody listens.
    pub(super) fn send(&mut self, mut piece: Piece) -> bool {
        piece.first = std::mem::take(&mut self.first);
        if let Some((held, bytes)) = &mut self.held {
            *bytes += PIECE_COST + piece.text.len();
            let full = *bytes > HOLD_BYTES;
            held.push(piece);
            if full {
                self.release(true);
            }
            return !self.closed;
        }
        let first_unnamed = piece.number.is_some() && piece.number == self.first_unnamed;
        if !self.hold && piece.number == Some(1) {
            piece.number = None;
        } else if self.hold && first_unnamed && self.unnamed < 2 {
            let bytes = PIECE_COST + piece.text.len();
            self.held = Some((vec![piece], bytes));
            return !self.closed;
        }
        self.closed = self.closed || self.tx.send(piece).is_err();
        !self.closed
    }

    /// The stream has ended: what is held is sent, its record without an id unnumbered, the
    /// only one.
    pub(super) fn finish(mut self) {
        self.release(false);
    }

    /// Sends the held pieces, the first keeping its number or not.
    fn release(&mut self, numbered: bool) {
        let Some((held, _)) = self.held.take() else {
            return;
        };
        for (i, mut piece) in held.into_iter().enumerate() {
            if i == 0 && !numbered {
                piece.number = None;
            }
            if self.closed || self.tx.send(piece).is_err() {
                self.closed = true;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::piece::Origin;
    use std::sync::Arc;
    use std::sync::mpsc::sync_channel;

    fn piece(number: Option<usize>, bytes: usize) -> Piece {
        let (name, path, file) = ("f".to_string(), None, true);
        Piece {
            origin: Arc::new(Origin { name, path, file }),
            text: vec![b'x'; bytes],
            first_line: 1,
            first: false,
            number,
            earlier: 0,
            again: None,
            error: None,
            too_large: None,
        }
    }

    #[test]
    fn a_held_record_is_numbered_once_what_is_held_passes_the_bound() {
        let (tx, rx) = sync_channel(10);
        let mut outbox = Outbox::new(&tx, true);
        let first = outbox.record(None, false).number;
        assert!(outbox.send(piece(first, 10)));
        let named = outbox.record(Some("x"), false).number;
        assert!(outbox.send(piece(named, HOLD_BYTES / 2)));
        assert!(rx.try_recv().is_err(), "held");
        let named = outbox.record(Some("y"), false).number;
        assert!(outbox.send(piece(named, HOLD_BYTES / 2)));
        let sent: Vec<_> = rx.try_iter().map(|p| (p.number, p.first)).collect();
        assert_eq!(sent, [(Some(1), true), (Some(2), false), (Some(3), false)]);
        outbox.finish();
    }
}
