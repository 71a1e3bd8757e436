//! `merge` and the files that could not be read: a file's error is one error, so two reports
//! that both list it overlap, as two that both list a conversation do, even where its message
//! names a line; a stream's unreadable lines, which name theirs in a `line` field, are entries
//! of their own, which partitions alike may repeat.

use crate::merge::merge;
use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// `talklint check --no-config -f jsonl ARGS` in `dir`: its report, written to `dir/name`.
fn report(dir: &Path, name: &str, args: &[&str]) -> std::path::PathBuf {
    let (_, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "-f", "jsonl", "--exit-zero"])
        .args(args));
    assert!(out.ends_with("}}\n"), "a whole report: {out}{err}");
    write(dir, name, &out)
}

/// The summary of a merged JSON report.
fn summary(out: &str) -> Value {
    let v: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    v["summary"].clone()
}

/// A report of an unreadable file merged with itself (or shards with a report of that file)
/// counted the file's error twice, and its file twice, where a conversation reported twice is
/// refused.
#[test]
fn a_file_that_could_not_be_read_in_two_reports_is_an_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    // UTF-32, which talklint does not read.
    std::fs::write(calls.join("wide.txt"), b"\xff\xfe\x00\x00a\x00\x00\x00").unwrap();
    write(&calls, "ok.txt", "Agent: Hello.\nCustomer: hi\n");
    let alone = report(dir.path(), "alone.jsonl", &["calls/wide.txt"]);
    let (code, out, err) = merge(&["-f", "json"], &[alone.clone(), alone.clone()]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    let said = format!(
        "file calls/wide.txt (could not be read) is in both {0} and {0}: the reports overlap \
         (one merged twice?)",
        alone.display()
    );
    assert!(err.contains(&said), "{err}");
    // The shards of the folder hold it once between them; with the report of the file, twice.
    let shards: Vec<_> = (1..=2)
        .map(|k| {
            report(
                dir.path(),
                &format!("{k}.jsonl"),
                &["--shard", &format!("{k}/2"), "calls"],
            )
        })
        .collect();
    let (code, out, err) = merge(&["-f", "json"], &shards);
    assert_eq!(code, 2, "{err}");
    let merged = summary(&out);
    assert_eq!(
        (&merged["files"], &merged["errors"]),
        (&2.into(), &1.into())
    );
    let (code, out, err) = merge(&["-f", "json"], &[&shards[..], &[alone]].concat());
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("file calls/wide.txt (could not be read) is in both "),
        "{err}"
    );
}

/// A malformed file's error names its line and column in its message, which `merge` took for a
/// stream's line: two reports that both held it merged, the error counted twice. A file's error
/// has no `line` field, so it is the file's one error; the shards of its folder merge as the
/// single run did, byte for byte, with a JSONL file whose bad line is the file's error too.
#[test]
fn a_malformed_files_error_in_two_reports_is_an_overlap() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    write(
        &calls,
        "bad.json",
        "{\"messages\": [\n  {\"role\": \"agent\"\n",
    );
    let record = "{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"Hello.\"}]}";
    write(&calls, "some.jsonl", &format!("{record}\nnot json\n"));
    write(&calls, "ok.txt", "Agent: Hello.\nCustomer: hi\n");
    let alone = report(dir.path(), "alone.jsonl", &["calls/bad.json"]);
    let text = std::fs::read_to_string(&alone).unwrap();
    assert!(text.contains("\"message\":\"line 3, column 1: "), "{text}");
    let (code, out, err) = merge(&["-f", "json"], &[alone.clone(), alone.clone()]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    let said = format!(
        "file calls/bad.json (could not be read) is in both {0} and {0}: the reports overlap",
        alone.display()
    );
    assert!(err.contains(&said), "{err}");
    let shards: Vec<_> = (1..=3)
        .map(|k| {
            let shard = format!("{k}/3");
            report(
                dir.path(),
                &format!("{k}.jsonl"),
                &["--shard", &shard, "calls"],
            )
        })
        .collect();
    let (code, merged, err) = merge(&["-f", "json", "--exit-zero"], &shards);
    let (single_code, single, _) = run(talklint()
        .current_dir(dir.path())
        .args(crate::support::JSON_CHECK)
        .arg("calls"));
    assert_eq!(summary(&single)["errors"], 2);
    assert_eq!((code, merged), (single_code, single), "{err}");
    let (code, out, err) = merge(&["-f", "json"], &[&shards[..], &[alone]].concat());
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("file calls/bad.json (could not be read) is in both "),
        "{err}"
    );
}

