//! Rules over a transcript's clock through the binary: what a `when` condition is when a branch
//! needs times the transcript lacks, and where a seconds window starts and ends.

use crate::support::{run, talklint, write};
use serde_json::Value;

/// The first conversation of the JSON report of the rule file `rules` (YAML, or an AWS
/// category as JSON) on one transcript file holding `text`.
fn conversation(rules: (&str, &str), text: &str) -> Value {
    conversation_of_file(rules, ("call.txt", text))
}

/// As [`conversation`], on a transcript file named `file.0` holding `file.1`.
fn conversation_of_file(rules: (&str, &str), file: (&str, &str)) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), rules.0, rules.1);
    let path = write(dir.path(), file.0, file.1);
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&path));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    v["conversations"][0].clone()
}

/// The conversation's tags and the rules it did not apply (each absent when empty).
fn tags_and_not_applied(c: &Value) -> (Vec<&str>, Vec<&str>) {
    let list = |key: &str| {
        c[key]
            .as_array()
            .map_or(Vec::new(), |a| a.iter().filter_map(Value::as_str).collect())
    };
    (list("tags"), list("not_applied"))
}

#[test]
fn a_true_phrase_branch_holds_an_any_whose_timing_branch_cannot_apply() {
    let rules = "rules:\n  - id: qa/escalation\n    kind: tag\n    speaker: any\n    when:\n      any:\n        - {phrases: [manager]}\n        - {timing: {silence_seconds: 10}}\n";
    let c = conversation(("r.yaml", rules), "Customer: get me a manager\nAgent: ok\n");
    assert_eq!(
        tags_and_not_applied(&c),
        (vec!["qa/escalation"], vec![]),
        "{c}"
    );
    // Without the phrase the condition stays unknown: the rule is not applied.
    let c = conversation(("r.yaml", rules), "Customer: hello\nAgent: ok\n");
    assert_eq!(
        tags_and_not_applied(&c),
        (vec![], vec!["qa/escalation"]),
        "{c}"
    );
}

/// Agent 0–150 s, silence 150–200 s, customer 200–300 s.
const LATE_CUSTOMER: &str = "[00:00:00-00:02:30] Agent: long explanation\n[00:03:20-00:05:00] Customer: talks for the whole last 100 seconds\n";

