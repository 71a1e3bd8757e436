//! Rule values that read as something else, silently: a key whose value is commented out (read
//! as the key left out), a window shorter than the millisecond times are read to, and regex
//! anchors `\A` and `\z` that held at the conversation's ends. Each is now an error at its
//! place or means what it says.

use crate::rule_pitfalls::matches;

/// A key written with no value (its lines commented out, or `null`) read as the key left out:
/// an `after:` so emptied ran its `require` on the whole call, with no word. It is an error at
/// the key, in a rule, a `when` condition and a window alike (a config's key may be empty, as
/// no value: `min_score:` lifts a parent config's bar).
#[test]
fn a_key_without_a_value_is_an_error_at_the_key() {
    let call = "Agent: hello\n";
    for (rule, at) in [
        (
            "  - id: test/answer\n    kind: require\n    phrases: [sorry]\n    after:\n      # speaker: customer\n",
            "r.yaml:5:5: rules[0]: `after` has no value",
        ),
        (
            "  - {id: test/near, phrases: [sorry], near: }\n",
            "r.yaml:2:39: rules[0]: `near` has no value",
        ),
        (
            "  - id: test/when\n    when: {all: [{speaker: agent, phrases: [x], window: ~}]}\n",
            "r.yaml:3:49: rules[0].when.all[0]: `window` has no value",
        ),
        (
            "  - id: test/window\n    phrases: [x]\n    window:\n      first_turns:\n",
            "r.yaml:5:7: rules[0].window: `first_turns` has no value",
        ),
        // A list too, which was read as an empty one.
        (
            "  - id: test/list\n    phrases:\n      # - calm down\n    regex: [x]\n",
            "r.yaml:3:5: rules[0]: `phrases` has no value",
        ),
        (
            "  - id: test/regex\n    phrases: [x]\n    regex:\n",
            "r.yaml:4:5: rules[0]: `regex` has no value",
        ),
    ] {
        let err = matches(rule, call).unwrap_err();
        assert!(err.contains(at), "{err}");
        assert!(
            err.contains("help: write its value, or remove the key"),
            "{err}"
        );
    }
}

/// `\A` and `\z` anchor at a turn's start and end, as a regex runs "on the turn's original
/// text" (SPEC §2): they anchored at the first turn's start and the last one's end, the turns
/// being searched joined.
#[test]
fn a_regex_anchors_at_its_turns_start_and_end() {
    let rule =
        "  - id: test/ends\n    speaker: any\n    max_hits: 9\n    regex: ['\\AHello', 'bye\\z']\n";
    let call = "Agent: Hello there, bye\nCustomer: Hello\nAgent: Hi bye\nCustomer: bye now\n";
    let found: Vec<(u64, u64)> = (matches(rule, call).unwrap().into_iter())
        .map(|(line, column, _)| (line, column))
        .collect();
    assert_eq!(found, [(1, 8), (1, 21), (2, 11), (3, 11)]);
    // So with more regexes than the set's prefilter lets through on their own searches.
    let others: String = (0..9)
        .map(|k| format!("  - id: test/other-{k}\n    regex: ['zzq{k}']\n"))
        .collect();
    let found = matches(&format!("{rule}{others}"), call).unwrap();
    assert_eq!(found.len(), 4, "{found:?}");
}

/// A window of seconds shorter than a millisecond, the finest time read, held no turn: a
/// `require` of it was missing on every call, and its hit examples failed.
#[test]
fn a_window_under_a_millisecond_is_an_error_at_its_value() {
    for (window, message) in [
        (
            "first_seconds: 0.0001",
            "`first_seconds: 0.0001` is not a number of seconds of 0.001 or more",
        ),
        (
            "between_seconds: [1.0001, 1.0002]",
            "`between_seconds: [1.0001, 1.0002]` spans less than a millisecond",
        ),
    ] {
        let body = format!(
            "rules:\n  - id: test/hi\n    kind: require\n    phrases: [hello]\n    window: {{{window}}}\n"
        );
        let err = crate::support::rule_error(&body);
        assert!(err.contains(message), "{err}");
    }
}
