//! Scanning: walk the paths ([`walk`]), then read, parse, check and render each file on a thread
//! pool ([`file`]), writing results in input order; a run of one named file, or of a few small
//! ones, on the calling thread.
//!
//! Files are handled in chunks: a walker thread lists the next chunk while the pool works on the
//! current one, and at most three chunks' results are alive at a time (one being written, one
//! waiting for the writer, one the pool is working on or handing over), so memory stays flat
//! however many files there are. Every file found ends in exactly one of conversations, skipped,
//! errors.

mod cut;
mod feed;
mod file;
mod file_warnings;
mod fix;
mod folder;
mod ignore_files;
mod judge;
#[cfg(any(test, fuzzing))]
mod one;
mod overlap;
mod piece;
mod profile;
mod progress;
mod read;
mod replace;
mod run_files;
mod scope;
mod shard;
mod shown_path;
pub(crate) use shown_path::{shown, tidied};
mod stdin;
mod unread;
mod utf16;
mod walk;

use crate::engine::Engine;
use crate::fix::FixMode;
use crate::report::{FileError, InOrder, Printer, Summary, Totals};
use crate::rules::RuleSet;
use crate::suppress::SuppressOptions;
use crate::transcript::{Format, ParseOptions};
use file::{Processed, Scratch, process};
pub use fix::Fixed;
use globset::GlobSet;
#[cfg(any(test, fuzzing))]
pub(crate) use one::check_bytes;
pub(crate) use overlap::identity;
pub(crate) use profile::{Profile, Profiles, normal};
use rayon::prelude::*;
pub(crate) use run_files::{ReadAs, RunFiles};
pub(crate) use scope::{Globs, Scope};
pub use shard::Shard;
use std::io::{self, IoSlice, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use walk::Input;
pub(crate) use walk::{folders, is_stdin, roots};

/// How many files are handled between two writes. Finished chunks are what a scan's memory holds
/// beyond its rules: a chunk of 512 generated calls renders about 5 MB of JSONL. Measured on
/// 200,000 generated calls (`-j2`, default pack, three runs each): chunks of 2,048 with two
/// waiting peaked at 55–59 MB, and up to 84 MB when the writer fell behind; chunks of 512 with
/// one waiting at 33–35 MB, in the same time.
const CHUNK: usize = 512;

/// How many finished chunks may wait for the writer: with one, the pool never waits on a writer
/// that keeps up.
const WAITING: usize = 1;

/// Everything a scan needs besides the engine and the outputs.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Paths as given (a name that is no UTF-8 too); `-` is standard input. Empty means the
    /// current folder.
    pub paths: Vec<PathBuf>,
    /// `--include` and `--exclude`: they match the path below the folder walked (the
    /// configs' globs are in `profiles`).
    pub include: Option<GlobSet>,
    pub(crate) exclude: Option<Globs>,
    /// `--force-exclude`: `exclude` (the configs' and `--exclude`) leaves out files named too.
    pub force_exclude: bool,
    /// Honour ignore files (`.gitignore`, `.ignore`, `.talklintignore`); false with `--no-ignore`.
    pub ignore: bool,
    pub max_filesize: u64,
    /// Read every file as this format instead of detecting it.
    pub input_format: Option<Format>,
    pub stdin_filename: Option<String>,
    pub parse: ParseOptions,
    /// Draw a progress line on standard error (only ever for a terminal).
    pub progress: bool,
    pub threads: usize,
    /// Check only the files of this shard.
    pub shard: Option<Shard>,
    /// Inline directives and `per_path_disable`.
    pub suppress: SuppressOptions,
    /// `--fix` or `--diff`.
    pub fix: Option<FixMode>,
    /// The canonical paths of the reports this run writes: found in a scanned folder, they are
    /// skipped, not read as transcripts.
    pub reports: Vec<PathBuf>,
    /// `--redact`: the personal-data finder every report masks with.
    pub redact: Option<crate::redact::Redactor>,
    /// `--baseline`: the findings of an earlier report, not counted.
    pub baseline: Option<std::sync::Arc<crate::baseline::Baseline>>,
    /// The run's config's scope, and the configs nearer to some files than the run's own, each
    /// with its settings.
    pub(crate) profiles: Profiles,
}

