//! Markdown scripts read as their authors mean them: headings, front matter, code blocks and
//! link targets are not spoken; what is said keeps its place in the file.

use crate::support::{findings, json_report, run, talklint, write};

const SCRIPT: &str = "\
---
title: Not my department macro
---
# Not my department

Say it like this: [never calm down](https://example.org/calm-down).

```
Agent: calm down, it is out of my hands
```

Sorry, that's not my department.
";

#[test]
fn only_spoken_markdown_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(dir.path(), "macro.md", SCRIPT);
    let (_, v) = json_report(&[md.to_str().unwrap()]);
    let got: Vec<(String, u64, u64)> = findings(&v, 0)
        .into_iter()
        .filter(|f| !f.0.starts_with("greeting/") && !f.0.starts_with("closing/"))
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(
        got,
        [
            ("respect/calm-down".to_string(), 6, 26),
            ("ownership/not-my-department".to_string(), 12, 8),
        ],
        "the link's words are said, its target, the heading, front matter and code are not"
    );
    let c = &v["conversations"][0];
    assert_eq!(
        (c["turns"].as_u64(), c["format"].as_str()),
        (Some(1), Some("text"))
    );
    // The same text in a .txt file is plain text: every line is read.
    let txt = write(dir.path(), "macro.txt", SCRIPT);
    let (_, v) = json_report(&[txt.to_str().unwrap()]);
    let lines: Vec<u64> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0.starts_with("ownership/"))
        .map(|f| f.1)
        .collect();
    assert_eq!(lines, [9, 12], "the code block is read in a .txt file");
}

#[test]
fn a_directive_shown_as_code_is_an_example_not_an_instruction() {
    let dir = tempfile::tempdir().unwrap();
    let docs = "# How to silence a line\n\n\
                ```\n<!-- talklint: ignore-file -->\n```\n\n\
                Write `<!-- talklint: ignore -->` after it. Sorry, that's not my department.\n";
    let md = write(dir.path(), "docs.md", docs);
    let (_, v) = json_report(&[md.to_str().unwrap()]);
    let rules: Vec<String> = findings(&v, 0).into_iter().map(|f| f.0).collect();
    assert!(
        rules.contains(&"ownership/not-my-department".to_string()),
        "{v}"
    );
    // The same directive outside code still holds.
    let live = write(dir.path(), "live.md", &docs.replace("```\n", ""));
    let (_, v) = json_report(&[live.to_str().unwrap()]);
    assert_eq!(findings(&v, 0), [], "{v}");
    // In a heading's code, after a run of backticks nothing closes, in a fence holding a
    // shorter fence: each an example; and a malformed one there earns no warning.
    for example in [
        "## The `<!-- talklint: ignore-file -->` directive\n",
        "Use ``unclosed and `<!-- talklint: ignore-file -->` to silence.\n",
        "````markdown\n```\n<!-- talklint: ignore-file -->\n```\n````\n",
        "```yaml\n# talklint: settings for the team\n```\n",
        "```text\n<!-- talklint: ignore respect -->\nAgent: Please calm down.\n```\n",
    ] {
        let text = format!("Agent: That's not my department.\n\n{example}");
        let md = write(dir.path(), "example.md", &text);
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", "json"])
            .arg(&md));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rules: Vec<String> = findings(&v, 0).into_iter().map(|f| f.0).collect();
        assert!(
            rules.contains(&"ownership/closed-door".to_string()),
            "{example}: {v}"
        );
        assert!(
            !rules.contains(&"respect/calm-down".to_string()),
            "code is not spoken: {v}"
        );
        assert!(!err.contains("warning"), "{example}: {err}");
        assert_eq!(
            v["conversations"][0]["warnings"],
            serde_json::Value::Null,
            "{example}: {v}"
        );
    }
}

/// A comment or code fence nothing closes hides the rest of the file, as CommonMark reads it:
/// said, with the line where it opens and how to close it; a file it hides whole is skipped
/// for that, not as an empty one.
#[test]
fn an_unclosed_comment_or_fence_is_named_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let comment = "<!-- TODO reword\n\nAgent: Calm down, that is not my department.\n";
    write(dir.path(), "i.md", comment);
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-f",
        "json",
        "i.md",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let opens = "line 1, column 1: this HTML comment is never closed, so the rest of the file \
                 is not read as text (nothing after it is checked); close it with `-->`";
    assert_eq!(
        v["skipped"][0]["reason"],
        format!("no turns (nothing spoken in this text transcript; {opens})")
    );
    assert!(err.contains(&format!("warning: i.md: {opens}")), "{err}");
    // A fence, after a turn: a warning of its conversation, with its run as the closing.
    write(dir.path(), "f.md", "Hi.\n\n  ~~~~\nx\n\nCalm down.\n");
    let (code, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-q", "f.md"]));
    assert_eq!(code, 0, "{err}");
    let fence = "warning: f.md: line 3, column 3: this code fence is never closed, so the rest \
                 of the file is not read as text (nothing after it is checked); close the fence \
                 with ~~~~ on a line of its own";
    assert!(out.contains(fence), "{out}");
    // Closed, neither warns.
    write(
        dir.path(),
        "ok.md",
        "Hi.\n\n```\nx\n```\n<!-- a\nnote -->\nBye.\n",
    );
    let (_, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "ok.md"]));
    assert!(!(out.clone() + &err).contains("warning:"), "{out}{err}");
}

