//! Scanning: walk the paths (sorted, hidden files and `.git` skipped, globs applied), then read,
//! parse, match, evaluate and render each file on a thread pool, writing results in input order.
//!
//! Files are handled in chunks: a walker thread lists the next chunk while the pool works on the
//! current one, and only one chunk's results are held at a time, so memory stays flat however
//! many files there are. Every file found ends in exactly one of conversations, skipped, errors.

use crate::eval::{self, Scoring};
use crate::matcher::{Hit, Scratch as MatchScratch};
use crate::report::{self, FileError, Printer, Skipped, Summary};
use crate::rules::RuleSet;
use crate::transcript::{self, Format, ParseOptions};
use globset::GlobSet;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::{self, IoSlice, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// How many files are handled between two writes.
const CHUNK: usize = 2048;
/// How much of a file is searched for a NUL byte to call it binary.
const BINARY_PROBE: usize = 8192;

/// Everything a scan needs besides the rules and the printer.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Paths as given; `-` is standard input. Empty means the current folder.
    pub paths: Vec<String>,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    pub max_filesize: u64,
    /// Read every file as this format instead of detecting it.
    pub input_format: Option<Format>,
    pub stdin_filename: Option<String>,
    pub parse: ParseOptions,
    pub scoring: Scoring,
    /// A conversation scoring below this fails.
    pub min_score: Option<i32>,
    /// Draw a progress line on standard error (only ever for a terminal).
    pub progress: bool,
    pub threads: usize,
}

/// One thing the walk found.
#[derive(Debug)]
pub enum Input {
    /// A file; `forced` when named on the command line or matched by `--include` (read whatever
    /// its extension).
    File {
        path: PathBuf,
        display: String,
        forced: bool,
    },
    Stdin,
    Skip(Skipped),
    Error(FileError),
}

/// The display form of a path: `/` separators, no leading `./`.
fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s
        .strip_prefix("./")
        .filter(|rest| !rest.is_empty())
        .unwrap_or(&s);
    if s.contains('\\') {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

/// Lists the inputs in order.
pub fn walk(opts: &ScanOptions) -> impl Iterator<Item = Input> + '_ {
    let roots: Vec<String> = if opts.paths.is_empty() {
        vec![".".into()]
    } else {
        opts.paths.clone()
    };
    roots
        .into_iter()
        .flat_map(move |root| -> Box<dyn Iterator<Item = Input> + '_> {
            if root == "-" {
                return Box::new(std::iter::once(Input::Stdin));
            }
            let path = PathBuf::from(&root);
            match std::fs::metadata(&path) {
                Err(e) => Box::new(std::iter::once(Input::Error(FileError {
                    path: display(&path),
                    message: format!("cannot read: {e}"),
                }))),
                Ok(m) if !m.is_dir() => Box::new(std::iter::once(Input::File {
                    display: display(&path),
                    path,
                    forced: true,
                })),
                Ok(_) => Box::new(walk_dir(path, opts)),
            }
        })
}

fn walk_dir(root: PathBuf, opts: &ScanOptions) -> impl Iterator<Item = Input> + '_ {
    let relative = |p: &Path, root: &Path| display(p.strip_prefix(root).unwrap_or(p));
    let root_for_filter = root.clone();
    walkdir::WalkDir::new(&root)
        // Siblings share their parent's path, so comparing whole paths orders them by name, and
        // costs no path parsing per comparison (walkdir's `sort_by_file_name` parses both).
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.file_name()) {
                return false;
            }
            opts.exclude
                .as_ref()
                .is_none_or(|g| !g.is_match(relative(e.path(), &root_for_filter)))
        })
        .filter_map(move |entry| match entry {
            Err(e) => Some(Input::Error(FileError {
                path: e.path().map_or_else(|| display(&root), display),
                message: format!(
                    "cannot read: {}",
                    e.io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string())
                ),
            })),
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) if e.file_type().is_symlink() => Some(Input::Skip(Skipped {
                path: display(e.path()),
                reason: "symbolic link (not followed)".into(),
            })),
            Ok(e) => {
                let included = opts
                    .include
                    .as_ref()
                    .map(|g| g.is_match(relative(e.path(), &root)));
                if included == Some(false) {
                    return None;
                }
                Some(Input::File {
                    display: display(e.path()),
                    path: e.into_path(),
                    forced: included == Some(true),
                })
            }
        })
}

