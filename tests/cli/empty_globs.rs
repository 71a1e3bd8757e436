//! An empty glob names no file, yet matches every path: in a config's `exclude` it left out
//! every file (the run checked nothing and passed), in `include` it took every one. It is an
//! error at its place in the config, and a usage error as a flag.

use crate::support::{run, talklint};
use std::fs;

/// A folder with a script the default pack finds fault with, and `config` as its config.
fn folder(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Agent: That is not my department.\n",
    )
    .unwrap();
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    dir
}

#[test]
fn a_configs_empty_glob_is_an_error_at_its_place() {
    let cases = [
        (
            "exclude:\n  - \"*.csv\"\n  - \"\"\n",
            "talklint.yaml:3:5: exclude[1]: \"\"",
        ),
        ("include: [\"\"]\n", "talklint.yaml:1:11: include[0]: \"\""),
        ("include: ['!']\n", "talklint.yaml:1:11: include[0]: \"!\""),
        (
            "per_path_disable:\n  '': [courtesy]\n",
            "talklint.yaml:2:3: per_path_disable: \"\"",
        ),
    ];
    for (config, place) in cases {
        let dir = folder(config);
        let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "."]));
        assert_eq!(code, 2, "{config}\n{out}{err}");
        assert!(err.contains(place), "{config}\n{err}");
        assert!(
            err.contains("is an empty glob") && err.contains("help: write the glob"),
            "{err}"
        );
    }
}

#[test]
fn an_empty_glob_flag_is_a_usage_error() {
    let dir = folder("rules: [default]\n");
    for (flag, glob) in [("--include", ""), ("--exclude", ""), ("--include", "!")] {
        let (code, out, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", flag, glob, "."]));
        assert_eq!(code, 2, "{flag} '{glob}'\n{out}{err}");
        assert!(
            err.contains(&format!("{flag} '{glob}' is an empty glob")),
            "{err}"
        );
        assert!(err.contains("help:"), "{err}");
    }
    // A glob of one `!` in `--exclude` names a file `!`; the script is still checked.
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--exclude", "!", "."]));
    assert_eq!(code, 1, "{err}");
}

/// A run that finds no transcript passes, and said nothing: an empty folder, or an `--exclude`
/// that leaves out every transcript (the config it skips is no transcript). It warns, naming the paths.
#[test]
fn a_run_that_finds_no_file_warns() {
    let dir = folder("exclude: ['*.txt']\n");
    let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "."]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "warning: no transcript found to check in . (1 file skipped: the summary says \
             why): check the paths, and what --include, --exclude and a config's \
             `include`/`exclude` leave"
        ),
        "{err}"
    );
    // A few skipped files are named in the summary, each with why; more are counted.
    assert!(
        out.contains("1 file skipped: talklint.yaml (a config this run reads)."),
        "{out}"
    );
    let binary = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        std::fs::write(binary.path().join(name), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    }
    let check = |names: &[&str]| {
        let paths = names.iter().map(|n| binary.path().join(n));
        run(talklint().args(["check", "--no-config"]).args(paths)).1
    };
    let three = check(&["a.txt", "b.txt", "c.txt"]);
    assert!(
        three.contains("3 files skipped: ") && three.contains("c.txt (binary)."),
        "{three}"
    );
    let four = check(&["a.txt", "b.txt", "c.txt", "d.txt"]);
    assert!(
        four.contains("4 files skipped: ")
            && four.contains(" and 1 more; see --format json for the list."),
        "{four}"
    );
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run(talklint().args(["check", "--no-config"]).arg(empty.path()));
    assert_eq!(code, 0, "{err}");
    let expected = format!(
        "warning: no transcript found to check in {}: check the paths, and what --include, \
         --exclude and a config's `include`/`exclude` leave\n",
        empty.path().display()
    );
    assert!(err.ends_with(&expected), "{err}");
    // A run that checks a file says nothing of the kind.
    let (_, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert!(!err.contains("no transcript found"), "{err}");
    // Standard input named and left out is named so, not the current folder it never read.
    let args = ["check", "--force-exclude", "--stdin-filename", "a.txt"];
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(args)
        .write_stdin("Agent: hi\n"));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("no transcript found to check in standard input (1 file skipped"),
        "{err}"
    );
}

#[test]
fn an_empty_rule_list_turns_off_no_rule() {
    // `per_path_disable: {"*.txt": []}` turned off every rule in silence, as a directive that
    // names no rule does; `disable: []`, the starter config's placeholder, turns off none.
    for config in [
        "per_path_disable: {\"*.txt\": []}\n",
        "per_path_disable:\n  \"*.txt\":\n",
    ] {
        let dir = folder(config);
        let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
        assert_eq!(code, 1, "{config}\n{out}{err}");
        assert!(out.contains("ownership/closed-door"), "{out}");
        assert!(
            err.contains("talklint.yaml:")
                && err.contains("per_path_disable: `*.txt` lists no rule, so it turns off none"),
            "{config}\n{err}"
        );
    }
    // An empty name is placed too, in every list.
    let dir = folder("disable: [\"\"]\nseverity: {'': error}\n");
    let (_, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert!(
        err.contains("talklint.yaml:1:12: `` names no loaded rule"),
        "{err}"
    );
    assert!(err.contains("talklint.yaml:2:13: "), "{err}");
    // An empty rules entry named the config's folder, which holds no rule file, at a made-up
    // `:1:1` of the folder.
    let dir = folder("rules: [default, \"\"]\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:1:19: `` is no rule file or folder"),
        "{err}"
    );
}
