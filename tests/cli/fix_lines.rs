//! A fix keeps the file's lines: a match over a line break (a wrapped paragraph of a Markdown
//! script, a script line wrapped by hand) gets its replacement with the break in place of one
//! of its spaces, where it was joining the two lines into one. A one-word replacement takes the
//! break from a space beside the match; with none, the match is left for the writer.

use crate::support::{check_in, write};

#[test]
fn a_fix_over_a_line_break_keeps_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "calm.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]",
    );
    let text = "# Holding\n\n- Please stay calm and calm\n  down for me.\n";
    let path = write(dir.path(), "a.md", text);
    let (code, diff, err) = check_in(dir.path(), &["-r", "calm.yaml", "--diff", "a.md"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        diff,
        "--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n # Holding\n \n\
         -- Please stay calm and calm\n-  down for me.\n\
         +- Please stay calm and take your\n+  time for me.\n"
    );
    check_in(dir.path(), &["-r", "calm.yaml", "--fix", "a.md"]);
    let fixed = "# Holding\n\n- Please stay calm and take your\n  time for me.\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn a_one_word_fix_takes_the_break_from_a_space_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "relax.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: relax}]",
    );
    for (text, fixed) in [
        ("Please calm\r\ndown now.\r\n", "Please relax\r\nnow.\r\n"),
        ("Please calm\ndown.\n", "Please\nrelax.\n"),
        ("Please (calm\ndown).\n", "Please (calm\ndown).\n"),
    ] {
        let path = write(dir.path(), "s.txt", text);
        let (_, _, err) = check_in(dir.path(), &["-r", "relax.yaml", "--fix", "s.txt"]);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed, "{err}");
        let (_, out, _) = check_in(dir.path(), &["-r", "relax.yaml", "s.txt"]);
        assert_eq!(out.contains("t/calm"), text == fixed, "{out}");
    }
}

/// A break written as CR alone stays CR alone: in a file whose lines all end so, and as a stray
/// CR in a file of LF lines. The CRs were read as LFs, and the replacement took an LF.
#[test]
fn a_fix_keeps_a_break_of_cr_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "calm.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]",
    );
    for (text, fixed) in [
        (
            "Please calm\rdown now.\rOK.\r",
            "Please take your\rtime now.\rOK.\r",
        ),
        ("ok calm\rdown.\nnext\n", "ok take your\rtime.\nnext\n"),
        ("ok calm\r\ndown.\rnext\r", "ok take your\r\ntime.\rnext\r"),
    ] {
        let path = write(dir.path(), "s.txt", text);
        let (_, _, err) = check_in(dir.path(), &["-r", "calm.yaml", "--fix", "s.txt"]);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed, "{err}");
    }
}

/// A match over a sentence's end (`calm. Down`) or a blank line is reported, as SPEC §3 reads
/// punctuation and line breaks between words, but not written over: the fix would take the
/// full stop and the next sentence's words away (`Stay take your time payments are due`).
#[test]
fn a_match_over_a_sentence_or_paragraph_end_is_left_for_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "calm.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]",
    );
    for text in [
        "Agent: Stay calm. Down payments are due.\n",
        "Agent: Stay calm! Down payments are due.\n",
        "Agent: 冷静 calm。down\n",
        "Our agents stay calm\n\nDown payments are due.\n",
        "Our agents stay calm\r\n\r\nDown payments are due.\r\n",
    ] {
        let path = write(dir.path(), "s.txt", text);
        let (_, out, _) = check_in(dir.path(), &["-r", "calm.yaml", "s.txt"]);
        assert!(out.contains("t/calm"), "still reported: {out}");
        let (code, diff, err) = check_in(dir.path(), &["-r", "calm.yaml", "--diff", "s.txt"]);
        assert_eq!((code, diff.as_str()), (0, ""), "{err}");
        check_in(dir.path(), &["-r", "calm.yaml", "--fix", "s.txt"]);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
    // Over a comma, within the sentence, it is fixed.
    let path = write(dir.path(), "s.txt", "Agent: Stay calm, down there.\n");
    check_in(dir.path(), &["-r", "calm.yaml", "--fix", "s.txt"]);
    let fixed = "Agent: Stay take your time there.\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

/// Changes of lines next to each other are one block, the old lines then the new, as `diff`
/// and `git diff` write them; they came a line of each by turns.
#[test]
fn a_diff_writes_changes_of_lines_next_to_each_other_as_one_block() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "calm.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]",
    );
    write(
        dir.path(),
        "s.txt",
        "Agent: calm down now\nand calm down here\nCustomer: ok\nAgent: calm down\n",
    );
    let (code, diff, err) = check_in(dir.path(), &["-r", "calm.yaml", "--diff", "s.txt"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        diff,
        "--- a/s.txt\n+++ b/s.txt\n@@ -1,4 +1,4 @@\n\
         -Agent: calm down now\n-and calm down here\n\
         +Agent: take your time now\n+and take your time here\n \
         Customer: ok\n-Agent: calm down\n+Agent: take your time\n"
    );
}