/// One output's rendering of one file's conversations: back to back, `cuts[i]` where
/// conversation `i` ends.
struct Rendered {
    bytes: Vec<u8>,
    cuts: Vec<usize>,
}

/// One input's result: rendered output and what goes into the totals.
struct Processed {
    /// This file's totals.
    summary: Summary,
    /// Per output: the rendered conversations back to back, and where each one ends.
    rendered: Vec<Rendered>,
    skipped: Option<Skipped>,
    error: Option<FileError>,
}

impl Processed {
    fn skipped(path: &str, reason: impl Into<String>) -> Self {
        Processed {
            summary: Summary::default(),
            rendered: Vec::new(),
            skipped: Some(Skipped {
                path: path.into(),
                reason: reason.into(),
            }),
            error: None,
        }
    }

    fn error(path: &str, message: impl Into<String>) -> Self {
        Processed {
            summary: Summary::default(),
            rendered: Vec::new(),
            skipped: None,
            error: Some(FileError {
                path: path.into(),
                message: message.into(),
            }),
        }
    }
}

/// Per-thread buffers.
#[derive(Default)]
struct Scratch {
    /// The file being read.
    file: Vec<u8>,
    matcher: MatchScratch,
    hits: Vec<Hit>,
}

/// A read buffer grown past this by a large file is not kept for the next one.
const KEEP_BUFFER_UP_TO: usize = 16 << 20;

/// What every worker shares.
struct Context<'a> {
    rules: &'a RuleSet,
    outputs: &'a [Printer],
    /// For each output, the output whose rendering it writes (itself, or an earlier one that
    /// renders alike).
    renders: &'a [usize],
    opts: &'a ScanOptions,
}

/// Decodes file bytes: UTF-16 with a byte-order mark, else UTF-8 (lossily, with a warning).
/// Valid UTF-8, the usual case, is borrowed.
fn decode<'a>(bytes: &'a [u8], warnings: &mut Vec<String>) -> Cow<'a, str> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect::<String>()
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return Cow::Owned(utf16(true)),
        Some([0xFE, 0xFF]) => return Cow::Owned(utf16(false)),
        _ => {}
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let valid = e.valid_up_to();
            let good = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            warnings.push(format!(
                "invalid UTF-8 at line {line}, column {column}: replaced with U+FFFD; re-save the file as UTF-8"
            ));
            String::from_utf8_lossy(bytes)
        }
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    !utf16_bom && memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)]).is_some()
}

fn process(input: Input, ctx: &Context, scratch: &mut Scratch) -> Processed {
    // The read buffer is lent out of the scratch so that the rest of it stays usable.
    let mut buf = std::mem::take(&mut scratch.file);
    buf.clear();
    let processed = match read(input, ctx, &mut buf) {
        Ok((display, path)) => check(&display, &path, &buf, ctx, scratch),
        Err(done) => *done,
    };
    if buf.capacity() <= KEEP_BUFFER_UP_TO {
        scratch.file = buf;
    }
    processed
}

