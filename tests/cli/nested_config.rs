//! Config discovery as in ruff: each file is checked with its nearest config, an explicit
//! `--config` applies to every file, two configs in one folder are an error, and a nested
//! config's relative paths start from its own folder.

use crate::support::{json_report_in, run, talklint};
use serde_json::Value;
use std::fs;

/// A transcript both the root's and the nested folder's rules have something to say about.
const CALL: &str = "Agent: please calm down, the banana is on its way.\nCustomer: ok\n";

/// A root config with the built-in pack, and `team/` with its own config (named `talklint.yml`)
/// that disables `respect/calm-down`, changes the scoring and adds a rule folder of its own,
/// named relative to itself.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("team/qa")).unwrap();
    fs::write(root.join("talklint.yaml"), "rules: [default]\n").unwrap();
    fs::write(
        root.join("team/talklint.yml"),
        "rules: [default, ./qa/]\ndisable: [respect/calm-down]\nscoring: {base: 50, pass: 45}\n",
    )
    .unwrap();
    fs::write(
        root.join("team/qa/fruit.yaml"),
        "rules:\n  - id: fruit/banana\n    kind: forbid\n    severity: warning\n    \
         phrases: [banana]\n    message: No fruit talk\n",
    )
    .unwrap();
    fs::write(root.join("a.txt"), CALL).unwrap();
    fs::write(root.join("team/b.txt"), CALL).unwrap();
    dir
}

/// Each conversation's path with its rules found and its score.
fn results(report: &Value) -> Vec<(String, Vec<String>, i64)> {
    let convs = report["conversations"].as_array().expect("conversations");
    convs
        .iter()
        .map(|c| {
            let rules = c["findings"].as_array().expect("findings");
            let rules = rules
                .iter()
                .map(|f| f["rule"].as_str().unwrap().to_string());
            let path = c["path"].as_str().unwrap().to_string();
            (path, rules.collect(), c["score"].as_i64().unwrap())
        })
        .collect()
}

#[test]
fn each_file_is_checked_with_its_nearest_config() {
    let dir = tree();
    let expected = |prefix: &str| {
        vec![
            (
                format!("{prefix}a.txt"),
                vec!["respect/calm-down".into()],
                70,
            ),
            (
                format!("{prefix}team/b.txt"),
                vec!["fruit/banana".into()],
                45,
            ),
        ]
    };
    let (code, report) = json_report_in(dir.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(results(&report), expected(""));
    // From inside the nested folder, its config is the run's and the root's is found above `..`.
    let (_, report) = json_report_in(&dir.path().join("team"), &[".."]);
    assert_eq!(results(&report), expected("../"));
    // A file named alone gets its own folder's config too.
    let (_, report) = json_report_in(dir.path(), &["team/b.txt"]);
    assert_eq!(results(&report), expected("")[1..]);
}

#[test]
fn a_nested_rule_has_its_own_entry_in_the_reports_rule_list() {
    let dir = tree();
    let (_, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "."]));
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let found = |r: &&Value| r["ruleId"] != "talklint/score";
    assert_eq!(results.iter().filter(found).count(), 2, "{results:?}");
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "{r}");
    }
    let banana = rules.iter().find(|r| r["id"] == "fruit/banana").unwrap();
    assert_eq!(banana["defaultConfiguration"]["level"], "warning");
}

#[test]
fn an_explicit_config_applies_to_every_file() {
    let dir = tree();
    let (_, report) = json_report_in(dir.path(), &["--config", "talklint.yaml", "."]);
    let calm = || vec!["respect/calm-down".to_string()];
    assert_eq!(
        results(&report),
        vec![
            ("a.txt".into(), calm(), 70),
            ("team/b.txt".into(), calm(), 70)
        ]
    );
    // And with no config at all, the nested one is not looked for either.
    let (_, report) = json_report_in(dir.path(), &["--no-config", "."]);
    assert_eq!(results(&report)[1], ("team/b.txt".into(), calm(), 70));
}

#[test]
fn two_configs_in_one_folder_are_a_config_error_naming_both() {
    let dir = tree();
    fs::write(dir.path().join("team/.talklint.yaml"), "disable: []\n").unwrap();
    // The run's own folder stops the run; a folder below it is that folder's mistake, and the
    // rest is checked.
    for (cwd, path, stops) in [
        (dir.path().to_path_buf(), ".", false),
        (dir.path().join("team"), "b.txt", true),
    ] {
        let (code, out, err) = run(talklint().current_dir(&cwd).args(["check", path]));
        assert_eq!(code, 2, "{out}{err}");
        assert_eq!(out.is_empty(), stops, "{out}");
        for name in [
            "team/.talklint.yaml",
            "team/talklint.yml",
            "two configs in one folder",
        ] {
            assert!(err.contains(name), "{name}: {err}");
        }
        assert!(err.contains("help: merge them into one file"), "{err}");
    }
}

