//! The run's numbers read the same in every report.

use crate::merge::merge;
use crate::support::{check_in, json_report_in, run, talklint, write};
use serde_json::Value;

/// A mean score on a tie (79.25) is rounded alike in JSON and in the human summary: JSON said
/// 79.3 where the human summary, `--statistics` and the HTML report said 79.2.
#[test]
fn the_mean_score_is_rounded_alike_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: t/x\n    phrases: [calm down]\n    points: -3\n";
    write(dir.path(), "r.yaml", rules);
    for i in 1..=3 {
        write(dir.path(), &format!("a{i}.txt"), "Agent: hello\n");
    }
    write(dir.path(), "b.txt", "Agent: calm down\n");
    let args = ["--no-config", "-r", "r.yaml", "--exit-zero"];
    let (_, v) = json_report_in(dir.path(), &args);
    let mean = &v["summary"]["mean_score"];
    let (_, human, _) = check_in(dir.path(), &args[1..]);
    assert!(
        human.contains(&format!("mean score {mean}.")),
        "{mean}\n{human}"
    );
    assert_eq!(mean.to_string(), "79.2");
}

/// A conversation's agent is the first agent turn that names a person: an opening `Agent:`
/// turn left the conversation with no agent, out of every per-agent table.
#[test]
fn an_unnamed_first_agent_turn_hides_no_name_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: Thank you for calling Acme.\nAgent (Tom): Hi, Tom here.\nCustomer: wow\n";
    write(dir.path(), "h.txt", text);
    let (_, v) = json_report_in(dir.path(), &["--no-config", "--exit-zero", "h.txt"]);
    assert_eq!(v["conversations"][0]["agent"], "Tom", "{v}");
}

/// A run that scored no conversation has no mean: JSON's `mean_score` was 0.0, which reads as
/// every conversation scoring 0. It is `null` in JSON and JSONL, the human summary says there
/// were none, the HTML card shows a dash, and `merge` reads such a report back into the same
/// bytes.
#[test]
fn a_run_of_no_conversation_has_no_mean_score() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let check = |format: &str| {
        let args = ["check", "--no-config", "--format", format, "empty"];
        let (code, out, err) = run(talklint().current_dir(dir.path()).args(args));
        assert_eq!(code, 0, "{err}");
        out
    };
    for format in ["json", "jsonl"] {
        let report = check(format);
        // The document, or JSONL's last line, `{"summary": …}`.
        let holder = match format {
            "json" => report.as_str(),
            _ => report.lines().last().unwrap_or_default(),
        };
        let summary: Value =
            serde_json::from_str(holder).unwrap_or_else(|e| panic!("{e}: {report}"));
        assert_eq!(summary["summary"]["conversations"], 0, "{report}");
        assert_eq!(summary["summary"]["mean_score"], Value::Null, "{report}");
        let saved = write(dir.path(), &format!("empty.{format}"), &report);
        let (code, merged, err) = merge(&["--format", format], &[saved]);
        assert_eq!((code, merged.as_str()), (0, report.as_str()), "{err}");
    }
    assert!(check("human").starts_with("No conversations in 0 files.\n"));
    let html = check("html");
    let card = "<dt>mean score</dt><dd>–</dd>";
    assert!(html.contains(card), "{html}");
}
