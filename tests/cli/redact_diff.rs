//! `--diff` with `--redact`: the `+` side masks what the `-` side masked that a fix left, so a
//! fix of part of a card does not show the rest of it.

use crate::support::{check_in, write};

#[test]
fn a_fix_of_part_of_a_card_shows_no_digit_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: pii/card\n    kind: forbid\n    severity: warning\n    \
                 speaker: any\n    regex: ['card \\d{4}']\n    replace: \"card XXXX\"\n    \
                 message: \"card\"\n";
    write(dir.path(), "fix.yaml", rules);
    let text = "Customer: my card 4111 1111 1111 1111 is here\nAgent: mail jane@example.com\n";
    write(dir.path(), "d.txt", text);
    let args = ["-r", "fix.yaml", "--redact", "--diff", "d.txt"];
    let (_, out, err) = check_in(dir.path(), &args);
    assert!(out.contains("+Customer: my"), "{out}\n{err}");
    assert!(out.contains("[CARD] is here"), "{out}");
    assert!(!out.contains("1111") && !out.contains("4111"), "{out}");
    assert!(!out.contains("jane"), "{out}");
}
