//! A value of the wrong shape says what to write: a count below 0 or with a decimal point, and a
//! range of one number. Their help was "write the kind of value the message expects here" and
//! "check the YAML syntax at this place", for YAML that is valid.

use crate::support::rule_error;

#[test]
fn a_number_or_list_of_the_wrong_shape_says_what_to_write() {
    let whole = "help: write a whole number, with no decimal point";
    for (keys, place, help) in [
        ("max_hits: -1", "5:15", whole),
        ("near: {phrases: [sir], words: -2}", "5:35", whole),
        ("window: {first_turns: 1.5}", "5:27", whole),
        (
            "window: {between_percent: [20]}",
            "5:31",
            "help: write a list of as many items as the message says",
        ),
    ] {
        let err = rule_error(&format!(
            "rules:\n  - id: a/b\n    kind: forbid\n    phrases: [x]\n    {keys}\n"
        ));
        assert!(err.contains(&format!("r.yaml:{place}: ")), "{keys}: {err}");
        assert!(err.contains(help), "{keys}: {err}");
    }
}
