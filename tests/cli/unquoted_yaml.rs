//! Rule-file mistakes of people writing their pack in another language: a value YAML reads as a
//! mapping (a message opening with `{match}`, a list item with a `: `) is named with the fix,
//! quoting it, and a role word of their language (`cliente`, `Berater`) is offered its role.

use crate::mistakes::check_with;

const RULE: &str = "rules:\n  - id: es/a\n";

/// The error line of `talklint check -r r.yaml` with `rule` and its help line.
fn error_of(rule: &str) -> (String, String) {
    let (code, err) = check_with(&[("r.yaml", rule)], &["--no-config", "-r", "r.yaml"]);
    assert_eq!(code, 2, "{err}");
    let mut lines = err.lines();
    let error = lines.next().unwrap_or_default().to_string();
    (error, lines.next().unwrap_or_default().trim().to_string())
}

#[test]
fn a_value_read_as_a_mapping_is_named_with_the_quotes_to_write() {
    for (rule, error, help) in [
        (
            format!("{RULE}    phrases: [calma]\n    message: {{match}} no se dice\n"),
            "error: r.yaml:4:22: `{match} no se dice` is read as a YAML mapping",
            "help: quote the value: `message: \"{match} no se dice\"`",
        ),
        // After a list, where the parser blamed the indentation.
        (
            format!("{RULE}    phrases:\n      - calma\n    message: {{match}} no se dice\n"),
            "error: r.yaml:5:22: `{match} no se dice` is read as a YAML mapping",
            "help: quote the value: `message: \"{match} no se dice\"`",
        ),
        (
            format!("{RULE}    phrases: [calma]\n    message: {{match}}\n"),
            "error: r.yaml:4:14: rules[0].message: `{match}` is read as a YAML mapping",
            "help: quote the value: `message: \"{match}\"`",
        ),
        (
            format!("{RULE}    phrases: [Agente: cálmese]\n"),
            "error: r.yaml:3:15: rules[0].phrases[0]: `Agente: cálmese` is read as a YAML \
             mapping, for the `: ` in it",
            "help: quote the item: `\"Agente: cálmese\"`",
        ),
    ] {
        let (got, got_help) = error_of(&rule);
        assert!(got.starts_with(error), "{rule}\n{got}");
        assert_eq!(got_help, help, "{rule}");
    }
    // A mapping meant as one, with a comma missing, is still named as such.
    let (got, help) = error_of(&format!(
        "{RULE}    phrases: [calma]\n    near: {{phrases: [x] words: 8}}\n"
    ));
    assert!(got.contains("did not find expected ',' or '}'"), "{got}");
    assert!(
        help.contains("separate the mapping's entries with `,`"),
        "{help}"
    );
}

#[test]
fn a_role_word_of_another_language_is_offered_its_role() {
    for (word, role) in [
        ("cliente", "customer"),
        ("Berater", "agent"),
        ("Kundin", "customer"),
    ] {
        let (got, _) = error_of(&format!(
            "{RULE}    phrases: [calma]\n    speaker: {word}\n"
        ));
        let want = format!("unknown variant `{word}`, did you mean `{role}`?");
        assert!(got.contains(&want), "{got}");
        // The values the place allows stay listed.
        assert!(
            got.ends_with("(expected one of `agent`, `customer`, `bot`, `any`)"),
            "{got}"
        );
    }
}
