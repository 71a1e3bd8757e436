//! `--baseline FILE`: the findings of an earlier JSON or JSONL report are not counted, known by
//! file, conversation, rule and matched words, from wherever the run starts; new findings fail;
//! a baseline that is no report is an error at its place.

use crate::support::{check_in, json_report_in, run, talklint, write};
use std::fs;

/// A folder of scripts with findings, and a JSON baseline of them at its top.
fn scripts_with_baseline(format: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("scripts")).unwrap();
    write(dir.path(), "scripts/a.md", "Hello.\n\nCalm down, please.\n");
    write(
        dir.path(),
        "scripts/b.txt",
        "Agent: that is not my department\n",
    );
    let args = ["-f", format, "--exit-zero", "scripts"];
    let (code, report, err) = check_in(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    write(dir.path(), &format!("base.{format}"), &report);
    dir
}

#[test]
fn known_findings_are_not_counted_and_new_ones_fail() {
    for format in ["json", "jsonl"] {
        let dir = scripts_with_baseline(format);
        let base = format!("--baseline=base.{format}");
        let (code, out, err) = check_in(dir.path(), &[&base, "scripts"]);
        assert_eq!(code, 0, "{format}: {out}{err}");
        assert!(out.contains("Findings: 0 errors"), "{out}");
        let (_, page, _) = check_in(dir.path(), &[&base, "-f", "html", "scripts"]);
        let card = "<dt>held back by the baseline</dt><dd>2</dd>";
        assert!(page.contains(card), "{format}: no card {card}");
        // Scores rise once problems are held back: the summary says how many.
        assert!(
            out.contains("2 known problems held back by the baseline: not counted in the findings"),
            "{out}"
        );
        // Lines above move the old match; the same words twice are one known and one new.
        write(
            dir.path(),
            "scripts/a.md",
            "Hi.\n\nNew line.\n\nCalm down. Calm down.\n",
        );
        let (code, report) = json_report_in(dir.path(), &[&base, "--show-suppressed", "scripts"]);
        assert_eq!(code, 1, "{format}: {report}");
        let findings = report["conversations"][0]["findings"].as_array().unwrap();
        let marks: Vec<(u64, bool)> = findings
            .iter()
            .map(|f| (f["column"].as_u64().unwrap(), f["suppressed"] == true))
            .collect();
        assert_eq!(marks, [(1, true), (12, false)], "{report}");
        assert_eq!(report["conversations"][1]["score"], 80, "{report}");
        let baselined = |c: &serde_json::Value| c["baselined"].as_u64();
        let each: Vec<_> = (report["conversations"].as_array().unwrap().iter())
            .map(baselined)
            .collect();
        assert_eq!(each, [Some(1), Some(1)], "{report}");
        assert_eq!(baselined(&report["summary"]), Some(2), "{report}");
    }
}

#[test]
fn csv_findings_say_a_finding_was_suppressed_by_the_baseline() {
    let dir = scripts_with_baseline("json");
    let args = ["--baseline", "base.json", "--show-suppressed"];
    let csv = ["-f", "csv", "--csv-findings", "scripts"];
    let (code, out, err) = check_in(dir.path(), &[&args[..], &csv].concat());
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (suppressed, by) = (column("suppressed"), column("suppressed_by"));
    let marks: Vec<(String, String)> = (reader.records().map(Result::unwrap))
        .map(|r| (r[suppressed].to_string(), r[by].to_string()))
        .collect();
    let known = ("true".to_string(), "baseline".to_string());
    assert_eq!(marks, [known.clone(), known], "{out}");
}

