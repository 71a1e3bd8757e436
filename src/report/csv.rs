//! CSV (`--format csv`) for spreadsheets: one row per conversation with its score, counts by
//! severity, its top problem, its warnings and its problems by category; or, with
//! `--csv-findings`, one row per finding with its conversation's warnings (and a row for a
//! conversation that warns of something and has no finding); in the delimiter and with the
//! byte order mark the run asks for ([`CsvDialect`]). A file the run could not read, or
//! skipped, has a row of its own, its path and its `not_checked` cell: nothing the run met is
//! missing from the sheet.

use super::agent_cells::{AgentCells, Spellings};
use super::csv_dialect::{BOM, CsvDialect};
use super::{Conversation, InOrder, Printer, PrinterOptions, Totals};
use crate::rules::{Kind, RuleSet, Severity};
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

/// The CSV printer: the categories of the problem rules are its count columns.
pub(super) struct Csv {
    categories: Vec<String>,
    /// One row per finding instead of per conversation.
    findings: bool,
    /// Each agent's name as first written in the run.
    spellings: Spellings,
    dialect: CsvDialect,
}

impl Csv {
    pub(super) fn new(rules: &RuleSet, opts: PrinterOptions) -> Csv {
        Csv {
            categories: categories(rules),
            findings: opts.csv_findings,
            spellings: Spellings::default(),
            dialect: opts.csv,
        }
    }
}

impl Printer for Csv {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        if self.dialect.bom {
            w.write_all(BOM)?;
        }
        start(w, &self.categories, self.findings, self.dialect)
    }

    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        conversation(c, &self.categories, self.findings, self.dialect, out);
    }

    /// A row for each file not checked: its path, and why in the last column.
    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let columns = match self.findings {
            true => FINDING_COLUMNS.len(),
            false => CONVERSATION_COLUMNS.len() + self.categories.len(),
        };
        let unread = (totals.errors.iter()).map(|e| (&e.path, "could not be read", &e.message));
        let skipped = (totals.skipped.iter()).map(|s| (&s.path, "skipped", &s.reason));
        let mut out = Vec::new();
        let mut row = self.dialect.writer(&mut out);
        for (path, outcome, why) in unread.chain(skipped) {
            text(&mut row, path);
            for _ in 1..columns {
                put(&mut row, b"");
            }
            text(&mut row, &format!("{outcome}: {why}"));
            end_row(&mut row);
        }
        drop(row);
        w.write_all(&out)
    }

    /// Each agent as first written in the run, as `--statistics` names them.
    fn in_order<'r>(&self, rendered: &'r [u8], _index: usize) -> InOrder<'r> {
        let cell = |names: &str| {
            let mut cell = Vec::new();
            let mut w = self.dialect.writer(&mut cell);
            text(&mut w, names);
            w.flush().expect("CSV rows write to memory");
            drop(w);
            cell
        };
        match self.spellings.settle(rendered, cell) {
            Cow::Borrowed(rows) => InOrder::Parts([b"", rows]),
            Cow::Owned(rows) => InOrder::Rewritten(rows),
        }
    }
}

/// The columns of a row per finding, before `not_checked`.
const FINDING_COLUMNS: [&str; 20] = [
    "path",
    "id",
    "turn",
    "role",
    "speaker",
    "line",
    "column",
    "rule",
    "kind",
    "severity",
    "category",
    "points",
    "match",
    "message",
    "suppressed",
    "suppressed_by",
    "agent",
    "agent_guessed",
    "measured",
    "conversation_warnings",
];

/// Where `agent` is among [`FINDING_COLUMNS`]: the finding's own cells come before it.
const FINDING_AGENT: usize = 16;

/// The fixed columns of a row per conversation, before the categories and `not_checked`.
const CONVERSATION_COLUMNS: [&str; 16] = [
    "path",
    "id",
    "format",
    "turns",
    "score",
    "passed",
    "errors",
    "warnings",
    "info",
    "rewards",
    "top_rule",
    "tags",
    "agent",
    "agent_guessed",
    "no_agent_turn",
    "conversation_warnings",
];

