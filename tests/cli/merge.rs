//! `talklint merge`: the reports of N shards merge into the report of the single run, in every
//! format, with its exit code; what cannot be merged is an error that says why (SPEC §10).

use crate::support::{run, talklint, write};
use std::path::{Path, PathBuf};

/// `talklint check --no-config ARGS` on `fixtures/` (checked, skipped and unreadable files):
/// exit code and output.
fn check(args: &[&str]) -> (i32, String) {
    let (code, out, _) = run(talklint()
        .args(["check", "--no-config", "-q"])
        .args(args)
        .arg("fixtures"));
    (code, out)
}

/// `talklint merge --no-config ARGS REPORTS…`: exit code, output and errors.
pub(crate) fn merge(args: &[&str], reports: &[PathBuf]) -> (i32, String, String) {
    run(talklint()
        .args(["merge", "--no-config"])
        .args(args)
        .args(reports))
}

/// The reports of `n` shards of `fixtures/`, JSON and JSONL in turn, written to `dir`.
fn shards(dir: &Path, n: usize) -> Vec<PathBuf> {
    (1..=n)
        .map(|k| {
            let format = if k % 2 == 0 { "json" } else { "jsonl" };
            let (_, out) = check(&["--format", format, "--shard", &format!("{k}/{n}")]);
            write(dir, &format!("shard-{k}.{format}"), &out)
        })
        .collect()
}

#[test]
fn merged_shards_are_the_single_run_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for n in [2, 5] {
        let reports = shards(dir.path(), n);
        for format in ["json", "jsonl", "junit", "github", "csv"] {
            let single = check(&["--format", format]);
            let (code, merged, err) = merge(&["--format", format], &reports);
            assert_eq!((code, merged), single, "{format} from {n} shards: {err}");
        }
        let (single_code, single) = check(&["--format", "sarif"]);
        let (code, merged, err) = merge(&["--format", "sarif"], &reports);
        assert_eq!(code, single_code, "{err}");
        let single_report: serde_json::Value = serde_json::from_str(&single).unwrap();
        assert_eq!(
            merged_snippets(&merged, &single),
            single_report,
            "{n} shards"
        );
        // Human output shows each problem at its file, line and column, and the same summary.
        let (code, single) = check(&["--format", "human"]);
        let (merged_code, merged, _) = merge(&["--format", "human", "-q"], &reports);
        let places = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| l.trim_start().starts_with("--> "))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(places(&merged), places(&single));
        assert!(places(&single).len() > 20);
        assert_eq!(merged_code, code);
        let (_, single) = check(&["--format", "html"]);
        let (_, merged, _) = merge(&["--format", "html"], &reports);
        // The page's overview (totals, charts, agents) is the single run's; each conversation is
        // there with its score and findings, without the turns that hold no finding.
        let overview = |page: &str| {
            let at = page
                .find("<section aria-labelledby=\"h-findings\">")
                .unwrap();
            page[at..].to_string()
        };
        assert_eq!(overview(&merged), overview(&single));
        let conversations = |page: &str| -> Vec<serde_json::Value> {
            page.lines()
                .filter(|l| l.starts_with("{\"p\":"))
                .map(|l| {
                    let c: serde_json::Value = serde_json::from_str(l).unwrap();
                    serde_json::json!([c["p"], c["i"], c["s"], c["ok"], c["f"]])
                })
                .collect()
        };
        let (merged, single) = (conversations(&merged), conversations(&single));
        assert_eq!(merged, single);
        let findings = single.iter().map(|c| c[4].as_array().unwrap().len());
        assert!(findings.sum::<usize>() >= 10, "{single:?}");
    }
}

/// The merged SARIF report `merged`, parsed, with the snippets of `single` (the single run's), which
/// are the file's text in each region where `merge`, which has no file, writes the match: they
/// differ only where a match's text is not written as it reads, in a JSON file (an escape, a
/// match over word records) or a caption file (a match over cues).
fn merged_snippets(merged: &str, single: &str) -> serde_json::Value {
    let mut merged: serde_json::Value = serde_json::from_str(merged).unwrap();
    let single: serde_json::Value = serde_json::from_str(single).unwrap();
    let results = |v: &serde_json::Value| v["runs"][0]["results"].as_array().unwrap().clone();
    let mut differ = Vec::new();
    let single_results = results(&single);
    let merged_results = merged["runs"][0]["results"].as_array_mut().unwrap();
    assert_eq!(merged_results.len(), single_results.len());
    for (m, s) in merged_results.iter_mut().zip(&single_results) {
        let place = |r: &serde_json::Value| r["locations"][0]["physicalLocation"].clone();
        let (m_place, s_place) = (place(m), place(s));
        if m_place["region"]["snippet"] != s_place["region"]["snippet"] {
            let uri = s_place["artifactLocation"]["uri"].as_str().unwrap();
            differ.push(uri.to_string());
            m["locations"][0]["physicalLocation"]["region"]["snippet"] =
                s_place["region"]["snippet"].clone();
        }
    }
    differ.sort();
    assert_eq!(
        differ,
        [
            "fixtures/formats/chat.json",
            "fixtures/formats/google-stt.json",
            "fixtures/formats/teams.vtt"
        ]
    );
    merged
}

