//! Messages on standard error. `eprintln!` panics when standard error is a closed pipe or a full
//! device, losing the report and the exit status; these helpers drop what cannot be written
//! instead, and escape control characters that came from input (file names, transcript text).

use crate::report::FileError;
use crate::text::controls::{escape_controls, escape_name};
use std::io::Write;

/// Writes `line` and a line break to standard error, escaped; a failed write is ignored.
pub(super) fn line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", escape_controls(line));
}

/// `warning: MESSAGE`.
pub(super) fn warning(message: &str) {
    line(&format!("warning: {message}"));
}

/// `error: PATH: MESSAGE` for a file that could not be read.
pub(super) fn file_error(e: &FileError) {
    line(&format!("error: {}: {}", escape_name(&e.path), e.message));
}
