//! Rule and config files read as UTF-8 text. One that is not is an error at its first bad
//! byte's line and column, and a UTF-16 file (PowerShell's default output) is named as one,
//! where "stream did not contain valid UTF-8" at 1:1 said neither where nor what to do.

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
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return NotText::Encoding(BadEncoding {
                line: 1,
                column: 1,
                message: "the file is UTF-16, not UTF-8".into(),
                hint: "save it as UTF-8 (in PowerShell: `Out-File -Encoding utf8`)",
            });
        }
        let at = e.utf8_error().valid_up_to();
        // The bytes before the bad one are valid UTF-8.
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let (line, column) = LineCursor::new(valid).position(at);
        NotText::Encoding(BadEncoding {
            line,
            column,
            message: format!("byte 0x{:02X} is not UTF-8", bytes[at]),
            hint: "save the file as UTF-8 (a Latin-1 `é` is one byte there, two in UTF-8)",
        })
    })
}
