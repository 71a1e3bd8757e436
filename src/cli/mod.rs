//! The command line: arguments ([`args`], the only place that knows clap), one step from
//! arguments and config to settings ([`settings`]), and one file per command. Library code never
//! prints; this module turns outcomes and errors into output and exit codes.

mod args;
mod baseline_warnings;
mod broken_config;
mod check;
mod config_baseline;
mod engines;
mod eval;
mod fix_stdin;
mod from_cwd;
mod generate;
mod globs;
mod import;
mod init;
mod merge;
mod output_name;
mod parse;
mod profiles;
mod report_file;
mod rule_set;
mod rules;
mod settings;
mod stderr;
mod stdout;
mod test;
mod values;

use crate::config::ConfigError;
use crate::engine::EngineError;
use crate::merge::MergeError;
use crate::rules::RuleError;
use args::Command;
use std::ffi::OsString;
use std::io;
use std::process::ExitCode;

/// How a command ended, as its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Nothing at or above `--fail-on`, no failed conversation.
    Clean = 0,
    /// Findings or failed conversations (or failed rule examples).
    Findings = 1,
    /// Usage, config, rule or input errors.
    Trouble = 2,
}

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Errors in the rules a command loads: `check`, `eval`, `test` and `rules` alike.
    #[error("{}", rule_errors(.0, "no rule was loaded"))]
    Rules(Vec<RuleError>),
    /// Errors in the files given to `talklint import`.
    #[error("{}", rule_errors(.0, "nothing was imported"))]
    Import(Vec<RuleError>),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Baseline(#[from] crate::baseline::BaselineError),
    #[error("{place}bad glob `{pattern}`: {}\n  help: {GLOB_HELP}", .source.kind())]
    Glob {
        /// `FILE:LINE:COLUMN: ` for a config's glob; empty for a flag's.
        place: String,
        pattern: String,
        source: globset::Error,
    },
    #[error("cannot create {path}: {source}{}", create_help(.source))]
    CreateReport { path: String, source: io::Error },
    #[error(
        "{0} is also an input: writing the report there would erase it before it is read\n  help: name another file after -o or --output-*"
    )]
    ReportIsInput(String),
    #[error(
        "{report} is a file in {folder}, which this run checks, and no report of talklint's: writing the report there would erase it\n  help: name a file outside {folder} after -o or --output-*, or remove this one"
    )]
    ReportOverInput { report: String, folder: String },
    #[error(
        "{0} is named for two reports: the second would replace the first\n  help: give each of -o and --output-* a file of its own"
    )]
    ReportNamedTwice(String),
    #[error("cannot write the report: {}", stdout::failure(.0))]
    WriteReport(io::Error),
    #[error("{0}\n  help: run fewer threads (`-j 1`), or raise the limit on processes or memory")]
    Threads(crate::scan::ThreadsError),
    #[error("cannot write the diff: {}", stdout::failure(.0))]
    WriteDiff(io::Error),
    #[error("cannot write standard input's text: {}", stdout::failure(.0))]
    WriteText(io::Error),
    #[error("cannot read standard input: {0}")]
    ReadStdin(io::Error),
    #[error(
        "an output was closed before the scan ended (standard output, or a report's pipe), so the report files were not written (last run's are as they were)\n  help: read all of the output, or send it to /dev/null"
    )]
    StdoutClosed,
    #[error("cannot write the statistics: {0}")]
    WriteStatistics(io::Error),
    #[error(
        "no rule is left to check with (its rule files hold none, or `disable` turns off all they load: the warnings say which), so nothing could be found\n  help: load files that hold rules (`default` is the built-in pack), or turn back on the ones `disable` turns off; to leave a folder's files unchecked, `exclude` them"
    )]
    NoRules,
    #[error("no loaded rule has id `{id}`{suggestion}; `talklint rules` lists them")]
    NoSuchRule { id: String, suggestion: String },
    #[error("{0} already exists; remove it first to start over")]
    ConfigExists(String),
    #[error("cannot write {path}: {source}")]
    WriteConfig { path: String, source: io::Error },
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{0}")]
    Labels(String),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// A scan that stopped: the pool's threads did not start, or a report could not be written.
impl From<crate::scan::ScanError> for CliError {
    fn from(e: crate::scan::ScanError) -> CliError {
        match e {
            crate::scan::ScanError::Threads(e) => CliError::Threads(e),
            crate::scan::ScanError::Write(e) => CliError::WriteReport(e),
        }
    }
}

/// Writes `text` to standard output: a closed pipe is a quiet end (as `check`'s), any other
/// failed write (a full disk, `/dev/full`) an error, so that a lost listing never exits 0.
pub(super) fn print(text: &str) -> Result<(), CliError> {
    stdout::Stdout::print(text.as_bytes(), CliError::WriteReport)
}

/// How to write a glob, after a bad one.
const GLOB_HELP: &str = "write globs as in .gitignore (`*`, `**`, `?`, `[abc]`, `{a,b}`); put a \
                         `[`, `{` or `}` that stands for itself in brackets: `[[]`";

/// The help line of a report that could not be created, where the cause says what to do.
fn create_help(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::IsADirectory => {
            "\n  help: name a file for the report, not a folder (`reports/talklint.json`)"
        }
        io::ErrorKind::NotADirectory => {
            "\n  help: name a file, not a folder (a path that ends in `/`): `reports/talklint.json`"
        }
        io::ErrorKind::PermissionDenied => {
            "\n  help: name a file in a folder you may write to, or change its permissions"
        }
        _ => "",
    }
}

/// Every rule error, one `error:` each (the first one's prefix is the caller's), then a count
/// and what that `means`.
fn rule_errors(errors: &[RuleError], means: &str) -> String {
    let mut text = String::new();
    for (i, e) in errors.iter().enumerate() {
        if i > 0 {
            text.push_str("\nerror: ");
        }
        text.push_str(&e.to_string());
    }
    let n = errors.len();
    let plural = if n == 1 { "" } else { "s" };
    text.push_str(&format!("\n{n} rule error{plural}; {means}."));
    text
}

/// Runs the talklint command line on `args` (the program name first) and gives its exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = parse::parse_args(args);
    // The commands that write reports or fixed transcripts beside their paths.
    if matches!(
        cli.command,
        Command::Check(_) | Command::Eval(_) | Command::Merge(_)
    ) {
        crate::interrupt::watch();
    }
    let outcome = match cli.command {
        Command::Check(mut args) => {
            args.output = output_name::unless_dash(args.output);
            check::run(*args)
        }
        Command::Test(args) => test::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Init => init::run(),
        Command::Eval(mut args) => {
            args.check.output = output_name::unless_dash(args.check.output);
            eval::run(*args)
        }
        Command::Merge(mut args) => {
            args.output = output_name::unless_dash(args.output);
            merge::run(args)
        }
        Command::Import(args) => import::run(args),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man { command } => generate::man(command.as_deref()),
        Command::Schema { subject } => print(&subject.json()).map(|()| Outcome::Clean),
    };
    ExitCode::from(match outcome {
        Ok(outcome) => outcome as u8,
        Err(e) => {
            stderr::line(&format!("error: {e}"));
            Outcome::Trouble as u8
        }
    })
}