/// What the scan tells its caller as it goes, in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// A file could not be read or parsed (it is also in the reports).
    Error(&'a FileError),
    /// `--fix` rewrote a file, or `--diff` found what it would change.
    Fixed(&'a Fixed),
    /// A file skipped for having no turns gave a warning (it is also in its skip reason).
    Warning { path: &'a str, message: &'a str },
}

/// Standard input's name in reports, unless `--stdin-filename` gives another.
pub const STDIN: &str = "<stdin>";

impl ScanOptions {
    /// The name of standard input in reports.
    pub fn stdin_name(&self) -> &str {
        self.stdin_filename.as_deref().unwrap_or(STDIN)
    }
}

/// Where a report goes: its printer and its writer.
pub struct Output<'w> {
    pub printer: Box<dyn Printer>,
    pub writer: &'w mut dyn Write,
}

/// What every worker shares, and what a file's config makes of it.
struct Context<'a> {
    engine: &'a Engine,
    rules: &'a RuleSet,
    parse: &'a ParseOptions,
    suppress: &'a SuppressOptions,
    /// The file's path below the folder of its config, which the config's `per_path_disable`
    /// globs match; `None` when they match nothing (no config file, or standard input that
    /// `--stdin-filename` does not name).
    below: Option<String>,
    /// A file under a nested config: each of its rules' index in the reports' rule list.
    report_index: Option<&'a [usize]>,
    printers: &'a [&'a dyn Printer],
    /// For each output, the output whose rendering it writes (itself, or an earlier one that
    /// renders alike).
    renders: &'a [usize],
    opts: &'a ScanOptions,
}

impl<'a> Context<'a> {
    /// The context of the files the run's own config governs.
    fn new(
        engine: &'a Engine,
        rules: &'a RuleSet,
        printers: &'a [&'a dyn Printer],
        renders: &'a [usize],
        opts: &'a ScanOptions,
    ) -> Context<'a> {
        Context {
            engine,
            rules,
            parse: &opts.parse,
            suppress: &opts.suppress,
            below: None,
            report_index: None,
            printers,
            renders,
            opts,
        }
    }

    /// The context of a file the run's own config governs, `below` its folder.
    fn run_file(&self, below: Option<String>) -> Context<'a> {
        Context { below, ..*self }
    }

    /// The context of a file under the nested config `found`.
    fn nested(&self, found: profile::Found<'a>) -> Context<'a> {
        let (nested, profile) = (found.nested, &found.nested.profile);
        Context {
            engine: &profile.engine,
            rules: &profile.rules,
            parse: &profile.parse,
            suppress: &profile.suppress,
            below: Some(found.below),
            report_index: Some(&nested.report_index),
            ..*self
        }
    }

    /// The rules `per_path_disable` turns off for the file.
    fn per_path(&self) -> Option<Vec<usize>> {
        self.suppress.per_path(self.below.as_deref()?)
    }
}

