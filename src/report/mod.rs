//! The report model every output format renders (one shape, many printers), and the choice of
//! printer. Conversations are rendered on the worker threads as they are scanned; the printer's
//! document frame (headers, separators, the summary) is written in input order by one thread.

pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;
mod summary;

use crate::eval::Evaluation;
use crate::rules::{Kind, RuleSet, Severity};
use crate::text::lines::LineCursor;
use crate::transcript::{Role, Transcript};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};
pub use summary::{Counts, Summary};

/// One finding, as every report shows it. Borrows from the rules and the source text: a report
/// is rendered where it is made.
#[derive(Debug, Clone, Serialize)]
pub struct Finding<'a> {
    pub rule: &'a str,
    pub kind: Kind,
    pub severity: Severity,
    pub category: &'a str,
    /// Points added to the score (0 beyond the rule's `max_hits`).
    pub points: i32,
    pub message: Cow<'a, str>,
    /// 1-based turn number.
    pub turn: usize,
    pub role: Role,
    pub speaker: Option<&'a str>,
    /// 1-based line and column (in characters) of the match in the file.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_ms: Option<u64>,
    /// The original text matched; `null` for a missing `require`.
    #[serde(rename = "match")]
    pub matched: Option<&'a str>,
    pub suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<&'a str>,
    /// Byte range of the match in the file (for snippets).
    #[serde(skip)]
    pub span: (usize, usize),
    /// The rule's index in the rule set (SARIF's `ruleIndex`).
    #[serde(skip)]
    pub rule_index: usize,
    /// The match as a byte range of its turn's text (`None` for a missing `require`).
    #[serde(skip)]
    pub turn_range: Option<(usize, usize)>,
}

impl Finding<'_> {
    /// Whether the finding counts against `--fail-on` (rewards never do).
    pub fn is_problem(&self) -> bool {
        self.kind != Kind::Reward
    }
}

/// One conversation's result.
#[derive(Debug, Clone, Serialize)]
pub struct Conversation<'a> {
    pub path: &'a str,
    pub id: Option<&'a str>,
    pub format: &'static str,
    pub turns: usize,
    /// Turns whose speaker maps to no role: rules for agents and customers skip them.
    pub unknown_turns: usize,
    /// The agent's name, when the transcript gives one (not "Agent", `spk_0` or `2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<&'a str>,
    pub score: i32,
    pub passed: bool,
    pub findings: Vec<Finding<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
    /// The transcript and its source, for reports that show the turns.
    #[serde(skip)]
    pub transcript: &'a Transcript,
}

