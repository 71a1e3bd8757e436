//! `phrases` and `sentiment` in one search are one turn's: the phrase counts only in a turn the
//! transcript labels with that sentiment ("the customer says cancel in a negative turn"), as a
//! rule or as a `when` condition. Two conditions of a `when: all` stay two searches of the
//! conversation. Such a rule was a rule error, whose help sent the user to that `when: all`.

use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

const RULES: &str = r#"rules:
  - id: loyalty/cancel-when-upset
    kind: tag
    speaker: customer
    phrases: ["cancel*"]
    sentiment: negative
    message: "Upset and cancelling: “{match}”"
  - id: loyalty/cancel-when-upset-when
    kind: tag
    when:
      all:
        - {speaker: customer, phrases: ["cancel*"], sentiment: [negative, mixed]}
  - id: loyalty/cancel-and-upset-apart
    kind: tag
    when:
      all:
        - {speaker: customer, phrases: ["cancel*"]}
        - {speaker: customer, sentiment: negative}
"#;

/// An AWS Call Analytics transcript: `(role, text, sentiment)` per turn, 5 s apart.
fn aws_call(turns: &[(&str, &str, &str)]) -> String {
    let items: Vec<String> = (turns.iter().enumerate())
        .map(|(i, (role, text, sentiment))| {
            format!(
                r#"{{"ParticipantRole": "{role}", "Content": "{text}", "BeginOffsetMillis": {}, "EndOffsetMillis": {}, "Sentiment": "{sentiment}"}}"#,
                i * 5000,
                i * 5000 + 4000
            )
        })
        .collect();
    format!(
        r#"{{"JobName": "call", "Transcript": [{}]}}"#,
        items.join(",\n")
    )
}

/// `talklint check -f json ARGS` in `dir`: the report, after an exit of 0 or 1.
fn report(dir: &Path, args: &[&str]) -> Value {
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "-f", "json"])
        .args(args));
    assert!(code < 2, "exit {code}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

/// Each conversation's file name, tags and rules not applied.
fn outcomes(v: &Value) -> Vec<(String, Vec<&str>, Vec<&str>)> {
    fn strings(v: &Value) -> Vec<&str> {
        (v.as_array().into_iter().flatten())
            .map(|s| s.as_str().unwrap())
            .collect()
    }
    (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            let path = Path::new(c["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, strings(&c["tags"]), strings(&c["not_applied"]))
        })
        .collect()
}

/// "Cancel" in a neutral turn and a negative turn later is not "cancel" in a negative turn; the
/// two conditions of a `when: all` still hold there. A text transcript that says cancel carries
/// no labels, so whether its turn is negative is unknown; one that never says it cannot match.
#[test]
fn phrases_and_sentiment_in_one_search_are_one_turns() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let apart = aws_call(&[
        ("CUSTOMER", "I want to cancel my plan.", "NEUTRAL"),
        ("AGENT", "I can offer a discount.", "POSITIVE"),
        ("CUSTOMER", "No, this is ridiculous.", "NEGATIVE"),
    ]);
    let together = aws_call(&[
        ("AGENT", "Thanks for calling.", "NEUTRAL"),
        ("CUSTOMER", "This is ridiculous, cancel it now.", "NEGATIVE"),
    ]);
    write(dir.path(), "a-apart.json", &apart);
    write(dir.path(), "b-together.json", &together);
    write(
        dir.path(),
        "c-text.txt",
        "Agent: Hello.\nCustomer: Cancel it.\n",
    );
    write(
        dir.path(),
        "d-text.txt",
        "Agent: Hello.\nCustomer: Thanks.\n",
    );
    let v = report(dir.path(), &["--no-config", "-r", "rules.yaml", "."]);
    let (same, when, apart) = (
        "loyalty/cancel-when-upset",
        "loyalty/cancel-when-upset-when",
        "loyalty/cancel-and-upset-apart",
    );
    assert_eq!(
        outcomes(&v),
        vec![
            ("a-apart.json".into(), vec![apart], vec![]),
            ("b-together.json".into(), vec![apart, same, when], vec![]),
            ("c-text.txt".into(), vec![], vec![same, when, apart]),
            ("d-text.txt".into(), vec![], vec![]),
        ]
    );
    // The finding quotes the phrase, in the labelled turn; a `when` rule says so.
    let findings = v["conversations"][1]["findings"].as_array().unwrap();
    let of = |rule: &str| findings.iter().find(|f| f["rule"] == rule).unwrap();
    assert_eq!(
        (&of(same)["turn"], &of(same)["match"], &of(same)["message"]),
        (
            &Value::from(2),
            &Value::from("cancel"),
            &Value::from("Upset and cancelling: “cancel”")
        )
    );
    assert_eq!(
        of(when)["message"],
        "Condition met: customer “cancel*” in a turn labelled negative or mixed \
         (loyalty/cancel-when-upset-when)"
    );
}

/// On Google CCAI's scores the same rule reads the thresholds: the customer says cancel at -0.2
/// (neutral by default, negative below -0.1) and at -0.8.
#[test]
fn phrases_in_a_turn_whose_score_is_negative() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let ccai = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sentiment/ccai-scores.json");
    let ccai = ccai.to_str().unwrap();
    let turns = |v: &Value| -> Vec<u64> {
        (v["conversations"][0]["findings"].as_array().unwrap().iter())
            .filter(|f| f["rule"] == "loyalty/cancel-when-upset")
            .map(|f| f["turn"].as_u64().unwrap())
            .collect()
    };
    let v = report(dir.path(), &["--no-config", "-r", "rules.yaml", ccai]);
    assert_eq!(turns(&v), [4]);
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [rules.yaml]\nsentiment: {negative_below: -0.1}\n",
    );
    let v = report(dir.path(), &[ccai]);
    assert_eq!(turns(&v), [2, 4]);
}

