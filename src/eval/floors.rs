//! `--min-precision` and `--min-recall`: which selectors fall below them, each said in a line
//! that names the selector, its level, the measure and the floor, so that a failing CI run says
//! what to look at.

use super::{Results, Score};

impl Results {
    /// One message per measure of a selector below its floor: `ownership:forbid (turn): recall
    /// 0.520 (13 of 25 labelled positive) is below --min-recall 0.6`, the measure written as the table
    /// writes it. Empty when every floor is met.
    pub fn below(&self, min_precision: Option<f64>, min_recall: Option<f64>) -> Vec<String> {
        let mut said = Vec::new();
        for s in &self.scores {
            let head = format!("{} ({})", s.selector, s.level.name());
            if let Some(floor) = min_precision {
                said.extend(precision_below(s, floor).map(|m| format!("{head}: {m}")));
            }
            let recall = s.recall().zip(min_recall).filter(|(r, floor)| r < floor);
            if let Some((recall, floor)) = recall {
                said.push(format!(
                    "{head}: recall {} ({} of {} labelled positive) is below --min-recall {floor}",
                    under(recall, floor),
                    s.tp,
                    s.positive()
                ));
            }
        }
        said
    }
}

/// Why `s` fails a precision floor, if it does. A selector that predicts nothing where
/// positives are labelled has no precision, and fails the floor: its rules were turned off, not
/// made precise.
fn precision_below(s: &Score, floor: f64) -> Option<String> {
    match s.precision() {
        Some(p) if p < floor => Some(format!(
            "precision {} ({} of {} predicted) is below --min-precision {floor}",
            under(p, floor),
            s.tp,
            s.predicted()
        )),
        None if floor > 0.0 && s.positive() > 0 => Some(format!(
            "predicts nothing, with {} labelled positive, so it has no precision to meet \
             --min-precision {floor}",
            s.positive()
        )),
        _ => None,
    }
}

/// `value`, below `floor`, written as the table writes it (3 decimals), or with as many more as
/// it takes to read below the floor: 0.9859 under 0.986 is `0.9859`, not `0.986`.
fn under(value: f64, floor: f64) -> String {
    (3..=9)
        .map(|places| format!("{value:.places$}"))
        .find(|shown| shown.parse::<f64>().is_ok_and(|v| v < floor))
        .unwrap_or_else(|| value.to_string())
}
