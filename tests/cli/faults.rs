//! Faults that once hung, panicked or lost data: an empty rule id, a FIFO in a scanned folder,
//! regexes that match empty text, a report written over its input, standard error or output
//! that cannot be written.

use crate::support::{check, run, talklint, write};
use std::fs::File;
use std::process::Stdio;
use std::time::Duration;

/// Runs `cmd`, killing it after `secs` seconds: a hang fails the test instead of stalling it.
fn run_within(cmd: &mut assert_cmd::Command, secs: u64) -> (i32, String, String) {
    let out = cmd
        .timeout(Duration::from_secs(secs))
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_empty_rule_id_is_a_located_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    // A quoted empty id is named at its quotes.
    for (name, text, place) in [
        ("quoted", "rules:\n  - id: \"\"\n", ":2:9:"),
        ("bare", "rules:\n  - id:", ":2:8:"),
    ] {
        let rules = write(dir.path(), &format!("{name}.yaml"), text);
        let (code, _, err) = run_within(
            talklint()
                .args(["check", "--no-config", "-r"])
                .arg(&rules)
                .arg("fixtures/calls"),
            20,
        );
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(&format!("{place} rule id `` is not")),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_fifo_in_a_scanned_folder_is_skipped_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("calls.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    write(dir.path(), "ok.txt", "Agent: calm down\n");
    let (code, out, err) = run_within(check(&["--format", "json"]).arg(dir.path()), 20);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["conversations"], 1);
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("not a regular file (a FIFO)"),
        "{v}"
    );
}

#[test]
fn regexes_that_match_empty_text_do_not_panic_on_turnless_conversations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let calls = d.join("calls");
    std::fs::create_dir(&calls).unwrap();
    write(&calls, "customer.txt", "Customer: calm down please\n");
    // A record of no turns beside another is a conversation of its own.
    write(
        &calls,
        "records.jsonl",
        "{\"id\": \"a\", \"messages\": []}\n{\"id\": \"b\", \"messages\": [{\"role\": \"agent\", \"text\": \"hi\"}]}\n",
    );
    // (A regex that matches only empty text, `^` or `\z`, is a rule error.)
    for regex in ["x*", "(calm down)?", "(\\\\z|calm)"] {
        let rules = write(
            d,
            "empty-match.yaml",
            &format!("rules:\n  - id: x/empty-match\n    regex: \"{regex}\"\n    message: m\n"),
        );
        // The rule alone: with other rules, some turn is searched and the empty match lands in it.
        // An empty match past the last turn once made the search start there again, forever.
        let (code, out, err) = run_within(
            talklint()
                .args(["check", "--no-config", "--format", "json", "-r"])
                .arg(&rules)
                .arg(&calls),
            60,
        );
        assert!(code < 2, "{regex}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summary"]["conversations"], 3, "{regex}: {v}");
    }
}

#[test]
fn a_report_is_never_written_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "in.txt", "Agent: calm down\n");
    let (code, _, err) = run(check(&["-o"]).arg(&call).arg(&call));
    assert_eq!(code, 2);
    assert!(err.contains("is also an input"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&call).unwrap(),
        "Agent: calm down\n",
        "the input is untouched"
    );
    // A report inside a scanned folder is not scanned itself, on this run or the next.
    let report = dir.path().join("report.json");
    for _ in 0..2 {
        let (code, _, err) = run(check(&["--format", "json", "-o"])
            .arg(&report)
            .arg(dir.path()));
        assert_eq!(code, 1, "{err}");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(v["summary"]["conversations"], 1, "{v}");
        assert_eq!(v["skipped"][0]["reason"], "this run's report", "{v}");
    }
}