/// What stays as it was: a run that names a missing file twice lists its error once, and two
/// partitions of a stream that both fail at their line 2 are two errors (when their reports say
/// so by `line`).
#[test]
fn errors_one_report_repeats_and_lines_of_streams_are_each_counted() {
    let dir = tempfile::tempdir().unwrap();
    let twice = report(dir.path(), "twice.jsonl", &["missing.txt", "missing.txt"]);
    let (_, out, err) = merge(&["-f", "json"], &[twice]);
    assert_eq!(summary(&out)["errors"], 1, "{err}");
    let partition = |name: &str, id: &str| {
        let (_, out, _) = run(talklint()
            .args(["check", "--no-config", "-f", "jsonl", "--input-format", "jsonl"])
            .args(["--exit-zero", "-"])
            .write_stdin(format!(
                "{{\"id\":\"{id}\",\"messages\":[{{\"role\":\"agent\",\"text\":\"hi\"}}]}}\nnot json\n"
            )));
        write(dir.path(), name, &out)
    };
    let parts = [partition("part-0", "a"), partition("part-1", "b")];
    let (code, out, err) = merge(&["-f", "json"], &parts);
    assert_eq!(code, 2, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"][0], v["errors"][1], "the same line of each: {v}");
    let merged = &v["summary"];
    assert_eq!(
        (&merged["conversations"], &merged["errors"]),
        (&2.into(), &2.into())
    );
    // Written before error entries had `line`, the partitions' lines are taken for one file's
    // error, as the README says.
    let older: Vec<_> = parts
        .iter()
        .map(|part| {
            let text = std::fs::read_to_string(part).unwrap();
            assert!(text.contains("\"line\":2,"), "{text}");
            let name = part.file_name().unwrap().to_str().unwrap();
            write(
                dir.path(),
                &format!("older-{name}"),
                &text.replace("\"line\":2,", ""),
            )
        })
        .collect();
    let (code, out, err) = merge(&["-f", "json"], &older);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("file <stdin> (could not be read) is in both "),
        "{err}"
    );
}

/// Two streams' reports (Spark partitions on standard input) each hold `<stdin>` without an id:
/// an empty partition's skipped entry, or a record without one. Merged, they were refused as
/// "the reports overlap (one merged twice?)"; one report named twice still is.
#[test]
fn two_streams_without_ids_merge_and_one_named_twice_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let stream = |name: &str, input: &str| {
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", "jsonl", "--exit-zero", "-"])
            .write_stdin(input.to_string()));
        assert!(out.ends_with("}}\n"), "{out}{err}");
        write(dir.path(), name, &out)
    };
    let empty = [stream("e1.jsonl", ""), stream("e2.jsonl", "")];
    let (code, out, err) = merge(&["-f", "json"], &empty);
    assert_eq!(code, 0, "{err}");
    assert_eq!(summary(&out)["skipped"], 2);
    let record =
        |text: &str| format!("{{\"messages\": [{{\"role\": \"agent\", \"text\": \"{text}\"}}]}}\n");
    let records = [
        stream("r1.jsonl", &record("Calm down.")),
        stream("r2.jsonl", &record("Hello.")),
    ];
    let (code, out, err) = merge(&["-f", "json"], &records);
    assert_eq!(code, 1, "{err}");
    assert_eq!(summary(&out)["conversations"], 2);
    let twice = [records[0].clone(), records[0].clone()];
    let (code, _, err) = merge(&["-f", "json"], &twice);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("(one merged twice?)"), "{err}");
}

