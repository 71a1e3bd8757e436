//! Chat and helpdesk exports written newest first, or with a message out of place: times count
//! from the conversation's earliest, never clamped to 0, and turns are read in time order, each
//! keeping its place in the file; where some messages have no time, a warning says so.

use crate::support::write;

/// One turn as a rule hitting its first word sees it: role, speaker, start time and line.
pub type Seen = (String, Option<String>, Option<u64>, u64);

/// The report of `path` checked by a rule that hits every turn's first word: its first
/// conversation's format, turns (in turn order) and warnings, with `args` before the path.
pub fn first_words(path: &std::path::Path, args: &[&str]) -> (String, Vec<Seen>, Vec<String>) {
    let v = crate::vendor_formats::first_word_report(path, args);
    let c = &v["conversations"][0];
    assert!(c.is_object(), "{}", v["errors"]);
    let turns = (c["findings"].as_array().unwrap().iter())
        .map(|f| {
            let (role, speaker, start, line, _) = crate::vendor_formats::turn_seen(f);
            (role, speaker, start, line)
        })
        .collect();
    let warnings = c["warnings"]
        .as_array()
        .map(|w| w.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    (c["format"].as_str().unwrap().to_string(), turns, warnings)
}

fn seen(role: &str, speaker: &str, start: u64, line: u64) -> Seen {
    (role.into(), Some(speaker.into()), Some(start), line)
}

#[test]
fn a_chat_written_newest_first_is_read_oldest_first_from_its_earliest_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "r.json",
        r#"{"messages":[
 {"role":"agent","text":"Please calm down.","timestamp":"2024-05-01T10:00:09Z"},
 {"role":"customer","text":"My order is late.","timestamp":"2024-05-01T10:00:05Z"},
 {"role":"agent","text":"Hi, thanks for contacting us.","timestamp":"2024-05-01T10:00:00Z"}]}"#,
    );
    let (format, turns, warnings) = first_words(&path, &[]);
    assert_eq!(format, "json");
    assert_eq!(
        turns,
        [
            seen("agent", "agent", 0, 4),
            seen("customer", "customer", 5000, 3),
            seen("agent", "agent", 9000, 2),
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn epoch_milliseconds_before_the_first_message_count_from_the_earliest() {
    let dir = tempfile::tempdir().unwrap();
    // A CCAI upload's microseconds and a Connect chat's times, one message out of place.
    let path = write(
        dir.path(),
        "ccai.json",
        r#"{"entries": [
 {"role": "AGENT", "text": "second", "start_timestamp_usec": 1700000002000000},
 {"role": "CUSTOMER", "text": "first", "start_timestamp_usec": 1700000000000000},
 {"role": "AGENT", "text": "third", "start_timestamp_usec": 1700000004500000}]}"#,
    );
    let (_, turns, _) = first_words(&path, &[]);
    let starts: Vec<(Option<u64>, u64)> = turns.iter().map(|t| (t.2, t.3)).collect();
    assert_eq!(starts, [(Some(0), 3), (Some(2000), 2), (Some(4500), 4)]);
}

#[test]
fn zendesk_comments_in_descending_order_take_the_earliest_author_as_the_requester() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "desc.json",
        r#"{"comments": [
 {"author_id": 200, "plain_body": "Please calm down.", "public": true, "created_at": "2024-01-01T00:00:09Z"},
 {"author_id": 100, "plain_body": "My order is late.", "public": true, "created_at": "2024-01-01T00:00:00Z"}]}"#,
    );
    let (format, turns, warnings) = first_words(&path, &[]);
    assert_eq!(format, "zendesk");
    assert_eq!(
        turns,
        [seen("customer", "100", 0, 3), seen("agent", "200", 9000, 2),]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn messages_out_of_order_with_some_untimed_stay_in_file_order_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mixed.json",
        r#"{"messages":[
 {"role":"agent","text":"later","timestamp":"2024-05-01T10:00:09Z"},
 {"role":"customer","text":"untimed"},
 {"role":"agent","text":"earlier","timestamp":"2024-05-01T10:00:00Z"}]}"#,
    );
    let (_, turns, warnings) = first_words(&path, &[]);
    let lines: Vec<u64> = turns.iter().map(|t| t.3).collect();
    assert_eq!(lines, [2, 3, 4]);
    assert_eq!(
        turns[2].2,
        Some(0),
        "counted from the earliest, not clamped"
    );
    assert_eq!(turns[0].2, Some(9000));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("line 4, column 26: this message is earlier than one before it")
            && warnings[0].contains("1 of the 3 messages have no time"),
        "{warnings:?}"
    );
}

#[test]
fn a_csv_written_newest_first_is_read_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "rev.csv",
        "role,text,timestamp\nagent,Bye now,2024-01-01T00:00:09Z\ncustomer,Thanks,2024-01-01T00:00:00Z\n",
    );
    let (_, turns, _) = first_words(&path, &[]);
    assert_eq!(
        turns,
        [
            seen("customer", "customer", 0, 3),
            seen("agent", "agent", 9000, 2),
        ]
    );
}

