//! The command line's manners: "did you mean" for a mistyped command, a command written as an
//! option (`--explain`), a command named after options, ripgrep's walk flags, `-q` keeping file
//! errors, a flag given twice, and colour as `CLICOLOR_FORCE` / `FORCE_COLOR` / `NO_COLOR` and
//! `--color` say.

use crate::support::{check, run, talklint};

#[test]
fn a_mistyped_command_is_named_not_read_as_a_path() {
    let (code, out, err) = run(talklint().args(["chekc", "x"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("`chekc` is not a talklint command"), "{err}");
    assert!(err.contains("did you mean `check`?"), "{err}");
    let (code, _, err) = run(talklint().args(["rulse"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `rules`?"), "{err}");
    // An existing path with a command-like name is still checked.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tset"), "Agent: hi\n").unwrap();
    let (code, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["tset", "--no-config", "-f", "json"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"path\":\"tset\""),
        "checked as a path: {out}"
    );
}

/// A flag given twice (`-q -q`, an alias's `--no-config` and the user's) was a usage error
/// ("cannot be used multiple times"); it is given once, and of two values the last counts, as
/// in ripgrep. Rule files named twice still all load.
#[test]
fn a_flag_given_twice_is_given_once() {
    let call = "fixtures/calls/courteous.txt";
    let (code, out, err) = run(&mut check(&["-q", "-q", "--no-config", call]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "", "{err}");
    let (code, out, err) = run(&mut check(&["--format", "json", "--format", "jsonl", call]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(r#"{"path":"fixtures/calls/courteous.txt""#),
        "{out}"
    );
    let (code, out, err) = run(talklint().args([
        "rules",
        "--no-config",
        "--format",
        "json",
        "-r",
        "fixtures/rules/basic.yaml",
        "-r",
        "fixtures/rules/second-edition.yaml",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 15);
}

#[test]
fn a_command_after_options_is_the_command_not_a_folder() {
    // Run where a folder `rules/` exists, as in this repository.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/a.txt"), "Agent: calm down\n").unwrap();
    let in_dir = || {
        let mut cmd = talklint();
        cmd.current_dir(dir.path());
        cmd
    };
    for args in [
        &["--no-config", "rules"][..],
        &["--format=human", "--no-config", "rules"],
        &["-f", "json", "--no-config", "rules", "respect/calm-down"],
    ] {
        let (code, out, err) = run(in_dir().args(args));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("respect/calm-down"), "{args:?}: {out}");
        assert!(!out.contains("a.txt"), "{args:?} checked the folder: {out}");
    }
    // Written as a path, after `--`, or after an option `rules` does not have (`-q`, alone or
    // in a cluster whose `-f` takes `json`), the folder is checked.
    for args in [
        &["--no-config", "-f", "json", "./rules"][..],
        &["--no-config", "-f", "json", "--", "rules"],
        &["--no-config", "-qf", "json", "rules"],
        &["--no-config", "-q", "-f", "json", "rules"],
    ] {
        let (code, out, err) = run(in_dir().args(args));
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(out.contains("rules/a.txt"), "{args:?}: {out}");
    }
    // A typo of a command after options is named too.
    let (code, _, err) = run(in_dir().args(["--no-config", "rulse"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `rules`?"), "{err}");
}

/// ripgrep's `-L`, `--follow` and `--hidden` say what talklint does instead and how to check
/// such a path: clap's tip for `-L` was to pass it as a path, and for `--follow` `--color`.
#[test]
fn ripgreps_walk_flags_say_what_to_do_instead() {
    for (flag, said) in [
        ("-L", "name the linked file or folder"),
        ("--follow", "does not follow symbolic links"),
        ("--hidden", "name the hidden file or folder"),
    ] {
        let (code, out, err) = run(talklint().args(["check", flag, "."]));
        assert_eq!((code, out.as_str()), (2, ""), "{flag}");
        assert!(err.contains(said) && !err.contains("tip:"), "{flag}: {err}");
    }
    // An option's value is no flag: clap says what is wrong with it.
    let (code, _, err) = run(talklint().args(["check", "-j", "-L", "."]));
    assert_eq!(code, 2);
    assert!(!err.contains("symbolic links"), "{err}");
}

#[test]
fn quiet_keeps_file_errors_on_stderr() {
    let (code, out, err) = run(&mut check(&["-q", "fixtures/calls/nonexistent.txt"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: fixtures/calls/nonexistent.txt: cannot read"),
        "{err}"
    );
}

#[test]
fn colour_is_forced_by_the_environment_into_a_pipe() {
    for var in ["CLICOLOR_FORCE", "FORCE_COLOR"] {
        let (_, out, _) = run(check(&["fixtures/calls"]).env(var, "1"));
        assert!(out.contains('\x1b'), "{var}");
    }
    let (_, out, _) = run(check(&["fixtures/calls"]).env("FORCE_COLOR", "0"));
    assert!(!out.contains('\x1b'));
    let (_, out, _) = run(check(&["--color", "never", "fixtures/calls"]).env("FORCE_COLOR", "1"));
    assert!(!out.contains('\x1b'), "--color never wins");
    // Over clap's usage errors too, written before the rest is read: they were coloured.
    let usage = |args: &[&str]| run(talklint().args(args).env("CLICOLOR_FORCE", "1")).2;
    assert!(usage(&["check", "--formt", "x"]).contains('\x1b'));
    for never in [
        &["check", "--color", "never", "--formt", "x"][..],
        &["--color=never", "--formt"],
    ] {
        let err = usage(never);
        assert!(
            err.contains("--formt") && !err.contains('\x1b'),
            "{never:?}: {err:?}"
        );
    }
}

#[test]
fn mistyped_rule_ids_and_categories_get_a_suggestion() {
    let (code, _, err) = run(talklint().args(["rules", "--no-config", "ownership/closed-dor"]));
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "no loaded rule has id `ownership/closed-dor` (did you mean `ownership/closed-door`?)"
        ),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = crate::support::write(dir.path(), "s.txt", "# talklint: ignore ownershp\nHi.\n");
    let (_, out, _) = run(talklint().args(["check", "--no-config"]).arg(&path));
    assert!(
        out.contains("`ownershp` in a talklint directive is no loaded rule or category (did you mean `ownership`?)"),
        "{out}"
    );
}

#[test]
fn a_flag_that_would_change_nothing_is_refused() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["-f", "json", "--csv-findings"],
            "--csv-findings changes CSV reports",
        ),
        (
            &["--csv-findings", "--output-json", "/dev/null"],
            "--csv-findings changes CSV reports",
        ),
        (
            &["-f", "json", "--diff"],
            "'--format <FORMAT>' cannot be used with '--diff'",
        ),
        (
            &["-f", "human", "--diff"],
            "'--format <FORMAT>' cannot be used with '--diff'",
        ),
        (
            &["--diff", "--csv-findings"],
            "'--diff' cannot be used with '--csv-findings'",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = run(check(args).arg("fixtures/calls"));
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // A report names standard input by a name, not by nothing.
    let (code, _, err) = run(check(&["--stdin-filename", ""]).write_stdin("Agent: hi\n"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("a value is required for '--stdin-filename"),
        "{err}"
    );
    let (code, _, err) = run(&mut check(&["--stdin-filename", "a.txt", "fixtures/calls"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("this run does not read it"), "{err}");
    // eval writes no report of check's: its flags that shape one are refused.
    for flag in ["--statistics", "-q", "--fail-on=info", "--min-score=90"] {
        let (code, _, err) = run(talklint().args([
            "eval",
            "--no-config",
            "--labels",
            "fixtures/labels/calls.csv",
            flag,
            "fixtures/calls",
        ]));
        assert_eq!(code, 2, "{flag}: {err}");
        assert!(err.contains("eval writes neither"), "{flag}: {err}");
    }
    // With a CSV report among them, `--csv-findings` has its use.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("f.csv");
    let (code, _, err) = run(check(&["-f", "json", "--csv-findings", "--output-csv"])
        .arg(&csv)
        .arg("fixtures/calls"));
    assert_eq!(code, 1, "{err}");
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(
        rows.starts_with("path,id,turn,"),
        "one row per finding: {rows}"
    );
    let (code, _, err) =
        run(talklint().args(["merge", "--no-config", "--csv-findings", "x.jsonl"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--csv-findings changes CSV reports"), "{err}");
}

#[test]
fn a_command_written_as_an_option_is_named_as_a_command() {
    // clap offered the closest option: `--explain` … did you mean `--baseline`?
    let (code, out, err) = run(talklint().args(["check", "--explain", "respect/calm-down"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("`--explain` is not an option: `explain` is a talklint command")
            && err.contains("write `talklint explain …`")
            && !err.contains("--baseline"),
        "{err}"
    );
    // An option that shares a command's name is still the option (`--rules PATH`).
    let (code, _, err) = run(talklint().args([
        "check",
        "--no-config",
        "--rules",
        "default",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_command_after_an_option_it_does_not_take_is_named_as_a_command() {
    // `talklint -q rules` read `rules` as a path to check: "rules: cannot read".
    let dir = tempfile::tempdir().unwrap();
    for (args, option) in [(["-q", "rules"], "-q"), (["-j2", "init"], "-j")] {
        let (code, out, err) = run(talklint().current_dir(dir.path()).args(args));
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        let word = args[1];
        let said = format!("error: `{word}` is a talklint command, and it takes no `{option}`");
        assert!(said_with_help(&err, &said, word), "{err}");
    }
    assert!(!dir.path().join("talklint.yaml").exists());
    // Options the command takes still come before it.
    let (code, out, _) = run(talklint()
        .current_dir(dir.path())
        .args(["--no-config", "rules"]));
    assert_eq!(code, 0);
    assert!(out.contains("respect/calm-down"), "{out}");
}

/// Whether `err` says `said` and how to check a path named `word`.
fn said_with_help(err: &str, said: &str, word: &str) -> bool {
    err.contains(said) && err.contains(&format!("write `talklint check ./{word}`"))
}

/// A file whose name starts with `-` read as options: clap's tip named its first letter alone
/// (`use '-- -d'`), and a name whose first letter is an option (`-old.txt`) wrote the report to
/// `ld.txt`. The error names the file and the two ways to check it; an option's value is left
/// to the option.
#[test]
fn a_file_named_like_an_option_is_told_how_to_name_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["-dash.txt", "-old.txt", "-x.txt"] {
        std::fs::write(dir.path().join(name), "Agent: calm down\n").unwrap();
    }
    for name in ["-dash.txt", "-old.txt"] {
        let (code, _, err) =
            run(talklint()
                .current_dir(dir.path())
                .args(["check", "--no-config", "-q", name]));
        assert_eq!(code, 2, "{err}");
        let said = format!(
            "error: `{name}` is a file or folder here, but a word that starts with `-` reads as \
             options\n  help: to check it, write `./{name}` (or put `--` before the paths: \
             `talklint check -- {name}`)"
        );
        assert!(err.contains(&said), "{err}");
        assert!(!dir.path().join("ld.txt").exists());
    }
    for named in [&["./-dash.txt"][..], &["--", "-dash.txt"]] {
        let (code, _, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config"])
            .args(named));
        assert_eq!(code, 1, "{named:?}: {err}");
    }
    // An option's value, and an unknown option that is no file, keep clap's own words.
    for args in [&["--exclude", "-x.txt", "."][..], &["-Z"]] {
        let (code, _, err) = run(talklint().current_dir(dir.path()).arg("check").args(args));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("unexpected argument '-"), "{args:?}: {err}");
    }
}