/// `unless` or `near` judges a phrase's match: beside a `sentiment` with no phrase to match,
/// it is a rule error at that key that says to add the phrases; `timing` still takes neither.
#[test]
fn a_sentiment_search_with_unless_but_no_phrases_is_an_error() {
    let cases = [
        (
            "rules:\n  - id: a/b\n    speaker: customer\n    sentiment: negative\n    unless: [thanks]\n",
            "r.yaml:5:5: `sentiment` with `unless` but no phrases or `regex`",
        ),
        (
            "rules:\n  - id: a/b\n    kind: tag\n    when: {speaker: customer, sentiment: negative, near: {phrases: [refund], words: 3}}\n",
            "r.yaml:4:52: `sentiment` with `near` but no phrases or `regex`",
        ),
        (
            "rules:\n  - id: a/b\n    speaker: any\n    timing: {silence_seconds: 3}\n    sentiment: negative\n",
            "`timing` cannot be combined with `sentiment` in one search",
        ),
    ];
    for (rules, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "r.yaml", rules);
        write(dir.path(), "call.txt", "Agent: Hello.\n");
        let (code, out, err) = run(talklint().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "-r",
            "r.yaml",
            "call.txt",
        ]));
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains(expected), "{rules}: {err}");
        assert!(err.contains("help: "), "{err}");
    }
}

/// `talklint rules` shows both keys of such a search.
#[test]
fn the_rules_view_shows_the_phrases_and_the_sentiment() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "rules",
        "--no-config",
        "-r",
        "rules.yaml",
        "--format",
        "json",
        "loyalty/cancel-when-upset",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let rule = if v.is_array() { &v[0] } else { &v };
    assert_eq!(
        (&rule["phrases"], &rule["sentiment"]),
        (&Value::from(vec!["cancel*"]), &Value::from("negative")),
        "{out}"
    );
}

/// A sentiment rule's example is text, which carries no labels: `talklint test` says so, not
/// that the example lacks times; a clean example without the phrase is judged.
#[test]
fn a_sentiment_rules_examples_say_they_carry_no_labels() {
    let dir = tempfile::tempdir().unwrap();
    let rules = r#"rules:
  - id: loyalty/cancel-when-upset
    kind: tag
    speaker: customer
    phrases: [cancel]
    sentiment: negative
    examples:
      hit: ["Customer: I want to cancel."]
      clean: ["Customer: Thanks."]
"#;
    write(dir.path(), "rules.yaml", rules);
    let (code, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["test", "--no-config", "rules.yaml"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(
            "rules.yaml:8:14: loyalty/cancel-when-upset: Unjudged: hit example 1 cannot be judged: \
             this rule reads the sentiment a transcript gives its turns, and a text example gives none"
        ),
        "{out}"
    );
    assert!(out.contains("1 passed, 1 failed"), "{out}");
}
