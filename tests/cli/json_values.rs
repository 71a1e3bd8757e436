//! JSON transcripts whose values have another type than expected: a message's text is read
//! whatever JSON holds it (it used to be left out unchecked), also under the keys of other
//! spellings (`Text`, `msg`, Graph's `body.content`), messages of none of them are an error, a
//! time written as a string of digits is read as the number it holds, and a `.jsonc` file's
//! comments are read as spaces.

use crate::support::{json_report, write};

/// A message's text read whatever JSON holds it: a number or `true` as written (an export
/// that typed "42" as a number), an object's `text`, a list of these; a sticker's object has
/// no text and is passed over like a typing event, and the file's other messages are checked.
#[test]
fn a_text_of_any_json_type_is_read_and_a_sticker_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/answer\n    speaker: any\n    regex: ['\\b(42|true)\\b']\n\
         \n  - id: t/calm\n    phrases: [calm down]\n",
    );
    let records = write(
        dir.path(),
        "chats.jsonl",
        "{\"id\":\"a\",\"messages\":[{\"role\":\"customer\",\"content\":{\"sticker_id\":5}},\
         {\"role\":\"customer\",\"text\":42},{\"role\":\"agent\",\"text\":true}]}\n\
         {\"id\":\"b\",\"messages\":[{\"role\":\"agent\",\"content\":{\"text\":\"Please calm down.\"}}]}\n",
    );
    let v = crate::support::pack_report(Some(&rules), &records);
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    let a = &v["conversations"][0];
    assert_eq!(a["turns"], 2, "the sticker is no turn: {a}");
    let matched: Vec<&str> = (a["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "t/answer")
        .filter_map(|f| f["match"].as_str())
        .collect();
    assert_eq!(matched, ["42", "true"]);
    let b = &v["conversations"][1];
    assert_eq!(crate::support::finding(b, "t/calm")["column"], 65);
}

#[test]
fn lists_of_strings_and_content_parts_are_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "parts.json",
        r#"{"messages":[{"role":"agent","text":["That is not my department."]},
            {"role":"agent","content":[{"type":"image"},{"type":"text","text":"Please calm down."}]}]}"#,
    );
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let rules: Vec<&str> = (v["conversations"][0]["findings"].as_array().unwrap().iter())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"ownership/not-my-department"), "{rules:?}");
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
}

/// Messages of other spellings were passed over as typing events are, and a file of them was
/// skipped as empty with exit 0: `Role`/`Text`, `msg`, and a Microsoft Graph message's `body`
/// object of `content` are read; messages under no key talklint reads are an error at the
/// first, naming its keys, while a conversation of typing events alone stays skipped.
#[test]
fn other_spellings_of_text_are_read_and_none_at_all_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write(
        dir.path(),
        "graph.json",
        r#"{"messages":[{"Role":"Customer","Text":"hi"},{"Role":"Agent","msg":"calm down"},
{"from":{"user":{"displayName":"Agent"}},"body":{"contentType":"html","content":"<p>please calm<br>down</p>"}},
{"from":{"user":{"displayName":"Customer"}},"body":{"content":"you calm down"}}]}"#,
    );
    let (_, v) = json_report(&[graph.to_str().unwrap()]);
    let c = &v["conversations"][0];
    // A `content` without a `contentType` (a tool's result, not a Graph body) is no text.
    assert_eq!(c["turns"], 3, "{v}");
    let places: Vec<(u64, u64, &str)> = (c["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "respect/calm-down")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(places, [(1, 69, "agent"), (2, 92, "agent")]);
    let misspelt = [
        (
            "a.json",
            "{\"messages\": [\n  {\"role\": \"agent\", \"txt\": \"calm down\"}]}",
            "line 2, column 3:",
        ),
        (
            "b.json",
            "[{\"role\": \"agent\", \"txt\": \"calm down\"}]",
            "line 1, column 2: unrecognised JSON shape:",
        ),
        (
            "c.jsonl",
            "{\"role\": \"agent\", \"txt\": \"calm down\"}\n{\"role\": \"customer\", \"txt\": \"ok\"}\n",
            "line 1, column 1:",
        ),
    ];
    for (name, text, at) in misspelt {
        let path = write(dir.path(), name, text);
        let (code, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(code, 2, "{v}");
        let message = v["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.starts_with(at), "{message}");
        assert!(
            message.contains("no message has its text under a key talklint reads (`text`, `content`, `message`, `body`, `utterance`, `msg`, …); the first has the keys `role`, `txt`"),
            "{message}"
        );
    }
    // A message of a usual key and another tool's spelling of it (`sender` and `sender_name`,
    // `text` and `msg`) is read by the usual one, not refused for a field given twice.
    let both = write(
        dir.path(),
        "both.json",
        r#"[{"sender":"u-17","sender_name":"Sam","role":"agent","text":"Please calm down","msg":"x"}]"#,
    );
    let (_, v) = json_report(&[both.to_str().unwrap()]);
    let c = &v["conversations"][0];
    assert_eq!(
        crate::support::finding(c, "respect/calm-down")["speaker"],
        "u-17",
        "{v}"
    );
    let typing = write(
        dir.path(),
        "t.json",
        r#"{"messages":[{"role":"agent","text":null},{"role":"agent","type":"typing"}]}"#,
    );
    let events = write(
        dir.path(),
        "e.jsonl",
        "{\"conversation_id\": \"c1\", \"role\": \"agent\", \"type\": \"typing_start\"}\n\
         {\"conversation_id\": \"c2\", \"role\": \"agent\", \"text\": \"Please calm down\"}\n",
    );
    let (code, v) = json_report(&[events.to_str().unwrap()]);
    assert_eq!(
        (code, &v["errors"]),
        (1, &serde_json::json!([])),
        "typing is no misspelt text: {v}"
    );
    let (code, v) = json_report(&[typing.to_str().unwrap()]);
    assert_eq!(
        (code, v["skipped"][0]["reason"].as_str()),
        (0, Some("no turns (an empty json transcript)"))
    );
}

#[test]
fn a_time_written_as_a_string_of_digits_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/late\n    speaker: any\n    phrases: [hello]\n    window: {between_seconds: [5, 10]}\n",
    );
    let call = write(
        dir.path(),
        "cl.json",
        r#"{"Transcript":[{"ParticipantId":"AGENT","Content":"hi","BeginOffsetMillis":"0","EndOffsetMillis":"1000"},
            {"ParticipantId":"AGENT","Content":"hello","BeginOffsetMillis":"6000","EndOffsetMillis":"7000"}]}"#,
    );
    let v = crate::support::pack_report(Some(&rules), &call);
    let c = &v["conversations"][0];
    assert_eq!(c["not_applied"], serde_json::Value::Null, "{c}");
    assert_eq!(crate::support::finding(c, "t/late")["turn"], 2);
}

