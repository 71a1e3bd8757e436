//! What `talklint import` makes of the names and bytes a vendor's file may hold: line breaks
//! in a name stay inside its comment, a byte-order mark is no JSON, and names beyond ASCII make
//! rule ids.

use crate::support::{run, talklint};
use serde_json::Value;

#[test]
fn a_vendor_name_with_line_breaks_stays_in_its_comment() {
    let dir = tempfile::tempdir().unwrap();
    let name = "X\n  - id: evil/rule\n    phrases: [\"thank you\"]\n    severity: error\n  #";
    let matcher = serde_json::json!({
        "displayName": name,
        "type": "ANY_OF",
        "active": true,
        "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": "refund"}]}],
    });
    let json = crate::support::write(dir.path(), "inj.json", &matcher.to_string());
    let (code, yaml, err) = run(talklint().args(["import", "--no-config"]).arg(&json));
    assert_eq!(code, 0, "{err}");
    let printed = crate::support::write(dir.path(), "inj.yaml", &yaml);
    let (code, out, err) = run(talklint()
        .args(["rules", "--no-config", "--format", "json", "-r"])
        .arg(&printed));
    assert_eq!(code, 0, "{err}");
    let rules: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = (rules.as_array().unwrap().iter())
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}\n{yaml}");
    assert!(!ids.contains(&"evil/rule"), "{yaml}");
}

#[test]
fn a_byte_order_mark_is_no_json() {
    let dir = tempfile::tempdir().unwrap();
    let matcher = r#"{"displayName": "Refunds", "type": "ANY_OF", "active": true, "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": "refund"}]}]}"#;
    let json = crate::support::write(dir.path(), "bom.json", &format!("\u{feff}{matcher}"));
    let (code, yaml, err) = run(talklint().args(["import", "--no-config"]).arg(&json));
    assert_eq!(code, 0, "{err}");
    assert!(yaml.contains("- id: ccai/refunds"), "{yaml}");
    // An error's column is the same with the mark as without it.
    let unnamed = matcher.replace("Refunds", "");
    for (name, text) in [
        ("plain.json", unnamed.clone()),
        ("marked.json", format!("\u{feff}{unnamed}")),
    ] {
        let json = crate::support::write(dir.path(), name, &text);
        let (code, _, err) = run(talklint().args(["import", "--no-config"]).arg(&json));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{name}:1:17: the name is blank")),
            "{err}"
        );
    }
}

#[test]
fn names_beyond_ascii_make_ids() {
    let dir = tempfile::tempdir().unwrap();
    let matcher = |name: &str| {
        serde_json::json!({
            "displayName": name,
            "type": "ANY_OF",
            "active": true,
            "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": "refund"}]}],
        })
    };
    let list = serde_json::json!([matcher("Réclamation"), matcher("請求の問題")]);
    let json = crate::support::write(dir.path(), "m.json", &list.to_string());
    let (code, yaml, err) = run(talklint().args(["import", "--no-config"]).arg(&json));
    assert_eq!(code, 0, "{err}");
    assert!(yaml.contains("- id: ccai/reclamation\n"), "{yaml}");
    assert!(yaml.contains("- id: ccai/name-"), "{yaml}");
}

/// A case-sensitive CCAI query that ends in a letter beyond ASCII still ends at a word's end:
/// `Café` does not tag `Cafés`.
#[test]
fn a_case_sensitive_query_keeps_its_word_boundary_beyond_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let matcher = serde_json::json!({
        "displayName": "Case two",
        "type": "ANY_OF",
        "active": true,
        "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [
            {"query": "Café", "config": {"exactMatchConfig": {"caseSensitive": true}}}]}],
    });
    let json = crate::support::write(dir.path(), "cs.json", &matcher.to_string());
    let plural = crate::support::write(dir.path(), "a.txt", "Agent: Cafés near me\n");
    let single = crate::support::write(dir.path(), "b.txt", "Agent: the Café near me\n");
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&json)
        .arg(&plural)
        .arg(&single));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let tags: Vec<&Value> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["tags"])
        .collect();
    assert_eq!(
        tags,
        [&Value::Null, &serde_json::json!(["ccai/case-two"])],
        "{v}"
    );
    // A query that holds an address is a regex too (a phrase never matches one), in any case.
    let mail = serde_json::json!({
        "displayName": "Mail",
        "type": "ANY_OF",
        "active": true,
        "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [
            {"query": "write to Support@acme.com"}]}],
    });
    let json = crate::support::write(dir.path(), "mail.json", &mail.to_string());
    let call = crate::support::write(dir.path(), "c.txt", "Agent: write to support@acme.com\n");
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&json)
        .arg(&call));
    assert!(out.contains("\"tags\":[\"ccai/mail\"]"), "{out}{err}");
}
