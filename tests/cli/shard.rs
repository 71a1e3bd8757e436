//! `--shard K/N`: the N shards of a run partition its files exactly, the checked, the skipped and
//! the unreadable ones alike (SPEC §10).

use crate::support::{run, talklint};
use serde_json::Value;
use std::collections::BTreeMap;

/// Every file of a JSONL report of `fixtures/`, ignore files aside (whose files are checked, skipped and unreadable)
/// as `(kind, path#id)`, and the summary's file count.
fn entries(shard: Option<&str>) -> (Vec<(String, String)>, u64) {
    let mut cmd = talklint();
    // `--no-ignore`: the repository's `.talklintignore` leaves out the rule packs and labels,
    // which are among the skipped and unreadable files this test wants.
    cmd.args([
        "check",
        "--no-config",
        "--no-ignore",
        "-q",
        "--format",
        "jsonl",
    ]);
    if let Some(s) = shard {
        cmd.args(["--shard", s]);
    }
    let (code, out, err) = run(cmd.arg("fixtures"));
    // A shard may hold only passing conversations (0), failing ones (1) or unreadable files (2).
    assert!((0..=2).contains(&code), "exit {code}: {err}");
    let mut found = Vec::new();
    let mut files = None;
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let key = |kind: &str, x: &Value| {
            let id = x["id"].as_str().map_or(String::new(), |i| format!("#{i}"));
            (
                kind.to_string(),
                format!("{}{id}", x["path"].as_str().unwrap()),
            )
        };
        if let Some(s) = v.get("summary") {
            files = s["files"].as_u64();
        } else if let Some(s) = v.get("skipped") {
            found.push(key("skipped", s));
        } else if let Some(e) = v.get("error") {
            found.push(key("error", e));
        } else {
            found.push(key("conversation", &v));
        }
    }
    (found, files.expect("a summary line"))
}

#[test]
fn the_shards_partition_the_files_for_every_n() {
    let (all, files) = entries(None);
    let kinds = |list: &[(String, String)], kind: &str| list.iter().filter(|e| e.0 == kind).count();
    // The fixtures hold files of every fate, so each is sharded.
    assert!(kinds(&all, "conversation") > 50 && kinds(&all, "skipped") > 10);
    assert!(kinds(&all, "error") > 10);
    for n in 1..=7 {
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut shard_files = 0;
        let mut empty = 0;
        for k in 1..=n {
            let (part, files) = entries(Some(&format!("{k}/{n}")));
            empty += usize::from(part.is_empty());
            shard_files += files;
            for e in part {
                *seen.entry(e).or_default() += 1;
            }
        }
        assert_eq!(shard_files, files, "file counts of {n} shards");
        assert!(seen.values().all(|&times| times == 1), "{n} shards overlap");
        let mut expected = all.clone();
        expected.sort();
        assert_eq!(seen.into_keys().collect::<Vec<_>>(), expected, "{n} shards");
        assert_eq!(empty, 0, "some of {n} shards got no file");
    }
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let (code, _, err) = run(talklint().args(["check", "--shard", "3/2", "fixtures/calls"]));
    assert_eq!(code, 2);
    assert!(err.contains("write K/N with 1 <= K <= N"), "{err}");
}

#[test]
fn standard_input_is_not_sharded_but_refused() {
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--shard", "1/2", "-"])
        .write_stdin("Agent: please calm down\n"));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("--shard splits files among runs"), "{err}");
}

#[test]
fn a_path_is_reported_tidy_and_never_as_the_roots() {
    // `.//calls/a.txt` was reported as `/calls/a.txt`, a file of the root's, and `calls//a.txt`
    // kept its doubled `/`, which no code-scanning tool maps back to the file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("calls/day")).unwrap();
    crate::support::write(dir.path(), "calls/day/a.txt", "Agent: calm down\n");
    for given in [
        ".//calls/day/a.txt",
        ".//calls",
        "calls//day/./a.txt",
        "./././calls/",
    ] {
        let (_, report) = crate::support::json_report_in(dir.path(), &["--no-config", given]);
        assert_eq!(
            report["conversations"][0]["path"], "calls/day/a.txt",
            "{given}"
        );
        let (_, sarif, _) = crate::support::check_in(dir.path(), &["-f", "sarif", given]);
        assert!(
            sarif.contains(r#""uri":"calls/day/a.txt""#),
            "{given}: {sarif}"
        );
    }
    // Standard input named so too.
    let name = ".//calls//./a.txt";
    let (_, out, _) = crate::support::run(
        crate::support::talklint()
            .args([
                "check",
                "--no-config",
                "-f",
                "jsonl",
                "--stdin-filename",
                name,
                "-",
            ])
            .write_stdin("Agent: calm down\n"),
    );
    assert!(out.starts_with(r#"{"path":"calls/a.txt","#), "{out}");
}

#[test]
fn a_shard_that_keeps_none_of_the_files_named_says_so() {
    // Each of two shards of one file: one checks it, the other found "no transcript" and named
    // the include and exclude globs alone.
    let dir = tempfile::tempdir().unwrap();
    crate::support::write(dir.path(), "d.txt", "Agent: hi\n");
    let warned: Vec<bool> = ["1/2", "2/2"]
        .iter()
        .map(|k| {
            let (code, _, err) = crate::support::check_in(dir.path(), &["--shard", k, "d.txt"]);
            assert_eq!(code, 0, "{err}");
            err.contains(&format!("and which files --shard {k} keeps"))
        })
        .collect();
    assert_eq!(warned.iter().filter(|&&w| w).count(), 1, "{warned:?}");
}
