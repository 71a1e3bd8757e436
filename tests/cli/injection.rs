//! Input that tries to act on whoever reads the report: spreadsheet formulas in CSV cells, and
//! terminal control sequences or bidi overrides in transcripts and file names.

use crate::support::{check, run, write};

#[test]
fn csv_cells_that_would_run_as_formulas_are_prefixed() {
    let dir = tempfile::tempdir().unwrap();
    let calls = write(
        dir.path(),
        "calls.csv",
        "conversation_id,role,speaker,text\n\
         =HYPERLINK(\"http://x\"),agent,@agent,calm down\n\
         +1,agent,-me,\tcalm down\n",
    );
    let calls = calls.to_str().unwrap();
    let (code, out, err) = run(&mut check(&["--format", "csv", "--csv-findings", calls]));
    assert!(code < 2, "{err}");
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    // (id, speaker, points) of each finding.
    let cells: Vec<(String, String, String)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[4].to_string(), r[11].to_string())
        })
        .collect();
    assert!(
        cells.contains(&(
            "'=HYPERLINK(\"http://x\")".into(),
            "'@agent".into(),
            "-5".into()
        )),
        "numbers stay numbers: {cells:?}"
    );
    let (_, out, _) = run(&mut check(&["--format", "csv", calls]));
    assert!(out.contains(",'+1,csv,"), "{out}");
    assert!(out.contains(",\"'=HYPERLINK"), "{out}");
}

#[test]
fn control_characters_and_bidi_overrides_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a\u{202e}txt.txt",
        "Agent: calm down \u{1b}]0;pwned\u{7} now\n",
    );
    write(d, "b\u{1b}[2J.json", "[{\"text\": \"x\"\n");
    let (code, out, err) = run(check(&[]).arg(d));
    assert_eq!(code, 2, "{err}");
    for text in [&out, &err] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202e}'), "{text:?}");
    }
    assert!(out.contains("a\\u{202e}txt.txt"), "{out}");
    assert!(out.contains("calm down \\x1b]0;pwned\\x07 now"), "{out}");
    assert!(err.contains("b\\x1b[2J.json"), "{err}");
    // A CI log shows GitHub annotations as a terminal would.
    let (_, out, _) = run(check(&["--format", "github"]).arg(d));
    assert!(out.contains("a\\u{202e}txt.txt"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    // A CR in a name is GitHub's `%0D`, which it reads back as the CR: it was `\x0d`, the name
    // of no file.
    let cr = tempfile::tempdir().unwrap();
    write(cr.path(), "a\rb.txt", "Agent: calm down\n");
    let (_, out, _) = run(check(&["--format", "github"]).arg(cr.path().join("a\rb.txt")));
    assert!(out.contains("a%0Db.txt,line=1"), "{out:?}");
    // A tab in a name is `\x09`, as its other controls are: it looked like a space.
    let tab = tempfile::tempdir().unwrap();
    write(tab.path(), "a\tb.txt", "Agent: calm down\n");
    write(tab.path(), "c\td.json", "[{\"text\": \"x\"\n");
    let (_, out, err) = run(check(&[]).arg(tab.path()));
    assert!(out.contains("a\\x09b.txt:1:8"), "{out}");
    assert!(err.contains("c\\x09d.json"), "{err}");
    assert!(
        !out.contains('\t') && !err.contains('\t'),
        "{out:?}\n{err:?}"
    );
}

/// A rule file's suggestion (the `= help:` line), `rules ID`, and `--statistics`' agent names
/// (a chat sender's display name) printed their control characters raw.
#[test]
fn suggestions_rule_details_and_agent_names_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "r.yaml",
        "rules:\n  - id: t/x\n    phrases: [calm down]\n    severity: error\n    \
         message: \"m \\e]0;T\\a\"\n    suggestion: \"s \\e[2J\"\n",
    );
    let chat = r#"[{"sender": "Maria", "text": "Hi, my order is late"},
 {"sender": "Bob\tB\u001b]0;PWNED\u0007", "text": "Thanks for contacting us, how can I help you today?"},
 {"sender": "Maria", "text": "It never came"},
 {"sender": "Bob\tB\u001b]0;PWNED\u0007", "text": "Please calm down"}]"#;
    write(d, "chat.json", chat);
    let mut cmd = crate::support::talklint();
    cmd.current_dir(d)
        .args(["check", "--no-config", "-r", "r.yaml", "--statistics"])
        .args(["--color", "never", "chat.json"]);
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 1, "{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("= help: s \\x1b[2J"), "{all}");
    assert!(all.contains("Bob\\x09B\\x1b]0;PWNED\\x07 (1)"), "{all}");
    assert!(
        !all.contains("\u{1b}]") && !all.contains("\u{1b}[2J"),
        "{all:?}"
    );
    let mut cmd = crate::support::talklint();
    cmd.current_dir(d)
        .args(["rules", "--no-config", "-r", "r.yaml", "t/x"]);
    let (code, out, _) = run(&mut cmd);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("message     m \\x1b]0;T\\x07"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
}
