//! One input's work, done on a worker thread: read, parse, check with the engine, and render the
//! conversations for every output.

use super::Context;
use super::fix::{self, fix_file};
use super::judge::judge;
use super::processed::{Processed, Rendered};
use super::read::{self, NotRead, Reading};
use super::walk::Input;
use crate::engine::Scratch as EngineScratch;
use crate::fix::FixMode;
use crate::report::{self, FileError, Printer, Skipped, Summary};
use crate::text::blank::is_blank;
use crate::text::lines::LineCursor;
use crate::transcript::{self, Format};
use std::borrow::Cow;
use std::path::Path;

/// Per-thread buffers.
#[derive(Default)]
pub(super) struct Scratch {
    /// The file being read.
    file: Vec<u8>,
    engine: EngineScratch,
}

/// A read buffer grown past this by a large file is not kept for the next one.
const KEEP_BUFFER_UP_TO: usize = 16 << 20;

/// Reads, checks and renders one input; its conversations are added to `totals`.
pub(super) fn process(
    input: Input,
    ctx: &Context,
    scratch: &mut Scratch,
    totals: &mut Summary,
) -> Processed {
    let own;
    let profiles = &ctx.opts.profiles;
    let path = match &input {
        Input::File { path, .. } => Some(path.as_path()),
        // Standard input is where `--stdin-filename` says it comes from.
        Input::Stdin { .. } => ctx.opts.stdin_filename.as_deref().map(Path::new),
        Input::Piece(piece) => piece.origin.path.as_deref(),
        Input::Skip(_) | Input::Error(_) => None,
    };
    if let Some(broken) = path.and_then(|path| profiles.broken_over(path)) {
        return NotRead::Error(broken.on_file(input.display(ctx.opts))).into();
    }
    let ctx = match path.map(|path| (path, profiles.find(path))) {
        Some((_, Some(found))) => {
            own = ctx.nested(found);
            &own
        }
        Some((path, None)) if !ctx.suppress.per_path.is_empty() => {
            own = ctx.run_file(profiles.below_run(path));
            &own
        }
        _ => ctx,
    };
    // The read buffer is lent out of the scratch so that the rest of it stays usable.
    let mut buf = std::mem::take(&mut scratch.file);
    buf.clear();
    let files = input.files();
    let place = match &input {
        Input::Piece(piece) => piece.number,
        _ => None,
    };
    let mut processed = match read::read(input, ctx.opts, &mut buf) {
        Ok(reading) => check(&reading, place, &buf, ctx, &mut scratch.engine, totals),
        Err(not_read) => not_read.into(),
    };
    processed.files = files;
    if buf.capacity() <= KEEP_BUFFER_UP_TO {
        scratch.file = buf;
    }
    processed
}

