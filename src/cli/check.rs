//! `talklint check`: open the reports, scan, print statistics, and judge the run (SPEC §1: 0
//! clean, 1 findings or failed conversations, 2 input errors).

use super::args::CheckArgs;
use super::fix_stdin::{self, Given};
use super::report_file::ReportFile;
use super::settings::CheckSettings;
use super::stdout::{self, Stdout};
use super::{CliError, Outcome};
use crate::config::FailOn;
use crate::fix::FixMode;
use crate::report::{self, OutputFormat, PrinterOptions, Summary};
use crate::rules::RuleSet;
use crate::scan::{self, Event, Output, ReadAs, ScanError};
use crate::text::controls::escape_name;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub(super) fn run(args: CheckArgs) -> Result<Outcome, CliError> {
    let fixes_stdin = fix_stdin::asked(&args);
    let mut s = match CheckSettings::new(args) {
        Ok(s) => s,
        Err(e) => return fix_stdin::refused(fixes_stdin, e),
    };
    let given = fix_stdin::read(&mut s)?;
    let mut fixed = None;
    let outcome = check(s, Given::echoes(&given), &mut fixed);
    fix_stdin::finish(given, fixed, outcome)
}

/// Checks what `s` names. Under `--fix -` (`echo`), standard input's text goes back out on
/// standard output, so the report goes to standard error unless it goes to a file, and the text
/// fixed is left in `fixed_stdin`.
fn check(
    mut s: CheckSettings,
    echo: bool,
    fixed_stdin: &mut Option<String>,
) -> Result<Outcome, CliError> {
    let output = s.output.clone();
    claim_reports(&mut s, output.as_deref())?;
    let writes_files = output.is_some() || !s.extra_reports.is_empty();
    let mut files = Vec::new();
    for (format, path) in &s.extra_reports {
        files.push((*format, ReportFile::create(path)?));
    }
    let mut main_file = s.output.as_deref().map(ReportFile::create).transpose()?;
    // `--diff` prints diffs instead of reports; once writing one fails (`--diff | head`, a
    // full disk), writing its report fails as that write did, which stops the scan: a closed
    // pipe quietly, any other failure with an error.
    let failed = std::cell::RefCell::new(None);
    let mut diff_sink = FailsAfter(&failed);
    let mut stdout = stdout::buffered();
    let mut stderr = BufWriter::new(io::stderr());
    let mut outputs = vec![Output {
        printer: report::printer(s.format, s.report_rules(), s.printer),
        writer: match main_file.as_mut() {
            Some(f) => f,
            None if echo => &mut stderr,
            None => &mut stdout,
        },
    }];
    let extra = PrinterOptions {
        color: false,
        ..s.printer
    };
    for (format, file) in &mut files {
        outputs.push(Output {
            printer: report::printer(*format, s.report_rules(), extra),
            writer: file,
        });
    }
    let diff = s.scan.fix == Some(FixMode::Diff);
    if diff {
        outputs.truncate(1);
        if let Some(o) = outputs.first_mut() {
            (o.printer, o.writer) = (Box::new(report::Unshown), &mut diff_sink);
        }
    }
    let (mut would_fix, mut not_written) = (false, false);
    let mut diff_out = Stdout::new();
    let mut on_event = |e: Event| match e {
        // Even with `-q`: a file that was not checked is never silent.
        Event::Error(e) => super::stderr::file_error(e),
        Event::Fixed(f) => {
            not_written |= f.not_written.is_some();
            would_fix |= tell_fixed(f, &mut diff_out, &failed);
            if let Some(text) = &f.text {
                *fixed_stdin = Some(text.clone());
            }
        }
        Event::Warning { path, message } => {
            super::stderr::warning(&format!("{}: {message}", escape_name(path)));
        }
    };
    let totals = match scan::scan(&s.scan, &s.engine, &s.rules, &mut outputs, &mut on_event) {
        Ok(t) => t,
        Err(ScanError::Threads(e)) => return Err(CliError::Threads(e)),
        // `talklint check | head`: a quiet end, unless report files were being written, which
        // the scan did not finish.
        Err(ScanError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return match diff || !writes_files {
                true => Ok(Outcome::Clean),
                false => Err(CliError::StdoutClosed),
            };
        }
        // The diff's own error, of which the report's is a copy.
        Err(ScanError::Write(e)) if diff => {
            return Err(CliError::WriteDiff(failed.take().unwrap_or(e)));
        }
        Err(ScanError::Write(e)) => return Err(CliError::WriteReport(e)),
    };
    drop(outputs);
    // The last diff's failure, which no report write came after to stop the scan.
    if let Some(e) = failed
        .take()
        .filter(|e| e.kind() != io::ErrorKind::BrokenPipe)
    {
        return Err(CliError::WriteDiff(e));
    }
    for file in main_file
        .into_iter()
        .chain(files.into_iter().map(|(_, f)| f))
    {
        file.finish()?;
    }
    if diff {
        return Ok(match (totals.errors, would_fix && !s.exit_zero) {
            (0, false) => Outcome::Clean,
            (0, true) => Outcome::Findings,
            _ => Outcome::Trouble,
        });
    }
    if s.statistics {
        let after = (s.format, s.output.is_some() || echo);
        print_statistics(after, &totals, s.report_rules())?;
    }
    if let Some(b) = s.scan.baseline.as_deref() {
        super::baseline_warnings::warn(b, &totals);
    }
    if totals.conversations == 0 && totals.errors == 0 {
        let summary_names = s.format == OutputFormat::Human && !s.printer.quiet;
        warn_of_no_files(&s.scan, totals.skipped, s.format, summary_names);
    }
    // A fix that could not be written is trouble, as a file that could not be read is.
    if not_written {
        return Ok(Outcome::Trouble);
    }
    Ok(judge(&totals, s.fail_on, s.exit_zero))
}

