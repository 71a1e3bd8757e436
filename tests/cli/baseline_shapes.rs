//! `--baseline FILE` is a talklint report or an error: a one-line transcript or other JSON
//! value is refused at its place (not read as an empty baseline and left out of the scan), while
//! a JSONL report of no conversations, with its summary line, is a baseline. Its matches are
//! compared in canonical form, whichever version wrote it.

use crate::support::{check_in, write};

#[test]
fn a_one_line_json_file_that_is_no_report_is_refused_as_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("calls")).unwrap();
    write(dir.path(), "calls/a.txt", "Agent: Calm down.\n");
    let chat = "[{\"role\":\"agent\",\"text\":\"that is not my department\"}]\n";
    write(dir.path(), "calls/c2.json", chat);
    write(dir.path(), "bad.json", "{\"x\":1}\n");
    write(
        dir.path(),
        "turns.jsonl",
        "{\"role\":\"agent\",\"text\":\"hi\"}\n",
    );
    let cases = [
        (
            "calls/c2.json",
            "calls/c2.json:1:1: not a talklint JSON or JSONL report",
        ),
        (
            "bad.json",
            "bad.json:1:1: not a talklint JSON or JSONL report",
        ),
        (
            "turns.jsonl",
            "turns.jsonl:1:1: not a talklint JSON or JSONL report",
        ),
    ];
    for (baseline, want) in cases {
        let (code, out, err) = check_in(dir.path(), &["--baseline", baseline, "calls"]);
        assert_eq!(code, 2, "{baseline}: {out}{err}");
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn a_jsonl_report_of_no_conversations_is_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["empty", "calls"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
    }
    write(dir.path(), "calls/a.txt", "Agent: Calm down.\n");
    let (code, report, err) = check_in(dir.path(), &["-f", "jsonl", "empty"]);
    assert_eq!(code, 0, "{err}");
    write(dir.path(), "base.jsonl", &report);
    let (code, out, err) = check_in(dir.path(), &["--baseline", "base.jsonl", "calls"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("respect/calm-down"), "{out}");
}

/// A baseline whose paths name none of the files checked (saved from another folder, or before
/// the files moved) says so: every finding then counted as new without a word. One that names
/// a file checked does not.
#[test]
fn a_baseline_that_names_no_file_checked_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "sub/a.txt", "Agent: Calm down.\n");
    let sub = dir.path().join("sub");
    let (_, report, _) = check_in(&sub, &["-f", "jsonl", "--exit-zero", "a.txt"]);
    // Saved one folder up, its path `a.txt` is read from there: a file this run does not check.
    write(dir.path(), "base.jsonl", &report);
    let (code, _, err) = check_in(&sub, &["--baseline", "../base.jsonl", "a.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("warning: the baseline ../base.jsonl names no file there is, so every finding counts as new")
            && err.contains("`talklint check --no-baseline --exit-zero -f jsonl -o base.jsonl PATHS`, from .., the folder that holds it"),
        "{err}"
    );
    write(&sub, "base.jsonl", &report);
    let (code, _, err) = check_in(&sub, &["--baseline", "base.jsonl", "a.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("names no file"), "{err}");
    // A run of a new file only, as a pre-commit hook's, checks none of the baseline's files,
    // which are still there: no warning.
    write(&sub, "new.txt", "Agent: Hello, I can help.\n");
    let (_, _, err) = check_in(&sub, &["--baseline", "base.jsonl", "new.txt"]);
    assert!(!err.contains("names no file"), "{err}");
}

/// Conversations of one file without ids (JSONL records) are told apart by their order: each
/// draws on its own findings of the baseline. All of them drew on one pool, so a finding new to
/// the second was hidden by the first's, and every one's leftovers counted as no longer found.
#[test]
fn conversations_without_ids_each_have_their_own_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let record =
        |text: &str| format!("{{\"messages\":[{{\"role\":\"agent\",\"text\":\"{text}\"}}]}}\n");
    let closed = record("That is not my department.");
    write(
        dir.path(),
        "c.jsonl",
        &format!("{closed}{}", record("Fine.")),
    );
    let (_, report, _) = check_in(dir.path(), &["-f", "json", "--exit-zero", "."]);
    write(dir.path(), "b.json", &report);
    // The second conversation now says it too: new.
    write(dir.path(), "c.jsonl", &format!("{closed}{closed}"));
    let (code, out, err) = check_in(dir.path(), &["--baseline", "b.json", "c.jsonl"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        out.matches("error[ownership/closed-door]").count(),
        1,
        "{out}"
    );
    // Three records that each keep their finding: nothing new, nothing gone.
    let three = closed.repeat(3);
    write(dir.path(), "c.jsonl", &three);
    let (_, report, _) = check_in(dir.path(), &["-f", "jsonl", "--exit-zero", "."]);
    write(dir.path(), "b.jsonl", &report);
    let (code, out, err) = check_in(dir.path(), &["--baseline", "b.jsonl", "c.jsonl"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("no longer found"), "{err}");
    // The last one mended: one finding gone, not six.
    write(
        dir.path(),
        "c.jsonl",
        &format!("{closed}{closed}{}", record("Fine.")),
    );
    let (code, _, err) = check_in(dir.path(), &["--baseline", "b.jsonl", "c.jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 finding of the baseline"), "{err}");
}

#[test]
fn a_baseline_match_is_known_however_its_apostrophes_are_written() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "Agent: That's not my department.\n");
    let (code, report, err) = check_in(dir.path(), &["-f", "json", "--exit-zero", "b.txt"]);
    assert_eq!(code, 0, "{err}");
    write(dir.path(), "base.json", &report);
    // A report as older versions wrote it: the match's original text, no `suppressed_by`.
    let old = r#"{"conversations": [{"path": "b.txt", "id": null, "findings": [
        {"rule": "ownership/closed-door", "kind": "forbid", "match": "that's not my department",
         "suppressed": false}]}]}"#;
    write(dir.path(), "old.json", old);
    for edited in [
        "Agent: That’s not my department.\n",
        "Agent: THAT'S  not my\n  department.\n",
    ] {
        write(dir.path(), "b.txt", edited);
        for base in ["base.json", "old.json"] {
            let (code, out, err) = check_in(dir.path(), &["--baseline", base, "b.txt"]);
            assert_eq!(code, 0, "{base}, {edited:?}: {out}{err}");
        }
    }
    // Other words are a new finding.
    write(dir.path(), "b.txt", "Agent: That's not my problem.\n");
    let (code, out, _) = check_in(dir.path(), &["--baseline", "base.json", "b.txt"]);
    assert_eq!(code, 1, "{out}");
}

