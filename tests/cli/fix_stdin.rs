//! `--fix` on standard input, as an editor filters a buffer through it: the text goes back out
//! on standard output, fixed where a fix applies and byte for byte as read otherwise, and the
//! report goes to standard error (or its file); `--diff` shows standard input's diff.

use crate::support::{run, talklint, write};

/// `talklint check --no-config ARGS -` on `input`: exit code, standard output's bytes, and
/// standard error.
fn filter(args: &[&str], input: &[u8]) -> (i32, Vec<u8>, String) {
    let out = talklint()
        .args(["check", "--no-config"])
        .args(args)
        .arg("-")
        .write_stdin(input)
        .output()
        .expect("binary runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

#[test]
fn fixed_standard_input_is_written_out_and_the_report_goes_to_standard_error() {
    let (code, out, err) = filter(&["--fix"], b"Agent: No problem!\r\nCustomer: ok\r\n");
    assert_eq!(code, 0, "{err}");
    // Its line ends kept.
    assert_eq!(out, b"Agent: My pleasure!\r\nCustomer: ok\r\n", "{err}");
    assert!(err.contains("fixed: <stdin>: 1 match replaced"), "{err}");
    assert!(
        err.contains("1 conversation in 1 file: all passed"),
        "{err}"
    );
    // What remains is reported, to a file when one is named; a Markdown script by its name.
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    let args = ["--fix", "--stdin-filename", "reply.md", "-f", "json", "-o"];
    let args = [&args[..], &[report.to_str().unwrap()]].concat();
    let (code, out, err) = filter(&args, b"No problem, calm down.\n");
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, b"My pleasure, calm down.\n", "{err}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let c = &report["conversations"][0];
    assert_eq!(c["path"], "reply.md", "{report}");
    let rules: Vec<&str> = (c["findings"].as_array().unwrap().iter())
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["enthusiasm/happy-to-help", "respect/calm-down"],
        "{report}"
    );
    // Beside a file, fixed in place.
    let file = write(dir.path(), "other.txt", "Agent: No problem!\n");
    let (_, out, err) = filter(&["--fix", file.to_str().unwrap()], b"Agent: No problem.\n");
    assert_eq!(out, b"Agent: My pleasure.\n", "{err}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, "Agent: My pleasure!\n");
}

#[test]
fn standard_input_not_fixed_is_written_out_as_read() {
    let records = "{\"conversation_id\":\"1\",\"role\":\"agent\",\"text\":\"No problem\"}\n\
                   {\"conversation_id\":\"2\",\"role\":\"agent\",\"text\":\"hi\"}\n";
    let long = format!("Agent: {}\n", "a".repeat(3000));
    let inputs: [(&str, &[u8], &[&str]); 7] = [
        ("nothing to fix", b"Agent: Glad to help.\n", &[]),
        ("empty", b"", &[]),
        ("binary", b"Agent: No problem\0\n", &[]),
        ("not UTF-8", b"Agent: No problem, caf\xe9.\n", &[]),
        ("JSON", br#"[{"role":"agent","text":"No problem"}]"#, &[]),
        ("records, read whole", records.as_bytes(), &[]),
        ("too large", long.as_bytes(), &["--max-filesize", "1K"]),
    ];
    for (what, input, args) in inputs {
        let (_, out, err) = filter(&[&["--fix"], args].concat(), input);
        assert_eq!(out, input, "{what}: {err}");
        // A fix it would make is said, not made.
        if what == "JSON" || what == "not UTF-8" {
            assert!(err.contains("<stdin>: 1 match not fixed"), "{what}: {err}");
        }
    }
}

#[test]
fn diff_shows_the_fix_of_standard_input() {
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff", "--stdin-filename", "x.md"])
        .write_stdin("Agent: No problem!\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(
            "--- a/x.md\n+++ b/x.md\n@@ -1 +1 @@\n-Agent: No problem!\n+Agent: My pleasure!\n"
        ),
        "{out}"
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff", "-"])
        .write_stdin("Agent: Glad to help.\n"));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

#[test]
fn standard_input_goes_back_out_when_the_run_fails() {
    let input = b"Agent: No problem!\n";
    let dir = tempfile::tempdir().unwrap();
    // A report that cannot be written: the fixed text still comes out.
    let (code, out, err) = filter(&["--fix", "-o", "/dev/full"], input);
    assert_eq!(
        (code, out.as_slice()),
        (2, &b"Agent: My pleasure!\n"[..]),
        "{err}"
    );
    // A command line refused, a report file that is standard output, or a config with a
    // mistake: the text as read.
    let refused: [&[&str]; 4] = [
        &["--fix", "--fail-on", "warn"],
        &["--fix", "--diff"],
        &["--fix", "--hidden"],
        &["--fix", "--bogus", "--"],
    ];
    for args in refused {
        let (code, out, err) = filter(args, input);
        assert_eq!((code, out.as_slice()), (2, &input[..]), "{args:?}: {err}");
    }
    // Where standard input is not what is fixed (`-` an option's value, another command), a
    // refused command line leaves it unread.
    let file = write(dir.path(), "a.txt", "Agent: hi\n");
    let file = file.to_str().unwrap();
    let unread: [&[&str]; 3] = [
        &["check", "--fix", "-o", "-", file, "--bogus"],
        &[
            "check",
            "--fix",
            "--stdin-filename",
            "x.md",
            file,
            "--bogus",
        ],
        &["rules", "--fix", "-"],
    ];
    for args in unread {
        let out = talklint()
            .args(args)
            .write_stdin(&input[..])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let (code, out, err) = filter(&["--fix", "--output-json", "/dev/stdout"], input);
    assert_eq!((code, out.as_slice()), (2, &input[..]), "{err}");
    assert!(
        err.contains("holds standard input's text under --fix -"),
        "{err}"
    );
    write(dir.path(), "talklint.yaml", "min_score: 500\n");
    let out = talklint()
        .current_dir(dir.path())
        .args(["check", "--fix", "-"])
        .write_stdin(&input[..])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        out.stdout,
        input,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_stream_of_records_is_still_judged_record_by_record() {
    let records = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/records.jsonl"),
    )
    .unwrap();
    // Each record is within the limit, the whole input is not.
    assert!(records.len() > 300);
    let (code, out, err) = filter(&["--fix", "--max-filesize", "300"], &records);
    assert_eq!(out, records, "{err}");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("3 conversations in 1 file"), "{err}");
}
