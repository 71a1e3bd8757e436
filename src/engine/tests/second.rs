//! The second edition's keys (SPEC §2.1), in-process: lexicons, stems, near, after, when,
//! percent windows, timing, count and tags.

use super::{assert_lint_count, check_with, findings, rules};
use crate::engine::{Engine, Scoring, Scratch};
use crate::transcript::{Format, ParseOptions, parse};

/// A rule file with `lexicons` and one rule of `body` (the lines after `- id: t/x`).
fn with_lexicons(body: &str) -> String {
    format!(
        "lexicons:\n  contact: [contact, call, \"reach out to\", \"get in touch with\"]\n  party: [\"[the] (billing|sales) team\", \"the store\", \"your bank\"]\nrules:\n  - id: t/x\n{body}"
    )
}

#[test]
fn lexicon_slots_match_every_entry() {
    let yaml = with_lexicons("    phrases: [\"(you will|please) {contact} {party}\"]\n");
    assert_lint_count(
        &yaml,
        "Agent: Please reach out to the billing team.",
        "t/x",
        1,
    );
    assert_lint_count(
        &yaml,
        "Agent: You'll need... no: you'll call your bank",
        "t/x",
        1,
    );
    assert_lint_count(&yaml, "Agent: please call the manager", "t/x", 0);
}

#[test]
fn stems_match_words_that_start_with_them() {
    let yaml = "rules:\n  - id: t/x\n    phrases: [\"full refund*\"]\n";
    assert_lint_count(
        yaml,
        "Agent: a full refund, a full refunds, full refunded",
        "t/x",
        3,
    );
    assert_lint_count(yaml, "Agent: a fully refunded order", "t/x", 0);
}

#[test]
fn near_counts_canonical_words_between_in_the_same_turn() {
    let near =
        "rules:\n  - id: t/x\n    phrases: [refund]\n    near: {phrases: [charge], words: 2}\n";
    assert_lint_count(near, "Agent: the refund of the charge", "t/x", 1);
    assert_lint_count(near, "Agent: the refund, um, of the old charge", "t/x", 0);
    assert_lint_count(near, "Agent: the charge refund", "t/x", 1);
    assert_lint_count(near, "Agent: refund\nAgent: charge", "t/x", 0);
    let after = near.replace("words: 2}", "words: 2, side: after}");
    assert_lint_count(&after, "Agent: the charge refund", "t/x", 0);
    // Canonical words: a contraction is the words it stands for, however it is written.
    let one = near.replace("words: 2}", "words: 1}");
    // `cannot` and `cant` too, whether or not some phrase holds `can` or `not`: they were one
    // word when none did.
    for text in ["can't", "can not", "cannot", "cant"] {
        let text = format!("Agent: refund {text} charge");
        assert_lint_count(&one, &text, "t/x", 0);
        assert_lint_count(near, &text, "t/x", 1);
    }

    let not_near = "rules:\n  - id: t/x\n    phrases: [transfer you]\n    not_near:\n      - {phrases: [\"i will\"], words: 0, side: before}\n      - {phrases: [stay], words: 3}\n";
    assert_lint_count(not_near, "Agent: I will transfer you", "t/x", 0);
    assert_lint_count(not_near, "Agent: I'll stay while I transfer you", "t/x", 0);
    assert_lint_count(not_near, "Agent: they transfer you", "t/x", 1);
}

const ACK: &str = "rules:\n  - id: empathy/answer\n    kind: require\n    phrases: [sorry]\n    after: {speaker: customer, phrases: [\"this is ridiculous\"], within_turns: 2}\n    message: \"Unanswered: {trigger}\"\n";

#[test]
fn after_require_reports_each_unanswered_trigger_at_the_trigger() {
    let text = "Customer: This is ridiculous!\nAgent: ok\nAgent: fine\nAgent: sorry\nCustomer: this is ridiculous\nAgent: so sorry";
    let (set, e) = check_with(ACK, text, Scoring::default());
    let found: Vec<(usize, Option<(usize, usize)>)> =
        e.outcomes.iter().map(|o| (o.turn, o.trigger)).collect();
    assert_eq!(found, [(0, Some((0, 18)))]);
    assert_eq!(
        set.rules[0].message(&crate::rules::Fills {
            matched: None,
            trigger: Some("This is ridiculous"),
            speaker: "Customer",
            measured: None,
        }),
        "Unanswered: This is ridiculous"
    );
    // A trigger with no later agent turn is not judged.
    assert_lint_count(
        ACK,
        "Agent: hi\nCustomer: this is ridiculous",
        "empathy/answer",
        0,
    );
    // One answer closes every trigger still open.
    let two = "Customer: this is ridiculous\nCustomer: this is ridiculous\nAgent: sorry";
    assert_lint_count(ACK, two, "empathy/answer", 0);
}