/// Parses, checks and renders one file's bytes, adding its conversations to `totals`. A stream's
/// conversation comes with its `place` in the stream, where it is numbered (see
/// [`super::piece::Piece::number`]).
pub(super) fn check(
    reading: &Reading,
    place: Option<usize>,
    bytes: &[u8],
    ctx: &Context,
    scratch: &mut EngineScratch,
    totals: &mut Summary,
) -> Processed {
    let display = reading.display.as_str();
    // Lines of a stream's piece count from the stream's start.
    let shift = reading.first_line - 1;
    let not_read = |n: NotRead| Processed::from(n);
    // A stream's piece is UTF-8 as cut (a UTF-16 stream is decoded as it is read): a NUL byte in
    // it is one of its line's characters, as in a file past its first bytes, not a binary file.
    let encoding = match reading.piece {
        true => read::Encoding::Utf8,
        false => read::encoding(bytes),
    };
    match encoding {
        read::Encoding::Binary => {
            return not_read(NotRead::Skipped(Skipped {
                path: display.into(),
                line: None,
                reason: "binary".into(),
            }));
        }
        read::Encoding::Utf32 { le } => {
            return not_read(NotRead::Error(FileError {
                path: display.into(),
                line: None,
                message: read::utf32_error(le),
            }));
        }
        _ => {}
    }
    let mut warnings = Vec::new();
    let mut source = read::decode(bytes, encoding, reading.first_line, &mut warnings);
    if let Some(too_long) = read::too_long_decoded(display, &source) {
        return not_read(too_long);
    }
    let mut how = match source {
        Cow::Borrowed(_) => fix::Read::AsIs,
        Cow::Owned(_) => {
            fix::Read::Left("the file is not UTF-8, and is not rewritten; re-save it as UTF-8")
        }
    };
    // Lines that end in CR alone are read as lines, a byte for a byte, so places hold.
    if let Some(lines) = read::lone_cr_as_lf(&source) {
        source = Cow::Owned(lines);
        how = match how {
            fix::Read::AsIs => fix::Read::CrAsLf,
            left => left,
        };
    }
    let (format, first_read) = match reading.format {
        Some(format) => {
            let read = transcript::parse_file(&source, format, ctx.parse, &reading.path);
            (format, read)
        }
        None => transcript::detect_and_parse(&source, ctx.parse, &reading.path),
    };
    let error = |mut e: transcript::ParseError| {
        e.line += shift;
        // A parse error may quote the file: masked as its text is with `--redact`. A stream's
        // piece names its line in a field too, which a file's error does not.
        let e = FileError {
            path: display.into(),
            line: reading.piece.then_some(e.line),
            message: format!(
                "{e} (read as {}){}",
                format.name(),
                no_transcript_help(&e, display)
            ),
        };
        e.masked(ctx.opts.redact.as_ref())
    };
    let parse = |text: &str| transcript::parse_file(text, format, ctx.parse, &reading.path);
    let parse = |text: &str| parse(text).map_err(&error);
    let mut parsed = match first_read.map_err(&error) {
        Ok(parsed) => parsed,
        // A blank file is empty in every format, not a broken JSON, CSV or caption file.
        Err(_) if is_blank(source.trim_start_matches('\u{feff}')) => {
            return not_read(no_turns(display, format, &[]));
        }
        Err(e) => return not_read(NotRead::Error(e)),
    };
    // Only text read whole is fixed (a file, or standard input, whose fixed text the run writes
    // out), and never a file whose extension names another format (a `.json` read with
    // `--input-format text`); one that is not valid UTF-8 only says what it would fix, since it
    // cannot be written back as it was, and so do the inputs that are never rewritten.
    let text_file = parsed.format == Format::Text
        && !reading.piece
        && Format::from_extension(&reading.path).is_none_or(|f| f == Format::Text);
    let how = match text_file {
        false => fix::Read::Left(
            "only text and Markdown files are rewritten, never JSON, CSV or captions",
        ),
        true => how,
    };
    let mut fixed = None;
    if ctx.opts.fix.is_some() {
        let file = (reading.path.as_path(), display, reading.on_disk);
        let parts = (&parsed.transcripts[..], &parsed.directives);
        if let Some((new, done)) = fix_file(file, (bytes, &source, how), parts, ctx, scratch) {
            // What remains is judged on the fixed text; a fix that could not be written left
            // the file as it was read.
            if ctx.opts.fix == Some(FixMode::Write) && done.rewritable && done.not_written.is_none()
            {
                source = Cow::Owned(new);
                parsed = match parse(&source) {
                    Ok(parsed) => parsed,
                    Err(e) => return not_read(NotRead::Error(e)),
                };
            }
            fixed = Some(done);
        }
    }
    let (format, mut transcripts, directives) =
        (parsed.format, parsed.transcripts, parsed.directives);
    super::piece::warn_again(reading.again, &mut transcripts);
    let unread = super::unread::error(&parsed.unread, reading, format, ctx.opts.redact.as_ref());
    let file_warnings = super::file_warnings::owned(warnings, &directives, &transcripts, &source);
    // An empty file, `[]`, a caption header alone, a CSV header alone: nothing to check, and
    // no conversation to score (it would pass with the base score). A conversation without
    // turns beside others (a record of a JSONL file or stream) is reported, with a warning.
    if !reading.piece && transcripts.iter().all(|t| t.turns.is_empty()) {
        if let Some(e) = unread {
            return not_read(NotRead::Error(e));
        }
        let warnings: Vec<String> = file_warnings.into_iter().map(|(_, w)| w).collect();
        let skipped = not_read(no_turns(display, format, &warnings));
        return Processed {
            warnings,
            fixed,
            ..skipped
        };
    }
    let mut out = Processed {
        files: 1,
        rendered: (0..ctx.printers.len())
            .map(|i| {
                // An output that writes another's rendering needs no room; the others are given
                // theirs when their first conversation is rendered (see `render`).
                let count = if ctx.renders[i] == i {
                    transcripts.len()
                } else {
                    0
                };
                Rendered {
                    bytes: Vec::new(),
                    cuts: Vec::with_capacity(count),
                }
            })
            .collect(),
        skipped: None,
        error: unread,
        fixed,
        warnings: Vec::new(),
    };
    let per_path = ctx.per_path();
    let mut known = ctx.opts.baseline.as_ref().and_then(|b| b.file(display));
    // A stream's conversation draws on the baseline's conversation of its id (or of none) that
    // is as many after the first as it is in the stream.
    if let (Some(known), [t]) = (&mut known, &transcripts[..]) {
        known.skip(t.id.as_deref(), reading.earlier);
    }
    let mut lines = LineCursor::new(&source);
    // Conversations without an id are told apart by their place where a file holds several
    // (JUnit names them `path#(N)`); a stream's come with their place in the stream.
    let unnamed = transcripts.iter().filter(|t| t.id.is_none()).count();
    // With `--redact`, a line may show several conversations of a file (a one-line JSON array):
    // a snippet masks the personal data of them all.
    let file_personal = (ctx.opts.redact.as_ref())
        .filter(|_| transcripts.len() > 1)
        .map(|r| r.conversation_spans(transcripts.iter().flat_map(|t| &t.turns), &source));
    for (i, t) in transcripts.iter_mut().enumerate() {
        let judged = judge(
            t,
            &source,
            &directives,
            &per_path,
            known.as_mut(),
            ctx,
            scratch,
        );
        if let Some(r) = &ctx.opts.redact {
            r.mask_speakers(&mut t.turns);
        }
        let mut warnings: Vec<String> = (file_warnings.iter())
            .filter(|(owner, _)| owner.is_none_or(|o| o == i))
            .map(|(_, w)| w.clone())
            .collect();
        // The parser's warnings quote the file: masked as its text is with `--redact`, and
        // placed in the stream a piece came from.
        warnings.extend(t.warnings.iter().map(|w| {
            let w = super::piece::in_stream(w, shift);
            match &ctx.opts.redact {
                Some(r) => r.mask_quoted(&w).into_owned(),
                None => w,
            }
        }));
        warnings.extend(judged.warnings.iter().cloned());
        // In the file's order: a directive's warnings were told kind by kind.
        warnings.sort_by_key(|w| report::place_in(w));
        if t.turns.is_empty() {
            warnings.push("no turns: nothing in this conversation was checked".into());
        }
        warnings.extend(crate::transcript::roles::unknown_speakers(
            &t.turns, &source,
        ));
        let (evaluation, shown) = (&judged.evaluation, judged.shown());
        let mut conv = report::conversation(
            display,
            format.name(),
            t,
            &mut lines,
            evaluation,
            &shown,
            ctx.rules,
            &warnings,
            ctx.opts.redact.as_ref(),
        );
        conv.file_personal = file_personal.as_deref();
        conv.baselined = judged.baselined;
        if conv.id.is_none() {
            conv.number = place.or((unnamed > 1).then_some(i + 1));
        }
        for f in conv.findings.iter_mut().filter(|_| shift > 0) {
            f.line += shift;
            f.end_line += shift;
        }
        if let Some(index) = ctx.report_index {
            for f in &mut conv.findings {
                f.rule_index = index[f.rule_index];
            }
        }
        totals.add(&conv);
        for (i, (printer, r)) in ctx.printers.iter().zip(&mut out.rendered).enumerate() {
            if ctx.renders[i] == i {
                render(*printer, &conv, &source, r);
            }
        }
    }
    out
}

