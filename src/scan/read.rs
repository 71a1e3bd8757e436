//! Reading an input: its bytes (up to the size limit), binary detection, and decoding to text.

use super::ScanOptions;
use super::run_files::ReadAs;
use super::walk::Input;
use crate::report::{FileError, Skipped};
use crate::transcript::Format;
use std::borrow::Cow;
use std::io::{self, Read};
use std::path::PathBuf;

pub(super) use crate::utf8_file::lone_cr_as_lf;

/// How much of a file is searched for a NUL byte to call it binary.
const BINARY_PROBE: usize = 8192;

/// The largest input read whatever `--max-filesize` says, in bytes and once decoded (UTF-16 and
/// invalid UTF-8 grow): the engine's offsets into a file's text are 32-bit.
const MAX_INPUT: u64 = u32::MAX as u64;

/// How much of a file is read before its size is looked at.
const SIZE_PROBE: u64 = 1 << 20;

/// How an input's bytes are text, as its byte-order mark or its NUL bytes show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    /// UTF-8, or no mark and no NUL byte in the first 8 KiB.
    Utf8,
    /// UTF-16, little-endian or not, with a byte-order mark or (NULs at every other byte of
    /// ASCII text) without one.
    Utf16 { le: bool, bom: bool },
    /// UTF-32 with a byte-order mark: not read.
    Utf32 { le: bool },
    /// A NUL byte in the first 8 KiB, and not UTF-16 text.
    Binary,
}

/// The encoding of `bytes`. Most inputs are UTF-8: their first four bytes and one search for a
/// NUL byte say so.
pub(super) fn encoding(bytes: &[u8]) -> Encoding {
    use crate::utf8_file::{bomless_utf16_little_endian, utf16_little_endian, utf32_little_endian};
    if let Some(le) = utf32_little_endian(bytes) {
        return Encoding::Utf32 { le };
    }
    if let Some(le) = utf16_little_endian(bytes) {
        return Encoding::Utf16 { le, bom: true };
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]).is_none() {
        return Encoding::Utf8;
    }
    match bomless_utf16_little_endian(bytes) {
        Some(le) => Encoding::Utf16 { le, bom: false },
        None => Encoding::Binary,
    }
}

/// A warning about a file, and the byte of its text it is about, if any.
pub(super) type Placed = (Option<usize>, String);

/// Decodes file bytes in `encoding` (UTF-8 or UTF-16): UTF-8 lossily, with a warning that counts
/// lines from `first_line`; UTF-16 without a byte-order mark with a warning that it was taken
/// for one. Valid UTF-8, the usual case, is borrowed.
pub(super) fn decode<'a>(
    bytes: &'a [u8],
    encoding: Encoding,
    first_line: usize,
    warnings: &mut Vec<Placed>,
) -> Cow<'a, str> {
    if let Encoding::Utf16 { le, bom } = encoding {
        let body = &bytes[if bom { 2 } else { 0 }..];
        let units = body.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        if !bom {
            let order = if le { "LE" } else { "BE" };
            warnings.push((
                None,
                format!(
                    "read as UTF-16 ({order}) without a byte-order mark, as its NUL bytes between \
                     letters show; save the file as UTF-8 (`iconv -f UTF-16{order} -t UTF-8 FILE > NEW`)"
                ),
            ));
        }
        let text = utf16_text(units, first_line, warnings);
        if let [.., last] = body
            && body.len() % 2 == 1
        {
            warnings.push((
                None,
                format!(
                    "the file ends in half a UTF-16 character (one byte, 0x{last:02X}): dropped; \
                     the file may be cut short"
                ),
            ));
        }
        return Cow::Owned(text);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let (line, column) = crate::utf8_file::place_of(bytes, e.valid_up_to());
            let line = line + first_line - 1;
            warnings.push((Some(e.valid_up_to()), format!(
                "line {line}, column {column}: invalid UTF-8, replaced with U+FFFD; re-save the file as UTF-8 (from Windows or Latin-1: `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`)"
            )));
            String::from_utf8_lossy(bytes)
        }
    }
}

