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

/// The default pack's report of one file's conversation.
fn default_pack(path: &str) -> Value {
    crate::support::default_pack_report(std::path::Path::new(path))["conversations"][0].clone()
}

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

#[test]
fn aws_post_call_analytics_segments_with_the_diarised_default() {
    let c = default_pack("fixtures/formats/aws-pca.json");
    assert_eq!(
        (c["turns"].as_u64(), c["unknown_turns"].as_u64()),
        (Some(12), Some(0))
    );
    let f = finding(&c, "greeting/warm-opening");
    // spk_0 opens with "MM."; spk_1's "Thank you for calling…" makes spk_1 the agent.
    assert_eq!(
        (
            f["role"].as_str(),
            f["speaker"].as_str(),
            f["match"].as_str()
        ),
        (Some("agent"), Some("spk_1"), Some("Thank you for calling"))
    );
    assert_eq!(
        (
            f["line"].as_u64(),
            f["column"].as_u64(),
            f["start_ms"].as_u64()
        ),
        (Some(139), Some(23), Some(640))
    );
}

/// One turn as a rule that hits the first word of every turn sees it: role, speaker, start time,
/// and the line and column of that word in the file.
type TurnSeen = (String, Option<String>, Option<u64>, u64, u64);

/// A conversation's id and turns.
type ConversationSeen = (Option<String>, Vec<TurnSeen>);

/// A turn's role, speaker and start time.
type Who<'a> = (&'a str, Option<&'a str>, Option<u64>);

fn who(turns: &[TurnSeen]) -> Vec<Who<'_>> {
    turns
        .iter()
        .map(|t| (t.0.as_str(), t.1.as_deref(), t.2))
        .collect()
}

