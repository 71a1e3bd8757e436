//! Rules that read as one thing and did another, silently: a regex whose `\b` cannot see a
//! letter beyond ASCII, a `*` inside a word, a regex escape in a phrase, a control character
//! YAML double quotes put in a regex, a misspelt message placeholder, a count that can never
//! hold, a count from 0 quoting a match, an empty speaker list, a talk share in percent. Each
//! now matches as written or is an error at its place.

use crate::support::{run, talklint, write};
use serde_json::Value;

/// The matches `rule` (a YAML rule list item, test/... id) finds in `call`, as (line, column,
/// text), or the errors when it does not load.
pub(crate) fn matches(rule: &str, call: &str) -> Result<Vec<(u64, u64, String)>, String> {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", &format!("rules:\n{rule}"));
    let call = write(dir.path(), "call.txt", call);
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--exit-zero", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&call));
    if code != 0 {
        return Err(err);
    }
    let report: Value = serde_json::from_str(&out).map_err(|e| format!("{e}: {err}"))?;
    let findings = report["conversations"][0]["findings"].as_array().cloned();
    Ok((findings.unwrap_or_default().iter())
        .map(|f| {
            let n = |k: &str| f[k].as_u64().unwrap_or(0);
            let text = f["match"].as_str().unwrap_or_default().to_string();
            (n("line"), n("column"), text)
        })
        .collect())
}

#[test]
fn a_regex_word_boundary_sees_letters_beyond_ascii() {
    let rule = "  - id: test/cafe\n    speaker: any\n    max_hits: 9\n    regex: ['\\bcafé\\b']\n";
    let found = matches(
        rule,
        "Agent: the café is open\nCustomer: CAFÉ? Two cafés?\n",
    );
    assert_eq!(
        found,
        Ok(vec![(1, 12, "café".into()), (2, 11, "CAFÉ".into())])
    );
}

#[test]
fn regex_escapes_in_a_phrase_are_errors_at_the_backslash() {
    // `\bcalm down\b` read as the words `bcalm downb`, and never matched.
    let rule = "  - id: test/calm\n    phrases: ['\\bcalm down\\b']\n";
    let err = matches(rule, "Agent: please calm down\n").unwrap_err();
    assert!(
        err.contains("r.yaml:3:16: phrase \"\\bcalm down\\b\": `\\b` is regex syntax"),
        "{err}"
    );
    assert!(err.contains("leave the `\\b` out"), "{err}");
    let rule = "  - id: test/calm\n    phrases: ['not\\s+my job']\n";
    let err = matches(rule, "Agent: not my job\n").unwrap_err();
    assert!(
        err.contains("r.yaml:3:19:") && err.contains("write a space"),
        "{err}"
    );
}

/// A question ending in an optional word (`¿algo [más]?`) loads, its `?` a question's mark, as
/// the bracket is optional anyway: it was refused as regex syntax, with the advice to write the
/// brackets it had. A group before `?` is still refused, and told how to write a question.
#[test]
fn a_question_mark_after_optional_words_is_the_questions() {
    let rule = "  - id: test/more\n    phrases: [\"¿le puedo ayudar en algo [más]?\"]\n";
    let found = matches(
        rule,
        "Agent: ¿Le puedo ayudar en algo?\nAgent: ¿algo más?\n",
    );
    assert_eq!(found.map(|f| f.len()), Ok(1));
    // A regex quantifier after it is still regex.
    for phrase in ["algo [más]??", "algo [más]?+"] {
        let rule = format!("  - id: test/more\n    phrases: [\"{phrase}\"]\n");
        let err = matches(&rule, "Agent: algo\n").unwrap_err();
        assert!(err.contains("`]?` is regex syntax"), "{phrase}: {err}");
    }
    let rule = "  - id: test/yes\n    phrases: [\"¿(sí|no)?\"]\n";
    let err = matches(rule, "Agent: ¿sí?\n").unwrap_err();
    assert!(err.contains("`)?` is regex syntax"), "{err}");
    assert!(err.contains("written after a space: `(a|b) ?`"), "{err}");
}

