//! Reports: the model every format renders ([`model`], [`Summary`]), one printer type per output
//! format behind the [`Printer`] trait, and the other things talklint prints (rule listings,
//! `talklint test` results, `--statistics`).
//!
//! Conversations are rendered on the worker threads as they are scanned; the printer's document
//! frame (headers, separators, the summary) is written in input order by one thread.

mod agent_cells;
mod agents;
mod csv;
mod csv_dialect;
pub(crate) mod digest;
mod escape;
pub(crate) mod eval;
pub(crate) mod examples;
mod excerpt;
mod github;
mod html;
mod human;
mod human_summary;
mod json;
mod junit;
mod message;
mod model;
mod own;
mod rank;
#[cfg(test)]
mod robustness;
mod rule_ids;
pub(crate) mod rules;
mod sarif;
mod sarif_fingerprint;
mod sarif_snippet;
pub(crate) mod statistics;
mod summary;
mod suppressed_keys;
mod template;
mod unapplied;

use crate::rules::{RuleSet, Severity};
pub use csv_dialect::{CsvDelimiter, CsvDialect};
pub(crate) use human_summary::SKIPPED_NAMED;
pub(crate) use json::Document;
pub use message::Message;
pub use model::{Conversation, FileError, Finding, Skipped};
pub(crate) use model::{conversation, place_in};
pub(crate) use own::{is_own_report, is_text_report, opens_as_report};
use std::io::{self, Write};
pub use summary::Summary;

/// An output format; [`OutputFormat::about`] says what each is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
    /// One conversation object per line, then `{"summary": …}`.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML, for CI test tabs.
    Junit,
    /// CSV, one row per conversation (or per finding with `--csv-findings`).
    Csv,
    /// One self-contained HTML page: summary, charts, and every conversation.
    Html,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 8] = [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Sarif,
        OutputFormat::Github,
        OutputFormat::Junit,
        OutputFormat::Csv,
        OutputFormat::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Human => "human",
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Github => "github",
            OutputFormat::Junit => "junit",
            OutputFormat::Csv => "csv",
            OutputFormat::Html => "html",
        }
    }

    /// What the format is for, in a line.
    pub fn about(self) -> &'static str {
        match self {
            OutputFormat::Human => "rustc-style snippets with a caret under the matched words",
            OutputFormat::Json => {
                "One JSON document: summary, conversations with their findings, skipped files, errors"
            }
            OutputFormat::Jsonl => "One conversation object per line, then `{\"summary\": …}`",
            OutputFormat::Sarif => "SARIF 2.1.0, for code scanning",
            OutputFormat::Github => "GitHub Actions annotations",
            OutputFormat::Junit => "JUnit XML, for CI test tabs",
            OutputFormat::Csv => {
                "CSV, one row per conversation (or per finding with `--csv-findings`)"
            }
            OutputFormat::Html => {
                "One self-contained HTML page: summary, charts, and every conversation"
            }
        }
    }
}

/// What a printer is asked to do besides its format.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrinterOptions {
    /// Colour terminal output.
    pub color: bool,
    /// Human output: only findings, no score lines and no summary.
    pub quiet: bool,
    /// CSV: one row per finding instead of per conversation.
    pub csv_findings: bool,
    /// CSV: the delimiter, and whether a byte order mark opens the file.
    pub csv: CsvDialect,
    /// JUnit: problems at or above this level fail a test case (failed conversations always do).
    pub fail_at: Option<Severity>,
}

/// One output format's writer. Conversations are rendered by [`Printer::conversation`] on the
/// worker threads; everything else is written in input order by the thread that owns the output.
pub trait Printer: Send + Sync {
    /// Writes what comes before the first conversation.
    fn start(&self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Renders one conversation.
    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>);

    /// What to write for one rendered conversation, in order: a separator and the rendering
    /// (either may be empty); `index` counts conversations written so far.
    fn parts<'r>(&self, rendered: &'r [u8], _index: usize) -> [&'r [u8]; 2] {
        [b"", rendered]
    }

    /// What to write for one rendered conversation, in order: its [`Printer::parts`], or bytes
    /// of its own when what it writes depends on the conversations before it (CSV names each
    /// agent as first written in the run, which a worker thread cannot know).
    fn in_order<'r>(&self, rendered: &'r [u8], index: usize) -> InOrder<'r> {
        InOrder::Parts(self.parts(rendered, index))
    }

    /// Writes a skipped file or a file error as it happens (line formats only).
    fn event(
        &self,
        _w: &mut dyn Write,
        _skipped: Option<&Skipped>,
        _error: Option<&FileError>,
    ) -> io::Result<()> {
        Ok(())
    }

    /// Writes what comes after the last conversation.
    fn finish(&self, _w: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }

    /// Printers with the same key render a conversation to the same bytes (JSON and JSONL share
    /// their conversation objects), so that one rendering serves them all.
    fn rendering_key(&self) -> Option<&'static str> {
        None
    }
}

