//! Messy multinational input from a new user's trial: non-ASCII text before a JSON error, files
//! in UTF-32 or in UTF-16 without a byte-order mark, and text transcripts whose labels name no
//! known role, wrap onto a second line, hide behind a zero-width space or end in a full-width
//! colon. Each is read as the file means, or said to be unreadable and how to fix it.

use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// `talklint check --no-config --format json PATH` with the default pack: exit code and report.
fn report(path: &Path, extra: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .args(extra)
        .arg(path));
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}:\n{out}\n{err}"));
    (code, v)
}

/// The one error message of a report on a file that cannot be read.
fn only_error(path: &Path) -> String {
    let (code, v) = report(path, &[]);
    assert_eq!(code, 2, "{v}");
    let errors = crate::support::error_messages(&v);
    assert_eq!(errors.len(), 1, "{v}");
    errors[0].to_string()
}

#[test]
fn json_and_jsonl_errors_count_columns_in_characters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, accented, plain) in [
        (
            "one-line.json",
            "[{\"role\":\"agent\",\"text\":\"éé\" \"x\"}]",
            "[{\"role\":\"agent\",\"text\":\"ee\" \"x\"}]",
        ),
        (
            "second-line.json",
            "[\n {\"text\": \"ü\", \"role\": \"agent\" \"b\"}\n]",
            "[\n {\"text\": \"u\", \"role\": \"agent\" \"b\"}\n]",
        ),
        (
            "nested.json",
            "{\"messages\": [{\"role\":\"agent\",\"text\":\"日本語\" \"x\"}]}",
            "{\"messages\": [{\"role\":\"agent\",\"text\":\"abc\" \"x\"}]}",
        ),
        (
            "lines.jsonl",
            "{\"role\":\"agent\",\"text\":\"ok\"}\n{\"role\":\"agent\",\"text\":\"éé\" \"x\"}\n",
            "{\"role\":\"agent\",\"text\":\"ok\"}\n{\"role\":\"agent\",\"text\":\"ee\" \"x\"}\n",
        ),
        (
            "comment.jsonc",
            "[{\"text\": \"a\"} /* ü */ {\"text\": \"b\"}]",
            "[{\"text\": \"a\"} /* u */ {\"text\": \"b\"}]",
        ),
    ] {
        let accented = only_error(&write(d, &format!("accented-{name}"), accented));
        let plain = only_error(&write(d, &format!("plain-{name}"), plain));
        assert_eq!(accented, plain, "{name}: the same character column");
    }
    let e = only_error(&write(
        d,
        "e.json",
        "[{\"role\":\"agent\",\"text\":\"éé\" \"x\"}]",
    ));
    assert!(e.starts_with("line 1, column 30: "), "{e}");
}
