//! Mistakes in rule files and configs, named where they are with the likely fix: a misspelt key
//! or value ("did you mean"), and a line indented so that it fits nothing above it (the
//! overrides `disable:` and `severity:` are in `overrides.rs`).

use crate::support::{run, talklint, write};
use std::fs;

/// `talklint check ARGS t.txt` in a folder holding `files` and a one-line transcript: the exit
/// code and standard error.
pub(crate) fn check_with(files: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    fs::write(dir.path().join("t.txt"), "Agent: please calm down\n").unwrap();
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .arg("t.txt"));
    (code, err)
}

const RULE: &str = "rules:\n  - id: a/b\n    kind: forbid\n";

#[test]
fn a_misspelt_rule_key_or_value_names_the_closest_one() {
    let rule = format!("{RULE}    severty: error\n    phrases: [x]\n");
    let (code, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert_eq!(code, 2, "{err}");
    let want = "r.yaml:4:5: rules[0]: unknown field `severty`, did you mean `severity`?";
    assert!(err.contains(want), "{err}");
    assert!(
        err.contains("help: rename it to the name suggested"),
        "{err}"
    );
    let rule = format!("{RULE}    severity: eror\n    phrases: [x]\n");
    let (code, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert_eq!(code, 2, "{err}");
    let want = "r.yaml:4:15: rules[0].severity: unknown variant `eror`, did you mean `error`?";
    assert!(err.contains(want), "{err}");
    // A key cut short is too far from its name to be a typo, and is the start of only it.
    let rule = format!("{RULE}    phrases: [x]\n    suggest: y\n");
    let (code, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert_eq!(code, 2, "{err}");
    let want = "r.yaml:5:5: rules[0]: unknown field `suggest`, did you mean `suggestion`?";
    assert!(err.contains(want), "{err}");
}

/// Two edits of a word of three letters is another word: `fit` is not offered `id`, but the keys.
#[test]
fn a_short_unknown_key_is_not_offered_a_stranger() {
    let rule = format!("{RULE}    fit: x\n    phrases: [x]\n");
    let (code, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    assert!(
        err.contains("unknown field `fit`, expected one of `id`"),
        "{err}"
    );
}

#[test]
fn a_misspelt_config_key_names_the_closest_one() {
    let config = "rules: [default]\nscoring: {base: 80}\ndisabel: [respect]\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    assert_eq!(code, 2, "{err}");
    let want = "talklint.yaml:3:1: unknown field `disabel`, did you mean `disable`?";
    assert!(err.contains(want), "{err}");
    // A name close to nothing keeps the list of the keys allowed.
    let (_, err) = check_with(&[("talklint.yaml", "zzzzzzzz: 1\n")], &[]);
    assert!(
        err.contains("unknown field `zzzzzzzz`, expected one of `rules`"),
        "{err}"
    );
}

#[test]
fn a_misindented_line_is_compared_with_the_line_above() {
    let cases = [
        // A key indented less than its siblings.
        (
            format!("{RULE}   phrases: [x]\n"),
            "r.yaml:4:4: this line is indented to column 4 and the line above to column 5 \
             (`kind: forbid`;",
        ),
        // A key indented more than the one before it.
        (
            "rules:\n  - id: a/b\n      kind: forbid\n".to_string(),
            "r.yaml:3:11: this line is indented to column 7 and the line above to column 5",
        ),
        // After a value that is no string: the two lines read as one value, whose type the
        // reader refused first (`invalid type: string "-3 severity"`).
        (
            "rules:\n  - id: a/b\n    phrases: [x]\n    points: -3\n     severity: info\n"
                .to_string(),
            "r.yaml:5:14: this line is indented to column 6 and the line above to column 5",
        ),
    ];
    for (rule, want) in cases {
        let (code, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(want), "{want}\n{err}");
        assert!(
            err.contains("help: check the indentation of this line against the line above"),
            "{err}"
        );
    }
    let (code, err) = check_with(&[("talklint.yaml", "disable: []\n scoring: {}\n")], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:2: this line is indented to column 2"),
        "{err}"
    );
    // A duplicate key further on is no syntax error: the value's own error stands.
    let config = "fail_on: sometimes\nrules: [default]\nseverity:\n  a/b: info\n  a/b: error\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:1:10: fail_on: unknown variant `sometimes`"),
        "{err}"
    );
    // Not indentation: a second `: ` in an unquoted value.
    let rule = format!("{RULE}    message: Note: x\n    phrases: [x]\n");
    let (_, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert!(
        err.contains("a `: ` inside an unquoted value starts a second key"),
        "{err}"
    );
    assert!(err.contains("help: quote the value"), "{err}");
    // Not indentation either: a list left open.
    let rule = format!("{RULE}    phrases: [x\n    regex: [y]\n");
    let (_, err) = check_with(&[("r.yaml", &rule)], &["--no-config", "-r", "r.yaml"]);
    assert!(
        err.contains("r.yaml:4:14: this `[` is never closed (the parser: did not find expected ',' or ']' at line 5, column 10)"),
        "{err}"
    );
    assert!(
        err.contains("help: a `[…]` list opened above is not closed"),
        "{err}"
    );
}

/// A config's `rules:` entry that is no file or folder, and a config's bad glob, are errors at
/// their place in the config, not at a path the config never named.
#[test]
fn a_config_naming_missing_rules_or_a_bad_glob_is_an_error_at_its_place() {
    let config = "# team settings\nrules: [defualt, missing.yaml]\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:9: `defualt` is no rule file or folder"),
        "{err}"
    );
    assert!(
        err.contains("talklint.yaml:2:18: `missing.yaml` is no rule"),
        "every one: {err}"
    );
    assert!(err.contains("(did you mean `default`?)"), "{err}");
    assert!(
        !err.contains("--rules"),
        "the value came from the config: {err}"
    );
    for (config, place) in [
        (
            "include:\n  - '**/*.txt'\n  - '[z-a]'\n",
            "talklint.yaml:3:6:",
        ),
        ("exclude: ['[z-a]']\n", "talklint.yaml:1:12:"),
        (
            "per_path_disable:\n  'a[z-a]': [respect]\n",
            "talklint.yaml:2:4:",
        ),
    ] {
        let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{place} bad glob")),
            "{config}: {err}"
        );
        // The glob as written, without the `**/` talklint puts before it, and how to write one.
        assert!(err.contains("]`: invalid range; 'z' > 'a'\n"), "{err}");
        assert!(
            err.contains("  help: write globs as in .gitignore"),
            "{err}"
        );
    }
}