/// A rendered conversation as it is written ([`Printer::in_order`]).
pub enum InOrder<'r> {
    /// Parts of the rendering (a separator, the rendering), written as they are.
    Parts([&'r [u8]; 2]),
    /// The rendering made anew.
    Rewritten(Vec<u8>),
}

/// What a scan found besides its conversations, for the end of a report.
#[derive(Debug, Clone, Copy)]
pub struct Totals<'a> {
    pub summary: &'a Summary,
    pub skipped: &'a [Skipped],
    pub errors: &'a [FileError],
}

/// The printer of `format` for the loaded `rules`.
pub fn printer(format: OutputFormat, rules: &RuleSet, opts: PrinterOptions) -> Box<dyn Printer> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(rules, opts)),
        OutputFormat::Json => Box::new(json::Json::new(rules)),
        OutputFormat::Jsonl => Box::new(json::Jsonl::new(rules)),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(rules)),
        OutputFormat::Github => Box::new(github::Github::new(rules)),
        OutputFormat::Junit => Box::new(junit::Junit::new(rules, opts)),
        OutputFormat::Csv => Box::new(csv::Csv::new(rules, opts)),
        OutputFormat::Html => Box::new(html::Html::new(rules)),
    }
}

/// The printer of a run whose report is not shown (`--diff`, which prints diffs instead): it
/// renders nothing, where rendering a report to throw away took most of such a run's time.
pub(crate) struct Unshown;

impl Printer for Unshown {
    fn conversation(&self, _: &Conversation, _: &str, _: &mut Vec<u8>) {}
}

/// A count and its noun: `1 rule`, `2 rules`, `0 info`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// By rule index: whether a hit of the rule fails a conversation whatever its score.
fn auto_fail(rules: &RuleSet) -> Vec<bool> {
    rules.rules.iter().map(|r| r.auto_fail).collect()
}

/// Why a failed conversation failed, as the human and JUnit reports say it: the auto-fail rules
/// that hit (`auto_fail` by rule index), and the score it needed when it fell short
/// (`["auto-fail ownership/closed-door, respect/calm-down", "70 needed"]`).
fn why_failed(c: &Conversation, auto_fail: &[bool]) -> Vec<String> {
    let mut failing: Vec<&str> = Vec::new();
    let hit = |f: &&Finding| f.is_problem() && auto_fail.get(f.rule_index) == Some(&true);
    for f in c.findings.iter().filter(hit) {
        if !failing.contains(&f.rule) {
            failing.push(f.rule);
        }
    }
    let mut why: Vec<String> = Vec::new();
    if !failing.is_empty() {
        why.push(format!("auto-fail {}", failing.join(", ")));
    }
    if let Some(needed) = c.needed {
        why.push(format!("{needed} needed"));
    }
    why
}

/// A failed conversation's score and why, as GitHub annotations and SARIF say it: `score 58
/// (FAIL: auto-fail ownership/closed-door; 70 needed)`.
fn failed_score(c: &Conversation, auto_fail: &[bool]) -> String {
    let why = why_failed(c, auto_fail).join("; ");
    let sep = if why.is_empty() { "" } else { ": " };
    format!("score {} (FAIL{sep}{why})", c.score)
}

/// What a report that would show a passed conversation with no agent turn as a pass says of it
/// (JUnit's skipped case, a GitHub notice, a SARIF note): no agent's words were judged.
fn unjudged(c: &Conversation) -> Option<&'static str> {
    (c.no_agent_turn && c.passed).then_some("no agent turn: no agent's words were judged")
}

/// Whether a conversation fails at `fail_at`: not passed, or a problem at or above it.
fn fails(c: &Conversation, fail_at: Option<Severity>) -> bool {
    !c.passed
        || c.findings
            .iter()
            .any(|f| f.is_problem() && fail_at.is_some_and(|at| f.severity >= at))
}