/// Deepgram utterances listed channel by channel (all of channel 0, then channel 1) are read
/// in time order and each keeps its channel: once sorted, a turn's channel was looked up past
/// its utterance, its speaker left `0`, and every role was unknown.
#[test]
fn deepgram_utterances_listed_by_channel_keep_their_channels_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let utterance = |start: f64, channel: u8, text: &str| {
        format!(
            "{{\"start\":{start},\"end\":{},\"channel\":{channel},\"speaker\":0,\"transcript\":\"{text}\"}}",
            start + 1.0
        )
    };
    let utterances = [
        utterance(0.5, 0, "Thank you for calling"),
        utterance(6.0, 0, "Sure let me check"),
        utterance(3.0, 1, "My order never came"),
        utterance(8.0, 1, "Thanks"),
    ];
    let channels = "[{\"alternatives\":[{\"transcript\":\"\",\"words\":[]}]},{\"alternatives\":[{\"transcript\":\"\",\"words\":[]}]}]";
    let json = format!(
        "{{\"metadata\":{{\"channels\":2}},\"results\":{{\"channels\":{channels},\n\"utterances\":[\n{}\n]}}}}\n",
        utterances.join(",\n")
    );
    let path = write(dir.path(), "dg.json", &json);
    let (_, turns, _) = first_words(&path, &[]);
    assert_eq!(
        turns,
        [
            seen("agent", "ch_0/0", 500, 3),
            seen("customer", "ch_1/0", 3000, 5),
            seen("agent", "ch_0/0", 6000, 4),
            seen("customer", "ch_1/0", 8000, 6),
        ]
    );
}

/// A turn that ends before it starts, in a speech-to-text file, a chat export and a CSV sheet:
/// its end is dropped with a warning at its text, so no silence is measured from it (the
/// customer's turn at 9 s "ending" at 4 s made 6 s of silence before the agent's at 10 s).
#[test]
fn a_turn_that_ends_before_it_starts_loses_its_end_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/dead-air\n    speaker: any\n    timing: {silence_seconds: 5}\n",
    );
    let utterance = |start: f64, end: f64, speaker: u8, text: &str| {
        format!(
            r#"{{"start": {start}, "end": {end}, "speaker": {speaker}, "transcript": "{text}"}}"#
        )
    };
    let deepgram = format!(
        "{{\"results\": {{\"channels\": [], \"utterances\": [\n{},\n{},\n{}]}}}}",
        utterance(0.0, 3.0, 0, "Thank you for calling, how can I help?"),
        utterance(9.0, 4.0, 1, "My bill is wrong."),
        utterance(10.0, 12.0, 0, "Let me check."),
    );
    let chat = r#"{"messages": [
{"role": "agent", "text": "Thank you for calling, how can I help?", "start": 0, "end": 3},
{"role": "customer", "text": "My bill is wrong.", "start": 9, "end": 4},
{"role": "agent", "text": "Let me check.", "start": 10, "end": 12}]}"#;
    let sheet = "speaker,text,start,end\nagent,Thank you for calling,0,3\n\
                 customer,My bill is wrong.,9,4\nagent,Let me check.,10,12\n";
    for (name, body, line, column) in [
        ("call.json", deepgram.as_str(), 3, 53),
        ("chat.json", chat, 3, 31),
        ("sheet.csv", sheet, 3, 10),
    ] {
        let path = write(dir.path(), name, body);
        let (_, v) =
            crate::support::json_report(&["-r", rules.to_str().unwrap(), path.to_str().unwrap()]);
        let c = &v["conversations"][0];
        let silences: Vec<u64> = (c["findings"].as_array().unwrap().iter())
            .filter(|f| f["rule"] == "t/dead-air")
            .map(|f| f["start_ms"].as_u64().unwrap())
            .collect();
        assert_eq!(silences, [9000], "{name}: {c}");
        let want = format!(
            "line {line}, column {column}: this turn ends at 4 s, before it starts at 9 s, so its \
             end is dropped"
        );
        assert!(
            c["warnings"][0].as_str().unwrap().starts_with(&want),
            "{name}: {c}"
        );
    }
}

/// Google Speech-to-Text results without words carry only `resultEndTime`: each starts where the
/// one before ended, and the first at the audio's start, from which those times count (it was
/// untimed).
#[test]
fn the_first_google_result_without_words_starts_at_the_audios_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "stt.json",
        r#"{"results":[
{"alternatives":[{"transcript":"hello how can I help"}],"channelTag":1,"resultEndTime":"2s"},
{"alternatives":[{"transcript":"my order is late"}],"channelTag":2,"resultEndTime":"4s"}]}"#,
    );
    let (format, turns, _) = first_words(&path, &[]);
    let starts: Vec<Option<u64>> = turns.iter().map(|t| t.2).collect();
    assert_eq!(
        (format.as_str(), starts),
        ("google-stt", vec![Some(0), Some(2000)])
    );
}
