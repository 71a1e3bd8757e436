//! `talklint merge`'s flags: those of `check` that shape a report, over reports instead of
//! transcripts.

use super::super::values::{choice, thread_count};
use super::{COLOR_HELP, ColorChoice, CsvArgs, RuleArgs};
use crate::config::FailOn;
use crate::report::OutputFormat;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// JSON or JSONL reports of `talklint check` (of `--shard` runs or streams); `-` reads
    /// standard input.
    #[arg(value_name = "REPORT", required = true)]
    pub(crate) reports: Vec<String>,
    /// The rules the reports were made with (they name SARIF's rules and the HTML charts).
    #[command(flatten)]
    pub(crate) rule_args: RuleArgs,
    /// Output format.
    #[arg(short, long, default_value = "human", value_parser = choice(&OutputFormat::ALL, OutputFormat::name, OutputFormat::about))]
    pub(crate) format: OutputFormat,
    /// Write the report to FILE instead of standard output (`-`: standard output; folders FILE
    /// names that are not there are made).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Mask personal data in the merged report (as `check --redact`).
    #[arg(long)]
    pub(crate) redact: bool,
    /// Exit 1 when a finding at or above this level exists, as `check` would have. Default: the
    /// config's `fail_on`, else error.
    #[arg(long, value_parser = choice(&FailOn::ALL, FailOn::name, |_| ""))]
    pub(crate) fail_on: Option<FailOn>,
    /// Exit 0 even when findings or conversations fail, as `check --exit-zero`.
    #[arg(long)]
    pub(crate) exit_zero: bool,
    #[command(flatten)]
    pub(crate) csv: CsvArgs,
    /// After the report, print what `check --statistics` prints for the same conversations
    /// (to standard output with human output, else to standard error); reports hold no
    /// times, so not timing per agent.
    #[arg(long)]
    pub(crate) statistics: bool,
    /// Number of threads rendering the report (default, and 0: the number of cores; at most
    /// 1024).
    #[arg(short = 'j', long, value_name = "N", value_parser = thread_count)]
    pub(crate) threads: Option<usize>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, help = COLOR_HELP)]
    pub(crate) color: ColorChoice,
    /// Human output: print only findings and the score lines of conversations that fail, as
    /// `check -q` does: no summary.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}
