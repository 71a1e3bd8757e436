//! JUnit suites are named apart, since CI viewers (Jenkins, GitLab) merge or drop suites that
//! share a name: the conversations without an id of a file holding several are `path#(N)`, N
//! their place in the file, and a stream's conversations after its first are too; a file of one
//! conversation keeps its name, and `merge` names them as the single run does. The human,
//! GitHub, SARIF and CSV reports name them so too.

use crate::support::{check_in, run, talklint, write};

/// The names of a JUnit report's suites of conversations (not of inputs that could not be
/// read), as an XML parser reads them.
fn suites(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("testsuite") && n.attribute("errors") == Some("0"))
        .map(|s| s.attribute("name").unwrap_or_default().to_string())
        .collect()
}

/// The exit code, JUnit report and messages of a run on the stream `records`.
fn junit_of_stream(records: String) -> (i32, String, String) {
    run(talklint()
        .args(["check", "--no-config", "-f", "junit", "--exit-zero", "-"])
        .write_stdin(records))
}

/// A conversation record saying `text`, with `id` when given.
fn record(id: Option<&str>, text: &str) -> String {
    let id = id.map(|id| format!("\"id\":\"{id}\",")).unwrap_or_default();
    format!("{{{id}\"messages\":[{{\"role\":\"agent\",\"text\":\"{text}\"}}]}}\n")
}

#[test]
fn conversations_without_ids_in_one_file_are_named_by_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let three = [
        record(None, "Calm down."),
        record(None, "Hello."),
        record(None, "Hi."),
    ];
    write(dir.path(), "records.jsonl", &three.concat());
    write(dir.path(), "single.jsonl", &record(None, "Hello."));
    let (code, out, err) = check_in(dir.path(), &["-f", "junit", "--exit-zero", "."]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        suites(&out),
        [
            "records.jsonl#(1)",
            "records.jsonl#(2)",
            "records.jsonl#(3)",
            "single.jsonl"
        ]
    );
    let doc = roxmltree::Document::parse(&out).unwrap();
    let cases: Vec<&str> = (doc.descendants())
        .filter(|n| n.has_tag_name("testcase"))
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert_eq!(cases, suites(&out), "each case is named as its suite");
    // The place names the suite only: JSON reports have no field for it.
    let (_, json, _) = check_in(dir.path(), &["-f", "json", "--exit-zero", "."]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys = v["conversations"][0].as_object().unwrap();
    assert!(!keys.contains_key("number"), "{json}");
}

#[test]
fn one_conversation_without_an_id_beside_named_ones_keeps_the_file_name_in_check_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        record(None, "Calm down."),
        record(Some("a"), "Hello."),
        record(Some("b"), "Hi."),
    ];
    write(dir.path(), "mixed.jsonl", &records.concat());
    let args = ["--exit-zero", "mixed.jsonl"];
    let (_, single, _) = check_in(dir.path(), &[&["-f", "junit"][..], &args].concat());
    assert_eq!(
        suites(&single),
        ["mixed.jsonl", "mixed.jsonl#a", "mixed.jsonl#b"]
    );
    let (_, jsonl, _) = check_in(dir.path(), &[&["-f", "jsonl"][..], &args].concat());
    let reports = tempfile::tempdir().unwrap();
    let report = write(reports.path(), "r.jsonl", &jsonl);
    let (code, merged, err) = run(talklint()
        .current_dir(dir.path())
        .args(["merge", "--no-config", "-f", "junit", "--exit-zero"])
        .arg(&report));
    assert_eq!((code, merged), (0, single), "{err}");
}

#[test]
fn a_streams_conversations_without_ids_are_named_by_their_place_after_the_first() {
    let records = [
        record(None, "Calm down."),
        record(None, "Hello."),
        record(Some("c"), "Hi."),
        "not json\n".to_string(),
        record(None, "Bye."),
    ];
    let (code, out, err) = junit_of_stream(records.concat());
    assert_eq!(code, 2, "the line that is no JSON is an error: {err}");
    // The first keeps the stream's name: its result is made before the stream says whether
    // others follow. A line that is no conversation takes no place.
    assert_eq!(
        suites(&out),
        ["<stdin>", "<stdin>#(2)", "<stdin>#c", "<stdin>#(4)"]
    );
}

