//! Command-line arguments (SPEC §1). `check` is the default subcommand: `talklint calls/` means
//! `talklint check calls/`.

use crate::report::OutputFormat;
use crate::rules::Severity;
use crate::transcript::{Format, Role};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "talklint",
    version,
    about = "Lints customer conversations: flags forbidden agent language, rewards empathy and ownership, scores every call and chat."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check transcripts (the default command).
    Check(Box<CheckArgs>),
    /// Run the examples embedded in rules; exit 0 when all pass, 1 when any fails.
    Test(TestArgs),
    /// List the loaded rules, or show one.
    Rules(RulesArgs),
    /// Write a starter talklint.yaml in the current folder.
    Init,
}

/// Where rules and config come from (shared by check, test and rules).
#[derive(Debug, Args, Clone, Default)]
pub struct RuleArgs {
    /// A rule file or a folder of *.yaml/*.yml files (repeatable). Default: the config's rules,
    /// else the built-in pack.
    #[arg(short = 'r', long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Use this config file instead of the nearest talklint.yaml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any talklint.yaml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Also write a JSON report to FILE (any of the --output-FORMAT flags may be combined with
    /// --format, so one run can print and archive).
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_json: Option<PathBuf>,
    /// Also write a JSONL report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_jsonl: Option<PathBuf>,
    /// Also write a SARIF report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_sarif: Option<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_junit: Option<PathBuf>,
    /// Also write a CSV report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_csv: Option<PathBuf>,
    /// Also write an HTML report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub output_html: Option<PathBuf>,
    /// After the report, print findings per rule and per category, mean score per agent and the
    /// score distribution (to standard output with human output, else to standard error).
    #[arg(long)]
    pub statistics: bool,
    /// With --format csv: one row per finding instead of one per conversation.
    #[arg(long)]
    pub csv_findings: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level exists.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// A conversation scoring below N fails.
    #[arg(long, value_name = "N")]
    pub min_score: Option<i32>,
    /// Number of worker threads (default: the number of cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Only read files matching GLOB (repeatable); matched files are read whatever their extension.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files and folders matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Input format; `auto` detects it from the extension and content, `json` detects the JSON
    /// shape from its keys, a named shape reads every file as that shape.
    #[arg(long, value_enum, default_value_t = InputFormat::AUTO)]
    pub input_format: InputFormat,
    /// Role of text that names no speaker (scripts, canned replies).
    #[arg(long, value_enum)]
    pub default_role: Option<DefaultRole>,
    /// Name standard input in reports (and detect its format from this name).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES")]
    pub max_filesize: Option<u64>,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Never draw the progress line (it is drawn only on a terminal, for large scans, outside CI).
    #[arg(long)]
    pub no_progress: bool,
    /// Print only findings: no score lines, no summary, no file errors on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule files or folders to test. Default: the configured rules, else the built-in pack.
    #[arg(value_name = "RULE_PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Show only this rule.
    pub id: Option<String>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    #[arg(short, long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    /// The rule reference docs.
    Markdown,
    /// Every word sequence the rules' phrases expand to, one per line: rule id, `phrase` or
    /// `unless`, then the canonical words (`*` is any one word, `$` the end of a sentence).
    Phrases,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// Whether a problem of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        self.threshold().is_some_and(|at| severity >= at)
    }
}

/// `--input-format`: `auto`, or one of the transcript formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputFormat(pub Option<Format>);

impl InputFormat {
    pub const AUTO: InputFormat = InputFormat(None);
}

impl ValueEnum for InputFormat {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::OnceLock<Vec<InputFormat>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            std::iter::once(InputFormat::AUTO)
                .chain(
                    Format::value_variants()
                        .iter()
                        .map(|&f| InputFormat(Some(f))),
                )
                .collect()
        })
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self.0 {
            None => Some(
                clap::builder::PossibleValue::new("auto")
                    .help("Detect from the extension and content (JSON by its keys)"),
            ),
            Some(f) => f.to_possible_value(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DefaultRole {
    Agent,
    Customer,
    Any,
}

impl DefaultRole {
    pub fn role(self) -> Role {
        match self {
            DefaultRole::Agent => Role::Agent,
            DefaultRole::Customer => Role::Customer,
            DefaultRole::Any => Role::Any,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parses arguments, inserting `check` when no subcommand is named.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> Cli {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let named = ["check", "test", "rules", "init", "help"].contains(&first)
        || ["-h", "--help", "-V", "--version"].contains(&first);
    if !named {
        args.insert(1.min(args.len()), "check".into());
    }
    Cli::parse_from(args)
}

impl CheckArgs {
    /// The extra report files asked for, with their formats.
    pub fn extra_reports(&self) -> Vec<(OutputFormat, PathBuf)> {
        [
            (OutputFormat::Json, &self.output_json),
            (OutputFormat::Jsonl, &self.output_jsonl),
            (OutputFormat::Sarif, &self.output_sarif),
            (OutputFormat::Junit, &self.output_junit),
            (OutputFormat::Csv, &self.output_csv),
            (OutputFormat::Html, &self.output_html),
        ]
        .into_iter()
        .filter_map(|(f, p)| p.clone().map(|p| (f, p)))
        .collect()
    }
}
