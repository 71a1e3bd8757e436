//! The rule semantics, tested in-process: one line per case, in the spirit of harper's
//! `assert_lint_count(text, rule, n)`. The second edition's keys are tested in [`second`].

mod clock_windows;
mod second;

use super::{Engine, Evaluation, Scoring, Scratch};
use crate::rules::RuleSet;
use crate::rules::load::{Overrides, load};
use crate::transcript::{Format, ParseOptions, parse};

/// The rule set of one YAML rule file.
pub(super) fn rules(yaml: &str) -> RuleSet {
    let files = [("test.yaml".to_string(), yaml.to_string().into())];
    let fillers = ["um".to_string(), "uh".to_string()];
    match load(&files, &Overrides::default(), &fillers) {
        Ok((set, _)) => set,
        Err(errors) => panic!("rule errors: {errors:?}"),
    }
}

/// Checks a text transcript (`Agent: …` lines) against the rules of `yaml`.
pub(super) fn check_with(yaml: &str, text: &str, scoring: Scoring) -> (RuleSet, Evaluation) {
    let set = rules(yaml);
    let engine = Engine::new(&set).unwrap().with_scoring(scoring);
    let parsed = parse(text, Format::Text, &ParseOptions::default()).unwrap();
    let evaluation = engine.check(&parsed.transcripts[0], text, &mut Scratch::default());
    (set, evaluation)
}

/// The findings of rule `id` as (1-based turn, matched text or `None`, points).
pub(super) fn findings(yaml: &str, text: &str, id: &str) -> Vec<(usize, Option<String>, i32)> {
    let (set, evaluation) = check_with(yaml, text, Scoring::default());
    let turn_text = |turn: usize, range: (usize, usize)| {
        let parsed = parse(text, Format::Text, &ParseOptions::default()).unwrap();
        parsed.transcripts[0].turns[turn].text(text)[range.0..range.1].to_string()
    };
    evaluation
        .outcomes
        .iter()
        .filter(|o| set.rules[o.rule].id == id)
        .map(|o| (o.turn + 1, o.range.map(|r| turn_text(o.turn, r)), o.points))
        .collect()
}

#[track_caller]
pub(super) fn assert_lint_count(yaml: &str, text: &str, id: &str, n: usize) {
    let found = findings(yaml, text, id);
    assert_eq!(found.len(), n, "{id} on {text:?}: {found:?}");
}

const CALM: &str = "rules:\n  - id: respect/calm-down\n    phrases: [\"calm down\"]\n";

#[test]
fn phrases_hit_the_rules_speaker_only() {
    assert_lint_count(CALM, "Agent: Please calm down.", "respect/calm-down", 1);
    assert_lint_count(
        CALM,
        "Customer: I will not calm down",
        "respect/calm-down",
        0,
    );
    let any = "rules:\n  - id: a/b\n    speaker: [customer, agent]\n    phrases: [calm down]\n";
    assert_lint_count(any, "Customer: calm down\nAgent: calm down", "a/b", 2);
}

#[test]
fn overlapping_hits_of_one_rule_count_once() {
    let yaml = "rules:\n  - id: a/b\n    phrases: [\"[please] hold\", \"please hold on\"]\n";
    assert_eq!(
        findings(yaml, "Agent: please hold on", "a/b"),
        [(1, Some("please hold on".into()), -5)]
    );
}

#[test]
fn unless_drops_the_turn_not_the_conversation() {
    let yaml = "rules:\n  - id: k/dont-know\n    phrases: [\"i don't know\"]\n    unless: [\"let me find out\"]\n";
    let text = "Agent: I don't know. Let me find out.\nAgent: I don't know.";
    assert_eq!(findings(yaml, text, "k/dont-know").len(), 1);
    assert_eq!(findings(yaml, text, "k/dont-know")[0].0, 2);
}

#[test]
fn turn_windows_count_the_speakers_turns() {
    let first = "rules:\n  - id: g/hi\n    kind: reward\n    phrases: [hello]\n    window: {first_turns: 1}\n";
    let text = "Customer: hello\nAgent: hi there\nAgent: hello";
    assert_lint_count(first, text, "g/hi", 0);
    assert_lint_count(first, "Customer: hello\nAgent: hello", "g/hi", 1);
    let last = first.replace("first_turns", "last_turns");
    assert_lint_count(&last, text, "g/hi", 1);
}