/// The header row: fixed columns, then one problem count column per category, then
/// `not_checked` (why a file has no conversation in the sheet: empty on a conversation's row).
fn start(
    w: &mut dyn Write,
    categories: &[String],
    findings: bool,
    dialect: CsvDialect,
) -> io::Result<()> {
    let mut out = dialect.writer(Vec::new());
    let fixed: &[&str] = if findings {
        &FINDING_COLUMNS
    } else {
        &CONVERSATION_COLUMNS
    };
    let mut header: Vec<String> = fixed.iter().map(|c| c.to_string()).collect();
    if !findings {
        // A category named as a fixed column (`score`) is written `category:score`: every
        // column has a name of its own, as a spreadsheet or BI tool reads them by name.
        header.extend(categories.iter().map(|c| {
            match fixed.contains(&c.as_str()) || c == NOT_CHECKED {
                true => format!("category:{c}"),
                false => c.clone(),
            }
        }));
    }
    header.push(NOT_CHECKED.to_string());
    out.write_record(&header).map_err(io::Error::other)?;
    w.write_all(
        &out.into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?,
    )
}

/// The last column's name.
const NOT_CHECKED: &str = "not_checked";

/// The sorted categories of the problem rules (forbid and require), the per-category columns:
/// rewards and tags have columns of their own.
fn categories(rules: &RuleSet) -> Vec<String> {
    let mut c: Vec<String> = rules
        .rules
        .iter()
        .filter(|r| matches!(r.kind, Kind::Forbid | Kind::Require))
        .map(|r| r.category.clone())
        .collect();
    c.sort();
    c.dedup();
    c
}

fn conversation(
    c: &Conversation,
    categories: &[String],
    findings: bool,
    dialect: CsvDialect,
    out: &mut Vec<u8>,
) {
    let mut w = dialect.writer(out);
    let name = c.name();
    let id = name.as_deref().unwrap_or("");
    let mut numbers = itoa::Buffer::new();
    // The agents as `--statistics` counts them: each who spoke, else the one.
    let agents = match c.agents.is_empty() {
        true => c.agent.into_iter().collect(),
        false => c.agents.clone(),
    };
    let mut cells = AgentCells::new(w.get_ref().len(), agents);
    // What JSON's `warnings` says of the conversation (a directive naming no rule, a speaker
    // with no role, bytes that are no UTF-8), one a line: `warnings` counts warning findings.
    let warned = c.warnings.join("\n");
    if findings {
        for f in &c.findings {
            text(&mut w, c.path);
            text(&mut w, id);
            put(&mut w, numbers.format(f.turn).as_bytes());
            put(&mut w, f.role.name().as_bytes());
            text(&mut w, f.speaker.unwrap_or(""));
            put(&mut w, numbers.format(f.line).as_bytes());
            put(&mut w, numbers.format(f.column).as_bytes());
            text(&mut w, f.rule);
            put(&mut w, f.kind.name().as_bytes());
            put(&mut w, f.severity.name().as_bytes());
            text(&mut w, f.category);
            put(&mut w, numbers.format(f.points).as_bytes());
            text(&mut w, f.matched.as_deref().unwrap_or(""));
            text(&mut w, &f.message.text());
            // Shown with `--show-suppressed` only; its points, as in JSON, are the rule's, which
            // the score leaves out. What suppressed it is a column of its own, last, so that
            // `suppressed` stays a yes-or-no column and the columns before keep their places.
            put(&mut w, flag(f.suppressed.is_some()));
            put(&mut w, f.suppressed_by().unwrap_or("").as_bytes());
            // The agent it is charged to, last too: the one who spoke its turn (of several);
            // and whether the conversation's agent was guessed.
            let names = f.agent.or(c.agent).map(|a| cells.names(Some(a)));
            // What a timing finding measured: seconds, or a talk share from 0 to 1.
            let measured = f.measured.map(|m| m.value().to_string());
            let measured = measured.as_deref().unwrap_or("");
            let end = (
                names.unwrap_or(0..0),
                c.agent_guessed,
                measured,
                warned.as_str(),
            );
            end_finding_row(&mut w, &mut cells, end);
        }
        if c.findings.is_empty() && !c.warnings.is_empty() {
            // A row of its own, its finding's cells empty, as a file not checked has: a sheet
            // of findings would show a conversation whose rules were misread as clean.
            text(&mut w, c.path);
            text(&mut w, id);
            for _ in 2..FINDING_AGENT {
                put(&mut w, b"");
            }
            let names = cells.names(None);
            end_finding_row(&mut w, &mut cells, (names, c.agent_guessed, "", &warned));
        }
        finish(w, cells);
        return;
    }
    let count =
        |pred: &dyn Fn(&super::Finding) -> bool| c.findings.iter().filter(|f| pred(f)).count();
    let problem = |s: Severity| move |f: &super::Finding| f.is_problem() && f.severity == s;
    let top = super::rank::problems(&c.findings)
        .first()
        .and_then(|p| c.findings.iter().find(|f| f.rule_index == p.rule))
        .map_or("", |f| f.rule);
    text(&mut w, c.path);
    text(&mut w, id);
    put(&mut w, c.format.as_bytes());
    put(&mut w, numbers.format(c.turns).as_bytes());
    put(&mut w, numbers.format(c.score).as_bytes());
    put(&mut w, flag(c.passed));
    for n in [
        count(&problem(Severity::Error)),
        count(&problem(Severity::Warning)),
        count(&problem(Severity::Info)),
        count(&|f| f.kind == Kind::Reward),
    ] {
        put(&mut w, numbers.format(n).as_bytes());
    }
    text(&mut w, top);
    text(&mut w, &c.tags.join(" "));
    // The agent's name, as JSON's `agent` (a pivot table's rows per agent); each agent who
    // spoke, `; ` between them, when several did, as JSON's `agents`. Then whether the agent was
    // guessed, as JSON's `agent_guessed`, and whether no agent spoke, as JSON's `no_agent_turn`
    // (nothing was judged: a pass of no agent's words).
    let names = cells.names(None);
    agent_cell(&mut w, &mut cells, names);
    put(&mut w, flag(c.agent_guessed));
    put(&mut w, flag(c.no_agent_turn));
    text(&mut w, &warned);
    // `categories` is sorted: one pass over the findings counts them all.
    let mut by_category = vec![0usize; categories.len()];
    for f in c.findings.iter().filter(|f| f.is_problem()) {
        if let Ok(k) = categories.binary_search_by(|cat| cat.as_str().cmp(f.category)) {
            by_category[k] += 1;
        }
    }
    for n in by_category {
        put(&mut w, numbers.format(n).as_bytes());
    }
    put(&mut w, b"");
    end_row(&mut w);
    finish(w, cells);
}

