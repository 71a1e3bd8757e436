//! What a reviewer reads outside the HTML page: CSV's top problem and problem counts per
//! category, and the human report's score lines and labels, on the default pack.

use crate::support::{run, talklint};

/// Two errors, a customer's frustration tagged twice and left unanswered, an info problem,
/// missing closings, and a reward that hits twice but counts once.
const CALL: &str = "Agent: Hello, this is Sam. I'm sorry to hear that. I'm sorry to hear that, really.\n\
                    Customer: I'm so frustrated, this is ridiculous.\n\
                    Agent: That's not my department. No worries.\n\
                    Customer: What?\n\
                    Agent: Please calm down.\n";

fn default_pack(dir: &std::path::Path, args: &[&str]) -> String {
    std::fs::write(dir.join("call.txt"), CALL).unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "--color", "never"])
        .args(args)
        .arg("call.txt"));
    assert_eq!(code, 1, "{err}");
    out
}

#[test]
fn csv_names_the_worst_problem_and_counts_only_problems_by_category() {
    let dir = tempfile::tempdir().unwrap();
    let out = default_pack(dir.path(), &["--format", "csv"]);
    let (_, json) = crate::support::json_report_in(dir.path(), &["--no-config", "call.txt"]);
    let rules: Vec<&str> = json["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(
        rules
            .iter()
            .filter(|r| **r == "loyalty/frustration")
            .count(),
        2,
        "the tag hits twice, yet is no problem: {rules:?}"
    );
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let col = |name: &str| {
        let at = header.iter().position(|h| h == name).unwrap();
        row[at].to_string()
    };
    assert_eq!(
        col("top_rule"),
        "ownership/closed-door",
        "an error, the first in the pack of the two that lost 10 points"
    );
    assert_eq!(col("rewards"), "2");
    assert_eq!(
        col("empathy"),
        "1",
        "the unanswered frustration; the two rewards are not empathy problems"
    );
    assert_eq!(col("ownership"), "1");
    assert_eq!(col("closing"), "2");
}

#[test]
fn a_category_named_as_a_fixed_column_has_a_column_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: score/calm\n    phrases: [calm down]\n";
    crate::support::write(dir.path(), "r.yaml", rules);
    crate::support::write(dir.path(), "t.txt", "Agent: calm down\n");
    let (_, out, _) = crate::support::check_in(dir.path(), &["-r", "r.yaml", "-f", "csv", "t.txt"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let row = reader.records().next().unwrap().unwrap();
    let col = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(
        header.iter().filter(|h| *h == "score").count(),
        1,
        "{header:?}"
    );
    assert_eq!(
        (col("score"), col("category:score")),
        ("75".into(), "1".into())
    );
}

#[test]
fn human_score_lines_and_labels_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let out = default_pack(dir.path(), &[]);
    assert!(!out.contains("+0"), "no reward line without points:\n{out}");
    assert!(
        out.contains("  +5 1:32 empathy/apology “sorry”\n  1 more reward hit with no points: empathy/apology\n"),
        "{out}"
    );
    assert!(
        out.contains("info[enthusiasm/no-problem]") && !out.contains("note"),
        "info is info, as in every other report:\n{out}"
    );
    assert!(out.contains("---------- -1 point\n"), "{out}");
    assert!(
        out.contains("call.txt: score 49 (FAIL: auto-fail ownership/closed-door, respect/calm-down; 70 needed)\n"),
        "a failure says why:\n{out}"
    );
    assert!(
        out.contains("  |        - -5 points, not found in the window that starts here\n"),
        "a missing closing points at the turn where its window starts, and says so:\n{out}"
    );
}

#[test]
fn a_finding_without_a_match_is_labelled_by_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| crate::support::write(dir.path(), name, text);
    write(
        "rules.yaml",
        "rules:\n  - id: promptness/dead-air\n    speaker: any\n    timing: {silence_seconds: 10}\n",
    );
    write(
        "t.txt",
        "[00:00:01-00:00:02] Agent: hello\n[00:00:30-00:00:31] Customer: hi\n",
    );
    let (_, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "rules.yaml",
        "t.txt",
    ]));
    assert!(out.contains("- -5 points, at this turn"), "{out}{err}");
    // A missing `require` says so in check's report and in merge's of the same findings.
    let call = "fixtures/calls/courteous.txt";
    let (_, checked, _) = run(talklint().args(["check", "--no-config", call]));
    let (_, jsonl, _) = run(talklint().args(["check", "--no-config", "-f", "jsonl", call]));
    let report = write("r.jsonl", &jsonl);
    let (_, merged, err) = run(talklint().args(["merge", "--no-config"]).arg(&report));
    for out in [&checked, &merged] {
        let label = "- -5 points, not found in the window that starts here";
        assert!(out.contains(label), "{out}{err}");
        assert!(!out.contains("not answered"), "{out}");
    }
}

