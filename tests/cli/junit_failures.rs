//! A JUnit failure says why the conversation failed as the human report does (`92 needed`,
//! `auto-fail …`), `talklint merge` says it too, and names with line breaks or tabs are read
//! back unchanged from JUnit's attributes.

use crate::support::{check_in, run, talklint, write};

/// The `(suite name, failure message)` of each suite of a JUnit report, as an XML parser reads
/// them.
fn failures(xml: &str) -> Vec<(String, Option<String>)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .map(|s| {
            let failure = s.descendants().find(|n| n.has_tag_name("failure"));
            let message = failure
                .and_then(|f| f.attribute("message"))
                .map(String::from);
            (s.attribute("name").unwrap_or_default().to_string(), message)
        })
        .collect()
}

#[test]
fn a_min_score_failure_says_the_score_needed_in_check_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ok.txt",
        "Agent: Hello, thanks for calling.\nCustomer: Hi.\n",
    );
    let args = ["--min-score", "92", "-f", "junit"];
    let (code, single, _) = check_in(dir.path(), &args);
    assert_eq!(code, 1);
    let expected = (
        "ok.txt".into(),
        Some("score 82 (0 problems; 92 needed)".into()),
    );
    assert_eq!(failures(&single), [expected]);

    let (_, jsonl, _) = check_in(dir.path(), &["--min-score", "92", "-f", "jsonl"]);
    let reports = tempfile::tempdir().unwrap();
    let report = write(reports.path(), "r.jsonl", &jsonl);
    let (code, merged, err) = run(talklint()
        .current_dir(dir.path())
        .args(["merge", "--no-config", "-f", "junit"])
        .arg(&report));
    assert_eq!((code, merged), (1, single), "{err}");
}

#[test]
fn an_auto_fail_failure_names_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: Calm down.\n");
    let (_, out, _) = check_in(dir.path(), &["-f", "junit"]);
    let message = "score 70 (1 problem; auto-fail respect/calm-down)";
    assert_eq!(failures(&out), [("a.txt".into(), Some(message.into()))]);
}

#[cfg(unix)]
#[test]
fn names_with_line_breaks_and_tabs_are_read_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let name = "new\nline\tand\rreturn.txt";
    write(dir.path(), name, "Agent: Calm down.\n");
    let (_, out, _) = check_in(dir.path(), &["-f", "junit", name]);
    assert!(out.contains("new&#10;line&#9;and&#13;return.txt"), "{out}");
    let names: Vec<String> = failures(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, [name]);
    let doc = roxmltree::Document::parse(&out).unwrap();
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .unwrap();
    assert_eq!(case.attribute("classname"), Some(name));
    assert_eq!(case.attribute("name"), Some(name));
}
