//! A rule a nested config reports another way (here at another severity), in the reports that
//! list rules by id. SARIF's `tool.driver.rules` listed the rule twice, with two default levels,
//! and results pointed at either: code scanning and the VS Code viewer take an id to name one
//! rule. Now the id is listed once, as the run's config has it, and each result keeps its own
//! level. The HTML report's rule filter, top problems and agent table counted it as two rules,
//! and its filter found only the conversations of the rule's last entry.

use crate::html_report::{LISTED, browse};
use crate::support::{assert_valid_sarif, run, talklint};
use serde_json::{Value, json};
use std::fs;
use std::path::Path;

/// Sarah tells the customer to calm down in `a.txt`, under a config of the built-in pack, and
/// in `team/b.txt`, whose config reports `respect/calm-down` at `info` (an error in the pack).
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("team")).unwrap();
    fs::write(root.join("talklint.yaml"), "rules: [default]\n").unwrap();
    let call = "Agent Sarah: calm down please.\nCustomer: ok\n";
    fs::write(root.join("a.txt"), call).unwrap();
    fs::write(root.join("team/b.txt"), call).unwrap();
    fs::write(
        root.join("team/talklint.yaml"),
        "rules: [default]\nseverity:\n  respect/calm-down: info\n",
    )
    .unwrap();
    dir
}

/// `talklint check --format sarif ARG`, run in `dir`: the document, validated.
fn sarif(dir: &Path, arg: &str) -> Value {
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--format", "sarif", arg]));
    assert_eq!(code, 1, "{err}");
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_valid_sarif(&sarif);
    sarif
}

#[test]
fn sarif_lists_a_rule_id_once_and_each_result_keeps_its_level() {
    let dir = tree();
    let run = &sarif(dir.path(), ".")["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let listed = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), listed, "an id listed twice");
    // The rule as the run's config has it.
    let calm = rules
        .iter()
        .find(|r| r["id"] == "respect/calm-down")
        .unwrap();
    assert_eq!(calm["defaultConfiguration"]["level"], "error", "{calm}");
    assert_eq!(calm["properties"]["points"], -10, "{calm}");
    // Each result points at its id's entry, and says its own level and points.
    let mut said = Vec::new();
    for r in run["results"].as_array().unwrap() {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "{r}");
        if r["ruleId"] == "respect/calm-down" {
            let uri = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            said.push((
                uri.clone(),
                r["level"].clone(),
                r["properties"]["points"].clone(),
            ));
        }
    }
    assert_eq!(
        said,
        [
            (json!("a.txt"), json!("error"), json!(-10)),
            (json!("team/b.txt"), json!("note"), json!(-1)),
        ]
    );
}

#[test]
fn sarif_describes_a_rule_as_the_config_of_the_folder_it_runs_in() {
    let dir = tree();
    // From `team/`, its config is the run's, and the root's is the nested one of `../a.txt`.
    let run = &sarif(&dir.path().join("team"), "..")["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let calm: Vec<usize> = (0..rules.len())
        .filter(|&i| rules[i]["id"] == "respect/calm-down")
        .collect();
    assert_eq!(calm.len(), 1, "{calm:?}");
    assert_eq!(rules[calm[0]]["defaultConfiguration"]["level"], "note");
    let levels: Vec<(&Value, &Value)> = (run["results"].as_array().unwrap().iter())
        .filter(|r| r["ruleId"] == "respect/calm-down")
        .map(|r| (&r["ruleIndex"], &r["level"]))
        .collect();
    let at = json!(calm[0]);
    assert_eq!(levels, [(&at, &json!("error")), (&at, &json!("note"))]);
}

#[test]
fn html_names_a_rule_of_two_entries_once_and_filters_on_both() {
    let dir = tree();
    let path = dir.path().join("report.html");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--format",
        "html",
        "--exit-zero",
        "-o",
        "report.html",
        ".",
    ]));
    assert_eq!(code, 0, "{err}");
    let page = fs::read_to_string(&path).unwrap();
    // One filter option, one bar in the top problems (stacked: an error and an info) and one
    // pill in Sarah's row of the agent table.
    let option = "<option value=\"respect/calm-down\">respect/calm-down (2 findings)</option>";
    assert_eq!(
        page.matches("<option value=\"respect/calm-down\">").count(),
        1
    );
    assert!(page.contains(option), "{page}");
    let bar = "title=\"respect/calm-down (error, info): 2 findings, 11 points lost\"";
    assert_eq!(page.matches(bar).count(), 1, "{page}");
    let pill = "<a class=\"pill error\" href=\"#agent=Sarah&amp;rule=respect/calm-down\"";
    assert_eq!(page.matches(pill).count(), 1, "{page}");
    assert_eq!(
        page.matches(">respect/calm-down</a>").count(),
        2,
        "bar and pill"
    );
    // The filter finds the rule in both folders (it found the last entry's alone).
    let steps = json!([
        {"do": "select", "selector": "select[name=rule]", "value": "respect/calm-down"},
        {"do": "eval", "name": "listed", "js": LISTED},
    ]);
    if let Some(seen) = browse(&path, steps) {
        assert_eq!(seen["listed"], json!(["a.txt", "team/b.txt"]), "{seen}");
    }
}
