//! The shape of an eval labels file through the binary: a file or a selector column with no
//! label in it, and rows whose cells do not line up with the header, exit 2 with the file, line
//! and column, before a floor can pass on labels that were never read.

use crate::support::{run, talklint};
use std::path::Path;

/// Two small calls: `a.txt` has no finding of `respect`, `b.txt` one on turn 1.
pub(crate) fn calls(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Agent: Hello, I can help.\nCustomer: thanks\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "Agent: Calm down.\nCustomer: what\n").unwrap();
}

/// Runs eval in `dir` over its two calls with `labels` (bytes, written as `name`) and floors.
pub(crate) fn eval_with(dir: &Path, name: &str, labels: &[u8]) -> (i32, String, String) {
    std::fs::write(dir.join(name), labels).unwrap();
    run(talklint().current_dir(dir).args([
        "eval",
        "--no-config",
        "--labels",
        name,
        "--min-precision",
        "0.9",
        "--min-recall",
        "0.9",
        "a.txt",
        "b.txt",
    ]))
}

#[test]
fn a_file_or_a_column_with_no_label_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let (code, out, err) = eval_with(dir.path(), "r.csv", b"path,turn,respect\na.txt,2,\n");
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("r.csv:1:1: no cell holds a label"),
        "the file is named: {err}"
    );
    assert!(err.contains("a floor over no labels would pass"), "{err}");
    // One column labelled, the other never: the other would pass its floors unmeasured.
    let (code, out, err) = eval_with(
        dir.path(),
        "r.csv",
        b"path,turn,respect,empathy\na.txt,1,0,\nb.txt,1,1,\n",
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("r.csv:1:19: `empathy` holds no label in any row"),
        "{err}"
    );
    // Every column labelled somewhere is scored, and the floors hold.
    let (code, out, err) = eval_with(
        dir.path(),
        "r.csv",
        b"path,turn,respect,empathy\na.txt,1,0,\nb.txt,1,1,0\n",
    );
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn a_row_whose_cells_do_not_match_the_header_is_an_error_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let cases: [(&str, &[u8], &str); 5] = [
        // A comma too many: the labels would have shifted into the next columns.
        (
            "l.csv",
            b"path,turn,respect,empathy\na.txt,1,1,1\na.txt,2,1,1,1,1\n",
            "l.csv:3:13: this row has 6 fields and the header 4",
        ),
        // One too few, in a file whose other rows leave cells empty as they should.
        (
            "l.csv",
            b"path,turn,respect,empathy\na.txt,1,1,\nb.txt,1,1\n",
            "l.csv:3:10: this row has 3 fields and the header 4",
        ),
        // A row with no label cell at all.
        (
            "l.csv",
            b"path,turn,respect\na.txt,2\n",
            "l.csv:2:8: this row has 2 fields and the header 3",
        ),
        (
            "l.tsv",
            b"path\tturn\trespect\na.txt\t1\t1\t0\n",
            "l.tsv:2:11: this row has 4 fields and the header 3",
        ),
        // Windows line ends: the line is the row's, not one per line end.
        (
            "l.csv",
            b"path,turn,respect\r\na.txt,1,1\r\nb.txt,1,1\r\na.txt,2,1,0\r\n",
            "l.csv:4:11: this row has 4 fields and the header 3",
        ),
    ];
    for (name, text, expected) in cases {
        let (code, out, err) = eval_with(dir.path(), name, text);
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(err.contains("one cell per header column"), "{err}");
    }
    let (_, _, err) = eval_with(
        dir.path(),
        "l.tsv",
        b"path\tturn\trespect\na.txt\t1\t1\t0\n",
    );
    assert!(err.contains("a cell that holds a tab"), "{err}");
    // CRLF lines count as lines in the other errors too.
    let (code, _, err) = eval_with(
        dir.path(),
        "l.csv",
        b"path,turn,respect\r\na.txt,1,1\r\nb.txt,1,maybe\r\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("l.csv:3:9: `maybe` is not a label"), "{err}");
}

#[test]
fn quotes_a_byte_order_mark_crlf_and_blank_lines_still_read() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    std::fs::write(
        dir.path().join("a, b.txt"),
        "Agent: Calm down.\nCustomer: what\n",
    )
    .unwrap();
    let text: &[u8] =
        b"\xef\xbb\xbfpath,turn,respect\r\n\"a, b.txt\",1,\"1\"\r\n\r\na.txt,1,0\r\n\r\n";
    std::fs::write(dir.path().join("l.csv"), text).unwrap();
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "eval",
        "--no-config",
        "--labels",
        "l.csv",
        "--format",
        "json",
        "a.txt",
        "a, b.txt",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scores"][0]["selector"], "respect", "{out}");
    assert_eq!(
        (&v["scores"][0]["tp"], &v["scores"][0]["fp"]),
        (&1.into(), &0.into()),
        "{out}"
    );
}