#[test]
fn the_baseline_is_read_from_its_own_folder_whatever_the_run_starts_from() {
    let dir = scripts_with_baseline("json");
    let scripts = dir.path().join("scripts");
    let (code, out, err) = check_in(&scripts, &["--baseline", "../base.json", "b.txt"]);
    assert_eq!(code, 0, "{out}{err}");
    let sarif = |args: &[&str]| {
        let (_, out, _) = check_in(&scripts, &[&["-f", "sarif"][..], args].concat());
        out
    };
    let shown = sarif(&["--baseline", "../base.json", "--show-suppressed", "b.txt"]);
    assert!(
        shown.contains(r#""suppressions":[{"kind":"external"}]"#),
        "{shown}"
    );
    // Without the baseline, the same run fails.
    let (code, _, _) = check_in(&scripts, &["b.txt"]);
    assert_eq!(code, 1);
}

#[test]
fn a_known_finding_no_longer_found_is_a_warning_to_make_the_baseline_again() {
    let dir = scripts_with_baseline("json");
    write(
        dir.path(),
        "scripts/b.txt",
        "Agent: let me take care of this\n",
    );
    let (code, _, err) = check_in(dir.path(), &["--baseline", "base.json", "scripts"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "1 finding of the baseline base.json is no longer found in the conversations checked \
             (ownership/closed-door; held at scripts/b.txt:1:8): make it again"
        ),
        "{err}"
    );
    // A file not checked this run is not said to have lost its findings.
    let (_, _, err) = check_in(dir.path(), &["--baseline", "base.json", "scripts/a.md"]);
    assert!(!err.contains("no longer found"), "{err}");
    // `--fix` judges a file once to fix it and once after: its lost findings count once.
    let args = ["--baseline", "base.json", "--fix", "scripts/b.txt"];
    let (_, _, err) = check_in(dir.path(), &args);
    assert!(
        err.contains("1 finding of the baseline base.json is no"),
        "{err}"
    );
}

#[test]
fn a_baseline_that_is_no_report_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.txt", "Agent: calm down\n");
    let cases = [
        (
            "{\"version\": 1,\n  \"conversations\": [{\"path\": 3}]}\n",
            "b.json:2:30: not a talklint JSON or JSONL report: invalid type: integer `3`, expected a string",
        ),
        (
            "{\"path\": \"t.txt\", \"findings\": []}\n{\"path\": \"t.txt\", \"findings\": [{}]}\n",
            "b.json:2:1: not a talklint JSON or JSONL report: missing field `rule`",
        ),
    ];
    for (text, want) in cases {
        write(dir.path(), "b.json", text);
        let (code, _, err) = check_in(dir.path(), &["--baseline", "b.json", "t.txt"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(want), "{want}\n{err}");
        assert!(
            err.contains(
                "help: make a baseline with `talklint check --no-baseline --exit-zero -f json -o \
                 b.json PATHS`"
            ),
            "{err}"
        );
    }
    let (code, _, err) = check_in(dir.path(), &["--baseline", "none.json", "t.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the baseline none.json"), "{err}");
    let labels = write(
        dir.path(),
        "labels.tsv",
        "path\tturn\tempathy:reward\nt.txt\t1\t1\n",
    );
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(["eval", "--no-config", "--baseline", "b.json", "--labels"])
        .arg(&labels)
        .arg("t.txt"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--baseline"), "{err}");
}

#[test]
fn a_baseline_knows_problems_not_rewards_or_tags() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.txt",
        "Agent: I'm sorry to hear that. Calm down.\n",
    );
    let (_, report, _) = check_in(dir.path(), &["-f", "json", "--exit-zero", "t.txt"]);
    write(dir.path(), "base.json", &report);
    let (code, v) = json_report_in(dir.path(), &["--baseline", "base.json", "t.txt"]);
    assert_eq!(code, 0, "{v}");
    let c = &v["conversations"][0];
    let rules: Vec<&str> = (c["findings"].as_array().unwrap().iter())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"empathy/apology"), "{v}");
    assert!(!rules.contains(&"respect/calm-down"), "{v}");
    // The reward still counts, and is not said to be gone from the baseline.
    assert!(c["score"].as_i64().unwrap() > 80, "{v}");
    let (_, _, err) = check_in(dir.path(), &["--baseline", "base.json", "t.txt"]);
    assert!(!err.contains("no longer found"), "{err}");
}

