//! U+2028 and U+2029 in what a report quotes (a match, a path, an error's file): JSON allows
//! them raw in a string, but JSON Lines readers that split lines as Unicode does (Python's
//! `str.splitlines`, JavaScript's line readers) would cut a line there, so the JSON and JSONL
//! reports write them `\u2028` and `\u2029`; `merge` reads them back to the same bytes.

use crate::merge::merge;
use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// A folder whose files put both separators in every kind of report line: a conversation's
/// path and matches (so its messages), a skipped file's path, an error's path.
fn separated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let calm = "Agent: please calm\u{2028}down, that is\u{2029}not my department\n";
    write(dir.path(), "calm.txt", calm);
    let hello = "Agent: Hello, how can I help?\n";
    write(dir.path(), "line\u{2028}name.txt", hello);
    write(dir.path(), "empty\u{2029}.txt", "");
    write(dir.path(), "bad\u{2028}.json", "{\"broken");
    dir
}

/// `talklint check --no-config -f FORMAT ARGS .` in `dir`: exit code and output.
fn check_in(dir: &Path, format: &str, args: &[&str]) -> (i32, String) {
    let (code, out, _) = run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "-f", format])
        .args(args)
        .arg("."));
    (code, out)
}

#[test]
fn json_lines_escape_line_and_paragraph_separators() {
    let dir = separated();
    for format in ["jsonl", "json"] {
        let (code, out) = check_in(dir.path(), format, &[]);
        assert_eq!(code, 2, "{out}");
        assert!(!out.contains(['\u{2028}', '\u{2029}']), "{format}: {out}");
        if format == "json" {
            let report: Value = serde_json::from_str(&out).unwrap();
            assert_eq!(report["errors"][0]["path"], "bad\u{2028}.json", "{out}");
            continue;
        }
        let lines: Vec<Value> = (out.lines())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        // Read back, the strings hold the separators the files did.
        let calm = lines.iter().find(|l| l["path"] == "calm.txt").unwrap();
        let matches: Vec<&Value> = (calm["findings"].as_array().unwrap().iter())
            .map(|f| &f["match"])
            .collect();
        assert_eq!(
            matches,
            ["calm\u{2028}down", "that is\u{2029}not my department"]
        );
        // A conversation's path, a skipped file's, an error's.
        let paths: Vec<&str> = (lines.iter())
            .flat_map(|l| [&l["path"], &l["skipped"]["path"], &l["error"]["path"]])
            .filter_map(Value::as_str)
            .collect();
        for name in [
            "line\u{2028}name.txt",
            "empty\u{2029}.txt",
            "bad\u{2028}.json",
        ] {
            assert!(paths.contains(&name), "{paths:?}");
        }
    }
}

/// The shards' reports merge into the single run's, byte for byte, separators and all.
#[test]
fn reports_with_separators_merge_into_the_single_run() {
    let dir = separated();
    let reports = tempfile::tempdir().unwrap();
    let shards: Vec<_> = (1..=2)
        .map(|k| {
            let format = ["jsonl", "json"][k - 1];
            let (_, out) = check_in(dir.path(), format, &["--shard", &format!("{k}/2")]);
            write(reports.path(), &format!("shard-{k}.{format}"), &out)
        })
        .collect();
    for format in ["jsonl", "json"] {
        let single = check_in(dir.path(), format, &[]);
        let (code, merged, err) = merge(&["--format", format], &shards);
        assert_eq!((code, merged), single, "{format}: {err}");
    }
}
