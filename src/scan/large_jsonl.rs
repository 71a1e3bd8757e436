//! A JSONL file of conversations larger than a chunk of pieces is read as a stream on standard
//! input is ([`super::stdin`]): cut into pieces, one per conversation, as it is read. Read whole,
//! a file's results are held until its last conversation is checked, on one thread: a 95 MB file
//! of 17,000 records peaked at 450–480 MB. Cut, its results are written as they are made, and its
//! conversations are checked on every thread. Its report is the one it gives read whole (its
//! conversations numbered and known to a baseline alike), but where a stream reads otherwise:
//! each line that cannot be read is an error of its own, or its conversation's among one id's
//! messages; a record without turns is reported even where no record has any; a record that
//! cannot be read still counts among the records without an id (or of its id), which are
//! numbered, and told apart by a baseline, by their order; a warning of bytes that are not UTF-8
//! is the conversation's that holds them; a lone CR ends no line.

use super::ScanOptions;
use super::feed::PIECE_BYTES;
use super::folder;
use super::piece::{Origin, Piece};
use super::read::{Encoding, encoding, input_limit};
use super::stream::{opens_stream, stream};
use super::walk::Input;
use crate::transcript::Format;
use std::io::{BufRead, BufReader};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// A file is cut from this size on: a smaller one holds no more text than a chunk of pieces
/// holds at most ([`PIECE_BYTES`]), so its results take no more room than a chunk's.
pub(super) const CUT_FROM: u64 = PIECE_BYTES as u64;

/// The pieces of `input`, when it is a large JSONL file of conversations. Anything a file read
/// whole would skip, refuse or rewrite is left to that reading: a file over the size limit,
/// one whose first bytes are binary or UTF-16, a talklint report, a config or a file under a
/// config with a mistake, or any file under `--fix` or `--diff`.
pub(super) fn open(input: &Input, opts: &ScanOptions, capacity: usize) -> Option<Receiver<Piece>> {
    let Input::File {
        path,
        display,
        folder,
        ..
    } = input
    else {
        return None;
    };
    let format = opts.input_format.or_else(|| Format::from_extension(path));
    if format != Some(Format::Jsonl) || opts.fix.is_some() || opts.profiles.loaded(path).is_some() {
        return None;
    }
    // Asked of the walker's thread for each JSONL file: one system call, no file opened.
    let size = folder::regular_size(path, folder.as_ref())?;
    let limit = input_limit(opts);
    // A file under a config with a mistake is one error, unread.
    if !(CUT_FROM..=limit).contains(&size) || opts.profiles.broken_over(path).is_some() {
        return None;
    }
    let file = folder::open(path, folder.as_ref()).ok()?;
    let mut lines = BufReader::with_capacity(1 << 16, file);
    // Its first bytes, as a file read whole is probed for its encoding and for a report's head.
    let first = lines.fill_buf().ok()?;
    if !matches!(encoding(first), Encoding::Utf8) || crate::report::opens_as_report(first) {
        return None;
    }
    let mut head = Vec::new();
    let cut = opens_stream(&mut lines, &mut head, limit).ok()?;
    let origin = Origin {
        name: display.clone(),
        path: Some(path.clone()),
        file: true,
    };
    cut.then(|| stream(head, lines, Arc::new(origin), limit, capacity))
}
