//! Command-line arguments as clap parses them (SPEC §1); [`super::settings`] turns them into
//! settings; [`super::parse`] reads the command line into them.

use super::values::{InputFormat, choice, fraction, input_formats, score_bar, thread_count};
use crate::byte_size::ByteSize;
use crate::config::{DateOrder, DefaultRole, FailOn};
use crate::report::OutputFormat;
use crate::scan::Shard;
use crate::schemas::Subject;
use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod csv;
mod merge;
pub(crate) use self::csv::CsvArgs;
pub(crate) use self::merge::MergeArgs;

#[derive(Debug, Parser)]
#[command(
    name = "talklint",
    version,
    about = "Lints customer conversations: flags forbidden agent language, rewards empathy and ownership, scores every call and chat.",
    // `check` is the default command (SPEC §1: `talklint [check] [PATH ...]`).
    override_usage = "talklint [check] [OPTIONS] [PATH]...\n       talklint <COMMAND>",
    after_help = "Without a command, talklint checks: `talklint calls/` is `talklint check calls/` \
                  (`talklint check --help` lists its options)."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check transcripts (the default command).
    Check(Box<CheckArgs>),
    /// Run the examples embedded in rules; exit 0 when all pass, 1 when any fails.
    Test(TestArgs),
    /// List the loaded rules, or show one (also as `talklint rule ID`, as ruff says it, and
    /// `talklint explain ID`).
    #[command(alias = "rule", alias = "explain")]
    Rules(RulesArgs),
    /// Write a starter talklint.yaml in the current folder.
    Init,
    /// Measure the rules against labels: precision, recall and F1 per selector.
    Eval(Box<EvalArgs>),
    /// Merge the JSON or JSONL reports of shards or streams into one report.
    Merge(MergeArgs),
    /// Print AWS Call Analytics categories and Google CCAI phrase matchers (JSON) as a YAML
    /// rule file.
    Import(ImportArgs),
    /// Print a shell completion script: `talklint completions bash > /etc/bash_completion.d/talklint`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): `talklint man > talklint.1`, or a command's:
    /// `talklint man check > talklint-check.1`.
    Man {
        /// The command whose page to print (the page of every command's options).
        #[arg(value_parser = PossibleValuesParser::new(MAN_PAGES))]
        command: Option<String>,
    },
    /// Print the JSON Schema of rule files, the config or the JSON report (as in `schemas/`).
    Schema {
        #[arg(value_parser = choice(&Subject::ALL, Subject::name, Subject::about))]
        subject: Subject,
    },
}

/// The commands with a man page of their own (`talklint man COMMAND`): every command shown.
pub(crate) const MAN_PAGES: [&str; 10] = [
    "check",
    "test",
    "rules",
    "init",
    "eval",
    "merge",
    "import",
    "completions",
    "man",
    "schema",
];

/// Where the config comes from (shared by every command that loads rules).
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct ConfigArgs {
    /// Use this config file for every file, instead of each file's nearest talklint.yaml.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any talklint.yaml.
    #[arg(long, conflicts_with = "config")]
    pub(crate) no_config: bool,
}

