//! HTML in a Markdown script: a tag's attributes (`<a title="calm down">`, `<img alt="…">`)
//! are markup, not speech (they were linted, and `--fix` rewrote them), while the text between
//! tags (`<b>calm down</b>`) is said, and a tag that breaks the line (`<br>`, `<p>`) parts the
//! words either side. Character references read as what they stand for (`calm&nbsp;down`,
//! `I&#39;m sorry` were missed): findings point at the file's bytes, and a fix replaces the
//! reference with the rest of its match.

use crate::support::{check_in, findings, write};

/// Rules that rewrite "calm down" and "I'm sorry", so that `--fix` shows what is read as speech.
const RULES: &str = "rules: [{id: t/calm, phrases: [calm down], replace: take your time}, \
                     {id: t/sorry, phrases: [\"i'm sorry\"], replace: my apologies}]";

/// The findings of `name` in `dir` as (rule, line, column, end column, match).
fn found(dir: &std::path::Path, name: &str) -> Vec<(String, u64, u64, u64, String)> {
    let (_, out, err) = check_in(dir, &["-r", "rules.yaml", "-f", "json", name]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    let ends = report["conversations"][0]["findings"].as_array().unwrap();
    findings(&report, 0)
        .into_iter()
        .zip(ends)
        .map(|(f, e)| {
            (
                f.0,
                f.1,
                f.2,
                e["end_column"].as_u64().unwrap(),
                f.3.unwrap(),
            )
        })
        .collect()
}

/// `s` as an owned `String`.
fn s(s: &str) -> String {
    s.to_string()
}

#[test]
fn html_attributes_are_not_said_and_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let text = "Hello <a title=\"calm down\" href=\"x\">link</a> and <img alt='calm down'>.\n\
                \n<div title=\"calm down\"\n     class=\"note\">\nfine\n</div>\n\n\
                Please <b>calm down</b>. Never calm<br>down.\n";
    let path = write(dir.path(), "a.md", text);
    let calm = |column, end| (s("t/calm"), 8, column, end, s("calm down"));
    // The words either side of `<br>` are apart, so the phrase is read over it.
    assert_eq!(
        found(dir.path(), "a.md"),
        [calm(11, 20), calm(32, 44)],
        "only the bold words and the words parted by <br>"
    );
    let (code, _, err) = check_in(dir.path(), &["-r", "rules.yaml", "--fix", "a.md"]);
    assert!(code != 2 && err.contains("a.md: 1 match replaced"), "{err}");
    // The match over `<br>` is for the writer: an edit would write the tag away.
    let fixed = text.replace("<b>calm down</b>", "<b>take your time</b>");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

#[test]
fn character_references_read_as_what_they_stand_for() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let text = "Please calm&nbsp;down now.\n\nI&#39;m sorry &amp; calm down, \
                not calm\\&nbsp;down.\n";
    let path = write(dir.path(), "e.md", text);
    assert_eq!(
        found(dir.path(), "e.md"),
        [
            (s("t/calm"), 1, 8, 22, s("calm down")),
            (s("t/sorry"), 3, 1, 14, s("I'm sorry")),
            (s("t/calm"), 3, 21, 30, s("calm down")),
        ],
        "columns count the file's characters; an escaped `&` is text"
    );
    let (_, diff, _) = check_in(dir.path(), &["-r", "rules.yaml", "--diff", "e.md"]);
    assert!(
        diff.contains("+Please take your time now.\n")
            && diff.contains("+My apologies &amp; take your time, not calm\\&nbsp;down.\n"),
        "{diff}"
    );
    check_in(dir.path(), &["-r", "rules.yaml", "--fix", "e.md"]);
    let fixed = "Please take your time now.\n\nMy apologies &amp; take your time, \
                 not calm\\&nbsp;down.\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}

/// A `<` left open at a line's end does not hide the turns after it: a tag goes on over lines
/// that open with no speaker's label (`<b` then `Agent: … >` hid the agent's turn, and its
/// "calm down"), as over `src="np.png">`.
#[test]
fn a_tag_left_open_does_not_hide_the_next_speakers_turn() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let script = "Customer: my card says <b\nAgent: please calm down and wait > ok\n";
    write(dir.path(), "t.md", script);
    let at: Vec<(String, u64, u64)> = (found(dir.path(), "t.md").into_iter())
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(at, [(s("t/calm"), 2, 15)]);
    // An attribute on a line at the margin that is no label goes on with its tag, unread.
    write(
        dir.path(),
        "u.md",
        "<img alt=\"Calm down\"\nsrc=\"np.png\">\nThanks.\n",
    );
    assert_eq!(found(dir.path(), "u.md"), []);
    // Prose after a `<` is no tag's attributes, on the next line either.
    let prose = "Agent: the fee is <b or over ten\nplease calm down then > it is fine\n";
    write(dir.path(), "w.md", prose);
    let at: Vec<(String, u64)> = (found(dir.path(), "w.md").into_iter())
        .map(|f| (f.0, f.1))
        .collect();
    assert_eq!(at, [(s("t/calm"), 2)]);
}

/// The references a writer of replies types most read as what they stand for too: a dash, an
/// ellipsis, curly quotes (`&mdash;` was text, and a rule's `$` after a phrase missed).
#[test]
fn dashes_ellipses_and_curly_quotes_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yaml",
        "rules: [{id: t/np, phrases: ['no problem$']}]",
    );
    write(
        dir.path(),
        "v.md",
        "No problem&mdash;thanks for waiting.\n\nI&rsquo;m on it&hellip;\n",
    );
    let at: Vec<(String, u64, u64)> = (found(dir.path(), "v.md").into_iter())
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(at, [(s("t/np"), 1, 1)]);
}
