//! Conversation records whose `transcript` is one labelled line (`{"id": "r1", "transcript":
//! "Agent: …"}`): canned replies kept one per line, or a one-turn call among longer ones. One
//! labelled line cannot tell a record from a message that carries its speaker in its text, so
//! such a line is what the file's other lines are; alone, a record when it has an `id`.

use crate::support::{check, error_messages, json_report, run, write};
use serde_json::Value;

/// Each conversation's id, number of turns, and forbidden phrases found, as `rule by speaker`.
type Read = (Option<String>, u64, Vec<String>);

fn read(v: &Value) -> Vec<Read> {
    (v["conversations"].as_array().into_iter().flatten())
        .map(|c| {
            let found = (c["findings"].as_array().into_iter().flatten())
                .filter(|f| f["kind"] == "forbid")
                .map(|f| format!("{} by {}", f["rule"], f["speaker"]))
                .collect();
            let id = c["id"].as_str().map(str::to_string);
            (id, c["turns"].as_u64().unwrap_or_default(), found)
        })
        .collect()
}

fn conversation(id: &str, turns: u64, found: &[&str]) -> Read {
    let found = found.iter().map(|f| f.to_string()).collect();
    (Some(id.to_string()), turns, found)
}

const CALM: &str = r#""respect/calm-down" by "Agent""#;

