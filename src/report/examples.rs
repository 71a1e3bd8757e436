//! `talklint test` output: every failed example, named as ast-grep names them (*Missing*,
//! *Noisy*; *Unjudged* for one the rule cannot judge), then the totals.

use crate::engine::{ExampleOutcome, Lacking, TestReport};
use crate::report::plural;
use crate::text::controls::quoted;
use std::collections::BTreeSet;

/// The report as lines of text; `notes` says more of each failure, in their order (a speaker of
/// the example with no role).
pub fn render(report: &TestReport, notes: &[Option<String>]) -> String {
    let mut lines = String::new();
    for (i, f) in report.failures.iter().enumerate() {
        let (name, what) = match f.outcome {
            ExampleOutcome::Missing => ("Missing", "did not match"),
            ExampleOutcome::Noisy => ("Noisy", "matched"),
            ExampleOutcome::Unjudged(Lacking::Times) => (
                "Unjudged",
                "cannot be judged: it lacks the times this rule needs (`[00:00-00:04] Agent: …` \
                 gives a turn's start and end)",
            ),
            ExampleOutcome::Unjudged(Lacking::Trigger) => (
                "Unjudged",
                "cannot be judged: it holds no trigger of the `require` rule's `after`, so there \
                 is nothing to answer (give the trigger, then the answer or its lack)",
            ),
            ExampleOutcome::Unjudged(Lacking::SentimentLabels) => (
                "Unjudged",
                "cannot be judged: this rule reads the sentiment a transcript gives its turns, \
                 and a text example gives none (check the rule on a labelled transcript instead: \
                 `talklint check -r FILE call.json`)",
            ),
        };
        let at = &f.place;
        let note = match notes.get(i) {
            Some(Some(note)) => format!("; {note}"),
            _ => String::new(),
        };
        lines.push_str(&format!(
            "{}:{}:{}: {}: {name}: {} example {} {what}: {}{note}\n",
            at.file,
            at.line,
            at.column,
            f.rule,
            f.list,
            f.index,
            quoted(&f.example)
        ));
    }
    for w in &report.rules_without_examples {
        let at = &w.place;
        lines.push_str(&format!(
            "{}:{}:{}: {}: no examples\n",
            at.file, at.line, at.column, w.rule
        ));
    }
    let failed_rules: BTreeSet<&str> = report.failures.iter().map(|f| f.rule.as_str()).collect();
    lines.push_str(&format!(
        "{}, {}: {} passed, {} failed ({} failing, {} without examples).\n",
        plural(report.rules, "rule", "rules"),
        plural(report.examples, "example", "examples"),
        report.examples - report.failures.len(),
        report.failures.len(),
        plural(failed_rules.len(), "rule", "rules"),
        plural(report.rules_without_examples.len(), "rule", "rules")
    ));
    lines
}
