//! `talklint merge`: load the rules the reports were made with, merge the reports into one, and
//! judge it as `check` would have judged one run over all their files (SPEC §10).

use super::args::MergeArgs;
use super::check::{judge, print_statistics, refuse_inputs};
use super::report_file::ReportFile;
use super::rule_set::rules;
use super::settings::{color, csv_dialect, csv_flags_fit, redactor, threads};
use super::{CliError, Outcome};
use crate::config::FailOn;
use crate::file_node::pipe;
use crate::merge::{self, Layout, MergeError};
use crate::report::{self, OutputFormat, PrinterOptions};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub(super) fn run(args: MergeArgs) -> Result<Outcome, CliError> {
    csv_flags_fit(&args.csv, [args.format].into_iter())?;
    let (cfg, rules) = rules(&args.rule_args)?;
    let fail_on = args.fail_on.or(cfg.config.fail_on).unwrap_or(FailOn::Error);
    let opts = PrinterOptions {
        color: color(
            args.color,
            args.format,
            args.output.as_deref(),
            std::io::stdout().is_terminal(),
        ),
        quiet: args.quiet,
        csv_findings: args.csv.csv_findings,
        csv: csv_dialect(&args.csv, &cfg.config),
        fail_at: fail_on.threshold(),
    };
    if let Some(w) = super::output_name::mismatch(args.format, args.output.as_deref()) {
        super::stderr::warning(&w);
    }
    let printer = report::printer(args.format, &rules, opts);
    let outputs: Vec<_> = args.output.iter().cloned().collect();
    let inputs: Vec<PathBuf> = args.reports.iter().map(PathBuf::from).collect();
    refuse_inputs(&outputs, &inputs)?;
    let mut file = args.output.as_deref().map(ReportFile::create).transpose()?;
    let mut stdout = super::stdout::buffered();
    let w: &mut dyn Write = match file.as_mut() {
        Some(f) => f,
        None => &mut stdout,
    };
    let threads = threads(args.threads);
    let layout = match args.format {
        OutputFormat::Human => Layout::Snippets,
        _ => Layout::Turns,
    };
    let redactor = redactor(args.redact, &cfg)?;
    let how = (&*printer, layout, redactor.as_ref());
    // Standard input named twice is one report, as `check` reads a path named twice once; so
    // is a pipe named twice by a path (`<(…)`, a FIFO), which a second read would wait on
    // forever.
    let mut stdin_named = false;
    let mut pipes = std::collections::HashSet::new();
    let reports: Vec<String> = (args.reports.iter())
        .filter(|r| match r.as_str() {
            "-" => !std::mem::replace(&mut stdin_named, true),
            path => pipe(Path::new(path)).is_none_or(|pipe| pipes.insert(pipe)),
        })
        .cloned()
        .collect();
    // Even with `-q`: a file that was not checked is never silent, as in `check`.
    let mut on_error = |e: &report::FileError| super::stderr::file_error(e);
    match merge::merge(&reports, &rules, how, (w, &mut on_error), threads) {
        Ok(merge::Merged {
            totals,
            missing_shards,
        }) => {
            file.map(ReportFile::finish).transpose()?;
            if let Some(w) = missing_shards {
                super::stderr::warning(&w);
            }
            if args.statistics {
                let after = (args.format, args.output.is_some());
                if !totals.stats.agents.is_empty() {
                    super::stderr::line(
                        "note: reports hold no times, so a merge has no \"Timing per agent\": \
                         run `check --statistics` over the transcripts for it",
                    );
                }
                print_statistics(after, &totals, &rules)?;
            }
            Ok(judge(&totals, fail_on, args.exit_zero))
        }
        Err(MergeError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::Clean),
        // Said as `check` says it: a standard output open for reading only, in words.
        Err(MergeError::Write(e)) => Err(CliError::WriteReport(e)),
        Err(e) => Err(e.into()),
    }
}