/// The text of UTF-16 code `units`, each unpaired surrogate read as U+FFFD, with a warning
/// that names the first one's place and counts them (as invalid UTF-8 has).
fn utf16_text(
    units: impl Iterator<Item = u16>,
    first_line: usize,
    warnings: &mut Vec<Placed>,
) -> String {
    let mut text = String::new();
    let mut first_bad = None;
    let mut bad = 0usize;
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or_else(|_| {
            bad += 1;
            first_bad.get_or_insert(text.len());
            '\u{fffd}'
        });
        text.push(c);
    }
    if let Some(at) = first_bad {
        let (line, column) = crate::utf8_file::place_of(text.as_bytes(), at);
        let line = line + first_line - 1;
        let more = match bad {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        warnings.push((
            Some(at),
            format!(
                "line {line}, column {column}: invalid UTF-16{more}, a surrogate without its \
                 pair, replaced with U+FFFD; re-save the file as UTF-8 (`iconv -f UTF-16 -t UTF-8 FILE > NEW`)"
            ),
        ));
    }
    text
}

/// The error of an input that is UTF-32, little-endian or not, as its byte-order mark says.
pub(super) fn utf32_error(le: bool) -> String {
    let order = if le { "little" } else { "big" };
    format!(
        "the file is UTF-32 ({order}-endian, as its byte-order mark says), which talklint does \
         not read; {}",
        crate::utf8_file::UTF32_HINT
    )
}

/// Why an input was not read.
pub(super) enum NotRead {
    Skipped(Skipped),
    Error(FileError),
}

fn skipped(path: &str, reason: impl Into<String>) -> NotRead {
    NotRead::Skipped(Skipped {
        path: path.into(),
        line: None,
        reason: reason.into(),
    })
}

/// The most bytes one input may hold: `--max-filesize`, and never over 4 GiB.
pub(super) fn input_limit(opts: &ScanOptions) -> u64 {
    opts.max_filesize.min(MAX_INPUT)
}

/// An input over `--max-filesize` (or over 4 GiB, the most any input may hold), skipped; `size`
/// when known.
fn too_large(path: &str, size: Option<u64>, max_filesize: u64) -> NotRead {
    skipped(path, too_large_reason(size, max_filesize))
}

fn too_large_reason(size: Option<u64>, max_filesize: u64) -> String {
    let size = size.map_or_else(
        || "more than the limit".to_string(),
        |n| format!("{n} bytes"),
    );
    let limit = if max_filesize <= MAX_INPUT {
        format!("the limit is {max_filesize}, see --max-filesize or the config's `max_filesize`")
    } else {
        format!("talklint reads at most {MAX_INPUT} bytes of one input; split it")
    };
    format!("too large ({size}; {limit})")
}

/// An input whose text, once decoded, is over 4 GiB (its bytes were not), skipped.
pub(super) fn too_long_decoded(path: &str, text: &str) -> Option<NotRead> {
    let len = text.len() as u64;
    (len > MAX_INPUT).then(|| {
        let reason = format!(
            "too large once decoded ({len} bytes of text; talklint reads at most {MAX_INPUT} bytes of one input; split it)"
        );
        skipped(path, reason)
    })
}

fn error(path: &str, message: impl Into<String>) -> NotRead {
    NotRead::Error(FileError {
        path: path.into(),
        line: None,
        message: message.into(),
    })
}

/// Whether a file is read as JSON, JSONL or CSV, the formats of talklint's own reports (of which
/// only those could be read as transcripts, by extension or `--input-format`).
fn read_as_data(path: &std::path::Path, opts: &ScanOptions) -> bool {
    let format = opts.input_format.or_else(|| Format::from_extension(path));
    !matches!(
        format,
        None | Some(Format::Text | Format::Vtt | Format::Srt | Format::Sbv)
    )
}

/// An input read into a buffer.
pub(super) struct Reading {
    /// The name reports give it.
    pub display: String,
    /// Its path, to detect its format by.
    pub path: PathBuf,
    /// The format to read it as, when not detected.
    pub format: Option<Format>,
    /// The line of its file or stream its text starts at (1-based).
    pub first_line: usize,
    /// Read whole from a file on disk (not standard input or a stream's piece): `--fix` may
    /// rewrite it.
    pub on_disk: bool,
    /// One conversation of a stream: reported even without turns, as a file's conversation
    /// is, since the stream (the file) holds others.
    pub piece: bool,
    /// For a stream's record whose id an earlier record of the stream had, that record's line.
    pub again: Option<usize>,
    /// For a stream's conversation, how many before it had its id, or none as it has none.
    pub earlier: usize,
}

impl Reading {
    fn whole(display: String, path: PathBuf, opts: &ScanOptions, on_disk: bool) -> Reading {
        Reading {
            display,
            path,
            format: opts.input_format,
            first_line: 1,
            on_disk,
            piece: false,
            again: None,
            earlier: 0,
        }
    }
}

