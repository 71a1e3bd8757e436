//! Limits that keep time and memory bounded, each a clear error or skip: threads, the nesting of
//! a rule file and of its phrases, and a file's size known before it is read (standard input's
//! as it is read).

use crate::support::{rule_error, run, talklint, write};
use std::time::Duration;

/// Groups nested thousands deep in a phrase, or a chain of lexicons each naming the next, are an
/// error naming the place, not a stack overflow (found by fuzzing the config target).
#[test]
fn deeply_nested_phrases_and_lexicons_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}a{}", "(".repeat(20_000), ")".repeat(20_000));
    let chain: String = (0..200)
        .map(|k| format!("  l{k}: [\"{{l{}}} x\"]\n", k + 1))
        .collect();
    for (name, text, says) in [
        (
            "groups",
            format!("rules:\n  - id: a/b\n    phrases: [\"{deep}\"]\n"),
            "r.yaml:3:",
        ),
        (
            "lexicons",
            format!(
                "lexicons:\n{chain}  l200: [\"y\"]\nrules:\n  - id: a/b\n    phrases: [\"{{l0}}\"]\n"
            ),
            "lexicons nest more than 64 deep",
        ),
    ] {
        let err = rule_error(&text);
        assert!(err.contains("nest more than 64 deep"), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(err.len() < 2_000, "quotes an excerpt of the phrase: {err}");
    }
    // As deep as allowed still loads.
    let fine = format!("{}a{}", "(".repeat(64), ")".repeat(64));
    let rules = write(
        dir.path(),
        "r.yaml",
        &format!("rules:\n  - id: a/b\n    phrases: [\"{fine}\"]\n"),
    );
    let (code, _, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg("fixtures/calls"));
    assert_eq!(code, 0, "{err}");
}

/// Rules with more distinct words than the vocabulary holds are an error naming the rule and
/// the phrase that passes the limit, and saying what to do: it named neither.
#[test]
fn too_many_distinct_words_name_the_phrase_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let many: String = (0..70_000)
        .map(|i| format!("      - word{i:05} thing\n"))
        .collect();
    let rules = write(
        dir.path(),
        "r.yaml",
        &format!(
            "rules:\n  - id: t/small\n    phrases: [calm down]\n  - id: t/many\n    phrases:\n{many}"
        ),
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&rules)
        .arg("fixtures/calls"));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("r.yaml:4:"), "{err}");
    assert!(err.contains("70003 distinct words and stems"), "{err}");
    // `thing`, `calm` and `down` come first: the 65,532nd `word` is the 65,535th word.
    assert!(err.contains("(phrase \"word65531 thing\")"), "{err}");
    assert!(err.contains("check the rules in several runs"), "{err}");
}

#[test]
fn too_many_threads_is_a_usage_error() {
    let (code, _, err) =
        run(talklint().args(["check", "--no-config", "-j", "100000", "fixtures/calls"]));
    assert_eq!(code, 2);
    assert!(err.contains("at most 1024 threads"), "{err}");
}

#[test]
fn deeply_nested_rule_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("flow", format!("rules: {}", "[".repeat(100_000))),
        ("block", format!("rules:\n  {}x\n", "- ".repeat(100_000))),
    ] {
        let rules = write(dir.path(), &format!("{name}.yaml"), &text);
        let out = talklint()
            .args(["check", "--no-config", "-r"])
            .arg(&rules)
            .arg("fixtures/calls")
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains("nested more than 64 levels deep"),
            "{name}: {err}"
        );
        assert!(err.contains("help: flatten"), "{name}: {err}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_skipped_unread() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 8 GB long, nothing stored. Reading it up to the limit would take 4 GB of memory;
    // the run gets 1 GB of address space. Over 4 GiB, no limit reads it: offsets are 32-bit.
    let huge = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(8_000_000_000).unwrap();
    for (limit, reason) in [
        (
            "4000000000",
            "the limit is 4000000000, see --max-filesize or the config's `max_filesize`",
        ),
        (
            "10000000000",
            "talklint reads at most 4294967295 bytes of one input; split it",
        ),
    ] {
        let bin = assert_cmd::cargo::cargo_bin("talklint");
        let out = assert_cmd::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1000000; exec \"$0\" check --no-config --format json --max-filesize \"$1\" \"$2\"")
            .arg(bin)
            .arg(limit)
            .arg(dir.path())
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{v}");
        let want = format!("too large (8000000000 bytes; {reason})");
        assert_eq!(v["skipped"][0]["reason"], *want);
    }
}

/// A file under the limit whose first bytes say binary is skipped unread: a 3 GB file of NULs
/// after one line of text was read whole (3 GB of memory) before being called binary.
#[test]
fn a_large_binary_file_is_skipped_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.txt");
    std::fs::write(&path, "Agent: hi\n").unwrap();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(3_000_000_000).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("talklint");
    let out = assert_cmd::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1000000; exec \"$0\" check --no-config --format json --max-filesize 4G \"$1\"")
        .arg(bin)
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{v}");
    assert_eq!(v["skipped"][0]["reason"], "binary", "{v}");
}

/// `talklint check --format json --max-filesize LIMIT ARGS -` given `input`: the exit code and
/// the report.
fn stdin_report(limit: &str, args: &[&str], input: String) -> (i32, serde_json::Value) {
    let (code, out, _) = run(talklint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--max-filesize",
            limit,
        ])
        .args(args)
        .arg("-")
        .write_stdin(input));
    (code, serde_json::from_str(&out).unwrap())
}

#[test]
fn standard_input_over_the_size_limit_is_skipped() {
    let text = "Agent: calm down, this is longer than twenty bytes\n";
    let (code, v) = stdin_report("20", &[], text.into());
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        v["skipped"][0]["reason"],
        "too large (more than the limit; the limit is 20, see --max-filesize or the config's `max_filesize`)"
    );
    assert_eq!(v["conversations"].as_array().unwrap().len(), 0);
}

#[test]
fn a_record_over_the_size_limit_is_skipped_and_the_stream_goes_on() {
    let long =
        r#"{"conversation_id":"a","messages":[{"speaker":"agent","text":"calm down now please"}]}"#;
    let short = |id: &str| {
        format!(r#"{{"conversation_id":"{id}","messages":[{{"speaker":"agent","text":"ok"}}]}}"#)
    };
    // The long record second, then first (where only --input-format jsonl makes it a stream).
    for (records, flags, line) in [
        (
            format!("{}\n{long}\n{}\n", short("b"), short("c")),
            &[][..],
            2,
        ),
        (
            format!("{long}\n{}\n{}\n", short("b"), short("c")),
            &["--input-format", "jsonl"],
            1,
        ),
    ] {
        let (code, v) = stdin_report("80", flags, records);
        assert_eq!(code, 0, "{v}");
        let reason = format!(
            "line {line}: too large (87 bytes; the limit is 80, see --max-filesize or the config's `max_filesize`)"
        );
        assert_eq!(v["skipped"][0]["reason"], *reason, "{v}");
        let ids: Vec<&str> = v["conversations"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["id"].as_str())
            .collect();
        assert_eq!(ids, ["b", "c"], "{v}");
    }
}
