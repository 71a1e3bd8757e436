//! `talklint test`: runs every rule's embedded examples through the real pipeline (text parser,
//! matcher, windows, `unless`) and names each failure, as ast-grep does: *Missing* when a `hit`
//! example does not match, *Noisy* when a `clean` example does. All failures are listed.
//!
//! For `require` rules, `hit` examples contain the required language and `clean` ones lack it.

use super::{Rule, RuleSet};
use crate::eval::counted_hits;
use crate::matcher::Scratch;
use crate::transcript::{self, Format, ParseOptions};

/// One failed example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub rule: String,
    /// `Missing` or `Noisy`.
    pub outcome: &'static str,
    /// 1-based index among the rule's `hit` or `clean` examples.
    pub index: usize,
    pub example: String,
    /// Where the rule was defined.
    pub origin: String,
}

/// Totals of a test run.
#[derive(Debug, Default)]
pub struct TestReport {
    pub rules: usize,
    pub rules_without_examples: Vec<String>,
    pub examples: usize,
    pub failures: Vec<Failure>,
}

/// Whether `rule` (index `r` of `set`) matches the example text.
fn matches(
    set: &RuleSet,
    r: usize,
    rule: &Rule,
    example: &str,
    opts: &ParseOptions,
    scratch: &mut Scratch,
) -> bool {
    let Ok(parsed) = transcript::parse(example, Format::Text, opts) else {
        return false;
    };
    parsed.transcripts.iter().any(|t| {
        let texts: Vec<(&str, bool)> = t
            .turns
            .iter()
            .map(|turn| (turn.text(example), true))
            .collect();
        let mut hits = Vec::new();
        set.matcher.find(&texts, scratch, &mut hits);
        hits.retain(|h| h.rule == r);
        counted_hits(r, rule, t, example, &mut hits).is_some_and(|n| n > 0)
    })
}

/// Runs the examples of every rule in `set`.
pub fn run(set: &RuleSet, opts: &ParseOptions) -> TestReport {
    let mut report = TestReport::default();
    let mut scratch = Scratch::default();
    for (r, rule) in set.rules.iter().enumerate() {
        report.rules += 1;
        let ex = &rule.examples;
        if ex.hit.is_empty() && ex.clean.is_empty() {
            report.rules_without_examples.push(rule.id.clone());
            continue;
        }
        let cases = ex
            .hit
            .iter()
            .map(|e| (e, true))
            .chain(ex.clean.iter().map(|e| (e, false)));
        let (mut hit_i, mut clean_i) = (0, 0);
        for (example, should_hit) in cases {
            report.examples += 1;
            let index = if should_hit {
                hit_i += 1;
                hit_i
            } else {
                clean_i += 1;
                clean_i
            };
            if matches(set, r, rule, example, opts, &mut scratch) != should_hit {
                report.failures.push(Failure {
                    rule: rule.id.clone(),
                    outcome: if should_hit { "Missing" } else { "Noisy" },
                    index,
                    example: example.clone(),
                    origin: format!("{}:{}", rule.origin.0, rule.origin.1),
                });
            }
        }
    }
    report
}
