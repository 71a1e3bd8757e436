//! `extend:` in a config, as ruff's: a team's config that names its agents starts from the
//! company's settings, and each key it writes replaces the company's. Before, a nested config
//! replaced the whole of the run's, its `min_score`, `disable` and `severity` with it, in silence.

use crate::support::{json_report_in, run, talklint, write};
use serde_json::Value;
use std::fs;

/// The company's config (a rule folder of its own, beside it), a team's that extends it and
/// names Maria, and a call of hers under the team's folder.
fn tree(team: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("qa")).unwrap();
    fs::create_dir_all(root.join("team/legacy")).unwrap();
    let company = "min_score: 85\ndisable: [enthusiasm]\nfail_on: warning\n\
                   rules: [default, ./qa/]\nper_path_disable: {\"**/legacy/**\": [respect]}\n";
    write(root, "talklint.yaml", company);
    write(
        root,
        "qa/r.yaml",
        "rules:\n  - id: qa/no-sir\n    phrases: [sir]\n",
    );
    write(root, "team/talklint.yaml", team);
    let call = "Maria: No problem, sir. Calm down.\nCustomer: ok\n";
    write(root, "team/call.txt", call);
    write(root, "team/legacy/call.txt", call);
    dir
}

/// Each conversation's path, score, whether it passed, and its findings' rules.
fn results(report: &Value) -> Vec<(String, i64, bool, Vec<String>)> {
    let each = |c: &Value| {
        let rules = (c["findings"].as_array().unwrap().iter())
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        let path = c["path"].as_str().unwrap().to_string();
        (
            path,
            c["score"].as_i64().unwrap(),
            c["passed"] == true,
            rules,
        )
    };
    report["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(each)
        .collect()
}

#[test]
fn a_config_that_extends_another_keeps_what_it_does_not_write() {
    let dir = tree("extend: ../talklint.yaml\nroles: {agent: [Maria]}\n");
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "team"]));
    assert_eq!(code, 1, "{err}");
    // Not warned of: `fail_on` is the company's, not written in the team's config.
    assert!(!err.contains("read only from the run's config"), "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let calm = "respect/calm-down".to_string();
    let sir = "qa/no-sir".to_string();
    // The company's rule folder (found from its own folder), its `disable` (no enthusiasm
    // reward for "no problem") and its bar of 85; the team's agent. Its glob of legacy files,
    // below its own folder, is not taken: the legacy call is told off for "calm down" too.
    assert_eq!(
        results(&report),
        [
            (
                "team/call.txt".into(),
                65,
                false,
                vec![sir.clone(), calm.clone()]
            ),
            ("team/legacy/call.txt".into(), 65, false, vec![sir, calm]),
        ],
        "{out}"
    );
    // A key the team writes replaces the company's.
    write(
        dir.path(),
        "team/talklint.yaml",
        "extend: ../talklint.yaml\nroles: {agent: [Maria]}\nmin_score: 60\ndisable: [respect]\n",
    );
    let (_, report) = json_report_in(dir.path(), &["team/call.txt"]);
    let (_, score, passed, rules) = &results(&report)[0];
    assert_eq!((*score, *passed), (74, true), "{report}");
    assert_eq!(rules, &["enthusiasm/no-problem", "qa/no-sir"], "{report}");
}

#[test]
fn extend_chains_and_refuses_a_missing_file_or_a_cycle_at_its_place() {
    // Two levels: the sub-team's config extends the team's, which extends the company's.
    let dir = tree("extend: ../talklint.yaml\nroles: {agent: [Maria]}\n");
    fs::create_dir_all(dir.path().join("team/sub")).unwrap();
    write(
        dir.path(),
        "team/sub/talklint.yaml",
        "extend: ../talklint.yaml\n",
    );
    let call = "Maria: No problem sir.\nCustomer: ok\n";
    write(dir.path(), "team/sub/call.txt", call);
    let (_, report) = json_report_in(dir.path(), &["team/sub/call.txt"]);
    assert_eq!(results(&report)[0].3, ["qa/no-sir"], "{report}");
    // A path to no file, then a cycle: errors at the value, that say how to mend it.
    let check_sub = || {
        run(talklint()
            .current_dir(dir.path().join("team/sub"))
            .args(["check", "call.txt"]))
    };
    write(
        dir.path(),
        "team/sub/talklint.yaml",
        "roles: {agent: [Maria]}\nextend: ../nope.yaml\n",
    );
    let (code, _, err) = check_sub();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:9: `extend: ../nope.yaml` names no config file"),
        "{err}"
    );
    assert!(err.contains("relative to this config's folder"), "{err}");
    write(
        dir.path(),
        "talklint.yaml",
        "extend: team/sub/talklint.yaml\n",
    );
    write(
        dir.path(),
        "team/sub/talklint.yaml",
        "extend: ../talklint.yaml\n",
    );
    let (code, _, err) = check_sub();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(": `extend: ") && err.contains("` comes back to this config"),
        "{err}"
    );
}

/// A mistake in the config a team's extends is that config's: named at its place there, in the
/// error that keeps the team's files from being checked and in a warning of a name it writes;
/// and that config, named on the command line, is skipped as a config the run reads.
#[test]
fn a_mistake_in_the_extended_config_is_named_at_its_place_there() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in ["a", "b", "shared"] {
        fs::create_dir_all(root.join(folder)).unwrap();
        write(
            root,
            &format!("{folder}/call.txt"),
            "Agent: Calm down.\nCustomer: ok\n",
        );
    }
    write(root, "a/talklint.yaml", "extend: ../shared/base.yaml\n");
    write(
        root,
        "shared/base.yaml",
        "roles: {agent: [Agent]}\nmin_score: 200\n",
    );
    let (_, out, _) = run(talklint()
        .current_dir(root)
        .args(["check", "-f", "github", "a", "b"]));
    let broken = "::error file=a/talklint.yaml,title=talklint::in the config it extends, \
                  shared/base.yaml, line 2, column 12: min_score: invalid value";
    assert!(out.contains(broken), "{out}");
    assert!(
        out.contains("file=b/call.txt,line=1"),
        "the other folder is checked: {out}"
    );
    write(root, "shared/base.yaml", "disable: [enthusiazm]\n");
    let (_, out, err) =
        run(talklint()
            .current_dir(root)
            .args(["check", "a/call.txt", "shared/base.yaml"]));
    let warning = "shared/base.yaml:1:11: `enthusiazm` names no loaded rule or category";
    assert!(err.contains(warning), "{err}");
    assert!(
        out.contains("shared/base.yaml (a config this run reads)"),
        "{out}"
    );
}
