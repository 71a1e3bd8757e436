//! A conversation of a stream skipped for its size, and a line of a stream that could not be
//! read, are reported with the stream's line, as a field, and `merge` reads that field (not the
//! message's words) to keep them beside the stream's conversations; skipped entries of reports
//! written before the field merge as they did. A file's error has no such field.

use crate::merge::merge;
use crate::support::{run, talklint, write};
use serde_json::Value;

/// The report in `format` of `check` of `input` on standard input, read as a stream of JSONL
/// with a 1 KiB size limit: exit code and report.
fn stream_as(format: &str, input: &str) -> (i32, String) {
    let (code, out, _) = run(talklint()
        .args([
            "check",
            "--no-config",
            "-f",
            format,
            "--input-format",
            "jsonl",
        ])
        .args(["--max-filesize", "1K", "--exit-zero", "-"])
        .write_stdin(input.to_string()));
    (code, out)
}

/// The JSONL report of [`stream_as`], whose lines were all read.
fn stream(input: &str) -> String {
    let (code, out) = stream_as("jsonl", input);
    assert_eq!(code, 0, "{out}");
    out
}

/// The report of a stream of three conversation records, the second over the size limit.
fn stream_report() -> String {
    let long = "x".repeat(2000);
    stream(&format!(
        "{{\"id\":\"c1\",\"messages\":[{{\"role\":\"agent\",\"text\":\"calm down\"}}]}}\n\
         {{\"id\":\"c2\",\"messages\":[{{\"role\":\"agent\",\"text\":\"{long}\"}}]}}\n\
         {{\"id\":\"c3\",\"messages\":[{{\"role\":\"agent\",\"text\":\"hi\"}}]}}\n"
    ))
}

/// The `{"skipped": …}` entry of a JSONL report.
fn skipped_line(report: &str) -> Value {
    let line = report.lines().find(|l| l.starts_with("{\"skipped\""));
    let v: Value = serde_json::from_str(line.expect("a skipped line")).unwrap();
    v["skipped"].clone()
}

#[test]
fn a_skipped_record_of_a_stream_names_its_line_in_a_field() {
    let skipped = skipped_line(&stream_report());
    assert_eq!(skipped["path"], "<stdin>", "{skipped}");
    assert_eq!(skipped["line"], 2, "{skipped}");
    // A whole file skipped has no line.
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "-f", "json"])
        .args(["--max-filesize", "10", "fixtures/calls/deflection.txt"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let file = &v["skipped"][0];
    assert!(
        file["reason"].as_str().unwrap().starts_with("too large"),
        "{v}"
    );
    assert!(file.get("line").is_none(), "{v}");
}

#[test]
fn merge_reads_the_line_field_not_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let report = stream_report();
    let reason = skipped_line(&report)["reason"]
        .as_str()
        .unwrap()
        .to_string();
    // The same report had its reason been worded otherwise: still a line of the stream.
    let reworded = report.replace(&reason, "too big");
    let reports = [write(dir.path(), "reworded.jsonl", &reworded)];
    let (code, out, err) = merge(&["-f", "json", "--exit-zero"], &reports);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["conversations"], 2, "{v}");
    assert_eq!(
        v["skipped"][0],
        serde_json::json!({"path": "<stdin>", "line": 2, "reason": "too big"})
    );
}

#[test]
fn a_report_without_the_line_field_merges_as_before_and_gains_it() {
    let dir = tempfile::tempdir().unwrap();
    let older = stream_report().replace("\"line\":2,", "");
    assert!(skipped_line(&older).get("line").is_none(), "{older}");
    let reports = [write(dir.path(), "older.jsonl", &older)];
    let (code, out, err) = merge(&["-f", "jsonl", "--exit-zero"], &reports);
    assert_eq!(code, 0, "{err}");
    assert_eq!(skipped_line(&out)["line"], 2, "{out}");
}

#[test]
fn stream_reports_merge_with_a_skipped_line_and_empty_partitions() {
    let dir = tempfile::tempdir().unwrap();
    let parts = [
        write(dir.path(), "part-0", &stream_report()),
        write(dir.path(), "part-1", &stream("")),
        write(dir.path(), "part-2", &stream("\n\n")),
    ];
    let (code, out, err) = merge(&["-f", "json", "--exit-zero"], &parts);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["conversations"], 2, "{v}");
    assert_eq!(v["summary"]["skipped"], 1, "{v}");
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("line 2: too large"),
        "{v}"
    );
}