#[test]
fn an_aws_non_talk_filter_counts_only_the_silence_inside_its_range() {
    let category = |range: &str| {
        format!(
            r#"{{"CategoryName": "late-silence", "Rules": [{{"NonTalkTimeFilter": {{"Threshold": 20000, "AbsoluteTimeRange": {range}}}}}]}}"#
        )
    };
    let tags = |range: &str| {
        let c = conversation(("aws.json", &category(range)), LATE_CUSTOMER);
        tags_and_not_applied(&c).0.len()
    };
    // The last 60 s are talk; the last 120 s hold 20 s of the silence, the first 165 s 15 s.
    assert_eq!(tags(r#"{"Last": 60000}"#), 0);
    assert_eq!(tags(r#"{"Last": 120000}"#), 1);
    assert_eq!(tags(r#"{"First": 165000}"#), 0);
    assert_eq!(tags(r#"{"First": 170000}"#), 1);
}

/// The tags a seconds window finds on `text`: `first/s` for `first_seconds: 30`, `between/s` for
/// `between_seconds: [0, 30]`, each over the phrase "hello".
fn seconds_window_tags(text: &str) -> Vec<String> {
    let rules = "rules:\n  - {id: first/s, kind: tag, phrases: [hello], window: {first_seconds: 30}}\n  - {id: between/s, kind: tag, phrases: [hello], window: {between_seconds: [0, 30]}}\n";
    let c = conversation(("r.yaml", rules), text);
    let (tags, _) = tags_and_not_applied(&c);
    tags.into_iter().map(String::from).collect()
}

#[test]
fn seconds_count_from_the_recordings_clock_not_from_the_first_turn() {
    // The first words come 40 s into the recording: outside its first 30 s.
    let late = "[00:00:40] Agent: hello there\n[00:00:50] Customer: hi\n";
    assert!(seconds_window_tags(late).is_empty(), "{late}");
    let early = "[00:00:20] Agent: hello there\n[00:00:50] Customer: hi\n";
    assert_eq!(seconds_window_tags(early), ["between/s", "first/s"]);
}

#[test]
fn a_chats_times_of_day_count_from_its_first_turn() {
    for chat in [
        "[10:00 AM] Agent: hello there\n[10:01 AM] Customer: hi\n",
        "[12:15 AM] Agent: hello there\n[12:16 AM] Customer: hi\n",
        "[11:59:50 PM] Customer: hi\n[12:00:10 AM] Agent: hello there\n",
        "[14:00:05] Agent: hello there\n[14:01:00] Customer: hi\n",
    ] {
        assert_eq!(
            seconds_window_tags(chat),
            ["between/s", "first/s"],
            "{chat}"
        );
    }
    // 40 s after the chat opened is outside its first 30 s.
    let late = "[10:00:00] Customer: hi\n[10:00:40] Agent: hello there\n";
    assert!(seconds_window_tags(late).is_empty(), "{late}");
}

#[test]
fn a_require_is_missing_from_a_seconds_window_before_the_first_words() {
    let rules =
        "rules:\n  - {id: t/hello, kind: require, phrases: [hello], window: {first_seconds: 30}}\n";
    let c = conversation(("r.yaml", rules), "[00:00:40] Agent: good evening\n");
    let at: Vec<(&str, u64)> = c["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (f["rule"].as_str().unwrap(), f["turn"].as_u64().unwrap()))
        .collect();
    assert_eq!(at, [("t/hello", 1)], "{c}");
}

#[test]
fn a_seconds_window_is_not_applied_when_some_turn_has_no_time() {
    // The greeting has no time: whether it falls in the first 10 s cannot be told.
    let chat = r#"{"messages": [{"role": "agent", "text": "Welcome to Acme"}, {"role": "customer", "text": "hi", "start": 5, "end": 6}, {"role": "agent", "text": "how can I help you", "start": 7, "end": 8}]}"#;
    let rules = |window: &str| {
        format!(
            "rules:\n  - {{id: t/greet, kind: require, phrases: [welcome], window: {{{window}}}}}\n"
        )
    };
    for window in [
        "first_seconds: 10",
        "last_seconds: 10",
        "between_seconds: [0, 10]",
    ] {
        let c = conversation_of_file(("r.yaml", &rules(window)), ("chat.json", chat));
        assert_eq!(
            c["findings"].as_array().map(Vec::len),
            Some(0),
            "{window}: {c}"
        );
        assert_eq!(tags_and_not_applied(&c).1, ["t/greet"], "{window}: {c}");
    }
}

/// Each rule not applied is named with what it needs: "for want of the times, sentiment labels
/// or speaker roles" left a file with start times and no ends to guess which it lacked.
#[test]
fn human_and_junit_reports_name_the_rules_not_applied_and_what_they_need() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: s/gap, speaker: any, timing: {silence_seconds: 10}}\n  \
         - {id: s/mood, speaker: any, sentiment: negative}\n  \
         - {id: s/early, speaker: any, phrases: [hello], window: {first_seconds: 5}}\n",
    );
    let path = write(
        dir.path(),
        "call.txt",
        "[00:00:00] Agent: hello\n[00:00:30] Customer: hi\n",
    );
    let note = "not applied, for want of what they need: s/gap (start and end times on its \
                turns); s/mood (sentiment labels on its turns)";
    for format in ["human", "junit"] {
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", format, "-r"])
            .arg(&rules)
            .arg(&path));
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(note), "{format}: {out}");
    }
}

#[test]
fn a_silence_of_0_seconds_is_a_real_gap_not_an_overlap_or_a_touch() {
    let rules = "rules:\n  - {id: s/gap, speaker: any, timing: {silence_seconds: 0}}\n";
    // The customer starts before the agent ends, the agent again just as the customer ends,
    // and the customer once more after a 2-second gap: only that last turn follows silence.
    let call = "[00:00:00-00:00:05] Agent: hello\n[00:00:04-00:00:08] Customer: hi\n[00:00:08-00:00:10] Agent: so\n[00:00:12-00:00:14] Customer: yes\n";
    let c = conversation(("r.yaml", rules), call);
    let lines: Vec<u64> = (c["findings"].as_array().unwrap().iter())
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [4], "{c}");
    assert_eq!(
        c["findings"][0]["message"], "silence between turns: 2 s (s/gap)",
        "{c}"
    );
}

/// A window of turns on a timing rule counts the rule speaker's turns (SPEC §2): the agent's
/// first turn, after two of the customer's, is the window, whose 7 s silence before it is found
/// and whose 30 s turn is over 5 s. The window took the call's first turn, the customer's.
#[test]
fn a_window_of_turns_on_a_timing_rule_counts_the_speakers_turns() {
    let rules = "rules:\n  - id: dead/first-agent-turn\n    timing: {silence_seconds: 5}\n    \
                 window: {first_turns: 1}\n  - id: dead/monologue-first\n    kind: require\n    \
                 timing: {turn_seconds_above: 5}\n    window: {first_turns: 1}\n  \
                 - id: dead/closing\n    timing: {turn_seconds_above: 5}\n    \
                 window: {last_turns: 1}\n  - id: share/last\n    kind: tag\n    \
                 timing: {talk_share_above: 0.9}\n    window: {last_turns: 1}\n";
    let text = "[00:00:00-00:00:02] Customer: hi\n[00:00:02-00:00:03] Customer: anyone there?\n\
                [00:00:10-00:00:40] Agent: hello, sorry for the wait\n\
                [00:00:40-00:00:41] Customer: ok\n";
    let c = conversation(("r.yaml", rules), text);
    let found: Vec<(&str, u64)> = (c["findings"].as_array().unwrap().iter())
        .map(|f| (f["rule"].as_str().unwrap(), f["turn"].as_u64().unwrap()))
        .collect();
    // The last agent turn is the 30 s one; the stretch from it to the end is 31 s, 30 of them
    // the agent's.
    assert_eq!(
        found,
        [
            ("dead/first-agent-turn", 3),
            ("dead/closing", 3),
            ("share/last", 3)
        ],
        "{c}"
    );
    assert_eq!(c["score"], 70, "{c}");
}

/// A `when: all` of a phrase and a measure sits at the phrase's match, which `{match}` quotes,
/// though the silence came first: it sat at the silence, quoting nothing (`“”`).
#[test]
fn an_all_of_a_phrase_and_a_measure_sits_at_the_phrase() {
    let rules = "rules:\n  - id: hold/manager-after-silence\n    kind: tag\n    speaker: any\n    \
                 message: \"asked for “{match}” after dead air\"\n    when:\n      all:\n        \
                 - {timing: {silence_seconds: 5}}\n        \
                 - {speaker: customer, phrases: [manager]}\n";
    let text = "[00:00:00-00:00:02] Agent: hi\n[00:00:10-00:00:12] Customer: hmm\n\
                [00:00:13-00:00:15] Customer: get me a manager\n";
    let c = conversation(("r.yaml", rules), text);
    let f = &c["findings"][0];
    assert_eq!(
        (&f["turn"], &f["match"]),
        (&3.into(), &"manager".into()),
        "{c}"
    );
    assert_eq!(f["message"], "asked for “manager” after dead air", "{c}");
}