#[test]
fn a_merged_single_report_is_sorted_by_path_then_id() {
    let dir = tempfile::tempdir().unwrap();
    // A CSV whose conversations come in the order c-2, c-1; a later file named before it.
    let csv = "conversation_id,role,message\nc-2,agent,Please calm down.\nc-1,agent,Hello\n";
    write(dir.path(), "b.csv", csv);
    write(dir.path(), "a.txt", "Agent: Hello\n");
    let (_, out, _) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "jsonl",
        "b.csv",
        "a.txt",
    ]));
    let report = write(dir.path(), "r.jsonl", &out);
    let (code, merged, err) = merge(&["--format", "jsonl"], &[report]);
    assert_eq!(code, 1, "{err}");
    let keys: Vec<(String, String)> = merged
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = v["id"].as_str().unwrap_or("-").to_string();
            v["path"].as_str().map(|p| (p.to_string(), id))
        })
        .collect();
    let key = |p: &str, i: &str| (p.to_string(), i.to_string());
    assert_eq!(
        keys,
        [key("a.txt", "-"), key("b.csv", "c-1"), key("b.csv", "c-2")]
    );
}

#[test]
fn what_cannot_be_merged_is_an_error_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let reports = shards(dir.path(), 2);
    let write = |name: &str, text: &str| write(dir.path(), name, text);
    let jsonl = std::fs::read_to_string(&reports[0]).unwrap();
    let first_line = jsonl.lines().next().unwrap();
    let cases = [
        (vec![reports[0].clone(), reports[0].clone()], "is in both"),
        (
            vec![write("cut.jsonl", first_line)],
            "no summary: the report is cut short",
        ),
        (
            vec![write("torn.jsonl", &jsonl[..jsonl.len() - 40])],
            "the line ends before its JSON does: the report is cut short",
        ),
        (
            vec![write(
                "short.jsonl",
                "{\"summary\":{\"files\":1,\"conversations\":1,\"skipped\":0,\"errors\":0}}\n",
            )],
            "its summary counts 1 conversations but it holds 0",
        ),
        (
            vec![write(
                "bad.jsonl",
                "{\"path\": \"a\", \"id\": null}\n{oops}\n",
            )],
            "bad.jsonl:2:2: key must be a string",
        ),
        (
            vec![write("other.jsonl", "{\"version\": 2}\n")],
            "other.jsonl:1:14: not read as a talklint JSON or JSONL report: missing field \
             `conversations`\n  help: merge reads",
        ),
        // A JSON report cut short, at its place (it was `name: EOF while parsing…`).
        (
            vec![write("cut.json", "{\"version\":1,\n\"conversations\":[\n")],
            "cut.json:3:1: EOF while parsing a list: the report is cut short (did its run finish?)",
        ),
        // No report at all: a transcript, a list, an object of other keys, each with the help
        // that says what merge reads (a list said `expected struct Line with 6 elements`).
        (
            vec![write("call.txt", "Agent: hello\n")],
            "call.txt:1:1: not a talklint JSON or JSONL report: it does not start with `{`\n  \
             help: merge reads the reports `talklint check --format jsonl`",
        ),
        (
            vec![write("list.json", "[]\n")],
            "list.json:1:1: not a talklint JSON or JSONL report: it does not start with `{`",
        ),
        (
            vec![write("keys.jsonl", "{\"x\": 1}\n")],
            "keys.jsonl:1: not a line of a talklint report (a conversation, `skipped`, `error` \
             or `summary`)\n  help: merge reads",
        ),
        (
            vec![write(
                "huge.jsonl",
                "{\"path\":\"a\",\"id\":null,\"format\":\"text\",\"turns\":1000000000000,\
                 \"score\":80,\"passed\":true,\"findings\":[]}\n\
                 {\"summary\":{\"files\":1,\"conversations\":1,\"skipped\":0,\"errors\":0}}\n",
            )],
            "huge.jsonl:1:1: a turn count of 1000000000000 is beyond any transcript",
        ),
        (
            vec![write(
                "many.jsonl",
                &format!(
                    "{0}\n{0}\n",
                    "{\"summary\":{\"files\":18446744073709551615,\"conversations\":0,\"skipped\":0,\"errors\":0}}"
                ),
            )],
            "many.jsonl:2: its summaries count more files than any scan holds",
        ),
    ];
    for (inputs, expected) in cases {
        let (code, _, err) = merge(&["--format", "json"], &inputs);
        assert_eq!(code, 2, "{inputs:?}: {err}");
        assert!(err.contains(expected), "{inputs:?}: {err}");
    }
    // A shard's report merged without the others is merged, and said to lack their files (its
    // summary names its shard); all of them, nothing is said.
    let (_, merged, err) = merge(&["--format", "json"], &reports[1..]);
    let merged: serde_json::Value = serde_json::from_str(&merged).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged["summary"]["files"].as_u64() > Some(0), "{merged}");
    assert!(
        err.contains(
            "warning: shard 1/2 is missing (the reports hold shards 2/2): the merged \
                      report lacks their files"
        ),
        "{err}"
    );
    let (_, _, err) = merge(&["--format", "json"], &reports);
    assert!(!err.contains("missing (the reports hold"), "{err}");
    // Findings of rules that are not loaded, or loaded with another severity.
    let (code, _, err) = merge(&["-r", "fixtures/rules/keys.yaml"], &reports);
    assert_eq!(code, 2);
    assert!(err.contains("is not among the loaded rules"), "{err}");
    // Values no check writes.
    let json = std::fs::read_to_string(&reports[1]).unwrap();
    let edits = [
        (
            "\"score\":",
            "\"score\":1000 ,\"was\":",
            "score.json:2:1: a score of 1000, outside 0 to 100",
        ),
        ("\"version\":1", "\"version\":99", "a report of version 99"),
        // Named at its line in the report, not at a byte.
        ("\"turns\":", "\"turns\":-3,\"was\":", "turns.json:2:"),
    ];
    for (from, to, expected) in edits {
        let edited = write(
            &format!("edited-{}.json", &to[1..6]),
            &json.replacen(from, to, 1),
        );
        let (code, _, err) = merge(&["--format", "json"], &[reports[0].clone(), edited]);
        assert_eq!(code, 2, "{to}: {err}");
        assert!(err.contains(expected), "{to}: {err}");
    }
}