/// A match that begins inside a contraction (`is not possible` in `that's not possible`) is
/// quoted whole by the report, and the baseline compares the same whole words: it never knew
/// such a finding, which came back new on every run.
#[test]
fn a_baseline_knows_a_match_that_begins_inside_a_contraction() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - {id: t/np, severity: error, phrases: [is not possible]}\n";
    write(dir.path(), "r.yaml", rules);
    write(
        dir.path(),
        "a.txt",
        "Agent: Sorry, that's not possible today.\n",
    );
    let args = ["-r", "r.yaml", "-f", "json", "--exit-zero", "a.txt"];
    let (_, report, err) = check_in(dir.path(), &args);
    assert!(
        report.contains(r#""match":"that's not possible""#),
        "{report}{err}"
    );
    write(dir.path(), "base.json", &report);
    let args = ["-r", "r.yaml", "--baseline", "base.json", "a.txt"];
    let (code, out, err) = check_in(dir.path(), &args);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
}

/// A baseline's findings of a file deleted or renamed since are said to be stale: they stayed
/// in it for good, in silence, and would know the findings of a new file of that name.
#[test]
fn findings_of_a_file_no_longer_there_are_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/calm\n    phrases: [calm down]\n",
    );
    std::fs::create_dir(dir.path().join("calls")).unwrap();
    write(dir.path(), "calls/a.txt", "Agent: Please calm down.\n");
    write(dir.path(), "calls/b.txt", "Agent: calm down, calm down\n");
    let args = ["-r", "r.yaml", "-f", "json", "--exit-zero", "calls"];
    let (_, report, err) = check_in(dir.path(), &args);
    write(dir.path(), "base.json", &report);
    std::fs::remove_file(dir.path().join("calls/a.txt")).unwrap();
    let (code, _, err2) = check_in(
        dir.path(),
        &["-r", "r.yaml", "--baseline", "base.json", "calls"],
    );
    assert_eq!(code, 0, "{err}{err2}");
    assert!(
        err2.contains(
            "warning: 1 finding of the baseline base.json is of files no longer there (calls/a.txt)"
        ),
        "{err2}"
    );
}