/// Writes a chunk's results to every output, in input order; `written` counts the conversations
/// written before. Each output gets its parts in a few vectored writes instead of a copy into
/// its buffer per conversation.
fn write_chunk(
    results: &[Processed],
    writers: &mut [&mut &mut dyn Write],
    ctx: &Context,
    written: usize,
) -> io::Result<()> {
    let mut parts: Vec<IoSlice> = Vec::new();
    for (i, (w, printer)) in writers.iter_mut().zip(ctx.printers).enumerate() {
        let mut index = written;
        for r in results {
            // A file's error comes before the conversations read from the rest of it, where
            // `merge` sorts it (no id first).
            if r.skipped.is_some() || r.error.is_some() {
                write_parts(&mut **w, &mut parts)?;
                printer.event(&mut **w, r.skipped.as_ref(), r.error.as_ref())?;
            }
            // Skipped and unreadable files render nothing.
            if let Some(rendered) = r.rendered.get(ctx.renders[i]) {
                let mut from = 0;
                for &cut in &rendered.cuts {
                    match printer.in_order(&rendered.bytes[from..cut], index) {
                        InOrder::Parts(these) => {
                            let these = these.into_iter().filter(|p| !p.is_empty());
                            parts.extend(these.map(IoSlice::new));
                        }
                        InOrder::Rewritten(bytes) => {
                            write_parts(&mut **w, &mut parts)?;
                            w.write_all(&bytes)?;
                        }
                    }
                    index += 1;
                    from = cut;
                }
            }
        }
        write_parts(&mut **w, &mut parts)?;
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

/// Processes a chunk of inputs on the pool: their results in input order, and the totals of
/// their conversations. Each part the pool splits the chunk into adds to totals of its own, and
/// the parts' totals are merged in input order, rather than a file's totals once per file.
fn process_chunk(chunk: Vec<Input>, ctx: &Context) -> (Vec<Processed>, Summary) {
    let len = chunk.len();
    let parts: Vec<(Vec<Processed>, Summary)> = chunk
        .into_par_iter()
        .fold(
            || (Scratch::default(), Vec::new(), Summary::default()),
            |(mut scratch, mut done, mut totals), input| {
                done.push(process(input, ctx, &mut scratch, &mut totals));
                (scratch, done, totals)
            },
        )
        .map(|(_, done, totals)| (done, totals))
        .collect();
    let mut results = Vec::with_capacity(len);
    let mut totals = Summary::default();
    for (done, part) in parts {
        results.extend(done);
        totals.merge(&part);
    }
    (results, totals)
}

/// A run that names one regular file, or at most this many holding at most [`FEW_BYTES`]
/// together (a pre-commit hook's run), is checked on the calling thread: a walker thread and a
/// pool cost it more than they save (each thread about 0.12 MB of a one-file check's memory, and
/// the time to start it). Larger files gain from the pool: 16 files of 64 KiB took 38 ms on the
/// calling thread and 29 ms pooled on 2 cores, 16 of 16 KiB about 19 ms either way.
const FEW_FILES: usize = 16;

/// What the few files of a run checked on the calling thread hold at most, together.
const FEW_BYTES: u64 = 256 << 10;

/// The pool's threads could not start (a limit on processes or memory): said as such, not as a
/// report that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot start {threads} threads: {source}")]
pub struct ThreadsError {
    threads: usize,
    source: rayon::ThreadPoolBuildError,
}

impl ThreadsError {
    /// Whether the scan's error `e` is this one.
    pub fn is(e: &io::Error) -> bool {
        e.get_ref().is_some_and(|inner| inner.is::<ThreadsError>())
    }
}

/// Whether the run names only regular files (no folder, standard input, FIFO or missing path):
/// one of them, or a few small ones ([`FEW_FILES`]).
fn few_small_files(opts: &ScanOptions) -> bool {
    if !(1..=FEW_FILES).contains(&opts.paths.len()) {
        return false;
    }
    let mut bytes = 0;
    for path in &opts.paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() && !is_stdin(path) => bytes += meta.len(),
            _ => return false,
        }
    }
    opts.paths.len() == 1 || bytes <= FEW_BYTES
}

/// Processes a chunk of inputs on the calling thread, as [`process_chunk`] does on the pool.
fn process_here(chunk: Vec<Input>, ctx: &Context) -> (Vec<Processed>, Summary) {
    let mut scratch = Scratch::default();
    let mut totals = Summary::default();
    let done = (chunk.into_iter())
        .map(|input| process(input, ctx, &mut scratch, &mut totals))
        .collect();
    (done, totals)
}

/// The writing stage: the progress line, and what is written and gathered ([`Sink`]).
struct WriteStage<'a, 'w> {
    progress: progress::Progress,
    /// Inputs handed over so far.
    checked: usize,
    sink: Sink<'a, 'w>,
}

impl WriteStage<'_, '_> {
    /// Writes a chunk's results with the progress line hidden, and counts them on it.
    fn take(&mut self, done: (Vec<Processed>, Summary), ctx: &Context) -> io::Result<()> {
        self.checked += done.0.len();
        self.progress.checked(self.checked);
        let sink = &mut self.sink;
        self.progress.hidden(|| sink.write(done, ctx))
    }
}

/// The outputs, and what the summary gathers, between chunks.
struct Sink<'a, 'w> {
    writers: Vec<&'a mut &'w mut dyn Write>,
    on_event: &'a mut dyn FnMut(Event),
    totals: Summary,
    skipped: Vec<crate::report::Skipped>,
    errors: Vec<FileError>,
    /// Conversations written so far.
    conversations: usize,
}