/// A merge that stops at a bad report leaves the report file it was to replace as it was, and
/// no file of its own beside it; one that ends replaces it.
#[test]
fn a_failed_merge_leaves_the_last_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let reports = shards(dir.path(), 2);
    let out = write(dir.path(), "merged.json", "last run's report\n");
    let files = || std::fs::read_dir(dir.path()).unwrap().count();
    let before = files();
    let to_out = ["--format", "json", "-o", out.to_str().unwrap()];
    let (code, _, err) = merge(
        &[&to_out[..], &["-r", "fixtures/rules/keys.yaml"]].concat(),
        &reports,
    );
    assert!(
        code == 2 && err.contains("is not among the loaded rules"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "last run's report\n"
    );
    assert_eq!(files(), before, "nothing left beside it");
    let new = dir.path().join("new.json");
    let bad = [
        "-r",
        "fixtures/rules/keys.yaml",
        "-o",
        new.to_str().unwrap(),
    ];
    let (code, _, _) = merge(&bad, &reports);
    assert!(code == 2 && !new.exists(), "no new report is begun");
    let (code, _, _) = merge(&to_out, &reports);
    let merged = std::fs::read_to_string(&out).unwrap();
    assert_eq!((code, merged), check(&["--format", "json"]));
    assert_eq!(files(), before);
}

#[test]
fn the_exit_code_is_the_one_check_gives() {
    // fixtures/calls holds a conversation that fails: `--fail-on never` spares findings only
    // (SPEC §1: exit 1 on "findings or failed conversations"), and `--exit-zero` spares both.
    let dir = tempfile::tempdir().unwrap();
    let verdicts: [(&[&str], i32); 3] = [
        (&["--fail-on", "error"], 1),
        (&["--fail-on", "never"], 1),
        (&["--exit-zero"], 0),
    ];
    for (flags, expected) in verdicts {
        let mut reports = Vec::new();
        for k in 1..=2 {
            let (_, out, _) = run(talklint().args([
                "check",
                "--no-config",
                "--format",
                "jsonl",
                "--shard",
                &format!("{k}/2"),
                "fixtures/calls",
            ]));
            reports.push(write(dir.path(), &format!("calls-{k}.jsonl"), &out));
        }
        let calls = ["check", "--no-config", "-q", "fixtures/calls"];
        let (checked, _, _) = run(talklint().args(calls).args(flags));
        let (code, _, err) = merge(&[&["--format", "json"], flags].concat(), &reports);
        assert_eq!((checked, code), (expected, expected), "{flags:?}: {err}");
    }
}

#[test]
fn a_json_report_on_one_line_merges_as_the_same_report_does() {
    let dir = tempfile::tempdir().unwrap();
    let (checked, pretty) = check(&["--format", "json", "--exit-zero"]);
    let doc: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    let one_line = write(dir.path(), "min.json", &doc.to_string());
    let (code, merged, err) = merge(&["--format", "json", "--exit-zero"], &[one_line]);
    assert_eq!(code, checked, "{err}");
    assert!(merged == pretty, "{merged}");
}

#[test]
fn standard_input_named_twice_is_one_report() {
    // The second `-` read nothing and said the report was cut short.
    let (_, report) = check(&["--format", "jsonl"]);
    let once = run(talklint()
        .args(["merge", "--no-config", "-f", "jsonl", "-"])
        .write_stdin(report.clone()));
    let twice = run(talklint()
        .args(["merge", "--no-config", "-f", "jsonl", "-", "-"])
        .write_stdin(report));
    assert_eq!(twice, once);
    assert!(once.1.contains("{\"summary\":"), "{}", once.2);
}
