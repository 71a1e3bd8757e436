//! A nested config with a mistake does not stop the run: the files it applies to are not checked,
//! the report says why on the config (at the mistake's line and column), and the other files are
//! checked and reported, exit 2. One team's typo stopped every team's scan.

use crate::support::{json_report_in, run, talklint};
use serde_json::Value;
use std::fs;

/// A call with a finding in any pack.
const CALL: &str = "Agent: please calm down, it is on its way.\nCustomer: ok\n";

/// `a.txt` at the root (no config), `team/` whose config has a bad value on line 2, with a file
/// and a folder `sub/` whose own config is fine (the nearest to its file), and `other/` with a
/// good config of its own.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("team/sub")).unwrap();
    fs::create_dir_all(root.join("other")).unwrap();
    fs::write(root.join("a.txt"), CALL).unwrap();
    fs::write(
        root.join("team/talklint.yml"),
        "rules: [default]\nmin_score: abc\n",
    )
    .unwrap();
    fs::write(root.join("team/b.txt"), CALL).unwrap();
    fs::write(root.join("team/sub/talklint.yaml"), "rules: [default]\n").unwrap();
    fs::write(root.join("team/sub/c.txt"), CALL).unwrap();
    fs::write(root.join("other/talklint.yaml"), "rules: [default]\n").unwrap();
    fs::write(root.join("other/d.txt"), CALL).unwrap();
    dir
}

/// The paths of a JSON report's conversations, and its errors as (path, message).
fn listed(v: &Value) -> (Vec<String>, Vec<(String, String)>) {
    let text = |x: &Value| x.as_str().unwrap_or_default().to_string();
    let conversations = v["conversations"].as_array().expect("conversations");
    let errors = v["errors"].as_array().expect("errors");
    (
        conversations.iter().map(|c| text(&c["path"])).collect(),
        errors
            .iter()
            .map(|e| (text(&e["path"]), text(&e["message"])))
            .collect(),
    )
}

#[test]
fn the_other_folders_are_checked_and_the_config_is_one_error_at_its_mistake() {
    let dir = tree();
    let (code, v) = json_report_in(dir.path(), &["."]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    // `team/b.txt`, under the broken config, is not checked; `team/sub/c.txt` is, with its own.
    assert_eq!(paths, ["a.txt", "other/d.txt", "team/sub/c.txt"], "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, message) = &errors[0];
    assert_eq!(path, "team/talklint.yml");
    assert!(
        message.starts_with("line 2, column 12: min_score: invalid type"),
        "{message}"
    );
    assert!(
        message.contains("; the files it applies to are not checked; help: write the kind"),
        "{message}"
    );
    assert_eq!(v["summary"]["errors"], 1, "{v}");
    // Where people and CI read it: at its place in the config.
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "github", "."]));
    assert_eq!(code, 2, "{err}");
    assert!(
        out.contains("::error file=team/talklint.yml,line=2,col=12"),
        "{out}"
    );
    // The human summary counts it as what it is, not as "1 read error".
    let (_, out, _) = run(talklint().current_dir(dir.path()).args(["check", "."]));
    assert!(
        out.contains(" 1 error (a file or a line of one that could not be read, or a folder's config with a mistake); see"),
        "{out}"
    );
}

