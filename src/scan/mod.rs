//! Scanning: walk the paths ([`walk`]), then read, parse, check and render each file on a thread
//! pool ([`file`]), writing results in input order; a run of one named file, or of a few small
//! ones, on the calling thread.
//!
//! Files are handled in chunks: a walker thread lists the next chunk while the pool works on the
//! current one, and at most three chunks' results are alive at a time (one being written, one
//! waiting for the writer, one the pool is working on or handing over), so memory stays flat
//! however many files there are. Every file found ends in exactly one of conversations, skipped,
//! errors.

mod broken;
mod cut;
mod documentation;
mod feed;
mod file;
mod file_warnings;
mod fix;
mod folder;
mod ignore_files;
mod judge;
mod large_jsonl;
#[cfg(any(test, fuzzing))]
mod one;
mod outbox;
mod overlap;
mod piece;
mod processed;
mod profile;
mod progress;
mod read;
mod replace;
mod run_files;
mod scope;
mod shard;
mod shown_path;
mod stages;
pub(crate) use shown_path::{shown, tidied};
pub use stages::ThreadsError;
mod stdin;
mod stream;
mod unread;
mod utf16;
mod walk;
mod walk_error;
mod write;

use crate::engine::Engine;
use crate::fix::FixMode;
use crate::report::{FileError, Printer, Summary};
use crate::rules::RuleSet;
use crate::suppress::SuppressOptions;
use crate::transcript::{Format, ParseOptions};
pub(crate) use broken::Broken;
pub use fix::Fixed;
use globset::GlobSet;
#[cfg(any(test, fuzzing))]
pub(crate) use one::check_bytes;
pub(crate) use overlap::identity;
pub(crate) use profile::{Profile, Profiles, normal};
pub(crate) use run_files::{ReadAs, RunFiles};
pub(crate) use scope::{Globs, Scope};
pub use shard::Shard;
use std::io::{self, Write};
use std::path::PathBuf;
pub(crate) use walk::{folders, is_stdin, roots, roots_of};

/// How many files are handled between two writes. Finished chunks are what a scan's memory holds
/// beyond its rules: a chunk of 512 generated calls renders about 5 MB of JSONL. Measured on
/// 200,000 generated calls (`-j2`, default pack, three runs each): chunks of 2,048 with two
/// waiting peaked at 55–59 MB, and up to 84 MB when the writer fell behind; chunks of 512 with
/// one waiting at 33–35 MB, in the same time.
const CHUNK: usize = 512;

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
    /// Standard input, read already by a run that writes it back out (`--fix` on it): checked
    /// from here, whole, never as a stream.
    pub stdin_given: Option<std::sync::Arc<[u8]>>,
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

/// Why a scan stopped: its pool could not start, or an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error(transparent)]
    Threads(#[from] ThreadsError),
    #[error(transparent)]
    Write(#[from] io::Error),
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

/// Scans every input with `engine` (compiled from `rules`), writing each report to its output,
/// and hands every file error and fix to `on_event` as it happens, in input order.
pub fn scan(
    opts: &ScanOptions,
    engine: &Engine,
    rules: &RuleSet,
    outputs: &mut [Output],
    on_event: &mut dyn FnMut(Event),
) -> Result<Summary, ScanError> {
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
    let pool = stages::pool(opts)?;
    for (w, printer) in writers.iter_mut().zip(&printers) {
        printer.start(&mut **w)?;
    }
    let mut out = write::WriteStage::new(writers, on_event, (opts.progress, opts.shard));
    stages::run(opts, pool.as_ref(), &ctx, &mut out)?;
    Ok(out.finish(&printers)?)
}