/// A report written before report paths were tidy named a file `calls//a.txt`: merged with one
/// that names it `calls/a.txt`, it counted the file twice, where one file in two reports is an
/// overlap. Merged alone, its paths are written tidy.
#[test]
fn an_older_reports_untidy_path_is_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("calls")).unwrap();
    write(&dir.path().join("calls"), "a.txt", "Agent: Calm down.\n");
    let new = report(dir.path(), "new.jsonl", &["calls/a.txt"]);
    let text = std::fs::read_to_string(&new).unwrap();
    let old = write(
        dir.path(),
        "old.jsonl",
        &text.replace("calls/a.txt", "calls//./a.txt"),
    );
    let (code, _, err) = merge(&["-f", "json"], &[old.clone(), new]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("conversation calls/a.txt (no id) is in both"),
        "{err}"
    );
    let (_, out, err) = merge(&["-f", "jsonl"], &[old]);
    assert!(out.starts_with(r#"{"path":"calls/a.txt","#), "{out}{err}");
}

/// A stream that repeats an id holding a line break: `merge` refuses the two, and named the id
/// with the line break raw, splitting its message over two lines of a log.
#[test]
fn an_id_of_a_clash_is_named_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let record = r#"{"id": "dup\nX", "messages": [{"role": "agent", "text": "Calm down."}]}"#;
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "jsonl", "--exit-zero", "-"])
        .write_stdin(format!("{record}\n{record}\n")));
    let report = write(dir.path(), "r.jsonl", &out);
    let (code, _, merged) = merge(&["-f", "json"], &[report]);
    assert_eq!(code, 2, "{err}{merged}");
    assert!(
        merged.contains("conversation <stdin>#dup\\x0aX is in "),
        "{merged}"
    );
}

/// The files the reports say could not be read are named on standard error, even with `-q`,
/// as `check` names them: a merge said only "1 read error", or with `-q` nothing, and exited 2.
#[test]
fn a_merge_names_each_unreadable_file_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: calm down\n");
    write(dir.path(), "broken.json", "{ not json");
    let (_, _, checked) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-q",
        "--exit-zero",
        ".",
    ]));
    let said: Vec<&str> = checked
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(said.len(), 1, "{checked}");
    assert!(said[0].starts_with("error: broken.json: "), "{checked}");
    let jsonl = report(dir.path(), "r.jsonl", &["a.txt", "broken.json"]);
    for quiet in [&[][..], &["-q"][..]] {
        let (code, _, err) = merge(quiet, std::slice::from_ref(&jsonl));
        assert_eq!(code, 2, "{err}");
        assert!(err.lines().any(|l| l == said[0]), "{quiet:?}: {err}");
    }
}

/// A report edited to place a finding at line or column 0, or to end before it starts, is an
/// error naming the place: merge wrote it out, as SARIF the schema refuses (`startLine: 0`).
#[test]
fn a_finding_placed_where_no_check_places_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: hello\nAgent: calm down\n");
    let report = report(dir.path(), "r.jsonl", &["a.txt"]);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("\"line\":2,\"column\":8,\"end_line\":2,\"end_column\":17"),
        "{text}"
    );
    for (edit, place) in [
        ("\"line\":0,\"column\":8", "from line 0, column 8"),
        ("\"line\":2,\"column\":0", "from line 2, column 0"),
        (
            "\"line\":3,\"column\":8",
            "from line 3, column 8 to line 2, column 17",
        ),
    ] {
        let edited = text.replace("\"line\":2,\"column\":8", edit);
        let path = write(dir.path(), "edited.jsonl", &edited);
        let (code, _, err) = merge(&["-f", "sarif"], &[path]);
        assert_eq!(code, 2, "{edit}: {err}");
        assert!(
            err.contains(place) && err.contains("was the report edited?"),
            "{err}"
        );
    }
}
