//! Conversation records (one conversation per JSONL line) and `conversation_id` splitting in
//! message-per-line JSONL, through the binary (SPEC §10).

use crate::support::{check, error_messages, findings, json_report, run, strings, write};
use serde_json::Value;

/// The (id, turns, score) of every conversation of a report.
fn conversations(report: &Value) -> Vec<(Option<String>, u64, i64)> {
    report["conversations"]
        .as_array()
        .expect("conversations")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().map(str::to_string),
                c["turns"].as_u64().unwrap_or_default(),
                c["score"].as_i64().unwrap_or_default(),
            )
        })
        .collect()
}

fn id(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn records_on_stdin_are_one_conversation_each_with_their_ids() {
    // Two records on standard input were once read as one conversation of 0 turns that passed.
    let input = r#"{"id": "r1", "messages": [{"role": "agent", "text": "Sorry, that's not my department."}]}
{"conversation_id": "r2", "turns": [{"speaker": "Customer", "text": "hi"}, {"speaker": "Agent", "text": "Please calm down."}]}
"#;
    let (code, out, err) = run(check(&["--format", "json", "-"]).write_stdin(input));
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        conversations(&v),
        [(id("r1"), 1, 63), (id("r2"), 2, 68)],
        "{out}"
    );
    assert_eq!(v["conversations"][1]["format"], "jsonl");
    // The finding points at the record's own line.
    let column = input.lines().nth(1).unwrap().find("calm").unwrap() as u64 + 1;
    let calm = findings(&v, 1)
        .into_iter()
        .find(|f| f.0 == "respect/calm-down");
    assert_eq!(
        calm,
        Some((
            "respect/calm-down".into(),
            2,
            column,
            Some("calm down".into())
        ))
    );
}

#[test]
fn conversation_ids_split_a_message_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "chats.jsonl",
        "{\"conversation_id\": \"a\", \"role\": \"agent\", \"text\": \"That is out of my hands.\"}\n\
         {\"conversation_id\": \"a\", \"role\": \"customer\", \"text\": \"What?\"}\n\
         {\"conversation_id\": \"b\", \"role\": \"agent\", \"text\": \"I'm sorry to hear that.\"}\n",
    );
    let (code, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(conversations(&v), [(id("a"), 2, 63), (id("b"), 1, 78)]);
    assert_eq!(v["summary"]["files"], 1);
}

/// The other names CSV reads as a conversation's id split message lines too, in a file and in a
/// stream: they were read as one conversation (a Spark partition of `ticket_id` lines, as one
/// conversation past the size limit, was skipped whole with exit 0). A record's `id` comes
/// first, as SPEC §10 lists them.
#[test]
fn chat_and_ticket_ids_split_messages_as_in_csv() {
    for key in [
        "chat_id",
        "ticket_id",
        "session_id",
        "thread_id",
        "ContactId",
        "transcriptId",
        "callId",
    ] {
        let lines = format!(
            "{{\"{key}\": \"x\", \"role\": \"agent\", \"text\": \"That is out of my hands.\"}}\n\
             {{\"{key}\": \"y\", \"role\": \"agent\", \"text\": \"I'm sorry to hear that.\"}}\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "chats.jsonl", &lines);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(
            conversations(&v),
            [(id("x"), 1, 63), (id("y"), 1, 78)],
            "{key}"
        );
        let (_, out, err) = run(check(&["--format", "json", "-"]).write_stdin(lines));
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        assert_eq!(
            conversations(&v),
            [(id("x"), 1, 63), (id("y"), 1, 78)],
            "{key}"
        );
        // A CSV file's header of that name, whatever its case, splits it too.
        let csv = format!(
            "{key},role,text\nx,agent,That is out of my hands.\ny,agent,I'm sorry to hear that.\n"
        );
        let path = write(dir.path(), "chats.csv", &csv);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        let found = conversations(&v);
        assert_eq!(found, [(id("x"), 1, 63), (id("y"), 1, 78)], "{key}");
    }
    // Of two other names, the first written, in a message read whole as in one cut short.
    let two = "{\"session_id\": \"s\", \"ticket_id\": \"T\", \"role\": \"agent\", \"text\": \"hi\"}\n\
               {\"session_id\": \"s\", \"ticket_id\": \"T\", \"role\": \"agent\", \"text\": \"calm\n";
    let (_, out, _) = run(check(&["--format", "json", "-"]).write_stdin(two));
    let v: Value = serde_json::from_str(&out).unwrap();
    let lost = v["conversations"][0]["warnings"].to_string();
    assert!(
        lost.contains("this line could not be read and is left out of this conversation"),
        "{out}"
    );
    let record = r#"{"conversation_id": "B", "id": "A", "messages": [{"text": "hi"}]}"#;
    let (_, out, _) = run(check(&["--format", "json", "-"]).write_stdin(record));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["conversations"][0]["id"], "A");
}