/// Regex written as a phrase loaded and matched other words: `utili[sz]e` read as `utili`, an
/// optional `sz` and `e`; `colou?r` as `colou r`; `dis.+` as `dis`. Each is an error at its
/// character, with the whole words to write where the phrase spells them.
#[test]
fn regex_written_as_a_phrase_is_an_error_with_the_words_to_write() {
    for (phrase, at, says) in [
        (
            "utili[sz]e",
            21,
            "write the whole words as alternatives, `(utilise|utilize)`",
        ),
        ("analy(s|z)e", 21, "alternatives, `(analyse|analyze)`"),
        ("favou?rite", 21, "alternatives, `(favourite|favorite)`"),
        ("colou?r", 21, "`?` inside a word is regex syntax"),
        ("e.?mail", 17, "`.?` is regex syntax"),
        ("dis.+", 19, "`.+` is regex syntax"),
        ("(?i)hello", 16, "`(?` is regex syntax"),
    ] {
        let rule = format!("  - id: test/rx\n    phrases: ['{phrase}']\n");
        let err = matches(&rule, "Agent: utilize the colour\n").unwrap_err();
        assert!(
            err.contains(&format!("r.yaml:3:{at}: phrase \"{phrase}\"")) && err.contains(says),
            "{phrase}: {err}"
        );
    }
    // Punctuation that is no regex still loads: a question, a hyphen, an abbreviation, an
    // ellipsis, optional punctuation or words beside a word, a web address's query.
    let rule = "  - id: test/ok\n    phrases: ['can I help you?', 'e-mail', 'U.S. office', \
                'is that all...?', 'etc.?', 'thank you[ very much]', '[please ]hold', \
                'can I help you[?]', 'sir[,] please', 'see example.com/help?lang=en', '[please]help']\n";
    assert_eq!(
        matches(rule, "Agent: send an e-mail\n").map(|f| f.len()),
        Ok(1)
    );
}

#[test]
fn a_star_inside_a_word_is_an_error_at_the_star() {
    let rule = "  - id: test/email\n    phrases: [\"send an e*mail\"]\n";
    let err = matches(rule, "Agent: send an e-mail\n").unwrap_err();
    assert!(
        err.contains("r.yaml:3:25: phrase \"send an e*mail\": a `*` inside a word"),
        "{err}"
    );
    assert!(
        err.contains("write the spellings as alternatives, `(email|e-mail)`, or end the stem at the `*`: `e*`"),
        "{err}"
    );
    // A stem that ends its word, and a `*` for a whole word, still load.
    let rule = "  - id: test/email\n    speaker: any\n    max_hits: 9\n    phrases: [\"send an e*\", \"an * mail\"]\n";
    let found = matches(rule, "Agent: send an email\nCustomer: an e mail\n");
    assert_eq!(
        found,
        Ok(vec![
            (1, 8, "send an email".into()),
            (2, 11, "an e mail".into())
        ])
    );
}

/// A `*` glued to a group or a lexicon slot read as a word of its own: `(refund|return)* now`
/// matched "refund it now" and not "refunds now". A space before it still reads so.
#[test]
fn a_star_glued_to_a_group_is_an_error_at_the_star() {
    let rule = "  - id: test/refund\n    phrases: [\"(refund|return)* now\"]\n";
    let err = matches(rule, "Agent: refunds now\n").unwrap_err();
    assert!(
        err.contains("r.yaml:3:31: phrase \"(refund|return)* now\": a `*` right after a group"),
        "{err}"
    );
    assert!(err.contains("`(refund*|return*)`"), "{err}");
    let rule = "  - id: test/refund\n    phrases: [\"(refund*|return*) now\", \"(refund|return) * now\"]\n";
    let found = matches(rule, "Agent: refunds now\n");
    assert_eq!(found, Ok(vec![(1, 8, "refunds now".into())]));
}

/// YAML double quotes make `\b` a backspace: the error points at that escape, in a flow list or
/// a block one, and shows only the control character escaped, not the `\\b` written right.
#[test]
fn a_control_character_in_a_regex_is_an_error_at_its_escape() {
    let flow = "  - id: test/foo\n    regex: [\"\\\\bfoo\\b\"]\n";
    let block = "  - id: test/foo\n    regex:\n      - 'x'\n      - \"\\\\bfoo\\b\"\n";
    for (rule, place) in [(flow, "r.yaml:3:20"), (block, "r.yaml:5:16")] {
        let err = matches(rule, "Agent: foo\n").unwrap_err();
        assert!(
            err.contains(&format!("{place}: regex `\\bfoo\\u{{8}}` holds the control character U+0008: in YAML double quotes `\\b` is a backspace")),
            "{err}"
        );
        assert!(
            err.contains(
                "help: write the regex in single quotes, where a backslash is itself: '\\bfoo\\b'"
            ),
            "{err}"
        );
    }
}

