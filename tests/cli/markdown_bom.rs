//! A Markdown script that opens with a byte-order mark reads as the same script without one:
//! front matter, a heading, a fence or indented code on its first line is not spoken (the mark
//! hid them, so their text was linted and `--fix` rewrote it), and what is found stands at the
//! same line and column (the mark is no column).

use crate::support::{check_in, write};

/// Scripts whose first line opens a construct a reader does not say.
const SCRIPTS: [(&str, &str); 4] = [
    (
        "fence.md",
        "```text\nMacro id: 42\n```\n\nAgent: That is not my department. Calm down.\n",
    ),
    (
        "front.md",
        "---\ntitle: kindly\n---\n\nAgent: That is not my department. Calm down.\n",
    ),
    (
        "heading.md",
        "# Kindly read this\n\nAgent: That is not my department. Calm down.\n",
    ),
    (
        "indented.md",
        "    Kindly calm down.\n\nAgent: That is not my department. Calm down.\n",
    ),
];

#[test]
fn a_byte_order_mark_hides_no_first_line_construct() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "kindly.yaml",
        "rules: [{id: t/kindly, phrases: [kindly], replace: please}]",
    );
    for (name, text) in SCRIPTS {
        write(dir.path(), name, text);
        let (plain_code, plain, plain_err) = check_in(dir.path(), &["-f", "json", name]);
        let marked = format!("\u{feff}{text}");
        write(dir.path(), name, &marked);
        let (code, report, err) = check_in(dir.path(), &["-f", "json", name]);
        assert_eq!(
            (code, report, err),
            (plain_code, plain.clone(), plain_err),
            "{name}: the mark changes nothing"
        );
        assert!(
            plain.contains("\"column\":8,\"end_line\""),
            "{name}: {plain}"
        );
        assert!(!plain.contains("\"line\":1,"), "{name}: {plain}");
        // Nothing in the hidden first lines is rewritten, nor the mark, in a script of one
        // turn too.
        let hidden = text.split("\n\n").next().unwrap();
        let script = format!("\u{feff}{hidden}\n\nWe will do it today.\n");
        let path = write(dir.path(), name, &script);
        let (_, _, err) = check_in(dir.path(), &["-r", "kindly.yaml", "--fix", name]);
        let fixed = std::fs::read_to_string(&path).unwrap();
        assert_eq!(fixed, script, "{name}: {err}");
    }
}