/// Where a message names its conversation twice, a CSV file's columns are read as a JSON
/// message's keys are: `conversation_id` before `call_id`, whichever is written first. CSV took
/// the first column, so a `call_id` of each message split one conversation into one per row.
#[test]
fn csv_json_and_jsonl_read_the_same_of_two_ids() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        ("x1", "agent", "That is out of my hands."),
        ("x2", "customer", "What?"),
    ];
    let csv: String = rows
        .iter()
        .map(|(call, role, text)| format!("{call},A,{role},{text}\n"))
        .collect();
    let lines: Vec<String> = rows
        .iter()
        .map(|(call, role, text)| {
            format!(r#"{{"call_id": "{call}", "conversation_id": "A", "role": "{role}", "text": "{text}"}}"#)
        })
        .collect();
    let files = [
        write(
            dir.path(),
            "chat.csv",
            &format!("call_id,conversation_id,role,text\n{csv}"),
        ),
        write(dir.path(), "chat.json", &format!("[{}]", lines.join(",\n"))),
        write(dir.path(), "chat.jsonl", &(lines.join("\n") + "\n")),
    ];
    for file in files {
        let (_, v) = json_report(&[file.to_str().unwrap()]);
        assert_eq!(conversations(&v), [(id("A"), 2, 63)], "{}", file.display());
    }
    // A sheet that gives the conversation's id on its first row only is one conversation still;
    // a `conversation_id` column left empty leaves the rows to their `call_id`, as JSON's null.
    for (csv, expected) in [
        (
            "call_id,conversation_id,role,text\nx1,A,agent,That is out of my hands.\nx2,,customer,What?\n",
            vec![(id("A"), 2, 63)],
        ),
        (
            "call_id,conversation_id,role,text\nx1,,agent,That is out of my hands.\nx2,,agent,I'm sorry to hear that.\n",
            vec![(id("x1"), 1, 63), (id("x2"), 1, 78)],
        ),
    ] {
        let path = write(dir.path(), "sheet.csv", csv);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(conversations(&v), expected, "{csv}");
    }
}

