//! One rule file named from several configs, each its own way (`./shared/` from the root,
//! `../../shared/company.yaml` from `teams/b`), is one rule file: SARIF's rule list names each
//! of its rules once (it named them once per config, past the 25,000 GitHub takes).

use crate::support::{run, talklint};
use serde_json::Value;
use std::fs;

#[test]
fn a_pack_named_two_ways_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rule = "rules:\n  - id: company/deflect\n    severity: error\n    phrases: [\"not my department\"]\n";
    fs::create_dir_all(d.join("shared")).unwrap();
    fs::write(d.join("shared/company.yaml"), rule).unwrap();
    fs::write(d.join("talklint.yaml"), "rules: [./shared/]\n").unwrap();
    let script = "Agent: That is not my department.\n";
    fs::write(d.join("a.txt"), script).unwrap();
    for team in ["a", "b", "c"] {
        let folder = d.join("teams").join(team);
        fs::create_dir_all(&folder).unwrap();
        let config = "rules: [../../shared/company.yaml]\nscoring: {base: 90}\n";
        fs::write(folder.join("talklint.yaml"), config).unwrap();
        fs::write(folder.join("a.txt"), script).unwrap();
    }
    // A fourth names it through a `./` inside, from a folder deeper down.
    let deep = d.join("teams/d/x");
    fs::create_dir_all(&deep).unwrap();
    let config = "rules: [.././../.././shared/./]\n";
    fs::write(deep.join("talklint.yaml"), config).unwrap();
    fs::write(deep.join("a.txt"), script).unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(d)
        .args(["check", "--format", "sarif", "."]));
    assert_eq!(code, 1, "{err}");
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    // The pack's rule once, then the rule of a failed conversation's result.
    assert_eq!(ids, ["company/deflect", "talklint/score"], "{err}");
    let results = run["results"].as_array().expect("results");
    let deflect: Vec<_> = (results.iter())
        .filter(|r| r["ruleId"] == "company/deflect")
        .collect();
    assert_eq!(deflect.len(), 5);
    assert!(deflect.iter().all(|r| r["ruleIndex"] == 0), "{results:?}");
}

/// Configs that load the same rules share one engine: its warnings are given once, not once a
/// config (and the matcher is held once: 200 team configs took 700 MB before), while each
/// config's own `disable:` is warned of at its lines.
#[test]
fn configs_with_the_same_rules_compile_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A replacement its own phrase matches again: `--fix` would never settle, which is warned.
    let rule = "rules:\n  - id: company/calm\n    phrases: [\"calm down\"]\n    replace: \"please calm down\"\n";
    fs::create_dir_all(d.join("shared")).unwrap();
    fs::write(d.join("shared/company.yaml"), rule).unwrap();
    fs::write(
        d.join("talklint.yaml"),
        "rules: [./shared/]\ndisable: [company/gone]\n",
    )
    .unwrap();
    for (team, base) in [("a", 90), ("b", 60)] {
        let folder = d.join("teams").join(team);
        fs::create_dir_all(&folder).unwrap();
        let config = format!(
            "rules: [../../shared/company.yaml]\nscoring: {{base: {base}}}\ndisable: [company/gone]\n"
        );
        fs::write(folder.join("talklint.yaml"), config).unwrap();
        fs::write(folder.join("a.txt"), "Agent: calm down\n").unwrap();
    }
    let (_, out, err) = run(talklint()
        .current_dir(d)
        .args(["check", "--format", "json", "."]));
    assert_eq!(err.matches("never settle").count(), 1, "{err}");
    // Each config's own changes are still warned of at its own lines.
    for team in ["a", "b"] {
        let warned = format!("teams/{team}/talklint.yaml:3:");
        assert_eq!(err.matches(&warned).count(), 1, "{err}");
    }
    // Each config keeps its own scoring.
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let scores: Vec<(&str, i64)> = (report["conversations"].as_array().unwrap().iter())
        .map(|c| (c["path"].as_str().unwrap(), c["score"].as_i64().unwrap()))
        .collect();
    assert_eq!(scores, [("teams/a/a.txt", 85), ("teams/b/a.txt", 55)]);
}

/// A config that names a file of another kind where a rule file goes (a planted
/// `rules: [/etc/passwd]`) is an error that quotes the file's text in part: the whole file was
/// printed, whatever it held.
#[test]
fn a_file_named_as_rules_is_quoted_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let secret = "token=".to_string() + &"s3cr3t-".repeat(40);
    fs::write(d.join("secret.env"), &secret).unwrap();
    fs::write(d.join("talklint.yaml"), "rules: [secret.env]\n").unwrap();
    fs::write(d.join("a.txt"), "Agent: hello\n").unwrap();
    let (code, out, err) = run(talklint().current_dir(d).args(["check", "a.txt"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("secret.env:1:1: invalid type: string \"token="),
        "{err}"
    );
    assert!(err.contains("(286 characters)"), "{err}");
    assert!(!err.contains(&secret[..100]), "{err}");
}
