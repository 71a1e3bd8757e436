//! Where a missing `require` points, and what the human report says of it: the start of its
//! window, even when its speaker says nothing there; turn 1 for a `when` condition that fails;
//! nowhere for a window that opens after the call ends; at the trigger, quoted, for an `after`;
//! "found fewer than N times" for a `count`. A condition that holds through an absence sits at
//! the first turn of its speakers.

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

#[test]
fn a_require_whose_window_opens_after_the_call_ends_is_not_judged() {
    // A 30-second call never reached 100 seconds: it cannot have missed what comes there,
    // while a window inside the call is judged (at the turn from 10 s, which runs to 20 s).
    let rules = "rules:\n  - {id: t/late, kind: require, phrases: [hello], window: {between_seconds: [100, 200]}}\n  - {id: t/gap, kind: require, phrases: [hello], window: {between_seconds: [12, 18]}}\n";
    let out = human(
        rules,
        "[00:00:00] Agent: hi\n[00:00:10] Customer: a\n[00:00:20] Agent: b\n[00:00:30] Customer: bye\n",
    );
    assert!(!out.contains("t/late"), "{out}");
    assert!(
        out.contains("warning[t/gap]") && out.contains("call.txt:2:22"),
        "{out}"
    );
}

#[test]
fn an_unanswered_trigger_is_quoted_by_the_default_message() {
    // The message said only "Missing required language (t/answer)".
    let out = human(
        "rules:\n  - id: t/answer\n    kind: require\n    phrases: [sorry]\n    after: {phrases: [\"(late|broken)\"], within_turns: 1}\n",
        "Customer: my parcel is late\nAgent: ok\n",
    );
    assert!(
        out.contains("warning[t/answer]: No answer to “late” (t/answer)"),
        "{out}"
    );
}

#[test]
fn a_require_found_too_few_times_says_so() {
    // With one "sorry" of the two asked, it said "not found in the window that starts here".
    let out = human(
        "rules:\n  - id: t/twice\n    kind: require\n    phrases: [sorry]\n    count: {min: 2}\n",
        "Agent: sorry about that\nCustomer: ok\n",
    );
    assert!(
        out.contains("found fewer than 2 times in the window that starts here")
            && out.contains("Required count of its phrases not met: at least 2 (t/twice)")
            && !out.contains("not found"),
        "{out}"
    );
}

/// A require whose count has a most, found more often: it said "Missing required language …
/// not found in the window", of language found four times (a count's least is 1 unless given).
#[test]
fn a_require_found_too_often_says_so() {
    let out = human(
        "rules:\n  - id: t/once\n    kind: require\n    phrases: [sorry]\n    count: {max: 1}\n\
         \x20 - id: t/some\n    kind: require\n    phrases: [sorry]\n    count: {min: 2, max: 3}\n\
         \x20 - id: t/most\n    kind: require\n    phrases: [sorry]\n    count: {min: 0, max: 2}\n\
         \x20 - id: t/few\n    kind: require\n    phrases: [sorry]\n    count: {max: 3}\n",
        "Agent: sorry, sorry, so sorry, sorry\nCustomer: ok\n",
    );
    assert!(
        out.contains("warning[t/once]: Required count of its phrases not met: exactly 1 (t/once)")
            && out.contains("not found exactly once in the window that starts here")
            && out.contains("warning[t/some]: Required count of its phrases not met: 2 to 3")
            && out.contains("found fewer than 2 times or more than 3 times in the window")
            && out.contains("warning[t/most]: Required count of its phrases not met: at most 2")
            && out.contains("found more than 2 times in the window")
            && out.contains("not found, or found more than 3 times in the window")
            && !out.contains("Missing required language"),
        "{out}"
    );
}

/// A condition that holds through an absence alone (`not`) sits on turn 1 with no match, as
/// SPEC §2.1 says ("else on turn 1 with `match: null`"), whoever speaks there: it sat at the
/// first turn of the speakers it listens to.
#[test]
fn a_condition_of_an_absence_sits_on_turn_1() {
    let out = human(
        "rules:\n  - {id: t/no-sorry, kind: forbid, speaker: any, when: {not: {speaker: agent, phrases: [sorry]}}}\n",
        "Customer: my order is late\nAgent: I can check that\nCustomer: ok\n",
    );
    assert!(out.contains("call.txt:1:11\n"), "{out}");
}
