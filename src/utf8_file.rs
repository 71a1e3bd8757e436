//! Rule and config files read as UTF-8 text. One that is not is an error at its first bad
//! byte's line and column, and a UTF-16 file (PowerShell's default output) is named as one,
//! where "stream did not contain valid UTF-8" at 1:1 said neither where nor what to do. The
//! transcript reader finds its UTF-16 and UTF-32 files and bad bytes with the same checks.

use crate::text::lines::LineCursor;
use std::path::Path;

/// Why a file could not be read as text.
#[derive(Debug)]
pub(crate) enum NotText {
    /// It could not be read at all.
    Io(std::io::Error),
    /// It is not UTF-8.
    Encoding(BadEncoding),
}

/// Where a file stops being UTF-8, what is there, and how to fix it.
#[derive(Debug)]
pub(crate) struct BadEncoding {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: &'static str,
}

/// The file's text, or why it has none.
pub(crate) fn read(path: &Path) -> Result<String, NotText> {
    let bytes = std::fs::read(path).map_err(NotText::Io)?;
    if let Some(wide) = wide_encoding(&bytes) {
        return Err(NotText::Encoding(wide));
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let (line, column) = place_of(bytes, at);
        NotText::Encoding(BadEncoding {
            line,
            column,
            message: format!("byte 0x{:02X} is not UTF-8", bytes[at]),
            hint: "save the file as UTF-8 (a Latin-1 `é` is one byte there, two in UTF-8)",
        })
    })
}

/// Why `bytes` are UTF-32 or UTF-16 text rather than UTF-8, with or without a byte-order mark
/// (ASCII in UTF-16 without one is valid UTF-8, a NUL beside each character, which the YAML
/// reader called a control character pasted from a word processor).
fn wide_encoding(bytes: &[u8]) -> Option<BadEncoding> {
    let (message, hint) = if utf32_little_endian(bytes).is_some() {
        ("the file is UTF-32, not UTF-8", UTF32_HINT)
    } else if utf16_little_endian(bytes).is_some() {
        ("the file is UTF-16, not UTF-8", UTF16_HINT)
    } else if memchr::memchr(0, bytes).is_some() && bomless_utf16_little_endian(bytes).is_some() {
        (
            "the file is UTF-16 (without a byte-order mark), not UTF-8",
            UTF16_HINT,
        )
    } else {
        return None;
    };
    Some(BadEncoding {
        line: 1,
        column: 1,
        message: message.into(),
        hint,
    })
}

/// How to save a UTF-16 file as talklint reads it.
const UTF16_HINT: &str = "save it as UTF-8 (in PowerShell: `Out-File -Encoding utf8`)";

/// How to convert a UTF-32 file, which talklint does not read (no editor or export writes it
/// by default; Python's `encode("utf-32")` does).
pub(crate) const UTF32_HINT: &str =
    "convert it to UTF-8: `iconv -f UTF-32 -t UTF-8 FILE > NEW` (or save it as UTF-8)";

/// Whether `bytes` open with a UTF-16 byte-order mark: `Some(true)` little-endian (as
/// PowerShell writes), `Some(false)` big-endian. A UTF-32 mark, whose first two bytes are
/// UTF-16's little-endian one, is not one.
pub(crate) fn utf16_little_endian(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..2) {
        _ if utf32_little_endian(bytes).is_some() => None,
        Some([0xFF, 0xFE]) => Some(true),
        Some([0xFE, 0xFF]) => Some(false),
        _ => None,
    }
}

/// Whether `bytes` open with a UTF-32 byte-order mark: `Some(true)` little-endian, `Some(false)`
/// big-endian.
pub(crate) fn utf32_little_endian(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..4) {
        Some([0xFF, 0xFE, 0, 0]) => Some(true),
        Some([0, 0, 0xFE, 0xFF]) => Some(false),
        _ => None,
    }
}

/// How much of a file is looked at to tell UTF-16 without a byte-order mark.
const UTF16_PROBE: usize = 4096;

/// Whether `bytes`, which hold a NUL, are text in UTF-16 without a byte-order mark:
/// `Some(true)` little-endian, `Some(false)` big-endian. So it is when the file has an even
/// length and, in its first 4 KiB, no character is NUL, at least three in four characters are
/// ASCII (a NUL byte beside the character's byte, after it in little-endian) and none of those
/// is a control character other than a tab, line break or form feed: a binary file's NULs do
/// not keep to every other byte, nor its other bytes to printable ASCII.
pub(crate) fn bomless_utf16_little_endian(bytes: &[u8]) -> Option<bool> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 4 {
        return None;
    }
    let probe = &bytes[..bytes.len().min(UTF16_PROBE)];
    let (mut le, mut be) = (0, 0);
    for pair in probe.chunks_exact(2) {
        let ascii = match (pair[0], pair[1]) {
            (0, 0) => return None,
            (c, 0) => {
                le += 1;
                c
            }
            (0, c) => {
                be += 1;
                c
            }
            _ => continue,
        };
        let text = ascii >= 0x20 && ascii != 0x7F || matches!(ascii, b'\t' | b'\n' | b'\r' | 0x0C);
        if !text {
            return None;
        }
    }
    let pairs = probe.len() / 2;
    match () {
        _ if le * 4 >= pairs * 3 => Some(true),
        _ if be * 4 >= pairs * 3 => Some(false),
        _ => None,
    }
}

/// The 1-based line and column of byte `at`, where `bytes` stop being valid UTF-8; a CR alone
/// ends a line, as it does in the text read ([`lone_cr_as_lf`]).
pub(crate) fn place_of(bytes: &[u8], at: usize) -> (usize, usize) {
    // The bytes before the bad one are valid UTF-8.
    let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let lines = lone_cr_as_lf(valid);
    LineCursor::new(lines.as_deref().unwrap_or(valid)).position(at)
}

/// `text` with each CR that ends a line alone read as LF, a byte for a byte, so that every place
/// in it is the same place in the file; `None` when it has no such CR. Those are classic Mac OS
/// line ends, or strays in a file of LF or CRLF lines, where one would hide the next line's
/// speaker in this line's turn. CRs before an LF (`\r\n`, `\r\r\n` from converting twice) end
/// one line with it.
pub(crate) fn lone_cr_as_lf(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut lines: Option<Vec<u8>> = None;
    let mut next = 0;
    for at in memchr::memchr_iter(b'\r', b) {
        if at < next {
            continue; // in the run already read
        }
        next = at + b[at..].iter().take_while(|&&c| c == b'\r').count();
        if b.get(next) != Some(&b'\n') {
            lines.get_or_insert_with(|| b.to_vec())[at..next].fill(b'\n');
        }
    }
    let lines = lines?;
    Some(String::from_utf8(lines).expect("an ASCII byte for an ASCII byte keeps UTF-8 whole"))
}

#[cfg(test)]
mod tests {
    use super::lone_cr_as_lf;

    #[test]
    fn a_cr_alone_ends_a_line_and_crs_before_an_lf_do_not() {
        let read = |text: &str| lone_cr_as_lf(text);
        assert_eq!(read("a\rb\r").as_deref(), Some("a\nb\n"));
        assert_eq!(read("a\r\nb\rc\r").as_deref(), Some("a\r\nb\nc\n"));
        assert_eq!(read("a\r\rb").as_deref(), Some("a\n\nb"));
        assert_eq!(read("é\rü").as_deref(), Some("é\nü"));
        for text in [
            "a\r\nb\r\n",
            "a\r\r\nb\r\r\n",
            "a\nb\n",
            "{\"one\": \"line\"}",
            "",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
