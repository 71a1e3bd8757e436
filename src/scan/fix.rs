//! `--fix` and `--diff` on one file (SPEC §8): only text and Markdown files read from disk as
//! valid UTF-8 are ever rewritten (never JSON, CSV, captions or standard input), with the
//! replacements of the findings that are not suppressed.

use super::Context;
use super::judge::judge;
use crate::engine::Scratch;
use crate::fix::{self, FixMode};
use crate::report::FileError;
use crate::transcript::{Directives, Transcript};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// What a fix did (or, with `--diff`, would do) to one file.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The file, as reports name it.
    pub path: String,
    /// How many matches were replaced.
    pub edits: usize,
    /// With `--diff`: the unified diff.
    pub diff: Option<String>,
    /// Why the matches were left as they are, when they were (the file is not UTF-8).
    pub left: Option<&'static str>,
}

/// Fixes the file at `path` (shown as `display`) whose text is `source`: the new text and what
/// was done, `None` when nothing is to fix, or an error when the file cannot be written. A file
/// that cannot be written back as it was read (`left`: it is not UTF-8) only counts its fixes.
pub(super) fn fix_file(
    (path, display): (&Path, &str),
    source: &str,
    (transcripts, directives): (&[Transcript], &Directives),
    left: Option<&'static str>,
    ctx: &Context,
    scratch: &mut Scratch,
) -> Result<Option<(String, Fixed)>, FileError> {
    let Some(mode) = ctx.opts.fix else {
        return Ok(None);
    };
    let per_path = ctx.per_path(display);
    let mut edits = Vec::new();
    for t in transcripts {
        let judged = judge(t, source, directives, &per_path, ctx, scratch);
        fix::edits(t, source, &judged.evaluation, ctx.rules, &mut edits);
    }
    if edits.is_empty() {
        return Ok(None);
    }
    let (new, made) = fix::apply(source, edits);
    if left.is_some() {
        let fixed = Fixed {
            path: display.into(),
            edits: made,
            diff: None,
            left,
        };
        return Ok(Some((new, fixed)));
    }
    let diff = match mode {
        FixMode::Diff => Some(match &ctx.opts.redact {
            // `--redact`: the diff shows both sides masked.
            Some(r) => fix::unified_diff(display, &r.mask(source), &r.mask(&new)),
            None => fix::unified_diff(display, source, &new),
        }),
        FixMode::Write => {
            replace_file(path, &new).map_err(|e| FileError {
                path: display.into(),
                message: format!(
                    "cannot write the fixes: {e}; the file is unchanged (check that it and its \
                     folder are writable, and that the disk has room)"
                ),
            })?;
            None
        }
    };
    let fixed = Fixed {
        path: display.into(),
        edits: made,
        diff,
        left: None,
    };
    Ok(Some((new, fixed)))
}

/// Writes `text` over the file at `path` whole or not at all: into a new file beside it (beside
/// a symbolic link's target), with its permissions and owner, then renamed over it, so that a
/// write that fails part-way (a full disk) leaves the file as it was. Where no file can be made
/// beside it (a read-only folder), the file is written in place, as it can be.
fn replace_file(path: &Path, text: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    // Writable as it is: a rename would replace a read-only file too.
    let original = OpenOptions::new().write(true).open(&target)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let temp = target.with_file_name(format!(".{name}.talklint-{}.tmp", std::process::id()));
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&temp) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return fs::write(&target, text),
        Err(e) => return Err(e),
    };
    let written = (|| {
        file.write_all(text.as_bytes())?;
        let meta = original.metadata()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Another user's file keeps its owner when it can (as root); else it is ours now.
            let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
        }
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}
