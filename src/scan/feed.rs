//! Feeding the pool: the inputs in chunks of at most [`CHUNK`], so that only a few chunks are
//! held at a time. A stream's pieces go as soon as no more have arrived: a slow stream gets each
//! result at once, and a fast one still fills chunks while the pool is busy. A stream's pieces
//! carry their text (a file's input is only its path), so fewer of them wait and a chunk of
//! them stops at [`PIECE_BYTES`]: memory is bounded by bytes, however long the records.

use super::stdin::{self, Opened};
use super::walk::{Input, walk};
use super::{CHUNK, ScanOptions};

/// How many of a stream's pieces wait to be sent to the pool.
const PIECES_WAITING: usize = 256;

/// A chunk of pieces holds at most about this many bytes of text.
const PIECE_BYTES: usize = 8 << 20;

/// Lists the inputs and hands them to `send` in chunks, until they end or `send` says stop.
pub(super) fn feed(opts: &ScanOptions, mut send: impl FnMut(Vec<Input>) -> bool) {
    let mut chunk = Vec::with_capacity(CHUNK);
    for input in walk(opts) {
        match input {
            Input::Stdin { .. } => match stdin::open(opts, PIECES_WAITING) {
                Opened::Whole(input) => chunk.push(input),
                Opened::Stream(pieces) => {
                    if !chunk.is_empty() && !send(std::mem::take(&mut chunk)) {
                        return;
                    }
                    while let Ok(piece) = pieces.recv() {
                        let mut bytes = piece.text.len();
                        chunk.push(Input::Piece(Box::new(piece)));
                        for piece in pieces.try_iter() {
                            bytes += piece.text.len();
                            chunk.push(Input::Piece(Box::new(piece)));
                            if chunk.len() >= CHUNK || bytes >= PIECE_BYTES {
                                break;
                            }
                        }
                        if !send(std::mem::take(&mut chunk)) {
                            return;
                        }
                    }
                }
            },
            input => chunk.push(input),
        }
        if chunk.len() >= CHUNK && !send(std::mem::take(&mut chunk)) {
            return;
        }
    }
    if !chunk.is_empty() {
        send(chunk);
    }
}
