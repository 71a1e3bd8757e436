//! Each input format through the binary: turns, roles, times, and one finding's location.

use crate::support::json_report;
use serde_json::Value;

fn conversation(path: &str) -> Value {
    let (_, v) = json_report(&[path]);
    assert_eq!(v["summary"]["errors"], 0, "{path}: {}", v["errors"]);
    v["conversations"][0].clone()
}

fn finding<'a>(c: &'a Value, rule: &str) -> &'a Value {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule} in {c}"))
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