/// A file skipped for having no turns: an empty one, or one whose reading gave `warnings` (a
/// Markdown comment never closed that hides the rest, a misspelt directive), which say why.
fn no_turns(display: &str, format: Format, warnings: &[String]) -> NotRead {
    let name = format.name();
    let reason = if warnings.is_empty() {
        format!("no turns (an empty {name} transcript)")
    } else {
        let why = warnings.join("; ");
        format!("no turns (nothing spoken in this {name} transcript; {why})")
    };
    NotRead::Skipped(Skipped {
        path: display.into(),
        line: None,
        reason,
    })
}

/// Room for a finding in a report, about what JSON writes for one.
const BYTES_PER_FINDING: usize = 384;

fn render(printer: &dyn Printer, conv: &report::Conversation, source: &str, r: &mut Rendered) {
    if r.bytes.capacity() == 0 {
        // A report runs about as long as its transcript (outputs that show the turns) or its
        // findings, whichever is longer: one allocation, usually, where growing by doubling
        // copied the report written so far each time.
        let findings = conv.findings.len() * BYTES_PER_FINDING;
        r.bytes.reserve(source.len().max(findings) + 1024);
    }
    printer.conversation(conv, source, &mut r.bytes);
    r.cuts.push(r.bytes.len());
}

/// How to leave out a JSON file whose shape is no transcript's (a tool's settings staged in the
/// same commit: `package.json`, `renovate.json`): its config `exclude:` glob, or the pre-commit
/// hook's `exclude:` regex. Said only for that error: a transcript that is broken stays an error
/// to fix.
fn no_transcript_help(e: &transcript::ParseError, display: &str) -> String {
    if !e.message.starts_with("unrecognised JSON") {
        return String::new();
    }
    let path = display.trim_start_matches("./");
    let regex = regex::escape(path);
    format!(
        "; if {path} is no transcript, leave it out: `exclude: [\"{path}\"]` in talklint.yaml, \
         or `exclude: '^{regex}$'` on the talklint hook in .pre-commit-config.yaml"
    )
}