/// Says on standard error that the paths held no transcript to check: a run over an empty
/// folder, or one whose `--include` or `--exclude` globs left nothing (or only files it skips,
/// such as its config), passes, and a glob mistyped in a CI job would pass unnoticed. Where files
/// were skipped, their reasons say why: in the human summary when it names them
/// (`summary_names`, a few files), else in a JSON report.
fn warn_of_no_files(
    scan: &scan::ScanOptions,
    skipped: usize,
    format: OutputFormat,
    summary_names: bool,
) {
    let roots = scan::roots(scan);
    let named = roots.iter().map(|p| {
        if scan::is_stdin(p) {
            "standard input".into()
        } else {
            scan::shown(p)
        }
    });
    let paths = named.collect::<Vec<_>>().join(", ");
    let says = match format {
        OutputFormat::Json | OutputFormat::Jsonl => "the report's `skipped` says why",
        _ if summary_names && skipped <= report::SKIPPED_NAMED => "the summary says why",
        _ => "--format json says why",
    };
    let skipped = match skipped {
        0 => String::new(),
        n => format!(" ({} skipped: {says})", report::plural(n, "file", "files")),
    };
    // A shard may hold none of the files named: a file hashed to another shard.
    let shard = scan.shard.map_or_else(String::new, |s| {
        format!(", and which files --shard {s} keeps")
    });
    super::stderr::warning(&format!(
        "no transcript found to check in {paths}{skipped}: check the paths, and what --include, \
         --exclude and a config's `include`/`exclude` leave{shard}"
    ));
}

/// Says on standard error (or prints, with `--diff`) what a fix did to one file; whether a fix
/// `--fix` would make is pending there (`--diff` then exits 1). `failed` is set when printing a
/// diff to `out` failed (`--diff | head`, `--diff > /dev/full`, `--diff 1</dev/null`).
fn tell_fixed(
    f: &scan::Fixed,
    out: &mut Stdout,
    failed: &std::cell::RefCell<Option<io::Error>>,
) -> bool {
    let path = escape_name(&f.path);
    let matches = |n: usize| format!("{n} match{}", if n == 1 { "" } else { "es" });
    if f.overlapping > 0 && f.left.is_none() {
        super::stderr::warning(&format!(
            "{path}: {} not fixed: another fix replaced words they share",
            matches(f.overlapping)
        ));
    }
    if let Some(why) = &f.not_written {
        super::stderr::line(&format!("error: {path}: {why}"));
        return false;
    }
    match (&f.diff, f.left) {
        (_, Some(why)) => {
            // A pending fix that cannot be shown still fails `--diff`; one that `--fix` would
            // not make either (JSON, standard input) changes nothing, and is only said.
            super::stderr::warning(&format!("{path}: {} not fixed: {why}", matches(f.edits)));
            f.rewritable
        }
        (Some(d), None) => {
            if let Err(e) = out.write_all(d.as_bytes()) {
                failed.replace(Some(e));
            }
            !d.is_empty()
        }
        (None, None) => {
            super::stderr::line(&format!("fixed: {path}: {} replaced", matches(f.edits)));
            false
        }
    }
}

/// The report writer of `--diff`, which prints no report: it takes every byte until its cell
/// holds the error printing a diff met, then fails as that write did.
struct FailsAfter<'a>(&'a std::cell::RefCell<Option<io::Error>>);

impl Write for FailsAfter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.flush().map(|()| buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &*self.0.borrow() {
            Some(e) => Err(stdout::again(e)),
            None => Ok(()),
        }
    }
}

/// Statistics follow a human report on standard output; any other report, and one written to a
/// file (`-o`), keeps standard output to itself, so they go to standard error. `after` is the
/// report's format and whether it goes to a file; `rules` name the findings.
pub(super) fn print_statistics(
    (format, to_file): (OutputFormat, bool),
    totals: &Summary,
    rules: &RuleSet,
) -> Result<(), CliError> {
    let shown = if format == OutputFormat::Human && !to_file {
        let mut out = BufWriter::new(Stdout::new());
        report::statistics::print(&mut out, totals, rules).and_then(|()| out.flush())
    } else {
        report::statistics::print(&mut io::stderr().lock(), totals, rules)
    };
    match shown {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::WriteStatistics(e)),
        _ => Ok(()),
    }
}

