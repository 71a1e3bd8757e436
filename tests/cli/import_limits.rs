//! The vendors' own rules for what `talklint import` reads: a category AWS would refuse (a name
//! or target out of its bounds) is an error at its place, as the other limits are, and a CCAI
//! matcher is read with the defaults its API's JSON leaves out (no `active` is inactive). A name
//! AWS accepts always gets an id (`._-` a hashed one), and a CCAI rule's `config` is one way of
//! matching, as its API's oneof is.

use crate::support::{run, talklint};

/// An AWS category named `name` with one transcript filter of `target`, as JSON.
fn aws(name: &str, target: &str) -> String {
    serde_json::json!({
        "CategoryName": name,
        "Rules": [{"TranscriptFilter": {"TranscriptFilterType": "EXACT", "Targets": [target]}}],
    })
    .to_string()
}

/// `talklint import` of `json`: the exit code, the YAML and the errors.
fn import(json: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = crate::support::write(dir.path(), "c.json", json);
    run(talklint().args(["import", "--no-config"]).arg(&file))
}

#[test]
fn aws_names_and_targets_out_of_its_bounds_are_errors() {
    let long_name = "a".repeat(201);
    // 2000 characters, then 2001.
    let long_target = format!("{}again", "refund ".repeat(285));
    let longer_target = format!("{long_target}s");
    for (json, message, hint) in [
        (
            aws("Billing Dispute! (v2)", "refund"),
            "c.json:1:17: `CategoryName` \"Billing Dispute! (v2)\" holds ' ': AWS allows only letters A-Z and a-z, digits, `.`, `_` and `-`",
            "such as \"Billing-Dispute-v2\"",
        ),
        (
            aws("Réclamation", "refund"),
            "c.json:1:17: `CategoryName` \"Réclamation\" holds 'é'",
            "such as \"R-clamation\"",
        ),
        (
            aws(&long_name, "refund"),
            "c.json:1:17: `CategoryName` has 201 characters: AWS allows 1 to 200",
            "write it in 1 to 200 characters",
        ),
        (
            aws("", "refund"),
            "c.json:1:17: `CategoryName` has 0 characters: AWS allows 1 to 200",
            "write it in 1 to 200 characters",
        ),
        (
            aws("refunds", &longer_target),
            "c.json:1:68: `Targets[0]` has 2001 characters: AWS allows 1 to 2000",
            "write it in 1 to 2000 characters",
        ),
    ] {
        let (code, yaml, err) = import(&json);
        assert_eq!(code, 2, "{err}");
        assert!(yaml.is_empty(), "{yaml}");
        assert!(err.contains(message), "{err}");
        assert!(err.contains(hint), "{err}");
    }
    // At the limits, both load.
    let (code, yaml, err) = import(&aws(&"a".repeat(200), &long_target));
    assert_eq!(code, 0, "{err}");
    assert!(
        yaml.contains(&format!("- id: aws/{}\n", "a".repeat(200))),
        "{yaml}"
    );
    let (code, yaml, err) = import(&aws("Late_Refund.v2", "refund"));
    assert_eq!(code, 0, "{err}");
    assert!(yaml.contains("- id: aws/late-refund-v2\n"), "{yaml}");
}

#[test]
fn a_ccai_matcher_without_active_is_left_out_as_ccai_reads_it() {
    let matcher = |name: &str, active: Option<bool>| {
        let mut m = serde_json::json!({
            "displayName": name,
            "type": "ANY_OF",
            "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": "refund"}]}],
        });
        if let Some(active) = active {
            m["active"] = active.into();
        }
        m
    };
    let list = serde_json::json!([
        matcher("Exported", None),
        matcher("Off", Some(false)),
        matcher("On", Some(true)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let json = crate::support::write(dir.path(), "m.json", &list.to_string());
    let call = crate::support::write(dir.path(), "call.txt", "Customer: I want a refund\n");
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&json)
        .arg(&call));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"tags\":[\"ccai/on\"]"), "{out}");
    assert!(
        err.contains("m.json:1:17: Google CCAI Insights phrase matcher \"Exported\" left out: it has no `active` key, which CCAI reads as false"),
        "{err}"
    );
    assert!(err.contains("write \"active\": true to load it"), "{err}");
    assert!(
        err.contains("\"Off\" left out: it is inactive (`active: false`)"),
        "{err}"
    );
    let (code, yaml, err) = import(&list.to_string());
    assert_eq!(code, 0, "{err}");
    assert!(!yaml.contains("- id: ccai/exported"), "{yaml}");
    assert!(
        yaml.contains("# Left out: Google CCAI Insights phrase matcher \"Exported\""),
        "{yaml}"
    );
}

#[test]
fn an_aws_name_of_punctuation_only_gets_a_hashed_id() {
    let (code, yaml, err) = import(&aws("._-", "refund"));
    assert_eq!(code, 0, "{err}");
    let id = yaml
        .lines()
        .find_map(|l| l.strip_prefix("  - id: aws/name-"))
        .unwrap_or_else(|| panic!("{yaml}"));
    assert_eq!(id.len(), 8, "{yaml}");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{yaml}");
}

#[test]
fn a_ccai_rule_config_is_one_way_of_matching() {
    let rule = |config: serde_json::Value| {
        serde_json::json!({"displayName": "m", "type": "ANY_OF", "active": true,
            "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [
                {"query": "refund", "config": config}]}]})
        .to_string()
    };
    let both = rule(serde_json::json!({"exactMatchConfig": {}, "semanticMatchConfig": {}}));
    let (code, yaml, err) = import(&both);
    assert_eq!(code, 2, "{err}");
    assert!(yaml.is_empty(), "{yaml}");
    assert!(
        err.contains("c.json:1:113: phraseMatchRuleGroups[0].phraseMatchRules[0].config holds both `exactMatchConfig` and `semanticMatchConfig`"),
        "{err}"
    );
    assert!(err.contains("keep one of the two"), "{err}");
    let (code, _, err) = import(&rule(serde_json::json!({"semanticMatchConfig": "yes"})));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("semanticMatchConfig"), "{err}");
}

/// A cloud file broken as hand edits break one (cut short, a comment line, a comma missing) is
/// told what is missing and how to mend it, as a transcript is (it was serde_json's words, with
/// one help for all).
#[test]
fn broken_cloud_json_says_what_is_missing_and_how_to_mend_it() {
    for (json, said, help) in [
        (
            "{\"Categories\": [\n  {\"CategoryName\": \"x\", \"Rules\": []}\n",
            "3:1: invalid JSON: the JSON ends inside a list: a `]` is missing",
            "close the list with `]` where it ends",
        ),
        (
            "// exported\n{\"Categories\": []}\n",
            "1:1: invalid JSON: expected a JSON value",
            "JSON has no comments (`//`, `#`): remove any such line",
        ),
    ] {
        let (code, _, err) = import(json);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(said), "{err}");
        assert!(err.contains(help), "{err}");
    }
}
