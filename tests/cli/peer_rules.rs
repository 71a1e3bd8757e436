//! A rule written as Vale or semgrep writes one, by a team moving its style: their names are
//! offered talklint's (`tokens` is `phrases`, `swap` is `replace`, `level` is `severity`, a
//! `suggestion` level is `info`, a condition's `and` is `all`; a window's key on the rule goes
//! under `window:`), and what loaded and did otherwise than it read is an error:
//! a message's `%s`, printed as written, and a replacement's `$1`, written into the file.

use crate::support::{rule_error, run, talklint, write};

#[test]
fn vale_names_are_offered_talklints() {
    for (rule, says) in [
        (
            "tokens: [calm down]",
            "unknown field `tokens`, did you mean `phrases`?",
        ),
        (
            "phrases: [calm down]\n    swap: relax",
            "unknown field `swap`, did you mean `replace`?",
        ),
        (
            "phrases: [calm down]\n    fix: relax",
            "unknown field `fix`, did you mean `replace`?",
        ),
        (
            "phrases: [calm down]\n    level: warning",
            "unknown field `level`, did you mean `severity`?",
        ),
        (
            "phrases: [calm down]\n    severity: suggestion",
            "unknown variant `suggestion`, did you mean `info`?",
        ),
        (
            "phrases: [calm down]\n    kind: existence",
            "unknown variant `existence`, did you mean `forbid`?",
        ),
        // A condition's `and` is `all` (it was offered `any`, a letter away).
        (
            "when: {and: [{phrases: [calm down]}]}",
            "unknown field `and`, did you mean `all`?",
        ),
        // A window's or a timing's key written on the rule is shown where it goes.
        (
            "phrases: [calm down]\n    first_percent: 20",
            "unknown field `first_percent`, which goes under `window:` (`window: {first_percent: …}`)\n  help: move the key into the mapping named",
        ),
        (
            "silence_seconds: 5",
            "unknown field `silence_seconds`, which goes under `timing:`",
        ),
    ] {
        let err = rule_error(&format!("rules:\n  - id: s/calm\n    {rule}\n"));
        assert!(err.contains(says), "{rule}: {err}");
    }
}

#[test]
fn a_percent_s_message_and_a_capture_group_replacement_are_errors() {
    let err = rule_error(
        "rules:\n  - id: s/calm\n    phrases: [calm down]\n    message: \"Don't use '%s'\"\n",
    );
    assert!(err.contains("r.yaml:4:"), "{err}");
    assert!(err.contains("the message holds `%s`"), "{err}");
    for replace in ["$1", "the ${1}", "${w}", "\\\\1"] {
        let err = rule_error(&format!(
            "rules:\n  - id: s/the\n    regex: ['(?P<w>\\bteh\\b)']\n    replace: \"{replace}\"\n"
        ));
        assert!(
            err.contains("a group of the rule's regex"),
            "{replace}: {err}"
        );
    }
    // A `$` before a number that is no group is money, and a phrase rule has no groups.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: s/fee\n    regex: ['\\bfee\\b']\n    replace: a $5 credit\n  - id: s/the\n    phrases: [teh]\n    replace: $1\n",
    );
    write(dir.path(), "t.txt", "Agent: the fee\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--exit-zero",
        "-r",
        "r.yaml",
        "t.txt",
    ]));
    assert_eq!(code, 0, "{err}");
}
