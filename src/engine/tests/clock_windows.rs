//! Timing measures in windows on the clock: only the time inside the window counts, whichever
//! turn the measure is credited to.

use super::{assert_lint_count, findings};

/// Agent 0–150 s, silence 150–200 s, customer 200–300 s.
const LATE_CUSTOMER: &str =
    "[00:00:00-00:02:30] Agent: long explanation\n[00:03:20-00:05:00] Customer: talks to the end";

fn rule(timing: &str, speaker: &str, window: &str) -> String {
    format!(
        "rules:\n  - id: t/x\n    kind: tag\n    speaker: {speaker}\n    timing: {{{timing}}}\n    window: {{{window}}}\n"
    )
}

#[test]
fn a_silence_counts_only_its_part_inside_the_window() {
    let silence = |window: &str| rule("silence_seconds: 20", "any", window);
    // The last 60 s (240–300) are all talk, though the turn after the gap reaches into them.
    assert_lint_count(&silence("last_seconds: 60"), LATE_CUSTOMER, "t/x", 0);
    // The last 120 s (180–300) hold 20 s of it; 119 s hold 19 s.
    assert_lint_count(&silence("last_seconds: 120"), LATE_CUSTOMER, "t/x", 1);
    assert_lint_count(&silence("last_seconds: 119"), LATE_CUSTOMER, "t/x", 0);
    // The first 170 s hold 150–170: it is credited to the turn after it, outside the window.
    assert_eq!(
        findings(&silence("first_seconds: 170"), LATE_CUSTOMER, "t/x"),
        [(2, None, 0)]
    );
    assert_lint_count(&silence("first_seconds: 160"), LATE_CUSTOMER, "t/x", 0);
    assert_lint_count(
        &silence("between_seconds: [185, 400]"),
        LATE_CUSTOMER,
        "t/x",
        0,
    );
    assert_lint_count(
        &silence("between_seconds: [180, 400]"),
        LATE_CUSTOMER,
        "t/x",
        1,
    );
    // Percent of the 300 s call: the last 20% is 240–300, the second half 150–300.
    assert_lint_count(&silence("last_percent: 20"), LATE_CUSTOMER, "t/x", 0);
    assert_lint_count(
        &silence("between_percent: [50, 100]"),
        LATE_CUSTOMER,
        "t/x",
        1,
    );
    // A window of turns measures its turns whole.
    assert_lint_count(&silence("last_turns: 1"), LATE_CUSTOMER, "t/x", 1);
}

#[test]
fn talk_and_interruptions_count_only_inside_the_window() {
    // The customer's turn lasts 100 s, 60 of them in the last 60 s.
    let long = |window: &str| rule("turn_seconds_above: 90", "customer", window);
    assert_lint_count(&long("last_seconds: 60"), LATE_CUSTOMER, "t/x", 0);
    assert_lint_count(&long("last_seconds: 100"), LATE_CUSTOMER, "t/x", 1);
    // 100–250 s: 50 s of the agent, 50 of the customer (whole turns: 150 and 100).
    let share = rule(
        "talk_share_above: 0.55",
        "agent",
        "between_seconds: [100, 250]",
    );
    assert_lint_count(&share, LATE_CUSTOMER, "t/x", 0);
    assert_lint_count(&share.replace("0.55", "0.45"), LATE_CUSTOMER, "t/x", 1);
    // The customer cuts in at 90 s of the agent's 0–100 s turn: 10 s of overlap, 5 of them in
    // the last 25 s of the call (95–120).
    let cut_in = "[00:00:00-00:01:40] Agent: a long answer\n[00:01:30-00:02:00] Customer: wait";
    let interrupts = |timing: &str| rule(timing, "customer", "last_seconds: 25");
    assert_lint_count(&interrupts("interrupts_seconds: 6"), cut_in, "t/x", 0);
    assert_lint_count(&interrupts("interrupts_seconds: 5"), cut_in, "t/x", 1);
    assert_lint_count(&interrupts("interrupts_total_seconds: 5"), cut_in, "t/x", 0);
    assert_lint_count(&interrupts("interrupts_total_seconds: 4"), cut_in, "t/x", 1);
    let before = rule("interrupts_seconds: 1", "customer", "first_seconds: 90");
    assert_lint_count(&before, cut_in, "t/x", 0);
}
