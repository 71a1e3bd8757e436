//! `talklint eval` through the binary: scores against labels, misses with their text, floors for
//! CI, errors that name the label line, and the default pack's judgement on the labelled dev
//! split of real conversations (the floors a pack change must keep).

use crate::support::{run, talklint};
use serde_json::Value;
use std::fs;

fn eval(args: &[&str]) -> (i32, String, String) {
    run(talklint().args(["eval", "--no-config"]).args(args))
}

/// (selector, level) → (labelled, predicted, tp, fp, fn).
fn scores(json: &str) -> Vec<(String, String, [u64; 6])> {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let n = |k: &str| s[k].as_u64().unwrap();
            (
                s["selector"].as_str().unwrap().to_string(),
                s["level"].as_str().unwrap().to_string(),
                [
                    n("labelled"),
                    n("positive"),
                    n("predicted"),
                    n("tp"),
                    n("fp"),
                    n("fn"),
                ],
            )
        })
        .collect()
}

#[test]
fn scores_turns_and_conversations_and_shows_misses() {
    let labels = "fixtures/labels/calls.csv";
    let (code, out, err) = eval(&[
        "--labels",
        labels,
        "--format",
        "json",
        "--show",
        "fp,fn",
        "fixtures/calls",
    ]);
    assert_eq!(code, 0, "{err}");
    let s = scores(&out);
    assert!(
        s.contains(&("ownership:forbid".into(), "turn".into(), [3, 2, 1, 1, 0, 1])),
        "{s:?}"
    );
    assert!(
        s.contains(&(
            "empathy:reward".into(),
            "conversation".into(),
            [1, 1, 1, 1, 0, 0]
        )),
        "{s:?}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let miss = &v["misses"][0];
    assert_eq!(miss["kind"], "false_negative");
    assert_eq!(miss["text"], "Please calm down. I don't know.");
    assert_eq!(
        miss["fired"],
        serde_json::json!(["knowledge/i-do-not-know", "respect/calm-down"])
    );
    let (_, human, _) = eval(&["--labels", labels, "--show", "fn", "fixtures/calls"]);
    assert!(
        human.contains("ownership:forbid   turn                 3         2          1"),
        "{human}"
    );
    assert!(
        human.contains("false negative [ownership:forbid] fixtures/calls/deflection.txt turn 5"),
        "{human}"
    );
    // Floors for CI: exit 1 below either, saying which selector and floor failed.
    let (code, _, err) = eval(&["--labels", labels, "--min-recall", "0.9", "fixtures/calls"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: ownership:forbid (turn): recall 0.500 (1 of 2 labelled positive) is below \
         --min-recall 0.9\n"
    );
    // The JSON document says it too, for a CI step that reads the report.
    let args = [
        "--labels",
        labels,
        "--min-recall",
        "0.9",
        "-f",
        "json",
        "fixtures/calls",
    ];
    let (_, out, _) = eval(&args);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["below_floors"],
        serde_json::json!([err.trim_end().trim_start_matches("error: ")])
    );
    let (code, _, _) = eval(&[
        "--labels",
        labels,
        "--min-precision",
        "0.9",
        "fixtures/calls",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn label_errors_name_the_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "path,turn,x/y\na.txt,1,1\n",
            ":1:11: selector `x/y` selects no loaded rule;",
        ),
        (
            "path,turn,respect,ownershp:forbid\na.txt,1,1,1\n",
            ":1:19: selector `ownershp:forbid` selects no loaded rule (did you mean `ownership:forbid`?)",
        ),
        (
            "path,turn,respect\nnowhere.txt,1,1\n",
            ":2:1: `nowhere.txt` names no checked file",
        ),
        (
            "path,turn,respect\ndeflection.txt,9,1\n",
            ":2:16: fixtures/calls/deflection.txt has 5 turns, not 9",
        ),
        (
            "path,turn,respect\ndeflection.txt,1,maybe\n",
            ":2:18: `maybe` is not a label",
        ),
        ("file,respect\n", ":1:1: no `path` column"),
        (
            "file;respect\n",
            ":1:1: no `path` column: the header is `path[;turn][;id];selector;…`",
        ),
        (
            "file\trespect\n",
            "`path[,turn][,id],selector,…` (with tabs for the commas)",
        ),
        ("\n", ":1:1: the labels file is empty"),
        // A quote never closed took the rest of the file as one cell, silently when it was
        // the last row, or as a cell "not a label" holding the rows after it.
        (
            "path,turn,respect\ndeflection.txt,1,\"1\n",
            ":2:18: this quote opens a field that is never closed",
        ),
        (
            "path,turn,respect\ndeflection.txt,1,\"1\ncourteous.txt,1,0\n",
            ":2:18: this quote opens a field that is never closed",
        ),
        (
            "path,turn,respect/calm-down:reward\na.txt,1,1\n",
            ":1:11: selector `respect/calm-down:reward`: `respect/calm-down` is a forbid rule, not a reward; write `respect/calm-down:forbid`",
        ),
        (
            "path,turn,respect\ndeflection.txt,1,1\nfixtures/calls/deflection.txt,1,0\n",
            ":3:33: `respect` is labelled 0 here and 1 on line 2 for the same turn",
        ),
        ("path,turn,respect\n", ":1:1: no labelled rows"),
        (
            "path,respect,turn,respect\ndeflection.txt,1,1,0\n",
            ":1:19: `respect` is a column twice (first at character 6 of the header line)",
        ),
    ];
    for (text, expected) in cases {
        let labels = dir.path().join("labels.csv");
        fs::write(&labels, text).unwrap();
        let (code, _, err) = eval(&["--labels", labels.to_str().unwrap(), "fixtures/calls"]);
        assert_eq!(code, 2, "{text}");
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn a_cell_labelled_twice_alike_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.csv");
    // One turn by two spellings of its file, and a row that splits its selectors.
    let text =
        "path,turn,respect,empathy\ndeflection.txt,5,1,\nfixtures/calls/deflection.txt,5,1,0\n";
    fs::write(&labels, text).unwrap();
    let (code, out, err) = eval(&[
        "--labels",
        labels.to_str().unwrap(),
        "-f",
        "json",
        "fixtures/calls",
    ]);
    assert_eq!(code, 0, "{err}");
    let s = scores(&out);
    assert!(
        s.contains(&("respect".into(), "turn".into(), [1, 1, 1, 1, 0, 0])),
        "{s:?}"
    );
    assert!(
        s.contains(&("empathy".into(), "turn".into(), [1, 0, 0, 0, 0, 0])),
        "{s:?}"
    );
}

#[test]
fn a_floor_is_a_fraction() {
    for floor in ["NaN", "80", "-0.1", "inf"] {
        for flag in ["--min-precision", "--min-recall"] {
            let (code, _, err) = eval(&["--labels", "x.csv", flag, floor, "fixtures/calls"]);
            assert_eq!(code, 2, "{flag} {floor}");
            assert!(err.contains(&format!("`{floor}` is no fraction")), "{err}");
        }
    }
    // A percentage is told the fraction it means.
    for floor in ["80", "80%"] {
        let (_, _, err) = eval(&["--labels", "x.csv", "--min-recall", floor, "fixtures/calls"]);
        assert!(err.contains("(for 80%, `0.8`)"), "{err}");
    }
}

/// A precision floor fails a selector that predicts nothing where positives are labelled (its
/// rules turned off pass no gate); `--show-suppressed`, which would count suppressed findings
/// as predictions, is refused.
#[test]
fn a_silent_selector_fails_a_precision_floor() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Agent: Hello.\nCustomer: hi\n").unwrap();
    let labels = dir.path().join("l.csv");
    std::fs::write(&labels, "path,turn,respect/calm-down\na.txt,1,1\n").unwrap();
    let labels = labels.to_str().unwrap();
    let in_dir = |args: &[&str]| {
        run(talklint()
            .current_dir(dir.path())
            .args(["eval", "--no-config", "--labels", labels])
            .args(args))
    };
    let (code, out, err) = in_dir(&["--min-precision", "0.9", "a.txt"]);
    assert_eq!(code, 1, "{out}{err}");
    let said = "error: respect/calm-down (turn): predicts nothing, with 1 labelled positive, \
                so it has no precision to meet --min-precision 0.9";
    assert!(err.contains(said), "{err}");
    assert_eq!(in_dir(&["--min-recall", "0", "a.txt"]).0, 0);
    let (code, _, err) = in_dir(&["--show-suppressed", "a.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("--show-suppressed"), "{err}");
}

/// The dev split of the labelled real conversations, converted as its labels name them.
fn dev_split(dir: &std::path::Path) {
    let status = std::process::Command::new("python3")
        .args([
            "scripts/twitter-cdp-to-jsonl.py",
            "fixtures/corpora/twitter-cdp/dev.json",
            "--out",
        ])
        .arg(dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs the converter");
    assert!(status.success());
}

/// The default pack's judgement on the labelled dev split: each selector above its floor, so a
/// pack change that loses judgement fails CI.
#[test]
fn the_default_pack_keeps_its_judgement_on_the_dev_split() {
    let dir = tempfile::tempdir().unwrap();
    dev_split(dir.path());
    let (code, out, err) = run(talklint()
        .args([
            "eval",
            "--no-config",
            "--format",
            "json",
            "--labels",
            "fixtures/labels/twitter-cdp-dev.tsv",
        ])
        .arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let floors = [
        ("ownership:forbid", 0.85, 0.60),
        ("empathy:reward", 0.95, 0.85),
        ("ownership:reward", 0.85, 0.60),
    ];
    for (selector, precision, recall) in floors {
        let s = v["scores"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["selector"] == selector && s["level"] == "turn")
            .unwrap_or_else(|| panic!("{selector}: {out}"));
        let (p, r) = (
            s["precision"].as_f64().unwrap(),
            s["recall"].as_f64().unwrap(),
        );
        assert!(
            p >= precision && r >= recall,
            "{selector}: precision {p}, recall {r}"
        );
    }
}

/// A label row may name a file by its absolute path while eval is given a relative one: it
/// named "no checked file" when only the spelling of the path differed.
#[test]
fn an_absolute_label_path_names_the_file_checked_by_a_relative_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().canonicalize().unwrap();
    fs::create_dir(d.join("t")).unwrap();
    fs::write(d.join("t/b.txt"), "Agent: calm down\n").unwrap();
    let labels = format!("path,respect\n{}/t/b.txt,1\n", d.display());
    fs::write(d.join("l.csv"), labels).unwrap();
    let (code, out, err) = run(talklint().current_dir(&d).args([
        "eval",
        "--no-config",
        "--labels",
        "l.csv",
        "-f",
        "json",
        "t",
    ]));
    assert_eq!(code, 0, "{err}");
    let found = scores(&out);
    let respect = found.iter().find(|s| s.0 == "respect").unwrap();
    assert_eq!(respect.2, [1, 1, 1, 1, 0, 0], "{out}");
}