/// In a file of several conversations, a finding's `-->` line is `PATH:LINE:COLUMN`, which
/// editors open, and its conversation is named in a note; the score line names it as before.
#[test]
fn a_finding_in_a_file_of_conversations_points_at_a_place_an_editor_opens() {
    let (_, out, _) =
        run(talklint().args(["check", "--no-config", "fixtures/formats/records.jsonl"]));
    assert!(
        out.contains(" --> fixtures/formats/records.jsonl:1:176\n"),
        "{out}"
    );
    assert!(
        out.contains("  = note: in conversation call-001\n"),
        "{out}"
    );
    assert!(
        out.contains("fixtures/formats/records.jsonl#call-001: score"),
        "{out}"
    );
    assert!(!out.contains("records.jsonl#call-001:1:"), "{out}");
}

/// A failure above the pass mark says what failed it; a suppressed problem is not counted, and
/// its label says so instead of its points.
#[test]
fn a_failure_says_why_and_a_suppressed_problem_is_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("call.txt"),
        "Agent: Hello, this is Sam. How can I help? No problem! <!-- talklint: ignore enthusiasm -->\n\
         Agent: Is there anything else I can help you with?\n",
    )
    .unwrap();
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--show-suppressed",
        "--min-score",
        "99",
        "call.txt",
    ]));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("---------- not counted\n"), "{out}");
    assert!(!out.contains("-1 point"), "{out}");
    assert!(out.contains(" (FAIL: 99 needed)\n"), "{out}");
    std::fs::write(dir.path().join("call.txt"), "Agent: Please calm down.\n").unwrap();
    let (_, junit, _) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "junit",
        "call.txt",
    ]));
    assert!(
        junit.contains("<failure message=\"score 70 (1 problem; auto-fail respect/calm-down)\""),
        "{junit}"
    );
}

/// The human report (uncoloured) and standard error of `call`, checked with the default pack.
fn human(call: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("call.txt"), call).unwrap();
    let (_, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--color",
        "never",
        "call.txt",
    ]));
    (out, err)
}

#[test]
fn reward_hits_past_their_cap_name_each_rule_once() {
    let turn = "Agent: thanks for calling. thanks for waiting. ".repeat(3);
    let (out, err) = human(&(turn + "not my department\n"));
    let line = out
        .lines()
        .find(|l| l.contains("more reward hits with no points"))
        .unwrap_or_else(|| panic!("{out}{err}"));
    let names: Vec<&str> = line.rsplit(": ").next().unwrap_or("").split(", ").collect();
    let mut once = names.clone();
    once.sort_unstable();
    once.dedup();
    assert_eq!(names.len(), once.len(), "{line}");
    assert!(names.len() >= 2, "{line}");
}

#[test]
fn csv_names_each_conversations_agent() {
    // A pivot table of scores per agent had no column to pivot on.
    let dir = tempfile::tempdir().unwrap();
    crate::support::write(
        dir.path(),
        "a.txt",
        "Agent (Maria Lopez): calm down\nCustomer: ok\n",
    );
    crate::support::write(dir.path(), "b.txt", "Agent: hello\n");
    crate::support::write(dir.path(), "c.txt", "Customer: hi\nAgent (Tom): hello\n");
    let args = ["-f", "csv", "--exit-zero", "a.txt", "b.txt", "c.txt"];
    let (_, out, _) = crate::support::check_in(dir.path(), &args);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let at = (reader.headers().unwrap().iter())
        .position(|h| h == "agent")
        .unwrap();
    let agents: Vec<String> = (reader.records())
        .map(|r| r.unwrap()[at].to_string())
        .collect();
    assert_eq!(agents, ["Maria Lopez", "", "Tom"]);
}

/// A reward whose match runs over a line break is quoted on its score line with a space, as a
/// finding's note quotes a match: the line broke in two.
#[test]
fn a_reward_that_runs_over_lines_is_quoted_on_one() {
    // A problem too, so that the conversation is listed with its score lines.
    let (out, err) = human(
        "Agent: Hello.\nCustomer: hi\nAgent: Oh, my\npleasure, happy to help.\n\
         Agent: Calm down.\n",
    );
    let line = (out.lines())
        .find(|l| l.contains("enthusiasm/happy-to-help"))
        .unwrap_or_else(|| panic!("{out}{err}"));
    assert!(line.ends_with("“my pleasure”"), "{line}\n{out}");
}
