//! Tests of chat messages: escapes mapped back to the source, field aliases, speech segments.

use super::super::json_text::decode_string;
use super::*;
use crate::transcript::{Format, TurnText};

/// Parses `src` as JSON of any recognised shape.
fn parse_json(src: &str, opts: &ParseOptions) -> Result<Transcript, ParseError> {
    super::super::json_shapes::parse(src, Format::Json, opts).map(|mut p| p.transcripts.remove(0))
}

#[test]
fn escaped_text_maps_back_to_the_source() {
    let src = r#"{"a":"x\n\u00e9\"y z"}"#;
    let start = src.find("\"x").unwrap();
    let end = src.rfind('"').unwrap() + 1;
    let TurnText::Decoded(d) = decode_string(&src[start..end], start) else {
        panic!("escapes decode");
    };
    assert_eq!(d.text, "x\né\"y z");
    let turn = Turn {
        text: TurnText::Decoded(d),
        ..Turn::new(Role::Agent, None, 0..0)
    };
    let z = "x\né\"y ".len();
    assert_eq!(&src[turn.source_offset(z)..turn.source_offset(z) + 1], "z");
}

/// `text` as a JSON string literal, each character written as `how` says where it can be:
/// 0 as itself, 1 as its short escape (`\n`, `\/`, …), else as `\u` escapes (a surrogate
/// pair beyond the first plane).
fn escaped(text: &str, how: &[u8]) -> String {
    let mut json = String::from('"');
    for (c, &how) in text.chars().zip(how.iter().cycle()) {
        let short = match c {
            '"' | '\\' | '/' => Some(c),
            '\u{8}' => Some('b'),
            '\u{c}' => Some('f'),
            '\n' => Some('n'),
            '\r' => Some('r'),
            '\t' => Some('t'),
            _ => None,
        };
        let raw = c >= ' ' && c != '"' && c != '\\';
        match (how, short) {
            (0, _) if raw => json.push(c),
            (1, Some(s)) => {
                json.push('\\');
                json.push(s);
            }
            _ => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    json.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    json.push('"');
    json
}

#[test]
fn an_escaped_non_ascii_character_is_not_split() {
    let src = r#""a\é b""#;
    let TurnText::Decoded(d) = decode_string(src, 0) else {
        panic!("an escape decodes");
    };
    assert_eq!(d.text, "aé b");
}

proptest::proptest! {
    #[test]
    fn escaped_text_decodes_as_serde_does(
        text in "[a-z \\\\\"/\u{8}\u{c}\n\r\t\u{1}é😀\u{2028}]{0,30}",
        how in proptest::collection::vec(0u8..3, 1..8),
    ) {
        let json = escaped(&text, &how);
        let src = format!("[{json}]");
        let turn = Turn {
            text: decode_string(&src[1..src.len() - 1], 1),
            ..Turn::new(Role::Agent, None, 0..0)
        };
        let serde: String = serde_json::from_str(&json).unwrap();
        proptest::prop_assert_eq!(turn.text(&src), serde.as_str());
        proptest::prop_assert_eq!(turn.text(&src), text.as_str());
    }
}

#[test]
fn arrays_envelopes_and_field_aliases() {
    let src = r#"{"id": "c1", "messages": [
        {"author": {"name": "Sam", "role": "agent"}, "body": "hi"},
        {"speaker": "Customer", "content": "hello", "start": 1.5},
        {"type": "typing"},
        {"role": "user", "message": "bye"}
    ]}"#;
    let t = parse_json(src, &ParseOptions::default()).unwrap();
    assert_eq!(t.id.as_deref(), Some("c1"));
    let got: Vec<(Role, Option<&str>, &str)> = t
        .turns
        .iter()
        .map(|x| (x.role, x.speaker.as_deref(), x.text(src)))
        .collect();
    assert_eq!(
        got,
        [
            (Role::Agent, Some("Sam"), "hi"),
            (Role::Customer, Some("Customer"), "hello"),
            (Role::Customer, Some("user"), "bye"),
        ]
    );
    assert_eq!(t.turns[1].start_ms, Some(1500));
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = parse_json("[\n {\"text\": \"a\" \"b\"}\n]", &ParseOptions::default()).unwrap_err();
    assert_eq!((err.line, err.column), (2, 15));
    let err = parse_json("{\"foo\": 1}", &ParseOptions::default()).unwrap_err();
    assert!(
        err.message.contains("unrecognised JSON shape"),
        "{}",
        err.message
    );
}

#[test]
fn whisper_segments_and_deepgram_utterances() {
    let whisper = r#"{"text": "hi there all", "segments": [
        {"id": 0, "start": 0.0, "end": 1.5, "text": " Thank you for calling."},
        {"id": 1, "start": 1.5, "end": 3.0, "text": " My router is down."}]}"#;
    let t = parse_json(whisper, &ParseOptions::default()).unwrap();
    assert_eq!(t.turns.len(), 2);
    assert_eq!(
        (t.turns[1].start_ms, t.turns[1].role),
        (Some(1500), Role::Agent),
        "no speakers: the default role"
    );
    let deepgram = r#"{"metadata": {}, "results": {"channels": [], "utterances": [
        {"start": 0.2, "end": 1.0, "speaker": 0, "transcript": "hello?"},
        {"start": 1.1, "end": 3.0, "speaker": 1, "transcript": "thanks for calling acme support"},
        {"start": 3.1, "end": 4.0, "speaker": 0, "transcript": "my bill is wrong"}]}}"#;
    let t = parse_json(deepgram, &ParseOptions::default()).unwrap();
    let roles: Vec<(Role, Option<&str>)> = t
        .turns
        .iter()
        .map(|x| (x.role, x.speaker.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [
            (Role::Customer, Some("0")),
            (Role::Agent, Some("1")),
            (Role::Customer, Some("0")),
        ],
        "the first speaker with three words or more is the agent"
    );
    assert_eq!(t.turns[1].start_ms, Some(1100));
}