/// Where rules and config come from (shared by check and rules).
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct RuleArgs {
    /// A rule file, a folder of *.yaml/*.yml files, or `default` for the built-in pack
    /// (repeatable: `-r default -r mine.yaml` adds rules to it). Default: the config's rules,
    /// else the built-in pack.
    #[arg(short = 'r', long = "rules", value_name = "PATH")]
    pub(crate) rules: Vec<PathBuf>,
    /// A cloud category or matcher (a *.json rule file) that needs a model, an AWS
    /// SentimentFilter or a CCAI semantic match, is an error instead of being left out with a
    /// warning.
    #[arg(long)]
    pub(crate) strict_import: bool,
    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    // Paths, not text: a name that is no UTF-8 is checked as any other.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) rule_args: RuleArgs,
    /// Output format.
    #[arg(short, long, default_value = "human", value_parser = choice(&OutputFormat::ALL, OutputFormat::name, OutputFormat::about))]
    pub(crate) format: OutputFormat,
    /// Also write a JSON report to FILE (any of the --output-FORMAT flags may be combined with
    /// --format, so one run can print and archive).
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_json: Option<PathBuf>,
    /// Also write a JSONL report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_jsonl: Option<PathBuf>,
    /// Also write a SARIF report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_sarif: Option<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_junit: Option<PathBuf>,
    /// Also write a CSV report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_csv: Option<PathBuf>,
    /// Also write an HTML report to FILE.
    #[arg(long, value_name = "FILE", help_heading = "Extra reports")]
    pub(crate) output_html: Option<PathBuf>,
    /// After the report, print problems, rewards and tags per rule and per category, mean score
    /// per agent and the score distribution (to standard output after a human report there, else
    /// to standard error: a report in another format or written with -o keeps its file to
    /// itself).
    #[arg(long)]
    pub(crate) statistics: bool,
    #[command(flatten)]
    pub(crate) csv: CsvArgs,
    /// Write the report to FILE instead of standard output (`-`: standard output; folders FILE
    /// names that are not there are made).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level exists (never: no finding does, while a
    /// failed conversation still does; --exit-zero for neither). Default: the config's
    /// `fail_on`, else error.
    #[arg(long, value_parser = choice(&FailOn::ALL, FailOn::name, |_| ""))]
    pub(crate) fail_on: Option<FailOn>,
    /// A conversation scoring below N (0 to 100) fails.
    #[arg(long, value_name = "N", allow_negative_numbers = true,
          value_parser = score_bar)]
    pub(crate) min_score: Option<i32>,
    /// Exit 0 even when findings or conversations fail, as ruff's `--exit-zero` (2 still means
    /// errors).
    #[arg(long)]
    pub(crate) exit_zero: bool,
    /// Check only shard K of N (1-based): the files whose path hashes to it (FNV-1a 64 of the
    /// normalised path, mod N). The N shards partition the files; `talklint merge` joins their
    /// reports.
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<Shard>,
    /// Number of worker threads (default, and 0: the number of cores; at most 1024).
    #[arg(short = 'j', long, value_name = "N", value_parser = thread_count)]
    pub(crate) threads: Option<usize>,
    /// Only read files matching GLOB (repeatable); matched files are read whatever their extension.
    #[arg(long, value_name = "GLOB")]
    pub(crate) include: Vec<String>,
    /// Skip files and folders matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
    /// Leave out files named on the command line (and standard input's --stdin-filename) that
    /// --exclude, a config's exclude or an ignore file the walk honours matches, listing them as
    /// skipped; as ruff's --force-exclude, for pre-commit hooks and other tools that pass file
    /// names.
    #[arg(long)]
    pub(crate) force_exclude: bool,
    /// Honour no ignore files: neither `.gitignore` (nor git's other excludes), `.ignore` nor
    /// `.talklintignore`. Hidden files stay skipped.
    #[arg(long)]
    pub(crate) no_ignore: bool,
    /// Input format; `auto` detects it from the extension and content, `json` detects the JSON
    /// shape from its keys, a named shape reads every file as that shape.
    #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = input_formats())]
    pub(crate) input_format: InputFormat,
    /// Role of text that names no speaker (scripts, canned replies). Default: the config's
    /// `default_role`, else agent.
    #[arg(long, value_enum)]
    pub(crate) default_role: Option<DefaultRole>,
    /// Which number of a CSV or text file's slash dates (`6/1/2024`) is the day, where the file's own
    /// dates do not show it by a day past 12. Default: the config's `date_order`; else a file
    /// whose dates are all of one day reads them day first, and any other has its times left
    /// out, with a warning.
    #[arg(long, value_enum)]
    pub(crate) date_order: Option<DateOrder>,
    /// Name standard input in reports (and detect its format from this name); with no paths
    /// given, standard input is read.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub(crate) stdin_filename: Option<String>,
    /// Skip inputs larger than this many bytes (or K, M, G: `10M`): files (by their size,
    /// unread), standard input, and each line or conversation of a stream. Never more than 4 GiB.
    /// Default: the config's `max_filesize`, else 100M.
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_filesize: Option<ByteSize>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, help = COLOR_HELP)]
    pub(crate) color: ColorChoice,
    /// Never draw the progress line (it is drawn only on a terminal, for large scans, outside CI).
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Print only findings and the score lines of conversations that fail: no summary (file
    /// errors still go to stderr).
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Also report the findings that talklint directives or per_path_disable suppressed,
    /// marked as suppressed (they still count for nothing).
    #[arg(long)]
    pub(crate) show_suppressed: bool,
    /// Warn about talklint directives that suppressed nothing.
    #[arg(long)]
    pub(crate) warn_unused_ignores: bool,
    /// Let talklint directives suppress nothing, as in transcripts whose text others typed (a
    /// customer can write `<!-- talklint: disable -->` in a chat), and warn of none; they are
    /// still left out of the spoken text.
    #[arg(long)]
    pub(crate) ignore_directives: bool,
    /// Do not count the findings of an earlier JSON or JSONL report (`talklint check
    /// --no-baseline --exit-zero -f json -o FILE PATHS`), known by file, conversation, rule and
    /// matched words: only new findings count.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Count every finding, whatever baseline the config names (`baseline:`): to make it again.
    #[arg(long, conflicts_with = "baseline")]
    pub(crate) no_baseline: bool,
    /// Mask personal data (cards, e-mails, phones, SSNs, Spanish DNI and NIE numbers, IBANs,
    /// `redact_patterns`) in every report; rules still match the original text.
    #[arg(long)]
    pub(crate) redact: bool,
    /// Rewrite the matches of rules with `replace:` in text and Markdown files, in place; say
    /// what changed, then report what remains. Standard input (`-`) is written back out, fixed,
    /// on standard output, and the report goes to standard error.
    #[arg(long, conflicts_with = "diff")]
    pub(crate) fix: bool,
    /// Print the fixes `--fix` would make as a unified diff instead of a report; change
    /// nothing; exit 1 when `--fix` would change a file.
    #[arg(long, conflicts_with_all = ["format", "csv_findings", "csv_delimiter", "csv_bom", "output", "output_json", "output_jsonl", "output_sarif", "output_junit", "output_csv", "output_html", "statistics"])]
    pub(crate) diff: bool,
}

