//! Shell completions and the man page, generated from the command line's definition, and a
//! YAML tab named as what it is.

use crate::support::{run, talklint, write};

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, marker) in [
        ("bash", "complete -F _talklint"),
        ("zsh", "#compdef talklint"),
        ("fish", "complete -c talklint"),
        ("elvish", "talklint"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let (code, out, err) = run(talklint().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(
            out.contains("show-suppressed"),
            "{shell} completes check's flags"
        );
    }
    // `eval` refuses check's flags that its help hides: no shell offers them there (bash, zsh
    // and fish did).
    let (_, bash, _) = run(talklint().args(["completions", "bash"]));
    let opts = |command: &str| {
        let at = bash.find(&format!("talklint__subcmd__{command})")).unwrap();
        let line = bash[at..].lines().find(|l| l.contains("opts=")).unwrap();
        line.split(['"', ' '])
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    for flag in [
        "--fix",
        "--shard",
        "--show-suppressed",
        "--baseline",
        "--quiet",
    ] {
        assert!(
            !opts("eval").contains(&flag.to_string()),
            "eval offers {flag}"
        );
        assert!(
            opts("check").contains(&flag.to_string()),
            "check lacks {flag}"
        );
    }
    assert!(opts("eval").contains(&"--labels".to_string()));
    let (_, fish, _) = run(talklint().args(["completions", "fish"]));
    assert!(!fish.contains("using_subcommand eval\" -l fix"), "{fish}");
    let (code, out, _) = run(talklint().args(["man"]));
    assert_eq!(code, 0);
    assert!(out.contains(".TH talklint 1"), "{out}");
    assert!(out.contains("talklint\\-check(1)"), "{out}");
    // The page it names: each command's options.
    let (code, page, err) = run(talklint().args(["man", "check"]));
    assert_eq!(code, 0, "{err}");
    assert!(page.contains(".TH talklint-check 1"), "{page}");
    assert!(page.contains("show\\-suppressed"), "{page}");
    assert!(
        out.contains("completions") && out.contains("talklint\\-schema(1)"),
        "the man page lists the commands, schema too: {out}"
    );
    let (code, page, err) = run(talklint().args(["man", "schema"]));
    assert_eq!(code, 0, "{err}");
    assert!(page.contains(".TH talklint-schema 1"), "{page}");
    // Every page's header names the program and its version (a command's said `"check "`), and
    // the pages of the commands whose exit status is the contract say it, before VERSION.
    let version = format!("\"talklint {}\"", env!("CARGO_PKG_VERSION"));
    for (command, exits) in [
        ("", true),
        ("check", true),
        ("merge", true),
        ("schema", false),
    ] {
        let (_, page, _) = run(talklint()
            .arg("man")
            .args((!command.is_empty()).then_some(command)));
        let header = page
            .lines()
            .find(|l| l.starts_with(".TH"))
            .unwrap_or_default();
        assert!(header.trim_end().ends_with(&version), "{command}: {header}");
        assert_eq!(
            page.contains(".SH \"EXIT STATUS\""),
            exits,
            "{command}: {page}"
        );
        // The variables the colour and progress line read are named (SPEC §1: honour NO_COLOR).
        assert_eq!(
            page.contains(".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR"),
            exits,
            "{page}"
        );
    }
    assert!(out.contains("\\-\\-exit\\-zero: never 1"), "{out}");
    let exit = out.find("EXIT STATUS").unwrap_or(usize::MAX);
    assert!(exit < out.find(".SH VERSION").unwrap_or(0), "{out}");
    assert!(
        out.contains("\\fB2\\fR\nUsage, config or rule errors"),
        "{out}"
    );
    let (_, help, _) = run(talklint().arg("--help"));
    assert!(help.contains("  schema "), "{help}");
    // The default command shows in the usage, as SPEC §1 writes it (it said `talklint <COMMAND>`).
    assert!(
        help.contains("Usage: talklint [check] [OPTIONS] [PATH]...\n"),
        "{help}"
    );
    let (code, _, err) = run(talklint().args(["completions", "tcsh"]));
    assert_eq!(code, 2, "{err}");
}

/// `--help` says what a flag is when it is not given, and what every flag is for: the exit
/// level, the default role, the size limit and the date order named none, and `rules -f` had
/// no line of its own.
#[test]
fn help_says_each_default() {
    let (_, check, _) = run(talklint().args(["check", "--help"]));
    let defaults = [
        "`fail_on`, else error",
        "`default_role`, else agent",
        "`max_filesize`, else 100M",
        "Default: the config's `date_order`",
        "default, and 0: the number of cores",
    ];
    for default in defaults {
        let flat = check.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(default), "{default}:\n{check}");
    }
    let (_, rules, _) = run(talklint().args(["rules", "--help"]));
    assert!(
        rules.contains("-f, --format <FORMAT>\n          Output format"),
        "{rules}"
    );
}

#[test]
fn a_tab_in_a_rule_file_is_named_with_its_fix() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "tabs.yaml",
        "rules:\n  - id: a/b\n\tphrases: [x]\n",
    );
    let (code, _, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg("fixtures/calls"));
    assert_eq!(code, 2);
    assert!(
        err.contains("tabs.yaml:3:1: a tab character: YAML indents with spaces only")
            && err.contains("help: replace the tab with spaces"),
        "{err}"
    );
}
