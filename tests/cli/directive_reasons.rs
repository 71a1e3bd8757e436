//! A directive's reason, and directives misspelt in an HTML comment: a reason after `--` names
//! no rule (its words were read as rule names, and one that was a category widened the ignore),
//! and `<!-- Talklint: … -->` or `<!-- talklint-disable … -->` is said, as `# Talklint: …` is.

use crate::directive_reading::{conversation, warnings};

/// The forbid findings (rule, suppressed) and warnings of `text` in a file `name`, default pack.
fn read(name: &str, text: &str) -> (Vec<(String, bool)>, Vec<String>) {
    let (c, _) = conversation(name, text);
    let findings = (c["findings"].as_array().unwrap().iter())
        .filter(|f| f["kind"] == "forbid")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["suppressed"] == true,
            )
        })
        .collect();
    (findings, warnings(&c))
}

#[test]
fn a_reason_after_two_dashes_names_no_rule() {
    // "empathy" in the reason was read as the category: `empathy/as-i-told-you` was ignored too.
    let text = "Agent: I already told you, please calm down. \
                <!-- talklint: ignore respect/calm-down -- empathy shown in turn 2 -->\n";
    let (findings, warnings) = read("r.txt", text);
    assert_eq!(
        findings,
        [
            ("empathy/as-i-told-you".to_string(), false),
            ("respect/calm-down".to_string(), true)
        ]
    );
    assert_eq!(
        warnings,
        Vec::<String>::new(),
        "no reason word is an unknown rule"
    );
    let text = "# talklint: ignore -- a quoted complaint\nAgent: calm down\n";
    let (findings, _) = read("s.md", text);
    assert_eq!(findings, [("respect/calm-down".to_string(), true)]);
    // Any run of dashes, or a dash of typography, as ESLint reads them.
    for dash in ["---", "—", "–"] {
        let text = format!(
            "Agent: calm down <!-- talklint: ignore respect/calm-down {dash} quoting -->\n"
        );
        let (findings, warnings) = read("t.txt", &text);
        assert_eq!(
            findings,
            [("respect/calm-down".to_string(), true)],
            "{dash}"
        );
        assert_eq!(warnings, Vec::<String>::new(), "{dash}");
    }
}

#[test]
fn a_misspelt_directive_in_an_html_comment_is_said() {
    for (comment, at) in [
        ("<!-- Talklint: ignore respect -->", 6),
        ("<!-- talklint ignore respect -->", 6),
        ("<!-- talklint-disable respect -->", 6),
    ] {
        let text = format!("{comment}\nAgent: calm down\n");
        let (findings, warnings) = read("s.md", &text);
        assert_eq!(
            findings,
            [("respect/calm-down".to_string(), false)],
            "{comment}"
        );
        assert_eq!(warnings.len(), 1, "{comment}: {warnings:?}");
        assert!(
            warnings[0].starts_with(&format!("line 1, column {at}: not read as a directive")),
            "{comment}: {warnings:?}"
        );
        assert!(
            warnings[0].ends_with("(`<!-- talklint: ignore RULE -->`)"),
            "{warnings:?}"
        );
    }
}

/// A misspelt directive's comment with speech after it on its line: the speech is read, as it
/// was before such comments were warned of (it was left out with the comment).
#[test]
fn speech_after_a_misspelt_comment_is_still_read() {
    for name in ["h.md", "h.txt"] {
        let text = "Agent: hello\n<!-- Talklint: ignore greeting --> Agent: please calm down\n";
        let (findings, warnings) = read(name, text);
        assert_eq!(
            findings,
            [("respect/calm-down".to_string(), false)],
            "{name}"
        );
        assert!(
            warnings[0].starts_with("line 2, column 6: not read as a directive"),
            "{warnings:?}"
        );
    }
}