/// A config that is a link to no file (a team's config on a share not mounted) is an error
/// naming it: the run went on with the built-in pack and its scores, in silence.
#[cfg(unix)]
#[test]
fn a_config_linked_to_no_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Agent: calm down\n").unwrap();
    let gone = dir.path().join("share/talklint.yaml");
    std::os::unix::fs::symlink(&gone, dir.path().join("talklint.yaml")).unwrap();
    let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("talklint.yaml: cannot read config: a link to no file"),
        "{err}"
    );
    assert!(err.contains("share/talklint.yaml is gone"), "{err}");
}

#[test]
fn a_nested_configs_errors_name_it_and_its_relative_rule_paths() {
    let dir = tree();
    let nested = dir.path().join("team/talklint.yml");
    fs::write(&nested, "rules: [./missing/]\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "."]));
    assert_eq!(code, 2, "{err}");
    // Resolved against `team/`, not the current folder, and named at its place in the config.
    assert!(
        err.contains("team/talklint.yml: line 1, column 9: `./missing/`"),
        "{err}"
    );
    assert!(err.contains("(looked for team/missing)"), "{err}");
    fs::write(&nested, "disable: [respect/calm-down]\nfail_on: warning\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "."]));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "team/talklint.yml:2:1: `fail_on` applies to the whole run and is read only from the \
             run's config (talklint.yaml)"
        ),
        "{err}"
    );
}

#[test]
fn a_nested_configs_per_path_disable_matches_the_path_below_its_folder() {
    let dir = tree();
    let nested = dir.path().join("team/talklint.yml");
    let text = fs::read_to_string(&nested).unwrap();
    fs::write(&nested, text + "per_path_disable: {\"deep/**\": [fruit]}\n").unwrap();
    fs::create_dir_all(dir.path().join("team/deep")).unwrap();
    fs::write(dir.path().join("team/deep/c.txt"), CALL).unwrap();
    let (_, report) = json_report_in(dir.path(), &["team"]);
    let found: Vec<(String, Vec<String>)> = results(&report)
        .into_iter()
        .map(|(path, rules, _)| (path, rules))
        .collect();
    assert_eq!(
        found,
        vec![
            ("team/b.txt".into(), vec!["fruit/banana".into()]),
            ("team/deep/c.txt".into(), vec![]),
        ]
    );
}

#[test]
fn a_nested_configs_include_and_exclude_match_below_its_folder() {
    let dir = tree();
    let root = dir.path();
    let nested = root.join("team/talklint.yml");
    let text = fs::read_to_string(&nested).unwrap();
    let globs = "include: [\"*.txt\", \"*.notes\"]\nexclude: [\"old/**\"]\n";
    fs::write(&nested, text + globs).unwrap();
    for path in ["team/old/c.txt", "old/d.txt", "team/e.notes", "team/f.md"] {
        fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
        fs::write(root.join(path), CALL).unwrap();
    }
    let (_, report) = json_report_in(root, &["."]);
    let paths: Vec<String> = results(&report).into_iter().map(|r| r.0).collect();
    // `old/**` is `team/old/**`; `*.notes` reads a file of no transcript extension; `f.md`
    // matches no include.
    assert_eq!(paths, ["a.txt", "old/d.txt", "team/b.txt", "team/e.notes"]);
    let skipped = report["skipped"].as_array().unwrap();
    assert!(
        !skipped.iter().any(|s| s["path"] == "team/f.md"),
        "{skipped:?}"
    );
    // The excluded folder is not walked at all: a link in it is not even listed as skipped.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("c.txt", root.join("team/old/link.txt")).unwrap();
        std::os::unix::fs::symlink("d.txt", root.join("old/link.txt")).unwrap();
        let (_, report) = json_report_in(root, &["."]);
        let skipped = report["skipped"].as_array().unwrap().iter();
        let skipped: Vec<&str> = skipped.map(|s| s["path"].as_str().unwrap()).collect();
        assert!(skipped.contains(&"old/link.txt"), "{skipped:?}");
        assert!(!skipped.contains(&"team/old/link.txt"), "{skipped:?}");
    }
}

#[test]
fn init_writes_no_second_config_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".talklint.yml"), "disable: []\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".talklint.yml already exists"), "{err}");
    assert!(!dir.path().join("talklint.yaml").exists());
    // A link by the config's name, even one to nothing, is a config already there: writing
    // through it made a file in another folder.
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("nowhere.yaml");
    std::os::unix::fs::symlink(&target, dir.path().join("talklint.yaml")).unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("talklint.yaml already exists"), "{err}");
    assert!(!target.exists(), "nothing written through the link");
}

