//! Syntax errors named where the mistake is, not where the parser noticed it: a trailing comma
//! in a cloud rule file at the comma (serde_json stops at the bracket after it, and counts its
//! columns in bytes), and a `[`, `{` or quote never closed in a YAML rule file where it opens
//! (the parser stops at the next key, or at the end of the file).

use crate::support::{rule_error, run, talklint};

#[test]
fn a_trailing_comma_in_cloud_json_is_named_at_the_comma() {
    for (file, place, closing) in [
        ("trailing-comma.json", "4:48", ']'),
        // The column counts the `é` before the comma as one character.
        ("trailing-comma-object.json", "4:87", '}'),
    ] {
        let path = format!("fixtures/rules/cloud/broken/{file}");
        for cmd in [
            vec!["import", "--no-config", &path],
            vec!["check", "--no-config", "-r", &path, "fixtures/cloud-calls"],
        ] {
            let (code, out, err) = run(talklint().args(&cmd));
            assert_eq!((code, out.as_str()), (2, ""), "{err}");
            let want = format!(
                "error: {path}:{place}: invalid JSON: a comma before `{closing}` with nothing after it\n  help: remove this comma: JSON allows no comma after the last item of a list or an object\n"
            );
            assert!(err.contains(&want), "{err}");
        }
    }
}

#[test]
fn an_unclosed_bracket_in_a_rule_file_is_named_where_it_opens() {
    let list = "rules:\n  - id: a/b\n    phrases: [calm down, relax\n    severity: error\n";
    let err = rule_error(list);
    assert!(
        err.contains("r.yaml:3:14: this `[` is never closed (the parser: did not find expected ',' or ']' at line 4, column 13)"),
        "{err}"
    );
    assert!(
        err.contains("help: a `[…]` list opened above is not closed: end it with `]`"),
        "{err}"
    );
    let mapping = "rules:\n  - id: a/b\n    window: {first_turns: 3\n    phrases: [x]\n";
    let err = rule_error(mapping);
    assert!(
        err.contains("r.yaml:3:13: this `{` is never closed"),
        "{err}"
    );
    assert!(
        err.contains("help: a `{…}` mapping opened above is not closed"),
        "{err}"
    );
    // A list that is closed, with a comma missing, is named where the comma is missing, and its
    // help does not say it is open.
    let err = rule_error("rules:\n  - id: a/b\n    phrases: [\"a\" \"b\"]\n");
    assert!(
        err.contains("r.yaml:3:19: did not find expected ',' or ']'"),
        "{err}"
    );
    assert!(
        err.contains("help: separate the list's items with `,` (`[a, b]`)"),
        "{err}"
    );
}

#[test]
fn an_unclosed_quote_in_a_rule_file_is_named_where_it_opens() {
    let body = "rules:\n  - id: a/b\n    message: \"Désolé, calm down\n    phrases: [x]\n";
    let err = rule_error(body);
    assert!(
        err.contains("r.yaml:3:14: this `\"` string is never closed: the file ends inside it"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: end the string with `\"` where it ends; a `\"` inside it is written `\\\"`"
        ),
        "{err}"
    );
}