#[test]
fn second_windows_need_times() {
    let yaml = "rules:\n  - id: g/hi\n    kind: reward\n    phrases: [hello]\n    window: {first_seconds: 5}\n";
    assert_lint_count(yaml, "[00:00:01] Agent: hello", "g/hi", 1);
    assert_lint_count(
        yaml,
        "[00:00:01] Agent: hi\n[00:00:09] Agent: hello",
        "g/hi",
        0,
    );
    assert_lint_count(yaml, "Agent: hello", "g/hi", 0);
    let last = "rules:\n  - id: c/bye\n    kind: reward\n    phrases: [bye]\n    window: {last_seconds: 5}\n";
    let text =
        "[00:00:01] Agent: bye\n[00:00:30] Agent: ok\n[00:01:00] Agent: ok\n[00:01:02] Agent: bye";
    assert_eq!(findings(last, text, "c/bye").len(), 1);
    assert_eq!(findings(last, text, "c/bye")[0].0, 4);
}

#[test]
fn require_reports_a_missing_phrase_at_its_window() {
    let yaml = "rules:\n  - id: c/anything-else\n    kind: require\n    window: {last_turns: 1}\n    phrases: [anything else]\n";
    let missing = "Agent: hi\nCustomer: thanks\nAgent: bye";
    assert_eq!(findings(yaml, missing, "c/anything-else"), [(3, None, -10)]);
    assert_lint_count(
        yaml,
        "Agent: hi\nAgent: anything else?",
        "c/anything-else",
        0,
    );
    let judged_from_three = yaml.replace("kind: require", "kind: require\n    min_turns: 3");
    assert_lint_count(&judged_from_three, missing, "c/anything-else", 0);
}

#[test]
fn max_hits_caps_the_points_not_the_findings() {
    let yaml = "rules:\n  - id: e/sorry\n    kind: reward\n    phrases: [sorry]\n    max_hits: 1\n";
    let points: Vec<i32> = findings(yaml, "Agent: sorry\nAgent: sorry", "e/sorry")
        .iter()
        .map(|f| f.2)
        .collect();
    assert_eq!(points, [5, 0]);
}

#[test]
fn scores_clamp_and_judge() {
    let yaml = "rules:\n  - id: r/x\n    severity: error\n    phrases: [x]\n";
    let (_, e) = check_with(yaml, "Agent: x x x x x x x x x x", Scoring::default());
    assert_eq!((e.score, e.passed), (0, false));
    let (_, e) = check_with(yaml, "Agent: x", Scoring::default());
    assert_eq!((e.score, e.passed), (70, true));
    let strict = Scoring {
        min_score: Some(75),
        ..Scoring::default()
    };
    assert!(!check_with(yaml, "Agent: x", strict).1.passed);
    let lenient = Scoring {
        base: 100,
        pass: 95,
        min_score: None,
    };
    assert_eq!(check_with(yaml, "Agent: x", lenient).1.score, 90);
}

#[test]
fn auto_fail_fails_whatever_the_score() {
    let yaml = "rules:\n  - id: r/x\n    severity: info\n    auto_fail: true\n    phrases: [x]\n";
    let (_, e) = check_with(yaml, "Agent: x", Scoring::default());
    assert_eq!((e.score, e.auto_failed, e.passed), (79, true, false));
}

#[test]
fn regexes_and_windowed_regexes_find_their_turns() {
    let yaml = "rules:\n  - id: r/shout\n    regex: ['\\bSTOP\\b']\n  - id: r/late\n    regex: ['\\bbye\\b']\n    window: {last_turns: 1}\n";
    let text = "Agent: stop it\nAgent: bye\nAgent: bye now";
    assert_lint_count(yaml, text, "r/shout", 1);
    assert_eq!(
        findings(yaml, text, "r/late"),
        [(3, Some("bye".into()), -5)]
    );
}

#[test]
fn examples_name_missing_and_noisy_cases() {
    let yaml = "rules:\n  - id: r/x\n    phrases: [calm down]\n    examples: {hit: [\"Agent: calm down\", \"Agent: relax\"], clean: [\"Agent: calm downstairs\", \"Agent: please calm down\"]}\n  - id: r/y\n    phrases: [y]\n";
    let set = rules(yaml);
    let report = Engine::new(&set)
        .unwrap()
        .run_examples(&set, &ParseOptions::default());
    use super::ExampleOutcome::{Missing, Noisy};
    let got: Vec<_> = report
        .failures
        .iter()
        .map(|f| (f.outcome, f.index))
        .collect();
    assert_eq!(got, [(Missing, 2), (Noisy, 2)]);
    let without: Vec<&str> = (report.rules_without_examples.iter())
        .map(|w| w.rule.as_str())
        .collect();
    assert_eq!(without, ["r/y"]);
    assert_eq!(report.examples, 4);
}
