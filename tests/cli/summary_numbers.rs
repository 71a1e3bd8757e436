//! The run's numbers read the same in every report.

use crate::support::{check_in, json_report_in, write};

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
