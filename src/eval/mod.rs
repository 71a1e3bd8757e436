//! `talklint eval` (SPEC §9): the loaded rules measured against labels a QA team wrote. Each
//! labelled turn (or conversation) is predicted positive for a selector when a finding of a
//! selected rule sits on it (or anywhere in it); precision, recall and F1 follow per selector and
//! level, and every miss can be listed with its text and the rules that fired.

mod find;
mod floors;
mod label_cells;
mod label_places;
mod labels;
mod selector;

pub use labels::{Cell, Labels, Row};
pub use selector::Selector;

use crate::rules::RuleSet;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What eval needs of one checked conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Digest {
    /// As reports print it.
    pub path: String,
    pub id: Option<String>,
    /// How many turns it has.
    pub turns: usize,
    /// (1-based turn, rule index) of every finding.
    pub fired: Vec<(usize, usize)>,
    /// Each turn's text, when misses are to be shown.
    pub texts: Vec<String>,
}

/// Turns, or whole conversations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Turn,
    Conversation,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Turn => "turn",
            Level::Conversation => "conversation",
        }
    }
}

/// One selector's results at one level, over the labelled cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub selector: String,
    pub level: Level,
    /// Cells with a label.
    pub cells: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    /// Labelled positive.
    pub fn positive(&self) -> usize {
        self.tp + self.fn_
    }

    /// Predicted positive.
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.predicted())
    }

    /// `None` when nothing is labelled positive.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.positive())
    }

    /// 2TP / (2TP + FP + FN): 0 when every prediction and label missed; `None` only when
    /// nothing was predicted positive and nothing labelled positive.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Whether a miss was predicted without a label, or labelled without a prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissKind {
    FalsePositive,
    FalseNegative,
}

/// One labelled cell the rules got wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub selector: String,
    pub kind: MissKind,
    pub path: String,
    pub id: Option<String>,
    pub turn: Option<usize>,
    /// The turn's text (a conversation's turns joined), when texts were kept.
    pub text: Option<String>,
    /// The ids of the rules that fired there.
    pub fired: Vec<String>,
}

/// The scores of every selector, turn level first, and the misses in label order.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub scores: Vec<Score>,
    pub misses: Vec<Miss>,
}

/// A label that names no checked conversation, or several; or a selector that names no rule.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}:{}{message}", column.map(|c| format!("{c}: ")).unwrap_or(" ".into()))]
pub struct MatchError {
    pub file: String,
    pub line: usize,
    /// Where the selector is written, for an error about one.
    pub column: Option<usize>,
    pub message: String,
}

