//! The head of a SARIF document: the run's `tool.driver` with its rules, each id once. SARIF
//! 2.1.0 (§3.19.23) lists a tool component's rules as unique reportingDescriptor objects, each
//! named by its `id` (§3.49.3), and GitHub code scanning takes the id as "a unique identifier
//! for the rule"; with nested configs one id can come with several severities, so the entry of
//! the run's config stands for the id, and each result says its own `level`, which overrides
//! the rule's default (GitHub: "This level overrides the default severity defined by the rule").

use super::super::rule_ids::RuleIds;
use super::{level, score};
use crate::rules::{Rule, RuleSet, TemplatePiece};
use serde_json::{Value, json};

/// The document up to the opening of `results`: a rule per id of `ids` (its first entry in
/// `rules`), then the score's rule.
pub(super) fn head(rules: &RuleSet, ids: &RuleIds) -> String {
    let driver_rules: Vec<Value> = (ids.representatives().iter())
        .map(|&i| descriptor(&rules.rules[i]))
        .chain([score::rule()])
        .collect();
    let tool = json!({"driver": {
        "name": "talklint",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": driver_rules,
    }});
    // Written by hand up to the opening of `results`, so the results can be streamed into it.
    format!(
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\
         \"runs\":[{{\"tool\":{tool},\"columnKind\":\"unicodeCodePoints\",\"results\":["
    )
}

/// A rule as `tool.driver.rules` lists it.
fn descriptor(r: &Rule) -> Value {
    let mut rule = json!({
        "id": r.id,
        "name": r.id.replace(['/', '-'], "_"),
        "shortDescription": {"text": r.description.clone().unwrap_or_else(|| described(r))},
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {"category": r.category, "kind": r.kind.name(), "points": r.points},
    });
    if let Some(s) = &r.suggestion {
        rule["help"] = json!({"text": s});
    }
    if let Some(l) = &r.link {
        rule["helpUri"] = json!(l);
    }
    rule
}

/// A rule's message as a description of all its findings: what each fills in is `…`, the
/// speaker "the speaker".
fn described(rule: &Rule) -> String {
    let piece = |p| match p {
        TemplatePiece::Text(text) => text,
        TemplatePiece::Speaker => "the speaker",
        TemplatePiece::Match | TemplatePiece::Trigger | TemplatePiece::Measured => "…",
    };
    rule.template().map(piece).collect()
}
