//! A warning about a file as a whole (its encoding) in a file of several conversations goes to
//! the conversation whose turn's text holds its place, not to every conversation of the file;
//! one about a byte outside any turn's text (a speaker's name) goes to them all. Prose before a
//! dialogue's first label is warned of.

use crate::support::{json_report, run, talklint, write};

#[test]
fn an_encoding_warning_goes_to_the_conversation_it_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "u.jsonl", "");
    // Latin-1 `é` on line 2: one byte that is no UTF-8.
    let bytes: &[u8] = b"{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}\n\
        {\"id\":\"b\",\"messages\":[{\"role\":\"agent\",\"text\":\"caf\xe9\"}]}\n\
        {\"id\":\"c\",\"messages\":[{\"role\":\"agent\",\"text\":\"three\"}]}\n";
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "--exit-zero"])
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let warned: Vec<(&str, usize)> = (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            let count = c["warnings"].as_array().map_or(0, Vec::len);
            (c["id"].as_str().unwrap(), count)
        })
        .collect();
    assert_eq!(warned, [("a", 0), ("b", 1), ("c", 0)], "{v}");
    let said = v["conversations"][1]["warnings"][0].as_str().unwrap();
    assert!(
        said.starts_with("line 2, column ") && said.contains(": invalid UTF-8,"),
        "{said}"
    );
    // Its place opens it, so GitHub and SARIF place it too (they read `line L, column C: `).
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "-f", "github", "--exit-zero"])
        .arg(&path));
    let file = path.to_str().unwrap();
    assert!(
        out.contains(&format!("::warning file={file},line=2,col=")),
        "{out}"
    );
}

/// Rows of two conversations interleaved in a CSV file, and a bad byte in a speaker's name.
#[test]
fn an_encoding_warning_follows_the_text_not_the_line_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "i.csv", "");
    let rows: &[u8] = b"conversation_id,role,text\na,agent,hello there\nb,agent,hi there\n\
        a,agent,caf\xe9 now\n";
    std::fs::write(&path, rows).unwrap();
    assert_eq!(warned(&path), [("a".to_string(), 1), ("b".to_string(), 0)]);
    let rows: &[u8] = b"conversation_id,role,speaker,text\na,agent,Ren\xe9e,hello there\n\
        b,agent,Sam,hi there\n";
    std::fs::write(&path, rows).unwrap();
    let all = warned(&path);
    assert!(all.iter().all(|(_, n)| *n >= 1), "{all:?}");
}

/// Each conversation's id and how many of its warnings are about invalid UTF-8.
fn warned(path: &std::path::Path) -> Vec<(String, usize)> {
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "--exit-zero"])
        .arg(path));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            let utf8 = (c["warnings"].as_array().into_iter().flatten())
                .filter(|w| w.as_str().is_some_and(|w| w.contains(": invalid UTF-8,")))
                .count();
            (c["id"].as_str().unwrap_or("-").to_string(), utf8)
        })
        .collect()
}

/// A bad byte or an unpaired surrogate in a file whose lines end in CR alone is placed as its
/// lines are read: once placed by LF alone, at 1:34 where 3:11 is.
#[test]
fn an_encoding_warning_counts_a_lone_cr_as_a_line_end() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("cr.txt");
    std::fs::write(
        &utf8,
        b"Agent: hi\rCustomer: ok\rAgent: caf\xe9 please calm down\r",
    )
    .unwrap();
    let utf16 = dir.path().join("cr16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Agent: hi\rCustomer: X".encode_utf16().chain([0xD800]) {
        bytes.extend(unit.to_le_bytes());
    }
    for unit in " here\rAgent: ok\r".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "--exit-zero"])
        .args([&utf8, &utf16]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let first = |i: usize| {
        v["conversations"][i]["warnings"][0]
            .as_str()
            .unwrap_or_default()
    };
    assert!(
        first(0).starts_with("line 3, column 11: invalid UTF-8,"),
        "{v}"
    );
    assert!(
        first(1).starts_with("line 2, column 12: invalid UTF-16,"),
        "{v}"
    );
}

/// Text before a dialogue's first label is no one's turn: a canned reply whose signature line
/// (`Support: …`) read as a label passed with its "please calm down" unjudged and no word. After
/// a sign-off (`Thanks,`) such a line is a signature, and the reply is judged; prose before a
/// label is warned of; a call's header of short lines is not.
#[test]
fn prose_before_the_first_label_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Hi {{name}},\nNo problem, please calm down, we will refund you asap.\n";
    for sign_off in ["Thanks,\nSarah\n", "Best,\n"] {
        let text = format!("{body}{sign_off}Support: support@example.com\nacme.com\n");
        let reply = write(dir.path(), "signed.txt", &text);
        let (code, v) = json_report(&[reply.to_str().unwrap()]);
        assert_eq!(code, 1, "{v}");
        let c = &v["conversations"][0];
        let rules = c["findings"].as_array().unwrap().iter().map(|f| &f["rule"]);
        assert!(rules.clone().any(|r| r == "respect/calm-down"), "{v}");
        assert_eq!(c["warnings"], serde_json::Value::Null, "{v}");
    }
    // A template's field to fill in (`Customer Name: {{name}}`) is no customer speaking.
    let field = "Hi,\nCustomer Name: {{name}}\nPlease calm down, it ships today.\n";
    let reply = write(dir.path(), "field.txt", field);
    let (_, v) = json_report(&[reply.to_str().unwrap()]);
    let c = &v["conversations"][0];
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&1.into(), &0.into()),
        "{v}"
    );
    let unsigned =
        format!("{body}We are on it and will write again today.\nSupport: help@example.com\n");
    let reply = write(dir.path(), "reply.txt", &unsigned);
    let (code, v) = json_report(&[reply.to_str().unwrap()]);
    assert_eq!(code, 0, "{v}");
    let warnings = v["conversations"][0]["warnings"].to_string();
    assert!(
        warnings.contains("line 1, column 1: the text from here to the first speaker label is no one's turn, and no rule judges it"),
        "{warnings}"
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Call with John Smith, account 12345\nDate: 2024-05-01 10:00\n\nAgent: calm down\n",
    );
    let (_, v) = json_report(&[call.to_str().unwrap()]);
    assert_eq!(
        v["conversations"][0]["warnings"],
        serde_json::Value::Null,
        "{v}"
    );
}
