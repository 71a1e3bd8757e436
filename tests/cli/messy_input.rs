//! Messy multinational input from a new user's trial: non-ASCII text before a JSON error, files
//! in UTF-32 or in UTF-16 without a byte-order mark, and text transcripts whose labels name no
//! known role, wrap onto a second line, hide behind a zero-width space or end in a full-width
//! colon. Each is read as the file means, or said to be unreadable and how to fix it.

use crate::support::{default_pack_report, run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// `talklint check --format json PATH` with the default pack (and no config unless `extra`
/// names one): exit code and report.
fn report(path: &Path, extra: &[&str]) -> (i32, Value) {
    let config = if extra.contains(&"--config") {
        None
    } else {
        Some("--no-config")
    };
    let (code, out, err) = run(talklint()
        .args(["check", "--format", "json", "--exit-zero"])
        .args(config)
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
        let warnings = warnings(c);
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

#[test]
fn invalid_utf16_is_named_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    // A byte-order mark, then line 2 holds a high surrogate with no low one after it, twice,
    // and the file ends in one byte more.
    let mut bytes = vec![0xFF, 0xFE];
    let mut units: Vec<u16> = "Agent: hi\nCustomer: caf".encode_utf16().collect();
    units.extend([0xD800, u16::from(b'!'), 0xD801]);
    units.extend("\n".encode_utf16());
    bytes.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    bytes.push(b'x');
    let path = dir.path().join("call.txt");
    std::fs::write(&path, bytes).unwrap();
    let v = default_pack_report(&path);
    let warnings = warnings(&v["conversations"][0]);
    assert!(
        warnings.contains("line 2, column 14: invalid UTF-16 (and 1 more),"),
        "{warnings}"
    );
    assert!(
        warnings.contains("half a UTF-16 character (one byte, 0x78)"),
        "{warnings}"
    );
}

/// A conversation's warnings, one a line.
fn warnings(c: &Value) -> String {
    let list = c["warnings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let lines: Vec<_> = list.iter().filter_map(Value::as_str).collect();
    lines.join("\n")
}

/// The conversation of a text file read with the default pack: its turns' roles, its unknown
/// turns and its warnings.
fn read_text(dir: &Path, name: &str, text: &str, extra: &[&str]) -> Value {
    let path = write(dir, name, text);
    let (code, v) = report(&path, extra);
    assert_eq!(code, 0, "{v}");
    v["conversations"][0].clone()
}

#[test]
fn unknown_labels_with_a_wrapped_line_are_still_a_dialogue_with_the_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text, labels) in [
        (
            "de.txt",
            "Weber: calm down? that is not my department, you sold it to me\nand I want it fixed\n\
             Roth: I understand.\n",
            "\"Weber\", \"Roth\"",
        ),
        (
            "names.txt",
            "John: calm down? that is not my department\nI want it fixed\nSarah: I understand.\n",
            "\"John\", \"Sarah\"",
        ),
    ] {
        let c = read_text(d, name, text, &[]);
        assert_eq!(
            (&c["turns"], &c["unknown_turns"]),
            (&2.into(), &2.into()),
            "{c}"
        );
        assert_eq!(c["findings"].as_array().map(Vec::len), Some(0), "{c}");
        let warnings = warnings(&c);
        assert!(
            warnings.contains(labels) && warnings.contains("roles:"),
            "{warnings}"
        );
    }
    // German role words name their roles: the customer's words are not the agent's.
    let text = "Kunde: calm down? that is not my department, you sold it to me\n\
                and I want it fixed\nBerater: I understand.\n";
    let c = read_text(d, "kunde.txt", text, &[]);
    assert_eq!(
        (
            &c["turns"],
            &c["unknown_turns"],
            &c["findings"],
            &c["warnings"]
        ),
        (&2.into(), &0.into(), &Value::Array(vec![]), &Value::Null),
        "{c}"
    );
}

#[test]
fn a_zero_width_space_before_a_label_hides_no_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let c = read_text(
        dir.path(),
        "zwsp.txt",
        "\u{200b}Customer: calm down? that is not my department\nand I want it fixed\n\
         \u{200b}Agent: I understand.\n",
        &[],
    );
    assert_eq!(c["turns"], 2, "{c}");
    assert_eq!(c["findings"].as_array().map(Vec::len), Some(0), "{c}");
}

#[test]
fn a_full_width_colon_ends_a_label() {
    let dir = tempfile::tempdir().unwrap();
    let text = "顧客：calm down, that is not my department\nand I want it fixed\n担当者：that is not my department\n";
    let c = read_text(dir.path(), "ja.txt", text, &[]);
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&2.into(), &2.into()),
        "{c}"
    );
    assert!(warnings(&c).contains("顧客"), "{c}");
    let config = write(
        dir.path(),
        "talklint.yaml",
        "rules: [default]\nroles: {agent: [\"担当者\"], customer: [\"顧客\"]}\n",
    );
    let config = config.to_str().unwrap();
    let c = read_text(dir.path(), "ja.txt", text, &["--config", config]);
    assert_eq!(c["unknown_turns"], 0, "{c}");
    let agent_lines: Vec<_> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["role"].as_str(), f["line"].as_u64()))
        .collect();
    assert_eq!(agent_lines, [(Some("agent"), Some(3))], "{c}");
}

#[test]
fn scripts_and_colon_lines_that_name_no_speaker_stay_one_agent_turn() {
    let dir = tempfile::tempdir().unwrap();
    for text in [
        "Thanks for calling. That is not my department.\nLet me transfer you.\n",
        "Thanks for calling, that is not my department.\nHours: 9 to 5\nPhone: 555 0100\n",
        "Note: that is not my department\nStep 1: transfer the call\nSee https://example.com\n",
        "At 10:00 we open.\nThat is not my department.\nVisit http://example.com: it helps.\n",
        // Header lines above the text: no label comes after it, so no dialogue.
        "Please note: this call may be recorded.\nReminder: be polite.\nThat is not my department, call the bank.\n",
        "标题：退款\n注意：礼貌\nThat is not my department.\n",
    ] {
        let c = read_text(dir.path(), "script.txt", text, &[]);
        assert_eq!(
            (&c["turns"], &c["unknown_turns"]),
            (&1.into(), &0.into()),
            "{text}: {c}"
        );
        let roles: Vec<_> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["role"].as_str())
            .collect();
        assert!(
            !roles.is_empty() && roles.iter().all(|r| *r == Some("agent")),
            "{c}"
        );
    }
}
