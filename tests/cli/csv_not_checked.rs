//! A CSV report has a row for each file the run could not read or skipped, its path and why in
//! the last column, `not_checked`: such files were in every other report but missing from the
//! sheet a QA team opens, with one row per conversation or per finding alike; a merge of the
//! run's JSON report writes the same rows.

use crate::merge::merge;
use crate::support::{check_in, write};

/// The rows of `csv` (header first) as a spreadsheet reads them.
fn rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let read = reader.records().map(|r| {
        let r = r.unwrap_or_else(|e| panic!("{e}: {csv}"));
        r.iter().map(String::from).collect()
    });
    read.collect()
}

#[test]
fn files_not_checked_have_rows_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: calm down\n");
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    write(dir.path(), "c.jsonl", "{\"text\": \"hi\"}\nnot json\n");
    for mode in [&[][..], &["--csv-findings"]] {
        let args = [&["-f", "csv", "--exit-zero"], mode, &["."]].concat();
        let (code, out, err) = check_in(dir.path(), &args);
        assert_eq!(code, 2, "a line could not be read: {err}");
        let rows = rows(&out);
        assert_eq!(rows[0].last().map(String::as_str), Some("not_checked"));
        let width = rows[0].len();
        assert!(rows.iter().all(|r| r.len() == width), "{out}");
        let not_checked: Vec<(&str, &str)> = (rows[1..].iter())
            .filter(|r| r.last().is_some_and(|c| !c.is_empty()))
            .map(|r| (r[0].as_str(), r[width - 1].as_str()))
            .collect();
        assert_eq!(not_checked.len(), 2, "{out}");
        assert_eq!(not_checked[0].0, "c.jsonl");
        assert!(
            not_checked[0]
                .1
                .starts_with("could not be read: line 2, column 1: "),
            "{out}"
        );
        assert_eq!(not_checked[1], ("b.txt", "skipped: binary"));
        // Only the path and why: every other cell of such a row is empty.
        let row = rows.iter().find(|r| r[0] == "b.txt").unwrap();
        assert!(row[1..width - 1].iter().all(String::is_empty), "{row:?}");
    }
    // Merged from the run's report, the sheet is the same.
    let (_, json, _) = check_in(dir.path(), &["-f", "json", "--exit-zero", "."]);
    let report = write(dir.path(), "report.json", &json);
    let (_, single, _) = check_in(
        dir.path(),
        &["-f", "csv", "--exit-zero", "a.txt", "b.txt", "c.jsonl"],
    );
    let (_, merged, err) = merge(&["-f", "csv", "--exit-zero"], &[report]);
    assert_eq!(merged, single, "{err}");
}