#[test]
fn a_mistake_in_a_rule_file_the_config_loads_names_that_file() {
    let dir = tree();
    let root = dir.path();
    fs::write(root.join("team/talklint.yml"), "rules: [default, ./qa/]\n").unwrap();
    fs::create_dir_all(root.join("team/qa")).unwrap();
    fs::write(
        root.join("team/qa/bad.yaml"),
        "rules:\n  - id: qa/x\n    kind: forbidd\n    phrases: [x]\n",
    )
    .unwrap();
    let (code, v) = json_report_in(root, &["."]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    assert_eq!(paths, ["a.txt", "other/d.txt", "team/sub/c.txt"], "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "team/talklint.yml");
    // Named from the current folder, as the walk names files; no word of a run that stopped.
    let message = &errors[0].1;
    assert!(message.starts_with("team/qa/bad.yaml:3:11: "), "{message}");
    assert!(!message.contains("nothing was checked"), "{message}");
}

#[test]
fn a_link_to_no_file_or_a_second_config_below_the_root_is_that_folders_mistake() {
    let dir = tree();
    let root = dir.path();
    fs::remove_file(root.join("team/talklint.yml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("gone.yaml", root.join("team/talklint.yml")).unwrap();
    fs::write(root.join("other/.talklint.yml"), "rules: [default]\n").unwrap();
    let (code, v) = json_report_in(root, &["."]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    let team = if cfg!(unix) {
        &[][..]
    } else {
        &["team/b.txt"][..]
    };
    let expected = [&["a.txt"][..], team, &["team/sub/c.txt"]].concat();
    assert_eq!(paths, expected, "{v}");
    let messages: Vec<String> = errors.iter().map(|(p, m)| format!("{p}: {m}")).collect();
    let found = |text: &str| messages.iter().any(|m| m.contains(text));
    assert!(
        found("other/.talklint.yml: two configs in one folder, this one and other/talklint.yaml")
            || found(
                "other/talklint.yaml: two configs in one folder, this one and other/.talklint.yml"
            ),
        "{messages:?}"
    );
    #[cfg(unix)]
    assert!(
        found("team/talklint.yml: cannot read config: a link to no file"),
        "{messages:?}"
    );
}

#[test]
fn a_walk_from_above_lists_the_config_once_beside_its_folders_other_errors() {
    let dir = tree();
    let root = dir.path();
    // The run's own config is `team/sub`'s: its file is checked, `team/b.txt` is not.
    let (code, out, err) = run(talklint()
        .current_dir(root.join("team/sub"))
        .args(["check", "-f", "json", ".."]));
    assert_eq!(code, 2, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let (paths, errors) = listed(&v);
    assert_eq!(paths, ["../sub/c.txt"], "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "../talklint.yml");
    // A bad ignore file in the folder is an error of its own, beside the config's.
    fs::write(root.join("team/.talklintignore"), "[z-a]\n").unwrap();
    let (code, v) = json_report_in(root, &[".", "team"]);
    assert_eq!(code, 2, "{v}");
    let (_, errors) = listed(&v);
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["team/.talklintignore", "team/talklint.yml"],
        "{errors:?}"
    );
}

#[test]
fn a_file_or_folder_named_under_it_says_it_is_not_checked() {
    let dir = tree();
    // A file named: an error entry of its own that names the config and its mistake.
    let (code, v) = json_report_in(dir.path(), &["team/b.txt", "other/d.txt"]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    assert_eq!(paths, ["other/d.txt"], "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "team/b.txt");
    assert!(
        errors[0].1.starts_with(
            "not checked: its config team/talklint.yml has an error: line 2, column 12"
        ),
        "{errors:?}"
    );
    // A folder under it walked from: the config's entry, and nothing of the folder checked
    // (`team/sub` has a config of its own, the nearest to its files).
    fs::create_dir_all(dir.path().join("team/plain")).unwrap();
    fs::write(dir.path().join("team/plain/f.txt"), CALL).unwrap();
    let (code, v) = json_report_in(dir.path(), &["team/plain"]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    assert!(paths.is_empty(), "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "team/talklint.yml");
    // Standard input named into it.
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "--stdin-filename", "team/e.txt", "-"])
        .write_stdin(CALL));
    assert_eq!(code, 2, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let (paths, errors) = listed(&v);
    assert!(paths.is_empty(), "{v}");
    assert_eq!(errors[0].0, "team/e.txt", "{errors:?}");
}

#[test]
fn fixing_the_config_checks_its_files_again() {
    let dir = tree();
    fs::write(dir.path().join("team/talklint.yml"), "rules: [default]\n").unwrap();
    let (code, v) = json_report_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{v}");
    let (paths, errors) = listed(&v);
    let expected = ["a.txt", "other/d.txt", "team/b.txt", "team/sub/c.txt"];
    assert_eq!(paths, expected, "{v}");
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_nested_config_left_with_no_rule_is_its_mistake() {
    let dir = tree();
    let root = dir.path();
    fs::write(root.join("team/talklint.yml"), "rules: [./none.yaml]\n").unwrap();
    fs::write(root.join("team/none.yaml"), "# rules to come\n").unwrap();
    let (code, v) = json_report_in(root, &["."]);
    assert_eq!(code, 2, "{v}");
    let (paths, errors) = listed(&v);
    assert_eq!(paths, ["a.txt", "other/d.txt", "team/sub/c.txt"], "{v}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].1.starts_with("no rule is left to check with"),
        "{errors:?}"
    );
}
