//! Rule files that hold no rule: each is warned of, and a run left with none of them fails,
//! `check` and `eval` alike, where it passed every file; beside a pack, they are only warned of.

use crate::support::{run, talklint};

#[test]
fn rule_files_without_rules_warn_a_run_of_them_alone_fails_and_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in [
        ("empty", ""),
        ("comments", "# nothing yet\n"),
        ("none", "rules: []\n"),
    ] {
        let rules = crate::support::write(d, &format!("{name}.yaml"), text);
        let (code, _, err) = run(talklint()
            .args(["check", "--no-config", "-r"])
            .arg(&rules)
            .arg("fixtures/calls"));
        // With no other rule, nothing could be found: the run fails, not every file passes.
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(&format!("warning: {}: no rules", rules.display())),
            "{name}: {err}"
        );
        assert!(
            err.contains("error: no rule is left to check with"),
            "{err}"
        );
        // `eval` scores nothing either.
        let (code, _, err) = run(talklint()
            .args([
                "eval",
                "--no-config",
                "--labels",
                "fixtures/labels/calls.csv",
                "-r",
            ])
            .arg(&rules)
            .arg("fixtures/calls"));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("no rule is left to check with"), "{err}");
        let (code, _, err) = run(talklint()
            .args(["check", "--no-config", "-r", "default", "-r"])
            .arg(&rules)
            .arg("fixtures/calls"));
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains("no rules"), "{name}: {err}");
    }
    let bom = "\u{feff}pack: bom\nrules:\n  - id: respect/calm-down\n    phrases: [calm down]\n";
    let rules = crate::support::write(d, "bom.yaml", bom);
    let (code, _, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg("fixtures/calls"));
    assert!(code < 2, "{err}");
    assert!(!err.contains("error"), "{err}");
}
