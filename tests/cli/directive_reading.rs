//! How directives are read where a trial found them misread (SPEC §8 "Directive lines are not
//! turn text", §7 nothing lost silently): a comment before a speaker label, a bare `talklint:`
//! line, a directive split over the lines of an HTML comment.

use crate::support::{run, talklint, write};
use serde_json::Value;

/// `talklint check --no-config -f json --show-suppressed --warn-unused-ignores --exit-zero`
/// on a file `name` holding `text`: its one conversation, and the standard error.
pub(crate) fn conversation(name: &str, text: &str) -> (Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    let (code, out, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "-f",
            "json",
            "--show-suppressed",
            "--warn-unused-ignores",
            "--exit-zero",
        ])
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    (report["conversations"][0].clone(), err)
}

/// (rule, line, suppressed) of each finding of `c`.
fn marks(c: &Value) -> Vec<(String, u64, bool)> {
    (c["findings"].as_array().unwrap().iter())
        .map(|f| {
            let rule = f["rule"].as_str().unwrap().to_string();
            (rule, f["line"].as_u64().unwrap(), f["suppressed"] == true)
        })
        .collect()
}

/// Its warnings.
pub(crate) fn warnings(c: &Value) -> Vec<String> {
    (c["warnings"].as_array().cloned().unwrap_or_default().iter())
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_directive_comment_before_a_speaker_label_leaves_the_label_read() {
    let text = "Customer: I want a refund.\n\
                <!-- talklint: ignore ownership --> Agent: That is not my department. Calm down.\n";
    for name in ["pre.txt", "pre.md"] {
        let (c, _) = conversation(name, text);
        assert_eq!(c["turns"], 2, "{name}: {c}");
        let closed = ("ownership/closed-door".to_string(), 2, true);
        let calm = ("respect/calm-down".to_string(), 2, false);
        assert_eq!(marks(&c), [closed, calm], "{name}: {c}");
        assert_eq!(warnings(&c), Vec::<String>::new(), "{name}: {c}");
    }
}

/// Two directive comments side by side are both read, and a label after them still opens its
/// turn (the second was turn text in a `.txt` file, and in Markdown a comment that did nothing).
#[test]
fn two_directive_comments_before_a_label_are_both_read() {
    let text = "Customer: I want a refund.\n<!-- talklint: ignore ownership -->  \
                <!-- talklint: ignore respect --> Agent: That is not my department. Calm down.\n\
                Agent: Calm down. <!-- talklint: ignore respect --><!-- talklint: ignore x -->\n";
    for name in ["two.txt", "two.md"] {
        let (c, _) = conversation(name, text);
        assert_eq!(c["turns"], 3, "{name}: {c}");
        let closed = ("ownership/closed-door".to_string(), 2, true);
        let calm = |line| ("respect/calm-down".to_string(), line, true);
        assert_eq!(marks(&c), [closed, calm(2), calm(3)], "{name}: {c}");
        let said = warnings(&c);
        let unknown = said
            .iter()
            .filter(|w| w.starts_with("line 3, column 74: `x` in a"));
        assert_eq!(unknown.count(), 1, "{name}: {c}");
    }
}

#[test]
fn a_bare_talklint_line_is_a_directive_without_its_marker_not_a_speaker() {
    let text = "Agent: hi\n  talklint: ignore respect\nAgent: calm down\n";
    let (c, _) = conversation("tl.txt", text);
    assert_eq!(c["turns"], 2, "{c}");
    let calm = ("respect/calm-down".to_string(), 3, false);
    assert_eq!(marks(&c), [calm], "{c}");
    let said = "line 2, column 3: not read as a directive: write a comment marker before it, \
                `#`, `//`, `--` or `<!--` (`# talklint: ignore RULE`)";
    assert_eq!(warnings(&c), [said], "{c}");
}

#[test]
fn a_directive_split_over_the_lines_of_a_comment_is_no_directive_and_said() {
    let text = "<!--\n  talklint: ignore respect\n-->\nPlease calm down.\n\n\
                <!-- talklint: ignore\n     respect -->\nPlease calm down.\n";
    for name in ["ml.md", "ml.txt"] {
        let (c, _) = conversation(name, text);
        let calm = |line| ("respect/calm-down".to_string(), line, false);
        // Never read as a bare `ignore` of every rule.
        assert_eq!(marks(&c), [calm(4), calm(8)], "{name}: {c}");
        let said = |place| {
            format!(
                "{place}: not read as a directive: a directive fits on one line, from `<!--` to \
                 `-->` (`<!-- talklint: ignore RULE -->`)"
            )
        };
        let want = [said("line 2, column 3"), said("line 6, column 16")];
        assert_eq!(warnings(&c), want, "{name}: {c}");
    }
}

/// A directive naming a rule or category that a config disables names a known rule: no "no
/// loaded rule" warning (it came on every run of every file whose script kept the directive),
/// and under `--warn-unused-ignores` it is unused, as it suppresses nothing.
#[test]
fn a_directive_naming_a_disabled_rule_is_no_misspelling() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [default]\ndisable: [respect/calm-down, closing]\n",
    );
    let text = "# talklint: ignore respect/calm-down, closing/*\nAgent: Calm down.\n";
    let path = write(dir.path(), "u.txt", text);
    // A conversation's warnings are part of the human report, on standard output.
    let check = |unused: &[&str]| {
        let (code, out, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", "--exit-zero"])
            .args(unused)
            .arg(&path));
        (code, out + &err)
    };
    let (code, err) = check(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning:"), "{err}");
    let (_, err) = check(&["--warn-unused-ignores"]);
    assert!(
        err.contains("u.txt: line 1, column 13: unused directive"),
        "{err}"
    );
    assert!(!err.contains("no loaded rule"), "{err}");
    // A name that is no rule at all is still a misspelling.
    write(
        dir.path(),
        "u.txt",
        "# talklint: ignore respect/calm-dwn\nAgent: Hi.\n",
    );
    let (_, err) = check(&[]);
    assert!(
        err.contains("`respect/calm-dwn` in a talklint directive is no loaded rule"),
        "{err}"
    );
}

