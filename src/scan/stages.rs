//! How a scan's inputs are checked: on a thread pool in three stages (list, process, write),
//! or, for a run of a few named files, on the calling thread.

use super::file::{Scratch, process};
use super::processed::Processed;
use super::walk::{Input, is_stdin};
use super::write::WriteStage;
use super::{Context, ScanOptions, feed, large_jsonl};
use crate::report::Summary;
use rayon::prelude::*;
use std::io;
use std::sync::mpsc;

/// How many finished chunks may wait for the writer: with one, the pool never waits on a writer
/// that keeps up.
const WAITING: usize = 1;

/// A run that names one regular file (of less than 8 MiB), or at most this many holding at most [`FEW_BYTES`]
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

/// Whether the run names only regular files (no folder, standard input, FIFO or missing path):
/// one under [`large_jsonl::CUT_FROM`], or a few small ones ([`FEW_FILES`]). A file that size
/// or larger is checked on the pool, since a JSONL file of conversations is then cut into
/// pieces ([`super::large_jsonl`]) that gain from the pool as files do (another file gains
/// nothing, and loses the time to start a thread).
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
    (opts.paths.len() == 1 && bytes < large_jsonl::CUT_FROM) || bytes <= FEW_BYTES
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

/// Processes a chunk of inputs on the calling thread, as [`process_chunk`] does on the pool.
fn process_here(chunk: Vec<Input>, ctx: &Context) -> (Vec<Processed>, Summary) {
    let mut scratch = Scratch::default();
    let mut totals = Summary::default();
    let done = (chunk.into_iter())
        .map(|input| process(input, ctx, &mut scratch, &mut totals))
        .collect();
    (done, totals)
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

/// The pool the run's inputs are checked on; none for a run of a few named files, checked on
/// the calling thread. Started before any report is, so a run that cannot start it writes
/// nothing.
pub(super) fn pool(opts: &ScanOptions) -> Result<Option<rayon::ThreadPool>, ThreadsError> {
    if few_small_files(opts) {
        return Ok(None);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|source| ThreadsError {
            threads: opts.threads,
            source,
        })?;
    Ok(Some(pool))
}

/// Checks every input, on `pool` or, without one, on the calling thread, handing each chunk's
/// results to `out` in input order.
pub(super) fn run(
    opts: &ScanOptions,
    pool: Option<&rayon::ThreadPool>,
    ctx: &Context,
    out: &mut WriteStage,
) -> io::Result<()> {
    match pool {
        None => scan_here(opts, ctx, out),
        Some(pool) => scan_pooled(opts, pool, ctx, out),
    }
}