/// Reads an input into `buf`, giving its display name and path, or what to report instead.
/// A file is read up to the size limit plus one byte, without a separate size query.
fn read(
    input: Input,
    ctx: &Context,
    buf: &mut Vec<u8>,
) -> Result<(String, PathBuf), Box<Processed>> {
    match input {
        Input::Skip(s) => Err(Box::new(Processed {
            skipped: Some(s),
            ..Processed::skipped("", "")
        })),
        Input::Error(e) => Err(Box::new(Processed {
            error: Some(e),
            ..Processed::error("", "")
        })),
        Input::Stdin => {
            let name = ctx
                .opts
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into());
            if let Err(e) = io::stdin().lock().read_to_end(buf) {
                return Err(Box::new(Processed::error(
                    &name,
                    format!("cannot read standard input: {e}"),
                )));
            }
            Ok((name.clone(), PathBuf::from(name)))
        }
        Input::File {
            path,
            display,
            forced,
        } => {
            if !forced && ctx.opts.input_format.is_none() && Format::from_extension(&path).is_none()
            {
                return Err(Box::new(Processed::skipped(
                    &display,
                    "not a transcript file (unknown extension); name it, use --include, or --input-format to read it",
                )));
            }
            let cannot_read =
                |e: io::Error| Box::new(Processed::error(&display, format!("cannot read: {e}")));
            let file = std::fs::File::open(&path).map_err(cannot_read)?;
            let limit = ctx.opts.max_filesize;
            (&file)
                .take(limit.saturating_add(1))
                .read_to_end(buf)
                .map_err(cannot_read)?;
            if buf.len() as u64 > limit {
                let size = file.metadata().map_or(buf.len() as u64, |m| m.len());
                return Err(Box::new(Processed::skipped(
                    &display,
                    format!("too large ({size} bytes; the limit is {limit}, see --max-filesize)"),
                )));
            }
            Ok((display, path))
        }
    }
}

/// Parses, matches, evaluates and renders one file's bytes.
fn check(
    display: &str,
    path: &Path,
    bytes: &[u8],
    ctx: &Context,
    scratch: &mut Scratch,
) -> Processed {
    if looks_binary(bytes) {
        return Processed::skipped(display, "binary");
    }
    let mut warnings = Vec::new();
    let source = decode(bytes, &mut warnings);
    let format = ctx
        .opts
        .input_format
        .unwrap_or_else(|| transcript::detect(path, &source));
    let (format, transcripts) = match transcript::parse(&source, format, &ctx.opts.parse) {
        Ok(parsed) => (parsed.format, parsed.transcripts),
        Err(e) => return Processed::error(display, format!("{e} (read as {})", format.name())),
    };
    let mut out = Processed {
        summary: Summary::default(),
        // Reports are about as long as their transcripts: one allocation, usually.
        rendered: (0..ctx.outputs.len())
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
    for t in &transcripts {
        let evaluation = evaluate(t, &source, ctx, scratch);
        let conv = report::conversation(
            display,
            format.name(),
            t,
            &source,
            &evaluation,
            ctx.rules,
            &warnings,
        );
        out.summary.add(&conv);
        for (i, (printer, r)) in ctx.outputs.iter().zip(&mut out.rendered).enumerate() {
            if ctx.renders[i] == i {
                printer.conversation(&conv, &source, &mut r.bytes);
                r.cuts.push(r.bytes.len());
            }
        }
    }
    out
}

/// Matches and evaluates one transcript.
fn evaluate(
    t: &transcript::Transcript,
    source: &str,
    ctx: &Context,
    scratch: &mut Scratch,
) -> eval::Evaluation {
    let texts: Vec<(&str, bool)> = t
        .turns
        .iter()
        .map(|turn| (turn.text(source), ctx.rules.roles & turn.role.bit() != 0))
        .collect();
    scratch.hits.clear();
    ctx.rules
        .matcher
        .find(&texts, &mut scratch.matcher, &mut scratch.hits);
    let mut evaluation = eval::evaluate(ctx.rules, t, source, &mut scratch.hits, ctx.opts.scoring);
    if ctx.opts.min_score.is_some_and(|m| evaluation.score < m) {
        evaluation.passed = false;
    }
    evaluation
}

/// Where a report goes: its printer and its writer.
pub struct Output<'w> {
    pub printer: Printer,
    pub writer: &'w mut dyn Write,
}

