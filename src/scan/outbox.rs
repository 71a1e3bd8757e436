//! Sending a stream's pieces in order, each conversation numbered by its place among the stream's
//! conversations (what names one without an id). A file read whole numbers its conversations
//! without an id only where it holds several: a cut file's first one is held back, with the
//! pieces after it, until a second one begins or the file ends. Standard input's first
//! conversation is sent at once, unnumbered, so that a slow stream's first result is not delayed.

use super::piece::Piece;
use std::sync::mpsc::SyncSender;

pub(super) struct Outbox<'a> {
    tx: &'a SyncSender<Piece>,
    /// Whether the first conversation without an id waits for a second (a file's stream).
    hold: bool,
    /// No piece is sent yet: the next counts the stream as one file.
    first: bool,
    /// The conversations begun so far.
    conversations: usize,
    /// The conversations without an id begun so far, and the place of the first.
    unnamed: usize,
    first_unnamed: Option<usize>,
    /// The pieces from the first conversation without an id on, while it is the only one.
    held: Option<Vec<Piece>>,
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
            held: None,
            closed: false,
        }
    }

    /// The place of a conversation begun now, `named` or not, for its piece's `number`.
    pub(super) fn place(&mut self, named: bool) -> Option<usize> {
        self.conversations += 1;
        if !named {
            self.unnamed += 1;
            match self.unnamed {
                1 => self.first_unnamed = Some(self.conversations),
                2 => self.release(true),
                _ => {}
            }
        }
        Some(self.conversations)
    }

    /// Sends `piece` after the ones sent before it; false once nobody listens.
    pub(super) fn send(&mut self, mut piece: Piece) -> bool {
        piece.first = std::mem::take(&mut self.first);
        if let Some(held) = &mut self.held {
            held.push(piece);
            return !self.closed;
        }
        if !self.hold && piece.number == Some(1) {
            piece.number = None;
        } else if self.hold && piece.number.is_some() && piece.number == self.first_unnamed {
            if self.unnamed < 2 {
                self.held = Some(vec![piece]);
                return !self.closed;
            }
        }
        self.closed = self.closed || self.tx.send(piece).is_err();
        !self.closed
    }

    /// The stream has ended: what is held is sent, its conversation without an id unnumbered,
    /// the only one.
    pub(super) fn finish(mut self) {
        self.release(false);
    }

    /// Sends the held pieces, the first keeping its number or not.
    fn release(&mut self, numbered: bool) {
        let Some(held) = self.held.take() else {
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
