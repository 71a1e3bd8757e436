//! SARIF's `region.snippet` is the file's text in the region ("the portion of the artifact
//! contents within the specified region", SARIF 2.1.0): as written, character references, JSON
//! escapes and the code a Markdown match reads over included, where it was the match as it
//! reads. With `--redact` it shows no personal data.

use crate::support::{assert_valid_sarif, check_in, write};
use serde_json::Value;

/// The snippets of the SARIF report of `args` in `dir`, after checking it against the schema.
fn snippets(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    let (_, out, err) = check_in(dir, &[&["-f", "sarif", "-r", "rules.yaml"], args].concat());
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    assert_valid_sarif(&sarif);
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        // A failed conversation's result is at its file, with no region to show.
        .filter(|r| r["ruleId"] != "talklint/score")
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            region["snippet"]["text"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_snippet_is_the_files_text_in_the_region() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yaml",
        "rules: [{id: t/calm, phrases: [calm down]}, {id: t/dept, phrases: [not my department]}, \
         {id: t/write, phrases: [write to * today]}]",
    );
    write(
        dir.path(),
        "a.md",
        "Please calm&nbsp;down, or calm `x` down.\n\nWrite to jane@example.com&nbsp;today.\n",
    );
    write(
        dir.path(),
        "b.json",
        r#"[{"role": "agent", "text": "That\u2019s not my department"}]"#,
    );
    assert_eq!(
        snippets(dir.path(), &["a.md", "b.json"]),
        [
            "calm&nbsp;down",
            "calm `x` down",
            "Write to jane@example.com&nbsp;today",
            "not my department",
        ]
    );
    write(
        dir.path(),
        "c.json",
        r#"[{"role": "agent", "text": "It is not my\u00a0department"}]"#,
    );
    assert_eq!(
        snippets(dir.path(), &["c.json"]),
        ["not my\\u00a0department"]
    );
    // Masked with --redact, in the file's text as in the match.
    let redacted = snippets(dir.path(), &["--redact", "a.md"]);
    assert_eq!(redacted[2], "Write to [EMAIL]&nbsp;today");
}

/// A rule's description in SARIF is its message with every fill as `…`: `{trigger}` and
/// `{measured}` too, not written as they are.
#[test]
fn a_rules_description_fills_each_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:
  - id: t/answer
    kind: require
    phrases: [sorry]
    after: {speaker: customer, phrases: [ridiculous], within_turns: 1}
    message: \"No answer to “{trigger}” ({id})\"
  - id: t/gap
    speaker: any
    timing: {silence_seconds: 5}
    message: \"{speaker} waited {measured}\"
";
    write(dir.path(), "rules.yaml", rules);
    write(
        dir.path(),
        "a.txt",
        "Customer: this is ridiculous\nAgent: ok\n",
    );
    let (_, out, err) = check_in(dir.path(), &["-f", "sarif", "-r", "rules.yaml", "a.txt"]);
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let described: Vec<&str> = (rules.iter())
        .filter(|r| r["id"] != "talklint/score")
        .map(|r| r["shortDescription"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        described,
        ["No answer to “…” (t/answer)", "the speaker waited …"]
    );
}
