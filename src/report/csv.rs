//! CSV (`--format csv`) for spreadsheets: one row per conversation with its score, counts by
//! severity and by category, and its most frequent problem rule; or, with `--csv-findings`, one
//! row per finding.

use super::Conversation;
use crate::rules::{Kind, RuleSet, Severity};
use std::io::{self, Write};

/// The header row: fixed columns, then one count column per rule category.
pub fn start(w: &mut dyn Write, categories: &[String], findings: bool) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let fixed: &[&str] = if findings {
        &[
            "path", "id", "turn", "role", "speaker", "line", "column", "rule", "kind", "severity",
            "category", "points", "match", "message",
        ]
    } else {
        &[
            "path", "id", "format", "turns", "score", "passed", "errors", "warnings", "info",
            "rewards", "top_rule",
        ]
    };
    let mut header: Vec<&str> = fixed.to_vec();
    if !findings {
        header.extend(categories.iter().map(String::as_str));
    }
    out.write_record(&header).map_err(io::Error::other)?;
    w.write_all(
        &out.into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?,
    )
}

/// The sorted rule categories, the per-category columns.
pub fn categories(rules: &RuleSet) -> Vec<String> {
    let mut c: Vec<String> = rules.rules.iter().map(|r| r.category.clone()).collect();
    c.sort();
    c.dedup();
    c
}

pub fn conversation(c: &Conversation, categories: &[String], findings: bool, out: &mut Vec<u8>) {
    let mut w = csv::Writer::from_writer(out);
    let id = c.id.unwrap_or("");
    // Writing to a Vec cannot fail.
    let mut row = |fields: &[&str]| w.write_record(fields).expect("CSV rows write to memory");
    if findings {
        for f in &c.findings {
            row(&[
                c.path,
                id,
                &f.turn.to_string(),
                f.role.name(),
                f.speaker.unwrap_or(""),
                &f.line.to_string(),
                &f.column.to_string(),
                f.rule,
                f.kind.name(),
                f.severity.name(),
                f.category,
                &f.points.to_string(),
                f.matched.unwrap_or(""),
                &f.message,
            ]);
        }
        return;
    }
    let count = |pred: &dyn Fn(&super::Finding) -> bool| {
        c.findings.iter().filter(|f| pred(f)).count().to_string()
    };
    let problem = |s: Severity| move |f: &super::Finding| f.kind != Kind::Reward && f.severity == s;
    let mut rules: Vec<(&str, usize)> = Vec::new();
    for f in c.findings.iter().filter(|f| f.is_problem()) {
        match rules.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, n)) => *n += 1,
            None => rules.push((f.rule, 1)),
        }
    }
    // The most frequent; the first found on ties.
    let top = rules
        .iter()
        .fold(None::<(&str, usize)>, |best, &(r, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((r, n)),
        });
    let mut fields = vec![
        c.path.to_string(),
        id.to_string(),
        c.format.to_string(),
        c.turns.to_string(),
        c.score.to_string(),
        c.passed.to_string(),
        count(&problem(Severity::Error)),
        count(&problem(Severity::Warning)),
        count(&problem(Severity::Info)),
        count(&|f| f.kind == Kind::Reward),
        top.map_or(String::new(), |(r, _)| r.to_string()),
    ];
    fields.extend(categories.iter().map(|cat| count(&|f| f.category == cat)));
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    row(&fields);
}