#[test]
fn a_baseline_read_through_a_pipe_a_link_or_with_redaction_knows_its_findings() {
    let dir = scripts_with_baseline("json");
    let base = std::fs::read_to_string(dir.path().join("base.json")).unwrap();
    // Through a pipe: the paths are read from the current folder.
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--baseline",
            "/dev/stdin",
            "scripts",
        ])
        .write_stdin(base));
    assert_eq!(code, 0, "{out}{err}");
    // Through a link to the folder that holds it.
    let link = dir.path().with_extension("link");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    let linked = link.join("base.json");
    let (code, out, err) = check_in(
        dir.path(),
        &["--baseline", linked.to_str().unwrap(), "scripts"],
    );
    std::fs::remove_file(&link).unwrap();
    assert_eq!(code, 0, "{out}{err}");
    // Made with --redact, used with --redact: the masked words match.
    let pii = "rules:\n  - id: pii/address\n    regex: ['\\S+@example\\.com']\n";
    write(dir.path(), "pii.yaml", pii);
    write(
        dir.path(),
        "scripts/c.txt",
        "Agent: write to jo@example.com\n",
    );
    let rules = ["-r", "default", "-r", "pii.yaml", "--redact"];
    let (_, report, _) = check_in(
        dir.path(),
        &[&rules[..], &["-f", "json", "scripts"]].concat(),
    );
    assert!(report.contains(r#""match":"[EMAIL]""#), "{report}");
    write(dir.path(), "redacted.json", &report);
    let args = [&rules[..], &["--baseline", "redacted.json", "scripts"]].concat();
    let (code, out, err) = check_in(dir.path(), &args);
    assert_eq!(code, 0, "{out}{err}");
}

/// A report made with `--baseline --show-suppressed` is a baseline of the old problems and the
/// new: the ones its own baseline suppressed count as known, the ones a directive suppressed do
/// not (the directive still covers them).
#[test]
fn a_baseline_made_again_with_show_suppressed_keeps_its_known_problems() {
    let dir = scripts_with_baseline("json");
    let c = "Agent: It is not my job.\n// talklint: ignore respect/calm-down\nAgent: Calm down.\n";
    write(dir.path(), "scripts/c.txt", c);
    let args = [
        "--baseline",
        "base.json",
        "--show-suppressed",
        "--exit-zero",
    ];
    let (_, again) = json_report_in(dir.path(), &[&args[..], &["scripts"]].concat());
    let why: Vec<&str> = (again["conversations"].as_array().unwrap().iter())
        .flat_map(|c| c["findings"].as_array().unwrap())
        .map(|f| f["suppressed_by"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(why, ["baseline", "baseline", "-", "directive"], "{again}");
    write(dir.path(), "again.json", &again.to_string());
    let (code, out, err) = check_in(dir.path(), &["--baseline", "again.json", "scripts"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Findings: 0 errors"), "{out}");
    assert!(!err.contains("no longer found"), "{err}");
    // Without its directive, the finding it suppressed is new.
    write(
        dir.path(),
        "scripts/c.txt",
        &c.replace("// talklint: ignore respect/calm-down\n", ""),
    );
    let (code, v) = json_report_in(dir.path(), &["--baseline", "again.json", "scripts"]);
    assert_eq!(code, 1, "{v}");
    let new: Vec<(&str, &str)> = (v["conversations"].as_array().unwrap().iter())
        .flat_map(|c| {
            let path = c["path"].as_str().unwrap();
            (c["findings"].as_array().unwrap().iter())
                .map(move |f| (path, f["rule"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(new, [("scripts/c.txt", "respect/calm-down")], "{v}");
}

/// Of more findings alike than the baseline holds, the known ones are those nearest where it
/// held them: a copy added above a known finding is the new one. The first in the file were
/// taken as known, so the copy was left out and the untouched finding reported.
#[test]
fn a_copy_added_above_a_known_finding_is_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Customer: hi\nAgent: Hello.\nAgent: Please calm down.\nCustomer: ok\n",
    );
    let (_, report, err) = check_in(dir.path(), &["-f", "json", "--exit-zero", "a.txt"]);
    write(dir.path(), "base.json", &report);
    let placed = |text: &str| {
        write(dir.path(), "a.txt", text);
        let (code, report) = json_report_in(dir.path(), &["--baseline=base.json", "a.txt"]);
        assert_eq!(code, 1, "{err}{report}");
        let findings = report["conversations"][0]["findings"].as_array().unwrap();
        let calm = findings.iter().filter(|f| f["rule"] == "respect/calm-down");
        calm.map(|f| (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()))
            .collect::<Vec<_>>()
    };
    let above = "Customer: hi\nAgent: NEW calm down.\nAgent: Hello.\nAgent: Please calm down.\nCustomer: ok\n";
    assert_eq!(placed(above), [(2, 12)]);
    let below = "Customer: hi\nAgent: Hello.\nAgent: Please calm down.\nCustomer: ok\nAgent: Please calm down.\n";
    assert_eq!(placed(below), [(5, 15)]);
}

#[test]
fn problems_held_back_are_counted_alike_by_the_shards_merged() {
    let dir = scripts_with_baseline("json");
    let base = ["--baseline", "base.json", "-f", "jsonl", "--exit-zero"];
    let (_, single, err) = check_in(dir.path(), &[&base[..], &["scripts"]].concat());
    assert!(single.contains(r#""baselined":2,"#), "{single}{err}");
    let shards: Vec<_> = (1..=2)
        .map(|k| {
            let shard = format!("{k}/2");
            let (_, out, _) = check_in(
                dir.path(),
                &[&base[..], &["--shard", &shard, "scripts"]].concat(),
            );
            write(dir.path(), &format!("shard-{k}.jsonl"), &out)
        })
        .collect();
    let (_, merged, err) = crate::merge::merge(&["-f", "jsonl", "--exit-zero"], &shards);
    assert_eq!(merged, single, "{err}");
}

#[test]
fn findings_no_longer_found_are_named_by_rule_the_most_first_and_placed() {
    let dir = tempfile::tempdir().unwrap();
    let calls = [
        "Agent: calm down. Calm down. It's not my department.\n",
        "Agent: calm down, that is not my job.\n",
        "Agent: that's not my problem. Calm down.\n",
    ];
    for (i, call) in calls.iter().enumerate() {
        write(dir.path(), &format!("c{i}.txt"), call);
    }
    let (_, report, _) = check_in(dir.path(), &["-f", "json", "--exit-zero", "."]);
    write(dir.path(), "base.json", &report);
    for i in 0..calls.len() {
        write(dir.path(), &format!("c{i}.txt"), "Agent: glad to help.\n");
    }
    let (code, _, err) = check_in(dir.path(), &["--baseline", "base.json", "."]);
    assert_eq!(code, 0, "{err}");
    let rules: serde_json::Value = serde_json::from_str(&report).unwrap();
    let mut ids: Vec<String> = (rules["conversations"].as_array().unwrap().iter())
        .flat_map(|c| c["findings"].as_array().unwrap().iter())
        .filter(|f| f["kind"] != "reward")
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert!(ids.len() >= 5, "{report}");
    assert!(
        err.contains(&format!(
            "{} findings of the baseline base.json are no longer found in the conversations \
             checked (respect/calm-down ×4",
            ids.len()
        )),
        "{err}"
    );
    // Where each was, in file and line order: the first three.
    assert!(
        err.contains("; held at c0.txt:1:8, c0.txt:1:19, c0.txt:1:30 and 4 more)"),
        "{err}"
    );
}

#[test]
fn a_baseline_of_no_conversation_is_said_to_know_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["empty", "calls"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
    }
    write(dir.path(), "calls/a.txt", "Agent: Calm down.\n");
    let make = |from: &str, name: &str| {
        check_in(dir.path(), &["--exit-zero", "-f", "json", "-o", name, from]);
    };
    make("empty", "none.json");
    let (code, _, err) = check_in(dir.path(), &["--baseline", "none.json", "calls"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the baseline none.json holds no conversation (the run that made it checked none), so every finding counts as new"),
        "{err}"
    );
    // A baseline of conversations without problems knows them: nothing to say.
    write(dir.path(), "calls/a.txt", "Agent: Glad to help.\n");
    make("calls", "clean.json");
    let (_, _, err) = check_in(dir.path(), &["--baseline", "clean.json", "calls"]);
    assert!(!err.contains("holds no conversation"), "{err}");
}