#[test]
fn after_forbid_counts_only_inside_a_triggers_window() {
    let yaml = "rules:\n  - id: t/x\n    phrases: [calm down]\n    after: {speaker: customer, phrases: [angry], within_turns: 1}\n";
    let text = "Agent: calm down\nCustomer: I am angry\nAgent: calm down\nAgent: calm down";
    assert_eq!(findings(yaml, text, "t/x").len(), 1);
    assert_eq!(findings(yaml, text, "t/x")[0].0, 3);
    let seconds = yaml.replace("within_turns: 1", "within_seconds: 5");
    let timed = "[00:00:00-00:00:02] Customer: angry\n[00:00:04] Agent: calm down\n[00:00:30] Agent: calm down";
    assert_eq!(findings(&seconds, timed, "t/x").len(), 1);
    // Windows that overlap count a hit once; a hit between two windows counts in neither.
    let turns: Vec<usize> = findings(
        yaml,
        "Customer: angry\nAgent: calm down\nAgent: calm down\nCustomer: angry\nCustomer: angry\nAgent: calm down calm down\nAgent: calm down",
        "t/x",
    )
    .iter()
    .map(|f| f.0)
    .collect();
    assert_eq!(turns, [2, 6, 6]);
}

#[test]
fn when_conditions_hold_once_at_their_first_positive_match() {
    let yaml = "rules:\n  - id: loyalty/cancel-without-offer\n    when:\n      all:\n        - {speaker: customer, phrases: [\"cancel my account\"]}\n        - not: {phrases: [\"(discount|offer)\"], window: {last_percent: 50}}\n";
    let id = "loyalty/cancel-without-offer";
    let text = "Agent: hi\nCustomer: I want to cancel my account\nAgent: ok\nAgent: done";
    assert_eq!(
        findings(yaml, text, id),
        [(2, Some("cancel my account".into()), -5)]
    );
    assert_lint_count(
        yaml,
        "Customer: cancel my account\nAgent: a discount?",
        id,
        0,
    );
    // The offer made early is outside the last half: the rule still holds.
    let early = "Agent: an offer!\nCustomer: cancel my account\nAgent: ok\nAgent: bye";
    assert_lint_count(yaml, early, id, 1);
    let any = "rules:\n  - id: t/x\n    kind: require\n    when: {any: [{phrases: [thanks]}, {phrases: [bye]}]}\n";
    assert_eq!(
        findings(any, "Agent: hi\nAgent: ok", "t/x"),
        [(1, None, -10)]
    );
    assert_lint_count(any, "Agent: hi\nAgent: bye", "t/x", 0);
}

/// On an untimed transcript a timing search is unknown, not false: `any` holds through another
/// branch, `all` fails through another, `not` stays unknown, and only an unknown result leaves the
/// rule not applied.
#[test]
fn conditions_are_three_valued_where_times_are_missing() {
    let rule = |when: &str| {
        format!("rules:\n  - id: t/x\n    kind: tag\n    speaker: any\n    when: {when}\n")
    };
    let silence = "{timing: {silence_seconds: 10}}";
    let untimed = "Customer: get me a manager\nAgent: ok";
    let outcome = |when: &str| {
        let (_, e) = check_with(&rule(when), untimed, Scoring::default());
        (
            e.outcomes.iter().map(|o| o.turn + 1).collect::<Vec<_>>(),
            e.not_applied.len(),
        )
    };
    let any = format!("{{any: [{{phrases: [manager]}}, {silence}]}}");
    assert_eq!(outcome(&any), (vec![1], 0), "a true branch decides `any`");
    let any_unknown = format!("{{any: [{{phrases: [refund]}}, {silence}]}}");
    assert_eq!(outcome(&any_unknown), (vec![], 1));
    let all_false = format!("{{all: [{{phrases: [refund]}}, {silence}]}}");
    assert_eq!(
        outcome(&all_false),
        (vec![], 0),
        "a false branch decides `all`"
    );
    let all_unknown = format!("{{all: [{{phrases: [manager]}}, {silence}]}}");
    assert_eq!(outcome(&all_unknown), (vec![], 1));
    assert_eq!(outcome(&format!("{{not: {silence}}}")), (vec![], 1));
    let not_in_any = format!("{{any: [{{not: {silence}}}, {{phrases: [manager]}}]}}");
    assert_eq!(outcome(&not_in_any), (vec![1], 0));
}