#[test]
fn canned_replies_one_per_line_are_one_conversation_each() {
    // They were read as the messages of one conversation: the replies' ids were lost, and one
    // reply's problem failed them all.
    let dir = tempfile::tempdir().unwrap();
    let replies = "{\"id\": \"refund\", \"transcript\": \"Agent: Please calm down, I'll look.\"}\n\
                   {\"id\": \"thanks\", \"transcript\": \"Agent: Let me take care of this for you.\"}\n";
    let path = write(dir.path(), "replies.jsonl", replies);
    let (code, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(
        read(&v),
        [
            conversation("refund", 1, &[CALM]),
            conversation("thanks", 1, &[]),
        ]
    );
    assert_eq!(v["summary"]["failed"], 1, "{v}");
    // Standard input streams them alike.
    let (_, out, err) = run(check(&["--format", "json", "-"]).write_stdin(replies));
    let stream: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(read(&stream), read(&v));
    // A `.json` list of them, and a `.json` file of one (which was an unrecognised shape).
    let list = format!("[{}]", replies.trim_end().replace('\n', ",\n"));
    let list = write(dir.path(), "replies.json", &list);
    let (_, listed) = json_report(&[list.to_str().unwrap()]);
    assert_eq!(read(&listed), read(&v));
    let one = write(dir.path(), "refund.json", replies.lines().next().unwrap());
    let (_, one) = json_report(&[one.to_str().unwrap()]);
    assert_eq!(read(&one), [conversation("refund", 1, &[CALM])], "{one}");
}

#[test]
fn a_one_line_record_among_records_is_a_record_and_a_message_among_messages_stays_one() {
    let dir = tempfile::tempdir().unwrap();
    let long = "{\"id\": \"c1\", \"transcript\": \"Agent: Hello.\\nCustomer: My bill doubled!\"}";
    let short = "{\"id\": \"c2\", \"transcript\": \"Agent: That's not my department.\"}";
    // After records, and before them: each order was an error that lost a line.
    for (name, lines) in [
        ("after.jsonl", [long, short]),
        ("before.jsonl", [short, long]),
    ] {
        let path = write(dir.path(), name, &format!("{}\n{}\n", lines[0], lines[1]));
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(error_messages(&v), Vec::<String>::new(), "{name}");
        let mut got = read(&v);
        got.sort();
        assert_eq!(
            got,
            [
                conversation("c1", 2, &[]),
                conversation("c2", 1, &[r#""ownership/not-my-department" by "Agent""#]),
            ],
            "{name}"
        );
    }
    // Among messages it is a message of its conversation, as before, an `id` of its own beside
    // a `conversation_id` too (a message's id): each file reads as one of messages did.
    let messages = [
        "{\"role\": \"customer\", \"text\": \"My bill doubled!\"}\n\
         {\"transcript\": \"Agent: That's not my department.\"}\n",
        "{\"id\": \"m1\", \"conversation_id\": \"k\", \"transcript\": \"Customer: My bill doubled!\"}\n\
         {\"id\": \"m2\", \"conversation_id\": \"k\", \"transcript\": \"Agent: That's not my department.\"}\n",
    ];
    for (i, lines) in messages.iter().enumerate() {
        let path = write(dir.path(), &format!("m{i}.jsonl"), lines);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(error_messages(&v), Vec::<String>::new());
        assert_eq!(v["conversations"].as_array().map(Vec::len), Some(1), "{v}");
        assert_eq!(v["conversations"][0]["turns"], 2, "{v}");
    }
    // Such a line says nothing of what a file holds: one without an id before records, or one
    // with an id before messages, is a conversation of its own, and nothing is lost.
    let none = "{\"transcript\": \"Agent: hi\"}";
    let plain = "{\"role\": \"customer\", \"text\": \"hi\"}";
    for (name, lines, ids) in [
        ("none.jsonl", [none, long], [None, Some("c1")]),
        ("plain.jsonl", [short, plain], [Some("c2"), None]),
    ] {
        let path = write(dir.path(), name, &format!("{}\n{}\n", lines[0], lines[1]));
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(error_messages(&v), Vec::<String>::new(), "{name}");
        let got: Vec<Option<String>> = read(&v).into_iter().map(|c| c.0).collect();
        assert_eq!(got, ids.map(|id| id.map(str::to_string)), "{name}");
    }
    // A `.json` list whose other items are messages is a list of messages.
    let list = write(dir.path(), "list.json", &format!("[{short}, {plain}]"));
    let (_, v) = json_report(&[list.to_str().unwrap()]);
    assert_eq!(v["conversations"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["conversations"][0]["turns"], 2, "{v}");
}

/// A message that names no speaker but opens with a role's label (`Customer: …`) is that
/// speaker's, its label no word of it: such messages were the default role's, and a customer's
/// "calm down" was held against the agent.
#[test]
fn a_message_that_opens_with_a_roles_label_is_that_speakers() {
    let dir = tempfile::tempdir().unwrap();
    for key in ["text", "transcript"] {
        let lines = format!(
            "{{\"{key}\": \"Customer: I will not calm down\"}}\n{{\"{key}\": \"Agent: Let me check.\"}}\n\
             {{\"{key}\": \"Note: calm down\"}}\n"
        );
        let path = write(dir.path(), &format!("{key}.jsonl"), &lines);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        // `Note` names no role: its line stays the default role's, label and all.
        let placed: Vec<(u64, String, String)> = (v["conversations"][0]["findings"].as_array())
            .into_iter()
            .flatten()
            .filter(|f| f["kind"] == "forbid")
            .map(|f| {
                (
                    f["line"].as_u64().unwrap_or(0),
                    f["role"].to_string(),
                    f["speaker"].to_string(),
                )
            })
            .collect();
        assert_eq!(
            placed,
            [(3, "\"agent\"".into(), "null".into())],
            "{key}: {v}"
        );
        assert_eq!(v["conversations"][0]["turns"], 3, "{v}");
    }
}

/// Among messages of one conversation, a one-line transcript with an id of its own is one of
/// them (it was split off, and the rest lost a line); a message of several labelled lines is no
/// one speaker's, and a label past 48 bytes of other scripts is still read.
#[test]
fn a_one_line_transcript_among_messages_and_labels_that_are_not_one_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "{\"conversation_id\": \"k\", \"role\": \"customer\", \"text\": \"My bill doubled\"}\n\
                 {\"id\": \"m2\", \"transcript\": \"Agent: calm down\"}\n\
                 {\"conversation_id\": \"k\", \"role\": \"customer\", \"text\": \"what\"}\n";
    let path = write(dir.path(), "k.jsonl", lines);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(error_messages(&v), Vec::<String>::new(), "{v}");
    assert_eq!(read(&v), [conversation("k", 3, &[CALM])]);
    let several = "{\"text\": \"Customer: hi\\nAgent: calm down\"}\n\
                   {\"text\": \"Customer: 我的账单翻倍了，别叫我冷静 — calm down yourself\"}\n";
    let path = write(dir.path(), "several.jsonl", several);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let calm: Vec<u64> = (v["conversations"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten())
    .filter(|f| f["rule"] == "respect/calm-down")
    .map(|f| f["line"].as_u64().unwrap_or(0))
    .collect();
    assert_eq!(calm, [1], "the agent's line only: {v}");
}
