//! A walk's errors as the report lists them: a folder that cannot be read, or an ignore file
//! that cannot be read or holds a bad glob, named by its path, with its line.

use super::shown_path::shown;
use crate::report::FileError;
use std::path::Path;

/// What ends the message of a bad glob in an ignore file.
const FIX_GLOB: &str = "; fix the glob (gitignore's syntax) or remove the line";

/// The path and the message of a walk error, or of an ignore file that cannot be read or holds
/// a bad glob (the `ignore` crate wraps them in layers). An ignore file with several bad globs
/// is one error on it, that names each line.
pub(super) fn walk_error(err: &ignore::Error, root: &Path) -> FileError {
    let mut inner = err;
    let mut path = None;
    let mut line = None;
    loop {
        match inner {
            ignore::Error::Partial(errs) if !errs.is_empty() => {
                let each: Vec<FileError> = errs.iter().map(|e| walk_error(e, root)).collect();
                let lines = each.iter().map(|e| e.message.trim_end_matches(FIX_GLOB));
                return FileError {
                    message: lines.collect::<Vec<_>>().join("; ") + FIX_GLOB,
                    ..each[0].clone()
                };
            }
            ignore::Error::WithPath { path: p, err } => {
                path = path.or(Some(p.as_path()));
                inner = err;
            }
            ignore::Error::WithLineNumber { line: n, err } => {
                line = line.or(Some(*n));
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } => inner = err,
            _ => break,
        }
    }
    let message = match (inner.io_error(), line) {
        (Some(io), _) => format!("cannot read: {}", bare(io)),
        (None, Some(n)) => format!("line {n}, column 1: {inner}{FIX_GLOB}"),
        (None, None) => inner.to_string(),
    };
    FileError {
        path: shown(path.unwrap_or(root)),
        line: None,
        message,
    }
}

/// The system's error under a walk's: walkdir's own says "IO error for operation on PATH: …",
/// naming again the path the error entry names.
fn bare(io: &std::io::Error) -> &std::io::Error {
    let walk = io
        .get_ref()
        .and_then(|e| e.downcast_ref::<walkdir::Error>());
    walk.and_then(walkdir::Error::io_error).unwrap_or(io)
}
