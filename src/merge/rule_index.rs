//! The loaded rules by id: each finding of a report must say of its rule what the loaded rule
//! says, checked as the reports are indexed, before any of the merged report is written; and
//! each finding gets its rule's index (SARIF's `ruleIndex`, the HTML charts).

use crate::rules::{Kind, RuleSet, Severity};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

pub(super) struct RuleIndex<'r> {
    rules: &'r RuleSet,
    by_id: HashMap<&'r str, usize>,
}

/// What a finding of a report says of its rule.
#[derive(Debug, Deserialize)]
pub(super) struct RuleSaid<'a> {
    #[serde(borrow)]
    rule: Cow<'a, str>,
    kind: Kind,
    severity: Severity,
    #[serde(borrow)]
    category: Cow<'a, str>,
    points: i32,
    #[serde(borrow)]
    suggestion: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    link: Option<Cow<'a, str>>,
}

impl<'r> RuleIndex<'r> {
    pub(super) fn new(rules: &'r RuleSet) -> RuleIndex<'r> {
        let by_id = rules
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        RuleIndex { rules, by_id }
    }

    pub(super) fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    /// The index of the loaded rule `id`.
    pub(super) fn index(&self, id: &str) -> Result<usize, String> {
        self.by_id.get(id).copied().ok_or_else(|| {
            format!(
                "rule `{id}` is not among the loaded rules: merge with the rules (--rules, \
                 config) the check ran with"
            )
        })
    }

    /// Whether a finding says of its rule what the loaded rule says.
    pub(super) fn check(&self, f: &RuleSaid) -> Result<(), String> {
        let r = &self.rules.rules[self.index(&f.rule)?];
        // A hit past a rule's `max_hits` counts 0 points; every other, the rule's.
        let points = f.points == r.points || (f.points == 0 && r.max_hits.is_some());
        let differs = [
            ("another kind", r.kind != f.kind),
            ("another severity", r.severity != f.severity),
            ("another category", r.category != f.category),
            ("other points", !points),
            (
                "another suggestion",
                r.suggestion.as_deref() != f.suggestion.as_deref(),
            ),
            ("another link", r.link.as_deref() != f.link.as_deref()),
        ];
        match differs.iter().find(|d| d.1) {
            Some((what, _)) => Err(format!(
                "rule `{}` has {what} in the report than in the loaded rules: merge with the \
                 rules (--rules, config) the check ran with",
                f.rule
            )),
            None => Ok(()),
        }
    }
}