/// An indented code block (four columns in, after a blank line) is code, as a fenced block is
/// (was read as speech); a list item's continuation, indented to the item's text, and a line
/// wrapped under a paragraph are text, as CommonMark reads them.
#[test]
fn indented_code_is_not_spoken_but_indented_text_is() {
    let dir = tempfile::tempdir().unwrap();
    let script = "\
# Closing the door

Never write this:

    Agent: Calm down, I don't know.

1. Listen first.

    Sorry, that's not my department.
2. Then say it plainly, and never
    ask them to calm down.
";
    let md = write(dir.path(), "macro.md", script);
    let (_, v) = json_report(&[md.to_str().unwrap()]);
    let got: Vec<(String, u64)> = findings(&v, 0)
        .into_iter()
        .filter(|f| !f.0.starts_with("greeting/") && !f.0.starts_with("closing/"))
        .map(|f| (f.0, f.1))
        .collect();
    assert_eq!(
        got,
        [
            ("ownership/not-my-department".to_string(), 9),
            ("respect/calm-down".to_string(), 11),
        ],
        "the code block of line 5 is not spoken; the item's lines 9 and 11 are"
    );
}

/// A tab after a list marker reaches the next multiple of four from the column where it stands,
/// not from column 0 (it did): `-\t` puts the item's text at column 4, so a line four columns
/// in after a blank line is the item's paragraph, as CommonMark (markdown-it) reads it.
#[test]
fn a_tab_after_a_list_marker_counts_from_its_column() {
    let dir = tempfile::tempdir().unwrap();
    for item in ["-\t", "1.\t", "- \t", " -\t"] {
        let script =
            format!("{item}Say sorry to the customer.\n\n    Never tell them to calm down.\n");
        let md = write(dir.path(), "item.md", &script);
        let (_, v) = json_report(&[md.to_str().unwrap()]);
        let calm: Vec<u64> = findings(&v, 0)
            .into_iter()
            .filter(|f| f.0 == "respect/calm-down")
            .map(|f| f.1)
            .collect();
        assert_eq!(calm, [3], "{item:?}: line 3 is the item's text: {v}");
    }
    // Four columns past the item's text is still code.
    let md = write(
        dir.path(),
        "code.md",
        "-\tSay sorry.\n\n        Never tell them to calm down.\n",
    );
    let (_, v) = json_report(&[md.to_str().unwrap()]);
    assert!(
        findings(&v, 0).iter().all(|f| f.0 != "respect/calm-down"),
        "{v}"
    );
}

/// Labels in italics, as bold ones are read (`*Customer:*`, `_Customer_:`): they were not, so
/// the customer's "calm down" was the agent's, in a script read as one agent turn.
#[test]
fn labels_in_italics_open_their_speakers_turns() {
    let dir = tempfile::tempdir().unwrap();
    let script = "*Agent:* Hello, thanks for calling.\n\
                  *Customer:* Calm down, that is not my department!\n\
                  _Agent_: Sorry about that.\n\
                  * Customer: a list item is no emphasis\n";
    write(dir.path(), "s.md", script);
    let (_, out, _) = crate::support::check_in(dir.path(), &["-f", "json", "s.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 4, "{c}");
    assert!(c.get("warnings").is_none(), "{c}");
    let agent_rules: Vec<&str> = (c["findings"].as_array().unwrap().iter())
        .filter(|f| f["role"] == "agent")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(!agent_rules.contains(&"respect/calm-down"), "{c}");
    assert!(agent_rules.contains(&"empathy/apology"), "{c}");
    // A line's opening star, in text, and fields in italics that name no role, in Markdown, are
    // the agent's words, not speakers (the review found the agent's "calm down" lost so).
    let fields = "Customer: late\nAgent: Details:\n- *Refund:* calm down, it is on the way.\n";
    let star = "Customer: late\nAgent: Details below:\n*Refund: calm down, it is on the way.\n";
    for (name, text) in [("f.md", fields), ("f.txt", star), ("g.md", star)] {
        write(dir.path(), name, text);
        let (_, out, _) = crate::support::check_in(dir.path(), &["-f", "json", name]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let c = &v["conversations"][0];
        assert_eq!(
            (&c["turns"], &c["unknown_turns"]),
            (&2.into(), &0.into()),
            "{name}: {c}"
        );
        let calm = (c["findings"].as_array().unwrap().iter())
            .any(|f| f["rule"] == "respect/calm-down" && f["role"] == "agent");
        assert!(calm, "{name}: {c}");
    }
}
