//! The SARIF result of a conversation that fails (its score short of the one it needs, or a rule
//! that fails it hit), and the rule it names: such a conversation fails the run, and code
//! scanning shows results alone, so without one the failure that broke a job showed nothing.

use super::super::sarif_fingerprint::of_failure;
use super::super::{Conversation, failed_score};
use serde_json::{Value, json};

/// The id of the score's rule, listed after the loaded rules: in the category rule files may not
/// take ([`crate::rules::RESERVED_CATEGORY`]), so no loaded rule shares it.
const ID: &str = "talklint/score";

/// The score's rule, as `tool.driver.rules` lists it.
pub(super) fn rule() -> Value {
    json!({
        "id": ID,
        "name": "talklint_score",
        "shortDescription": {"text": "The conversation fails: its score is below the one it needs, \
                                       or a rule that fails a conversation hit"},
        "defaultConfiguration": {"level": "error"},
        "help": {"text": "Fix the findings that cost it points, or the auto-fail finding; the \
                          message says which"},
    })
}

/// The result of the failed conversation `c` in the file at `uri`: at its first line (a report
/// holds no place for a conversation, and `merge` writes what `check` did), saying its score and
/// why it fails, as the GitHub annotation does. `auto_fail` says, by rule index, whether a
/// loaded rule fails a conversation it hits; the score's rule comes after the `listed` rules
/// of `tool.driver.rules`.
pub(super) fn result(c: &Conversation, uri: &str, auto_fail: &[bool], listed: usize) -> Value {
    // Its id or place (`(2)`): two failing conversations of a file were two results alike.
    let name = c.name();
    let id = name.as_ref().map(|n| format!("{n}: ")).unwrap_or_default();
    let mut properties = json!({"score": c.score});
    if let Some(name) = name {
        properties["conversation"] = json!(name);
    }
    if let Some(needed) = c.needed {
        properties["needed"] = json!(needed);
    }
    json!({
        "level": "error",
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": 1},
        }}],
        "message": {"text": format!("{id}{}", failed_score(c, auto_fail))},
        "partialFingerprints": {"primaryLocationLineHash": of_failure(ID, c)},
        "properties": properties,
        "ruleId": ID,
        "ruleIndex": listed,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_score_rule_is_in_the_category_no_rule_may_take() {
        let category = super::ID.split_once('/').map(|(c, _)| c);
        assert_eq!(category, Some(crate::rules::RESERVED_CATEGORY));
    }
}