/// Under `--warn-unused-ignores`, an `enable` that ends no `disable` is unused: it got no word,
/// while a `disable` that suppressed nothing did.
#[test]
fn an_enable_that_ends_no_disable_is_unused() {
    let text = "<!-- talklint: enable -->\nAgent: hi\n<!-- talklint: disable respect -->\n\
                Agent: calm down\n<!-- talklint: enable respect -->\nAgent: ok\n";
    let (c, _) = conversation("e.md", text);
    assert_eq!(
        warnings(&c),
        ["line 1, column 16: unused `enable` (it ends no `disable` before it); remove it"],
        "{c}"
    );
    let calm = ("respect/calm-down".to_string(), 4, true);
    assert!(marks(&c).contains(&calm), "{c}");
}

/// An `enable` turns back on the rules it names and leaves the rest of a `disable` on: after
/// `disable respect, ownership` and `enable respect`, ownership stays off (it came back on).
#[test]
fn an_enable_of_one_rule_leaves_the_others_disabled() {
    let text = "<!-- talklint: disable respect, ownership -->\nAgent: calm down\n\
                <!-- talklint: enable respect -->\nAgent: calm down, that is not my department\n\
                <!-- talklint: enable ownership -->\nAgent: that is not my department\n";
    let (c, _) = conversation("e.md", text);
    let found = |rule: &str, line, suppressed| (rule.to_string(), line, suppressed);
    let forbidden = (marks(&c).into_iter()).filter(|(rule, ..)| !rule.starts_with("closing/"));
    assert_eq!(
        forbidden
            .filter(|(rule, ..)| !rule.starts_with("greeting/"))
            .collect::<Vec<_>>(),
        [
            found("respect/calm-down", 2, true),
            found("respect/calm-down", 4, false),
            found("ownership/closed-door", 4, true),
            found("ownership/closed-door", 6, false),
        ],
        "{c}"
    );
    // Both `enable`s end a rule's `disable`, so neither is unused.
    assert_eq!(warnings(&c), Vec::<String>::new(), "{c}");
    // After a bare `disable` with no bare `enable` later, an `enable` of one rule still turns
    // it back on (it was said to end no `disable`, and the rule stayed off).
    let text = "<!-- talklint: disable -->\nAgent: calm down\n<!-- talklint: enable respect -->\n\
                Agent: calm down, that is not my department\n";
    let (c, _) = conversation("bare.md", text);
    let calm: Vec<_> = (marks(&c).into_iter())
        .filter(|(rule, ..)| rule == "respect/calm-down" || rule == "ownership/closed-door")
        .collect();
    assert_eq!(
        calm,
        [
            found("respect/calm-down", 2, true),
            found("respect/calm-down", 4, false),
            found("ownership/closed-door", 4, true),
        ],
        "{c}"
    );
    assert_eq!(warnings(&c), Vec::<String>::new(), "{c}");
}

/// Under `--warn-unused-ignores`, a bare `disable` whose findings all fall where an `enable`
/// turned their rule back on suppressed nothing, and an `enable` of a rule already back on ends
/// nothing: both are unused.
#[test]
fn a_disable_holed_everywhere_and_an_enable_already_done_are_unused() {
    let text = "<!-- talklint: disable -->\n<!-- talklint: enable respect -->\n\
                Agent: calm down\n<!-- talklint: ignore respect -->\nAgent: calm down\n";
    let (c, _) = conversation("holed.md", text);
    let unused = "line 1, column 16: unused directive (nothing to suppress); remove it";
    assert_eq!(warnings(&c), [unused], "{c}");
    let text = "<!-- talklint: disable -->\nAgent: that is not my department\n\
                <!-- talklint: enable respect -->\nAgent: calm down\n\
                <!-- talklint: enable respect -->\nAgent: calm down\n";
    let (c, _) = conversation("twice.md", text);
    let again = "line 5, column 16: unused `enable` (it ends no `disable` before it); remove it";
    assert_eq!(warnings(&c), [again], "{c}");
}