/// The format name and, per conversation, its id and turns.
fn turns_seen(path: &str) -> (String, Vec<ConversationSeen>) {
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
            .arg(path),
    );
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v["summary"]["errors"], 0, "{path}: {}", v["errors"]);
    let convs = v["conversations"].as_array().unwrap();
    let format = convs[0]["format"].as_str().unwrap().to_string();
    let seen = convs
        .iter()
        .map(|c| {
            let turns = c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["role"].as_str().unwrap().to_string(),
                        f["speaker"].as_str().map(str::to_string),
                        f["start_ms"].as_u64(),
                        f["line"].as_u64().unwrap(),
                        f["column"].as_u64().unwrap(),
                    )
                })
                .collect::<Vec<_>>();
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
        &[
            ("agent", Some("spk_0"), Some(4870)),
            ("customer", Some("spk_1"), Some(8490)),
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
    assert!(
        turns
            .iter()
            .all(|t| { t.1.as_deref() == Some(if t.0 == "agent" { "AGENT" } else { "CUSTOMER" }) })
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
    assert!(rules.contains(&"ownership/not-my-department"), "{rules:?}");
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
    let f = finding(&c, "ownership/not-my-department");
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
    let f = finding(&c, "ownership/not-my-department");
    assert_eq!(
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
        locate(path, "c-1,2024-06-01T12:00:30Z", "That's")
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

/// Every file under `fixtures/corpora/format-samples/` (the shared corpus, copied whole): each
/// transcript is read as its format with the right number of turns and no unknown roles, each
/// broken one is an error that says what is wrong, and nothing else is read (licences are
/// skipped, documentation `.md` files are plain text).
#[test]
fn every_format_sample_is_read_or_rejected_clearly() {
    let root = "fixtures/corpora/format-samples";
    let (_, v) = json_report(&[root]);
    let rel = |p: &Value| p.as_str().unwrap()[root.len() + 1..].to_string();
    let mut read: Vec<(String, String, u64, u64)> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["path"].as_str().unwrap().ends_with(".md"))
        .filter(|c| !c["path"].as_str().unwrap().ends_with(".txt"))
        .map(|c| {
            let (turns, unknown) = (
                c["turns"].as_u64().unwrap(),
                c["unknown_turns"].as_u64().unwrap(),
            );
            (
                rel(&c["path"]),
                c["format"].as_str().unwrap().to_string(),
                turns,
                unknown,
            )
        })
        .collect();
    read.sort();
    let read: Vec<(&str, &str, u64, u64)> = read
        .iter()
        .map(|(p, f, t, u)| (&p[p.rfind('/').unwrap() + 1..], f.as_str(), *t, *u))
        .collect();
    let expected_read = [
        ("chat_analyzed_original.json", "aws-call-analytics", 31, 0),
        ("chat_redacted.json", "aws-call-analytics", 31, 0),
        ("testfile.json", "aws-pca", 12, 0),
        (
            "diarization_batch_example.as_published.json",
            "aws-transcribe",
            2,
            0,
        ),
        (
            "b00dc103a62ea2ccfc752ec0f646c7528ef5e729a9d7481d2a944253a9128ce2-29e7c8100617f70da4ae9da1921cb5071a01219f4780ca70930b0a370ed2163a-response.json",
            "deepgram",
            1,
            0,
        ),
        (
            "b00dc103a62ea2ccfc752ec0f646c7528ef5e729a9d7481d2a944253a9128ce2-a17f4880c5b4cf124ac54d06d77c9f0ab7f3fe1052ff1c7b090f7eaf8ede5b76-response.json",
            "deepgram",
            1,
            0,
        ),
        (
            "f3b6208a662156067a41bddd295a1a0a53ea34a268e27a8f1a9d7107aa99732f-29e7c8100617f70da4ae9da1921cb5071a01219f4780ca70930b0a370ed2163a-response.json",
            "deepgram",
            1,
            0,
        ),
        ("conversation_data_format_example.json", "google-ccai", 2, 0),
        ("calltranscript_content_example.vtt", "vtt", 1, 0),
        ("calltranscript_metadataContent_example.vtt", "vtt", 1, 0),
    ];
    for e in expected_read {
        assert!(read.contains(&e), "{e:?} in {read:#?}");
    }
    let subtitles = read
        .iter()
        .filter(|r| ["vtt", "srt", "sbv"].contains(&r.1))
        .count()
        - 2;
    assert_eq!(read.len(), expected_read.len() + subtitles, "{read:#?}");
    assert_eq!(
        subtitles, 21,
        "the webvtt-py fixtures that are valid captions"
    );

    let errors: Vec<(String, String)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (rel(&e["path"]), e["message"].as_str().unwrap().to_string()))
        .collect();
    let error_for = |name: &str| {
        errors
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map(|(_, m)| m.as_str())
            .unwrap_or_else(|| panic!("{name} is an error: {errors:#?}"))
    };
    assert!(
        error_for("call_analyzed_original.as_published.json")
            .starts_with("line 297, column 1: text after the end of the JSON document")
    );
    assert!(
        error_for("call_redacted.as_published.jsonc")
            .starts_with("line 10, column 44: JSON has no comments")
    );
    assert!(error_for("-options.json").contains("unrecognised JSON shape"));
    assert!(error_for("invalid_format4.srt").contains("expected a cue number"));
    assert!(error_for("invalid_timeframe.vtt").contains("bad cue timing"));
    assert!(error_for("missing_timeframe.sbv").contains("cue has no timing line"));
    assert_eq!(errors.len(), 17, "{errors:#?}");
    for (path, message) in &errors {
        assert!(message.starts_with("line "), "{path}: {message}");
    }
    let skipped = v["skipped"].as_array().unwrap();
    assert!(
        skipped.iter().all(|s| {
            let p = s["path"].as_str().unwrap();
            p.contains("LICENSE") || p.ends_with(".cmd")
        }),
        "{skipped:#?}"
    );
}

/// A report's `agent` is a name the transcript gives, never a role word or a diariser's label
/// (`spk_0`, `A`, `2`) or a platform's (Genesys `internal`, a Zendesk author id).
#[test]
fn agents_are_named_only_by_names() {
    let (_, v) = json_report(&["fixtures/formats"]);
    let agents: Vec<&str> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["agent"].as_str())
        .collect();
    assert_eq!(
        agents,
        ["Dana", "Ria", "Ria", "Jane", "Kim Park", "sam@acme.example"]
    );
}
