//! Where a missing `require` points, and what the human report says of it: the start of its
//! window, even when its speaker says nothing there; turn 1 for a `when` condition that fails.

use crate::support::{run, talklint, write};

/// The human report of the rule file `rules` on a transcript holding `text`.
fn human(rules: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", rules);
    let path = write(dir.path(), "call.txt", text);
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "--color", "never", "-r"])
        .arg(&rules)
        .arg(&path));
    assert!(err.is_empty(), "{err}");
    out
}

#[test]
fn a_require_is_missing_from_a_window_where_its_speaker_says_nothing() {
    // The last 20% of five turns is the fifth, the customer's: the agent did not thank there.
    let out = human(
        "rules:\n  - {id: closing/thanks, kind: require, phrases: [thank you], window: {last_percent: 20}}\n",
        "Agent: hi\nCustomer: a\nAgent: ok\nCustomer: b\nCustomer: bye\n",
    );
    assert!(out.contains("call.txt:5:11\n"), "{out}");
    assert!(
        out.contains("not found in the window that starts here"),
        "{out}"
    );
}

#[test]
fn a_require_whose_condition_fails_says_so_at_turn_one() {
    let out = human(
        "rules:\n  - {id: t/bye, kind: require, when: {phrases: [goodbye], window: {last_turns: 1}}}\n",
        "Customer: hi\nAgent: hello\nCustomer: ok\nAgent: bye\n",
    );
    assert!(out.contains("call.txt:1:11\n"), "{out}");
    assert!(
        out.contains("its condition does not hold in this conversation"),
        "{out}"
    );
    assert!(!out.contains("window"), "{out}");
}
