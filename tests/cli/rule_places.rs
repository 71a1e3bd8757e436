//! A rule's error is placed at the key it is about, or at the key's value when the value is
//! the fault (`first_percent: 150`), in the mapping it is written in: a condition's key in that
//! condition (not the rule's own key of the same name, nor an earlier
//! condition's), never the same word in a message, a phrase or a comment. A phrase's warning
//! and a failed example are placed where they are written, also in a double-quoted string with
//! escapes.

use crate::support::{rule_error, run, talklint, write};

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
            "7:54",
        ),
        (
            "  - id: t/e\n    message: \"the silence_seconds measure\"\n    when:\n      any:\n        - {speaker: any, timing: {silence_seconds: 5}}\n        - {speaker: any, timing: {silence_seconds: -1}}\n",
            "7:52",
        ),
        // An `after`'s speaker, not the rule's.
        (
            "  - id: t/g\n    kind: require\n    speaker: agent\n    phrases: [\"hello\"]\n    after: {speaker: [], phrases: [\"why\"]}\n",
            "6:13",
        ),
        // The key's value, not a phrase spelled like the key.
        (
            "  - id: t/h\n    phrases: [\"first_percent\"]\n    window: {first_percent: 150}\n",
            "4:29",
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
            "5:23",
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

/// A value out of range is placed at the value, as serde places a value of the wrong type
/// (`first_turns: -3`); an error about the key itself stays at the key.
#[test]
fn a_value_out_of_range_is_placed_at_the_value_and_a_wrong_key_at_the_key() {
    let cases = [
        ("phrases: [x]\n    window: {first_percent: 150}", "4:29"),
        ("phrases: [x]\n    window: {last_percent: 0}", "4:28"),
        (
            "phrases: [x]\n    window: {between_percent: [60, 40]}",
            "4:31",
        ),
        ("phrases: [x]\n    window: {first_seconds: -3}", "4:29"),
        ("phrases: [x]\n    window: {last_turns: 0}", "4:26"),
        (
            "phrases: [x]\n    window:\n      last_percent:\n        101",
            "6:9",
        ),
        ("speaker: any\n    timing: {turn_seconds_above: -5}", "4:34"),
        ("speaker: any\n    timing: {talk_share_below: 20}", "4:32"),
        ("phrases: [x]\n    count: {min: 4, max: 2}", "4:26"),
        ("phrases: [x]\n    max_hits: 0", "4:15"),
        ("phrases: [x]\n    points: 3", "4:13"),
        (
            "kind: require\n    phrases: [x]\n    after: {phrases: [y], within_seconds: 0}",
            "5:43",
        ),
        (
            "kind: require\n    phrases: [x]\n    after: {phrases: [y], within_turns: 0}",
            "5:41",
        ),
        // About the key: it does not belong, or a key is missing.
        (
            "phrases: [x]\n    window: {first_turns: 2, percent_of: media}",
            "4:30",
        ),
        ("phrases: [x]\n    count: {}", "4:5"),
        ("kind: tag\n    phrases: [x]\n    points: 3", "5:5"),
        (
            "kind: require\n    phrases: [x]\n    after: {phrases: [y]}",
            "5:5",
        ),
    ];
    for (keys, want) in cases {
        let rules = format!("rules:\n  - id: t/a\n    {keys}\n");
        assert_eq!(place(&rules), want, "{rules}");
    }
}

#[test]
fn a_rule_without_phrases_is_placed_at_its_own_id_not_the_next_rules() {
    let rules = "rules:\n  - id: t/a\n    kind: forbid\n  - id: t/b\n    phrases: [x]\n";
    assert_eq!(place(rules), "2:5");
}

/// The `line:column` of the first warning of `talklint check -r r.yaml` (holding `rules`), and
/// of the first failure of `talklint test r.yaml`.
fn warning_and_failure(rules: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "c.txt", "Agent: hi\n");
    let in_dir = |args: &[&str]| run(talklint().current_dir(dir.path()).args(args));
    let (code, _, err) = in_dir(&["check", "--no-config", "-q", "-r", "r.yaml", "c.txt"]);
    assert_eq!(code, 0, "{err}");
    let place = |text: &str, prefix: &str| {
        let line = text.lines().find_map(|l| l.strip_prefix(prefix));
        let at = line.unwrap_or_else(|| panic!("{prefix} in {text}"));
        at.split(": ").next().unwrap_or_default().to_string()
    };
    let warned = place(&err, "warning: r.yaml:");
    let (code, out, err) = in_dir(&["test", "--no-config", "r.yaml"]);
    assert_eq!(code, 1, "{out}{err}");
    (warned, place(&out, "r.yaml:"))
}

#[test]
fn a_phrase_or_example_written_with_escapes_is_placed_where_it_is_written() {
    // `h\(llo` warns that `\(` matches nothing; the second example fails.
    let rules = |phrase: &str, example: &str| {
        format!(
            "rules:\n  - id: x/one\n    severity: warning\n    phrases: [\"hello\", {phrase}]\n    examples: {{hit: [\"Agent: hello\", {example}]}}\n"
        )
    };
    let single = rules("'h\\(llo'", "'Agent: \"bye\"'");
    let double = rules("\"h\\\\(llo\"", "\"Agent: \\\"bye\\\"\"");
    let want = ("4:25".to_string(), "5:39".to_string());
    assert_eq!(warning_and_failure(&single), want, "{single}");
    assert_eq!(warning_and_failure(&double), want, "{double}");
}

#[test]
fn a_config_of_cr_line_ends_is_placed_on_the_lines_its_parser_reads() {
    // The `line:column` of the first message about the config `lines`, joined by `end`.
    let place = |lines: &[&str], end: &str| {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "talklint.yaml", &lines.join(end));
        write(dir.path(), "a.txt", "Agent: hi\n");
        let (_, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
        let at = err.split("talklint.yaml:").nth(1).unwrap_or_default();
        at.split(": ").next().unwrap_or_default().to_string()
    };
    for end in ["\n", "\r\n", "\r"] {
        let unknown = ["fillers: [um]", "disable: [ownership/nosuch]", ""];
        assert_eq!(place(&unknown, end), "2:11", "{end:?}");
        let bad_glob = ["fillers: [um]", "", "exclude: ['[bad']", ""];
        assert_eq!(place(&bad_glob, end), "3:12", "{end:?}");
    }
}
#[test]
fn a_rule_file_of_cr_or_crlf_line_ends_places_as_one_of_lf() {
    let lines = [
        "rules:",
        "  - id: x/one",
        "    severity: warning",
        "    phrases: [hello, 'h\\(llo']",
        "    examples: {hit: [\"Agent: bye\"], clean: []}",
        "",
    ];
    let want = ("4:23".to_string(), "5:23".to_string());
    for end in ["\n", "\r\n", "\r"] {
        assert_eq!(warning_and_failure(&lines.join(end)), want, "{end:?}");
    }
}

#[test]
fn a_phrase_error_is_placed_at_its_character_in_any_quotes_and_line_ends() {
    let rules = |phrase: &str, end: &str| {
        ["rules:", "  - id: x/one", "    severity: warning"]
            .into_iter()
            .chain([format!("    phrases: [\"hello\", {phrase}]").as_str(), ""])
            .collect::<Vec<_>>()
            .join(end)
    };
    // At the `\` of `\d`, however the phrase is quoted.
    for phrase in ["'h\\dllo'", "\"h\\\\dllo\""] {
        for end in ["\n", "\r\n", "\r"] {
            assert_eq!(place(&rules(phrase, end)), "4:26", "{phrase} {end:?}");
        }
    }
}
