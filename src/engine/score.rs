//! Scores (SPEC §5): `score = clamp(base + Σ counted points, 0, 100)`; a conversation passes at
//! the pass mark or above with no auto-fail hit.

use super::compile::CompiledRule;
use super::evaluate::{Evaluation, Outcome};
use crate::rules::Kind;
use std::ops::RangeInclusive;

/// Every score there is: a conversation's is clamped to it, and a pass mark outside it would
/// pass every conversation or none.
pub const SCORES: RangeInclusive<i32> = 0..=100;

/// How scores are computed and judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoring {
    /// The score of a conversation without findings.
    pub base: i32,
    /// A conversation passes when its score is at least this and no auto-fail rule hit.
    pub pass: i32,
    /// A conversation scoring below this fails too (`--min-score`).
    pub min_score: Option<i32>,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            base: 80,
            pass: 70,
            min_score: None,
        }
    }
}

impl Scoring {
    /// Scores a conversation's outcomes (sorted) and judges it; suppressed outcomes count for
    /// nothing.
    pub(super) fn score(
        &self,
        rules: &[CompiledRule],
        outcomes: Vec<Outcome>,
        suppressed: Vec<Outcome>,
        not_applied: Vec<usize>,
    ) -> Evaluation {
        // In 64 bits: a rule may give any 32-bit points, and two hits of -2^31 would wrap round
        // to 0 (or, built with overflow checks, panic).
        let total = (outcomes.iter()).fold(0i64, |sum, o| sum.saturating_add(o.points.into()));
        let (low, high) = (*SCORES.start(), *SCORES.end());
        let score = (i64::from(self.base).saturating_add(total)).clamp(low.into(), high.into());
        // Clamped to the scores, so it fits.
        let score = score as i32;
        let auto_failed = outcomes.iter().any(|o| {
            let rule = &rules[o.rule];
            rule.auto_fail && matches!(rule.kind, Kind::Forbid | Kind::Require)
        });
        let passed =
            score >= self.pass && !auto_failed && self.min_score.is_none_or(|m| score >= m);
        Evaluation {
            outcomes,
            suppressed,
            not_applied,
            score,
            auto_failed,
            passed,
            needed: self.min_score.map_or(self.pass, |m| m.max(self.pass)),
        }
    }
}
