//! What a trial migrating AWS Call Analytics categories and CCAI phrase matchers with
//! `talklint import` found: regexes that missed white space beyond ASCII, a missing AWS role read
//! as any speaker (the platform's own messages included), errors placed at 1:1 or not raised at
//! all, and messages in the wrong file format's terms.

use crate::support::{run, talklint, write};
use serde_json::{Value, json};

/// A CCAI matcher `name` of one query, case-sensitive or not.
fn ccai(name: &str, query: &str, case_sensitive: bool) -> Value {
    json!({"displayName": name, "type": "ANY_OF", "active": true, "phraseMatchRuleGroups": [
        {"type": "ANY_OF", "phraseMatchRules": [{"query": query,
            "config": {"exactMatchConfig": {"caseSensitive": case_sensitive}}}]}]})
}

/// An AWS category `name` of `rules`.
fn aws(name: &str, rules: Value) -> Value {
    json!({"CategoryName": name, "Rules": rules})
}

/// A chat of `(role, text)` messages, as JSON.
fn chat(messages: &[(&str, &str)]) -> String {
    let messages: Vec<Value> = (messages.iter())
        .map(|(role, text)| json!({"role": role, "text": text}))
        .collect();
    json!({ "messages": messages }).to_string()
}

/// `check` of each of `calls` (chat JSON) with the rule file `rule` (JSON): each call's tags.
fn tags(rule: &Value, calls: &[String]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = talklint();
    cmd.args(["check", "--no-config", "-f", "json", "-r"])
        .arg(write(dir.path(), "rule.json", &rule.to_string()));
    for (i, call) in calls.iter().enumerate() {
        cmd.arg(write(dir.path(), &format!("{i}.json"), call));
    }
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let conversations = v["conversations"].as_array().unwrap();
    conversations.iter().map(|c| c["tags"].clone()).collect()
}

/// `talklint import --no-config` of `text` written to `name`: exit code, stdout, stderr.
fn import(name: &str, text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), name, text);
    run(talklint().args(["import", "--no-config"]).arg(file))
}

/// A case-sensitive query and an address target match their words across any white space, as
/// their case-insensitive and phrase forms do: the regex was compiled ASCII-only, where `\s`
/// is no no-break space, U+0085 or U+2028.
#[test]
fn regex_targets_match_across_white_space_beyond_ascii() {
    let spaces = ["\u{a0}", "\u{85}", "\u{2028}", " \u{a0} "];
    let calls = |words: [&str; 2]| -> Vec<String> {
        spaces
            .iter()
            .map(|s| chat(&[("agent", &format!("Is it {}{s}{}?", words[0], words[1]))]))
            .collect()
    };
    for case_sensitive in [true, false] {
        let rule = ccai("Order id", "Order ID", case_sensitive);
        let got = tags(&rule, &calls(["Order", "ID"]));
        assert!(
            got.iter().all(|t| *t == json!(["ccai/order-id"])),
            "{got:?}"
        );
    }
    let cs = tags(&ccai("Order id", "Order ID", true), &calls(["ORDER", "ID"]));
    assert!(cs.iter().all(Value::is_null), "{cs:?}");
    let target = json!([{"TranscriptFilter": {"TranscriptFilterType": "EXACT",
        "ParticipantRole": "AGENT", "Targets": ["email help@example.com"]}}]);
    let got = tags(
        &aws("sent-link", target),
        &calls(["email", "help@example.com"]),
    );
    assert!(
        got.iter().all(|t| *t == json!(["aws/sent-link"])),
        "{got:?}"
    );
}