#[test]
fn standard_input_gets_the_config_of_its_stdin_filename() {
    let dir = tree();
    let checked = |name: &str| {
        let (_, out, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "--stdin-filename", name, "-"])
            .write_stdin(CALL));
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        results(&report)
    };
    assert_eq!(
        checked("team/new.txt"),
        [("team/new.txt".into(), vec!["fruit/banana".into()], 45)]
    );
    assert_eq!(
        checked("new.txt"),
        [("new.txt".into(), vec!["respect/calm-down".into()], 70)]
    );
}

#[test]
fn a_rule_reported_two_ways_is_one_rule_in_the_statistics() {
    let dir = tree();
    let nested = "rules: [default]\nseverity: {respect/calm-down: warning}\n";
    fs::write(dir.path().join("team/talklint.yml"), nested).unwrap();
    let (_, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "-q", "--statistics", "."]));
    assert!(out.contains("error[respect/calm-down]"), "{out}{err}");
    assert!(out.contains("warning[respect/calm-down]"), "{out}{err}");
    let per_rule = out.split("Problems per rule:").nth(1).unwrap_or_default();
    assert_eq!(per_rule.matches("respect/calm-down").count(), 1, "{out}");
    assert!(per_rule.contains("        2  respect/calm-down"), "{out}");
}

#[test]
fn a_config_rule_path_is_named_without_its_dot() {
    // `rules: [./packs/es.yaml]` printed `/cfg/./packs/es.yaml` in every message about it.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("packs")).unwrap();
    fs::write(
        dir.path().join("packs/es.yaml"),
        "rules:\n  - id: t/x\n    phrases: [calma\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("talklint.yaml"),
        "rules: [./packs/es.yaml]\n",
    )
    .unwrap();
    fs::write(dir.path().join("t.txt"), "Agent: hola\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "t.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: packs/es.yaml:3:14:") && !err.contains("/./"),
        "{err}"
    );
}

#[test]
fn a_config_named_from_its_own_folder_names_its_rule_paths_without_a_dot() {
    // `--config talklint.yaml` has an empty folder: `./bad.yaml` kept its leading `./`.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.yaml"),
        "rules:\n  - id: t/x\n    phrases: [calma\n",
    )
    .unwrap();
    fs::write(dir.path().join("talklint.yaml"), "rules: [./bad.yaml]\n").unwrap();
    fs::write(dir.path().join("t.txt"), "Agent: hola\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--config",
        "talklint.yaml",
        "t.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("error: bad.yaml:3:14:"), "{err}");
}

#[test]
fn a_config_in_a_folder_an_outer_config_excludes_is_not_read() {
    // A broken config in an archived team folder stopped every run, though its files were
    // never checked.
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("teams/b");
    fs::create_dir_all(b.join("archive")).unwrap();
    fs::create_dir_all(b.join("live")).unwrap();
    fs::write(b.join("talklint.yaml"), "exclude: [\"archive/\"]\n").unwrap();
    fs::write(b.join("archive/talklint.yaml"), "bogus: 1\n").unwrap();
    fs::write(b.join("archive/old.txt"), CALL).unwrap();
    fs::write(b.join("live/new.txt"), CALL).unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "."]));
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["conversations"], 1, "{out}");
    assert_eq!(v["conversations"][0]["path"], "teams/b/live/new.txt");
}

/// A folder whose config asks for masking has the whole run's reports masked, with its own
/// patterns too: read only from the run's config, `redact: true` was a warning, and a run from
/// the folder above reported its files in clear. A bad pattern there is an error at its place.
#[test]
fn a_nested_configs_redact_masks_the_runs_reports() {
    let dir = tree();
    let root = dir.path();
    let nested = root.join("team/talklint.yml");
    fs::write(&nested, "redact: true\nredact_patterns: ['ACC-[0-9]+']\n").unwrap();
    let pii = "Agent: Calm down, card 4111 1111 1111 1111, account ACC-4521, jane@example.com.\n";
    fs::write(root.join("team/b.txt"), pii).unwrap();
    fs::write(root.join("a.txt"), pii).unwrap();
    for format in ["human", "json", "html"] {
        let (code, out, err) = run(talklint()
            .current_dir(root)
            .args(["check", "-f", format, "."]));
        assert_eq!(code, 1, "{err}");
        for data in ["4111", "ACC-4521", "jane@"] {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(!err.contains("whole run"), "{err}");
    }
    fs::write(&nested, "redact_patterns: ['ACC-[0-9']\n").unwrap();
    let (code, _, err) = run(talklint().current_dir(root).args(["check", "."]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("team/talklint.yml: line 1, column 20: redact_patterns: invalid regex"),
        "{err}"
    );
}
