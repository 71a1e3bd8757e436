//! One input's work, done on a worker thread: read, parse, check with the engine, and render the
//! conversations for every output.

use super::Context;
use super::read::{self, NotRead, Reading};
use super::walk::Input;
use crate::engine::Scratch as EngineScratch;
use crate::report::{self, FileError, Printer, Skipped, Summary};
use crate::text::lines::LineCursor;
use crate::transcript;

/// One output's rendering of one file's conversations: back to back, `cuts[i]` where
/// conversation `i` ends.
pub(super) struct Rendered {
    pub bytes: Vec<u8>,
    pub cuts: Vec<usize>,
}

/// One input's result: rendered output and what goes into the totals.
pub(super) struct Processed {
    /// The files it counts for: 1, or 0 for a stream's pieces after its first.
    pub files: usize,
    /// This file's totals.
    pub summary: Summary,
    /// Per output: the rendered conversations back to back, and where each one ends.
    pub rendered: Vec<Rendered>,
    pub skipped: Option<Skipped>,
    pub error: Option<FileError>,
}

impl From<NotRead> for Processed {
    fn from(not_read: NotRead) -> Self {
        let (skipped, error) = match not_read {
            NotRead::Skipped(s) => (Some(s), None),
            NotRead::Error(e) => (None, Some(e)),
        };
        Processed {
            files: 1,
            summary: Summary::default(),
            rendered: Vec::new(),
            skipped,
            error,
        }
    }
}

/// Per-thread buffers.
#[derive(Default)]
pub(super) struct Scratch {
    /// The file being read.
    file: Vec<u8>,
    engine: EngineScratch,
}

/// A read buffer grown past this by a large file is not kept for the next one.
const KEEP_BUFFER_UP_TO: usize = 16 << 20;

pub(super) fn process(input: Input, ctx: &Context, scratch: &mut Scratch) -> Processed {
    // The read buffer is lent out of the scratch so that the rest of it stays usable.
    let mut buf = std::mem::take(&mut scratch.file);
    buf.clear();
    let files = input.files();
    let mut processed = match read::read(input, ctx.opts, &mut buf) {
        Ok(reading) => check(&reading, &buf, ctx, &mut scratch.engine),
        Err(not_read) => not_read.into(),
    };
    processed.files = files;
    if buf.capacity() <= KEEP_BUFFER_UP_TO {
        scratch.file = buf;
    }
    processed
}

/// Parses, checks and renders one file's bytes.
fn check(reading: &Reading, bytes: &[u8], ctx: &Context, scratch: &mut EngineScratch) -> Processed {
    let display = reading.display.as_str();
    // Lines of a stream's piece count from the stream's start.
    let shift = reading.first_line - 1;
    let not_read = |n: NotRead| Processed::from(n);
    if read::looks_binary(bytes) {
        return not_read(NotRead::Skipped(Skipped {
            path: display.into(),
            reason: "binary".into(),
        }));
    }
    let mut warnings = Vec::new();
    let source = read::decode(bytes, reading.first_line, &mut warnings);
    let format = reading
        .format
        .unwrap_or_else(|| transcript::detect(&reading.path, &source));
    let (format, transcripts) = match transcript::parse(&source, format, &ctx.opts.parse) {
        Ok(parsed) => (parsed.format, parsed.transcripts),
        Err(mut e) => {
            e.line += shift;
            return not_read(NotRead::Error(FileError {
                path: display.into(),
                message: format!("{e} (read as {})", format.name()),
            }));
        }
    };
    // An empty file, `[]`, a caption header alone, a CSV header alone: nothing to check, and
    // no conversation to score (it would pass with the base score).
    if transcripts.iter().all(|t| t.turns.is_empty()) {
        return not_read(NotRead::Skipped(Skipped {
            path: display.into(),
            reason: format!("no turns (an empty {} transcript)", format.name()),
        }));
    }
    let mut out = Processed {
        files: 1,
        summary: Summary::default(),
        rendered: (0..ctx.printers.len())
            .map(|i| {
                // Reports are about as long as their transcripts: one allocation, usually. An
                // output that writes another's rendering needs none.
                let (len, count) = if ctx.renders[i] == i {
                    (source.len() + 1024, transcripts.len())
                } else {
                    (0, 0)
                };
                Rendered {
                    bytes: Vec::with_capacity(len),
                    cuts: Vec::with_capacity(count),
                }
            })
            .collect(),
        skipped: None,
        error: None,
    };
    let mut lines = LineCursor::new(&source);
    for t in &transcripts {
        let evaluation = ctx.engine.check(t, &source, scratch);
        let mut conv = report::conversation(
            display,
            format.name(),
            t,
            &mut lines,
            &evaluation,
            ctx.rules,
            &warnings,
        );
        for f in conv.findings.iter_mut().filter(|_| shift > 0) {
            f.line += shift;
            f.end_line += shift;
        }
        out.summary.add(&conv);
        for (i, (printer, r)) in ctx.printers.iter().zip(&mut out.rendered).enumerate() {
            if ctx.renders[i] == i {
                render(*printer, &conv, &source, r);
            }
        }
    }
    out
}

fn render(printer: &dyn Printer, conv: &report::Conversation, source: &str, r: &mut Rendered) {
    printer.conversation(conv, source, &mut r.bytes);
    r.cuts.push(r.bytes.len());
}
