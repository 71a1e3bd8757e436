//! A folder where an earlier run wrote its reports (`--output-json`, `--output-csv`, a JSONL
//! report redirected to a file) is checked again without reading them as transcripts: they are
//! skipped as talklint's reports, walked or named.

use crate::support::{check_in, write};
use serde_json::Value;

/// The (path, reason) of each file a JSON report lists as skipped.
fn skipped(report: &Value) -> Vec<(&str, &str)> {
    let all = report["skipped"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    all.iter()
        .map(|s| (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect()
}

#[test]
fn a_later_run_skips_the_reports_an_earlier_run_wrote() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: Hello, thanks for calling.\n");
    let reports = ["--output-json", "report.json", "--output-csv", "report.csv"];
    let (code, _, err) = check_in(dir.path(), &reports);
    assert_eq!(code, 0, "{err}");
    let (_, jsonl, _) = check_in(dir.path(), &["-f", "jsonl"]);
    write(dir.path(), "stream.jsonl", &jsonl);
    let (_, findings, _) = check_in(dir.path(), &["-f", "csv", "--csv-findings"]);
    write(dir.path(), "findings.csv", &findings);

    let (code, out, err) = check_in(dir.path(), &["-f", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]));
    let reason = "a talklint report";
    assert_eq!(
        skipped(&report),
        [
            ("findings.csv", reason),
            ("report.csv", reason),
            ("report.json", reason),
            ("stream.jsonl", reason),
        ]
    );
    assert_eq!(report["summary"]["conversations"], 1);

    // Named too (as a pre-commit hook names a staged one), a report is no transcript.
    let (code, out, err) = check_in(dir.path(), &["-f", "json", "report.json", "stream.jsonl"]);
    assert_eq!(code, 0, "{out}{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]));
    assert_eq!(report["summary"]["skipped"], 2);
}

/// A human or GitHub report written as text in a folder being checked (`-o lint.txt`), coloured
/// or not, is skipped by later runs: it was read as a transcript, and the phrases it quotes were
/// found again.
#[test]
fn a_later_run_skips_a_human_or_github_report_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: Hello, thanks for calling.\n");
    write(dir.path(), "b.txt", "Agent: that is not my department\n");
    let outputs = [
        &["-o", "lint.txt"][..],
        &["-o", "colour.md", "--color", "always"],
        &["-f", "github", "-o", "gh.txt"],
    ];
    for args in outputs {
        let (code, _, err) = check_in(dir.path(), &[&["--exit-zero"], args].concat());
        assert_eq!(code, 0, "{err}");
    }
    let (_, out, err) = check_in(dir.path(), &["-f", "json", "--exit-zero"]);
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let reason = "a talklint report";
    assert_eq!(
        skipped(&report),
        [
            ("colour.md", reason),
            ("gh.txt", reason),
            ("lint.txt", reason)
        ]
    );
    assert_eq!(report["summary"]["conversations"], 2);
}

/// A chat that opens with a pasted CI annotation or compiler error is a transcript, found or
/// named: it was skipped as a report, and its `calm down` lost.
#[test]
fn a_chat_that_opens_with_another_tools_output_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let pasted = [
        "::error file=src/app.ts,line=3::Type error\nAgent: calm down\n",
        "error[E0308]: mismatched types\n --> src/main.rs:4:5\nAgent: calm down\n",
    ];
    for (i, text) in pasted.iter().enumerate() {
        write(dir.path(), &format!("pasted{i}.txt"), text);
    }
    for args in [&["."][..], &["pasted0.txt", "pasted1.txt"]] {
        let (_, out, err) = check_in(dir.path(), &[&["-f", "json", "--exit-zero"], args].concat());
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        assert_eq!(report["skipped"], serde_json::json!([]), "{args:?}");
        assert_eq!(report["summary"]["findings"]["error"], 2, "{args:?}");
    }
}

#[test]
fn a_transcript_is_read_whatever_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    // A chat whose first message is about a path, and a CSV whose first column is `path`.
    write(
        dir.path(),
        "chat.json",
        "[{\"role\": \"agent\", \"text\": \"{\\\"path\\\": x}\"}]",
    );
    write(dir.path(), "rows.csv", "path,role,text\nx,agent,Hello\n");
    let (code, out, err) = check_in(dir.path(), &["-f", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["skipped"], serde_json::json!([]));
    assert_eq!(report["summary"]["conversations"], 2);
}
