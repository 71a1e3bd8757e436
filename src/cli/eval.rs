//! `talklint eval`: checks the paths as `check` would, then scores the findings against a labels
//! file; exit 1 when a selector is below `--min-precision` or `--min-recall`.

use super::args::EvalArgs;
use super::check;
use super::report_file::ReportFile;
use super::settings::CheckSettings;
use super::{CliError, Outcome};
use crate::eval::{self, Digest, Labels};
use crate::report::digest::Digest as DigestPrinter;
use crate::report::eval::{self as render, Show};
use crate::report::{self, OutputFormat, PrinterOptions};
use crate::scan::{self, Output, ReadAs};
use crate::utf8_file::NotText;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn run(args: EvalArgs) -> Result<Outcome, CliError> {
    let file = args.labels.display().to_string();
    // Standard input is for the transcripts, as in `check`: the labels are a file.
    if file == "-" {
        return Err(CliError::Usage(
            "--labels - : the labels are read from a file, not standard input\n  help: save \
             them as a .csv or .tsv file and name it: `--labels labels.tsv`"
                .into(),
        ));
    }
    let text = crate::utf8_file::read(&args.labels).map_err(|e| match e {
        NotText::Io(source) => CliError::Read {
            path: file.clone(),
            source,
        },
        NotText::Encoding(bad) => {
            CliError::Labels(crate::rules::RuleError::encoding(file.clone(), bad).to_string())
        }
    })?;
    let labels = Labels::parse(&file, &text).map_err(|e| CliError::Labels(e.to_string()))?;
    let show = Show {
        false_positives: args.show.iter().any(|s| s == "fp"),
        false_negatives: args.show.iter().any(|s| s == "fn"),
    };
    if let Some(bad) = args
        .show
        .iter()
        .find(|s| !["fp", "fn"].contains(&s.as_str()))
    {
        return Err(CliError::Usage(format!(
            "`--show {bad}`: write `--show fp`, `--show fn` or `--show fp,fn`"
        )));
    }
    // The argument parser offers eval human and json only.
    let format = args.check.format;
    let output = args.check.output.clone();
    if args.check.fix || args.check.diff {
        return Err(CliError::Usage(
            "--fix and --diff rewrite scripts: run them with `talklint check`, not `eval`".into(),
        ));
    }
    if args.check.shard.is_some() {
        return Err(CliError::Usage(
            "--shard checks a part of the files, and eval scores every label in one run: the \
             labels of the other shards' files would name no checked file, and floors over a \
             part would judge the rules on it alone\n  help: run eval without --shard (shard \
             `talklint check`, and `talklint merge` the reports)"
                .into(),
        ));
    }
    if let Some(flag) = checks_only(&args) {
        return Err(CliError::Usage(format!(
            "{flag} shapes check's report and verdict, and eval writes neither: its exit code \
             comes from --min-precision and --min-recall\n  help: drop {flag}, or run `talklint check`"
        )));
    }
    // Every finding counts as a prediction: a config's baseline is not read.
    let mut check_args = args.check;
    check_args.no_baseline = true;
    let mut s = CheckSettings::new(check_args)?;
    // Met by the walk, the labels file is skipped, and no report may be written over it.
    s.scan.profiles.also_read(&args.labels, ReadAs::Labels);
    check::claim_reports(&mut s, output.as_deref())?;
    if let Some(path) = &output {
        refuse_inside(path, &scan::roots(&s.scan))?;
    }
    let mut digests = Vec::new();
    let mut files = Vec::new();
    for (format, path) in &s.extra_reports {
        files.push((*format, ReportFile::create(path)?));
    }
    let mut outputs = vec![Output {
        printer: Box::new(DigestPrinter {
            texts: show != Show::default(),
        }),
        writer: &mut digests,
    }];
    for (format, file) in &mut files {
        let options = PrinterOptions {
            color: false,
            ..s.printer
        };
        outputs.push(Output {
            printer: report::printer(*format, s.report_rules(), options),
            writer: file,
        });
    }
    // The files that could not be read, in whole or in part.
    let mut unread: HashSet<String> = HashSet::new();
    let mut on_error = |e: scan::Event| {
        if let scan::Event::Error(e) = e {
            super::stderr::file_error(e);
            unread.insert(e.path.clone());
        }
    };
    let totals = scan::scan(&s.scan, &s.engine, &s.rules, &mut outputs, &mut on_error)?;
    drop(outputs);
    for (_, file) in files {
        file.finish()?;
    }
    // A file read in part (a line it left out) is not scored: its turns after that line are
    // numbered without it, and its labels would meet other turns.
    let digests: Vec<Digest> = digests
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .filter_map(|l| serde_json::from_slice::<Digest>(l).ok())
        .filter(|d| !unread.contains(&d.path))
        .collect();
    let results = eval::score(&file, &labels, &digests, s.report_rules())
        .map_err(|e| CliError::Labels(e.to_string()))?;
    let below = results.below(args.min_precision, args.min_recall);
    let rendered = match format {
        OutputFormat::Json => render::json(&results, show, &below),
        _ => render::human(&results, show),
    };
    match &output {
        Some(path) => {
            let mut file = ReportFile::create(path)?;
            file.write_all(rendered.as_bytes())
                .map_err(CliError::WriteReport)?;
            file.finish()?;
        }
        None => super::print(&rendered)?,
    }
    for message in &below {
        super::stderr::line(&format!("error: {message}"));
    }
    Ok(if totals.errors > 0 {
        Outcome::Trouble
    } else if below.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// A `check` flag that would change nothing in `eval`: `--statistics` and `-q` always, and
/// `--fail-on` and `--min-score` unless an `--output-*` report carries their verdict.
fn checks_only(args: &EvalArgs) -> Option<&'static str> {
    let c = &args.check;
    let verdict_shown = !c.extra_reports().is_empty();
    [
        (c.statistics, "--statistics"),
        (c.quiet, "--quiet"),
        // Suppressed findings count for nothing; shown, they would count as predictions.
        (c.show_suppressed, "--show-suppressed"),
        // Findings a baseline holds would not count as predictions.
        (c.baseline.is_some(), "--baseline"),
        (c.fail_on.is_some() && !verdict_shown, "--fail-on"),
        (c.min_score.is_some() && !verdict_shown, "--min-score"),
        // eval's exit code is its precision and recall, never the findings'.
        (c.exit_zero, "--exit-zero"),
    ]
    .into_iter()
    .find_map(|(given, flag)| given.then_some(flag))
}

/// Refuses eval's own report (`-o`) inside a folder the run checks: no later run knows it for a
/// report of talklint's, so the next one would read it as a transcript.
fn refuse_inside(output: &Path, roots: &[PathBuf]) -> Result<(), CliError> {
    let Some(at) = check::resolved(output) else {
        return Ok(());
    };
    let folder = (roots.iter().filter(|r| !scan::is_stdin(r)))
        .find(|r| std::fs::canonicalize(r).is_ok_and(|c| c.is_dir() && at.starts_with(&c)));
    match folder.map(|f| scan::shown(f)) {
        Some(folder) => Err(CliError::Usage(format!(
            "{} is in {folder}, which this run checks: the next run would read eval's report \
             there as a transcript\n  help: name a file outside {folder} after -o",
            output.display()
        ))),
        None => Ok(()),
    }
}
