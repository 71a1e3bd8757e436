//! Vendor time ranges measured where the vendor measures them: an AWS `RelativeTimeRange` is a
//! share of the media, from its start (0 on the transcript's clock) to the last end, like its
//! `AbsoluteTimeRange`; talklint's own percent windows stay a share of the call (first start to
//! last end).

use crate::support::{run, talklint, write};

/// An AWS category `name` tagging "sorry" in `range` (a JSON time range).
fn sorry_in(name: &str, range: &str) -> String {
    format!(
        r#"{{"CategoryName":"{name}","Rules":[{{"TranscriptFilter":{{"TranscriptFilterType":"EXACT","Targets":["sorry"],{range}}}}}]}}"#
    )
}

/// The tags `check` gives each of `calls` (text transcripts) with the rule files `rules`.
fn tags(rules: &[(&str, String)], calls: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = talklint();
    cmd.args(["check", "--no-config", "-f", "json"]);
    for (name, text) in rules {
        cmd.arg("-r").arg(write(dir.path(), name, text));
    }
    for (i, call) in calls.iter().enumerate() {
        cmd.arg(write(dir.path(), &format!("{i}.txt"), call));
    }
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let conversations = v["conversations"].as_array().unwrap();
    conversations
        .iter()
        .map(|c| c["tags"].to_string())
        .collect()
}

/// Hold music for 100 s, then "sorry" at 100–110 s of a 200 s recording.
const LATE: &str = "[00:01:40-00:01:50] Agent: Thanks for holding, sorry about that.\n[00:01:50-00:03:20] Customer: I was charged twice.\n";
/// "sorry" at 5–10 s.
const EARLY: &str = "[00:00:05-00:00:10] Agent: Sorry, hello.\n[00:00:10-00:03:20] Customer: I was charged twice.\n";

#[test]
fn aws_relative_ranges_are_shares_of_the_media_from_its_start() {
    let rules = [
        (
            "rel.json",
            sorry_in("first10pct", r#""RelativeTimeRange":{"First":10}"#),
        ),
        (
            "abs.json",
            sorry_in("first20s", r#""AbsoluteTimeRange":{"First":20000}"#),
        ),
        (
            "mid.json",
            sorry_in(
                "pct40to60",
                r#""RelativeTimeRange":{"StartPercentage":40,"EndPercentage":60}"#,
            ),
        ),
        (
            "last.json",
            sorry_in("last50pct", r#""RelativeTimeRange":{"Last":50}"#),
        ),
    ];
    // 10% of 200 s is 0–20 s, not 100–110 s (10% of the 100 s from the first turn's start);
    // 40–60% is 80–120 s, not 140–160 s.
    assert_eq!(
        tags(&rules, &[LATE, EARLY]),
        [
            r#"["aws/last50pct","aws/pct40to60"]"#,
            r#"["aws/first10pct","aws/first20s"]"#,
        ]
    );
    // talklint's own percent windows are still of the call: its first 10% is 100–110 s.
    let own = "rules:\n  - {id: t/own, kind: tag, speaker: any, phrases: [sorry], window: {first_percent: 10}}\n  - {id: t/media, kind: tag, speaker: any, phrases: [sorry], window: {first_percent: 10, percent_of: media}}\n";
    assert_eq!(
        tags(&[("own.yaml", own.to_string())], &[LATE]),
        [r#"["t/own"]"#]
    );
}

#[test]
fn import_writes_a_relative_range_as_a_share_of_the_media() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "rel.json",
        &sorry_in("first10pct", r#""RelativeTimeRange":{"First":10}"#),
    );
    let (code, yaml, err) = run(talklint().args(["import", "--no-config"]).arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(
        yaml.contains(r#"window: {first_percent: 10, percent_of: media}}"#),
        "{yaml}"
    );
}

#[test]
fn percent_of_goes_with_a_percent_window_only() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: a/b, kind: tag, phrases: [x], window: {first_turns: 2, percent_of: media}}\n",
    );
    let call = write(dir.path(), "c.txt", LATE);
    let (code, _, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("r.yaml:2:65: `percent_of` says what a percent window is a share of"),
        "{err}"
    );
}
