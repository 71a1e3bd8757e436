//! A backtick escaped with a backslash (`` \` ``) is a backtick shown as text, not inline code
//! (CommonMark 2.4): the words between two such are said, and linted (they were read as a code
//! span, and missed), while a code span is still code.

use crate::support::{check_in, findings, write};

#[test]
fn escaped_backticks_open_no_code_span() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "words.yaml",
        "rules: [{id: t/kindly, phrases: [kindly], replace: please}, \
         {id: t/asap, phrases: [asap], replace: today}]",
    );
    let text = "Agent: Use \\`kindly\\` and \\`ASAP\\` here, never `kindly`.\n";
    let path = write(dir.path(), "e.md", text);
    let (_, out, err) = check_in(dir.path(), &["-r", "words.yaml", "-f", "json", "e.md"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, u64)> = findings(&report, 0)
        .into_iter()
        .map(|f| (f.0, f.2))
        .collect();
    assert_eq!(
        got,
        [("t/kindly".to_string(), 14), ("t/asap".to_string(), 29)],
        "{out}{err}"
    );
    let (_, _, err) = check_in(dir.path(), &["-r", "words.yaml", "--fix", "e.md"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Agent: Use \\`please\\` and \\`today\\` here, never `kindly`.\n",
        "{err}"
    );
}
