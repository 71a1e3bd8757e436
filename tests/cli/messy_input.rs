//! Messy multinational input from a new user's trial: non-ASCII text before a JSON error, files
//! in UTF-32 or in UTF-16 without a byte-order mark, and text transcripts whose labels name no
//! known role, wrap onto a second line, hide behind a zero-width space or end in a full-width
//! colon. Each is read as the file means, or said to be unreadable and how to fix it.

use crate::support::{default_pack_report, run, talklint, write};
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

#[test]
fn a_utf32_file_is_an_error_that_says_how_to_convert_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: not my department\n";
    let mut le = vec![0xFF, 0xFE, 0, 0];
    let mut be = vec![0, 0, 0xFE, 0xFF];
    for c in text.chars() {
        le.extend_from_slice(&u32::from(c).to_le_bytes());
        be.extend_from_slice(&u32::from(c).to_be_bytes());
    }
    for (name, bytes) in [("le.txt", le), ("be.json", be)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let e = only_error(&path);
        assert!(e.contains("UTF-32"), "{e}");
        assert!(e.contains("iconv -f UTF-32 -t UTF-8"), "{e}");
    }
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: that is not my department\nCustomer: what?\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let v = default_pack_report(&path);
        assert_eq!(v["summary"]["skipped"], 0, "{name}: {v}");
        let c = &v["conversations"][0];
        assert_eq!(c["turns"], 2, "{name}: {c}");
        let warnings = c["warnings"].to_string();
        assert!(
            warnings.contains("UTF-16") && warnings.contains("byte-order mark"),
            "{name}: {warnings}"
        );
        assert!(
            crate::support::finding(c, "ownership/closed-door")["role"] == "agent",
            "{c}"
        );
    }
    // NULs that are not UTF-16 text stay binary.
    let path = dir.path().join("binary.txt");
    std::fs::write(&path, b"Agent: hi\x00\x01\x02\x00\x00\x00").unwrap();
    let v = default_pack_report(&path);
    assert_eq!(v["skipped"][0]["reason"], "binary", "{v}");
}
