//! Files of one format read as another, or written in a dialect: a `;`-separated CSV (Excel's
//! where the comma is the decimal mark) is read so, and an SRT file forced through the JSON
//! reader is said not to look like JSON, not to have a stray bracket; a trailing comma in JSON is
//! named at the comma, in JSON Lines too. Deepgram's `results` saved alone is Deepgram's, and AWS
//! channels named only in `channel_labels` part the speakers. A `;` CSV's seconds may have a
//! decimal comma. Another format named `.json` says which reader to use.

use crate::support::{JSON_CHECK, error_messages, run, talklint, write};
use crate::time_order::first_words;

#[test]
fn a_semicolon_separated_csv_is_read_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "semi.csv",
        "\u{feff}Conversation ID;Sender Type;Message;Created At;Extra\n\
         c1;customer;hello, there;2024-01-01 10:00:00;x\n\
         c1;agent;\"please; calm down\";2024-01-01 10:00:05;y\n",
    );
    let (format, turns, _) = first_words(&path, &[]);
    assert_eq!(format, "csv");
    let seen: Vec<(&str, Option<u64>, u64)> =
        turns.iter().map(|t| (t.0.as_str(), t.2, t.3)).collect();
    assert_eq!(seen, [("customer", Some(0), 2), ("agent", Some(5000), 3)]);
    // A comma inside a quoted header field leaves it `;`-separated (it was read as commas).
    let quoted = write(
        dir.path(),
        "quoted.csv",
        "\"Sender, Type\";Message\ncustomer;hello, there\nagent;please calm down\n",
    );
    let (format, turns, _) = first_words(&quoted, &[]);
    assert_eq!((format.as_str(), turns.len()), ("csv", 2), "{turns:?}");
}

#[test]
fn srt_read_as_json_does_not_look_like_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nCustomer: help\n",
    );
    let (_, out, _) = run(talklint()
        .args(JSON_CHECK)
        .args(["--input-format", "json"])
        .arg(&path));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        error_messages(&report),
        [
            "line 2, column 1: this file does not look like JSON: it opens with `1`, a bare value, \
          and text follows it; if it is another format (SRT captions open with a cue number), \
          name that format with --input-format (read as json)"
        ]
    );
}

/// A comma before a closing bracket, as hand edits leave one: the error stands at the comma and
/// says to remove it (serde_json said at the bracket that a value, or a key, was expected), and a
/// comment in JSON on standard input names the flag that reads it as `.jsonc`.
#[test]
fn a_trailing_comma_is_named_at_the_comma() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(
        dir.path(),
        "list.json",
        "{\"messages\": [\n  {\"role\": \"agent\", \"text\": \"hi\"},\n]}\n",
    );
    let object = write(
        dir.path(),
        "object.json",
        "{\"messages\": [{\"role\": \"agent\", \"text\": \"hi\",}]}\n",
    );
    // In JSON Lines, at the comma of its line, its column in characters.
    let lines = write(
        dir.path(),
        "lines.jsonl",
        "{\"role\": \"agent\", \"text\": \"hi\"}\n{\"role\": \"agent\", \"text\": \"hé\",}\n",
    );
    let (_, out, _) = run(talklint().args(JSON_CHECK).args([&list, &object, &lines]));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        error_messages(&report),
        [
            "line 2, column 34: a comma before the `]` at line 3, column 1, with nothing after it: \
             JSON allows no trailing comma; remove it (read as json)",
            "line 1, column 45: a comma before the `}` at line 1, column 46, with nothing after \
             it: JSON allows no trailing comma; remove it (read as json)",
            "line 2, column 31: a comma before the `}` at line 2, column 32, with nothing after \
             it: JSON allows no trailing comma; remove it (read as jsonl); the other lines were \
             read",
        ]
    );
    let (_, out, _) = run(talklint()
        .args(JSON_CHECK)
        .args(["--input-format", "json", "-"])
        .write_stdin("{\"messages\": [] // none\n}"));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = error_messages(&report);
    assert!(
        errors[0].contains("(on standard input, --stdin-filename NAME.jsonc)"),
        "{errors:?}"
    );
}

/// Deepgram's `results` object saved on its own (its `channels` beside its `utterances`, or
/// utterances that write `transcript`) is Deepgram's, in seconds: it was read as AssemblyAI's,
/// whose times are milliseconds, so 0.5 s was 1 ms. AssemblyAI's own stay AssemblyAI's.
#[test]
fn deepgram_results_saved_alone_are_read_as_deepgram_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let utterances = r#"[{"start": 0.5, "end": 2.0, "transcript": "hello how can I help", "speaker": 0},
 {"start": 2.5, "end": 4.0, "transcript": "my card is blocked", "speaker": 1}]"#;
    let alone = format!("{{\"utterances\": {utterances}}}");
    let with_channels = format!(
        "{{\"channels\": [{{\"alternatives\": [{{\"transcript\": \"x\", \"words\": []}}]}}], \
         \"utterances\": {utterances}}}"
    );
    for (name, text) in [("alone.json", alone), ("results.json", with_channels)] {
        let path = write(dir.path(), name, &text);
        let (format, turns, _) = first_words(&path, &[]);
        let starts: Vec<Option<u64>> = turns.iter().map(|t| t.2).collect();
        assert_eq!(
            (format.as_str(), starts),
            ("deepgram", vec![Some(500), Some(2500)]),
            "{name}"
        );
    }
    let assembly = write(
        dir.path(),
        "aai.json",
        r#"{"utterances": [{"start": 500, "end": 2000, "text": "hello", "speaker": "A"}]}"#,
    );
    let (format, turns, _) = first_words(&assembly, &[]);
    assert_eq!((format.as_str(), turns[0].2), ("assemblyai", Some(500)));
}