/// A message's misspelt placeholder, or a `{trigger}` with no trigger, would be printed as
/// written (or empty) in every finding, and an empty message leaves a finding its id alone: all
/// are rule errors at the message.
#[test]
fn unknown_message_placeholders_are_rule_errors() {
    let rule = |message: &str| {
        format!("rules:\n  - id: x/y\n    phrases: [\"calm down\"]\n    message: \"{message}\"\n")
    };
    let err = crate::support::rule_error(&rule("Said {mtch}"));
    assert!(
        err.contains(
            "r.yaml:4:20: unknown placeholder `{mtch}` in the message (did you mean `{match}`?)"
        ),
        "{err}"
    );
    let err = crate::support::rule_error(&rule("Said {trigger}"));
    assert!(
        err.contains("r.yaml:4:20: `{trigger}` in the message of a rule without `after`"),
        "{err}"
    );
    // A forbid or reward rule's finding is at its own match: it has no trigger to quote.
    for kind in ["forbid", "reward"] {
        let after = format!(
            "kind: {kind}\n    after: {{phrases: [hi], within_turns: 2}}\n    message: \"Said {{trigger}}\""
        );
        let err = crate::support::rule_error(&rule("x").replace("message: \"x\"", &after));
        assert!(
            err.contains("r.yaml:6:20: `{trigger}` in the message of a rule that is no `require`"),
            "{kind}: {err}"
        );
    }
    // A suggestion's placeholder was printed as written.
    let suggestion = rule("x").replace(
        "message: \"x\"",
        "suggestion: \"Never say {speaker}'s {match}\"",
    );
    let err = crate::support::rule_error(&suggestion);
    assert!(
        err.contains("r.yaml:4:5: `{speaker}` in the suggestion, which is printed as written"),
        "{err}"
    );
    // An empty message printed each finding as its bare id.
    for empty in ["", "  ", "\\u200B"] {
        let err = crate::support::rule_error(&rule(empty));
        assert!(err.contains("r.yaml:4:5: the message is empty"), "{err}");
    }
    // A brace that holds no name is text.
    let dir = tempfile::tempdir().unwrap();
    let file = crate::support::write(dir.path(), "r.yaml", &rule("{ {speaker} said {match} }"));
    let v = crate::support::pack_report(
        Some(&file),
        std::path::Path::new("fixtures/calls/deflection.txt"),
    );
    assert_eq!(v["summary"]["conversations"], 1);
}

/// `count: {max: 0}` leaves `min` at its default of 1: the error says so, at the value of `max`,
/// and how to say "none at all", instead of asking for the `max` that was given.
#[test]
fn a_count_that_can_never_hold_says_why_at_its_max() {
    let rule = |count: &str| format!("rules:\n  - id: x/y\n    phrases: [sorry]\n    {count}\n");
    let err = crate::support::rule_error(&rule("count: {max: 0}"));
    assert!(
        err.contains(
            "r.yaml:4:18: `count: {max: 0}` never holds: `min` defaults to 1, above `max`"
        ),
        "{err}"
    );
    assert!(err.contains("`count: {min: 0, max: 0}`"), "{err}");
    let err = crate::support::rule_error(&rule("count: {min: 3, max: 2}"));
    assert!(
        err.contains("r.yaml:4:26: `count` has `min: 3` above `max: 2`: it never holds"),
        "{err}"
    );
    let err = crate::support::rule_error(&rule("count: {}"));
    assert!(
        err.contains("r.yaml:4:5: a count needs `min`, `max` or both"),
        "{err}"
    );
}

#[test]
fn an_empty_speaker_list_is_an_error_at_its_key() {
    // `speaker: []` loaded as no speaker at all, and its rule never fired.
    for (rule, place) in [
        (
            "  - id: test/calm\n    speaker: []\n    phrases: [calm down]\n",
            "3:5",
        ),
        (
            "  - id: test/calm\n    when:\n      all:\n        - phrases: [please]\n          speaker: []\n",
            "6:11",
        ),
        (
            "  - id: test/calm\n    phrases: [sure]\n    after:\n      speaker: []\n      phrases: [refund]\n      within_turns: 2\n",
            "5:7",
        ),
    ] {
        let err = crate::support::rule_error(&format!("rules:\n{rule}"));
        assert!(
            err.contains(&format!("r.yaml:{place}: `speaker: []` names no speaker")),
            "{err}"
        );
    }
}

