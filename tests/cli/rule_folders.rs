//! A folder of rule files (`-r packs`, `rules: [./packs/]`) is read through links, files and
//! folders (a shared pack linked in was passed over without a word), a link back to a folder
//! above being read once; its hidden entries and configs are no rule files (they gave errors
//! about rule shapes).

use crate::support::{run, talklint};
use std::fs;
use std::path::Path;

/// A rule file holding one forbid rule of id `id`.
fn rule(id: &str) -> String {
    format!("rules:\n  - id: {id}\n    phrases: [\"not my department\"]\n")
}

/// The ids `talklint rules` lists, run in `dir` with `args`: exit code, ids and errors.
fn ids(dir: &Path, args: &[&str]) -> (i32, Vec<String>, String) {
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["rules", "--format", "json"])
        .args(args));
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap_or(serde_json::Value::Null);
    let ids = (listed.as_array().into_iter().flatten())
        .filter_map(|r| Some(r["id"].as_str()?.to_string()))
        .collect();
    (code, ids, err)
}

#[cfg(unix)]
#[test]
fn a_folders_links_are_read_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for folder in ["packs", "shared/more"] {
        fs::create_dir_all(d.join(folder)).unwrap();
    }
    fs::write(d.join("packs/own.yaml"), rule("own/a")).unwrap();
    fs::write(d.join("shared/company.yaml"), rule("company/b")).unwrap();
    fs::write(d.join("shared/more/team.yml"), rule("team/c")).unwrap();
    symlink("../shared/company.yaml", d.join("packs/company.yaml")).unwrap();
    symlink("../shared/more", d.join("packs/more")).unwrap();
    // A loop back to the folder, and a second link to a file already read.
    symlink(".", d.join("packs/again")).unwrap();
    symlink("own.yaml", d.join("packs/own-too.yaml")).unwrap();
    let want = ["company/b", "own/a", "team/c"];
    let (code, mut listed, err) = ids(d, &["--no-config", "-r", "packs"]);
    listed.sort();
    assert_eq!(
        (code, listed),
        (0, want.map(String::from).to_vec()),
        "{err}"
    );
    fs::write(d.join("talklint.yaml"), "rules: [./packs/]\n").unwrap();
    let (code, mut listed, err) = ids(d, &[]);
    listed.sort();
    assert_eq!(
        (code, listed),
        (0, want.map(String::from).to_vec()),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_rule_file_that_is_gone_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("packs")).unwrap();
    fs::write(d.join("packs/own.yaml"), rule("own/a")).unwrap();
    std::os::unix::fs::symlink("../gone.yaml", d.join("packs/gone.yaml")).unwrap();
    let (code, _, err) = ids(d, &["--no-config", "-r", "packs"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("packs/gone.yaml") && err.contains("a link to no file"),
        "{err}"
    );
}

#[test]
fn hidden_entries_and_configs_in_a_rules_folder_are_no_rule_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("packs/.github/workflows")).unwrap();
    fs::write(d.join("packs/own.yaml"), rule("own/a")).unwrap();
    fs::write(
        d.join("packs/.github/workflows/ci.yml"),
        "on: push\njobs: {}\n",
    )
    .unwrap();
    fs::write(d.join("packs/.hidden.yaml"), "x: 1\n").unwrap();
    fs::write(d.join("packs/talklint.yaml"), "rules: [default]\n").unwrap();
    let (code, listed, err) = ids(d, &["--no-config", "-r", "packs"]);
    assert_eq!((code, listed), (0, vec!["own/a".to_string()]), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// A rule file given as a pipe named by a path (`-r <(…)`, a FIFO) is read as a file: it was
/// "no such rule file or folder".
#[cfg(unix)]
#[test]
fn a_rule_file_given_as_a_pipe_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let rules = crate::support::fifo(
        dir.path(),
        "rules",
        "rules: [{id: t/calm, phrases: [calm down]}]",
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg("-")
        .write_stdin("Agent: calm down\n"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("warning[t/calm]"), "{out}");
}
