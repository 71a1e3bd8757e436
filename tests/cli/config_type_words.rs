//! A config's or rule file's value of the wrong kind is named in the file's words, never by the
//! Rust type that reads it (`expected struct ScoringConfig`, `unit value`); a rule written under
//! a config's `rules:` is told to move to a rule file.

use crate::support::{run, talklint};
use std::fs;

/// What `talklint check` says of a config holding `config`, with a rule file `r.yaml` holding
/// `rules` beside it: the exit code and standard error.
fn errors(config: &str, rules: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    fs::write(dir.path().join("r.yaml"), rules).unwrap();
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "a.txt", "-"])
        .write_stdin("Agent: Hello.\n"));
    (code, err)
}

/// Each (config, rule file) of `files` is refused with the message `want`, in words: no Rust
/// type names, nor serde's names of values.
fn refused_in_words(files: impl Fn(&str) -> (&str, &str), cases: &[(&str, &str)]) {
    for (written, want) in cases {
        let (config, rules) = files(written);
        let (code, err) = errors(config, rules);
        assert_eq!(code, 2, "{written}: {err}");
        assert!(err.contains(want), "{written}: {err}");
        for rust in ["struct ", "unit value", "YAML tag", "Spec", "Config"] {
            assert!(!err.contains(rust), "{rust}: {err}");
        }
    }
}

#[test]
fn a_configs_wrong_kinds_are_named_in_words() {
    let cases = [
        (
            "null\n",
            "1:1: invalid type: null (no value), expected a config: a mapping",
        ),
        (
            "scoring: null\n",
            "scoring: invalid type: null (no value), expected a mapping of `base:` and `pass:`",
        ),
        (
            "scoring: [1]\n",
            "scoring: invalid type: sequence, expected a mapping of `base:`",
        ),
        (
            "fail_on: [error]\n",
            "fail_on: invalid type: sequence, expected a plain word",
        ),
        (
            "rules: [~]\n",
            "rules[0]: invalid type: null (no value), expected a rule file's path",
        ),
    ];
    refused_in_words(|config| (config, ""), &cases);
}

#[test]
fn a_rule_files_wrong_kinds_are_named_in_words() {
    let cases = [
        (
            "null\n",
            "r.yaml:1:1: invalid type: null (no value), expected a rule file: a mapping",
        ),
        (
            "rules: [5]\n",
            "rules[0]: invalid type: integer `5`, expected a rule: a mapping",
        ),
        (
            "rules:\n  - id: a/b\n    phrases: [x]\n    examples: 5\n",
            "examples: invalid type: integer `5`, expected a mapping of `hit:` and `clean:`",
        ),
        (
            "rules:\n  - id: a/b\n    phrases: [x]\n    window: [1]\n",
            "window: invalid type: sequence, expected a mapping of where in the conversation",
        ),
    ];
    refused_in_words(|rules| ("rules: [./r.yaml]\n", rules), &cases);
}

#[test]
fn a_rule_under_a_configs_rules_is_sent_to_a_rule_file() {
    let config = "rules:\n  - default\n  - id: courtesy/x\n    phrases: [no problem]\n";
    let (code, err) = errors(config, "");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:3:5: rules[1]: a rule definition in a config"),
        "{err}"
    );
    assert!(
        err.contains("lists rule files (their paths, or `default`"),
        "{err}"
    );
    assert!(
        err.contains("help: move the rule into a rule file"),
        "{err}"
    );
    // A plain scalar is still a path, whatever YAML takes it for.
    let (_, err) = errors("rules: [2024]\n", "");
    assert!(err.contains("`2024` is no rule file or folder"), "{err}");
}

/// The run's config and the rule files it names are named from the current folder, as `-r`'s
/// files and the transcripts are (`../talklint.yaml` from a folder below it); they were named
/// whole (`/home/qa/calls/talklint.yaml`).
#[test]
fn the_runs_config_and_its_rule_files_are_named_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("calls")).unwrap();
    fs::write(dir.path().join("talklint.yaml"), "min_score: abc\n").unwrap();
    let (_, _, err) = run(talklint()
        .current_dir(dir.path().join("calls"))
        .arg("check"));
    assert!(
        err.starts_with("error: ../talklint.yaml:1:12: min_score"),
        "{err}"
    );
    fs::write(dir.path().join("talklint.yaml"), "rules: [r.yaml]\n").unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        "rules:\n  - id: t/x\n    phrases: [a\n",
    )
    .unwrap();
    for (cwd, named) in [
        (dir.path().to_path_buf(), "r.yaml"),
        (dir.path().join("calls"), "../r.yaml"),
    ] {
        let (_, _, err) = run(talklint().current_dir(cwd).arg("check"));
        assert!(err.starts_with(&format!("error: {named}:3:14: ")), "{err}");
    }
}
