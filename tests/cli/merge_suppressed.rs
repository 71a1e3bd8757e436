//! A suppressed finding says what suppressed it (`"suppressed_by"`: a directive,
//! `per_path_disable` or the baseline), and `merge` keeps it: the merged SARIF of shards run
//! with `--baseline` is the single run's, byte for byte.

use crate::merge::merge;
use crate::support::{check_in, run, talklint, write};
use serde_json::Value;

/// A folder of calls, a baseline of the first two, and a third with a directive in it.
fn calls_with_baseline() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: Please calm down.\n");
    write(dir.path(), "b.txt", "Agent: That's not my department.\n");
    let (code, base, err) = check_in(dir.path(), &["-f", "json", "--exit-zero", "a.txt", "b.txt"]);
    assert_eq!(code, 0, "{err}");
    write(dir.path(), "base.json", &base);
    write(
        dir.path(),
        "c.txt",
        "<!-- talklint: ignore respect -->\nAgent: Calm down.\nAgent: It's out of my hands.\n",
    );
    dir
}

/// The flags of every run: the baseline, its findings shown.
const FLAGS: [&str; 4] = [
    "--baseline",
    "base.json",
    "--show-suppressed",
    "--exit-zero",
];

#[test]
fn a_suppressed_finding_says_what_suppressed_it() {
    let dir = calls_with_baseline();
    write(dir.path(), "d.txt", "Agent: It's out of my hands.\n");
    write(
        dir.path(),
        "talklint.yaml",
        "per_path_disable: {\"d.txt\": [ownership]}\n",
    );
    let (_, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--config", "talklint.yaml", "-f", "json"])
        .args(FLAGS)
        .args(["a.txt", "c.txt", "d.txt"]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let marks: Vec<(&str, &Value, &Value)> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap())
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                &f["suppressed"],
                &f["suppressed_by"],
            )
        })
        .collect();
    let (null, yes) = (Value::Null, Value::Bool(true));
    let by = |name: &str| Value::String(name.into());
    let (calm, closed) = ("respect/calm-down", "ownership/closed-door");
    assert_eq!(
        marks,
        [
            (calm, &yes, &by("baseline")),
            (calm, &yes, &by("directive")),
            (closed, &null, &null),
            (closed, &yes, &by("per_path_disable")),
        ],
        "{v}"
    );
}

#[test]
fn merged_shards_keep_a_baseline_suppression_in_sarif() {
    let dir = calls_with_baseline();
    let files = ["a.txt", "b.txt", "c.txt"];
    let (code, single, err) =
        check_in(dir.path(), &[&FLAGS[..], &["-f", "sarif"], &files].concat());
    assert_eq!(code, 0, "{err}");
    assert!(single.contains("\"kind\":\"external\""), "{single}");
    let mut reports = Vec::new();
    let mut held = Vec::new();
    for k in 1..=2 {
        let shard = format!("{k}/2");
        let args = [&FLAGS[..], &["-f", "jsonl", "--shard", &shard], &files].concat();
        let (_, out, err) = check_in(dir.path(), &args);
        held.push(out.lines().filter(|l| l.starts_with("{\"path\"")).count());
        reports.push(write(dir.path(), &format!("shard-{k}.jsonl"), &out));
        assert!(err.is_empty(), "{err}");
    }
    assert!(
        held.iter().all(|&n| n > 0),
        "both shards hold calls: {held:?}"
    );
    let (code, merged, err) = merge(&["-f", "sarif", "--exit-zero"], &reports);
    assert_eq!(code, 0, "{err}");
    assert!(merged == single, "merged:\n{merged}\nsingle:\n{single}");
}

#[test]
fn a_suppression_no_report_names_is_an_error() {
    let dir = calls_with_baseline();
    let args = [&FLAGS[..], &["-f", "jsonl", "a.txt"]].concat();
    let (_, out, _) = check_in(dir.path(), &args);
    let edited = out.replace(
        "\"suppressed_by\":\"baseline\"",
        "\"suppressed_by\":\"luck\"",
    );
    let report = write(dir.path(), "edited.jsonl", &edited);
    let (code, _, err) = merge(&["-f", "json"], &[report]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("edited.jsonl:1:1: a finding suppressed by `luck`: a report says `directive`"),
        "{err}"
    );
}
