//! Rule and config files read as UTF-8 text. One that is not is an error at its first bad
//! byte's line and column, and a UTF-16 file (PowerShell's default output) is named as one,
//! where "stream did not contain valid UTF-8" at 1:1 said neither where nor what to do. The
//! transcript reader finds its UTF-16 files and bad bytes with the same two checks.

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
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        if utf16_little_endian(bytes).is_some() {
            return NotText::Encoding(BadEncoding {
                line: 1,
                column: 1,
                message: "the file is UTF-16, not UTF-8".into(),
                hint: "save it as UTF-8 (in PowerShell: `Out-File -Encoding utf8`)",
            });
        }
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

/// Whether `bytes` open with a UTF-16 byte-order mark: `Some(true)` little-endian (as
/// PowerShell writes), `Some(false)` big-endian.
pub(crate) fn utf16_little_endian(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(true),
        Some([0xFE, 0xFF]) => Some(false),
        _ => None,
    }
}

/// The 1-based line and column of byte `at`, where `bytes` stop being valid UTF-8.
pub(crate) fn place_of(bytes: &[u8], at: usize) -> (usize, usize) {
    // The bytes before the bad one are valid UTF-8.
    let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    LineCursor::new(valid).position(at)
}
