//! Each input format through the binary: turns, roles, times, and one finding's location.

use crate::support::{default_pack, finding, json_report, write};
use serde_json::Value;

fn conversation(path: &str) -> Value {
    let (_, v) = json_report(&[path]);
    assert_eq!(v["summary"]["errors"], 0, "{path}: {}", v["errors"]);
    v["conversations"][0].clone()
}

#[test]
fn chat_json_with_escapes_points_at_the_file() {
    let c = conversation("fixtures/formats/chat.json");
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64(), c["id"].as_str()),
        (Some("json"), Some(3), Some("chat-17"))
    );
    let f = finding(&c, "ownership/not-my-department");
    assert_eq!(f["speaker"], "Dana");
    assert_eq!(
        f["start_ms"], 60000,
        "ISO times are relative to the first message"
    );
    assert_eq!(f["match"], "That\u{2019}s not my department");
    // Line 4 of the file; the column of `That` after the `\n` escape in the JSON string.
    let line = std::fs::read_to_string("fixtures/formats/chat.json")
        .unwrap()
        .lines()
        .nth(3)
        .unwrap()
        .to_string();
    let col = line[..line.find("That").unwrap()].chars().count() + 1;
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(4), Some(col as u64))
    );
}

/// A top-level array of messages, each naming its speaker and text with a different field: the
/// `assistant` is a bot, so the bot-and-customer rule fires on its turn.
#[test]
fn chat_json_array_with_mixed_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("array.json");
    let text = r#"[{"author": "agent", "body": "Sorry, that is not my job."},
 {"speaker": "Customer", "content": "ok"},
 {"role": "assistant", "message": "You said: cancel my account."}]
"#;
    std::fs::write(&path, text).unwrap();
    let column = text.find("not my job").unwrap() as u64 + 1;
    let c = conversation(path.to_str().unwrap());
    let shape = (&c["format"], &c["turns"], &c["unknown_turns"]);
    assert_eq!(shape, (&"json".into(), &3.into(), &0.into()));
    let f = finding(&c, "ownership/not-my-department");
    let at = (&f["speaker"], &f["line"], &f["column"]);
    assert_eq!(at, (&"agent".into(), &1.into(), &column.into()));
    let f = finding(&c, "loyalty/cancel");
    let at = (&f["line"], &f["match"]);
    assert_eq!(at, (&3.into(), &"cancel my account".into()));
}

#[test]
fn chat_jsonl_skips_events_and_reads_seconds() {
    let c = conversation("fixtures/formats/chat.jsonl");
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64()),
        (Some("jsonl"), Some(3))
    );
    let f = finding(&c, "ownership/not-my-department");
    assert_eq!(
        (
            f["line"].as_u64(),
            f["start_ms"].as_u64(),
            f["match"].as_str()
        ),
        (Some(4), Some(9300), Some("out of my hands"))
    );
}

/// Times in milliseconds under any `*_ms` name (JSON and CSV), and epoch times in seconds or
/// milliseconds, count from the conversation's first time.
#[test]
fn millisecond_and_epoch_times_count_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let json = "[{\"role\": \"agent\", \"text\": \"Calm down.\", \"timestamp_ms\": 1700000005000},\n\
                {\"role\": \"agent\", \"text\": \"Calm down.\", \"ts\": 1700000009},\n\
                {\"role\": \"agent\", \"text\": \"Calm down.\", \"timestamp\": 1700000012000}]";
    let csv = "role,text,time_ms\nagent,Calm down.,5000\nagent,Calm down.,7500\n";
    for (name, text, times) in [
        ("t.json", json, &[0, 4000, 7000][..]),
        ("t.csv", csv, &[5000, 7500]),
    ] {
        let path = write(dir.path(), name, text);
        let c = conversation(path.to_str().unwrap());
        let starts: Vec<u64> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "respect/calm-down")
            .map(|f| f["start_ms"].as_u64().unwrap())
            .collect();
        assert_eq!(starts, times, "{name}: {c}");
    }
}

#[test]
fn teams_vtt_joins_split_cues_and_orders_them() {
    let c = conversation("fixtures/formats/teams.vtt");
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64()),
        (Some("vtt"), Some(3))
    );
    let f = finding(&c, "respect/calm-down");
    assert_eq!(f["match"], "calm down", "the phrase spans two cues");
    assert_eq!(
        (
            f["line"].as_u64(),
            f["column"].as_u64(),
            f["start_ms"].as_u64()
        ),
        (Some(11), Some(10), Some(8100))
    );
}

/// Cues of one speaker apart by a long pause are two turns: a window in seconds and a silence
/// rule see when the words were said (they were one turn from the first cue's start).
#[test]
fn a_long_pause_parts_one_speakers_cues() {
    let dir = tempfile::tempdir().unwrap();
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Agent>Hello there.\n\n\
               00:00:03.500 --> 00:00:05.000\n<v Agent>How can I help?\n\n\
               00:10:00.000 --> 00:10:02.000\n<v Agent>Calm down please.\n";
    let path = write(dir.path(), "long.vtt", vtt);
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/early, phrases: [calm down], window: {first_seconds: 30}}\n  \
         - {id: t/gap, speaker: any, timing: {silence_seconds: 60}}\n",
    );
    let (_, v) = json_report(&["-r", rules.to_str().unwrap(), path.to_str().unwrap()]);
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 2, "the first two cues join: {c}");
    let ours: Vec<(&str, u64)> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("t/"))
        .map(|f| (f["rule"].as_str().unwrap(), f["start_ms"].as_u64().unwrap()))
        .collect();
    assert_eq!(ours, [("t/gap", 600_000)], "{c}");
}

