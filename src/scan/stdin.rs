//! Standard input (SPEC §10). It is read whole, like a file, unless it is a JSONL stream of
//! conversations: its first line is a conversation record or a message with a
//! `conversation_id` (or a stray line before one), or `--input-format jsonl` says so. A
//! stream is cut into pieces, one per conversation ([`super::stream`]), as its lines arrive, and each piece
//! goes to the thread pool on its own: results come out as each conversation ends, in input
//! order, and memory stays flat however long the stream runs. So `talklint check --format jsonl
//! -` works as a Spark `RDD.pipe`, Hadoop streaming or `xargs` worker. A run that fixes standard
//! input reads it first, whole, to write it back out ([`ScanOptions::stdin_given`]).

use super::ScanOptions;
use super::piece::{Origin, Piece};
use super::read::input_limit;
use super::stream::{opens_stream, stream};
use super::utf16;
use super::walk::Input;
use crate::report::FileError;
use crate::transcript::Format;
use crate::utf8_file::utf32_little_endian;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// What standard input turned out to be.
pub(super) enum Opened {
    /// One input read whole by a worker; `head` (its first lines) is already read.
    Whole(Input),
    /// Pieces, as they arrive.
    Stream(Receiver<Piece>),
}

/// Reads standard input's first line that is not blank, and decides whether it is a stream.
/// With `--input-format jsonl` it is one whatever it holds, and only a byte-order mark is read
/// first: a UTF-16 stream is decoded as it arrives, a UTF-32 one is an error. Standard input
/// read already ([`ScanOptions::stdin_given`]) is decided alike, and read from its copy.
pub(super) fn open(opts: &ScanOptions, capacity: usize) -> Opened {
    let origin = Arc::new(Origin {
        name: opts.stdin_name().into(),
        path: opts.stdin_filename.as_ref().map(PathBuf::from),
        file: false,
    });
    let limit = input_limit(opts);
    let mut head = Vec::new();
    if let Some(given) = &opts.stdin_given {
        let mut copy = io::Cursor::new(Arc::clone(given));
        return match decide(opts, &mut copy, &mut head, &origin) {
            Ok(true) => Opened::Stream(stream(head, copy, origin, limit, capacity)),
            Ok(false) => Opened::Whole(Input::Stdin {
                head: given.to_vec(),
            }),
            Err(opened) => opened,
        };
    }
    // The lock is let go before the stream's thread reads on.
    let decided = decide(opts, &mut io::stdin().lock(), &mut head, &origin);
    match decided {
        Ok(true) => Opened::Stream(stream(head, io::stdin(), origin, limit, capacity)),
        Ok(false) => Opened::Whole(Input::Stdin { head }),
        Err(opened) => opened,
    }
}

/// Whether `input` is a stream, its first bytes read into `head`; an input that cannot be read
/// is opened as its error.
fn decide(
    opts: &ScanOptions,
    input: &mut impl io::BufRead,
    head: &mut Vec<u8>,
    origin: &Origin,
) -> Result<bool, Opened> {
    let error = |message: String| {
        Opened::Whole(Input::Error(FileError {
            path: origin.name.clone(),
            line: None,
            message,
        }))
    };
    let cannot_read = |e: io::Error| error(format!("cannot read standard input: {e}"));
    match opts.input_format {
        Some(Format::Jsonl) => {
            utf16::read_mark(input, head).map_err(cannot_read)?;
            if let Some(le) = utf32_little_endian(head) {
                return Err(error(super::read::utf32_error(le)));
            }
            Ok(true)
        }
        Some(_) => Ok(false),
        None => opens_stream(input, head, input_limit(opts)).map_err(cannot_read),
    }
}