/// A `.jsonc` file's comments are read as spaces: its JSON is read, and places are the file's.
#[test]
fn json_with_comments_is_read_around_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "chat.jsonc",
        "// exported chat\n[\n  /* first */ {\"role\": \"agent\", \"text\": \"Please calm down.\"} // rude\n]\n",
    );
    let (code, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1, "{v}");
    let f = crate::support::finding(&v["conversations"][0], "respect/calm-down");
    assert_eq!((&f["line"], &f["column"]), (&3.into(), &49.into()), "{v}");
}

/// A time that cannot be read (`"20s"` in a milliseconds field, a negative number, `1e300`)
/// leaves its turn untimed, and a warning names the field, the value and its line (each was
/// dropped silently, `1e300` read as the call's start); the file is checked all the same.
#[test]
fn a_time_that_cannot_be_read_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let calls = write(
        dir.path(),
        "calls.jsonl",
        "{\"role\":\"agent\",\"text\":\"hi\",\"BeginOffsetMillis\":\"20s\"}\n\
         {\"role\":\"customer\",\"text\":\"yo\",\"start\":-4}\n\
         {\"role\":\"agent\",\"text\":\"ok\",\"start_ms\":1e300}\n\
         {\"role\":\"agent\",\"text\":\"ok\",\"start_ms\":3000}\n",
    );
    let (code, v) = json_report(&[calls.to_str().unwrap()]);
    assert_eq!(
        (code < 2, &v["summary"]["errors"]),
        (true, &0.into()),
        "{v}"
    );
    let c = &v["conversations"][0];
    let warnings: Vec<&str> = c["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(warnings.len(), 3, "{c}");
    assert!(!warnings[0].contains("more message"), "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "line 1, column 49: `BeginOffsetMillis` is `\"20s\"`, not a number of milliseconds"
        ),
        "{warnings:?}"
    );
    assert!(warnings[1].starts_with("line 2, column "), "{warnings:?}");
    assert!(
        warnings[1].contains("`start` is `-4`, a negative time"),
        "{warnings:?}"
    );
    assert!(
        warnings[2].contains("`start_ms` is `1e300`, too large"),
        "{warnings:?}"
    );
}

/// The warnings of a conversation, as strings.
fn warnings(c: &serde_json::Value) -> Vec<&str> {
    c["warnings"].as_array().map_or(Vec::new(), |w| {
        w.iter().filter_map(|w| w.as_str()).collect()
    })
}