/// AWS Transcribe with channel identification, as AWS's own example writes it: the top-level
/// `items` name no channel, `channel_labels` does. Each item takes the channel its time has
/// there: the call was one turn of both sides, with a warning that it named no speaker.
#[test]
fn aws_channels_named_only_in_channel_labels_part_the_speakers() {
    let item = |start: &str, end: &str, word: &str| {
        format!(
            r#"{{"start_time": "{start}", "end_time": "{end}", "alternatives": [{{"content": "{word}"}}], "type": "pronunciation"}}"#
        )
    };
    let (hello, late) = (item("0.5", "0.9", "Hello"), item("2.5", "2.9", "late"));
    let text = format!(
        r#"{{"results": {{"items": [{hello}, {late}],
 "channel_labels": {{"number_of_channels": 2, "channels": [
  {{"channel_label": "ch_0", "items": [{hello}]}},
  {{"channel_label": "ch_1", "items": [{late}]}}]}}}}}}"#
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "aws.json", &text);
    let (format, turns, warnings) = first_words(&path, &[]);
    let speakers: Vec<(&str, Option<&str>)> = turns
        .iter()
        .map(|t| (t.0.as_str(), t.1.as_deref()))
        .collect();
    assert_eq!(format, "aws-transcribe");
    assert_eq!(
        speakers,
        [("agent", Some("ch_0")), ("customer", Some("ch_1"))]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// Seconds written with a decimal comma in a `;`-separated CSV, as Excel writes them where the
/// comma is the decimal mark: they were left unread, the turns untimed, with a warning.
#[test]
fn decimal_comma_seconds_in_a_semicolon_csv_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "semi.csv",
        "speaker;text;start\nAgent;Hola que tal;1,5\nCustomer;bien;3,25\n",
    );
    let (format, turns, warnings) = first_words(&path, &[]);
    let starts: Vec<Option<u64>> = turns.iter().map(|t| t.2).collect();
    assert_eq!(
        (format.as_str(), starts),
        ("csv", vec![Some(1500), Some(3250)])
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// WebVTT, a text transcript or CSV in a file named `.json` says what it looks like and how to
/// read it: each said "expected a JSON value: a string, number, …", naming no reader.
#[test]
fn another_format_named_json_says_which_reader_to_use() {
    let dir = tempfile::tempdir().unwrap();
    for (text, hint) in [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>hi</v>\n",
            "it opens with `WEBVTT`; it looks like WebVTT captions: name the file `.vtt`, or read \
             it with --input-format vtt",
        ),
        (
            "Agent: hi\nCustomer: yo\n",
            "it opens with `Agent: hi`; if it is a text transcript (`Agent: …`), name the file \
             `.txt`, or read it with --input-format text",
        ),
        (
            "role,text\nagent,hi\n",
            "it opens with `role,text`; if it is CSV, name the file `.csv`, or read it with \
             --input-format csv",
        ),
    ] {
        let path = write(dir.path(), "call.json", text);
        let (_, out, _) = run(talklint().args(JSON_CHECK).arg(&path));
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let expected =
            format!("line 1, column 1: this file does not look like JSON: {hint} (read as json)");
        assert_eq!(error_messages(&report), [expected]);
    }
}

/// `{"messages": [[…]]}` is a chat whose messages are lists, which its error says: it was called a
/// Twilio file, though it has neither `meta` nor a `conversation_sid` (a list was read as a
/// message whose first field is the sid).
#[test]
fn a_chat_of_nested_lists_is_no_twilio_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "m.json",
        r#"{"messages":[[{"role":"agent","text":"hi"}]]}"#,
    );
    let (_, out, _) = run(talklint().args(JSON_CHECK).arg(&path));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        error_messages(&report),
        ["line 1, column 13: invalid type: sequence, expected a message object (read as json)"]
    );
}

/// CSV with no extension to say so (standard input, a file named `export`) is read as CSV when
/// its header names a text column and a speaker's, as JSON and WebVTT are read by their
/// content: piped in, a chat export was one turn of text, its header and rows together, and
/// passed. A text transcript whose first line holds commas stays text.
#[test]
fn csv_on_standard_input_is_read_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "conversation_id,role,speaker,message\nc-1,customer,Ben,where is it?\n\
               c-1,agent,Ria,\"That's not my department, sorry.\"\n";
    let path = write(dir.path(), "export", csv);
    let (file_code, from_file, _) = run(talklint().args(JSON_CHECK).arg(&path));
    let (code, piped, _) = run(talklint().args(JSON_CHECK).arg("-").write_stdin(csv));
    assert_eq!(code, file_code);
    for out in [from_file, piped] {
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let c = &report["conversations"][0];
        assert_eq!(
            (&c["format"], &c["id"]),
            (&"csv".into(), &"c-1".into()),
            "{report}"
        );
        assert_eq!(
            c["findings"][0]["rule"], "ownership/closed-door",
            "{report}"
        );
    }
    let text = "Agent: Hello, thanks for calling, how can I help?\nCustomer: hi\n";
    let (_, out, _) = run(talklint().args(JSON_CHECK).arg("-").write_stdin(text));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["conversations"][0]["format"], "text", "{report}");
}