/// A JSON file's array of messages splits by `conversation_id` as a JSONL file does: its
/// conversations were once read as one, scored together, without an id.
#[test]
fn conversation_ids_split_a_json_array_of_messages() {
    let dir = tempfile::tempdir().unwrap();
    let split = write(
        dir.path(),
        "chats.json",
        "[{\"conversation_id\": \"a\", \"role\": \"agent\", \"text\": \"That is out of my hands.\"},\n\
         {\"conversation_id\": \"a\", \"role\": \"customer\", \"text\": \"What?\"},\n\
         {\"conversation_id\": \"b\", \"role\": \"agent\", \"text\": \"I'm sorry to hear that.\"}]\n",
    );
    let again = write(
        dir.path(),
        "again.json",
        "[{\"conversation_id\": 1, \"text\": \"a\"},\n{\"conversation_id\": 2, \"text\": \"b\"},\n\
         {\"conversation_id\": 1, \"text\": \"c\"}]\n",
    );
    let (code, v) = json_report(&[split.to_str().unwrap(), again.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(conversations(&v), [(id("a"), 2, 63), (id("b"), 1, 78)]);
    assert_eq!(v["conversations"][1]["findings"][0]["line"], 3);
    let messages = error_messages(&v);
    assert!(
        messages[0].starts_with("line 3, column 1: conversation `1` appears again"),
        "{messages:?}"
    );
}

#[test]
fn mixing_records_and_messages_or_repeating_an_id_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = write(
        dir.path(),
        "mixed.jsonl",
        "{\"role\": \"agent\", \"text\": \"hi\"}\n{\"id\": \"x\", \"messages\": []}\n",
    );
    let again = write(
        dir.path(),
        "again.jsonl",
        "{\"conversation_id\": 1, \"text\": \"a\"}\n{\"conversation_id\": 2, \"text\": \"b\"}\n\
         {\"conversation_id\": 1, \"text\": \"c\"}\n",
    );
    let (code, v) = json_report(&[mixed.to_str().unwrap(), again.to_str().unwrap()]);
    assert_eq!(code, 2);
    let messages = error_messages(&v);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("line 2, column 1: a whole conversation"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("line 3, column 1: conversation `1` appears again"),
        "{}",
        messages[1]
    );
}

#[test]
fn the_fixtures_hold_records_and_messages_split_by_id() {
    let (_, v) = json_report(&["fixtures/formats/records.jsonl"]);
    let ids = strings(&v["conversations"], "id");
    assert_eq!(ids, ["call-001", "call-002", "call-003"]);
    let (_, v) = json_report(&["fixtures/formats/chats-by-id.jsonl"]);
    assert_eq!(conversations(&v), [(id("c-1"), 2, 63), (id("c-2"), 1, 83)]);
    // Each conversation's times count from its own first message.
    let c2 = &v["conversations"][1]["findings"][0];
    assert_eq!((&c2["line"], &c2["start_ms"]), (&3.into(), &0.into()));
    assert_eq!(v["conversations"][0]["findings"][0]["start_ms"], 40000);
}

#[test]
fn a_record_id_seen_again_in_a_stream_is_warned_at_its_line_as_in_a_file() {
    // A stream once read it without a word, and `merge` refused its report only at the end.
    let record = |id: &str| format!("{{\"id\": \"{id}\", \"messages\": [{{\"text\": \"hi\"}}]}}\n");
    let input = [
        record("a"),
        record("b"),
        "\n".into(),
        record("a"),
        record("b"),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "records.jsonl", &input);
    let warnings = |v: &Value| -> Vec<String> {
        let all = v["conversations"].as_array().expect("conversations").iter();
        all.map(|c| c["warnings"].to_string()).collect()
    };
    let (code, out, err) = run(check(&["--format", "json", "-"]).write_stdin(input));
    assert_eq!(code, 0, "{err}");
    let stream: Value = serde_json::from_str(&out).unwrap();
    let (_, whole) = json_report(&[file.to_str().unwrap()]);
    assert_eq!(warnings(&stream), warnings(&whole), "as in a file");
    let again = |line: usize, first: usize| {
        format!(
            "line {line}, column 1: conversation `{}` again: the conversation on line {first} has the \
             same id",
            ["a", "b"][first - 1]
        )
    };
    let said = &stream["conversations"];
    assert_eq!(said[2]["warnings"].as_array().map(Vec::len), Some(1));
    assert!(
        said[2]["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with(&again(4, 1))
    );
    assert!(
        said[3]["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with(&again(5, 2))
    );
}

/// A record whose transcript is one string of labelled lines (a CRM's or a dataset's export)
/// is read as a text transcript: its lines were messages of one conversation, so a file's calls
/// were one, without their ids, every word the agent's. Each finding and warning stands at its
/// words in the file, through the string's escapes; a stream reads it so too, and so does a
/// `.json` file of one such record. A message of one speaker whose text runs over lines stays
/// a message.
#[test]
fn a_records_transcript_of_labelled_lines_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"id\": \"r1\", \"transcript\": \"Agent: Hello.\\nCustomer: My bill doubled!\\nAgent: Please calm down.\"}\n\
                 {\"id\": \"r2\", \"transcript\": \"Agent: hi\\r\\nCustomer - my bill\\r\\nAgent: I\\u2019m sorry, calm down\"}\n";
    let path = write(dir.path(), "calls.jsonl", lines);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let placed = |v: &Value| -> Vec<(String, u64, u64, u64, String)> {
        (v["conversations"].as_array().unwrap().iter())
            .flat_map(|c| {
                let id = c["id"].as_str().unwrap_or_default().to_string();
                (c["findings"].as_array().unwrap().iter())
                    .filter(|f| f["rule"] == "respect/calm-down")
                    .map(move |f| {
                        let n = |k: &str| f[k].as_u64().unwrap_or(0);
                        (
                            id.clone(),
                            n("turn"),
                            n("line"),
                            n("column"),
                            f["role"].to_string(),
                        )
                    })
            })
            .collect()
    };
    let agent = "\"agent\"".to_string();
    assert_eq!(
        placed(&v),
        [
            ("r1".to_string(), 3, 1, 86, agent.clone()),
            ("r2".to_string(), 2, 2, 87, agent.clone())
        ]
    );
    assert_eq!(v["conversations"][0]["turns"], 3);
    let warned = v["conversations"][1]["warnings"][0]
        .as_str()
        .unwrap_or_default();
    assert!(
        warned.starts_with("line 2, column 42: `Customer -` is not read"),
        "{warned}"
    );
    let (_, out, err) = run(check(&["--format", "json", "-"]).write_stdin(lines));
    let stream: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(placed(&stream), placed(&v));
    // A `.json` list of them too, each a conversation.
    let list = format!("[{}]", lines.trim_end().replace('\n', ",\n"));
    let list = write(dir.path(), "list.json", &list);
    let (_, v) = json_report(&[list.to_str().unwrap()]);
    assert_eq!(v["conversations"].as_array().map(Vec::len), Some(2), "{v}");
    assert_eq!(v["conversations"][1]["id"], "r2");
    let one = write(dir.path(), "one.json", lines.lines().next().unwrap());
    let (_, v) = json_report(&[one.to_str().unwrap()]);
    assert_eq!(placed(&v), [("r1".to_string(), 3, 1, 86, agent)]);
    let message = "{\"speaker\": \"customer\", \"transcript\": \"calm down\\nnow\"}\n";
    let path = write(dir.path(), "m.jsonl", &message.repeat(2));
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(v["conversations"][0]["turns"], 2, "{v}");
    // A timed segment whose text runs over lines, with no labels, stays a message too.
    let segments = "{\"conversation_id\": \"c1\", \"start\": 0, \"transcript\": \"calm down\\nnow\"}\n\
                    {\"conversation_id\": \"c1\", \"start\": 5, \"transcript\": \"ok\"}\n";
    let path = write(dir.path(), "s.jsonl", segments);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(v["conversations"][0]["turns"], 2, "{v}");
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    // A directive in the string is not read there, and says so, at its place in the file.
    let directive = "{\"id\": \"d\", \"transcript\": \"Agent: hi\\n# talklint: ignore respect\\nAgent: calm down\"}\n";
    let path = write(dir.path(), "d.jsonl", directive);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let c = &v["conversations"][0];
    assert!(
        c["findings"].to_string().contains("respect/calm-down"),
        "{c}"
    );
    let warned = c["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warned.starts_with(
            "line 1, column 51: a `talklint:` directive inside a record's transcript is not read"
        ),
        "{warned}"
    );
}