/// The run's outcome: errors first, then failed conversations and findings at `fail_on`
/// (`--fail-on never` spares findings only), none of which count with `--exit-zero`.
pub(super) fn judge(totals: &Summary, fail_on: FailOn, exit_zero: bool) -> Outcome {
    if totals.errors > 0 {
        Outcome::Trouble
    } else if !exit_zero && (totals.failed > 0 || totals.worst.is_some_and(|w| fail_on.fails(w))) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Whether `path` is another name of standard output: `/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`, or the file or pipe standard output goes to. Not a device it shares with
/// the path (`/dev/null` for both, a terminal), which takes both reports whole.
pub(super) fn is_stdout(path: &Path) -> bool {
    if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(&path.to_string_lossy().as_ref()) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let out = stdout::duplicate().and_then(|f| f.metadata());
        let named = std::fs::metadata(path);
        matches!((out, named), (Ok(o), Ok(n)) if !n.file_type().is_char_device()
            && super::report_file::same_file(&o, &n))
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Checks the reports a run will write (its `--output-*` reports and `main`, its `-o`) before
/// any is created, with [`refuse_inputs`] and against the files it reads as something else (its
/// configs, their rule files, eval's labels; not its baseline), then lists them for the scan,
/// which skips them where it finds them.
pub(super) fn claim_reports(s: &mut CheckSettings, main: Option<&Path>) -> Result<(), CliError> {
    // `-o -` is standard output; an extra report there would be interleaved with the main one,
    // and so would one named by another of its names (`/dev/stdout`), where the main one is.
    let on_stdout = |p: &PathBuf| p.as_os_str() == "-" || (main.is_none() && is_stdout(p));
    if let Some((format, path)) = (s.extra_reports.iter()).find(|(_, p)| on_stdout(p)) {
        let (f, path) = (format.name(), path.display());
        return Err(CliError::Usage(format!(
            "--output-{f} {path} would write to standard output, which is the main report's\n  \
             help: name a file after --output-{f} (`talklint check -f {f}` writes that report \
             to standard output)"
        )));
    }
    let reports: Vec<PathBuf> = (s.extra_reports.iter())
        .map(|(_, p)| p.clone())
        .chain(main.map(Path::to_path_buf))
        .collect();
    // The baseline is read whole before any report is written: a report that keeps the
    // findings it knows (`--show-suppressed`) may roll it forward in place.
    let show = s.scan.suppress.show;
    let read = |report: &PathBuf| {
        (s.scan.profiles.loaded(report)).filter(|&r| r != ReadAs::Baseline || !show)
    };
    if let Some((report, what)) = reports.iter().find_map(|r| Some((r, read(r)?))) {
        let help = match what {
            ReadAs::Baseline => {
                "add --show-suppressed to roll the baseline forward in place (without it, the \
                 report leaves out the findings the baseline knows, which would then be new), or \
                 --no-baseline to make it again of every finding"
            }
            _ => "name another file after -o or --output-*",
        };
        return Err(CliError::Usage(format!(
            "{} is {}: writing the report there would erase it\n  help: {help}",
            report.display(),
            what.reason(),
        )));
    }
    refuse_inputs(&reports, &scan::roots(&s.scan))?;
    // Where a report is not there yet, the file it will be created as.
    s.scan.reports = reports.iter().filter_map(|p| resolved(p)).collect();
    Ok(())
}

/// Refuses a report that would erase what the run reads or writes: a file named as an input, a
/// file inside a folder named as an input (the walk may read it, whatever its extension, after
/// the report replaced it) unless it is a report an earlier run wrote, or another report's file.
pub(super) fn refuse_inputs(reports: &[PathBuf], inputs: &[PathBuf]) -> Result<(), CliError> {
    let inputs: Vec<(&PathBuf, PathBuf)> = inputs
        .iter()
        .filter(|i| !scan::is_stdin(i))
        .filter_map(|i| std::fs::canonicalize(i).ok().map(|c| (i, c)))
        .collect();
    let mut planned = Vec::new();
    for report in reports {
        if let Some(resolved) = resolved(report) {
            if planned.contains(&resolved) {
                return Err(CliError::ReportNamedTwice(report.display().to_string()));
            }
            planned.push(resolved);
        }
        let Ok(canonical) = std::fs::canonicalize(report) else {
            continue; // not there yet: no input can be it
        };
        if let Some((input, _)) = inputs.iter().find(|(_, c)| *c == canonical) {
            return Err(CliError::ReportIsInput(scan::shown(input)));
        }
        if let Some((folder, _)) = inputs
            .iter()
            .find(|(_, c)| c.is_dir() && canonical.starts_with(c))
            && canonical.is_file()
            && !report::is_own_report(&canonical)
        {
            return Err(CliError::ReportOverInput {
                report: report.display().to_string(),
                folder: scan::shown(folder),
            });
        }
    }
    Ok(())
}

/// Where `path` is or would be created: its canonical form, or its folder's and its name (the
/// nearest folder there is and the names below it, for folders not made yet).
pub(super) fn resolved(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| scan::identity(path))
}
