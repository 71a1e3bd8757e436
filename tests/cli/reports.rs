//! Report formats for other tools: SARIF (validated against the official schema) and GitHub
//! Actions annotations.

use crate::support::{assert_valid_sarif, check, run};
use serde_json::Value;

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "sarif",
        "fixtures/calls",
        "fixtures/formats",
    ]));
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "ownership/not-my-department" && r["help"]["text"].is_string())
    );
    let results = run0["results"].as_array().unwrap();
    assert!(
        results.iter().all(|r| r["level"] != "none"),
        "rewards are not results"
    );
    let deflection = results
        .iter()
        .find(|r| {
            r["ruleId"] == "ownership/not-my-department"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "fixtures/calls/deflection.txt"
        })
        .expect("the deflection is a result");
    let region = &deflection["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(53))
    );
    // A match over a line break ends where it ends on its last line (it ended at column 53).
    assert_eq!(
        (region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(4), Some(11))
    );
    assert_eq!(region["snippet"]["text"], "that’s not my\ndepartment");
    assert_eq!(deflection["level"], "error");
    let index = deflection["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "ownership/not-my-department");
}

#[test]
fn sarif_with_no_results_is_still_valid_json() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "sarif",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 0);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn github_annotations_point_at_the_line() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "github",
        "fixtures/calls/deflection.txt",
    ]));
    assert_eq!(code, 1);
    let first = out
        .lines()
        .find(|l| l.contains("not-my-department"))
        .expect("an annotation");
    assert!(
        // A span over two lines has no columns: GitHub takes them on one line only.
        first.starts_with("::error file=fixtures/calls/deflection.txt,line=3,endLine=4,title=ownership/not-my-department::Deflects ownership"),
        "{first}"
    );
    assert!(
        out.contains(",line=6,col=26,endLine=6,endColumn=35,title=respect/calm-down"),
        "{out}"
    );
    // The conversation fails: said with its score and why, as a conversation may fail with no
    // finding at `--fail-on` (a score under `--min-score`).
    assert!(
        out.ends_with(
            "::error file=fixtures/calls/deflection.txt,title=talklint score::score 58 \
                       (FAIL: auto-fail ownership/not-my-department; 70 needed)\n"
        ),
        "{out}"
    );
    assert!(
        first.contains("%0Ahelp: Own the next step"),
        "the suggestion follows an escaped line break: {first}"
    );
    assert!(out.lines().any(|l| l.starts_with("::warning ")));
    assert!(
        !out.contains("sorry-to-hear"),
        "rewards are not annotations"
    );
    // A conversation that fails on its score alone is said too.
    let (code, out, _) = run(&mut check(&[
        "--format",
        "github",
        "--fail-on",
        "error",
        "--min-score",
        "99",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("title=talklint score::score "), "{out}");
    assert!(out.contains(" (FAIL: 99 needed)\n"), "{out}");
}

/// A file that could not be read is in every CI report, at its place: an error annotation, a
/// JUnit suite in error, a SARIF tool notification (the run still valid). JUnit suites of one
/// file's conversations are named apart.
#[test]
fn unreadable_files_are_in_ci_reports() {
    let dir = tempfile::tempdir().unwrap();
    let bad = crate::support::write(
        dir.path(),
        "bad.jsonl",
        "{\"role\":\"agent\",\"text\":\"x\"}\n{\"role\"\n",
    );
    let report = |format: &str| {
        let (code, out, _) = run(check(&["--format", format])
            .arg(&bad)
            .arg("fixtures/formats/records.jsonl"));
        assert_eq!(code, 2, "{format}: {out}");
        out
    };
    let path = bad.display().to_string();
    let github = report("github");
    assert!(
        github.contains(&format!(
            "::error file={},line=2,col=",
            path.replace(':', "%3A")
        )),
        "{github}"
    );
    let junit = report("junit");
    assert!(
        junit.contains("errors=\"1\">") && junit.contains("<error message=\"line 2, column"),
        "{junit}"
    );
    let suites = junit
        .lines()
        .filter(|l| l.contains("<testsuite name=\"fixtures/formats/records.jsonl#"));
    assert_eq!(suites.count(), 3, "{junit}");
    let sarif: Value = serde_json::from_str(&report("sarif")).unwrap();
    assert_valid_sarif(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    // The error's notification (the conversation that lost the line has a warning's).
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let note = (notes.iter())
        .find(|n| n["level"] == "error")
        .expect("an error notification");
    let uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str();
    assert!(
        uri.unwrap().starts_with("file:///"),
        "an absolute path is a file URI: {note}"
    );
    assert_eq!(
        note["locations"][0]["physicalLocation"]["region"]["startLine"], 2,
        "{note}"
    );
}

#[test]
fn report_snapshots() {
    for format in ["sarif", "github", "json", "jsonl", "junit", "csv", "html"] {
        let (_, mut out, _) = run(&mut check(&["--format", format, "fixtures/calls"]));
        // The page's style sheet and code are the same in every report: the snapshot keeps what
        // the scan wrote.
        for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
            if let (Some(from), Some(to)) = (out.find(open), out.rfind(close)) {
                out.replace_range(from + open.len()..to, "…");
            }
        }
        insta::assert_snapshot!(format!("calls_{format}"), out);
    }
}

#[test]
fn junit_parses_as_xml_with_a_case_per_conversation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x<&>.txt"),
        "Agent: calm down <script>alert(1)</script>\n",
    )
    .unwrap();
    let (code, out, _) = run(check(&[
        "--format",
        "junit",
        "--fail-on",
        "warning",
        "fixtures/calls",
    ])
    .arg(dir.path()));
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 3);
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert_eq!(
        failed.len(),
        2,
        "deflection fails, and the warning fails at --fail-on warning: {failed:?}"
    );
    assert!(
        failed.iter().any(|n| n.ends_with("x<&>.txt")),
        "names are escaped and parsed back"
    );
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure
            .text()
            .unwrap_or("")
            .contains("ownership/not-my-department")
    );
}

