//! Speech-analytics, helpdesk, CSV and caption formats through the binary: every turn's role,
//! speaker, start time and place in the file, as a rule hitting each turn's first word sees them.

use crate::support::{default_pack, finding};
use serde_json::Value;

/// One turn as a rule that hits the first word of every turn sees it: role, speaker, start time,
/// and the line and column of that word in the file.
pub(crate) type TurnSeen = (String, Option<String>, Option<u64>, u64, u64);

/// A conversation's id and turns.
pub(crate) type ConversationSeen = (Option<String>, Vec<TurnSeen>);

/// A turn's role, speaker and start time.
type Who<'a> = (&'a str, Option<&'a str>, Option<u64>);

fn who(turns: &[TurnSeen]) -> Vec<Who<'_>> {
    turns
        .iter()
        .map(|t| (t.0.as_str(), t.1.as_deref(), t.2))
        .collect()
}

/// The JSON report of `path` checked by a rule that hits every turn's first word, with `args`
/// before the path.
pub(crate) fn first_word_report(path: &std::path::Path, args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let rule = dir.path().join("first-word.yaml");
    std::fs::write(
        &rule,
        "rules:\n  - id: t/first-word\n    kind: reward\n    speaker: any\n    regex: ['^\\S+']\n",
    )
    .unwrap();
    let (_, out, err) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--no-config", "--format", "json", "-r"])
            .arg(&rule)
            .args(args)
            .arg(path),
    );
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"))
}

/// A first-word finding as the turn it stands for: role, speaker, start, line and column.
pub(crate) fn turn_seen(f: &Value) -> TurnSeen {
    (
        f["role"].as_str().unwrap().to_string(),
        f["speaker"].as_str().map(str::to_string),
        f["start_ms"].as_u64(),
        f["line"].as_u64().unwrap(),
        f["column"].as_u64().unwrap(),
    )
}

/// The format name and, per conversation, its id and turns.
pub(crate) fn turns_seen(path: &str) -> (String, Vec<ConversationSeen>) {
    let v = first_word_report(std::path::Path::new(path), &[]);
    assert_eq!(v["summary"]["errors"], 0, "{path}: {}", v["errors"]);
    let convs = v["conversations"].as_array().unwrap();
    let format = convs[0]["format"].as_str().unwrap().to_string();
    let seen = convs
        .iter()
        .map(|c| {
            let turns: Vec<TurnSeen> = c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(turn_seen)
                .collect();
            assert_eq!(turns.len() as u64, c["turns"].as_u64().unwrap(), "{path}");
            (c["id"].as_str().map(str::to_string), turns)
        })
        .collect();
    (format, seen)
}

/// The 1-based line and column (in characters) of the first `needle` after `after` in a file.
fn locate(path: &str, after: &str, needle: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(path).unwrap();
    let from = text
        .find(after)
        .unwrap_or_else(|| panic!("{after} in {path}"));
    let at = from + text[from..].find(needle).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() + 1;
    (line as u64, text[line_start..at].chars().count() as u64 + 1)
}

/// Checks a one-conversation file: its format, id, and each turn's role, speaker and start; the
/// turn `at` starts where `needle` (the first after `after`) stands in the file.
fn check_turns(
    path: &str,
    format: &str,
    id: Option<&str>,
    expected: &[Who],
    (at, after, needle): (usize, &str, &str),
) {
    let (got_format, convs) = turns_seen(path);
    assert_eq!(got_format, format, "{path}");
    assert_eq!(convs.len(), 1, "{path}");
    let (got_id, turns) = &convs[0];
    assert_eq!(got_id.as_deref(), id, "{path}");
    assert_eq!(who(turns), expected, "{path}");
    assert_eq!(
        (turns[at].3, turns[at].4),
        locate(path, after, needle),
        "{path}"
    );
}

