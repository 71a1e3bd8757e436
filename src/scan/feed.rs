//! Feeding the pool: the inputs in chunks of at most [`CHUNK`], so that only a few chunks are
//! held at a time. Standard input's pieces go as soon as no more have arrived: a slow stream gets
//! each result at once, and a fast one still fills chunks while the pool is busy. A stream's pieces
//! carry their text (a file's input is only its path), so fewer of them wait and a chunk of
//! them stops at [`PIECE_BYTES`]: memory is bounded by bytes, however long the records. A large
//! JSONL file of conversations is fed as such a stream ([`large_jsonl`]), its pieces in full
//! chunks, as files go.

use super::large_jsonl;
use super::piece::Piece;
use super::stdin::{self, Opened};
use super::walk::{Input, walk};
use super::{CHUNK, ScanOptions};
use std::sync::mpsc::Receiver;

/// How many of a stream's pieces wait to be sent to the pool.
const PIECES_WAITING: usize = 256;

/// A chunk of pieces holds at most about this many bytes of text.
pub(super) const PIECE_BYTES: usize = 8 << 20;

/// Lists the inputs and hands them to `send` in chunks, until they end or `send` says stop.
pub(super) fn feed(opts: &ScanOptions, mut send: impl FnMut(Vec<Input>) -> bool) {
    let mut chunk = Vec::with_capacity(CHUNK);
    for input in walk(opts) {
        // A file's pieces fill chunks (`fill`), standard input's go as they arrive.
        let pieces = match input {
            Input::Stdin { .. } => match stdin::open(opts, PIECES_WAITING) {
                Opened::Whole(input) => Err(input),
                Opened::Stream(pieces) => Ok((pieces, false)),
            },
            input => (large_jsonl::open(&input, opts, PIECES_WAITING))
                .map(|pieces| (pieces, true))
                .ok_or(input),
        };
        match pieces {
            Err(input) => chunk.push(input),
            Ok((pieces, fill)) => {
                if !fill && !chunk.is_empty() && !send(std::mem::take(&mut chunk)) {
                    return;
                }
                if !pour(&pieces, &mut chunk, &mut send, fill) {
                    return;
                }
            }
        }
        if chunk.len() >= CHUNK && !send(std::mem::take(&mut chunk)) {
            return;
        }
    }
    if !chunk.is_empty() {
        send(chunk);
    }
}

/// Hands a stream's pieces to `send` in chunks until the stream ends (true) or `send` says
/// stop (false). Standard input's go as they arrive, in chunks of those that have arrived, so a
/// slow stream's results are not delayed; a file's (`fill`) in full chunks, as files go, since
/// they arrive as fast as the file is read: a chunk sent each time the cutter was ahead kept the
/// pool busy with chunks of a few pieces. A file's last pieces wait in `chunk` for the inputs
/// after it.
fn pour(
    pieces: &Receiver<Piece>,
    chunk: &mut Vec<Input>,
    send: &mut impl FnMut(Vec<Input>) -> bool,
    fill: bool,
) -> bool {
    // The pieces an earlier file left in the chunk count too.
    let piece_bytes = |input: &Input| match input {
        Input::Piece(p) => p.text.len(),
        _ => 0,
    };
    let mut bytes: usize = chunk.iter().map(piece_bytes).sum();
    while let Ok(piece) = pieces.recv() {
        bytes += piece.text.len();
        chunk.push(Input::Piece(Box::new(piece)));
        let full = |chunk: &Vec<Input>, bytes| chunk.len() >= CHUNK || bytes >= PIECE_BYTES;
        if !fill {
            for piece in pieces.try_iter() {
                bytes += piece.text.len();
                chunk.push(Input::Piece(Box::new(piece)));
                if full(chunk, bytes) {
                    break;
                }
            }
        }
        if !fill || full(chunk, bytes) {
            bytes = 0;
            if !send(std::mem::take(chunk)) {
                return false;
            }
        }
    }
    true
}