/// A transcript found by the walk is no report path either: it would be replaced before it is
/// read. Every format's own report there is written over on the next run, and two reports are
/// never given one file.
#[test]
fn a_report_is_never_written_over_a_transcript_of_a_scanned_folder() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "call.txt", "Agent: calm down\n");
    let (code, _, err) = run(check(&["-o"]).arg(&call).arg(dir.path()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no report of talklint's"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&call).unwrap(),
        "Agent: calm down\n"
    );
    // The current folder when no path is given; a file read for `--include` whatever its
    // extension; transcripts that open or end somewhat like a report.
    let (code, _, err) = run(check(&["-o", "call.txt"]).current_dir(dir.path()));
    assert_eq!(code, 2, "no path given: {err}");
    let log = write(dir.path(), "call.log", "Agent: calm down\n");
    let (code, _, err) = run(check(&["--include", "*.log", "-o"])
        .arg(&log)
        .arg(dir.path()));
    assert_eq!(code, 2, "--include: {err}");
    let lookalikes = [
        (
            "ticket.json",
            "{\"summary\":\"a refund\",\"messages\":[{\"role\":\"agent\",\"text\":\"calm down\"}]}",
        ),
        (
            "utterances.jsonl",
            "{\"path\":\"calls/1.wav\",\"speaker\":\"Agent\",\"text\":\"calm down\"}\n",
        ),
        (
            "qa.txt",
            "Agent: calm down\n\nQA notes\nFindings: agent was rude.\n",
        ),
    ];
    for (name, text) in lookalikes {
        let file = write(dir.path(), name, text);
        let (code, _, err) = run(check(&["-o"]).arg(&file).arg(dir.path()));
        assert_eq!(code, 2, "{name}: {err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "{name}");
        std::fs::remove_file(&file).unwrap();
    }
    std::fs::remove_file(&log).unwrap();
    // A human report that found nothing is known by its closing lines.
    let human = write(
        dir.path(),
        "summary.txt",
        "1 conversation in 1 file: all passed, mean score 92.0.\nFindings: 0 errors, 0 warnings, 0 info; 0 rewards.\n",
    );
    let (code, _, err) = run(check(&["-o"]).arg(&human).arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    std::fs::remove_file(&human).unwrap();
    let report = dir.path().join("report.json");
    for format in [
        "human", "json", "jsonl", "sarif", "junit", "csv", "github", "html",
    ] {
        for round in 0..2 {
            let (code, _, err) = run(check(&["--format", format, "-o"])
                .arg(&report)
                .arg(dir.path()));
            assert_eq!(code, 1, "{format}, run {round}: {err}");
        }
        std::fs::remove_file(&report).unwrap();
    }
    let (code, _, err) = run(check(&["-o"])
        .arg(&report)
        .arg("--output-sarif")
        .arg(dir.path().join(".").join("report.json"))
        .arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is named for two reports"), "{err}");
}

/// A regex whose matches run past their turns takes time linear in the conversation: every
/// turn was once searched again to the end (minutes for a few thousand turns).
#[test]
fn a_regex_crossing_every_turn_stays_linear() {
    let dir = tempfile::tempdir().unwrap();
    let turns = "Agent: please wait while I look\n".repeat(8000);
    let call = write(dir.path(), "long.txt", &turns);
    let rules = write(
        dir.path(),
        "greedy.yaml",
        "rules:\n  - id: x/greedy\n    regex: ['(?s)please[^#]*']\n    message: m\n",
    );
    let (code, out, err) = run_within(
        talklint()
            .args(["check", "--no-config", "--format", "json", "-r"])
            .arg(&rules)
            .arg(&call),
        60,
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v["conversations"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 8000);
    assert_eq!(findings[7999]["match"], "please wait while I look");
}

#[test]
fn a_closed_or_full_standard_error_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(dir.path(), &format!("{i}.json"), "{");
    }
    let run_with = |stderr: Stdio| {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("talklint"))
            .args(["check", "--no-config"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap();
        // A piped standard error is closed at once, as `2>&1 | head -1` closes it early.
        drop(child.stderr.take());
        child.wait().unwrap().code()
    };
    assert_eq!(run_with(Stdio::piped()), Some(2), "a closed pipe");
    let full = File::options().write(true).open("/dev/full").unwrap();
    assert_eq!(run_with(Stdio::from(full)), Some(2), "a full device");
}

#[test]
fn listings_on_a_full_device_say_so_and_exit_2() {
    for args in [&["rules"][..], &["test"]] {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("talklint"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let (code, err) = (out.status.code(), String::from_utf8_lossy(&out.stderr));
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains("cannot write"), "{args:?}: {err}");
    }
}

/// Of several report files, the one that could not be written is named.
#[test]
fn a_report_file_that_cannot_be_written_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let (code, _, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "--output-csv",
            "/dev/full",
            "--output-json",
        ])
        .arg(&json)
        .arg("fixtures/calls"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: cannot write the report: /dev/full: No space left on device"),
        "{err}"
    );
}

#[test]
fn merge_never_writes_over_a_report_it_merges() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("shard.json");
    let (_, out, _) = run(&mut check(&["--format", "json", "fixtures/calls"]));
    std::fs::write(&shard, &out).unwrap();
    let (code, _, err) = run(talklint()
        .args([
            "merge",
            "--no-config",
            "-r",
            "fixtures/rules/basic.yaml",
            "-o",
        ])
        .arg(&shard)
        .arg(&shard));
    assert_eq!(code, 2);
    assert!(err.contains("is also an input"), "{err}");
    assert_eq!(std::fs::read_to_string(&shard).unwrap(), out);
}