impl Sink<'_, '_> {
    /// Writes a chunk's results to every output, tells `on_event` of its fixes, warnings and
    /// errors, and adds them to the summary.
    fn write(&mut self, done: (Vec<Processed>, Summary), ctx: &Context) -> io::Result<()> {
        let (results, chunk_totals) = done;
        // What a fix changed is said before the report of what remains.
        for f in results.iter().filter_map(|r| r.fixed.as_ref()) {
            (self.on_event)(Event::Fixed(f));
        }
        write_chunk(&results, &mut self.writers, ctx, self.conversations)?;
        // Each chunk's results leave at once: a stream's reader waits for them.
        for w in self.writers.iter_mut() {
            w.flush()?;
        }
        self.totals.merge(&chunk_totals);
        for r in results {
            self.totals.files += r.files;
            self.conversations += r.rendered.first().map_or(0, |x| x.cuts.len());
            if let Some(s) = r.skipped {
                for message in &r.warnings {
                    (self.on_event)(Event::Warning {
                        path: &s.path,
                        message,
                    });
                }
                self.totals.skipped += 1;
                self.skipped.push(s);
            }
            if let Some(e) = r.error {
                self.totals.errors += 1;
                (self.on_event)(Event::Error(&e));
                self.errors.push(e);
            }
        }
        Ok(())
    }
}

/// Checks the inputs on the calling thread, a chunk at a time.
fn scan_here(opts: &ScanOptions, ctx: &Context, out: &mut WriteStage) -> io::Result<()> {
    let mut result = Ok(());
    feed::feed(opts, |chunk| {
        result = out.take(process_here(chunk, ctx), ctx);
        result.is_ok()
    });
    result
}

/// Checks the inputs in three stages, so that no core idles between chunks: list files on a
/// walker thread, process a chunk on the pool, write the previous chunk on the calling thread.
fn scan_pooled(
    opts: &ScanOptions,
    pool: &rayon::ThreadPool,
    ctx: &Context,
    out: &mut WriteStage,
) -> io::Result<()> {
    std::thread::scope(|s| -> io::Result<()> {
        let (inputs_tx, inputs_rx) = mpsc::sync_channel::<Vec<Input>>(2);
        let (results_tx, results_rx) = mpsc::sync_channel::<(Vec<Processed>, Summary)>(WAITING);
        s.spawn(move || feed::feed(opts, |chunk| inputs_tx.send(chunk).is_ok()));
        s.spawn(move || {
            for chunk in inputs_rx {
                let done = pool.install(|| process_chunk(chunk, ctx));
                if results_tx.send(done).is_err() {
                    break;
                }
            }
        });
        results_rx
            .into_iter()
            .try_for_each(|done| out.take(done, ctx))
    })
}

/// Scans every input with `engine` (compiled from `rules`), writing each report to its output,
/// and hands every file error and fix to `on_event` as it happens, in input order.
pub fn scan(
    opts: &ScanOptions,
    engine: &Engine,
    rules: &RuleSet,
    outputs: &mut [Output],
    on_event: &mut dyn FnMut(Event),
) -> io::Result<Summary> {
    let (printers, mut writers): (Vec<&dyn Printer>, Vec<&mut &mut dyn Write>) = outputs
        .iter_mut()
        .map(|o| (&*o.printer, &mut o.writer))
        .unzip();
    let renders: Vec<usize> = (0..printers.len())
        .map(|i| {
            let key = printers[i].rendering_key();
            (0..i)
                .find(|&j| key.is_some() && printers[j].rendering_key() == key)
                .unwrap_or(i)
        })
        .collect();
    let ctx = Context::new(engine, rules, &printers, &renders, opts);
    // The pool is started before any report is: a run that cannot start it writes nothing.
    let pool = match few_small_files(opts) {
        true => None,
        false => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(opts.threads)
                .build()
                .map_err(|source| {
                    let threads = opts.threads;
                    io::Error::other(ThreadsError { threads, source })
                })?,
        ),
    };
    for (w, printer) in writers.iter_mut().zip(&printers) {
        printer.start(&mut **w)?;
    }
    let mut out = WriteStage {
        progress: progress::Progress::new(opts.progress),
        checked: 0,
        sink: Sink {
            writers,
            on_event,
            totals: Summary::default(),
            skipped: Vec::new(),
            errors: Vec::new(),
            conversations: 0,
        },
    };
    match &pool {
        None => scan_here(opts, &ctx, &mut out)?,
        Some(pool) => scan_pooled(opts, pool, &ctx, &mut out)?,
    }
    out.progress.finish();
    let Sink {
        mut writers,
        totals,
        skipped,
        errors,
        ..
    } = out.sink;
    for (w, printer) in writers.iter_mut().zip(&printers) {
        let end = Totals {
            summary: &totals,
            skipped: &skipped,
            errors: &errors,
        };
        printer.finish(&mut **w, &end)?;
        w.flush()?;
    }
    Ok(totals)
}
