//! A conversation's warnings in CSV. JSON, SARIF, JUnit and GitHub reports carry what a
//! conversation warns of (a directive that names no rule, a speaker with no role, bytes that
//! are no UTF-8), but a CSV row had only `warnings`, the count of warning findings: a sheet
//! showed a conversation whose rules were misread as clean. Its `conversation_warnings` cell
//! now holds them, one a line, as `merge` writes them too; with `--csv-findings`, on each of its
//! findings' rows, and on a row of its own when it has no finding.

use crate::merge::merge;
use crate::support::{JSON_CHECK, csv_column, run, talklint, warnings, write};
use serde_json::Value;

const RULES: &str = "rules:\n  - id: t/calm\n    severity: error\n    phrases: [calm down]\n";

/// A directive naming no rule, an unknown speaker, and a byte that is no UTF-8 (`\xe9`).
const CALL: &[u8] = b"# talklint: disable nosuch/rule\nAgent: Calm down, sir.\n\
    Customr: caf\xe9?\nAgent: Okay.\n";

/// A folder of the rules (`r.yaml`, its path given), `call.txt` ([`CALL`]), `quiet.txt` (a
/// speaker with no role, nothing found) and `clean.txt`.
fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", RULES);
    std::fs::write(dir.path().join("call.txt"), CALL).unwrap();
    write(dir.path(), "quiet.txt", "Agent: Hello.\nCustomr: Hi.\n");
    write(dir.path(), "clean.txt", "Agent: Hello.\nCustomer: Hi.\n");
    (dir, rules)
}

#[test]
fn a_csv_row_carries_the_warnings_of_its_conversation() {
    let (dir, rules) = folder();
    let check = |format: &str| {
        run(talklint().current_dir(dir.path()).args(JSON_CHECK).args([
            "-r",
            "r.yaml",
            "-f",
            format,
            "call.txt",
            "clean.txt",
        ]))
    };
    let (_, json, err) = check("json");
    let report: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {err}"));
    let said = warnings(&report, 0);
    for kind in [
        "`nosuch/rule` in a talklint directive",
        "\"Customr\"",
        "UTF-8",
    ] {
        assert!(said.iter().any(|w| w.contains(kind)), "{kind}: {said:?}");
    }
    assert!(warnings(&report, 1).is_empty(), "{report}");

    let (code, csv, err) = check("csv");
    assert_eq!(code, 0, "{err}");
    let cells = csv_column(&csv, "conversation_warnings");
    assert_eq!(cells, [said.join("\n"), String::new()], "{csv}");
    // `warnings` stays the count of warning findings, and the header names each column once.
    assert_eq!(csv_column(&csv, "warnings"), ["0", "0"], "{csv}");
    let header = csv.lines().next().unwrap_or("");
    assert!(
        header.contains(",agent_guessed,no_agent_turn,conversation_warnings,"),
        "{header}"
    );

    // A merge of the JSON report writes the same sheet.
    let report = write(dir.path(), "report.json", &json);
    let args = ["-r", rules.to_str().unwrap(), "-f", "csv"];
    let (_, merged, err) = merge(&args, &[report]);
    assert_eq!(merged, csv, "{err}");
}

#[test]
fn a_csv_row_per_finding_carries_the_warnings_of_its_conversation() {
    // `quiet.txt`, warned of and with nothing found, has a row of its own.
    let (dir, rules) = folder();
    let check = |format: &str, more: &[&str]| {
        let files = ["call.txt", "quiet.txt", "clean.txt"];
        let args = ["-r", "r.yaml", "-f", format];
        run(talklint()
            .current_dir(dir.path())
            .args(JSON_CHECK)
            .args(args)
            .args(more)
            .args(files))
    };
    let (_, json, err) = check("json", &[]);
    let report: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {err}"));
    let (call, quiet) = (
        warnings(&report, 0).join("\n"),
        warnings(&report, 1).join("\n"),
    );
    assert!(
        call.contains("UTF-8") && quiet.contains("\"Customr\""),
        "{report}"
    );

    let (code, csv, err) = check("csv", &["--csv-findings"]);
    assert_eq!(code, 0, "{err}");
    let header = csv.lines().next().unwrap_or("");
    assert!(
        header.ends_with(",measured,conversation_warnings,not_checked"),
        "{header}"
    );
    assert_eq!(csv_column(&csv, "path"), ["call.txt", "quiet.txt"], "{csv}");
    assert_eq!(csv_column(&csv, "rule"), ["t/calm", ""], "{csv}");
    assert_eq!(csv_column(&csv, "conversation_warnings"), [call, quiet]);

    // A merge of the JSON report writes the same sheet.
    let report = write(dir.path(), "report.json", &json);
    let args = ["-r", rules.to_str().unwrap(), "-f", "csv", "--csv-findings"];
    let (_, merged, err) = merge(&args, &[report]);
    assert_eq!(merged, csv, "{err}");
}