#[test]
fn percent_windows_use_turns_untimed_and_time_when_timed() {
    let yaml = "rules:\n  - id: t/x\n    kind: reward\n    speaker: any\n    phrases: [hello]\n    window: {first_percent: 25}\n";
    assert_lint_count(
        yaml,
        "Agent: hello\nCustomer: a\nAgent: b\nCustomer: hello",
        "t/x",
        1,
    );
    assert_lint_count(
        yaml,
        "Agent: x\nCustomer: hello\nAgent: b\nCustomer: c",
        "t/x",
        0,
    );
    // Timed: the second turn starts at 10% of the call.
    let timed = "[00:00:00-00:00:05] Agent: x\n[00:00:10] Customer: hello\n[00:01:00] Agent: b\n[00:01:40-00:01:40] Customer: c";
    assert_lint_count(yaml, timed, "t/x", 1);
    let between = yaml.replace("first_percent: 25", "between_seconds: [61, 70]");
    assert_lint_count(&between, timed.replace(": b", ": hello").as_str(), "t/x", 1);
    let (set, e) = check_with(&between, "Agent: hello", Scoring::default());
    assert_eq!(e.not_applied, [0], "{:?}", set.rules[0].id);
}

#[test]
fn timing_measures_need_times_and_find_each_event() {
    let timed = "[00:00:00-00:00:04] Agent: hi\n[00:00:03-00:00:20] Customer: long story\n[00:00:35-00:00:36] Agent: ok\n[00:00:36-00:00:40] Customer: bye";
    let rule = |timing: &str, speaker: &str| {
        format!("rules:\n  - id: t/x\n    speaker: {speaker}\n    timing: {{{timing}}}\n")
    };
    assert_eq!(
        findings(&rule("silence_seconds: 10", "any"), timed, "t/x"),
        [(3, None, -5)]
    );
    // A customer's rule scores nothing unless it sets points (SPEC 5).
    assert_eq!(
        findings(&rule("interrupts_seconds: 1", "customer"), timed, "t/x"),
        [(2, None, 0)]
    );
    assert_lint_count(&rule("interrupts_seconds: 2", "customer"), timed, "t/x", 0);
    assert_lint_count(
        &rule("interrupts_total_seconds: 0.5", "customer"),
        timed,
        "t/x",
        1,
    );
    assert_lint_count(&rule("talk_share_above: 0.7", "customer"), timed, "t/x", 1);
    assert_lint_count(&rule("talk_share_below: 0.2", "agent"), timed, "t/x", 1);
    assert_lint_count(&rule("turn_seconds_above: 15", "customer"), timed, "t/x", 1);
    let (_, e) = check_with(
        &rule("silence_seconds: 10", "any"),
        "[00:00:01] Agent: hi\n[00:00:30] Agent: x",
        Scoring::default(),
    );
    assert_eq!(
        (e.outcomes.len(), e.not_applied.len()),
        (0, 1),
        "no end times: not applied"
    );
}

#[test]
fn counts_hold_in_range_once() {
    let yaml = "rules:\n  - id: t/x\n    phrases: [sorry]\n    count: {min: 3}\n";
    assert_lint_count(yaml, "Agent: sorry\nAgent: sorry", "t/x", 0);
    assert_eq!(
        findings(yaml, "Agent: sorry sorry\nAgent: so sorry", "t/x"),
        [(2, Some("sorry".into()), -5)]
    );
    let require =
        "rules:\n  - id: t/x\n    kind: require\n    phrases: [thank you]\n    count: {min: 2}\n";
    assert_lint_count(require, "Agent: thank you\nAgent: bye", "t/x", 1);
    assert_lint_count(require, "Agent: thank you\nAgent: thank you", "t/x", 0);
}

#[test]
fn tags_score_nothing_and_never_fail() {
    let yaml = "rules:\n  - id: aws/escalation\n    kind: tag\n    speaker: customer\n    phrases: [\"speak to (a|your) manager\"]\n";
    let (_, e) = check_with(
        yaml,
        "Customer: let me speak to a manager",
        Scoring::default(),
    );
    assert_eq!(
        (e.outcomes.len(), e.outcomes[0].points, e.score, e.passed),
        (1, 0, 80, true)
    );
}

#[test]
fn examples_judge_requires_as_the_language_being_there() {
    let set = rules(
        "rules:\n  - id: t/x\n    kind: require\n    phrases: [sorry]\n    after: {phrases: [angry], within_turns: 1}\n    examples: {hit: [\"Customer: angry\\nAgent: sorry\"], clean: [\"Customer: angry\\nAgent: no\"]}\n",
    );
    let report = Engine::new(&set)
        .unwrap()
        .run_examples(&set, &ParseOptions::default());
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // Without its trigger, an example tests nothing: the rule is not applied to it.
    let parsed = parse("Agent: x", Format::Text, &ParseOptions::default()).unwrap();
    let engine = Engine::new(&set).unwrap();
    assert_eq!(
        engine.check_rule(
            0,
            &parsed.transcripts[0],
            "Agent: x",
            &mut Scratch::default()
        ),
        None
    );
}