/// Writes a chunk's results to every output, in input order; `written` counts the conversations
/// written before. Each output gets its parts in a few vectored writes instead of a copy into
/// its buffer per conversation.
fn write_chunk(
    results: &[Processed],
    outputs: &mut [Output],
    ctx: &Context,
    written: usize,
) -> io::Result<()> {
    let mut parts: Vec<IoSlice> = Vec::new();
    for (i, (o, printer)) in outputs.iter_mut().zip(ctx.outputs).enumerate() {
        let mut index = written;
        for r in results {
            // Skipped and unreadable files render nothing.
            if let Some(rendered) = r.rendered.get(ctx.renders[i]) {
                let mut from = 0;
                for &cut in &rendered.cuts {
                    for part in printer.conversation_parts(&rendered.bytes[from..cut], index) {
                        if !part.is_empty() {
                            parts.push(IoSlice::new(part));
                        }
                    }
                    index += 1;
                    from = cut;
                }
            }
            if r.skipped.is_some() || r.error.is_some() {
                write_parts(o.writer, &mut parts)?;
                printer.write_event(o.writer, r.skipped.as_ref(), r.error.as_ref())?;
            }
        }
        write_parts(o.writer, &mut parts)?;
    }
    Ok(())
}

/// Writes all of `parts` and empties it.
fn write_parts(w: &mut dyn Write, parts: &mut Vec<IoSlice>) -> io::Result<()> {
    let mut rest = &mut parts[..];
    while !rest.is_empty() {
        match w.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    parts.clear();
    Ok(())
}

/// Scans every input, writing each report to its output and file errors to standard error
/// (unless the first output is quiet).
pub fn scan(opts: &ScanOptions, rules: &RuleSet, outputs: &mut [Output]) -> io::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(io::Error::other)?;
    let printers: Vec<Printer> = outputs
        .iter_mut()
        .map(|o| std::mem::take(&mut o.printer))
        .collect();
    let quiet = printers.first().is_some_and(|p| p.quiet);
    let renders: Vec<usize> = (0..printers.len())
        .map(|i| {
            (0..i)
                .find(|&j| printers[j].renders_like(&printers[i]))
                .unwrap_or(i)
        })
        .collect();
    let ctx = Context {
        rules,
        outputs: &printers,
        renders: &renders,
        opts,
    };
    let mut totals = Summary::default();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    let mut written = 0;
    for (o, printer) in outputs.iter_mut().zip(&printers) {
        printer.start(o.writer, rules)?;
    }
    std::thread::scope(|s| -> io::Result<()> {
        // Three stages, so that no core idles between chunks: list files, process a chunk on
        // the pool, write the previous chunk (here, on the calling thread).
        let (inputs_tx, inputs_rx) = mpsc::sync_channel::<Vec<Input>>(2);
        let (results_tx, results_rx) = mpsc::sync_channel::<Vec<Processed>>(2);
        s.spawn(move || {
            let mut inputs = walk(opts);
            loop {
                let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
                if chunk.is_empty() || inputs_tx.send(chunk).is_err() {
                    break;
                }
            }
        });
        let ctx = &ctx;
        let pool = &pool;
        s.spawn(move || {
            for chunk in inputs_rx {
                let results: Vec<Processed> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map_init(Scratch::default, |scratch, input| {
                            process(input, ctx, scratch)
                        })
                        .collect()
                });
                if results_tx.send(results).is_err() {
                    break;
                }
            }
        });
        // Drawn only once the scan is large (its first full chunk), only on a terminal.
        let mut progress: Option<indicatif::ProgressBar> = None;
        for results in results_rx {
            if opts.progress && progress.is_none() && results.len() == CHUNK {
                let bar = indicatif::ProgressBar::new_spinner();
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {human_pos} files checked ({elapsed})",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                );
                progress = Some(bar);
            }
            if let Some(bar) = &progress {
                bar.inc(results.len() as u64);
            }
            write_chunk(&results, outputs, ctx, written)?;
            for r in results {
                totals.files += 1;
                totals.merge(&r.summary);
                written += r.rendered.first().map_or(0, |x| x.cuts.len());
                if let Some(s) = r.skipped {
                    totals.skipped += 1;
                    skipped.push(s);
                }
                if let Some(e) = r.error {
                    totals.errors += 1;
                    if !quiet {
                        eprintln!("error: {}: {}", e.path, e.message);
                    }
                    errors.push(e);
                }
            }
        }
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        Ok(())
    })?;
    for (o, printer) in outputs.iter_mut().zip(&printers) {
        printer.finish(o.writer, &totals, &skipped, &errors)?;
        o.writer.flush()?;
    }
    Ok(totals)
}
