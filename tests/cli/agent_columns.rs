//! The agent as CSV and HTML show it: one spelling per agent, the one `--statistics` names
//! (as first written in the run), and a mark on an agent that was guessed rather than named.

use crate::merge::merge;
use crate::support::*;

const RULES: &str = "rules:\n  - id: t/calm\n    severity: error\n    phrases: [calm down]\n";

/// `check_in` adds `--no-config`.
const ARGS: [&str; 3] = ["-r", "r.yaml", "--exit-zero"];

/// Sarah is written `sarah` first (in a conversation without findings), then `SARAH`, then
/// `Sarah` in a call Tom hands on to her: `--statistics` names her `sarah`, and CSV wrote each
/// spelling as it came, so a pivot table on `agent` split her in three.
#[test]
fn csv_names_each_agent_as_statistics_does() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(
        dir.path(),
        "a.txt",
        "Agent ( sarah ): Hello.\nCustomer: hm\n",
    );
    write(
        dir.path(),
        "b.txt",
        "Agent (SARAH): calm down\nCustomer: hm\n",
    );
    write(
        dir.path(),
        "c.txt",
        "Agent Tom: Hello.\nCustomer: hm\nAgent (Sarah): calm down\n",
    );
    let run = |extra: &[&str]| check_in(dir.path(), &[&ARGS[..], extra, &["."]].concat());
    let (_, human, _) = run(&["--statistics"]);
    assert!(
        human.contains("  sarah (3)\n") && human.contains("  Tom (1)\n"),
        "{human}"
    );
    let (_, rows, err) = run(&["-f", "csv"]);
    assert_eq!(
        csv_column(&rows, "agent"),
        ["sarah", "sarah", "Tom; sarah"],
        "{rows}{err}"
    );
    let (_, findings, _) = run(&["-f", "csv", "--csv-findings"]);
    assert_eq!(
        csv_column(&findings, "agent"),
        ["sarah", "sarah"],
        "{findings}"
    );
    // One worker, or a merge of the run's report: the same.
    let (_, one, _) = run(&["-f", "csv", "-j", "1"]);
    assert_eq!(one, rows);
    let (_, json, _) = run(&["-f", "json"]);
    let report = write(dir.path(), "report.json", &json);
    let rules = dir.path().join("r.yaml");
    let csv = ["-r", rules.to_str().unwrap(), "-f", "csv"];
    let (_, merged, err) = merge(&csv, std::slice::from_ref(&report));
    assert_eq!(merged, rows, "{err}");
}

/// An agent guessed from what two speakers say was marked in JSON and counted in the human
/// summary, but CSV and HTML showed the guess as if a label had named it.
#[test]
fn csv_and_html_mark_a_guessed_agent() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    let guessed = r#"[{"speaker": "Ben", "text": "my order is late"},
                      {"speaker": "Ria", "text": "Thanks for contacting us. Please calm down."}]"#;
    write(dir.path(), "guessed.json", guessed);
    write(
        dir.path(),
        "named.txt",
        "Agent (Ria): calm down\nCustomer: hm\n",
    );
    let run = |extra: &[&str]| check_in(dir.path(), &[&ARGS[..], extra, &["."]].concat());
    let (_, rows, _) = run(&["-f", "csv"]);
    let header = rows.lines().next().unwrap();
    assert!(header.contains(",agent,agent_guessed,"), "{header}");
    assert_eq!(csv_column(&rows, "agent"), ["Ria", "Ria"]);
    assert_eq!(
        csv_column(&rows, "agent_guessed"),
        ["true", "false"],
        "{rows}"
    );
    let (_, findings, _) = run(&["-f", "csv", "--csv-findings"]);
    assert!(
        findings
            .lines()
            .next()
            .unwrap()
            .ends_with(",agent,agent_guessed,measured,conversation_warnings,not_checked")
    );
    assert_eq!(csv_column(&findings, "agent_guessed"), ["true", "false"]);

    let path = crate::html_report::report(
        dir.path(),
        &[
            "-r",
            dir.path().join("r.yaml").to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        html.matches(",\"g\":1").count(),
        1,
        "one conversation marked"
    );
    let marks = "[...document.querySelectorAll('#tl-list details')].map(d => \
                 [d.querySelector('h3').textContent.split('/').pop(), \
                 d.querySelector('.guessed')?.textContent ?? null, \
                 d.querySelector('.guessed')?.title ?? null])";
    let steps = serde_json::json!([{"do": "eval", "name": "marks", "js": marks}]);
    let Some(seen) = crate::html_report::browse(&path, steps) else {
        return;
    };
    let marks = seen["marks"].as_array().unwrap();
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert_eq!(marks[0][0], "guessed.json");
    assert_eq!(marks[0][1], "agent guessed");
    let why = marks[0][2].as_str().unwrap();
    assert!(
        why.contains("No label or `roles:` names the agent"),
        "{why}"
    );
    assert_eq!(marks[1], serde_json::json!(["named.txt", null, null]));
}