/// Reads an input into `buf`, or says why it was not read. A regular file over the size limit
/// is skipped by its size, unread; anything else is read up to the limit plus one byte.
pub(super) fn read(
    input: Input,
    opts: &ScanOptions,
    buf: &mut Vec<u8>,
) -> Result<Reading, NotRead> {
    match input {
        Input::Skip(s) => Err(NotRead::Skipped(s)),
        Input::Error(e) => Err(NotRead::Error(e)),
        Input::Stdin { head } => {
            let name = opts.stdin_name().to_string();
            buf.extend_from_slice(&head);
            let limit = input_limit(opts);
            let rest = limit.saturating_add(1).saturating_sub(head.len() as u64);
            if let Err(e) = io::stdin().lock().take(rest).read_to_end(buf) {
                return Err(error(&name, format!("cannot read standard input: {e}")));
            }
            if buf.len() as u64 > limit {
                return Err(too_large(&name, None, opts.max_filesize));
            }
            Ok(Reading::whole(
                name.clone(),
                PathBuf::from(name),
                opts,
                false,
            ))
        }
        Input::Piece(piece) => {
            // A line of the stream, which names it in a field, as a skipped piece does; masked,
            // as a file's parse error is, since it may quote the line.
            if let Some(e) = piece.error {
                let e = FileError {
                    path: piece.origin.name.clone(),
                    line: Some(e.line),
                    message: format!("{e} (read as {})", Format::Jsonl.name()),
                };
                return Err(NotRead::Error(e.masked(opts.redact.as_ref())));
            }
            if let Some(size) = piece.too_large {
                let line = piece.first_line;
                let reason = too_large_reason(Some(size), opts.max_filesize);
                return Err(NotRead::Skipped(Skipped {
                    path: piece.origin.name.clone(),
                    line: Some(line),
                    reason: format!("line {line}: {reason}"),
                }));
            }
            *buf = piece.text;
            Ok(Reading {
                display: piece.origin.name.clone(),
                path: (piece.origin.path.clone())
                    .unwrap_or_else(|| piece.origin.name.clone().into()),
                format: Some(Format::Jsonl),
                first_line: piece.first_line,
                on_disk: false,
                piece: true,
                again: piece.again,
                earlier: piece.earlier,
            })
        }
        Input::File {
            path,
            display,
            forced,
            folder,
        } => {
            if let Some(reason) = opts.profiles.loaded(&path).map(ReadAs::reason) {
                return Err(skipped(&display, reason));
            }
            if !forced && opts.input_format.is_none() && Format::from_extension(&path).is_none() {
                return Err(skipped(
                    &display,
                    "not a transcript file (unknown extension); name it, use --include, or --input-format to read it",
                ));
            }
            let cannot_read = |e: io::Error| error(&display, format!("cannot read: {e}"));
            let limit = input_limit(opts);
            let file = super::folder::open(&path, folder.as_ref()).map_err(cannot_read)?;
            // Most transcripts are read whole by the first read: only a file that fills it is
            // asked its size (a regular file over the limit is skipped unread), which spares
            // a system call per file on a scan of many small ones.
            let size = || {
                file.metadata()
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            };
            let probe = limit.saturating_add(1).min(SIZE_PROBE);
            (&file).take(probe).read_to_end(buf).map_err(cannot_read)?;
            if buf.len() as u64 == probe && probe <= limit {
                if let Some(len) = size().filter(|&len| len > limit) {
                    return Err(too_large(&display, Some(len), opts.max_filesize));
                }
                // One whose first bytes say binary is skipped unread: the rest cannot make it
                // text (a disk image of gigabytes, `/dev/zero`).
                if matches!(encoding(buf), Encoding::Binary) {
                    return Err(skipped(&display, "binary"));
                }
                (&file)
                    .take(limit + 1 - probe)
                    .read_to_end(buf)
                    .map_err(cannot_read)?;
            }
            if buf.len() as u64 > limit {
                return Err(too_large(&display, size(), opts.max_filesize));
            }
            // A report is no transcript, named or found: read as one, it is an error. A human
            // or GitHub report written as text (`-o lint.txt`) is passed over when a walk finds
            // it, where its quoted phrases would be found again; named, it is read as asked.
            let report = match read_as_data(&path, opts) {
                true => crate::report::opens_as_report(buf),
                false => !forced && crate::report::is_text_report(buf),
            };
            if report {
                return Err(skipped(&display, "a talklint report"));
            }
            Ok(Reading::whole(display, path, opts, true))
        }
    }
}
