//! The writing stage of a scan: each chunk's results written to every output in input order,
//! its fixes, warnings and errors told, and the summary gathered, with the progress line hidden
//! while it writes.

use super::processed::Processed;
use super::{Context, Event, progress};
use crate::report::{FileError, InOrder, Printer, Skipped, Summary, Totals};
use std::io::{self, IoSlice, Write};

/// The writing stage: the progress line, and what is written and gathered ([`Sink`]).
pub(super) struct WriteStage<'a, 'w> {
    progress: progress::Progress,
    /// Inputs handed over so far.
    checked: usize,
    sink: Sink<'a, 'w>,
}

impl<'a, 'w> WriteStage<'a, 'w> {
    /// The writing stage of `writers`, whose printers have started; `progress` draws the
    /// progress line; the summary names the run's `shard`.
    pub(super) fn new(
        writers: Vec<&'a mut &'w mut dyn Write>,
        on_event: &'a mut dyn FnMut(Event),
        (progress, shard): (bool, Option<super::Shard>),
    ) -> WriteStage<'a, 'w> {
        WriteStage {
            progress: progress::Progress::new(progress),
            checked: 0,
            sink: Sink {
                writers,
                on_event,
                totals: Summary::of_shard(shard.map(|s| s.to_string())),
                skipped: Vec::new(),
                errors: Vec::new(),
                conversations: 0,
            },
        }
    }

    /// Writes a chunk's results with the progress line hidden, and counts them on it.
    pub(super) fn take(
        &mut self,
        done: (Vec<Processed>, Summary),
        ctx: &Context,
    ) -> io::Result<()> {
        // Files, not a stream's pieces.
        self.checked += done.0.iter().map(|p| p.files).sum::<usize>();
        self.progress.checked(self.checked);
        let sink = &mut self.sink;
        self.progress.hidden(|| sink.write(done, ctx))
    }

    /// Ends every report with the run's totals, and returns them.
    pub(super) fn finish(self, printers: &[&dyn Printer]) -> io::Result<Summary> {
        self.progress.finish();
        let Sink {
            mut writers,
            totals,
            skipped,
            errors,
            ..
        } = self.sink;
        let end = Totals {
            summary: &totals,
            skipped: &skipped,
            errors: &errors,
        };
        for (w, printer) in writers.iter_mut().zip(printers) {
            printer.finish(&mut **w, &end)?;
            w.flush()?;
        }
        Ok(totals)
    }
}

/// The outputs, and what the summary gathers, between chunks.
struct Sink<'a, 'w> {
    writers: Vec<&'a mut &'w mut dyn Write>,
    on_event: &'a mut dyn FnMut(Event),
    totals: Summary,
    skipped: Vec<Skipped>,
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
