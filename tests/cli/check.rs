//! `talklint check`: the JSON contract, exit codes, human output, stdin, scanning rules.

use crate::support::{check, findings, json_report, run, talklint};
use std::fs;

#[test]
fn json_report_follows_the_contract() {
    let (code, v) = json_report(&["fixtures/calls"]);
    assert_eq!(code, 1, "an error finding exits 1");
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "talklint");
    let s = &v["summary"];
    for key in [
        "files",
        "conversations",
        "skipped",
        "errors",
        "passed",
        "failed",
    ] {
        assert!(s[key].is_u64(), "summary.{key} is a count");
    }
    assert_eq!(
        (s["files"].as_u64(), s["conversations"].as_u64()),
        (Some(2), Some(2))
    );
    assert!(s["mean_score"].is_f64() || s["mean_score"].is_u64());
    for key in ["error", "warning", "info", "reward"] {
        assert!(s["findings"][key].is_u64());
    }
    let conv = &v["conversations"][1];
    assert_eq!(conv["path"], "fixtures/calls/deflection.txt");
    assert_eq!(conv["format"], "text");
    assert_eq!(conv["turns"], 5);
    assert_eq!(conv["passed"], false);
    let f = conv["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ownership/not-my-department")
        .expect("the deflection is found");
    assert_eq!(f["kind"], "forbid");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["category"], "ownership");
    assert_eq!(f["points"], -10);
    assert_eq!(f["turn"], 3);
    assert_eq!(f["role"], "agent");
    assert_eq!(f["speaker"], "Agent");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(53))
    );
    assert_eq!(f["start_ms"], 9000);
    assert_eq!(
        f["match"], "that’s not my\ndepartment",
        "quotes the original text across the line break"
    );
    assert_eq!(
        f["message"],
        "Deflects ownership: “that’s not my department”"
    );
    assert!(
        f["suggestion"]
            .as_str()
            .unwrap()
            .starts_with("Own the next step")
    );
    assert!(v["skipped"].as_array().unwrap().is_empty());
    assert!(v["errors"].as_array().unwrap().is_empty());
}

#[test]
fn scores_follow_points_caps_and_auto_fail() {
    let (_, v) = json_report(&["fixtures/calls"]);
    // courteous: base 80 + empathy reward 5 (greeting found, closing found) = 85.
    let good = &v["conversations"][0];
    assert_eq!(
        (good["score"].as_i64(), good["passed"].as_bool()),
        (Some(85), Some(true))
    );
    // deflection: 80 + 5 (reward) - 10 (error) - 5 (calm down) - 5 (I don't know) - 7 (no closing) = 58,
    // and the error rule auto-fails it.
    let bad = &v["conversations"][1];
    assert_eq!(bad["score"], 58);
    assert_eq!(bad["passed"], false);
    let rules: Vec<String> = findings(&v, 1).into_iter().map(|f| f.0).collect();
    assert!(
        !rules.contains(&"greeting/agent-name".to_string()),
        "'this is Sam' satisfies the greeting"
    );
    assert_eq!(
        rules.iter().filter(|r| *r == "respect/calm-down").count(),
        1,
        "the customer's 'calm down' is not the agent's"
    );
}

#[test]
fn exit_codes_follow_fail_on_and_min_score() {
    let clean = "fixtures/calls/courteous.txt";
    assert_eq!(run(&mut check(&[clean])).0, 0);
    assert_eq!(run(&mut check(&["fixtures/calls"])).0, 1);
    assert_eq!(run(&mut check(&["--exit-zero", "fixtures/calls"])).0, 0);
    assert_eq!(
        run(&mut check(&["--min-score", "90", clean])).0,
        1,
        "85 is below 90"
    );
    assert_eq!(run(&mut check(&["--min-score", "85", clean])).0, 0);
    // A negative bound needs no `=`, and is refused: no score is below 0.
    assert_eq!(run(&mut check(&["--min-score", "-5", clean])).0, 2);
    // A warning alone: exit 0 by default, 1 with --fail-on warning.
    let dir = tempfile::tempdir().unwrap();
    let warn = dir.path().join("w.txt");
    fs::write(
        &warn,
        "Agent: Hi, this is Sam.\nCustomer: hi\nAgent: I don't know. Anything else?\n",
    )
    .unwrap();
    let warn = warn.to_str().unwrap();
    assert_eq!(run(&mut check(&[warn])).0, 0);
    assert_eq!(run(&mut check(&["--fail-on", "warning", warn])).0, 1);
    assert_eq!(run(&mut check(&["--fail-on", "error", warn])).0, 0);
    // Usage errors are 2.
    assert_eq!(run(&mut check(&["--format", "nope"])).0, 2);
    let (code, out, err) = run(&mut check(&["no/such/path"]));
    assert_eq!(code, 2);
    assert!(err.contains("no/such/path: cannot read"), "{err}");
    assert!(out.starts_with("No conversations in 1 file.\n"), "{out}");
}