/// A directive on every line of a long file, and a line of backticks: each line's work is found
/// by a search, not by walking every turn or every later run again (both took minutes).
#[test]
fn many_directives_or_backticks_are_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let many: String = "Agent: see `x` here, calm down <!-- talklint: ignore -->\n".repeat(100_000);
    std::fs::write(dir.path().join("many.md"), many).unwrap();
    let ticks = format!(
        "Agent: hi {} {}\n",
        "`".repeat(400_000),
        "`".repeat(1_200_000)
    );
    std::fs::write(dir.path().join("ticks.md"), ticks).unwrap();
    let (code, out, err) = run_within(
        talklint()
            .args(["check", "--no-config", "-q"])
            .arg(dir.path()),
        60,
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

/// `--diff` of a fix on every line of a long file: the hunks are written from the edits, not
/// found by diffing the two texts (20,000 changed lines took 4 s in a release build).
#[test]
fn a_diff_of_many_changed_lines_is_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: a/b\n    phrases: [calm down]\n    replace: relax\n";
    std::fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    let many = "Agent: calm down\nCustomer: ok\n".repeat(50_000);
    std::fs::write(dir.path().join("many.txt"), many).unwrap();
    let (code, out, err) = run_within(
        talklint().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "-r",
            "rules.yaml",
            "--diff",
            "many.txt",
        ]),
        60,
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.matches("\n+Agent: relax\n").count(), 50_000);
    assert_eq!(
        out.matches("\n@@ ").count(),
        1,
        "one hunk: the changes touch"
    );
}

#[test]
fn threads_that_cannot_start_are_said_so_before_any_report() {
    // Threads of 100 GB stacks cannot fit in 400 MB of address space: the pool fails to start,
    // which is no report that could not be written, and no report is begun. (With 2 MiB stacks,
    // 1,024 threads failed somewhere past the first hundred, and once in a while a thread that
    // had started could not map its signal stack, and the runtime aborted the process.)
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: Hello.\n");
    write(dir.path(), "b.txt", "Agent: Hi.\n");
    let out = crate::support::through_sh("ulimit -v 400000;", "")
        .env("RUST_MIN_STACK", "100000000000")
        .args(["check", "--no-config", "-j", "1024", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot start 1024 threads"), "{stderr}");
    assert!(stderr.contains("help: run fewer threads"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}