/// A stream of messages with two lines that cannot be read: line 4, among conversation `n`'s
/// messages (its error written just before `n`, when `n` ends), and line 6, `m` again after
/// `n`, an error of its own (written as it is read, so first).
const BROKEN: &str = "{\"conversation_id\":\"m\",\"role\":\"agent\",\"text\":\"Hello.\"}
{\"conversation_id\":\"m\",\"role\":\"customer\",\"text\":\"Hi.\"}
{\"conversation_id\":\"n\",\"role\":\"agent\",\"text\":\"Please calm down.\"}
not json
{\"conversation_id\":\"n\",\"role\":\"customer\",\"text\":\"Bye.\"}
{\"conversation_id\":\"m\",\"role\":\"agent\",\"text\":\"Again.\"}
";

/// A JSON report's errors as (line field, the message's first words).
fn error_lines(json: &str) -> Vec<(Value, String)> {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let errors = v["errors"].as_array().unwrap_or_else(|| panic!("{v}"));
    errors
        .iter()
        .map(|e| {
            let message = e["message"].as_str().unwrap();
            (
                e["line"].clone(),
                message[..message.find(':').unwrap()].into(),
            )
        })
        .collect()
}

/// An error entry had no `line`, so a stream's line could not be told from a file's parse error,
/// whose message names a line too.
#[test]
fn a_streams_unread_lines_name_their_lines_in_a_field_and_a_files_error_none() {
    let (code, json) = stream_as("json", BROKEN);
    assert_eq!(code, 2, "{json}");
    assert_eq!(
        error_lines(&json),
        [
            (6.into(), "line 6, column 1".into()),
            (4.into(), "line 4, column 1".into())
        ]
    );
    // The same lines in a file are its one error, which names its first line in its message
    // alone; so does a malformed file's.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calls.jsonl", BROKEN);
    write(dir.path(), "bad.json", "{\"messages\": [\n");
    let (code, json, err) = run(talklint()
        .current_dir(dir.path())
        .args(crate::support::JSON_CHECK)
        .args(["bad.json", "calls.jsonl"]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        error_lines(&json),
        [
            (Value::Null, "line 2, column 1".into()),
            (Value::Null, "line 4, column 1".into())
        ]
    );
}

#[test]
fn merge_keeps_a_streams_error_lines_as_the_single_run_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_, jsonl) = stream_as("jsonl", BROKEN);
    let reports = [write(dir.path(), "part-0", &jsonl)];
    let (code, merged, err) = merge(&["-f", "json", "--exit-zero"], &reports);
    assert_eq!(code, 2, "{err}");
    let (_, single) = stream_as("json", BROKEN);
    assert_eq!(merged, single);
    let lines = |json: &str| -> Vec<Value> { error_lines(json).into_iter().map(|e| e.0).collect() };
    assert_eq!(lines(&merged), [6, 4], "{merged}");
    // Another partition that fails at its line 4 too, among a conversation's messages, and at
    // its line 6: each line is an error of its own, in the order of the reports.
    let other = BROKEN.replace("\"m\"", "\"p\"").replace("\"n\"", "\"q\"");
    let parts = [
        reports[0].clone(),
        write(dir.path(), "part-1", &stream_as("jsonl", &other).1),
    ];
    let (code, merged, err) = merge(&["-f", "json", "--exit-zero"], &parts);
    assert_eq!(code, 2, "{err}");
    assert_eq!(lines(&merged), [6, 4, 6, 4], "{merged}");
}

/// A report given as a pipe named by a path (`merge <(…)`, a FIFO) is read once and held, as
/// standard input is: its conversations were sought again in the pipe, "Illegal seek", after
/// the merged report's first line was written.
#[cfg(unix)]
#[test]
fn a_report_given_as_a_pipe_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let report = stream_report();
    let args = ["-f", "jsonl", "--exit-zero"];
    let (_, from_file, _) = merge(&args, &[write(dir.path(), "report.jsonl", &report)]);
    // Named twice, it is one report, as `-` is (a second read waited forever on the pipe).
    let piped = crate::support::fifo(dir.path(), "report", &report);
    let (code, out, err) = run(talklint()
        .args(["merge", "--no-config"])
        .args(args)
        .args([&piped, &piped])
        .timeout(std::time::Duration::from_secs(20)));
    assert_eq!((code, out), (0, from_file), "{err}");
}
