//! Tests of the JSON shapes: channels, multichannel words, chat events and forced shapes.

use super::*;
use crate::transcript::Role;

/// A turn's role, speaker, start and text.
type Seen = (Role, Option<String>, Option<u64>, String);

fn read(src: &str, format: Format) -> (Format, Vec<Seen>) {
    let parsed = parse(src, format, &ParseOptions::default()).unwrap();
    let turns = parsed.transcripts[0]
        .turns
        .iter()
        .map(|t| {
            let speaker = t.speaker.as_deref().map(str::to_string);
            (t.role, speaker, t.start_ms, t.text(src).to_string())
        })
        .collect();
    (parsed.format, turns)
}

#[test]
fn aws_channel_identification_interleaves_channels() {
    let src = r#"{"jobName": "j", "results": {"transcripts": [], "items": [], "channel_labels": {
        "number_of_channels": 2, "channels": [
        {"channel_label": "ch_0", "items": [
            {"type": "pronunciation", "start_time": "0.5", "end_time": "0.9", "alternatives": [{"content": "Hello"}]},
            {"type": "punctuation", "alternatives": [{"content": "."}]},
            {"type": "pronunciation", "start_time": "3.0", "end_time": "3.4", "alternatives": [{"content": "Sure"}]}]},
        {"channel_label": "ch_1", "items": [
            {"type": "pronunciation", "start_time": "1.5", "end_time": "1.9", "alternatives": [{"content": "Hi"}]},
            {"type": "pronunciation", "start_time": "2.0", "end_time": "2.2", "alternatives": [{"content": "there"}]}]}
        ]}}}"#;
    let (format, turns) = read(src, Format::Json);
    assert_eq!(format, Format::AwsTranscribe);
    let got: Vec<(Option<&str>, Option<u64>, &str)> = turns
        .iter()
        .map(|t| (t.1.as_deref(), t.2, t.3.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("ch_0"), Some(500), "Hello."),
            (Some("ch_1"), Some(1500), "Hi there"),
            (Some("ch_0"), Some(3000), "Sure"),
        ]
    );
}

/// One speaker's words apart by a long pause are two turns, each at its own time (a word at
/// 600 s was at 0 s, and inside a first-30-seconds window); punctuation stays with its word.
#[test]
fn a_long_pause_parts_one_speakers_words() {
    let src = r#"{"jobName": "j", "results": {"transcripts": [], "items": [
        {"type": "pronunciation", "start_time": "0.5", "end_time": "0.9", "alternatives": [{"content": "Hello"}]},
        {"type": "pronunciation", "start_time": "1.0", "end_time": "1.4", "alternatives": [{"content": "there"}]},
        {"type": "punctuation", "alternatives": [{"content": "."}]},
        {"type": "pronunciation", "start_time": "600.0", "end_time": "600.4", "alternatives": [{"content": "Still"}]},
        {"type": "pronunciation", "start_time": "601.0", "end_time": "601.4", "alternatives": [{"content": "here"}]}]}}"#;
    let (_, turns) = read(src, Format::Json);
    let got: Vec<(Option<u64>, &str)> = turns.iter().map(|t| (t.2, t.3.as_str())).collect();
    assert_eq!(
        got,
        [(Some(500), "Hello there."), (Some(600_000), "Still here")]
    );
    // An end past any clock is no overflow.
    let far = src.replace("\"end_time\": \"1.4\"", "\"end_time\": \"1e300\"");
    assert_eq!(read(&far, Format::Json).1.len(), 1);
}

#[test]
fn deepgram_multichannel_words_and_connect_chat_events() {
    let src = r#"{"results": {"channels": [
        {"alternatives": [{"words": [{"word": "hello", "punctuated_word": "Hello,", "start": 0.1, "end": 0.4}]}]},
        {"alternatives": [{"words": [{"word": "hi", "start": 0.6, "end": 0.8}]}]}]}}"#;
    let (format, turns) = read(src, Format::Json);
    assert_eq!(format, Format::Deepgram);
    assert_eq!(
        turns
            .iter()
            .map(|t| (t.1.as_deref(), t.3.as_str()))
            .collect::<Vec<_>>(),
        [(Some("ch_0"), "Hello,"), (Some("ch_1"), "hi")]
    );
    let src = r#"{"Transcript": [
        {"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.participant.joined", "ParticipantRole": "AGENT", "Content": "joined"},
        {"Type": "MESSAGE", "ParticipantRole": "CUSTOMER", "Content": "Where is my order?", "AbsoluteTime": "2024-01-01T10:00:00Z"}]}"#;
    let (format, turns) = read(src, Format::Json);
    assert_eq!(format, Format::AwsCallAnalytics);
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0].0, Role::Customer);
}

#[test]
fn ccai_api_segments_and_forced_shapes() {
    let src = r#"{"name": "projects/p/conversations/c1", "transcript": {"transcript_segments": [
        {"text": "How can I help?", "segment_participant": {"role": "HUMAN_AGENT"}, "message_time": "2024-01-01T10:00:00Z"},
        {"text": "My card is blocked.", "segment_participant": {"role": "END_USER"}, "message_time": "2024-01-01T10:00:05Z"}]}}"#;
    let (format, turns) = read(src, Format::Json);
    assert_eq!(format, Format::GoogleCcai);
    assert_eq!(
        turns.iter().map(|t| (t.0, t.2)).collect::<Vec<_>>(),
        [(Role::Agent, Some(0)), (Role::Customer, Some(5000))]
    );
    // The REST API's camelCase reads the same.
    let camel = src
        .replace("transcript_segments", "transcriptSegments")
        .replace("segment_participant", "segmentParticipant")
        .replace("message_time", "messageTime");
    let (format, camel_turns) = read(&camel, Format::Json);
    assert_eq!((format, camel_turns), (Format::GoogleCcai, turns));
    let err = parse(src, Format::Genesys, &ParseOptions::default()).unwrap_err();
    assert!(
        err.message
            .starts_with("not a genesys file: expected `transcripts[].phrases`"),
        "{}",
        err.message
    );
    let err = parse("{\"foo\": 1}", Format::Json, &ParseOptions::default()).unwrap_err();
    assert!(
        err.message.contains("`conversation_parts` (Intercom)"),
        "{}",
        err.message
    );
}
