//! Fixes that settle: a replacement its own rule matches again (`soon` → `soon (within a day)`)
//! would grow on every `--fix`, so loading the rule warns, naming the phrase; and a chain
//! across rules (`right away` → `asap` → `within 24 hours`) takes one `--fix` per link.

use crate::support::{check_in, run, talklint, write};

const GROWS: &str = "rules:\n  - id: promise/soon\n    phrases: [right now, soon]\n    replace: soon (within a day)\n";

#[test]
fn a_replacement_its_own_phrase_matches_is_a_warning_when_the_rules_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", GROWS);
    write(dir.path(), "call.txt", "Agent: I will do it soon.\n");
    let warning = "warning: r.yaml:2:9: rule `promise/soon`: its phrase `soon` matches “soon” in \
                   its replacement “soon (within a day)”, so each `--fix` would replace it again";
    for args in [
        &["check", "--no-config", "-r", "r.yaml", "call.txt"][..],
        &["test", "--no-config", "r.yaml"],
    ] {
        let (code, _, err) = run(talklint().current_dir(dir.path()).args(args));
        assert_ne!(code, 2, "{err}");
        assert!(err.starts_with(warning), "{args:?}: {err}");
    }
    // An `unless` that holds the replacement's wording settles it; so does a replacement that
    // reads as its match (no fix is made over it).
    let settled = [
        GROWS.replace(
            "    replace:",
            "    unless: [soon within a day]\n    replace:",
        ),
        "rules:\n  - id: e/pleasure\n    phrases: [my pleasure]\n    replace: My pleasure\n".into(),
    ];
    for rules in settled {
        write(dir.path(), "r.yaml", &rules);
        let (_, _, err) = run(talklint().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "-r",
            "r.yaml",
            "call.txt",
        ]));
        assert!(!err.contains("settle"), "{rules}: {err}");
    }
}

#[test]
fn a_chain_of_replacements_takes_one_fix_per_link() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: e/now\n    phrases: [right away]\n    replace: asap\n  - id: e/asap\n    phrases: [asap]\n    replace: within 24 hours\n";
    write(dir.path(), "r.yaml", rules);
    let call = write(dir.path(), "call.txt", "Agent: I will do it right away.\n");
    let fix = || check_in(dir.path(), &["--fix", "-r", "r.yaml", "call.txt"]);
    let (_, _, err) = fix();
    assert!(
        !err.contains("settle"),
        "no rule matches its own replacement: {err}"
    );
    let text = || std::fs::read_to_string(&call).unwrap();
    assert_eq!(text(), "Agent: I will do it asap.\n");
    fix();
    assert_eq!(text(), "Agent: I will do it within 24 hours.\n");
    let (_, _, err) = fix();
    assert!(!err.contains("fixed:"), "settled: {err}");
}
