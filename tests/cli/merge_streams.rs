//! A conversation of a stream skipped for its size is reported with the stream's line it starts
//! at, as a field, and `merge` reads that field (not the reason's words) to keep it beside the
//! stream's conversations; reports written before the field merge as they did.

use crate::merge::merge;
use crate::support::{run, talklint, write};
use serde_json::Value;

/// The JSONL report of `check` of `input` on standard input, read as a stream of JSONL with a
/// 1 KiB size limit.
fn stream(input: &str) -> String {
    let (code, out, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "-f",
            "jsonl",
            "--input-format",
            "jsonl",
        ])
        .args(["--max-filesize", "1K", "--fail-on", "never", "-"])
        .write_stdin(input.to_string()));
    assert_eq!(code, 0, "{err}");
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
    let (code, out, err) = merge(&["-f", "json", "--fail-on", "never"], &reports);
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
    let (code, out, err) = merge(&["-f", "jsonl", "--fail-on", "never"], &reports);
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
    let (code, out, err) = merge(&["-f", "json", "--fail-on", "never"], &parts);
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
