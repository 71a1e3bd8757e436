//! `--fix` and `--diff` on one file (SPEC §8): only text and Markdown read whole as valid UTF-8
//! are ever rewritten (never JSON, CSV or captions), with the replacements of the findings that
//! are not suppressed: a file in place, standard input's text given back for the run to write
//! out, as an editor that filters a buffer through `talklint check --fix -` expects.

use super::Context;
use super::judge::judge;
use super::replace::replace;
use crate::baseline::KnownFile;
use crate::engine::Scratch;
use crate::fix::{self, FixMode};
use crate::transcript::{Directives, Transcript};
use std::path::Path;

/// What a fix did (or, with `--diff`, would do) to one file.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The file, as reports name it.
    pub path: String,
    /// How many matches were replaced.
    pub edits: usize,
    /// How many were not, because they overlap a match that was.
    pub overlapping: usize,
    /// With `--diff`: the unified diff.
    pub diff: Option<String>,
    /// Why the matches were left as they are, when they were (the file is not UTF-8).
    pub left: Option<&'static str>,
    /// Whether `--fix` changes the file: not where it never rewrites it (standard input, JSON,
    /// a file that is not UTF-8), which `--diff` then does not count (SPEC §8: it exits 1 when
    /// it would change something).
    pub rewritable: bool,
    /// Why the fixes could not be written, when they could not: the file is left as it was,
    /// and reported as it was read (SPEC §7: it is in the conversations, not the errors).
    pub not_written: Option<String>,
    /// `--fix` on standard input: its fixed text, for the run to write out.
    pub text: Option<String>,
}

/// How a file's bytes became the text that is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Read {
    /// As they are.
    AsIs,
    /// Each CR that ends a line alone read as LF: written back with its CRs.
    CrAsLf,
    /// Not as they are (not UTF-8): its fixes are counted, not made, for this reason.
    Left(&'static str),
}

/// Fixes the file at `path` (shown as `display`; standard input unless `on_disk`) whose `bytes`
/// were read (`how`) as the text `source`: the new text and what was done (with why it was not
/// written, if it could not be), `None` when nothing is to fix.
pub(super) fn fix_file(
    (path, display, on_disk): (&Path, &str, bool),
    (bytes, source, how): (&[u8], &str, Read),
    (transcripts, directives): (&[Transcript], &Directives),
    ctx: &Context,
    scratch: &mut Scratch,
) -> Option<(String, Fixed)> {
    let mode = ctx.opts.fix?;
    let per_path = ctx.per_path();
    // Judged again after the fix: the findings of the baseline no longer found are counted then.
    let mut known = (ctx.opts.baseline.as_ref())
        .and_then(|b| b.file(display))
        .map(KnownFile::uncounted);
    let mut edits = Vec::new();
    for t in transcripts {
        let judged = judge(
            t,
            source,
            directives,
            &per_path,
            known.as_mut(),
            ctx,
            scratch,
        );
        fix::edits(t, source, &judged.evaluation, ctx.rules, &mut edits);
    }
    if edits.is_empty() {
        return None;
    }
    let fix::Applied {
        text: new,
        made: applied,
        overlapping,
    } = fix::apply(source, edits);
    let made = applied.len();
    // The file's own bytes as text: where CRs were read as LFs, the edits fall on the same
    // bytes, and the fixed file keeps its CRs.
    let file_text = match how {
        Read::CrAsLf => std::str::from_utf8(bytes).unwrap_or(source),
        _ => source,
    };
    let left = match (how, mode) {
        (Read::Left(why), _) => Some(why),
        // A patch tool reads lines by LF: a file with none would be one line of a diff.
        (Read::CrAsLf, FixMode::Diff) if !file_text.contains('\n') => {
            Some("its lines end in CR alone, which a unified diff cannot show; --fix fixes it")
        }
        _ => None,
    };
    // The breaks an edit keeps are written as the file has them, CR alone too.
    let applied: Vec<fix::Edit> = match how {
        Read::CrAsLf => (applied.into_iter())
            .map(|e| fix::as_written(e, file_text))
            .collect(),
        _ => applied,
    };
    let fixed_text = match how {
        Read::CrAsLf => &fix::splice(file_text, &applied),
        _ => &new,
    };
    let (diff, not_written, text) = match (mode, left) {
        (_, Some(_)) => (None, None, None),
        // Standard input's fixed text goes back to the run, which writes it out.
        (FixMode::Write, None) if !on_disk => (None, None, Some(fixed_text.to_string())),
        (FixMode::Diff, None) => {
            let diff = fix::unified_diff(
                display,
                (file_text, fixed_text),
                &applied,
                ctx.opts.redact.as_ref(),
            );
            (Some(diff), None, None)
        }
        (FixMode::Write, None) => {
            let failed = replace(path, bytes, fixed_text.as_bytes()).err();
            let failed = failed.map(|e| format!("cannot write the fixes: {e}"));
            (None, failed, None)
        }
    };
    let fixed = Fixed {
        path: display.into(),
        edits: made,
        overlapping,
        diff,
        left,
        rewritable: !matches!(how, Read::Left(_)),
        not_written,
        text,
    };
    Some((new, fixed))
}