/// `eval` takes `check`'s flags, and its help lists only those eval uses: the flags it refuses
/// (each with its reason, in `eval.rs`) still parse but are hidden, `--format` offers eval's two
/// formats, and the verdict flags say they need a report.
#[derive(Debug, Args)]
#[command(
    mut_arg("format", |a| a
        .help("Output format")
        .value_parser(choice(&EVAL_FORMATS, OutputFormat::name, eval_format_about))),
    mut_arg("fail_on", |a| a.help(
        "With an --output-* report: a finding at or above this level fails its verdict \
         (eval's exit code comes from --min-precision and --min-recall)")),
    mut_arg("min_score", |a| a.help(
        "With an --output-* report: a conversation scoring below N (0 to 100) fails its verdict")),
    mut_arg("output", |a| a.help("Write the scores to FILE instead of standard output")),
    mut_arg("csv_findings", |a| a.help(
        "With --output-csv: one row per finding instead of one per conversation")),
    mut_arg("statistics", |a| a.hide(true)),
    mut_arg("quiet", |a| a.hide(true)),
    mut_arg("show_suppressed", |a| a.hide(true)),
    mut_arg("baseline", |a| a.hide(true)),
    mut_arg("no_baseline", |a| a.hide(true)),
    mut_arg("shard", |a| a.hide(true)),
    mut_arg("exit_zero", |a| a.hide(true)),
    mut_arg("fix", |a| a.hide(true)),
    mut_arg("diff", |a| a.hide(true)),
)]
pub(crate) struct EvalArgs {
    /// A CSV or TSV file: `path`, optional `turn` and `id`, then one column per selector (a rule
    /// id, a category, `category/*`, optionally `:forbid`, `:reward`, `:require` or `:tag`).
    #[arg(long, value_name = "FILE")]
    pub(crate) labels: PathBuf,
    /// List the misses: `fp` (predicted, not labelled), `fn` (labelled, not predicted), or both.
    #[arg(long, value_delimiter = ',', value_name = "fp,fn")]
    pub(crate) show: Vec<String>,
    /// Exit 1 when a selector's precision is below P (0 to 1).
    #[arg(long, value_name = "P", value_parser = fraction, allow_negative_numbers = true)]
    pub(crate) min_precision: Option<f64>,
    /// Exit 1 when a selector's recall is below R (0 to 1).
    #[arg(long, value_name = "R", value_parser = fraction, allow_negative_numbers = true)]
    pub(crate) min_recall: Option<f64>,
    #[command(flatten)]
    pub(crate) check: CheckArgs,
}

/// The formats `eval` writes.
const EVAL_FORMATS: [OutputFormat; 2] = [OutputFormat::Human, OutputFormat::Json];

/// What each of eval's formats holds.
fn eval_format_about(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Json => "One JSON document: the scores, and the misses --show asks for",
        _ => "A table of precision, recall and F1 per selector, then the misses --show asks for",
    }
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// JSON files of AWS categories or CCAI phrase matchers.
    #[arg(value_name = "FILE", required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// A category that needs a model is an error instead of being left out with a warning.
    #[arg(long)]
    pub(crate) strict_import: bool,
    #[command(flatten)]
    pub(crate) config: ConfigArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Rule files or folders to test. Default: the configured rules, else the built-in pack.
    #[arg(value_name = "RULE_PATH")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) config: ConfigArgs,
    /// Fail (exit 1) when a rule has no examples.
    #[arg(long)]
    pub(crate) require_examples: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Show only this rule, or list a category's rules (`ownership`, `ownership/*`).
    pub(crate) id: Option<String>,
    #[command(flatten)]
    pub(crate) rule_args: RuleArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = RulesFormat::Human)]
    pub(crate) format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    Human,
    Json,
    /// The rule reference docs.
    Markdown,
    /// Every word sequence the rules' phrases expand to, one per line: rule id, where the phrase
    /// is (`phrase`, `unless`, `near`…), then the canonical words (`*` is any one word, `$` the
    /// end of a sentence); the first 20,000 of a phrase of more, with a warning.
    Phrases,
}

/// `--color`'s help, for `check` and `merge`.
pub(super) const COLOR_HELP: &str = "When to colour output (auto: on a terminal, unless NO_COLOR \
    is set and not empty or TERM is dumb; CLICOLOR_FORCE or FORCE_COLOR colours it anywhere)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl CheckArgs {
    /// The extra report files asked for, with their formats.
    pub(crate) fn extra_reports(&self) -> Vec<(OutputFormat, PathBuf)> {
        [
            (OutputFormat::Json, &self.output_json),
            (OutputFormat::Jsonl, &self.output_jsonl),
            (OutputFormat::Sarif, &self.output_sarif),
            (OutputFormat::Junit, &self.output_junit),
            (OutputFormat::Csv, &self.output_csv),
            (OutputFormat::Html, &self.output_html),
        ]
        .into_iter()
        .filter_map(|(f, p)| p.clone().map(|p| (f, super::output_name::settled(p))))
        .collect()
    }
}