#[test]
fn csv_rows_open_back_per_conversation_and_per_finding() {
    let (_, out, _) = run(&mut check(&["--format", "csv", "fixtures/calls"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        &header.iter().take(6).collect::<Vec<_>>(),
        &["path", "id", "format", "turns", "score", "passed"]
    );
    assert!(
        header.iter().any(|h| h == "ownership"),
        "a count column per category: {header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let bad = &rows[1];
    assert_eq!(
        (&bad[col("path")], &bad[col("score")], &bad[col("passed")]),
        ("fixtures/calls/deflection.txt", "58", "false")
    );
    assert_eq!(
        (
            &bad[col("errors")],
            &bad[col("warnings")],
            &bad[col("rewards")]
        ),
        ("1", "3", "1")
    );
    assert_eq!(&bad[col("ownership")], "1");

    let (_, out, _) = run(&mut check(&[
        "--format",
        "csv",
        "--csv-findings",
        "fixtures/calls",
    ]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6, "one row per finding, rewards included");
    assert!(
        rows.iter().any(|r| &r[12] == "that’s not my\ndepartment"),
        "a line break inside a field survives"
    );
}

#[test]
fn one_run_prints_and_archives_several_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (sarif, json, csv_file, junit) = (
        path("r.sarif"),
        path("r.json"),
        path("r.csv"),
        path("r.xml"),
    );
    let (code, out, _) = run(&mut check(&[
        "--output-sarif",
        &sarif,
        "--output-json",
        &json,
        "--output-csv",
        &csv_file,
        "--output-junit",
        &junit,
        "fixtures/calls",
    ]));
    assert_eq!(code, 1);
    assert!(
        out.contains("error[ownership/not-my-department]"),
        "human output on stdout: {out}"
    );
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(json["summary"]["conversations"], 2);
    assert_eq!(
        csv::Reader::from_path(&csv_file).unwrap().records().count(),
        2
    );
    roxmltree::Document::parse(&std::fs::read_to_string(&junit).unwrap()).unwrap();
}

/// A report written next to another format is byte for byte the one printed alone, whether it
/// shares the main output's rendering (JSON beside JSONL) or not, and an existing report file
/// is replaced, not appended to.
#[test]
fn archived_reports_equal_the_formats_printed_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let inputs = ["fixtures/calls", "fixtures/formats"];
    let formats = ["json", "jsonl", "sarif", "csv", "html"];
    std::fs::write(path("r.json"), "x".repeat(1 << 20)).unwrap();
    let mut args: Vec<String> = vec!["--format".into(), "jsonl".into()];
    for f in formats {
        args.extend([format!("--output-{f}"), path(&format!("r.{f}"))]);
    }
    args.extend(inputs.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, main, _) = run(&mut check(&args));
    for f in formats {
        let (_, alone, _) = run(&mut check(&["--format", f, inputs[0], inputs[1]]));
        let archived = std::fs::read_to_string(path(&format!("r.{f}"))).unwrap();
        assert!(!alone.is_empty(), "{f}");
        assert_eq!(archived, alone, "--output-{f}");
        if f == "jsonl" {
            assert_eq!(main, alone, "--format jsonl");
        }
    }
}
