//! A config's globs (`include`, `exclude`, `per_path_disable`) match the path below the folder
//! that holds the config, as in ruff: the same files are left out and the same rules turned off
//! wherever talklint runs and however a file is named. A file named on the command line is
//! checked even if excluded, unless `--force-exclude` (which the pre-commit hook passes) says
//! otherwise; then it is listed as skipped, with the glob and the config.

use crate::support::{json_report_in, run, talklint};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A script the default pack closes the door on.
const DEFLECTION: &str = "Agent: That is not my department.\n";

/// A script the default pack's `enthusiasm/no-problem` rewrites with `--fix`.
const NO_PROBLEM: &str = "Agent: No problem!\n";

/// A folder with `config` as its `talklint.yaml` and each (path, text) of `files`.
fn tree(config: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

/// Each conversation's path, with the rules of its findings.
fn checked(report: &Value) -> Vec<(String, Vec<String>)> {
    let convs = report["conversations"].as_array().expect("conversations");
    let rules = |c: &Value| -> Vec<String> {
        let findings = c["findings"].as_array().expect("findings");
        (findings.iter())
            .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    (convs.iter())
        .map(|c| (c["path"].as_str().unwrap_or_default().to_string(), rules(c)))
        .collect()
}

/// Each skipped file's path and reason.
fn skipped(report: &Value) -> Vec<(String, String)> {
    let list = report["skipped"].as_array().expect("skipped");
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    list.iter()
        .map(|s| (text(&s["path"]), text(&s["reason"])))
        .collect()
}

/// `talklint check --format json ARGS` in `dir` with `stdin` as standard input.
fn json_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Value {
    let (_, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .write_stdin(stdin));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\n{err}"))
}

#[test]
fn a_configs_exclude_holds_wherever_talklint_runs() {
    let dir = tree(
        "rules: [default]\nexclude: [\"archive/\"]\n",
        &[("archive/old.txt", DEFLECTION), ("new.txt", NO_PROBLEM)],
    );
    let root = dir.path();
    let archive = root.join("archive");
    for (cwd, args) in [
        (root, &[][..]),
        (root, &["archive"]),
        (root, &["archive/"]),
        (&archive, &[]),
        (&archive, &["."]),
        (&archive, &["../archive"]),
    ] {
        let (code, report) = json_report_in(cwd, args);
        let paths: Vec<String> = checked(&report).into_iter().map(|c| c.0).collect();
        assert!(
            !paths.iter().any(|p| p.contains("old.txt")),
            "{args:?}: {paths:?}"
        );
        let skipped = skipped(&report);
        assert!(
            !skipped.iter().any(|s| s.0.contains("old.txt")),
            "{skipped:?}"
        );
        assert_eq!(code, 0, "{args:?}: {report}");
    }
}

#[test]
fn a_file_named_is_checked_unless_force_exclude_lists_it_as_skipped() {
    let dir = tree(
        "rules: [default]\nexclude: [\"archive/\"]\n",
        &[("archive/old.txt", DEFLECTION), ("new.txt", NO_PROBLEM)],
    );
    let root = dir.path();
    let archive = root.join("archive");
    // As ruff: a file named is checked although excluded.
    let (code, report) = json_report_in(root, &["archive/old.txt"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(checked(&report)[0].0, "archive/old.txt");
    // The config is named from the current folder, as the files are.
    for (cwd, args, config) in [
        (root, &["archive/old.txt", "new.txt"][..], "talklint.yaml"),
        (root, &["./archive/../archive/old.txt"], "talklint.yaml"),
        (&archive, &["old.txt"], "../talklint.yaml"),
    ] {
        let reason = format!("excluded by `archive/` in {config} (--force-exclude)");
        let (code, report) = json_report_in(cwd, &[&["--force-exclude"], args].concat());
        // Reports show a path as given, less a leading `./`.
        let shown = args[0].trim_start_matches("./");
        assert_eq!(skipped(&report), [(shown.into(), reason)], "{args:?}");
        assert_eq!(code, 0, "{args:?}: {report}");
    }
    // `--exclude` matches the path as given.
    let (code, report) =
        json_report_in(root, &["--force-exclude", "--exclude", "*.txt", "new.txt"]);
    let reason = "excluded by `*.txt` on the command line (--force-exclude)";
    assert_eq!(skipped(&report), [("new.txt".into(), reason.into())]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn the_pre_commit_hook_leaves_out_the_files_a_config_excludes() {
    let hooks: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(".pre-commit-hooks.yaml").unwrap()).unwrap();
    let entry = hooks[0]["entry"].as_str().unwrap_or_default();
    let entry: Vec<&str> = entry.split_whitespace().skip(1).collect();
    assert!(entry.contains(&"--force-exclude"), "{entry:?}");
    let dir = tree(
        "rules: [default]\nexclude: [\"archive/\"]\n",
        &[("archive/old.txt", DEFLECTION), ("new.txt", NO_PROBLEM)],
    );
    let commit =
        |staged: &[&str]| run(talklint().current_dir(dir.path()).args(&entry).args(staged));
    let (code, out, err) = commit(&["archive/old.txt", "new.txt"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 file skipped"), "{out}");
}

#[test]
fn per_path_disable_holds_wherever_talklint_runs_and_for_fix() {
    let dir = tree(
        "rules: [default]\nper_path_disable: {\"legacy/**\": [enthusiasm]}\n",
        &[("legacy/a.txt", NO_PROBLEM), ("new.txt", NO_PROBLEM)],
    );
    let root = dir.path();
    let legacy = root.join("legacy");
    let absolute = legacy.join("a.txt").display().to_string();
    for (cwd, args) in [
        (root, &["legacy"][..]),
        (&legacy, &[]),
        (&legacy, &["a.txt"]),
        (root, &[absolute.as_str()]),
        (root, &["--force-exclude", "legacy/a.txt"]),
    ] {
        let (_, report) = json_report_in(cwd, args);
        let found = checked(&report);
        assert_eq!(found.len(), 1, "{args:?}: {report}");
        assert_eq!(found[0].1, Vec::<String>::new(), "{args:?}");
    }
    // `--diff` and `--fix` have nothing to change there, run from anywhere.
    let fix = |cwd: &Path, flag: &str| run(talklint().current_dir(cwd).arg(flag));
    for cwd in [root, &legacy] {
        let (code, out, err) = fix(cwd, "--diff");
        assert!(
            !out.contains("legacy/a.txt") && !out.contains("+++ b/a.txt"),
            "{out}"
        );
        assert_eq!(code, i32::from(cwd == root), "{out}{err}");
    }
    fix(&legacy, "--fix");
    assert_eq!(
        fs::read_to_string(legacy.join("a.txt")).unwrap(),
        NO_PROBLEM
    );
    fix(root, "--fix");
    assert_eq!(
        fs::read_to_string(legacy.join("a.txt")).unwrap(),
        NO_PROBLEM
    );
    assert_ne!(
        fs::read_to_string(root.join("new.txt")).unwrap(),
        NO_PROBLEM
    );
    // Standard input is matched by its `--stdin-filename`, from the config's folder.
    for (cwd, name) in [(root, "legacy/b.txt"), (&legacy, "b.txt")] {
        let report = json_with_stdin(cwd, &["--stdin-filename", name], NO_PROBLEM);
        assert_eq!(checked(&report), [(name.into(), vec![])], "{name}");
    }
    let report = json_with_stdin(root, &["--stdin-filename", "b.txt"], NO_PROBLEM);
    assert_eq!(checked(&report)[0].1, ["enthusiasm/no-problem"]);
}

#[test]
fn a_nested_configs_globs_hold_from_inside_its_folder() {
    let dir = tree(
        "rules: [default]\n",
        &[
            (
                "team/talklint.yml",
                "rules: [default]\nexclude: [\"old/\"]\n\
                 per_path_disable: {\"deep/**\": [enthusiasm]}\n",
            ),
            ("team/old/c.txt", DEFLECTION),
            ("team/deep/d.txt", NO_PROBLEM),
        ],
    );
    let root = dir.path();
    let team = root.join("team");
    for cwd in [root, &team, &team.join("deep"), &team.join("old")] {
        let (_, report) = json_report_in(cwd, &[]);
        let found = checked(&report);
        assert!(found.iter().all(|c| !c.0.ends_with("c.txt")), "{found:?}");
        assert!(found.iter().all(|c| c.1.is_empty()), "{found:?}");
    }
    let (_, report) = json_report_in(&team.join("deep"), &["--force-exclude", "../old/c.txt"]);
    let reason = skipped(&report).pop().map(|s| s.1).unwrap_or_default();
    assert!(reason.starts_with("excluded by `old/` in "), "{reason}");
    assert!(
        reason.ends_with("talklint.yml (--force-exclude)"),
        "{reason}"
    );
    let args = ["--force-exclude", "--stdin-filename", "team/old/new.txt"];
    let report = json_with_stdin(root, &args, DEFLECTION);
    assert_eq!(skipped(&report)[0].0, "team/old/new.txt");
    let report = json_with_stdin(&team, &["--stdin-filename", "deep/new.txt"], NO_PROBLEM);
    assert_eq!(checked(&report), [("deep/new.txt".into(), vec![])]);
}

#[test]
fn a_config_given_with_config_matches_from_its_own_folder() {
    let dir = tree(
        "rules: [default]\n",
        &[
            (
                "ci/talklint.yaml",
                "rules: [default]\nexclude: [\"/old/\", \"archive/\"]\n",
            ),
            ("ci/old/a.txt", DEFLECTION),
            ("old/b.txt", DEFLECTION),
            ("archive/c.txt", DEFLECTION),
        ],
    );
    let (_, report) = json_report_in(dir.path(), &["--config", "ci/talklint.yaml"]);
    let paths: Vec<String> = checked(&report).into_iter().map(|c| c.0).collect();
    // `/old/` is `ci/old/`; `archive/` names a folder wherever it is, outside `ci/` too.
    assert_eq!(paths, ["old/b.txt"]);
}

/// A glob written with `./` is anchored at the config's folder, as ruff reads it (it matched
/// nothing, unsaid), and a `per_path_disable` glob that names a folder holds for the files in
/// it, as the same glob does in `exclude`.
#[test]
fn dot_slash_globs_and_folder_globs_match_as_written() {
    let config = "rules: [default]\nexclude: [\"./archive/\"]\nper_path_disable: \
                  {\"./replies/legacy/**\": [ownership], \"scripts/old\": [ownership]}\n";
    let files = [
        ("archive/a.txt", DEFLECTION),
        ("replies/legacy/b.txt", DEFLECTION),
        ("scripts/old/c.txt", DEFLECTION),
        ("scripts/new/d.txt", DEFLECTION),
        ("sub/archive/e.txt", DEFLECTION),
    ];
    let dir = tree(config, &files);
    let (_, report) = json_report_in(dir.path(), &[]);
    let found = checked(&report);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    // `./archive/` is the config folder's archive only.
    assert_eq!(
        paths,
        [
            "replies/legacy/b.txt",
            "scripts/new/d.txt",
            "scripts/old/c.txt",
            "sub/archive/e.txt"
        ],
        "{report}"
    );
    let closed = |path: &str| {
        (found.iter())
            .any(|(p, rules)| p == path && rules.iter().any(|r| r.starts_with("ownership/")))
    };
    assert!(
        !closed("replies/legacy/b.txt") && !closed("scripts/old/c.txt"),
        "{report}"
    );
    assert!(
        closed("scripts/new/d.txt") && closed("sub/archive/e.txt"),
        "{report}"
    );
}

/// A config in a folder excluded as `old/**` (the SPEC's own example, `archive/**`), by a config
/// or by `--exclude`, is not read, as none of its files is checked: a stale one with an unknown
/// key stopped every run. One that the glob leaves (`old/*.txt`) is read; and globs that leave
/// some of a folder's files (`old/?`, `old/[!_]*` beside `old/_keep.txt`) leave them checked.
#[test]
fn a_config_in_a_folder_excluded_as_dir_star_star_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in ["old/deep", "new"] {
        fs::create_dir_all(root.join(folder)).unwrap();
    }
    fs::write(root.join("old/a.txt"), "Agent: calm down\n").unwrap();
    fs::write(root.join("old/deep/c.md"), "Agent: calm down\n").unwrap();
    fs::write(root.join("old/talklint.yaml"), "bogus_key: 1\n").unwrap();
    fs::write(root.join("new/b.txt"), "Agent: calm down\n").unwrap();
    let paths = |report: &Value| -> Vec<String> {
        let all = report["conversations"].as_array().unwrap().iter();
        all.map(|c| c["path"].as_str().unwrap().to_string())
            .collect()
    };
    for (config, args) in [
        ("exclude: [\"old/**\"]\n", &[][..]),
        ("exclude: [\"**/old/**\"]\n", &[][..]),
        ("rules: [default]\n", &["--exclude", "old/**"][..]),
    ] {
        fs::write(root.join("talklint.yaml"), config).unwrap();
        let (code, report) = json_report_in(root, &[args, &["."]].concat());
        assert_eq!(code, 1, "{config} {args:?}: {report}");
        assert_eq!(paths(&report), ["new/b.txt"], "{config} {args:?}");
    }
    fs::write(root.join("talklint.yaml"), "exclude: [\"old/*.txt\"]\n").unwrap();
    let (code, out, err) = run(talklint().current_dir(root).args(["check", "."]));
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("old/talklint.yaml: line 1, column 1: unknown field"),
        "{err}"
    );
    // Globs that leave some of the folder's files: those are checked.
    fs::remove_file(root.join("old/talklint.yaml")).unwrap();
    fs::write(root.join("old/_keep.txt"), "Agent: calm down\n").unwrap();
    let all = ["new/b.txt", "old/_keep.txt", "old/a.txt", "old/deep/c.md"];
    for (glob, kept) in [
        ("old/?", &all[..]),
        ("?", &all[..]),
        ("old/[!_]*", &["new/b.txt", "old/_keep.txt"][..]),
    ] {
        let (_, report) = json_report_in(root, &["--no-config", "--exclude", glob, "."]);
        assert_eq!(paths(&report), kept, "{glob}");
    }
}

/// A glob of the config's kind of file (`*.yaml`) leaves a nested config read: its folder's
/// transcripts are checked, under it. It was dropped, and they were scored by the run's.
#[test]
fn a_nested_config_whose_files_are_checked_is_read_whatever_globs_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("eu")).unwrap();
    fs::write(
        root.join("eu/talklint.yaml"),
        "disable: [respect/calm-down]\n",
    )
    .unwrap();
    fs::write(root.join("eu/c.txt"), "Agent: calm down\n").unwrap();
    for glob in ["*.yaml", "**/talklint.yaml", "eu/*.yaml"] {
        let (_, report) = json_report_in(root, &["--exclude", glob, "."]);
        let c = &report["conversations"][0];
        assert_eq!(c["path"], "eu/c.txt", "{glob}: {report}");
        let found = c["findings"].as_array().unwrap().iter();
        let rules: Vec<&str> = found.filter_map(|f| f["rule"].as_str()).collect();
        assert!(!rules.contains(&"respect/calm-down"), "{glob}: {rules:?}");
    }
}
