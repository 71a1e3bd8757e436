//! Cloud rule files saved from a vendor's answer (boto3, the AWS CLI, the CCAI REST API): every
//! list a file wraps is loaded, the fields an answer carries beside them are ignored and a
//! misspelt one is named, a page token says the list goes on, and an inactive matcher is left
//! out as inactive whatever else it asks for. A file named twice is read once, as `-r` reads it.

use crate::support::{run, talklint, write};
use serde_json::{Value, json};

/// An AWS category named `name` with one transcript filter of `target`.
fn aws(name: &str, target: &str) -> Value {
    json!({
        "CategoryName": name,
        "Rules": [{"TranscriptFilter": {"TranscriptFilterType": "EXACT", "Targets": [target]}}],
    })
}

/// An active CCAI matcher named `name` with one query.
fn ccai(name: &str, query: &str) -> Value {
    json!({
        "displayName": name, "type": "ANY_OF", "active": true,
        "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": query}]}],
    })
}

/// `talklint check -f json -r FILE.json` (`extra` flags first) of `rules` on a call that says
/// "refund" and "manager": the exit code, the report and the errors.
fn check(rules: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let json = write(dir.path(), "r.json", rules);
    let call = write(
        dir.path(),
        "call.txt",
        "Customer: I want a refund\nAgent: let me get the manager\n",
    );
    run(talklint()
        .args(["check", "--no-config", "-f", "json"])
        .args(extra)
        .arg("-r")
        .arg(&json)
        .arg(&call))
}

#[test]
fn every_list_of_a_file_is_loaded() {
    for (rules, tags) in [
        (
            json!({"Categories": [aws("a1", "refund")], "phraseMatchers": [ccai("g1", "manager")]}),
            "\"tags\":[\"aws/a1\",\"ccai/g1\"]",
        ),
        (
            json!({"CategoryProperties": aws("a1", "refund"), "Categories": [aws("a2", "manager")]}),
            "\"tags\":[\"aws/a1\",\"aws/a2\"]",
        ),
    ] {
        let (code, out, err) = check(&rules.to_string(), &[]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(tags), "{out}");
    }
}

#[test]
fn fields_beside_the_lists_are_ignored_or_named() {
    let metadata = json!({"RequestId": "r", "HTTPStatusCode": 200, "RetryAttempts": 0});
    for rules in [
        json!({"Categories": [aws("n1", "refund")], "ResponseMetadata": metadata}),
        json!({"CategoryProperties": aws("n1", "refund"), "ResponseMetadata": metadata}),
    ] {
        let (code, out, err) = check(&rules.to_string(), &[]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("\"tags\":[\"aws/n1\"]"), "{out}");
    }
    let misspelt = r#"{"phraseMatchers": [{"displayName": "g1", "type": "ANY_OF", "active": true,
  "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [{"query": "manager"}]}]}],
 "nextPageTokn": ""}"#;
    let (code, _, err) = check(misspelt, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("r.json:3:2: unknown key `nextPageTokn` in the file's top-level object (did you mean `nextPageToken`?)"),
        "{err}"
    );
    let wrapper = json!({"Categoris": [aws("n1", "refund")]}).to_string();
    let (code, _, err) = check(&wrapper, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("(did you mean `Categories`?)"), "{err}");
    // JSON of no vendor's shape still lists the shapes.
    let (code, _, err) = check(&json!({"Name": "rule", "Actions": []}).to_string(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("not a cloud rule file talklint can read"),
        "{err}"
    );
    assert!(
        err.contains("the CreateCallAnalyticsCategory request"),
        "{err}"
    );
    // A transcript given as rules (a Contact Lens call holds a `Categories` key) says so.
    let call = std::fs::read_to_string("fixtures/formats/contact-lens-call.json").unwrap();
    let (code, _, err) = check(&call, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("r.json is a transcript (aws-call-analytics), not cloud rules"),
        "{err}"
    );
}

#[test]
fn a_page_of_a_longer_list_is_said() {
    let aws_page = json!({"Categories": [aws("p1", "refund")], "NextToken": "eyJ0b2tlbiI6IDF9"});
    let (code, out, err) = check(&aws_page.to_string(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"tags\":[\"aws/p1\"]"), "{out}");
    assert!(
        err.contains("r.json:1:136: the AWS Transcribe Call Analytics categories of later pages left out: `NextToken` is set, so `Categories` is one page of a longer list"),
        "{err}"
    );
    assert!(
        err.contains("aws transcribe list-call-analytics-categories` without `--max-results`"),
        "{err}"
    );
    let (code, _, err) = check(&aws_page.to_string(), &["--strict-import"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("save every page of the list in the file"),
        "{err}"
    );
    let ccai_page = json!({"phraseMatchers": [ccai("g1", "manager")], "nextPageToken": "CgR0ZXN0"});
    let (code, _, err) = check(&ccai_page.to_string(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("`nextPageToken` is set, so `phraseMatchers` is one page"),
        "{err}"
    );
    assert!(err.contains("`pageToken`"), "{err}");
    // The last page's token is empty (or null): nothing to say.
    for last in [json!(""), Value::Null] {
        let rules = json!({"Categories": [aws("p1", "refund")], "NextToken": last});
        let (code, _, err) = check(&rules.to_string(), &["--strict-import"]);
        assert_eq!(code, 0, "{err}");
        assert!(!err.contains("later pages"), "{err}");
    }
}

#[test]
fn an_inactive_semantic_matcher_is_left_out_as_inactive_even_when_strict() {
    let mut m = ccai("Sem", "take care of this");
    m["active"] = false.into();
    m["phraseMatchRuleGroups"][0]["phraseMatchRules"][0]["config"] =
        json!({"semanticMatchConfig": {}});
    // Beside a rule that stays, as a run left with none fails.
    let basic = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/basic.yaml");
    let (code, _, err) = check(&m.to_string(), &["--strict-import", "-r", basic]);
    assert!(code < 2, "{err}");
    assert!(
        err.contains("\"Sem\" left out: it is inactive (`active: false`)"),
        "{err}"
    );
    // Active, it needs a model: an error under --strict-import.
    m["active"] = true.into();
    let (code, _, err) = check(&m.to_string(), &["--strict-import"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("asks for semantic matching"), "{err}");
}

#[test]
fn a_file_named_twice_is_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "f.json", &aws("twice", "refund").to_string());
    let (code, yaml, err) = run(talklint().current_dir(dir.path()).args([
        "import",
        "--no-config",
        "f.json",
        "./f.json",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(yaml.matches("- id: aws/twice\n").count(), 1, "{yaml}");
}