#[test]
fn a_config_that_loads_no_rules_is_an_error() {
    let config = "exclude: [rules]\n# none\nrules: []\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:3:1: `rules: []` loads no rules"),
        "{err}"
    );
}

#[test]
fn fillers_that_empty_a_packs_phrases_are_blamed_where_they_are_written() {
    let config = "# words to skip\nfillers: [um, uh, please]\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:1: `fillers:` leaves phrases with no words to match")
            && err.contains("added here: please"),
        "{err}"
    );
    // The pack's own lines follow, as the phrases the fillers empty.
    assert!(err.contains("<default>/rules/lexicons.yaml:"), "{err}");
}

/// `default_role:` takes what `--default-role` takes: a config cannot give unlabelled text a role
/// the flag refuses.
#[test]
fn a_config_default_role_takes_the_flags_values() {
    for (value, ok) in [
        ("customer", true),
        ("any", true),
        ("bot", false),
        ("system", false),
    ] {
        let config = format!("default_role: {value}\n");
        let (code, err) = check_with(&[("talklint.yaml", &config)], &[]);
        let (_, flag_err) = check_with(&[], &["--no-config", "--default-role", value]);
        if ok {
            assert!(code < 2, "{value}: {err}");
            assert!(!flag_err.contains("invalid value"), "{value}: {flag_err}");
        } else {
            assert_eq!(code, 2, "{value}: {err}");
            let want = format!("talklint.yaml:1:15: default_role: unknown variant `{value}`");
            assert!(err.contains(&want), "{err}");
            assert!(flag_err.contains("invalid value"), "{value}: {flag_err}");
        }
    }
}