#[test]
fn srt_names_and_times() {
    let c = conversation("fixtures/formats/captions.srt");
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64()),
        (Some("srt"), Some(3))
    );
    let f = finding(&c, "ownership/not-my-department");
    assert_eq!(
        (
            f["line"].as_u64(),
            f["column"].as_u64(),
            f["start_ms"].as_u64()
        ),
        (Some(11), Some(20), Some(5100))
    );
    assert_eq!(f["role"], "agent");
}

#[test]
fn text_with_dates_and_times_opens_a_turn_at_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "chat.txt",
        "[2024-05-01 10:00:00] Customer: I was charged twice\n\
         [2024-05-01 10:00:42] Agent: That's not my department.\n",
    );
    let c = default_pack(path.to_str().unwrap());
    assert_eq!(c["turns"], 2, "{c}");
    let f = finding(&c, "ownership/closed-door");
    assert_eq!(
        (
            f["role"].as_str(),
            f["line"].as_u64(),
            f["start_ms"].as_u64()
        ),
        (Some("agent"), Some(2), Some(42_000))
    );
}

#[test]
fn lines_that_end_in_cr_alone_are_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mac.txt",
        "Customer: you need to calm down\rAgent: That's not my department.\r",
    );
    let c = default_pack(path.to_str().unwrap());
    assert_eq!(c["turns"], 2, "{c}");
    let f = finding(&c, "ownership/closed-door");
    assert_eq!(
        (f["role"].as_str(), f["line"].as_u64(), f["column"].as_u64()),
        (Some("agent"), Some(2), Some(8))
    );
    assert!(
        !c["findings"].to_string().contains("respect/calm-down"),
        "the customer's words are the customer's: {c}"
    );
    // CRs before an LF end one line with it (`\r\r\n`, CRLF converted twice): the captions'
    // lines and their numbers are those of the LF file.
    let lf = std::fs::read_to_string("fixtures/formats/captions.srt")
        .unwrap()
        .replace("\r\n", "\n");
    let doubled = write(dir.path(), "doubled.srt", &lf.replace('\n', "\r\r\n"));
    let plain = write(dir.path(), "plain.srt", &lf);
    let places = |c: &Value| {
        c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["line"].clone(), f["column"].clone(), f["match"].clone()))
            .collect::<Vec<_>>()
    };
    let (doubled, plain) = (
        default_pack(doubled.to_str().unwrap()),
        default_pack(plain.to_str().unwrap()),
    );
    assert_eq!(places(&doubled), places(&plain), "{doubled}");
    assert!(!places(&plain).is_empty());
}

#[test]
fn markdown_script_is_one_agent_turn() {
    let c = conversation("fixtures/formats/script.md");
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64()),
        (Some("text"), Some(1))
    );
    let f = finding(&c, "ownership/not-my-department");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(5), Some(15))
    );
}

#[test]
fn input_format_overrides_detection() {
    let (_, v) = json_report(&["--input-format", "text", "fixtures/formats/chat.jsonl"]);
    assert_eq!(v["conversations"][0]["format"], "text");
}

/// The default pack's report of one file's conversation.
#[test]
fn amazon_connect_contact_lens_chat() {
    let c = default_pack("fixtures/formats/contact-lens-chat.json");
    assert_eq!(
        (
            c["turns"].as_u64(),
            c["unknown_turns"].as_u64(),
            c["agent"].as_str()
        ),
        (Some(31), Some(0), Some("Jane"))
    );
    let f = finding(&c, "enthusiasm/no-problem");
    assert_eq!(
        (f["role"].as_str(), f["speaker"].as_str()),
        (Some("agent"), Some("Jane"))
    );
    assert_eq!(
        (
            f["line"].as_u64(),
            f["column"].as_u64(),
            f["start_ms"].as_u64()
        ),
        (Some(583), Some(25), Some(51497)),
        "the Content string's place; times relative to the first AbsoluteTime"
    );
}

#[test]
fn google_ccai_entries_with_microsecond_times() {
    // A rule that hits every turn shows each turn's role and time.
    let dir = tempfile::tempdir().unwrap();
    let rule = dir.path().join("r.yaml");
    std::fs::write(
        &rule,
        "rules:\n  - id: any/dots\n    kind: reward\n    speaker: any\n    regex: ['\\.\\.\\.']\n",
    )
    .unwrap();
    let (_, out, err) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--no-config", "--format", "json", "-r"])
            .arg(&rule)
            .arg("fixtures/formats/ccai.json"),
    );
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 2);
    let got: Vec<(String, u64)> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["role"].as_str().unwrap().to_string(),
                f["start_ms"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("customer".to_string(), 1000), ("agent".to_string(), 5000)]
    );
}

/// A CCAI API conversation is named by its resource name; its id is the name's last segment
/// (the id CCAI gives it), unless the file gives an id of its own.
#[test]
fn google_ccai_api_conversation_is_named_by_its_resource_name() {
    let dir = tempfile::tempdir().unwrap();
    let segments = r#""transcript": {"transcriptSegments": [
        {"text": "How can I help?", "segmentParticipant": {"role": "HUMAN_AGENT"}},
        {"text": "My card is blocked.", "segmentParticipant": {"role": "END_USER"}}]}"#;
    let name = r#""name": "projects/p/locations/us-central1/conversations/c7""#;
    let id = |fields: &str| {
        let path = write(dir.path(), "c.json", &format!("{{{fields}, {segments}}}"));
        let c = conversation(path.to_str().unwrap());
        assert_eq!(
            (&c["format"], &c["turns"]),
            (&"google-ccai".into(), &2.into())
        );
        c["id"].clone()
    };
    assert_eq!(id(name), "c7");
    assert_eq!(id(r#""name": "c8""#), "c8");
    assert_eq!(
        id(&format!(r#"{name}, "conversation_id": "own-id""#)),
        "own-id"
    );
}
