//! What a QA lead's first rules ran into: a nested condition's error at the `when:` key, not at
//! the condition; a setting a rule's kind ignores; a help that named no fix. Each is now an error
//! at its own place that says how to fix it.

use crate::support::{rule_error, run, talklint, write};
use serde_json::Value;

/// A rule whose `when` nests a bad condition at line 8, column 15 (`{` of its flow mapping).
fn nested(bad: &str) -> String {
    format!(
        "rules:\n  - id: t/x\n    when:\n      all:\n        - {{speaker: customer, phrases: [cancel]}}\n        - any:\n            - {{phrases: [refund]}}\n            - {bad}\n"
    )
}

#[test]
fn a_nested_condition_is_reported_at_its_own_place() {
    let cases = [
        (
            "{speaker: customer}",
            "8:15: rules[0].when.all[1].any[1]: a condition with `speaker` but no `phrases`, `regex`, `timing` or `sentiment`",
        ),
        (
            "{all: [{phrases: [a]}], any: [{phrases: [b]}]}",
            "8:15: rules[0].when.all[1].any[1]: a condition with both `all` and `any`",
        ),
        (
            "{not: {phrases: [a]}, window: {first_turns: 2}}",
            "8:15: rules[0].when.all[1].any[1]: a condition with `not` cannot also have `window`",
        ),
        (
            "{any: []}",
            "8:15: rules[0].when.all[1].any[1]: an empty `any`",
        ),
        (
            "{speakr: customer, phrases: [x]}",
            "8:16: rules[0].when.all[1].any[1]: unknown field `speakr`, did you mean `speaker`?",
        ),
        (
            "{phrases: refund}",
            "8:25: rules[0].when.all[1].any[1].phrases: invalid type: string \"refund\", expected a list",
        ),
    ];
    for (bad, expected) in cases {
        let err = rule_error(&nested(bad));
        assert!(err.contains(&format!("r.yaml:{expected}")), "{bad}: {err}");
        assert!(!err.contains("check the YAML syntax"), "{bad}: {err}");
    }
    // A block mapping is placed at its first key.
    let block = rule_error("rules:\n  - id: t/x\n    when:\n      not:\n        speaker: agent\n");
    assert!(
        block.contains("r.yaml:5:9: rules[0].when.not: a condition with `speaker` but no"),
        "{block}"
    );
}

#[test]
fn a_when_that_is_no_mapping_says_what_a_condition_is() {
    for (when, found) in [
        ("\"cancel\"", "string \"cancel\""),
        ("[cancel]", "sequence"),
    ] {
        let err = rule_error(&format!("rules:\n  - id: t/x\n    when: {when}\n"));
        assert!(
            err.contains(&format!(
                "r.yaml:3:11: rules[0].when: invalid type: {found}, expected a condition: a mapping such as `{{speaker: customer, phrases: [...]}}`"
            )),
            "{err}"
        );
        assert!(!err.contains("ConditionSpec"), "{err}");
    }
}

#[test]
fn an_escaped_punctuation_mark_in_a_phrase_is_a_warning_and_the_rules_load() {
    // Punctuation is a word boundary: `press \*` matches "press 1", `option \(a\)` "option a";
    // earlier `talklint import` output escaped vendor targets so, and still loads.
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/p\n    phrases: ['press \\*', 'option \\(a\\)']\n",
    );
    let call = write(dir.path(), "call.txt", "Agent: press 1 now\n");
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&call));
    assert_ne!(code, 2, "{err}");
    assert!(out.contains("\"rule\":\"t/p\""), "{out}");
    assert!(
        err.contains(
            "r.yaml:3:16: rule `t/p`: its phrase `press \\*` escapes `*`, which matches nothing"
        ) && err.contains("write a `regex:`"),
        "{err}"
    );
}

#[test]
fn a_when_rule_on_the_customers_words_alone_scores_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/c, when: {speaker: customer, phrases: [cancel]}}\n  - id: t/n\n    when:\n      all:\n        - {speaker: customer, phrases: [cancel]}\n        - not: {speaker: agent, phrases: [offer]}\n",
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Customer: I want to cancel\nAgent: ok\n",
    );
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&call));
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let c = &report["conversations"][0];
    // The customer-only rule marks the call; the one the agent's silence fires scores as before.
    let points: Vec<(&str, i64)> = (c["findings"].as_array().unwrap().iter())
        .map(|f| (f["rule"].as_str().unwrap(), f["points"].as_i64().unwrap()))
        .collect();
    assert_eq!(points, [("t/c", 0), ("t/n", -5)], "{c}");
    assert_eq!(c["score"], 75, "{c}");
    let (code, out, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&rules));
    assert_eq!(code, 0, "{err}");
    let speaker = |id: &str| {
        let line = out.lines().find(|l| l.starts_with(id)).unwrap_or_default();
        line.split_whitespace()
            .nth(3)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        (speaker("t/c "), speaker("t/n ")),
        ("customer".into(), "agent,customer".into()),
        "{out}"
    );
}

