//! A timing finding says what it measured (the silence's length, the overlap, the talk share):
//! in the JSON report's `measured`, in the message a rule without its own gets, and through
//! `{measured}` in a message of the rule's own; `merge` keeps it.

use crate::merge::merge;
use crate::support::{csv_column, rule_error, run, talklint, write};
use serde_json::Value;

/// The agent talks 95 s; the customer answers 18.25 s later; the agent talks over the customer's
/// last 3.5 s. Talk: agent 95 + 13.5 s, customer 6.75 s.
const CALL: &str = "WEBVTT\n\n00:00:00.000 --> 00:01:35.000\n<v Agent>let me explain the whole plan\n\n\
                    00:01:53.250 --> 00:02:00.000\n<v Customer>hello? are you there\n\n\
                    00:01:56.500 --> 00:02:10.000\n<v Agent>yes sorry I am here\n";

const RULES: &str = "rules:
  - id: t/dead-air
    speaker: any
    timing: {silence_seconds: 10}
  - id: t/talks-over
    timing: {interrupts_seconds: 2}
    message: \"Talks over the customer for {measured}\"
  - id: t/overlaps
    timing: {interrupts_total_seconds: 1}
  - id: t/monologue
    timing: {turn_seconds_above: 60}
  - id: t/hogs
    kind: tag
    timing: {talk_share_above: 0.5}
  - id: t/sorry
    kind: reward
    phrases: [sorry]
";

/// The JSON report of the rule file `rules` on a transcript `text` written to `name`.
fn json_check(rules: &str, name: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), name, text);
    let args = ["check", "--no-config", "-r", "r.yaml", "-f", "json", name];
    let (_, json, err) = run(talklint().current_dir(dir.path()).args(args));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {err}"))
}

/// Each finding's rule, message and `measured` (absent: `Null`).
fn measured(report: &Value) -> Vec<(String, String, Value)> {
    let findings = report["conversations"][0]["findings"].as_array().unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_string();
    findings
        .iter()
        .map(|f| (text(&f["rule"]), text(&f["message"]), f["measured"].clone()))
        .collect()
}

#[test]
fn each_timing_finding_says_what_it_measured() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), "call.vtt", CALL);
    let check = |args: &[&str]| {
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-r", "r.yaml"])
            .args(args)
            .arg("call.vtt"))
    };
    let (code, json, err) = check(&["-f", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {err}"));
    let expected = [
        (
            "t/monologue",
            "turns over 60 s: 95 s (t/monologue)",
            r#"{"seconds":95.0}"#,
        ),
        (
            "t/hogs",
            "talk share above 0.5: 0.9415 (t/hogs)",
            r#"{"share":0.9415}"#,
        ),
        (
            "t/dead-air",
            "silence of 10 s or more: 18.25 s (t/dead-air)",
            r#"{"seconds":18.25}"#,
        ),
        (
            "t/talks-over",
            "Talks over the customer for 3.5 s",
            r#"{"seconds":3.5}"#,
        ),
        (
            "t/overlaps",
            "interruptions over 1 s in all: 3.5 s (t/overlaps)",
            r#"{"seconds":3.5}"#,
        ),
        ("t/sorry", "Good: “sorry”", "null"),
    ]
    .map(|(rule, message, m)| {
        (
            rule.into(),
            message.into(),
            serde_json::from_str(m).unwrap(),
        )
    });
    assert_eq!(measured(&report), expected);
    // The human report shows the message, CSV's findings a column; a merged report keeps each
    // measure.
    let (_, human, _) = check(&[]);
    assert!(
        human.contains("silence of 10 s or more: 18.25 s"),
        "{human}"
    );
    let (_, csv, _) = check(&["-f", "csv", "--csv-findings"]);
    let measured = csv_column(&csv, "measured");
    assert_eq!(
        measured,
        ["95", "0.9415", "18.25", "3.5", "3.5", ""],
        "{csv}"
    );
    let (_, sarif, _) = check(&["-f", "sarif"]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    crate::support::assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let silence = results
        .iter()
        .find(|r| r["ruleId"] == "t/dead-air")
        .unwrap();
    assert_eq!(silence["properties"]["measured"]["seconds"], 18.25);
    let (_, jsonl, _) = check(&["-f", "jsonl"]);
    let shard = write(dir.path(), "shard.jsonl", &jsonl);
    let rules = dir.path().join("r.yaml");
    let rules = rules.to_str().unwrap();
    let (merged_code, merged, err) = merge(&["-r", rules, "-f", "json"], &[shard]);
    assert_eq!((merged_code, merged), (code, json), "{err}");
}

#[test]
fn measured_is_refused_where_no_finding_measures_anything() {
    for rule in [
        "    phrases: [sorry]\n",
        "    kind: require\n    timing: {talk_share_above: 0.1}\n",
        "    timing: {silence_seconds: 5}\n    count: {min: 2}\n",
    ] {
        let body = format!("rules:\n  - id: t/x\n{rule}    message: \"took {{measured}}\"\n");
        let err = rule_error(&body);
        assert!(
            err.contains("`{measured}` in the message of a rule whose findings measure nothing"),
            "{rule}: {err}"
        );
    }
}

#[test]
fn a_count_or_a_condition_of_timing_measures_nothing() {
    let rules = "rules:
  - id: t/gaps
    speaker: any
    timing: {silence_seconds: 10}
    count: {min: 1}
  - id: t/when
    when:
      all:
        - {speaker: any, timing: {silence_seconds: 10}}
";
    let report = json_check(rules, "call.vtt", CALL);
    let found: Vec<_> = measured(&report)
        .into_iter()
        .map(|(rule, _, m)| (rule, m))
        .collect();
    let unmeasured = |rule: &str| (rule.to_string(), Value::Null);
    assert_eq!(found, [unmeasured("t/gaps"), unmeasured("t/when")]);
}

/// A text file whose times run backwards: the agent's turn, written second, was over before the
/// customer's began. Their overlap is `min(ends) − later start`, below 0, so nobody interrupted
/// (the later turn in the file used to be taken as the later start: a 5 s interruption), and the
/// file is warned about at that turn.
#[test]
fn turns_written_out_of_time_order_are_no_interruption_and_are_warned_about() {
    let text = "[00:00:20-00:00:30] Customer: hello I am calling about my bill\n\
                [00:00:00-00:00:05] Agent: here is the plan\n";
    let report = json_check(RULES, "call.txt", text);
    let rules: Vec<String> = measured(&report).into_iter().map(|f| f.0).collect();
    assert!(
        !rules
            .iter()
            .any(|r| r.starts_with("t/talks-over") || r == "t/overlaps"),
        "{report}"
    );
    assert_eq!(
        crate::support::warnings(&report, 0),
        [
            "line 2, column 28: this turn starts at 0 s, before the turn above it at 20 s; silences \
          and interruptions are measured between turns in the file's order: put the turns in \
          time order"
        ],
    );
}
