//! `category/*` selects a category's rules in a config's `disable` and `severity`, as in
//! `per_path_disable` and directives (SPEC §8): it was warned of as naming no rule, and did
//! nothing.

use crate::support::{run, talklint};
use serde_json::Value;
use std::fs;

/// `check --format json` of a script that `ownership/not-my-department` (an error) finds, with
/// the test pack and `config`'s other keys: exit code, the findings' (rule, severity), errors.
fn findings(config: &str) -> (i32, Vec<(String, String)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules/basic.yaml");
    let config = format!("rules: [\"{}\"]\n{config}", pack.display());
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Agent: That is not my department.\n",
    )
    .unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "a.txt"]));
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let found = report["conversations"][0]["findings"].as_array().cloned();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let found = (found.into_iter().flatten())
        .map(|f| (text(&f["rule"]), text(&f["severity"])))
        .collect();
    (code, found, err)
}

#[test]
fn disable_takes_category_star() {
    let (_, found, _) = findings("");
    let deflect = (
        "ownership/not-my-department".to_string(),
        "error".to_string(),
    );
    assert!(found.contains(&deflect), "{found:?}");
    let (code, found, err) = findings("disable: [\"ownership/*\"]\n");
    assert!(
        found
            .iter()
            .all(|(rule, _)| !rule.starts_with("ownership/")),
        "{found:?}"
    );
    assert!(!err.contains("names no loaded rule"), "{err}");
    assert_eq!(code, 0, "{found:?} {err}");
}

#[test]
fn severity_takes_category_star_and_an_id_wins_over_it() {
    let (_, found, err) = findings("severity: {\"ownership/*\": info}\n");
    let deflect = (
        "ownership/not-my-department".to_string(),
        "info".to_string(),
    );
    assert!(found.contains(&deflect), "{found:?} {err}");
    assert!(!err.contains("names no loaded rule"), "{err}");
    let config = "severity: {\"ownership/*\": info, ownership/not-my-department: warning}\n";
    let (_, found, err) = findings(config);
    let deflect = (
        "ownership/not-my-department".to_string(),
        "warning".to_string(),
    );
    assert!(found.contains(&deflect), "{found:?} {err}");
}

#[test]
fn a_category_star_of_no_category_is_still_warned_of() {
    let (_, _, err) = findings("disable: [\"ownershp/*\"]\n");
    assert!(
        err.contains("`ownershp/*` names no loaded rule or category"),
        "{err}"
    );
}