#[test]
fn a_count_from_zero_says_what_it_counted_and_refuses_a_match_quote() {
    // Its default message quoted a match it never had: `Avoid “”`.
    let rule = "  - id: test/no-name\n    phrases: [\"my name is\"]\n    count: {min: 0, max: 0}\n";
    let found = matches(rule, "Agent: Hello, how can I help?\n").unwrap();
    assert_eq!(found, [(1, 8, String::new())]);
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", &format!("rules:\n{rule}"));
    let call = write(dir.path(), "call.txt", "Agent: Hello, how can I help?\n");
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "--exit-zero", "-r"])
        .arg(&rules)
        .arg(&call));
    assert!(
        out.contains("warning[test/no-name]: No match of its phrases (test/no-name)"),
        "{out}"
    );
    let err =
        crate::support::rule_error(&format!("rules:\n{rule}    message: \"Said: {{match}}\"\n"));
    assert!(
        err.contains(
            "r.yaml:5:21: `{match}` in the message of a rule with no match: a count from `min: 0`"
        ),
        "{err}"
    );
    // In a `when` too: a condition counting from 0 is its only search for words.
    let when = "  - id: t/m\n    message: \"Missing: {match}\"\n    when: {all: [{phrases: [\"thank you\"], count: {min: 0, max: 0}}, {not: {phrases: [bye]}}]}\n";
    let err = crate::support::rule_error(&format!("rules:\n{when}"));
    assert!(
        err.contains("r.yaml:3:24: `{match}` in the message of a rule with no match: this `when` can hold with no match to quote"),
        "{err}"
    );
    // An `any` holds through any one of its conditions: one that searches for no words left
    // `{match}` empty (`said `).
    for other in ["{not: {phrases: [yo]}}", "{timing: {silence_seconds: 5}}"] {
        let when = format!(
            "  - id: t/m\n    message: \"said {{match}}\"\n    when: {{any: [{{phrases: [hi]}}, {other}]}}\n"
        );
        let err = crate::support::rule_error(&format!("rules:\n{when}"));
        assert!(err.contains("r.yaml:3:20: `{match}` in the message of a rule with no match: this `when` can hold with no match to quote (through an `any`"), "{err}");
    }
    // Each condition of an `any` quoting words, or one of an `all`, is a match to quote.
    for when in [
        "{any: [{phrases: [hi]}, {regex: ['yo+']}]}",
        "{all: [{phrases: [hi]}, {not: {phrases: [yo]}}]}",
    ] {
        let pack =
            format!("rules:\n  - id: t/m\n    message: \"said {{match}}\"\n    when: {when}\n");
        let dir = tempfile::tempdir().unwrap();
        let rules = write(dir.path(), "r.yaml", &pack);
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config", "-r"])
            .arg(&rules)
            .arg("fixtures/calls/courteous.txt"));
        assert!(code < 2, "{when}: {out}{err}");
    }
}

#[test]
fn a_timing_value_out_of_range_is_named_at_its_value() {
    // AWS writes talk share in percent; all of these had one message at `timing:`. A value out
    // of range is placed at the value, as serde places one of the wrong type; a measure missing
    // or doubled at `timing`.
    for (timing, place, message, hint) in [
        (
            "talk_share_above: 70",
            "4:32",
            "`talk_share_above: 70` is not a share of talk time from 0 to 1",
            "write `talk_share_above: 0.7` for 70%",
        ),
        (
            "silence_seconds: -1",
            "4:31",
            "`silence_seconds: -1` is not a number of seconds of 0 or more",
            "a number such as `30`",
        ),
        ("{}", "4:5", "`timing` has no measure", "write one of"),
        (
            "{silence_seconds: 5, talk_share_above: 0.5}",
            "4:5",
            "`timing` has 2 measures",
            "two conditions of a `when",
        ),
    ] {
        let timing = match timing.starts_with('{') {
            true => timing.to_string(),
            false => format!("{{{timing}}}"),
        };
        let body = format!("rules:\n  - id: test/talk\n    speaker: agent\n    timing: {timing}\n");
        let err = crate::support::rule_error(&body);
        assert!(err.contains(&format!("r.yaml:{place}: {message}")), "{err}");
        assert!(err.contains(hint), "{err}");
    }
}

#[test]
fn an_accented_rule_id_is_told_to_use_ascii() {
    // "lowercase words" read as wrong for `empatía/disculpa`, which is lowercase.
    let err =
        crate::support::rule_error("rules:\n  - id: empatía/disculpa\n    phrases: [lo siento]\n");
    assert!(
        err.contains("rule id `empatía/disculpa` is not `<category>/<name>` in kebab-case")
            && err.contains("words of lowercase ASCII letters and digits"),
        "{err}"
    );
}