#[test]
fn a_setting_the_rules_kind_ignores_is_an_error_at_the_key() {
    let cases = [
        (
            "kind: require\n    max_hits: 2",
            "r.yaml:4:5: `max_hits` on a require rule",
        ),
        (
            "count: {min: 2}\n    max_hits: 1",
            "r.yaml:4:5: `max_hits` on a `count` rule: it reports once",
        ),
        (
            "kind: tag\n    severity: error",
            "r.yaml:4:5: `severity` on a tag rule: a tag only labels the conversation",
        ),
        (
            "kind: reward\n    severity: warning",
            "r.yaml:4:5: `severity` on a reward rule: a reward adds points and is never a problem",
        ),
    ];
    for (keys, expected) in cases {
        let err = rule_error(&format!(
            "rules:\n  - id: t/k\n    {keys}\n    phrases: [thanks]\n"
        ));
        assert!(err.contains(expected), "{keys}: {err}");
    }
    let err = rule_error("rules:\n  - id: t/w\n    when: {phrases: [thanks]}\n    max_hits: 2\n");
    assert!(
        err.contains("r.yaml:4:5: `max_hits` on a `when` rule"),
        "{err}"
    );
    // `info` is the severity rewards and tags have: no contradiction.
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/r, kind: reward, severity: info, phrases: [thanks]}\n",
    );
    let (code, _, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&rules));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn help_texts_name_the_fix() {
    // A missing key is named, with an example, not "check the YAML syntax".
    let id = rule_error("rules:\n  - kind: forbid\n    phrases: [x]\n");
    assert!(
        id.contains("r.yaml:2:5: rules[0]: missing field `id`")
            && id.contains("help: every rule starts with its id, `<category>/<name>` in kebab-case: `- id: courtesy/no-problem`"),
        "{id}"
    );
    // An id not in kebab-case is offered as one: the help gave a fixed example, whatever the id.
    let id = rule_error("rules:\n  - id: Höflichkeit/Straße Eins\n    phrases: [x]\n");
    assert!(
        id.contains("category first (`hoflichkeit/strasse-eins`)"),
        "{id}"
    );
    let words =
        rule_error("rules:\n  - id: t/n\n    phrases: [refund]\n    near: {phrases: [x]}\n");
    assert!(
        words.contains("r.yaml:4:11: rules[0].near: missing field `words`")
            && words.contains("help: `near` and `not_near` need `words: N`"),
        "{words}"
    );
    // A tag is neither good nor bad language.
    let tag =
        rule_error("rules:\n  - id: t/n\n    kind: tag\n    auto_fail: true\n    phrases: [x]\n");
    assert!(
        tag.contains("`auto_fail` on a tag rule: a tag never fails a conversation")
            && tag.contains("help: use `kind: forbid` to fail a conversation")
            && !tag.contains("good language"),
        "{tag}"
    );
    let both = rule_error(
        "rules:\n  - id: t/n\n    phrases: [sorry]\n    after: {phrases: [x], within_turns: 2, within_seconds: 5}\n",
    );
    assert!(
        both.contains("r.yaml:4:44: `after` has both `within_turns` and `within_seconds`: it takes exactly one of them, not both"),
        "{both}"
    );
}

#[test]
fn a_rule_without_examples_is_named_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/noex\n    phrases: [x]\n",
    );
    let (code, out, err) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert_eq!(code, 0, "{err}");
    let expected = format!("{}:2:9: t/noex: no examples\n", rules.display());
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn a_match_placeholder_in_a_rule_with_no_match_is_an_error() {
    let cases = [
        (
            "kind: require\n    phrases: [my name is]\n    message: \"Say {match}\"",
            "a require rule reports language that is missing",
        ),
        (
            "kind: require\n    phrases: [sorry]\n    after: {phrases: [ridiculous], within_turns: 2}\n    message: \"No {match} after {trigger}\"",
            "help: remove `{match}`: `{trigger}` quotes the trigger",
        ),
        (
            "speaker: any\n    timing: {silence_seconds: 10}\n    message: \"Silence: {match}\"",
            "a timing or sentiment rule reports a measure or a turn, not words",
        ),
        (
            "when: {all: [{timing: {silence_seconds: 5}}, {not: {phrases: [sorry]}}]}\n    message: \"Quiet: {match}\"",
            "no condition of this `when` searches for words outside a `not`",
        ),
    ];
    for (keys, expected) in cases {
        let err = rule_error(&format!("rules:\n  - id: t/m\n    {keys}\n"));
        assert!(
            err.contains("`{match}` in the message of a rule with no match")
                && err.contains(expected),
            "{keys}: {err}"
        );
    }
    // A `when` that quotes words however it holds may say `{match}`.
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: t/w\n    when: {all: [{timing: {silence_seconds: 5}}, {phrases: [sorry]}]}\n    message: \"{match}\"\n";
    let rules = write(dir.path(), "r.yaml", rules);
    let (code, _, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&rules));
    assert_eq!(code, 0, "{err}");
}

