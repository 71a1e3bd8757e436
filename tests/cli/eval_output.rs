//! What `talklint eval` prints, through the binary: a miss's text with its control characters
//! escaped as check's report shows them, F1 wherever it is defined, and floor messages rounded
//! as the table is, so that a failing measure never reads as a passing one.

use crate::eval_reports::eval_in;
use serde_json::Value;
use std::fs;
use std::path::Path;

#[test]
fn a_miss_text_reaches_the_terminal_with_its_controls_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: We are sorry \u{1b}[2J\u{1b}]0;pwned\u{7} bye\rgone\n";
    fs::write(dir.path().join("e.txt"), text).unwrap();
    fs::write(dir.path().join("l.csv"), "path,turn,empathy\ne.txt,1,0\n").unwrap();
    let (code, out, err) = eval_in(dir.path(), &["--labels", "l.csv", "--show", "fp", "e.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("  | We are sorry \\x1b[2J\\x1b]0;pwned\\x07 bye"),
        "{out}"
    );
}

/// Three agent turns that `respect` fires on, and one it does not.
fn calls(dir: &Path) {
    let turns = "Agent: Calm down.\nCustomer: no\nAgent: Calm down.\nCustomer: no\n\
                 Agent: Calm down.\nCustomer: no\nAgent: Hello.\n";
    fs::write(dir.join("c.txt"), turns).unwrap();
}

#[test]
fn a_floor_message_never_rounds_a_measure_up_to_its_floor() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let labels = "path,turn,respect\nc.txt,1,1\nc.txt,3,1\nc.txt,5,0\n";
    fs::write(dir.path().join("l.csv"), labels).unwrap();
    let args = ["--labels", "l.csv", "--min-precision", "0.667", "c.txt"];
    let (code, out, err) = eval_in(dir.path(), &args);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("  0.667   1.000"), "{out}");
    assert_eq!(
        err,
        "error: respect (turn): precision 0.6667 (2 of 3 predicted) is below --min-precision \
         0.667\n"
    );
    let args = ["--labels", "l.csv", "--min-precision", "0.7", "c.txt"];
    let (code, _, err) = eval_in(dir.path(), &args);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("precision 0.667 (2 of 3 predicted)"), "{err}");
}

#[test]
fn f1_is_zero_when_every_prediction_and_label_missed() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    // Turn 1 fired and is labelled 0; turn 7 did not and is labelled 1.
    let labels = "path,turn,respect\nc.txt,1,0\nc.txt,7,1\n";
    fs::write(dir.path().join("l.csv"), labels).unwrap();
    let (code, out, err) = eval_in(dir.path(), &["--labels", "l.csv", "c.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("  0.000   0.000  0.000\n"), "{out}");
    let (_, out, _) = eval_in(dir.path(), &["--labels", "l.csv", "-f", "json", "c.txt"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scores"][0]["f1"], 0.0, "{out}");
    // Undefined only where nothing was predicted or labelled positive.
    fs::write(dir.path().join("l.csv"), "path,turn,respect\nc.txt,7,0\n").unwrap();
    let (_, out, _) = eval_in(dir.path(), &["--labels", "l.csv", "-f", "json", "c.txt"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scores"][0]["f1"], Value::Null, "{out}");
}
