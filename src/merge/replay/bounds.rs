//! What a conversation of a report may hold, checked before it is rendered again: a score from
//! 0 to 100, findings on its own turns, at lines and columns that count from 1 and that no
//! transcript passes (an edited report's impossible place is an error, not an invalid SARIF).

use super::{MOST, Written};
use crate::merge::MergeError;
use std::collections::BTreeMap;

impl Written<'_> {
    /// The findings' indices by turn, or what is out of bounds, as `invalid` says it.
    pub(super) fn findings_by_turn(
        &self,
        invalid: &dyn Fn(String) -> MergeError,
    ) -> Result<BTreeMap<usize, Vec<usize>>, MergeError> {
        let beyond = |what: &str, n: usize| invalid(format!("{what} {n} is beyond any transcript"));
        if self.turns > MOST {
            return Err(beyond("a turn count of", self.turns));
        }
        if !crate::engine::SCORES.contains(&self.score) {
            return Err(invalid(format!(
                "a score of {}, outside 0 to 100",
                self.score
            )));
        }
        let mut by_turn: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, f) in self.findings.iter().enumerate() {
            if f.column > MOST {
                return Err(beyond("column", f.column));
            }
            // Lines and columns count from 1, and a match ends where it starts or after: an
            // edited report's 0 was written out as SARIF's invalid `startLine: 0`.
            let (start, end) = ((f.line, f.column), (f.end_line, f.end_column));
            if f.line == 0 || f.column == 0 || end < start {
                return Err(invalid(format!(
                    "a finding from line {}, column {} to line {}, column {}, which no check \
                     writes: lines and columns count from 1 (was the report edited?)",
                    f.line, f.column, f.end_line, f.end_column
                )));
            }
            if f.turn == 0 || f.turn > self.turns {
                let (turn, turns) = (f.turn, self.turns);
                return Err(invalid(format!("a finding on turn {turn} of {turns}")));
            }
            by_turn.entry(f.turn).or_default().push(i);
        }
        Ok(by_turn)
    }
}
