//! A scan in which no agent was heard: a Teams caption of three named voices (two are told
//! apart by the two-speaker guess) and no `roles:` has every turn of a speaker with no role, so
//! no agent rule judges anything, and the summary read "all passed". It now says that no agent turn was found, in how many conversations, and points
//! at `roles:`; JSON marks each such conversation and counts them in its summary, and a merge of
//! such reports keeps the count. The exit code is still 0: nothing failed.

use crate::merge::merge;
use crate::support::{JSON_CHECK, csv_column, run, talklint, write};
use serde_json::Value;

/// A Teams caption of three named voices (a supervisor listens in), the agent closing the door.
const TEAMS: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Maria Lopez>Hello, thanks for \
                     calling.</v>\n\n00:00:03.500 --> 00:00:03.900\n<v Ana Ruiz>Joining.</v>\n\n\
                     00:00:04.000 --> 00:00:06.000\n<v John Smith>My order never \
                     came.</v>\n\n00:00:07.000 --> 00:00:09.000\n<v Maria Lopez>Sorry, that is \
                     not my department.</v>\n";

#[test]
fn a_scan_with_no_agent_turn_does_not_read_all_passed() {
    let dir = tempfile::tempdir().unwrap();
    let teams = write(dir.path(), "teams.vtt", TEAMS);
    let (code, out, err) = run(talklint().args(["check", "--no-config"]).arg(&teams));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("all passed"), "{out}");
    assert!(
        out.contains("1 conversation in 1 file: none judged, no agent turn found")
            && out.contains(
                "No agent turn in 1 conversation, so no agent's words were judged there: \
                 where a speaker is the agent, name its label under `roles:` in talklint.yaml"
            ),
        "{out}"
    );
    // Beside a call whose agent is labelled: how many had none.
    let call = write(dir.path(), "call.txt", "Agent: Hello.\nCustomer: Hi.\n");
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config"])
        .args([&teams, &call]));
    assert!(
        out.contains("2 conversations in 2 files: none failed, 1 with no agent turn"),
        "{out}"
    );
    // JSON marks the conversation and counts it; a merge of the report keeps the count.
    let (_, json, _) = run(talklint().args(JSON_CHECK).args([&teams, &call]));
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["summary"]["no_agent_turn"], 1, "{json}");
    let marks: Vec<&Value> = (report["conversations"].as_array().unwrap().iter())
        .map(|c| &c["no_agent_turn"])
        .collect();
    assert_eq!(marks, [&Value::Bool(true), &Value::Null], "{json}");
    let written = write(dir.path(), "report.json", &json);
    let (_, merged, err) = merge(&["-f", "json"], &[written]);
    let merged: Value = serde_json::from_str(&merged).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(merged["summary"], report["summary"], "{merged}");
    // Named under `roles:`, the agent is judged, and the call fails on the closed door.
    let config = "roles: {agent: [Maria Lopez], customer: [John Smith]}\n";
    let config = write(dir.path(), "talklint.yaml", config);
    let (code, out, _) = run(talklint()
        .args(["check", "--config"])
        .arg(&config)
        .arg(&teams));
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("no agent turn"), "{out}");
}

/// The sheets and CI reports a QA lead shares said nothing of it: CSV's row read as a pass and
/// JUnit's case passed. CSV has a `no_agent_turn` column, as JSON's mark; JUnit skips the case,
/// saying why, and GitHub and SARIF say it in a notice; a merge of the JSON report writes both the same (the files given in path order,
/// as a merge writes them).
#[test]
fn csv_marks_and_junit_skips_a_conversation_with_no_agent_turn() {
    let dir = tempfile::tempdir().unwrap();
    let teams = write(dir.path(), "teams.vtt", TEAMS);
    let call = write(dir.path(), "call.txt", "Agent: Hello.\nCustomer: Hi.\n");
    let report = |format: &str| {
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", format])
            .args([&call, &teams]));
        assert_eq!(code, 0, "{err}");
        out
    };
    let csv = report("csv");
    assert_eq!(
        csv_column(&csv, "no_agent_turn"),
        ["false", "true"],
        "{csv}"
    );
    let junit = report("junit");
    let skipped = "<skipped message=\"no agent turn: no agent's words were judged\"/>";
    assert_eq!(junit.matches(skipped).count(), 1, "{junit}");
    assert!(
        junit.contains("failures=\"0\" errors=\"0\" skipped=\"1\">"),
        "{junit}"
    );
    // GitHub and SARIF, which show no passed conversation, say so of it.
    let github = report("github");
    let notice = "::notice file=";
    let said = "title=talklint::no agent turn: no agent's words were judged";
    let notices: Vec<&str> = github.lines().filter(|l| l.starts_with(notice)).collect();
    assert!(notices.len() == 1 && notices[0].ends_with(said), "{github}");
    let sarif = report("sarif");
    let report_sarif: Value = serde_json::from_str(&sarif).unwrap();
    let notes = &report_sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    let texts: Vec<&str> = (notes.as_array().unwrap().iter())
        .map(|n| n["message"]["text"].as_str().unwrap_or_default())
        .collect();
    assert!(
        texts.contains(&"no agent turn: no agent's words were judged"),
        "{sarif}"
    );
    let written = write(dir.path(), "report.json", &report("json"));
    for (format, single) in [
        ("csv", csv),
        ("junit", junit),
        ("github", github),
        ("sarif", sarif),
    ] {
        let (_, merged, err) = merge(&["-f", format], std::slice::from_ref(&written));
        assert_eq!(merged, single, "{format}: {err}");
    }
}
