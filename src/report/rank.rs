//! The one rule that names a top problem, so that every report agrees: CSV's `top_rule`, the
//! HTML report's conversations, agent table and problem chart. The worst severity comes first,
//! then the most points lost, then the most findings, then the rule's place in the pack. Counts
//! alone would put a 0-point customer note above two errors.

use super::Finding;
use crate::rules::Severity;
use std::cmp::Reverse;

/// A rule's problem findings somewhere (a conversation, an agent, a scan).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleTally {
    pub findings: usize,
    /// Points the findings took off the score (counted hits only).
    pub points_lost: u64,
}

impl RuleTally {
    /// Counts one finding worth `points`.
    pub(crate) fn add(&mut self, points: i32) {
        self.findings += 1;
        self.points_lost += points_lost(points);
    }

    pub(crate) fn merge(&mut self, o: &RuleTally) {
        self.findings += o.findings;
        self.points_lost += o.points_lost;
    }
}

/// The points a finding worth `points` took off the score.
pub(crate) fn points_lost(points: i32) -> u64 {
    u64::from(points.min(0).unsigned_abs())
}

/// One rule's problems, ready to be ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The rule's index in the rule set.
    pub rule: usize,
    pub severity: Severity,
    pub tally: RuleTally,
}

impl Problem {
    /// The sort key: smaller is worse.
    pub(crate) fn key(&self) -> (Reverse<Severity>, Reverse<u64>, Reverse<usize>, usize) {
        (
            Reverse(self.severity),
            Reverse(self.tally.points_lost),
            Reverse(self.tally.findings),
            self.rule,
        )
    }
}

/// Sorts problems top first.
pub(crate) fn rank(problems: &mut [Problem]) {
    problems.sort_unstable_by_key(Problem::key);
}

/// `problems` of rules that share an id as one problem of the id, under the rule that stands
/// for it (`first_of`, by rule index: a nested config can report a rule at another severity),
/// at the worst severity of them and with their tallies summed; top first.
pub(crate) fn merge_by_id(problems: &[Problem], first_of: impl Fn(usize) -> usize) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    for p in problems {
        let rule = first_of(p.rule);
        match out.iter_mut().find(|o| o.rule == rule) {
            Some(o) => {
                o.severity = o.severity.max(p.severity);
                o.tally.merge(&p.tally);
            }
            None => out.push(Problem { rule, ..*p }),
        }
    }
    rank(&mut out);
    out
}

/// A conversation's problems by rule, top first (rewards and tags are not problems).
pub(crate) fn problems(findings: &[Finding]) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    for f in findings.iter().filter(|f| f.is_problem()) {
        let at = match out.iter().position(|p| p.rule == f.rule_index) {
            Some(at) => at,
            None => {
                out.push(Problem {
                    rule: f.rule_index,
                    severity: f.severity,
                    tally: RuleTally::default(),
                });
                out.len() - 1
            }
        };
        out[at].tally.add(f.points);
    }
    rank(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(rule: usize, severity: Severity, findings: usize, points_lost: u64) -> Problem {
        Problem {
            rule,
            severity,
            tally: RuleTally {
                findings,
                points_lost,
            },
        }
    }

    /// Severity beats points, points beat counts, and the pack's order breaks ties.
    #[test]
    fn worst_severity_then_points_then_findings() {
        let mut all = vec![
            problem(0, Severity::Info, 9, 0),
            problem(1, Severity::Warning, 1, 5),
            problem(2, Severity::Error, 1, 10),
            problem(3, Severity::Warning, 3, 5),
            problem(4, Severity::Error, 2, 20),
            problem(5, Severity::Warning, 3, 5),
        ];
        rank(&mut all);
        let order: Vec<usize> = all.iter().map(|p| p.rule).collect();
        assert_eq!(order, [4, 2, 3, 5, 1, 0]);
    }

    #[test]
    fn rules_of_one_id_rank_as_one_at_their_worst_severity() {
        // Rules 0 and 2 share an id (2 is a nested config's entry of 0, at info).
        let all = [
            problem(2, Severity::Info, 3, 3),
            problem(1, Severity::Warning, 1, 5),
            problem(0, Severity::Error, 1, 10),
        ];
        let merged = merge_by_id(&all, |i| if i == 2 { 0 } else { i });
        assert_eq!(
            merged,
            [
                problem(0, Severity::Error, 4, 13),
                problem(1, Severity::Warning, 1, 5)
            ]
        );
    }

    #[test]
    fn a_counted_out_hit_loses_no_points() {
        let mut t = RuleTally::default();
        t.add(-5);
        t.add(0);
        t.add(3);
        assert_eq!(
            t,
            RuleTally {
                findings: 3,
                points_lost: 5
            }
        );
    }
}
