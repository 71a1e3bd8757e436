//! Feeding the pool: the inputs in chunks of at most [`CHUNK`], so that only a few chunks are
//! held at a time. A stream's pieces go as soon as no more have arrived: a slow stream gets each
//! result at once, and a fast one still fills whole chunks while the pool is busy.

use super::stdin::{self, Opened};
use super::walk::{Input, walk};
use super::{CHUNK, ScanOptions};

/// Lists the inputs and hands them to `send` in chunks, until they end or `send` says stop.
pub(super) fn feed(opts: &ScanOptions, mut send: impl FnMut(Vec<Input>) -> bool) {
    let mut chunk = Vec::with_capacity(CHUNK);
    for input in walk(opts) {
        match input {
            Input::Stdin { .. } => match stdin::open(opts, CHUNK) {
                Opened::Whole(input) => chunk.push(input),
                Opened::Stream(pieces) => {
                    if !chunk.is_empty() && !send(std::mem::take(&mut chunk)) {
                        return;
                    }
                    while let Ok(piece) = pieces.recv() {
                        chunk.push(Input::Piece(piece));
                        chunk.extend(pieces.try_iter().take(CHUNK - 1).map(Input::Piece));
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
