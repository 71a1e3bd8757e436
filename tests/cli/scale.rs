//! Inputs that once took quadratic time: a very long line with many findings, and a CSV file of
//! many conversation ids. Their speed is measured by `bench/growth.py` (tests are not timed: a
//! shared machine makes timings flake); here the findings of the larger input the benchmark uses
//! are checked, place by place.

use crate::support::write;
use std::time::Duration;

/// The report in `format` of the test packs over `text`, written to a file called `name`.
fn report(name: &str, text: &str, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    let out = crate::support::check(&["--format", format, "--color", "never", "--exit-zero"])
        .arg(path)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    String::from_utf8(out.stdout).unwrap()
}

/// The JSON report of the test packs over `text` in a file called `name`.
fn json_report(name: &str, text: &str) -> serde_json::Value {
    serde_json::from_str(&report(name, text, "json")).unwrap()
}

const UNIT: &str = "please calm down, that is not my department. ";

#[test]
fn every_finding_of_a_long_line_is_placed() {
    let n = (1 << 20) / UNIT.len();
    let v = json_report("line.txt", &format!("Agent: é{}\n", UNIT.repeat(n)));
    let findings = v["conversations"][0]["findings"].as_array().unwrap();
    let deflections: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "ownership/not-my-department")
        .collect();
    assert_eq!(deflections.len(), n, "every hit is a finding");
    // Columns count characters: `Agent: é` is 8 of them, each unit is all ASCII.
    let column = 9 + (n - 1) * UNIT.len() + UNIT.find("that is").unwrap();
    let last = deflections.last().unwrap();
    assert_eq!(last["column"].as_u64(), Some(column as u64), "{last}");
}

#[test]
fn every_conversation_of_a_csv_of_many_ids_is_read() {
    let n = 80_000;
    let mut text = String::from("conversation_id,role,speaker,text\n");
    for i in 0..n {
        text.push_str(&format!("c{i},agent,agent {i},please calm down\n"));
    }
    let v = json_report("many.csv", &text);
    let conversations = v["conversations"].as_array().unwrap();
    assert_eq!(conversations.len(), n);
    assert_eq!(conversations[n - 1]["findings"][0]["line"], n as u64 + 1);
}

#[test]
fn human_output_on_a_long_line_shows_an_excerpt_per_finding() {
    let n = (1 << 20) / 2 / UNIT.len();
    let human = report("line.txt", &format!("Agent: {}\n", UNIT.repeat(n)), "human");
    let column = 8 + (n - 1) * UNIT.len() + UNIT.find("that is").unwrap();
    assert!(
        human.contains(&format!("/line.txt:1:{column}\n")),
        "the last finding's place"
    );
    // Each snippet is an excerpt of the line, not the line.
    assert!(human.lines().all(|l| l.len() < 1000));
}