#[test]
fn a_place_never_names_a_suite_as_an_id_that_is_a_number_does() {
    // A record with id `3` and two without one were two suites `c.jsonl#3`.
    let records = [
        record(Some("3"), "Calm down."),
        record(None, "Calm down."),
        record(None, "Calm down."),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.jsonl", &records);
    let (_, file, err) = check_in(dir.path(), &["-f", "junit", "--exit-zero", "c.jsonl"]);
    assert_eq!(
        suites(&file),
        ["c.jsonl#3", "c.jsonl#(2)", "c.jsonl#(3)"],
        "{err}"
    );
    let (_, stream, err) = junit_of_stream(records);
    assert_eq!(
        suites(&stream),
        ["<stdin>#3", "<stdin>#(2)", "<stdin>#(3)"],
        "{err}"
    );
}

/// The names of a JUnit report's suites in error, as an XML parser reads them.
fn error_suites(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("testsuite") && n.attribute("errors") == Some("1"))
        .map(|s| s.attribute("name").unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_streams_broken_lines_are_suites_named_by_their_lines_in_check_and_merge() {
    // Each was a suite named `<stdin>`, which CI viewers merge into one.
    let lines = [
        record(Some("a"), "Hello."),
        "not json\n".to_string(),
        record(Some("b"), "Hi."),
        "{\"id\": \"c\", \"messages\": [\n".to_string(),
    ]
    .concat();
    let (code, single, err) = junit_of_stream(lines.clone());
    assert_eq!(code, 2, "{err}");
    assert_eq!(error_suites(&single), ["<stdin>:2", "<stdin>:4"]);
    // A file's broken lines are one error entry: its suite keeps the file's name.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c.jsonl", &lines);
    let (_, file, _) = check_in(dir.path(), &["-f", "junit", "c.jsonl"]);
    assert_eq!(error_suites(&file), ["c.jsonl"]);
    let (_, jsonl, _) = run(talklint()
        .args(["check", "--no-config", "-f", "jsonl", "-"])
        .write_stdin(lines));
    let report = write(dir.path(), "r.jsonl", &jsonl);
    let (_, merged, err) = run(talklint()
        .args(["merge", "--no-config", "-f", "junit", "--exit-zero"])
        .arg(&report));
    assert_eq!(merged, single, "{err}");
}

/// Control characters in a name or a message are read as the human report shows them: a CR in
/// the failure's text was read back as a line break, and characters XML cannot hold (ESC, SOH)
/// were dropped, so `ctl\x1bname.txt` named another file.
#[test]
fn control_characters_are_escaped_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "cr\rname.txt", "Agent: calm down\n");
    write(
        dir.path(),
        "ctl\u{1b}name.txt",
        "Agent: calm\u{1} down now\n",
    );
    // U+FFFE and U+FFFF, which XML cannot hold either, went into the report raw: no parser read it.
    write(dir.path(), "n\u{fffe}ame.txt", "Agent: calm down\n");
    let (_, xml, _) = check_in(dir.path(), &["-f", "junit", "."]);
    assert_eq!(
        suites(&xml),
        ["cr\rname.txt", "ctl\\x1bname.txt", "n\\u{fffe}ame.txt"]
    );
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let failures: Vec<&str> = (doc.descendants())
        .filter(|n| n.has_tag_name("failure"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        failures[0].contains("\ncr\\x0dname.txt:1:8: error"),
        "{failures:?}"
    );
    assert!(
        failures[1].contains("\nctl\\x1bname.txt:1:8: error"),
        "{failures:?}"
    );
    assert!(failures[1].contains("calm\\x01 down"), "{failures:?}");
}

/// The human and GitHub reports name conversations without an id in a file of several as JUnit
/// does, `path#(N)`: two failing ones read as the one file twice.
#[test]
fn human_and_github_reports_name_them_apart_too() {
    let dir = tempfile::tempdir().unwrap();
    let record = "{\"messages\":[{\"role\":\"agent\",\"text\":\"calm down\"}]}\n";
    write(dir.path(), "n.jsonl", &record.repeat(2));
    let (_, human, _) = check_in(dir.path(), &["n.jsonl"]);
    assert!(human.contains("n.jsonl#(1): score 70"), "{human}");
    assert!(human.contains("n.jsonl#(2): score 70"), "{human}");
    let (_, github, _) = check_in(dir.path(), &["-f", "github", "n.jsonl"]);
    assert!(
        github.contains("title=talklint score::(2): score 70"),
        "{github}"
    );
    // SARIF's score results and CSV's rows were two alike, with nothing to tell them apart.
    let (_, sarif, _) = check_in(dir.path(), &["-f", "sarif", "n.jsonl"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let named: Vec<(&str, &str)> = (sarif["runs"][0]["results"].as_array().unwrap().iter())
        .filter(|r| r["ruleId"] == "talklint/score")
        .map(|r| {
            let name = r["properties"]["conversation"].as_str().unwrap_or_default();
            let message = r["message"]["text"].as_str().unwrap_or_default();
            (name, message.split(" (").next().unwrap_or_default())
        })
        .collect();
    assert_eq!(named, [("(1)", "(1): score 70"), ("(2)", "(2): score 70")]);
    let (_, csv, _) = check_in(dir.path(), &["-f", "csv", "n.jsonl"]);
    let ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(ids, ["(1)", "(2)"], "{csv}");
    // `merge` names them as the single run does, from their place in the report.
    let (_, jsonl, _) = check_in(dir.path(), &["-f", "jsonl", "n.jsonl"]);
    let reports = tempfile::tempdir().unwrap();
    let report = write(reports.path(), "r.jsonl", &jsonl);
    for format in ["human", "junit", "github", "sarif", "csv"] {
        let (_, single, _) = check_in(dir.path(), &["-f", format, "n.jsonl"]);
        let (_, merged, err) = run(talklint()
            .current_dir(dir.path())
            .args(["merge", "--no-config", "-f", format])
            .arg(&report));
        match format {
            // A report holds no file text for human snippets: the names are the same.
            "human" => assert!(merged.contains("n.jsonl#(2): score 70"), "{merged}{err}"),
            _ => assert_eq!(merged, single, "{format}: {err}"),
        }
    }
}

/// A stream's conversations without ids are named by their place in the stream from the second
/// on, and `merge` names them so from the report's `place`: it named the first `(1)` and
/// counted again from 1 after a line that could not be read.
#[test]
fn merge_names_a_streams_conversations_by_the_places_check_gave() {
    let lines = [
        record(None, "calm down"),
        record(None, "calm down"),
        "{\"messages\": [bad\n".to_string(),
        record(None, "calm down"),
    ]
    .concat();
    let (_, jsonl, _) = run(talklint()
        .args(["check", "--no-config", "-f", "jsonl", "--exit-zero", "-"])
        .write_stdin(lines.clone()));
    let places: Vec<serde_json::Value> = (jsonl.lines())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("path").is_some())
        .map(|v| v["place"].clone())
        .collect();
    assert_eq!(places, [serde_json::Value::Null, 2.into(), 3.into()]);
    let dir = tempfile::tempdir().unwrap();
    let report = write(dir.path(), "r.jsonl", &jsonl);
    for format in ["csv", "sarif", "junit", "github"] {
        let (_, single, _) = run(talklint()
            .args(["check", "--no-config", "--exit-zero", "-f", format, "-"])
            .write_stdin(lines.clone()));
        let (_, merged, err) = run(talklint()
            .args(["merge", "--no-config", "--exit-zero", "-f", format])
            .arg(&report));
        assert_eq!(merged, single, "{format}: {err}");
    }
}
