//! Rules that could not mean what they say are refused where they are written, and rules that
//! mean something do it: a regex of no characters, an empty phrase, a second YAML document, a
//! duplicate id, `max_hits` on a tag, a required timing, a match as its own neighbour, and the
//! other party an `after` waits for.

use crate::support::{rule_error, run, talklint, write};

/// The (rule, line, column) of each finding of `rules` on the transcript `text`.
fn found(rules: &str, text: &str) -> Vec<(String, u64, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let pack = write(dir.path(), "r.yaml", rules);
    let call = write(dir.path(), "call.txt", text);
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--format", "json", "-r"])
        .arg(&pack)
        .arg(&call));
    assert!(code < 2, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    (v["conversations"][0]["findings"].as_array().unwrap().iter())
        .map(|f| {
            let n = |k: &str| f[k].as_u64().unwrap();
            (f["rule"].as_str().unwrap().into(), n("line"), n("column"))
        })
        .collect()
}

#[test]
fn a_regex_of_no_characters_is_refused_at_the_regex() {
    // `^`, `\b` and `(?i)` loaded, and never reported.
    for regex in ["^", "\\b", "(?i)", "^$"] {
        let err = rule_error(&format!("rules:\n  - id: t/x\n    regex: ['{regex}']\n"));
        let expected = format!("r.yaml:3:14: the regex `{regex}` matches only empty text");
        assert!(err.contains(&expected), "{err}");
    }
    let err = rule_error("rules:\n  - id: t/x\n    regex: ['[^\\s\\S]']\n");
    assert!(
        err.contains("r.yaml:3:14: the regex `[^\\s\\S]` matches no text at all"),
        "{err}"
    );
    let found_in = |regex: &str| {
        let pack = format!("rules:\n  - id: t/x\n    regex: ['{regex}']\n");
        found(&pack, "Agent: thanks, sorry\n")
    };
    assert_eq!(found_in("^thanks"), [("t/x".into(), 1, 8)]);
    // A branch that matches nothing beside one that matches is no fault.
    assert_eq!(found_in("sorry|[^\\s\\S]"), [("t/x".into(), 1, 16)]);
}

#[test]
fn an_empty_phrase_or_a_second_document_is_named_where_it_is_written() {
    // Both were put at the rule's id (2:9), or at 1:1.
    let err = rule_error("rules:\n  - id: t/x\n    phrases:\n      - hi\n      - \"\"\n");
    assert!(err.contains("r.yaml:5:9: phrase \"\":"), "{err}");
    let err = rule_error("rules:\n  - id: t/x\n    phrases: [hi]\n    unless: ['']\n");
    assert!(err.contains("r.yaml:4:14: unless phrase \"\":"), "{err}");
    let err = rule_error(
        "rules:\n  - id: t/a\n    phrases: [hi]\n---\nrules:\n  - id: t/b\n    phrases: [yo]\n",
    );
    assert!(
        err.contains("r.yaml:4:1: a second YAML document starts here"),
        "{err}"
    );
}

#[test]
fn a_duplicate_id_says_to_rename_and_max_hits_on_a_tag_is_refused() {
    // "`disable` the other" did not help: a disabled rule keeps its id.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mine.yaml",
        "rules:\n  - id: respect/calm-down\n    phrases: [relax]\n",
    );
    let config = "rules: [default, ./mine.yaml]\ndisable: [respect/calm-down]\n";
    write(dir.path(), "talklint.yaml", config);
    write(dir.path(), "a.txt", "Agent: hi\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("error: mine.yaml:2:9: duplicate rule id"),
        "{err}"
    );
    assert!(err.contains("give this one an id of its own"), "{err}");
    // A tag has no points, which is all `max_hits` caps.
    let err =
        rule_error("rules:\n  - id: t/x\n    kind: tag\n    phrases: [hi]\n    max_hits: 1\n");
    assert!(
        err.contains("r.yaml:5:5: `max_hits` on a tag rule"),
        "{err}"
    );
}

#[test]
fn a_required_timing_says_what_was_not_measured() {
    // It said "Missing required language" of a rule that looks for no language.
    let rules = "rules:\n  - id: t/pause\n    kind: require\n    timing: {silence_seconds: 3}\n";
    let call = "[00:00:01-00:00:02] Agent: hello there\n[00:00:03-00:00:04] Customer: hi\n";
    let dir = tempfile::tempdir().unwrap();
    let pack = write(dir.path(), "r.yaml", rules);
    let file = write(dir.path(), "call.txt", call);
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&pack)
        .arg(&file));
    assert!(
        out.contains("warning[t/pause]: No silence of 3 s or more (t/pause)"),
        "{out}"
    );
}

#[test]
fn a_match_is_not_its_own_neighbour() {
    let rules = "rules:\n  - id: t/twice\n    phrases: [sorry]\n    near: {phrases: [sorry], words: 3}\n  \
                 - id: t/lone\n    kind: reward\n    phrases: [sorry]\n    not_near: {phrases: [sorry], words: 3}\n";
    let call = "Agent: sorry\nCustomer: ok\nAgent: sorry, so sorry for the wait\n";
    // `t/twice` fired on a lone "sorry", and `t/lone` never could.
    assert_eq!(
        found(rules, call),
        [
            ("t/lone".into(), 1, 8),
            ("t/twice".into(), 3, 8),
            ("t/twice".into(), 3, 18)
        ]
    );
}

/// An `after` without a speaker waits for the other party: for a rule of agents and bots the
/// customer, as for agents alone. It was any speaker, so an agent's own "ridiculous" was a
/// customer's complaint left unanswered.
#[test]
fn an_after_of_agents_and_bots_waits_for_the_customer() {
    let rules = "rules:\n  - id: empathy/answer\n    kind: require\n    speaker: [agent, bot]\n    \
                 phrases: [sorry]\n    after: {phrases: [ridiculous], within_turns: 2}\n";
    let call = "Agent: that policy is ridiculous, I know.\nCustomer: ok\nAgent: bye\n";
    assert_eq!(found(rules, call), []);
    let call = "Customer: this is ridiculous\nAgent: bye\n";
    assert_eq!(found(rules, call), [("empathy/answer".to_string(), 1, 19)]);
}
