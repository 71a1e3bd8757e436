//! A JSONL file of conversations past 8 MiB is cut into pieces as it is read, as a stream on
//! standard input is (SPEC §10): its report is the one the same records give in a small file read
//! whole, and its configs hold.

use crate::support::{json_report_in, run, talklint, write};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The size from which a file is cut.
const CUT_FROM: usize = 8 << 20;

/// Records a small file and a large one both open with: two without an id, named by their
/// places, the second without turns.
const OPENING: &str = r#"{"messages": [{"role": "agent", "text": "Please calm down."}]}
{"id": "b", "turns": [{"speaker": "Customer", "text": "hi"}, {"speaker": "Agent", "text": "That's not my department."}]}
{"call_id": "c", "transcript": [{"speaker": "Agent", "text": "I'm sorry to hear that, let me take care of this."}]}
{"messages": []}
"#;

/// `OPENING`, then records padded with a long field until the text is past [`CUT_FROM`], then a
/// last one.
fn large() -> String {
    padded(OPENING, "id")
        + r#"{"id": "last", "messages": [{"role": "agent", "text": "Please calm down."}]}"#
}

/// `opening`, then lines padded with a long field until the text is past [`CUT_FROM`]: records
/// when `key` is `id`, else messages of one conversation each, its id under `key`.
fn padded(opening: &str, key: &str) -> String {
    let mut text = opening.to_string();
    let notes = "x".repeat(100_000);
    let said = r#"{"role": "agent", "text": "Thanks for waiting."}"#;
    let mut n = 0;
    while text.len() <= CUT_FROM {
        n += 1;
        let (open, close) = match key {
            "id" => (format!("\"messages\": [{said}"), "]}"),
            _ => (said[1..said.len() - 1].to_string(), "}"),
        };
        text += &format!("{{\"{key}\": \"pad-{n}\", \"notes\": \"{notes}\", {open}{close}\n");
    }
    text
}

/// Each conversation of a JSONL report, without its path, by its folder's name.
fn conversations(out: &str, folder: &str) -> Vec<Value> {
    let lines = out
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap());
    lines
        .filter(|v| v["path"].as_str().is_some_and(|p| p.starts_with(folder)))
        .map(|mut v| {
            v.as_object_mut().unwrap().remove("path");
            v
        })
        .collect()
}

fn rules(conversation: &Value) -> Vec<&str> {
    let findings = conversation["findings"].as_array().unwrap();
    findings.iter().filter_map(|f| f["rule"].as_str()).collect()
}

#[test]
fn a_large_record_file_reports_as_a_small_one_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let config = "rules: [default]\nper_path_disable: {\"quiet/**\": [respect]}\n";
    fs::write(root.join("talklint.yaml"), config).unwrap();
    let large = large();
    for (folder, text) in [("small", OPENING), ("large", &large), ("quiet", &large)] {
        fs::create_dir(root.join(folder)).unwrap();
        fs::write(Path::new(root).join(folder).join("calls.jsonl"), text).unwrap();
    }
    let (code, out, err) = run(talklint()
        .current_dir(root)
        .args(["check", "--format", "jsonl", "small", "large", "quiet"]));
    assert_eq!(code, 1, "{err}");
    let (small, cut) = (conversations(&out, "small"), conversations(&out, "large"));
    assert_eq!(small.len(), 4, "{out}");
    assert_eq!(cut.len(), large.lines().count());
    assert_eq!(&cut[..4], &small[..], "the same records, the same results");
    assert_eq!((&cut[0]["place"], &cut[3]["place"]), (&1.into(), &4.into()));
    assert_eq!(rules(&cut[0]), ["respect/calm-down"]);
    let last = cut.last().unwrap();
    assert_eq!(
        (&last["id"], rules(last)),
        (&"last".into(), vec!["respect/calm-down"])
    );
    let quiet = conversations(&out, "quiet");
    assert_eq!(quiet.len(), cut.len());
    assert!(
        quiet
            .iter()
            .all(|c| !rules(c).iter().any(|r| r.starts_with("respect/")))
    );
    let summary: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(summary["summary"]["files"], 3, "a cut file is one file");
    assert_eq!(summary["summary"]["conversations"], 4 + 2 * cut.len());
}

#[test]
fn a_broken_line_of_a_large_file_is_an_error_of_its_own_as_on_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = large().replacen("{\"id\": \"b\"", "{\"id\": broken\n{\"id\": \"b\"", 1);
    let path = dir.path().join("calls.jsonl");
    fs::write(&path, &text).unwrap();
    let (code, report) = json_report_in(dir.path(), &["--no-config", "calls.jsonl"]);
    assert_eq!(code, 2, "{report}");
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (&errors[0]["path"], &errors[0]["line"]),
        (&"calls.jsonl".into(), &2.into())
    );
    let read = report["conversations"].as_array().unwrap().len();
    assert_eq!(read, text.lines().count() - 1, "the rest is read");
}

#[test]
fn a_large_files_conversations_without_ids_are_each_known_to_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let opening = r#"{"messages": [{"role": "agent", "text": "Please calm down."}]}
{"messages": [{"role": "agent", "text": "That's not my department."}]}
"#;
    write(dir.path(), "calls.jsonl", &padded(opening, "id"));
    let check = |args: &[&str]| {
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-q"])
            .args(args)
            .arg("calls.jsonl"))
    };
    let (_, baseline, _) = check(&["--format", "json", "--exit-zero"]);
    write(dir.path(), "baseline.json", &baseline);
    let (code, out, err) = check(&["--baseline", "baseline.json"]);
    assert_eq!(
        code, 0,
        "the second draws on the second's known problems: {out}{err}"
    );
    assert!(!err.contains("no longer found"), "{err}");
}

#[test]
fn a_large_files_line_that_cannot_be_read_is_masked_with_redact() {
    let dir = tempfile::tempdir().unwrap();
    let opening = r#"{"conversation_id": "ann@example.com", "role": "agent", "text": "Hi"}
{"conversation_id": "bob@example.com", "role": "agent", "text": "Hi"}
{"conversation_id": "ann@example.com", "role": "agent", "text": "Again"}
"#;
    write(
        dir.path(),
        "chats.jsonl",
        &padded(opening, "conversation_id"),
    );
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--redact",
        "--format",
        "json",
        "chats.jsonl",
    ]));
    assert_eq!(code, 2, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let message = report["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("appears again"), "{message}");
    assert!(
        !message.contains("ann@") && !err.contains("ann@"),
        "{message}\n{err}"
    );
}
