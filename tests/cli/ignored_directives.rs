//! `--ignore-directives` (SPEC §8): directives are not read at all, so nothing is said about
//! them either — not one that cannot be read, not a rule name it does not know, not one left
//! unused — while what is said of the text itself (a Markdown fence never closed) still is.

use crate::directive_reading::warnings;
use crate::support::{run, talklint, write};
use serde_json::Value;

/// A file of directives of every fault: a verb misspelt, a rule no pack has, an `enable` that
/// ends nothing, one split over two lines, one written as `#talklint` without its colon.
const FAULTY: &str = "Agent: Hello, how can I help?\n\
                      # talklint: disabel respect\n\
                      Customer: my order is late <!-- talklint: ignore no-such-rule -->\n\
                      Agent: calm down, that is not my department\n\
                      # talklint: enable\n\
                      #talklint ignore respect\n\
                      <!-- talklint: ignore\n\
                      respect -->\n";

/// `check --no-config --warn-unused-ignores --exit-zero ARGS PATH` in `format`: stdout, stderr.
fn checked(path: &std::path::Path, format: &str, args: &[&str]) -> (String, String) {
    let (code, out, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "--warn-unused-ignores",
            "--exit-zero",
        ])
        .args(["-f", format])
        .args(args)
        .arg(path));
    assert_eq!(code, 0, "{err}");
    (out, err)
}

/// The warnings of the JSON report's first conversation.
fn json_warnings(path: &std::path::Path, args: &[&str]) -> Vec<String> {
    let (out, err) = checked(path, "json", args);
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    warnings(&report["conversations"][0])
}

#[test]
fn ignored_directives_are_warned_of_in_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "chat.txt", FAULTY);
    // Read, each is warned of (the `ignore` of an unknown rule is unused too).
    assert_eq!(json_warnings(&path, &[]).len(), 6, "{FAULTY}");
    let ignored = json_warnings(&path, &["--ignore-directives"]);
    assert!(ignored.is_empty(), "{ignored:?}");
    let (out, err) = checked(&path, "human", &["--ignore-directives"]);
    assert!(
        !err.contains("warning:") && !out.contains("warning:"),
        "{out}\n{err}"
    );
    // No directive here suppresses anything: ignored, their text is as much no turn text as
    // read, and the turns and findings are the same.
    let conversation = |args: &[&str]| {
        let (out, _) = checked(&path, "json", args);
        let mut report: Value = serde_json::from_str(&out).unwrap();
        report["conversations"][0]["warnings"].take();
        report["conversations"][0].take()
    };
    assert_eq!(conversation(&["--ignore-directives"]), conversation(&[]));
}

/// Ignored or read, a directive's text is no one's words: directives that hold a forbidden
/// phrase find nothing, while the same phrase on a line of its own is found.
#[test]
fn an_ignored_directives_text_is_still_no_turn_text() {
    let dir = tempfile::tempdir().unwrap();
    let phrase = "that is not my department";
    let directives = format!(
        "Agent: hello\n# talklint: disabel {phrase}\n#talklint ignore {phrase}\n\
         <!-- talklint: ignore\n{phrase} -->\nAgent: bye\n"
    );
    let rules_found = |text: &str, args: &[&str]| {
        let path = write(dir.path(), "said.txt", text);
        let (out, _) = checked(&path, "json", args);
        let report: Value = serde_json::from_str(&out).unwrap();
        let findings = report["conversations"][0]["findings"].as_array().cloned();
        let rules = findings.unwrap_or_default().into_iter();
        rules
            .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    for args in [&[][..], &["--ignore-directives"][..]] {
        assert_eq!(
            rules_found(&directives, args),
            Vec::<String>::new(),
            "{args:?}"
        );
    }
    let said = format!("Agent: hello\n{phrase}\nAgent: bye\n");
    assert_eq!(
        rules_found(&said, &["--ignore-directives"]),
        ["ownership/closed-door"]
    );
}

/// A record's transcript text is no text file: its directives are warned of as never read,
/// unless directives are ignored anyway.
#[test]
fn a_records_directive_is_not_warned_of_when_directives_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let record =
        r##"{"id": "a", "transcript": "Agent: hi\n# talklint: ignore respect\nAgent: calm down"}"##;
    let path = write(dir.path(), "chats.jsonl", &format!("{record}\n"));
    assert_eq!(json_warnings(&path, &[]).len(), 1);
    let ignored = json_warnings(&path, &["--ignore-directives"]);
    assert!(ignored.is_empty(), "{ignored:?}");
}

/// What a Markdown file's reader says of its text is no warning about a directive.
#[test]
fn an_unclosed_fence_is_still_warned_of_when_directives_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Script\n\nHello, how can I help?\n\n<!-- talklint: bogus -->\n\n```\ncode\n";
    let path = write(dir.path(), "script.md", text);
    let read = json_warnings(&path, &[]);
    assert_eq!(read.len(), 2, "{read:?}");
    let ignored = json_warnings(&path, &["--ignore-directives"]);
    assert_eq!(ignored, read[1..], "{ignored:?}");
    assert!(
        ignored[0].contains("code fence is never closed"),
        "{ignored:?}"
    );
}