/// A phrase that is only `$` (or `*` and `$`) is an error that names both: it said "only `*`"
/// of a phrase with no `*` in it.
#[test]
fn a_phrase_of_only_a_sentence_end_is_an_error_that_says_so() {
    for phrase in ["$", "* $", "*"] {
        let err = rule_error(&format!(
            "rules:\n  - id: t/x\n    phrases: [\"{phrase}\"]\n"
        ));
        assert!(
            err.contains(
                "r.yaml:3:16: phrase \"",
            ) && err.contains("a variant of this phrase has no word, only `*` or `$`, so it would match at every word or sentence end"),
            "{phrase}: {err}"
        );
    }
}

/// A `$` inside a phrase says a price's `$` is no word; `**` is an error at the first `*`,
/// not a stem and then any word.
#[test]
fn a_price_sign_and_two_stars_in_a_phrase_are_errors_that_say_what_to_write() {
    let price = rule_error("rules:\n  - id: t/x\n    phrases: [\"costs $50\"]\n");
    assert!(
        price.contains("`costs 50` matches \"costs $50\""),
        "{price}"
    );
    let stem = rule_error("rules:\n  - id: t/x\n    phrases: [\"refund**\"]\n");
    assert!(
        stem.contains("r.yaml:3:22: phrase \"refund**\": `**`: a `*` right after a `*`; write `refund*` for the words that begin with \"refund\""),
        "{stem}"
    );
    let two = rule_error("rules:\n  - id: t/x\n    phrases: [\"a ** b\"]\n");
    assert!(
        two.contains("r.yaml:3:18:") && two.contains("write `* *` for any two words"),
        "{two}"
    );
}

/// An example that holds `\n` as two characters (YAML single quotes keep a backslash) was one
/// turn, and its test passed on what it does not say: `test` warns of it at the example.
#[test]
fn an_example_with_an_escaped_line_break_in_single_quotes_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: x/calm\n    phrases: [\"calm down\"]\n    examples:\n      \
         hit: [\"Agent: calm down\", \"Customer: C:\\\\new\\nAgent: calm down\"]\n      \
         clean: ['Customer: ridiculous\\nAgent: calm down']\n",
    );
    let (code, _, err) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert_eq!(code, 0, "{err}");
    let warned: Vec<&str> = err.lines().collect();
    // The double-quoted one is two turns, and its `C:\\new` holds a backslash as written:
    // neither is warned of.
    assert_eq!(warned.len(), 1, "{err}");
    assert!(
        warned[0].ends_with(
            "r.yaml:6:16: x/calm: clean example 1 holds `\\n` as two characters, not a line \
             break (YAML keeps a backslash as it is in single quotes and unquoted text): write \
             the example in double quotes, or as a block (`|`) of one line a turn"
        ),
        "{err}"
    );
}

/// Two quoting slips a new rule author made, each named at the quote with the fix: a quote left
/// open in a list (`"relax]`) was named at the list's `[`, with the help to close it with the `]`
/// it has; a quote inside a double-quoted message gave "did not find expected key".
#[test]
fn quoting_slips_are_named_at_the_quote() {
    let open =
        "rules:\n  - id: x/y\n    phrases: [\"calm down\", \"relax]\n    message: \"Said it\"\n";
    let err = rule_error(open);
    assert!(
        err.contains("r.yaml:3:28: this `\"` string is not closed on its line"),
        "{err}"
    );
    assert!(
        err.contains("help: end the string with `\"` where it ends"),
        "{err}"
    );
    let inner =
        "rules:\n  - id: x/y\n    phrases: [hi]\n    message: \"He said \"calm down\" to me\"\n";
    let err = rule_error(inner);
    assert!(
        err.contains("r.yaml:4:24: the `\"` just before ends the string it closes"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: a `\"` inside a string is written `\\\"`, or quote the string with `'`"
        ),
        "{err}"
    );
}

/// A placeholder error stands at the placeholder in the message's own value: not at one a
/// comment or description before it writes, nor in the next rule when `message:` comes first.
#[test]
fn a_placeholder_error_stands_in_its_own_message() {
    let before_id = "rules:\n  - message: \"Said {trigger}\"\n    id: t/one\n    phrases: [hi]\n  \
                     - id: t/two\n    kind: require\n    phrases: [sorry]\n    \
                     after: {phrases: [angry], within_turns: 1}\n    message: \"Said {trigger}\"\n";
    let err = rule_error(before_id);
    assert!(
        err.contains("r.yaml:2:20: `{trigger}` in the message of a rule without `after`"),
        "{err}"
    );
    let described = "rules:\n  - id: t/one\n    # flags {trigger}\n    phrases: [hi]\n    \
                     message: \"Said {trigger}\"\n";
    let err = rule_error(described);
    assert!(err.contains("r.yaml:5:20: `{trigger}`"), "{err}");
}
