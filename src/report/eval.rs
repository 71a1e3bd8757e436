//! `talklint eval` output: a table of precision, recall and F1 per selector and level (or JSON),
//! and with `--show` every miss with its text and the rules that fired.

use crate::eval::{Miss, MissKind, Results, Score};
use crate::text::controls::{escape_controls, escape_name};
use serde::Serialize;
use std::fmt::Write as _;

/// Which misses to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Show {
    pub false_positives: bool,
    pub false_negatives: bool,
}

impl Show {
    fn wants(&self, m: &Miss) -> bool {
        match m.kind {
            MissKind::FalsePositive => self.false_positives,
            MissKind::FalseNegative => self.false_negatives,
        }
    }
}

fn three(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{v:.3}"))
}

/// The table, then the misses asked for.
pub fn human(results: &Results, show: Show) -> String {
    let width = results
        .scores
        .iter()
        .map(|s| s.selector.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut out = format!(
        "{:width$}  {:12}  {:>8}  {:>8}  {:>9}  {:>5}  {:>5}  {:>5}  {:>9}  {:>6}  {:>5}\n",
        "selector",
        "level",
        "labelled",
        "positive",
        "predicted",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "F1"
    );
    for s in &results.scores {
        let _ = writeln!(
            out,
            "{:width$}  {:12}  {:>8}  {:>8}  {:>9}  {:>5}  {:>5}  {:>5}  {:>9}  {:>6}  {:>5}",
            escape_name(&s.selector),
            s.level.name(),
            s.cells,
            s.positive(),
            s.predicted(),
            s.tp,
            s.fp,
            s.fn_,
            three(s.precision()),
            three(s.recall()),
            three(s.f1())
        );
    }
    for m in results.misses.iter().filter(|m| show.wants(m)) {
        let kind = match m.kind {
            MissKind::FalsePositive => "false positive",
            MissKind::FalseNegative => "false negative",
        };
        let path = escape_name(&m.path);
        let place = match (m.id.as_deref().map(escape_name), m.turn) {
            (Some(id), Some(t)) => format!("{path}#{id} turn {t}"),
            (None, Some(t)) => format!("{path} turn {t}"),
            (Some(id), None) => format!("{path}#{id}"),
            (None, None) => path.into_owned(),
        };
        let fired = if m.fired.is_empty() {
            "none".to_string()
        } else {
            m.fired.join(", ")
        };
        let selector = escape_name(&m.selector);
        let _ = writeln!(out, "\n{kind} [{selector}] {place}\n  fired: {fired}");
        // A transcript's text reaches the terminal with its control characters escaped, as in
        // check's report: an escape sequence in it must not recolour or retitle the terminal.
        if let Some(text) = &m.text {
            for line in text.lines() {
                let _ = writeln!(out, "  | {}", escape_controls(line));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    selector: &'a str,
    level: &'static str,
    /// Items with a label, 0 or 1 (SPEC §9's "labelled items").
    labelled: usize,
    /// Items labelled 1.
    positive: usize,
    predicted: usize,
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
}

#[derive(Serialize)]
struct MissJson<'a> {
    selector: &'a str,
    kind: &'static str,
    path: &'a str,
    id: Option<&'a str>,
    turn: Option<usize>,
    text: Option<&'a str>,
    fired: &'a [String],
}

/// The results as one JSON document: `scores`, `misses` as asked for, and `below_floors`, what
/// falls below `--min-precision` and `--min-recall` (the exit code's reasons), one line each.
pub fn json(results: &Results, show: Show, below: &[String]) -> String {
    fn score(s: &Score) -> ScoreJson<'_> {
        ScoreJson {
            selector: &s.selector,
            level: s.level.name(),
            labelled: s.cells,
            positive: s.positive(),
            predicted: s.predicted(),
            tp: s.tp,
            fp: s.fp,
            fn_: s.fn_,
            precision: s.precision(),
            recall: s.recall(),
            f1: s.f1(),
        }
    }
    let misses: Vec<MissJson> = results
        .misses
        .iter()
        .filter(|m| show.wants(m))
        .map(|m| MissJson {
            selector: &m.selector,
            kind: match m.kind {
                MissKind::FalsePositive => "false_positive",
                MissKind::FalseNegative => "false_negative",
            },
            path: &m.path,
            id: m.id.as_deref(),
            turn: m.turn,
            text: m.text.as_deref(),
            fired: &m.fired,
        })
        .collect();
    let doc = serde_json::json!({
        "scores": results.scores.iter().map(score).collect::<Vec<_>>(),
        "misses": misses,
        "below_floors": below,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
