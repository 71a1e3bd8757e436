//! Rule keys that could never change what a rule finds are rule errors at their key, with a fix:
//! an empty `unless` list, and a talk share that never holds or always does.

use crate::support::rule_error;

#[test]
fn an_empty_unless_list_is_an_error_at_its_key() {
    // `unless: []` loaded as no `unless` at all, while `phrases: []` and `speaker: []` were errors.
    for (rule, place) in [
        (
            "  - id: test/calm\n    phrases: [calm down]\n    unless: []\n",
            "4:5",
        ),
        (
            "  - id: test/calm\n    when:\n      all:\n        - phrases: [please]\n          unless: []\n",
            "6:11",
        ),
    ] {
        let err = rule_error(&format!("rules:\n{rule}"));
        assert!(
            err.contains(&format!(
                "r.yaml:{place}: `unless: []` lists no phrase, so it never drops a hit"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_talk_share_that_never_varies_is_an_error_at_its_value() {
    for (keys, message) in [
        (
            "speaker: any\n    timing: {talk_share_above: 0.7}",
            "`talk_share_above` of `speaker: any` measures every speaker's talk, whose share is always 1",
        ),
        (
            "speaker: agent\n    timing: {talk_share_below: 0}",
            "`talk_share_below: 0` never holds: no share is below 0",
        ),
        (
            "speaker: customer\n    timing: {talk_share_above: 1}",
            "`talk_share_above: 1` never holds: no share is above 1",
        ),
    ] {
        let err = rule_error(&format!(
            "rules:\n  - id: test/share\n    kind: tag\n    {keys}\n"
        ));
        assert!(err.contains(&format!("r.yaml:5:32: {message}")), "{err}");
    }
}