/// An export that writes `""` for "no time" gets no warning, as `null` gets none (was one per
/// message); a time field that cannot be read is named once per conversation, at its first
/// value, with how many more there are (was one warning per message, each placed by counting
/// lines from the file's top: 42 s for 100,000 messages).
#[test]
fn times_not_read_are_named_once_per_field_and_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let message = |role: &str, time: &str| {
        format!(r#"{{"role": "{role}", "text": "hello there", "timestamp": {time}}}"#)
    };
    let chat = write(
        dir.path(),
        "chat.json",
        &format!(
            "{{\"messages\": [\n{},\n{}\n]}}\n",
            message("agent", r#""""#),
            message("customer", r#""""#)
        ),
    );
    let (code, v) = json_report(&[chat.to_str().unwrap()]);
    let c = &v["conversations"][0];
    assert_eq!((code < 2, c["turns"].as_u64()), (true, Some(2)), "{v}");
    assert_eq!(warnings(c), Vec::<&str>::new(), "`\"\"` is no time");
    let id = |id: &str, line: String| line.replacen('{', &format!(r#"{{"call_id": "{id}", "#), 1);
    let calls = write(
        dir.path(),
        "calls.jsonl",
        &[
            id("a", message("agent", r#""soon""#)),
            id("a", message("customer", r#""later""#)),
            id("a", message("agent", r#""x", "end": -1"#)),
            id("a", message("customer", r#""y""#)),
            id("b", message("agent", r#""never""#)),
        ]
        .join("\n"),
    );
    let (code, v) = json_report(&[calls.to_str().unwrap()]);
    assert!(code < 2, "{v}");
    let a = warnings(&v["conversations"][0]);
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(
        a[0].starts_with("line 1, column 71: `timestamp` is `\"soon\"`")
            && a[0].ends_with("(… and 3 more messages whose `timestamp` cannot be read)"),
        "{a:?}"
    );
    assert!(
        a[1].starts_with("line 3, column 83: `end` is `-1`, a negative time"),
        "{a:?}"
    );
    assert!(!a[1].contains("more message"), "{a:?}");
    let b = warnings(&v["conversations"][1]);
    assert_eq!(b.len(), 1, "{b:?}");
    assert!(
        b[0].starts_with("line 5, column 71: `timestamp` is `\"never\"`"),
        "{b:?}"
    );
    assert!(!b[0].contains("more message"), "{b:?}");
}

/// A message whose text is an object with a `body` (Matrix's `{"msgtype": "m.text", "body": …}`)
/// is read by it: it was dropped in silence. An object with both keeps its `text`.
#[test]
fn an_objects_body_is_its_text_where_it_has_no_text_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "matrix.json",
        r#"[{"sender":"agent","text":"hi"},
 {"sender":"customer","content":{"msgtype":"m.text","body":"I want to cancel"}},
 {"sender":"agent","content":{"text":"Please calm down.","body":"<b>Please</b>"}}]"#,
    );
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let c = &v["conversations"][0];
    // A `content` without a `contentType` (a tool's result, not a Graph body) is no text.
    assert_eq!(c["turns"], 3, "{v}");
    let calm = crate::support::finding(c, "respect/calm-down");
    assert_eq!(calm["match"], "calm down", "{v}");
}

/// A message whose text is `""` (or spaces and line breaks) is passed over, as one with `null` or
/// no text is: it made a turn of no words in chat JSON and AWS Call Analytics, which moved every
/// later turn's number.
#[test]
fn a_message_of_empty_text_is_no_turn() {
    let dir = tempfile::tempdir().unwrap();
    let chat = write(
        dir.path(),
        "chat.json",
        r#"[{"role":"agent","text":"hi"},{"role":"customer","text":""},{"role":"customer","text":" \n"},{"role":"agent","text":"calm down"}]"#,
    );
    let aws = write(
        dir.path(),
        "aws.json",
        r#"{"Participants":[{"ParticipantId":"a1","ParticipantRole":"AGENT"},{"ParticipantId":"c1","ParticipantRole":"CUSTOMER"}],
"Transcript":[{"ParticipantId":"a1","Content":"hi","BeginOffsetMillis":0,"EndOffsetMillis":1000},
{"ParticipantId":"c1","Content":"","BeginOffsetMillis":1000,"EndOffsetMillis":2000},
{"ParticipantId":"a1","Content":"calm down","BeginOffsetMillis":2000,"EndOffsetMillis":3000}]}"#,
    );
    for path in [chat, aws] {
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        let c = &v["conversations"][0];
        assert_eq!(c["turns"], 2, "{v}");
        assert_eq!(
            crate::support::finding(c, "respect/calm-down")["turn"],
            2,
            "{v}"
        );
    }
}