#[test]
fn human_output_shows_snippets_with_carets() {
    let (code, out, _) = run(&mut check(&["--color", "never", "fixtures/calls"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("human_calls", out);
}

#[test]
fn quiet_prints_only_findings_and_the_conversations_that_fail() {
    let (code, out, err) = run(&mut check(&["-q", "--color", "never", "fixtures/calls"]));
    assert_eq!(code, 1, "quiet changes the output, not the verdict");
    assert!(out.contains("error[ownership/not-my-department]"), "{out}");
    let scores: Vec<&str> = out.lines().filter(|l| l.contains(": score ")).collect();
    assert!(!scores.is_empty(), "{out}");
    assert!(scores.iter().all(|l| l.contains("(FAIL")), "{out}");
    assert!(
        !out.contains("conversations in") && !out.contains("+5"),
        "{out}"
    );
    assert_eq!(err, "");
    // A conversation's score line and the next one's findings are a blank line apart, as
    // without `-q` (they ran into each other).
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt"] {
        crate::support::write(dir.path(), name, "Agent: please calm down\n");
    }
    let (_, out, _) = run(check(&["-q", "--color", "never"]).arg(dir.path()));
    let lines: Vec<&str> = out.lines().collect();
    let score = lines.iter().position(|l| l.contains("a.txt: score "));
    assert_eq!(score.map(|i| lines.get(i + 1)), Some(Some(&"")), "{out}");
    assert!(out.contains("b.txt: score "), "{out}");
    // A conversation failed by its score alone, with no finding to show, is still named.
    let (code, out, _) = run(&mut check(&[
        "-q",
        "--color",
        "never",
        "--min-score",
        "100",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 1);
    assert!(
        out.contains("fixtures/calls/courteous.txt: score ") && out.contains("(FAIL: 100 needed)"),
        "{out}"
    );
}

#[test]
fn color_is_off_in_pipes_and_on_when_asked() {
    let (_, plain, _) = run(&mut check(&["fixtures/calls"]));
    assert!(!plain.contains('\x1b'));
    let (_, colored, _) = run(&mut check(&["--color", "always", "fixtures/calls"]));
    assert!(colored.contains('\x1b'));
}

#[test]
fn jsonl_writes_one_line_per_conversation_then_the_summary() {
    let (_, out, _) = run(&mut check(&[
        "--format",
        "jsonl",
        "fixtures/calls",
        "fixtures/formats",
    ]));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One line per conversation (the CSV fixture and chats-by-id.jsonl hold two, records.jsonl
    // three), then the summary.
    assert_eq!(lines.len(), 30);
    assert!(lines[..29].iter().all(|l| l["path"].is_string()));
    assert_eq!(lines[29]["summary"]["conversations"], 29);
}

/// The pre-commit hook runs this binary's `check` on the staged files its `files` pattern picks,
/// as pre-commit calls it (the entry, then the file names): a deflection fails the commit.
#[test]
fn pre_commit_hook_checks_the_files_it_selects() {
    let hooks: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(".pre-commit-hooks.yaml").unwrap()).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("talklint"));
    let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
    assert_eq!(entry[..1], ["talklint"]);
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    let read = "txt text md markdown transcript json jsonc jsonl ndjson vtt webvtt srt sbv csv tsv";
    for name in read.split(' ').map(|ext| format!("dir/file.{ext}")) {
        assert!(files.is_match(&name), "{name}");
    }
    assert!(!files.is_match("logo.png"));
    assert!(
        files.is_match("dir/SCRIPT.TXT"),
        "the walker reads any case: so must the hook"
    );

    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("ok.md"),
        "I'm sorry to hear that. Let me take care of this.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("bad.md"),
        "Sorry, that's not my department.\n",
    )
    .unwrap();
    let commit = |staged: &[&str]| {
        let mut cmd = talklint();
        cmd.current_dir(dir.path()).args(&entry[1..]).args(staged);
        run(&mut cmd)
    };
    assert_eq!(commit(&["ok.md"]).0, 0);
    let (code, out, _) = commit(&["ok.md", "bad.md"]);
    assert_eq!(code, 1);
    assert!(out.contains("bad.md:1:8"), "{out}");
}

/// Standard input is read when named `-`, or when `--stdin-filename` names it and no path is
/// given (as ruff reads it).
#[test]
fn stdin_is_read_and_named() {
    for args in [
        &["--stdin-filename", "macro.txt", "-"][..],
        &["--stdin-filename", "macro.txt"],
    ] {
        let (code, out, _) = run(check(&["--format", "json"])
            .args(args)
            .write_stdin("Agent: Sorry, that is not my job.\n"));
        assert_eq!(code, 1, "{args:?}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summary"]["files"], 1, "{args:?}: {v}");
        assert_eq!(v["conversations"][0]["path"], "macro.txt");
    }
    let (_, out, _) = run(
        check(&["--format", "json", "--stdin-filename", "macro.txt", "-"])
            .write_stdin("Agent: Sorry, that is not my job.\n"),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ownership/not-my-department");
    assert_eq!(f.unwrap()["match"], "not my job");
}

#[test]
fn check_is_the_default_subcommand() {
    let (code, out, _) = run(talklint().args([
        "--no-config",
        "-r",
        "fixtures/rules/basic.yaml",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 conversation in 1 file"), "{out}");
}

#[test]
fn walking_is_sorted_filtered_and_accounts_for_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("b/archive")).unwrap();
    fs::create_dir_all(d.join(".git")).unwrap();
    fs::write(d.join("b/2.txt"), "Agent: calm down").unwrap();
    fs::write(d.join("a.txt"), "Agent: hello").unwrap();
    fs::write(d.join("b/archive/old.txt"), "Agent: calm down").unwrap();
    fs::write(d.join(".hidden.txt"), "Agent: calm down").unwrap();
    fs::write(d.join(".git/HEAD.txt"), "Agent: calm down").unwrap();
    fs::write(d.join("notes.rs"), "fn main() {}").unwrap();
    let root = d.to_str().unwrap();
    let (_, v) = json_report(&["--exclude", "**/archive/**", root]);
    let paths: Vec<String> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["path"]
                .as_str()
                .unwrap()
                .rsplit(['/', '\\'])
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a.txt", "2.txt"]);
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .split(' ')
            .next(),
        Some("not")
    );
    let (_, v) = json_report(&["--include", "*.rs", root]);
    assert_eq!(
        v["summary"]["files"], 1,
        "--include reads only matching files"
    );
    assert_eq!(v["conversations"][0]["format"], "text");
}

#[test]
fn output_order_is_the_same_with_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let text = if i % 7 == 0 {
            "Agent: that is not my job"
        } else {
            "Agent: hello"
        };
        fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
    }
    let root = dir.path().to_str().unwrap();
    let (_, one, _) = run(&mut check(&["-j", "1", "--format", "jsonl", root]));
    let (_, many, _) = run(&mut check(&["-j", "4", "--format", "jsonl", root]));
    assert_eq!(one, many);
    assert_eq!(one.lines().count(), 301);
}

#[test]
fn output_file_and_init() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    let (code, out, _) = run(&mut check(&[
        "-f",
        "json",
        "-o",
        report.to_str().unwrap(),
        "fixtures/calls",
    ]));
    assert_eq!((code, out.as_str()), (1, ""));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["summary"]["conversations"], 2);

    let (code, _, _) = run(talklint().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 0);
    assert!(
        fs::read_to_string(dir.path().join("talklint.yaml"))
            .unwrap()
            .contains("rules: [default]")
    );
    let (code, _, err) = run(talklint().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 2);
    assert!(err.contains("already exists"));
}

#[test]
fn large_scans_draw_no_progress_in_pipes() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2100 {
        fs::write(dir.path().join(format!("{i:05}.txt")), "Agent: hello").unwrap();
    }
    let (code, out, err) = run(check(&["--format", "jsonl"])
        .env_remove("CI")
        .arg(dir.path()));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2101);
    assert!(
        err.is_empty(),
        "stderr is not a terminal: no progress line: {err:?}"
    );
}