/// Scores the labels of `file` against the checked conversations.
pub fn score(
    file: &str,
    labels: &Labels,
    digests: &[Digest],
    rules: &RuleSet,
) -> Result<Results, MatchError> {
    let fail = |row: &Row, cell: Cell, message: String| {
        let (line, column) = labels.place(row, cell);
        MatchError {
            file: file.to_string(),
            line,
            column: Some(column),
            message,
        }
    };
    let unselected = (labels.selectors.iter().zip(&labels.columns))
        .find(|(s, _)| !rules.rules.iter().any(|r| s.selects(r)));
    if let Some((s, &column)) = unselected {
        let near = match s.closest(rules) {
            Some(name) => format!(" (did you mean `{name}`?)"),
            None => String::new(),
        };
        let message = s.wrong_kind(rules).unwrap_or_else(|| {
            format!(
                "selector `{}` selects no loaded rule{near}; `talklint rules` lists them",
                s.name
            )
        });
        return Err(MatchError {
            file: file.to_string(),
            line: labels.header_line,
            column: Some(column),
            message,
        });
    }
    let index = find::Index::new(digests);
    // Each conversation's findings by turn, so that a turn's row finds its own at once (every
    // row looked through all its conversation's findings: a long labelled call took minutes).
    let by_turn: Vec<Vec<(usize, usize)>> = (digests.iter())
        .map(|d| {
            let mut fired = d.fired.clone();
            fired.sort_unstable();
            fired
        })
        .collect();
    // Per selector and level: the counts and, per cell, what was predicted.
    let mut scores: Vec<Score> = [Level::Turn, Level::Conversation]
        .iter()
        .flat_map(|&level| {
            labels.selectors.iter().map(move |s| Score {
                selector: s.name.clone(),
                level,
                cells: 0,
                tp: 0,
                fp: 0,
                fn_: 0,
            })
        })
        .collect();
    let mut misses = Vec::new();
    // Each cell labelled so far (conversation, turn, selector): its label and line. Rows may split
    // one turn's selectors, and may name its file in several ways.
    let mut labelled: HashMap<(usize, Option<usize>, usize), (bool, usize)> = HashMap::new();
    for row in &labels.rows {
        let index = (index.find(row, labels.has_id)).map_err(|(cell, m)| fail(row, cell, m))?;
        let d = &digests[index];
        if row.turn.is_some_and(|t| t > d.turns) {
            return Err(fail(
                row,
                Cell::Turn,
                format!(
                    "{} has {} turns, not {}",
                    d.path,
                    d.turns,
                    row.turn.unwrap_or(0)
                ),
            ));
        }
        let all = &by_turn[index];
        let of_row = match row.turn {
            Some(turn) => {
                let from = all.partition_point(|&(t, _)| t < turn);
                &all[from..from + all[from..].partition_point(|&(t, _)| t == turn)]
            }
            None => all,
        };
        let fired: Vec<usize> = of_row.iter().map(|&(_, r)| r).collect();
        let level = if row.turn.is_some() { 0 } else { 1 };
        for (k, (selector, label)) in labels.selectors.iter().zip(&row.values).enumerate() {
            let Some(label) = *label else { continue };
            match labelled.entry((index, row.turn, k)) {
                Entry::Vacant(e) => {
                    e.insert((label, row.line));
                }
                // The same label again counts once.
                Entry::Occupied(e) if e.get().0 == label => continue,
                Entry::Occupied(e) => {
                    let (earlier, line) = *e.get();
                    let what = if row.turn.is_some() {
                        "turn"
                    } else {
                        "conversation"
                    };
                    return Err(fail(
                        row,
                        Cell::Selector(k),
                        format!(
                            "`{}` is labelled {} here and {} on line {line} for the same {what}: keep one",
                            selector.name,
                            u8::from(label),
                            u8::from(earlier),
                        ),
                    ));
                }
            }
            let predicted = fired.iter().any(|&r| selector.selects(&rules.rules[r]));
            let s = &mut scores[level * labels.selectors.len() + k];
            s.cells += 1;
            let kind = match (label, predicted) {
                (true, true) => {
                    s.tp += 1;
                    None
                }
                (false, true) => {
                    s.fp += 1;
                    Some(MissKind::FalsePositive)
                }
                (true, false) => {
                    s.fn_ += 1;
                    Some(MissKind::FalseNegative)
                }
                (false, false) => None,
            };
            if let Some(kind) = kind {
                misses.push(miss(selector, kind, row, d, &fired, rules));
            }
        }
    }
    scores.retain(|s| s.cells > 0);
    Ok(Results { scores, misses })
}

fn miss(
    selector: &Selector,
    kind: MissKind,
    row: &Row,
    d: &Digest,
    fired: &[usize],
    rules: &RuleSet,
) -> Miss {
    let text = match row.turn {
        Some(t) => d.texts.get(t - 1).cloned(),
        None => (!d.texts.is_empty()).then(|| d.texts.join("\n")),
    };
    let mut ids: Vec<String> = fired.iter().map(|&r| rules.rules[r].id.clone()).collect();
    ids.sort();
    ids.dedup();
    Miss {
        selector: selector.name.clone(),
        kind,
        path: d.path.clone(),
        id: d.id.clone(),
        turn: row.turn,
        text,
        fired: ids,
    }
}
