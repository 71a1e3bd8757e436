//! Inputs built to break a reader, through the binary: each is an error entry naming its file,
//! line and column, and the rest of the scan is reported (SPEC §7).

use crate::support::{JSON_CHECK, error_messages, run, strings, talklint, write};
use serde_json::Value;

/// Levels of nesting that once overflowed the stack (it took about 8,000).
const DEEP: usize = 100_000;

/// `text` as the text of a message nested `DEEP` lists deep.
fn in_lists(text: &str) -> String {
    format!("{}\"{text}\"{}", "[".repeat(DEEP), "]".repeat(DEEP))
}

/// `text` as the text of a message nested `DEEP` `{"text": …}` parts deep.
fn in_parts(text: &str) -> String {
    format!(
        "{}\"{text}\"{}",
        "{\"text\":".repeat(DEEP),
        "}".repeat(DEEP)
    )
}

/// Runs a JSON check of `paths`: exit code and parsed report.
fn report(paths: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(talklint().args(JSON_CHECK).args(paths));
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, v)
}

#[test]
fn deeply_nested_message_text_is_an_error_beside_the_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("[{{\"role\":\"agent\",\"text\":{}}}]", in_lists("hi"));
    write(dir.path(), "deep.json", &deep);
    let parts = format!(
        "{{\"messages\":[{{\"role\":\"agent\",\"text\":{}}}]}}",
        in_parts("hi")
    );
    write(dir.path(), "parts.json", &parts);
    write(dir.path(), "ok.txt", "Agent: that is not my department\n");
    write(
        dir.path(),
        "ok.json",
        r#"[{"role":"agent","text":["how", ["can I help?"]]}]"#,
    );
    let (code, v) = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{v}");
    let paths = strings(&v["conversations"], "path");
    assert_eq!(paths.len(), 2, "{v}");
    assert!(
        paths[0].ends_with("ok.json") && paths[1].ends_with("ok.txt"),
        "{paths:?}"
    );
    let errors = strings(&v["errors"], "path");
    assert!(
        errors[0].ends_with("deep.json") && errors[1].ends_with("parts.json"),
        "{errors:?}"
    );
    // Each at the bracket past 128 levels: `[{"role":"agent","text":` is 24 characters.
    let messages = error_messages(&v);
    assert!(
        messages[0]
            .starts_with("line 1, column 153: message text nested more than 128 levels deep"),
        "{messages:?}"
    );
    let column = "{\"messages\":[{\"role\":\"agent\",\"text\":".len() + 128 * 8 + 1;
    assert!(
        messages[1].starts_with(&format!("line 1, column {column}: ")),
        "{messages:?}"
    );
}