/// Scores are clamped to 0..=100, so a pass mark or `min_score` outside that range would fail
/// every conversation (or none): an error at the number, in the config and on the command line.
#[test]
fn a_score_bar_outside_0_to_100_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: hi\n");
    let cases = [
        (
            "scoring: {pass: 101}\n",
            "talklint.yaml:1:17: scoring.pass: invalid value: integer `101`, expected a score from 0 to 100",
        ),
        (
            "scoring:\n  base: 90\n  pass: -1\n",
            "talklint.yaml:3:9: scoring.pass: invalid value: integer `-1`",
        ),
        (
            "min_score: 250\n",
            "talklint.yaml:1:12: min_score: invalid value: integer `250`",
        ),
    ];
    for (config, expected) in cases {
        write(dir.path(), "talklint.yaml", config);
        let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
        assert_eq!(code, 2, "{config}: {err}");
        assert!(err.contains(expected), "{config}: {err}");
        assert!(
            err.contains("help: write a value the message allows"),
            "{err}"
        );
    }
    write(
        dir.path(),
        "talklint.yaml",
        "scoring: {pass: 100}\nmin_score: 0\n",
    );
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 1, "the bounds are scores: {err}");
    // No bar, as with other keys: `null` or nothing; a switch left empty is off (`redact:` was
    // "invalid type: null").
    write(
        dir.path(),
        "talklint.yaml",
        "scoring: {pass: null}\nmin_score:\nredact:\ncsv_bom:\n",
    );
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert!(code < 2, "{err}");
    // A score out of range, or no whole number (it said "invalid digit found in string").
    for bar in ["101", "-3", "50.5", "1e9"] {
        let (code, _, err) =
            run(talklint().args(["check", "--no-config", "--min-score", bar, "fixtures/calls"]));
        assert_eq!(code, 2);
        let said = format!("`{bar}` is no score: write a whole number from 0 to 100");
        assert!(err.contains(&said), "{err}");
    }
}

/// A rule file named twice, itself or through its folder, is read once (as a transcript named
/// twice is): its rules are no duplicates of themselves. Two files with one id still clash.
#[test]
fn a_rule_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: fix/np\n    phrases: [no problem]\n";
    fs::create_dir(dir.path().join("qa")).unwrap();
    write(dir.path(), "qa/fix.yaml", rule);
    write(dir.path(), "a.txt", "Agent: no problem\n");
    let check = |rules: &[&str]| {
        let args = rules.iter().flat_map(|r| ["-r", r]);
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-f", "json"])
            .args(args)
            .arg("a.txt"))
    };
    let (code, _, err) = check(&["nope.yaml", "./nope.yaml"]);
    assert_eq!(
        (code, err.matches("no such rule file").count()),
        (2, 1),
        "{err}"
    );
    let (code, out, err) = check(&["qa", "qa/fix.yaml", "./qa/fix.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("\"rule\":\"fix/np\"").count(), 1, "{out}");
    write(dir.path(), "qa/copy.yaml", rule);
    let (code, _, err) = check(&["qa"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("duplicate rule id `fix/np`: already defined at qa/copy.yaml:2"),
        "{err}"
    );
}

/// A rule file written as a bare list, without `rules:` above it, is told to put it there; a
/// report named by a folder, to name a file.
#[test]
fn a_bare_rule_list_and_a_folder_for_a_report_say_how_to_fix_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "list.yaml",
        "- id: x/l\n  phrases: [\"calm down\"]\n",
    );
    write(dir.path(), "a.txt", "Agent: calm down\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "list.yaml",
        "a.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("list.yaml:1:1: invalid type: sequence"),
        "{err}"
    );
    assert!(err.contains("help: put the list under `rules:`"), "{err}");
    fs::create_dir(dir.path().join("reports")).unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-o",
        "reports",
        "a.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot create reports: ")
            && err.contains("help: name a file for the report, not a folder"),
        "{err}"
    );
}