#[test]
fn aws_transcribe_items_rebuilt_into_turns() {
    check_turns(
        "fixtures/formats/aws-transcribe.json",
        "aws-transcribe",
        Some("my-first-transcription-job"),
        // The caller who has "been on hold for an hour" is the customer, though first to speak;
        // the one who says "Sorry about that" is the agent (the guess once took the opener).
        &[
            ("customer", Some("spk_0"), Some(4870)),
            ("agent", Some("spk_1"), Some(8490)),
        ],
        (1, "\"Sorry", "Sorry"),
    );
}

#[test]
fn aws_call_analytics_and_contact_lens_calls() {
    check_turns(
        "fixtures/formats/call-analytics.json",
        "aws-call-analytics",
        Some("tca-job-1"),
        &[
            ("agent", None, Some(770)),
            ("customer", None, Some(3400)),
            ("agent", None, Some(6500)),
        ],
        (2, "", "Calm down"),
    );
    let (format, convs) = turns_seen("fixtures/formats/contact-lens-call.json");
    assert_eq!(format, "aws-call-analytics");
    let turns = &convs[0].1;
    assert_eq!(turns.len(), 10);
    // `ParticipantId` `AGENT` and `CUSTOMER` are roles, as Call Analytics' `ParticipantRole`.
    assert!(
        turns
            .iter()
            .all(|t| matches!(t.0.as_str(), "agent" | "customer") && t.1.is_none()),
        "{turns:?}"
    );
    assert_eq!(turns[3].2, Some(7370));
    assert_eq!(
        (turns[3].3, turns[3].4),
        locate(
            "fixtures/formats/contact-lens-call.json",
            "",
            "I need to cancel"
        )
    );
}

#[test]
fn deepgram_words_without_diarisation() {
    check_turns(
        "fixtures/formats/deepgram.json",
        "deepgram",
        None,
        &[("agent", None, Some(5520))],
        (0, "\"words\"", "Yep."),
    );
}

#[test]
fn assemblyai_utterances_in_milliseconds() {
    check_turns(
        "fixtures/formats/assemblyai.json",
        "assemblyai",
        Some("6rlr37h5tr-0f6c-4d93-9e7b-3c5f0d4a1b2e"),
        &[
            ("agent", Some("A"), Some(250)),
            ("customer", Some("B"), Some(3100)),
            ("agent", Some("A"), Some(5400)),
        ],
        (2, "\"utterances\"", "I'm sorry"),
    );
}

#[test]
fn whisper_diarized_segments() {
    check_turns(
        "fixtures/formats/whisper-diarized.json",
        "whisper",
        None,
        &[
            ("agent", Some("agent"), Some(0)),
            ("customer", Some("customer"), Some(2600)),
            ("agent", Some("agent"), Some(5200)),
        ],
        (2, "\"segments\"", "That's not"),
    );
}

#[test]
fn google_speech_to_text_words_grouped_by_speaker_tag() {
    check_turns(
        "fixtures/formats/google-stt.json",
        "google-stt",
        None,
        &[
            ("agent", Some("1"), Some(400)),
            ("customer", Some("2"), Some(3500)),
            ("agent", Some("1"), Some(5600)),
        ],
        (1, "\"word\": \"my", "my"),
    );
}

#[test]
fn genesys_phrases_in_time_order_with_purposes() {
    check_turns(
        "fixtures/formats/genesys.json",
        "genesys",
        Some("0b8b4f4e-3c1e-4e0a-9a61-5a1f0c9d2e11"),
        &[
            ("agent", Some("internal"), Some(1000)),
            ("customer", Some("external"), Some(4200)),
            ("agent", Some("internal"), Some(8000)),
        ],
        (2, "", "it's out of my hands"),
    );
}

#[test]
fn twilio_addresses_are_customers() {
    check_turns(
        "fixtures/formats/twilio.json",
        "twilio",
        None,
        &[
            ("customer", Some("whatsapp:+15555550100"), Some(0)),
            ("agent", Some("sam@acme.example"), Some(42000)),
        ],
        (1, "", "That's not"),
    );
}

