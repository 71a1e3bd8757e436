//! Streaming standard input (SPEC §10): each conversation's result line is written as soon as the
//! conversation is done, while the writer still holds the pipe open; every report format reads
//! a stream as it reads the same lines in a file.

use crate::support::{check, run, strings, write};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// `talklint check --format jsonl -` running, its stdin to write to, and its output lines.
fn spawn(args: &[&str]) -> (Child, ChildStdin, Receiver<String>) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_talklint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-config", "-r", "fixtures/rules/basic.yaml"])
        .args(["--format", "jsonl"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary runs");
    let stdin = child.stdin.take().expect("stdin");
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            if tx.send(line.expect("UTF-8 output")).is_err() {
                break;
            }
        }
    });
    (child, stdin, rx)
}

/// The next output line, which must come while the input is still open.
fn next(lines: &Receiver<String>) -> Value {
    let line = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("a result line before the input ends");
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
}

fn send(stdin: &mut ChildStdin, line: &str) {
    writeln!(stdin, "{line}").unwrap();
    stdin.flush().unwrap();
}

#[test]
fn each_record_is_answered_before_the_next_is_written() {
    let (mut child, mut stdin, lines) = spawn(&[]);
    for i in 0..3 {
        let text = if i == 1 {
            "Please calm down."
        } else {
            "Hello!"
        };
        send(
            &mut stdin,
            &format!(r#"{{"id": "r{i}", "messages": [{{"role": "agent", "text": "{text}"}}]}}"#),
        );
        let result = next(&lines);
        assert_eq!(result["id"], format!("r{i}"));
        assert_eq!(result["turns"], 1);
        let rules = strings(&result["findings"], "rule");
        assert_eq!(rules.contains(&"respect/calm-down"), i == 1, "{result}");
    }
    // A malformed line is an error entry of its own, and the stream goes on.
    send(&mut stdin, "{\"id\": \"r3\", \"messages\": [");
    assert_eq!(
        next(&lines)["error"]["message"],
        "line 4, column 26: the JSON ends inside a list: a `]` is missing (read as jsonl)"
    );
    send(
        &mut stdin,
        r#"{"id": "r4", "messages": [{"role": "agent", "text": "Hi"}]}"#,
    );
    assert_eq!(next(&lines)["id"], "r4");
    drop(stdin);
    let summary = next(&lines);
    assert_eq!(summary["summary"]["conversations"], 4);
    assert_eq!(summary["summary"]["files"], 1);
    assert_eq!(summary["summary"]["errors"], 1);
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

#[test]
fn a_conversation_of_messages_is_answered_when_the_next_begins() {
    let (mut child, mut stdin, lines) = spawn(&["--exit-zero"]);
    let message = |id: &str, role: &str, text: &str| {
        format!(r#"{{"conversation_id": "{id}", "role": "{role}", "text": "{text}"}}"#)
    };
    send(
        &mut stdin,
        &message("a", "agent", "That is out of my hands."),
    );
    send(&mut stdin, &message("a", "customer", "Really?"));
    send(&mut stdin, &message("b", "agent", "Hi!"));
    let a = next(&lines);
    assert_eq!((&a["id"], &a["turns"]), (&"a".into(), &2.into()));
    assert_eq!(a["findings"][0]["line"], 1);
    send(&mut stdin, &message("b", "customer", "Hello"));
    drop(stdin);
    let b = next(&lines);
    assert_eq!((&b["id"], &b["turns"]), (&"b".into(), &2.into()));
    assert_eq!(next(&lines)["summary"]["conversations"], 2);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn every_format_reads_a_stream_as_the_same_lines_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let records = r#"{"id": "1", "messages": [{"role": "agent", "text": "Please calm down."}]}

{"id": "2", "turns": [{"speaker": "Agent", "text": "Hi"}, {"speaker": "Agent", "text": "That is not my job, sorry."}]}
{"id": "3", "messages": [{"role": "agent", "text": "It's out of my hands, \u00e9, I don't know."}]}
{"id": "4", "messages": []}
"#;
    let path = write(dir.path(), "records.jsonl", records);
    let name = path.to_str().unwrap();
    for format in [
        "human", "json", "jsonl", "sarif", "github", "junit", "csv", "html",
    ] {
        let (code, from_file, _) = run(&mut check(&["--format", format, name]));
        let (stream_code, from_stream, _) =
            run(check(&["--format", format, "--stdin-filename", name, "-"]).write_stdin(records));
        assert_eq!((stream_code, &from_stream), (code, &from_file), "{format}");
        if format == "json" {
            // A record without turns is reported (with a warning) from both, not skipped.
            let v: Value = serde_json::from_str(&from_file).unwrap();
            let empty = &v["conversations"][3];
            assert_eq!((&empty["id"], &empty["turns"]), (&"4".into(), &0.into()));
            assert_eq!(
                empty["warnings"][0],
                "no turns: nothing in this conversation was checked"
            );
            assert_eq!(v["summary"]["skipped"], 0);
        }
    }
}

#[test]
fn an_empty_input_read_as_jsonl_holds_no_conversation() {
    // What an empty Spark partition sends its pipe: nothing to report, so nothing to merge.
    for input in ["", "\n\n"] {
        let (code, out, err) =
            run(check(&["--format", "json", "--input-format", "jsonl", "-"]).write_stdin(input));
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summary"]["files"], 0, "{v}");
        assert_eq!(v["summary"]["conversations"], 0);
        assert_eq!(v["skipped"], serde_json::json!([]), "{v}");
    }
}

#[test]
fn standard_input_named_twice_is_read_once() {
    let record = "{\"id\":\"c1\",\"messages\":[{\"role\":\"agent\",\"text\":\"hello\"}]}\n";
    let (code, out, err) = run(check(&["--format", "json", "-", "-"]).write_stdin(record));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["files"], 1, "{v}");
    assert_eq!(v["summary"]["conversations"], 1, "{v}");
    assert_eq!(v["skipped"], serde_json::json!([]), "{v}");
}

#[test]
fn a_parsers_warning_names_the_streams_line_as_the_files() {
    let lines = "{\"conversation_id\":\"c-1\",\"role\":\"agent\",\"text\":\"hi\"}\n\
                 {\"conversation_id\":\"c-2\",\"role\":\"agent\",\"text\":\"hi\"}\n\
                 {\"conversation_id\":\"c-2\",\"role\":\"agent\",\"text\":\"calm\",\"timestamp\":\"soon\"}\n";
    let (_, streamed, _) = run(check(&["--format", "json", "-"]).write_stdin(lines));
    let v: Value = serde_json::from_str(&streamed).unwrap();
    let warning = v["conversations"][1]["warnings"][0]
        .as_str()
        .unwrap_or_default();
    assert!(warning.starts_with("line 3, column "), "{v}");
}

#[test]
fn a_utf16_stream_with_its_byte_order_mark_reads_as_its_utf8_lines() {
    // Read line by line as UTF-8, every line of it was once an error.
    let text = "{\"id\":\"c-1\",\"messages\":[{\"role\":\"agent\",\"text\":\"Olá — that's not my department 😀\"}]}\n\
                {\"id\":\"c-2\",\"turns\":[{\"role\":\"agent\",\"text\":\"please calm down\"}]}\n";
    let jsonl = |input: Vec<u8>| {
        let args = ["--format", "jsonl", "--input-format", "jsonl", "-"];
        run(check(&args).write_stdin(input))
    };
    let utf8 = jsonl(text.as_bytes().to_vec());
    assert!(utf8.1.contains("not-my-department"), "{}", utf8.1);
    for (mark, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        let units = text.encode_utf16();
        let bytes = units.flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() });
        assert_eq!(
            jsonl(mark.into_iter().chain(bytes).collect()),
            utf8,
            "le: {le}"
        );
    }
    // UTF-32 is one error that says how to convert it, not an error for every line.
    let utf32 = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(text.chars().flat_map(|c| (c as u32).to_le_bytes()));
    let (code, out, _) = jsonl(utf32.collect());
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("UTF-32") && out.contains("iconv -f UTF-32"),
        "{out}"
    );
}