/// A directive in an HTML comment that is never closed hides its own line only: in a text file
/// the lines after it are what is said (they were all hidden, and nothing after was checked).
#[test]
fn a_split_directive_whose_comment_never_closes_hides_no_more_lines() {
    let text = "Agent: hello\n<!-- talklint: ignore respect\nAgent: calm down\n\
                Customer: that is fine\nAgent: that is not my department\n";
    let (c, _) = conversation("u.txt", text);
    assert_eq!(c["turns"], 4, "{c}");
    let rules: Vec<String> = marks(&c).into_iter().map(|m| m.0).collect();
    assert!(rules.contains(&"respect/calm-down".to_string()), "{c}");
    assert!(rules.contains(&"ownership/closed-door".to_string()), "{c}");
    let said = warnings(&c);
    assert!(
        said.iter().any(
            |w| w.starts_with("line 2, column 16: not read as a directive")
                && w.ends_with(
                    "its comment is never closed, so the lines after it are read as they are"
                )
        ),
        "{said:?}"
    );
}

/// A `#`, `//` or `--` directive after text on a line is no directive (only an HTML comment works
/// there, SPEC §8): the finding stands, a warning at the marker says how to write it, and the
/// marker and what follows it are not spoken (`calm down` in it is no finding). It had been read
/// as turn text without a word.
#[test]
fn a_comment_marker_directive_after_text_is_no_directive_and_said() {
    for marker in ["#", "//", "--"] {
        let text = format!(
            "Customer: I want a refund.\n\
             Agent: That is not my department. {marker} talklint: ignore ownership, calm down\n"
        );
        for name in ["end.txt", "end.md"] {
            let (c, _) = conversation(name, &text);
            let closed = ("ownership/closed-door".to_string(), 2, false);
            assert_eq!(marks(&c), [closed], "{name} {marker}: {c}");
            let said = "line 2, column 35: not read as a directive: only an HTML comment works \
                        at the end of a line (`<!-- talklint: ignore RULE -->`)";
            assert_eq!(warnings(&c), [said], "{name} {marker}: {c}");
        }
    }
}

/// An HTML comment after text with `talklint` in another case, without its colon, or joined to
/// the verb by a dash is warned of as on a line of its own, and not spoken: the finding stood
/// with no word.
#[test]
fn a_misspelt_comment_directive_after_text_is_said() {
    for comment in [
        "<!-- Talklint: ignore ownership -->",
        "<!-- talklint ignore ownership -->",
        "<!-- talklint-ignore ownership -->",
    ] {
        let text = format!("Agent: That is not my department. {comment}\n");
        let (c, _) = conversation("eol.txt", &text);
        let closed = ("ownership/closed-door".to_string(), 1, false);
        assert_eq!(marks(&c), [closed], "{comment}: {c}");
        let said = "line 1, column 40: not read as a directive: write `talklint:` in lower case, \
                    with its colon (`<!-- talklint: ignore RULE -->`)";
        assert_eq!(warnings(&c), [said], "{comment}: {c}");
    }
}

/// A `#` or `--` that is no comment marker before `talklint:` (a link's `#talklint:`, an HTML
/// comment's `<!--`) is not warned of.
#[test]
fn talklint_after_text_with_no_marker_before_it_is_not_warned_of() {
    let text = "Agent: See https://example.com/#talklint: ignore this page.\n\
                Agent: That is not my department. <!-- talklint: ignore ownership -->\n";
    let (c, _) = conversation("link.txt", text);
    let closed = ("ownership/closed-door".to_string(), 2, true);
    assert_eq!(marks(&c), [closed], "{c}");
    assert_eq!(warnings(&c), Vec::<String>::new(), "{c}");
}

/// Beside an HTML comment directive, before or after it, a `#`, `//` or `--` directive after
/// text is no directive either: warned of at its marker, the marker and what follows it not
/// spoken (`calm down` in it is no finding), as on a line without one; the HTML comment's
/// directive is read. After one, it had been read as turn text without a word.
#[test]
fn a_comment_marker_directive_beside_an_html_directive_is_said_at_its_marker() {
    let html = "<!-- talklint: ignore ownership -->";
    for marker in ["#", "//", "--"] {
        let after = format!("{marker} talklint: ignore calm down");
        for (line, column) in [
            (format!("{html} {after}"), 71),
            (format!("{after} {html}"), 35),
        ] {
            let text =
                format!("Customer: I want a refund.\nAgent: That is not my department. {line}\n");
            for name in ["beside.txt", "beside.md"] {
                let (c, _) = conversation(name, &text);
                let closed = ("ownership/closed-door".to_string(), 2, true);
                assert_eq!(marks(&c), [closed], "{name} {line}: {c}");
                let said = format!(
                    "line 2, column {column}: not read as a directive: only an HTML comment \
                     works at the end of a line (`<!-- talklint: ignore RULE -->`)"
                );
                assert_eq!(warnings(&c), [said], "{name} {line}: {c}");
            }
        }
    }
}