/// The cells of a row per finding from [`FINDING_AGENT`] on: the agent (its `names` among
/// `cells`), whether it was guessed, what was measured, the conversation's warnings and an
/// empty `not_checked`; then the row ends.
fn end_finding_row(
    w: &mut csv::Writer<&mut Vec<u8>>,
    cells: &mut AgentCells,
    (names, guessed, measured, warned): (Range<usize>, bool, &str, &str),
) {
    agent_cell(w, cells, names);
    put(w, flag(guessed));
    text(w, measured);
    text(w, warned);
    put(w, b"");
    end_row(w);
}

/// An agent cell, never a row's first: the names of `names` (none: empty), noted in `cells` to
/// be spelt as first written when the row is written.
fn agent_cell(w: &mut csv::Writer<&mut Vec<u8>>, cells: &mut AgentCells, names: Range<usize>) {
    if names.is_empty() {
        put(w, b"");
        return;
    }
    w.flush().expect("CSV rows write to memory");
    // The delimiter before the cell is written with it.
    let start = w.get_ref().len() + 1;
    text(w, &cells.joined(names.clone()));
    w.flush().expect("CSV rows write to memory");
    cells.cell(start..w.get_ref().len(), names);
}

/// Ends a conversation's rendering with the notes of its agent cells.
fn finish(w: csv::Writer<&mut Vec<u8>>, cells: AgentCells) {
    let out = w.into_inner().expect("CSV rows write to memory");
    cells.finish(out);
}

/// A text cell, neutralised as OWASP recommends against formula injection: a cell that opens
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a spreadsheet would run it as a formula)
/// gets a leading `'`. Numbers are written with [`put`], unchanged.
fn text(w: &mut csv::Writer<&mut Vec<u8>>, value: &str) {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        put(w, format!("'{value}").as_bytes());
    } else {
        put(w, value.as_bytes());
    }
}

/// A yes-or-no cell, as JSON writes it.
fn flag(value: bool) -> &'static [u8] {
    if value { b"true" } else { b"false" }
}

// Writing to a Vec cannot fail.
fn put(w: &mut csv::Writer<&mut Vec<u8>>, value: &[u8]) {
    w.write_field(value).expect("CSV rows write to memory");
}

fn end_row(w: &mut csv::Writer<&mut Vec<u8>>) {
    w.write_record(None::<&[u8]>)
        .expect("CSV rows write to memory");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_finding_columns_after_a_findings_own_start_with_its_agent() {
        let after = &super::FINDING_COLUMNS[super::FINDING_AGENT..];
        assert_eq!(
            after,
            [
                "agent",
                "agent_guessed",
                "measured",
                "conversation_warnings"
            ]
        );
    }
}