/// A file of several conversations needs the row's id; with an `id` column and the cell empty,
/// the error says that cell is empty, not that the column is missing.
#[test]
fn an_empty_id_cell_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    std::fs::write(
        dir.path().join("conv.csv"),
        "conversation_id,role,text\nc1,agent,Calm down.\nc1,customer,what\n\
         c2,agent,Hello.\nc2,customer,hi\n",
    )
    .unwrap();
    let run_in = |labels: &[u8]| {
        std::fs::write(dir.path().join("l.csv"), labels).unwrap();
        run(talklint().current_dir(dir.path()).args([
            "eval",
            "--no-config",
            "--labels",
            "l.csv",
            "conv.csv",
        ]))
    };
    let (code, out, err) = run_in(b"path,id,turn,respect\nconv.csv,c1,1,1\nconv.csv,,1,0\n");
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains(
            "l.csv:3:10: the row's `id` cell is empty, and `conv.csv` holds 2 conversations \
             (ids `c1`, `c2`): write the id of the one it labels"
        ),
        "{err}"
    );
    // With no `id` column, the column is what is missing.
    let (code, _, err) = run_in(b"path,turn,respect\nconv.csv,1,1\n");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "l.csv:2:1: `conv.csv` holds 2 conversations (ids `c1`, `c2`): add an `id` column"
        ),
        "{err}"
    );
    let (code, _, err) = run_in(b"path,id,turn,respect\nconv.csv,c1,1,1\nconv.csv,c2,1,0\n");
    assert_eq!(code, 0, "{err}");
}

/// `eval --help` (and its man page) lists what eval takes: its two formats, and none of the
/// `check` flags it refuses; those still parse, to be refused with the reason.
#[test]
fn eval_help_lists_only_what_eval_takes() {
    let (code, help, err) = run(talklint().args(["eval", "--help"]));
    assert_eq!(code, 0, "{err}");
    for refused in [
        "--statistics",
        "--quiet",
        "--show-suppressed",
        "--fix",
        "--diff",
    ] {
        assert!(!help.contains(refused), "{refused}:\n{help}");
    }
    let format = help
        .split("--format <FORMAT>")
        .nth(1)
        .and_then(|rest| rest.split("[default: human]").next())
        .unwrap_or_else(|| panic!("--format and its default:\n{help}"));
    assert!(
        format.contains("- human:") && format.contains("- json:"),
        "{format}"
    );
    for refused in ["jsonl", "sarif", "github", "junit", "csv", "html"] {
        assert!(!format.contains(refused), "{refused}:\n{format}");
    }
    for taken in ["--output-sarif", "--fail-on", "--labels", "--csv-findings"] {
        assert!(help.contains(taken), "{taken}:\n{help}");
    }
    assert!(
        help.contains("With an --output-* report"),
        "--fail-on says when eval takes it:\n{help}"
    );
    let (_, man, _) = run(talklint().args(["man", "eval"]));
    assert!(
        man.contains("labels") && !man.contains("statistics"),
        "{man}"
    );
    // `check --help` keeps them all.
    let (_, help, _) = run(talklint().args(["check", "--help"]));
    for flag in ["--statistics", "sarif", "--fix"] {
        assert!(help.contains(flag), "{flag}:\n{help}");
    }
    let (code, _, err) = run(talklint().args([
        "eval",
        "--no-config",
        "--labels",
        "fixtures/labels/calls.csv",
        "--format",
        "sarif",
        "fixtures/calls",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("[possible values: human, json]"), "{err}");
}

#[test]
fn errors_are_placed_on_the_line_a_lone_cr_or_a_quoted_line_break_starts() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let cases: [(&[u8], &str); 3] = [
        // Classic Mac OS lines: every error said line 1.
        (
            b"path,turn,respect\ra.txt,1,0\rb.txt,1,x\r",
            ":3:9: `x` is not a label",
        ),
        (
            b"path,turn,respect\ra.txt,1,0\ra.txt,1,1\r",
            ":3:9: `respect` is labelled 1 here and 0 on line 2",
        ),
        // The cell after a quoted path that holds a line break is on the line below the row's
        // first, at its column there.
        (
            b"path,turn,respect\n\"a\nb.txt\",1,0\n\"c\nb.txt\",2,bad\n",
            ":5:10: `bad` is not a label",
        ),
    ];
    for (labels, said) in cases {
        let (code, _, err) = eval_with(dir.path(), "l.csv", labels);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&format!("l.csv{said}")), "{said}: {err}");
    }
}

#[test]
fn headers_as_spreadsheets_write_them_are_read_and_a_notes_column_is_named() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    for labels in [
        &b"path;turn;respect\nb.txt;1;1\n"[..],
        b"Path,Turn,respect\nb.txt,1,1\n",
        b"path,turn,respect,\nb.txt,1,1,\n",
    ] {
        let (code, out, err) = eval_with(dir.path(), "l.csv", labels);
        assert_eq!(code, 0, "{}: {err}", String::from_utf8_lossy(labels));
        assert!(out.contains("respect   turn"), "{out}");
    }
    let (code, _, err) = eval_with(dir.path(), "l.csv", b"path,turn,respect,\nb.txt,1,1,oops\n");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("l.csv:2:11: `oops` is in column 4, which has no name"),
        "{err}"
    );
    let (code, _, err) = eval_with(
        dir.path(),
        "l.csv",
        b"path,turn,respect,note\nb.txt,1,1,good text\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("l.csv:2:11: `good text` is not a label of `note`"),
        "{err}"
    );
}

#[test]
fn a_cell_with_a_line_break_is_quoted_on_one_line() {
    // The error printed the cell's line break raw, cutting the message in two.
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let labels = b"path,turn,respect/calm-down\nb.txt,1,\"no\nway\"\n";
    let (code, _, err) = eval_with(dir.path(), "l.csv", labels);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`no\\x0away` is not a label"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
