//! Inputs that once took quadratic time: a very long line with many findings, and a CSV file of
//! many conversation ids. Each is checked at two sizes, four times apart: linear time takes
//! about four times as long, quadratic sixteen, so the bar is ten (the best of three runs each,
//! as the machine is shared). The findings' places are checked too.

use crate::support::write;
use std::time::{Duration, Instant};

/// Runs the test packs over `path` in `format`; gives the report and the time taken.
fn timed_report(path: &std::path::Path, format: &str) -> (String, Duration) {
    let started = Instant::now();
    let out =
        crate::support::check(&["--format", format, "--color", "never", "--fail-on", "never"])
            .arg(path)
            .timeout(Duration::from_secs(300))
            .output()
            .unwrap();
    let took = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    (String::from_utf8(out.stdout).unwrap(), took)
}

/// Checks the file `name` holding `make(n)` for `n` and `4n` (the best of three runs each),
/// hands each report to `verify`, and gives how many times longer the larger took.
fn growth(
    name: &str,
    n: usize,
    make: impl Fn(usize) -> String,
    verify: impl Fn(usize, &serde_json::Value),
) -> f64 {
    growth_in("json", name, n, make, |n, report| {
        verify(n, &serde_json::from_str(report).unwrap())
    })
}

/// [`growth`] of the report in `format`.
fn growth_in(
    format: &str,
    name: &str,
    n: usize,
    make: impl Fn(usize) -> String,
    verify: impl Fn(usize, &str),
) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let mut times = Vec::new();
    for size in [n, 4 * n] {
        let path = write(dir.path(), name, &make(size));
        let (report, first) = timed_report(&path, format);
        verify(size, &report);
        let best = (0..2)
            .map(|_| timed_report(&path, format).1)
            .fold(first, Duration::min);
        times.push(best.as_secs_f64());
    }
    eprintln!("{name} as {format}: {times:?} s");
    times[1] / times[0]
}

#[test]
fn a_long_line_with_many_findings_is_linear() {
    let unit = "please calm down, that is not my department. ";
    let make = |n: usize| format!("Agent: é{}\n", unit.repeat(n));
    let verify = |n: usize, v: &serde_json::Value| {
        let findings = v["conversations"][0]["findings"].as_array().unwrap();
        let deflections: Vec<_> = findings
            .iter()
            .filter(|f| f["rule"] == "ownership/not-my-department")
            .collect();
        assert_eq!(deflections.len(), n, "every hit is a finding");
        // Columns count characters: `Agent: é` is 8 of them, each unit is all ASCII.
        let column = 9 + (n - 1) * unit.len() + unit.find("that is").unwrap();
        let last = deflections.last().unwrap();
        assert_eq!(last["column"].as_u64(), Some(column as u64), "{last}");
    };
    let ratio = growth("line.txt", (1 << 20) / 4 / unit.len(), make, verify);
    assert!(
        ratio < 10.0,
        "4 times the text took {ratio:.1} times as long"
    );
}

#[test]
fn a_csv_of_many_conversation_ids_is_linear() {
    let make = |n: usize| {
        let mut text = String::from("conversation_id,role,speaker,text\n");
        for i in 0..n {
            text.push_str(&format!("c{i},agent,agent {i},please calm down\n"));
        }
        text
    };
    let verify = |n: usize, v: &serde_json::Value| {
        let conversations = v["conversations"].as_array().unwrap();
        assert_eq!(conversations.len(), n);
        assert_eq!(conversations[n - 1]["findings"][0]["line"], n as u64 + 1);
    };
    let ratio = growth("many.csv", 20_000, make, verify);
    assert!(
        ratio < 10.0,
        "4 times the ids took {ratio:.1} times as long"
    );
}

#[test]
fn human_output_on_a_long_line_shows_an_excerpt_per_finding() {
    let unit = "please calm down, that is not my department. ";
    let make = |n: usize| format!("Agent: {}\n", unit.repeat(n));
    let verify = |n: usize, report: &str| {
        let column = 8 + (n - 1) * unit.len() + unit.find("that is").unwrap();
        assert!(
            report.contains(&format!("/line.txt:1:{column}\n")),
            "the last finding's place"
        );
        // Each snippet is an excerpt of the line, not the line.
        assert!(report.lines().all(|l| l.len() < 1000));
    };
    let ratio = growth_in(
        "human",
        "line.txt",
        (1 << 20) / 8 / unit.len(),
        make,
        verify,
    );
    assert!(
        ratio < 10.0,
        "4 times the text took {ratio:.1} times as long"
    );
}