/// A file that was found but not read.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// A file that could not be read or parsed.
#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// Builds the report of one evaluated conversation.
pub fn conversation<'a>(
    path: &'a str,
    format: &'static str,
    transcript: &'a Transcript,
    source: &'a str,
    eval: &Evaluation,
    rules: &'a RuleSet,
    warnings: &'a [String],
) -> Conversation<'a> {
    let mut lines = LineCursor::new(source);
    let findings = eval
        .outcomes
        .iter()
        .map(|o| {
            let rule = &rules.rules[o.rule];
            let turn = &transcript.turns[o.turn];
            let (start, end) = o.range.unwrap_or((0, 0));
            let span = (
                turn.source_offset(start),
                turn.source_end(end).max(turn.source_offset(start)),
            );
            let (line, column) = lines.position(span.0);
            let between = &source[span.0..span.1];
            let (end_line, end_column) = if memchr::memchr(b'\n', between.as_bytes()).is_some() {
                lines.position(span.1)
            } else {
                (line, column + between.chars().count())
            };
            let matched = o.range.map(|(s, e)| &turn.text(source)[s..e]);
            let speaker = turn.speaker.as_deref();
            Finding {
                rule: &rule.id,
                kind: rule.kind,
                severity: rule.severity,
                category: &rule.category,
                points: o.points,
                message: rule.message(matched, speaker.unwrap_or(turn.role.name())),
                turn: o.turn + 1,
                role: turn.role,
                speaker,
                line,
                column,
                end_line,
                end_column,
                start_ms: turn.start_ms,
                matched,
                suggestion: rule.suggestion.as_deref(),
                link: rule.link.as_deref(),
                span,
                rule_index: o.rule,
                turn_range: o.range,
            }
        })
        .collect();
    Conversation {
        path,
        id: transcript.id.as_deref(),
        format,
        turns: transcript.turns.len(),
        unknown_turns: transcript
            .turns
            .iter()
            .filter(|t| t.role == Role::Unknown)
            .count(),
        agent: transcript
            .turns
            .iter()
            .filter(|t| t.role == Role::Agent)
            .find_map(|t| t.speaker.as_deref())
            .filter(|label| crate::transcript::roles::is_name(label)),
        score: eval.score,
        passed: eval.passed,
        findings,
        warnings,
        transcript,
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// rustc-style snippets with a caret under the matched words.
    #[default]
    Human,
    /// One JSON document: summary, conversations with their findings, skipped files, errors.
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

/// Renders conversations and frames the document.
#[derive(Debug, Default)]
pub struct Printer {
    pub format: OutputFormat,
    pub color: bool,
    pub quiet: bool,
    /// CSV: one row per finding instead of per conversation.
    pub csv_findings: bool,
    /// CSV: the rule categories, one count column each.
    pub categories: Vec<String>,
    /// HTML: (id, category) of every rule, by index, for the charts.
    pub rule_names: Vec<(String, String)>,
    /// JSON: what each rule's findings write alike, by rule index.
    pub json_rules: Vec<json::RuleParts>,
    /// JUnit: problems at or above this level fail a test case (failed conversations always do).
    pub fail_at: Option<Severity>,
    /// Whether a SARIF result was written (the first one has no leading comma).
    pub wrote_result: std::sync::atomic::AtomicBool,
}

impl Printer {
    /// Renders one conversation (on a worker thread).
    pub fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        match self.format {
            OutputFormat::Human => human::conversation(c, source, self.color, self.quiet, out),
            OutputFormat::Json | OutputFormat::Jsonl => {
                json::conversation(c, &self.json_rules, out)
            }
            OutputFormat::Sarif => sarif::conversation(c, out),
            OutputFormat::Github => github::conversation(c, out),
            OutputFormat::Csv => csv::conversation(c, &self.categories, self.csv_findings, out),
            OutputFormat::Junit => junit::conversation(c, &|c| self.fails(c), out),
            OutputFormat::Html => html::conversation(c, source, out),
        }
    }

    /// Whether this printer renders a conversation to the same bytes as `other` (JSON and JSONL
    /// share their conversation objects), so that one rendering serves both.
    pub fn renders_like(&self, other: &Printer) -> bool {
        let json = |p: &Printer| matches!(p.format, OutputFormat::Json | OutputFormat::Jsonl);
        json(self) && json(other)
    }

    /// Whether a conversation fails: not passed, or a problem at or above `fail_at`.
    fn fails(&self, c: &Conversation) -> bool {
        !c.passed
            || c.findings
                .iter()
                .any(|f| f.is_problem() && self.fail_at.is_some_and(|at| f.severity >= at))
    }

    /// Writes what comes before the first conversation.
    pub fn start(&self, w: &mut dyn Write, rules: &RuleSet) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => json::start(w),
            OutputFormat::Sarif => sarif::start(w, rules),
            OutputFormat::Csv => csv::start(w, &self.categories, self.csv_findings),
            OutputFormat::Junit => junit::start(w),
            OutputFormat::Html => html::start(w),
            _ => Ok(()),
        }
    }

    /// What to write for one rendered conversation, in order: a separator and the rendering
    /// (either may be empty); `index` counts conversations written so far.
    pub fn conversation_parts<'r>(&self, rendered: &'r [u8], index: usize) -> [&'r [u8]; 2] {
        match self.format {
            OutputFormat::Json if index > 0 => [b",\n", rendered],
            OutputFormat::Sarif if !rendered.is_empty() => {
                let first = !self
                    .wrote_result
                    .swap(true, std::sync::atomic::Ordering::Relaxed);
                // Results come with a leading comma; the document's first result goes without.
                [b"", if first { &rendered[1..] } else { rendered }]
            }
            _ => [b"", rendered],
        }
    }

    /// Writes a skipped file or a file error as it happens (line formats only).
    pub fn write_event(
        &self,
        w: &mut dyn Write,
        skipped: Option<&Skipped>,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl if skipped.is_some() || error.is_some() => {
                json::event(w, skipped, error)
            }
            _ => Ok(()),
        }
    }

    /// Writes what comes after the last conversation.
    pub fn finish(
        &self,
        w: &mut dyn Write,
        summary: &Summary,
        skipped: &[Skipped],
        errors: &[FileError],
    ) -> io::Result<()> {
        match self.format {
            OutputFormat::Human if self.quiet => Ok(()),
            OutputFormat::Human => human::finish(w, summary, self.color),
            OutputFormat::Json => json::finish(w, summary, skipped, errors),
            OutputFormat::Jsonl => json::finish_lines(w, summary),
            OutputFormat::Sarif => sarif::finish(w),
            OutputFormat::Junit => junit::finish(w),
            OutputFormat::Html => html::finish(w, summary, &self.rule_names),
            OutputFormat::Github | OutputFormat::Csv => Ok(()),
        }
    }
}