#[test]
fn a_deeply_nested_record_on_standard_input_is_an_error_and_the_stream_goes_on() {
    let stream = format!(
        "{{\"id\":\"ok1\",\"messages\":[{{\"role\":\"agent\",\"text\":\"hello\"}}]}}\n\
         {{\"id\":\"deep\",\"messages\":[{{\"role\":\"agent\",\"text\":{}}}]}}\n\
         {{\"id\":\"ok2\",\"messages\":[{{\"role\":\"agent\",\"text\":[\"that is not my department\"]}}]}}\n",
        in_lists("hi")
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "jsonl", "-"])
        .write_stdin(stream));
    assert_eq!(code, 2, "{out}\n{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let column = "{\"id\":\"deep\",\"messages\":[{\"role\":\"agent\",\"text\":".len() + 129;
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(lines[0]["id"], "ok1", "{out}");
    assert_eq!(
        lines[1]["error"]["message"],
        format!(
            "line 2, column {column}: message text nested more than 128 levels deep: write a \
             message's text as a string, or a list of strings and {{\"text\": …}} parts (read as jsonl)"
        ),
    );
    assert_eq!(lines[2]["id"], "ok2", "{out}");
    assert_eq!(
        lines[2]["findings"][0]["rule"], "ownership/closed-door",
        "{out}"
    );
    assert_eq!(lines[3]["summary"]["errors"], 1, "{out}");
}

#[test]
fn a_csv_quote_never_closed_is_an_error_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    // The reader took the rest of the file as the agent's "Hello", and blamed the agent for
    // the customer's words.
    let unclosed = write(
        dir.path(),
        "unclosed.csv",
        "role,text\nagent,\"Hello\ncustomer,that is not my department\nagent,ok\n",
    );
    let (code, v) = report(&[unclosed.to_str().unwrap()]);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["conversations"], serde_json::json!([]), "{v}");
    let messages = error_messages(&v);
    assert!(
        messages[0].starts_with("line 2, column 7: this quote opens a field that is never closed"),
        "{messages:?}"
    );
    // Quoted fields that do close may hold line breaks, commas and doubled quotes.
    let closed = write(
        dir.path(),
        "closed.csv",
        "role,text\r\nagent,\"Hello,\r\nhow are you?\"\r\ncustomer,\"my \"\"parcel\"\"\"\r\nagent,that is not my department\r\n",
    );
    let (code, v) = report(&[closed.to_str().unwrap()]);
    assert_eq!(
        (code, v["errors"].clone()),
        (0, serde_json::json!([])),
        "{v}"
    );
    let finding = &v["conversations"][0]["findings"][0];
    assert_eq!(finding["rule"], "ownership/closed-door", "{v}");
    assert_eq!(
        (&finding["line"], &finding["column"]),
        (&5.into(), &7.into())
    );
}

/// Two conversation records with the id `a`, the second on line 3.
const TWICE: &str = "{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}\n\
    \n\
    {\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"that is not my department\"}]}\n";

#[test]
fn a_record_id_seen_again_is_named_with_the_line_that_had_it() {
    // It was checked without a word. Every record is still read: one id written twice in an
    // export loses no conversation.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "twice.jsonl", TWICE);
    let (code, v) = report(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(strings(&v["conversations"], "id"), ["a", "a"], "{v}");
    let second = &v["conversations"][1]["findings"][0]["rule"];
    assert_eq!(second, "ownership/closed-door", "{v}");
    assert_eq!(v["conversations"][0]["warnings"], Value::Null, "{v}");
    assert_eq!(
        v["conversations"][1]["warnings"][0],
        "line 3, column 1: conversation `a` again: the conversation on line 1 has the same id; give \
         each conversation record an id of its own (a report names a conversation by its file \
         and id, and `merge` refuses two)"
    );
}

/// `merge` keeps the conversations without an id one report holds under one file, in its
/// order, as `check` wrote them (it refused the report, which check had written without a word);
/// two reports that both hold them overlap. One id twice in a report is a duplicate (path, id),
/// which SPEC §10 makes an error, and which `check` warns of.
#[test]
fn merge_keeps_conversations_without_ids_and_refuses_an_id_twice() {
    let dir = tempfile::tempdir().unwrap();
    let no_id = TWICE.replace("\"id\":\"a\",", "");
    for (name, records) in [("no-id.jsonl", no_id), ("twice.jsonl", TWICE.to_string())] {
        let path = write(dir.path(), name, &records);
        let (_, single, _) = run(talklint()
            .args(["check", "--no-config", "-f", "json", "--exit-zero"])
            .arg(&path));
        let report = write(dir.path(), "report.json", &single);
        let merge = |reports: &[&std::path::Path]| {
            run(talklint()
                .args(["merge", "--no-config", "-f", "json", "--exit-zero"])
                .args(reports))
        };
        let (code, merged, err) = merge(&[&report]);
        if name == "twice.jsonl" {
            assert_eq!(code, 2, "{err}");
            assert!(
                err.contains(
                    "need distinct ids to be merged (give each conversation record an id of its own)"
                ),
                "{err}"
            );
            continue;
        }
        assert_eq!((code, merged), (0, single), "{name}: {err}");
        let (code, _, err) = merge(&[&report, &report]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("the reports overlap"), "{name}: {err}");
    }
}
