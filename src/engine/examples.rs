//! `talklint test`: runs every rule's embedded examples through the real pipeline (text parser,
//! matcher, windows, `unless`) and names each failure, as ast-grep does: *Missing* when a `hit`
//! example does not match, *Noisy* when a `clean` example does, and *Unjudged* when the rule
//! cannot judge an example (it needs times the example lacks, sentiment labels, which no text
//! example carries, or the trigger a `require` rule's `after` answers). All failures are listed.
//!
//! For `require` rules, `hit` examples contain the required language and `clean` ones lack it.

use super::{Engine, Scratch};
use crate::rules::{Kind, Origin, Rule, RuleSet, Target};
use crate::transcript::{self, Format, ParseOptions};

/// How an example failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleOutcome {
    /// A `hit` example the rule did not match.
    Missing,
    /// A `clean` example the rule matched.
    Noisy,
    /// An example the rule cannot judge, so it tests nothing: it lacks what the rule needs.
    Unjudged(Lacking),
}

/// What an example lacks that its rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lacking {
    /// Times (`timing`, a window in seconds), which a text example may give.
    Times,
    /// The sentiment labels a `sentiment` search reads, which no text example gives.
    SentimentLabels,
    /// The trigger of a `require` rule's `after`, which an example must hold to test its answer.
    Trigger,
}

/// One failed example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule's id.
    pub rule: String,
    /// Missing or noisy.
    pub outcome: ExampleOutcome,
    /// The list the example is in: `hit` or `clean`.
    pub list: &'static str,
    /// 1-based index among the rule's `hit` or `clean` examples.
    pub index: usize,
    /// The example's text.
    pub example: String,
    /// Where the example is written: the rule's place, until `talklint test` finds the example
    /// in the rule's file.
    pub place: Origin,
}

/// A rule with no examples, which `talklint test` names at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutExamples {
    /// The rule's id.
    pub rule: String,
    /// Where the rule is written (its id).
    pub place: Origin,
}

/// Totals of a test run.
#[derive(Debug, Default)]
pub struct TestReport {
    /// How many rules were tested.
    pub rules: usize,
    /// The rules that have no examples.
    pub rules_without_examples: Vec<WithoutExamples>,
    /// How many examples ran.
    pub examples: usize,
    /// Every example that failed, in rule order.
    pub failures: Vec<ExampleFailure>,
}

impl Engine {
    /// Runs the examples of every rule of `rules`, the rule set this engine was compiled from.
    pub fn run_examples(&self, rules: &RuleSet, opts: &ParseOptions) -> TestReport {
        let mut report = TestReport::default();
        let mut scratch = Scratch::default();
        for (r, rule) in rules.rules.iter().enumerate() {
            report.rules += 1;
            let ex = &rule.examples;
            if ex.hit.is_empty() && ex.clean.is_empty() {
                report.rules_without_examples.push(WithoutExamples {
                    rule: rule.id.clone(),
                    place: rule.origin.clone(),
                });
                continue;
            }
            let cases = ex
                .hit
                .iter()
                .enumerate()
                .map(|(i, e)| (i, e, true))
                .chain(ex.clean.iter().enumerate().map(|(i, e)| (i, e, false)));
            for (i, example, should_hit) in cases {
                report.examples += 1;
                let outcome = match self.matches_example(r, example, opts, &mut scratch) {
                    Err(timed) => ExampleOutcome::Unjudged(lacking(rule, timed)),
                    Ok(hit) if hit == should_hit => continue,
                    Ok(_) if should_hit => ExampleOutcome::Missing,
                    Ok(_) => ExampleOutcome::Noisy,
                };
                report.failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    outcome,
                    list: if should_hit { "hit" } else { "clean" },
                    index: i + 1,
                    example: example.clone(),
                    place: rule.origin.clone(),
                });
            }
        }
        report
    }

    /// Whether rule `r` counts a hit in the example text; when it applies to none of the
    /// example's conversations, whether the example has times.
    fn matches_example(
        &self,
        r: usize,
        example: &str,
        opts: &ParseOptions,
        scratch: &mut Scratch,
    ) -> Result<bool, bool> {
        let Ok(parsed) = transcript::parse(example, Format::Text, opts) else {
            return Ok(false);
        };
        let mut judged = parsed
            .transcripts
            .iter()
            .filter_map(|t| self.check_rule(r, t, example, scratch));
        let Some(first) = judged.next() else {
            let turns = || parsed.transcripts.iter().flat_map(|t| &t.turns);
            return Err(turns().any(|t| t.start_ms.is_some()));
        };
        Ok(!first.is_empty() || judged.any(|outcomes| !outcomes.is_empty()))
    }
}

/// What an example that `rule` could not judge lacks; `timed` whether it has times.
fn lacking(rule: &Rule, timed: bool) -> Lacking {
    let answers =
        rule.kind == Kind::Require && matches!(rule.target, Target::Find { after: Some(_), .. });
    if rule.reads_sentiment() {
        Lacking::SentimentLabels
    } else if answers && (timed || !rule.reads_times()) {
        Lacking::Trigger
    } else {
        Lacking::Times
    }
}
