//! A rule's error is placed at the key it is about, in the mapping it is written in: a
//! condition's key in that condition (not the rule's own key of the same name, nor an earlier
//! condition's), never the same word in a message, a phrase or a comment.

use crate::support::rule_error;

/// The `file:line:column` a rule file's first error is placed at, read from `rule_error`.
fn place(rules: &str) -> String {
    let err = rule_error(rules);
    let at = err.split("r.yaml:").nth(1).unwrap_or_default();
    at.split(": ").next().unwrap_or_default().to_string()
}

#[test]
fn a_conditions_key_is_placed_in_its_own_condition() {
    let cases = [
        // The rule's own `speaker: agent` came first.
        (
            "  - id: t/a\n    speaker: agent\n    message: \"the speaker said it\"\n    when:\n      all:\n        - {speaker: customer, phrases: [\"cancel\"]}\n        - {speaker: [], phrases: [\"offer\"]}\n",
            "8:12",
        ),
        // A second window, not the first, nor the word in the message.
        (
            "  - id: t/b\n    message: \"within first_turns\"\n    when:\n      all:\n        - {phrases: [\"cancel\"], window: {first_turns: 3}}\n        - {phrases: [\"offer\"], window: {first_turns: 0}}\n",
            "7:41",
        ),
        (
            "  - id: t/e\n    message: \"the silence_seconds measure\"\n    when:\n      any:\n        - {speaker: any, timing: {silence_seconds: 5}}\n        - {speaker: any, timing: {silence_seconds: -1}}\n",
            "7:35",
        ),
        // An `after`'s speaker, not the rule's.
        (
            "  - id: t/g\n    kind: require\n    speaker: agent\n    phrases: [\"hello\"]\n    after: {speaker: [], phrases: [\"why\"]}\n",
            "6:13",
        ),
        // The key, not a phrase spelled like it.
        (
            "  - id: t/h\n    phrases: [\"first_percent\"]\n    window: {first_percent: 150}\n",
            "4:14",
        ),
        // Block layout: a quoted key in a later item, past a comment, a block message and a
        // `not`, all of which spell `speaker`.
        (
            "  - id: t/a\n    message: |\n      speaker: agent says\n    when:\n      any:\n        - speaker: customer   # speaker: x\n          phrases: [\"speaker: no\"]\n        - not:\n            phrases: [x]\n        - \"speaker\": []\n          phrases: [offer]\n",
            "11:11",
        ),
        // Flow layout over several lines.
        (
            "  - {id: t/a, when: {all: [\n      {phrases: [\"window: first_turns\"], window: {first_turns: 2}},\n      {phrases: [b], window: {\n         first_turns: 0}}]}}\n",
            "5:10",
        ),
        // A rule's own key after its `when`.
        (
            "  - id: t/a\n    when: {all: [{speaker: customer, phrases: [a]}]}\n    speaker: []\n",
            "4:5",
        ),
    ];
    for (rule, want) in cases {
        assert_eq!(place(&format!("rules:\n{rule}")), want, "{rule}");
    }
}

#[test]
fn a_rule_without_phrases_is_placed_at_its_own_id_not_the_next_rules() {
    let rules = "rules:\n  - id: t/a\n    kind: forbid\n  - id: t/b\n    phrases: [x]\n";
    assert_eq!(place(rules), "2:5");
}