#[test]
fn zendesk_skips_internal_notes() {
    check_turns(
        "fixtures/formats/zendesk.json",
        "zendesk",
        None,
        &[
            ("customer", Some("501"), Some(0)),
            ("agent", Some("77"), Some(600_000)),
        ],
        (1, "\"plain_body\": \"That's", "That's"),
    );
    // The private note says "calm down"; the default pack must not see it.
    let c = default_pack("fixtures/formats/zendesk.json");
    let rules: Vec<&str> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"ownership/closed-door"), "{rules:?}");
    assert!(!rules.contains(&"respect/calm-down"), "{rules:?}");
}

#[test]
fn intercom_html_bodies_and_author_types() {
    check_turns(
        "fixtures/formats/intercom.json",
        "intercom",
        Some("1911149811"),
        &[
            ("customer", Some("Ana Ruiz"), Some(0)),
            ("agent", Some("Kim Park"), Some(60_000)),
        ],
        (1, "\"comment\"", "Sorry"),
    );
    let c = default_pack("fixtures/formats/intercom.json");
    let f = finding(&c, "ownership/closed-door");
    assert_eq!(f["match"], "that's not my department", "tags stripped");
    assert_eq!(
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
        locate("fixtures/formats/intercom.json", "\"comment\"", "that's")
    );
}

#[test]
fn csv_splits_conversations_by_id() {
    let path = "fixtures/formats/chats.csv";
    let (format, convs) = turns_seen(path);
    assert_eq!(format, "csv");
    let summary: Vec<(Option<&str>, Vec<Who>)> = convs
        .iter()
        .map(|(id, turns)| (id.as_deref(), who(turns)))
        .collect();
    assert_eq!(
        summary,
        [
            (
                Some("c-1"),
                vec![
                    ("customer", Some("Ben"), Some(0)),
                    ("agent", Some("Ria"), Some(30_000))
                ]
            ),
            (
                Some("c-2"),
                vec![
                    ("customer", Some("Jo"), Some(0)),
                    ("agent", Some("Ria"), Some(65_000))
                ]
            ),
        ]
    );
    let c = default_pack(path);
    let f = finding(&c, "ownership/closed-door");
    assert_eq!(
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
        locate(path, "c-1,2024-06-01T12:00:30Z", "That's")
    );
}

/// Rows that end in CRLF (Excel, RFC 4180) are each read, at their own line and column; a row
/// with more fields than the header (an unquoted comma in the text) is an error at the extra
/// field, not text cut short without a word.
#[test]
fn csv_rows_ending_in_crlf_are_read_and_an_unquoted_comma_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = dir.path().join("crlf.csv");
    let rows = "role,text\r\nagent,Hello there\r\n\r\ncustomer,Hi\r\nagent,\"Bye, now\"\r\n";
    std::fs::write(&crlf, rows).unwrap();
    let (format, convs) = turns_seen(crlf.to_str().unwrap());
    assert_eq!(format, "csv");
    let places: Vec<(&str, u64, u64)> = convs[0]
        .1
        .iter()
        .map(|t| (t.0.as_str(), t.3, t.4))
        .collect();
    assert_eq!(
        places,
        [("agent", 2, 7), ("customer", 4, 10), ("agent", 5, 8)]
    );
    let comma = dir.path().join("comma.csv");
    std::fs::write(
        &comma,
        "role,text\r\nagent,hi\r\nagent,Thanks for calling, calm down\r\n",
    )
    .unwrap();
    let (code, _, err) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--no-config"])
            .arg(&comma),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("line 3, column 26: this row has 3 fields and the header 2: put a field that holds a comma in double quotes"),
        "{err}"
    );
    // After a quoted field over two lines, the extra field is placed on its own line.
    std::fs::write(
        &comma,
        "role,text\nagent,\"hello\nthere\",extra\ncustomer,ok\n",
    )
    .unwrap();
    let (_, _, err) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--no-config"])
            .arg(&comma),
    );
    assert!(
        err.contains("line 3, column 8: this row has 3 fields"),
        "{err}"
    );
}

#[test]
fn sbv_captions() {
    check_turns(
        "fixtures/formats/captions.sbv",
        "sbv",
        None,
        &[("agent", None, Some(378))],
        (0, "", "Caption text #1"),
    );
}
