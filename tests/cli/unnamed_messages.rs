//! A chat message or Contact Lens item that names no speaker or role (missing or `null`) where
//! the others do takes the default role, meant for text with no speakers at all: said once per
//! conversation, with the first such message and how many. A speech-to-text utterance without a
//! speaker is `unknown` instead, in every reader. A CSV row with an empty speaker cell is warned
//! about alike.

use crate::support::write;
use crate::time_order::first_words;

#[test]
fn a_message_with_a_null_role_among_named_ones_is_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "n.json",
        r#"{"messages": [
 {"role": null, "text": "who am i"},
 {"role": "customer", "text": "My order is late."},
 {"text": "and me"}]}"#,
    );
    let (_, turns, warnings) = first_words(&path, &[]);
    let roles: Vec<&str> = turns.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(roles, ["agent", "customer", "agent"]);
    assert_eq!(
        warnings,
        [
            "line 2, column 26: this message names no speaker or role (none of `role`, `speaker`, \
          `author`, `ParticipantRole`, … or a `null` one) where others do: it is read as the \
          agent's, the role of text with no speakers (--default-role); give it its speaker \
          (… and 1 more message like it)"
        ]
    );
    // With --default-role customer, the warning names that role.
    let (_, _, warnings) = first_words(&path, &["--default-role", "customer"]);
    assert!(
        warnings[0].contains("read as the customer's"),
        "{warnings:?}"
    );
}

#[test]
fn a_contact_lens_item_without_its_participant_role_is_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "tca.json",
        r#"{"Transcript": [
 {"Content": "Thanks for calling.", "BeginOffsetMillis": 0},
 {"ParticipantRole": "CUSTOMER", "Content": "My order is late.", "BeginOffsetMillis": 900}]}"#,
    );
    let (format, _, warnings) = first_words(&path, &[]);
    assert_eq!(format, "aws-call-analytics");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("line 2, column 15: this message names no speaker"));
}

#[test]
fn messages_that_all_name_no_one_are_not_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "s.json",
        r#"[{"text": "Thanks for calling."}, {"text": "How can I help?"}]"#,
    );
    let (_, turns, warnings) = first_words(&path, &[]);
    assert_eq!(turns.len(), 2);
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// Speech-to-text utterances the diariser gave no speaker, among ones it did: each reader makes
/// them `unknown` and says so once, through the role warning (AssemblyAI and Whisper read them
/// as the agent's; Deepgram said "read as the agent's", then made them unknown).
#[test]
fn a_speech_utterance_without_a_speaker_is_unknown_in_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "assemblyai",
            r#"{"id": "a1", "status": "completed", "utterances": [
 {"speaker": "A", "start": 250, "end": 2890, "text": "Thanks for calling."},
 {"start": 2900, "end": 3000, "text": "Calm down."},
 {"speaker": "B", "start": 3100, "end": 5020, "text": "My internet keeps dropping."}]}"#,
        ),
        (
            "deepgram",
            r#"{"metadata": {"request_id": "d1"}, "results": {"channels": [], "utterances": [
 {"start": 0.25, "end": 2.89, "speaker": 0, "transcript": "Thanks for calling."},
 {"start": 2.9, "end": 3.0, "transcript": "Calm down."},
 {"start": 3.1, "end": 5.02, "speaker": 1, "transcript": "My internet keeps dropping."}]}}"#,
        ),
        (
            "whisper",
            r#"{"text": "", "language": "en", "segments": [
 {"start": 0.25, "end": 2.89, "speaker": "SPEAKER_00", "text": "Thanks for calling."},
 {"start": 2.9, "end": 3.0, "text": "Calm down."},
 {"start": 3.1, "end": 5.02, "speaker": "SPEAKER_01", "text": "My internet keeps dropping."}]}"#,
        ),
    ];
    for (format, text) in files {
        let path = write(dir.path(), &format!("{format}.json"), text);
        let (read_as, turns, warnings) = first_words(&path, &[]);
        assert_eq!(read_as, format);
        let roles: Vec<&str> = turns.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(roles, ["agent", "unknown", "customer"], "{format}");
        assert_eq!(
            warnings,
            ["1 of 3 turns name no speaker, so no role: agent and customer rules skip them"],
            "{format}"
        );
        // With none named (an undiarised call), every turn takes the default role, and one
        // warning says that the call was transcribed without speaker labels.
        let unnamed = text.replace(r#""speaker": "#, r#""tag": "#);
        write(dir.path(), &format!("{format}.json"), &unnamed);
        let (_, turns, warnings) = first_words(&path, &[]);
        assert!(turns.iter().all(|t| t.0 == "agent"), "{format}: {turns:?}");
        let undiarised = format!("no turn of this {format} transcript names its speaker");
        assert!(
            warnings.len() == 1 && warnings[0].contains(&undiarised),
            "{format}: {warnings:?}"
        );
    }
}

/// Deepgram utterances of two channels, named by them, and one with neither a speaker nor a
/// channel: that one is no one's too (it was read as the agent's, as if none were named).
#[test]
fn a_deepgram_utterance_without_speaker_or_channel_among_channels_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"metadata": {"request_id": "d2"}, "results": {"channels": [], "utterances": [
 {"start": 0.0, "end": 1.0, "channel": 0, "transcript": "Thanks for calling."},
 {"start": 1.0, "end": 2.0, "channel": 1, "transcript": "My order is late."},
 {"start": 2.0, "end": 3.0, "transcript": "Calm down."}]}}"#;
    let path = write(dir.path(), "dg.json", text);
    let (_, turns, warnings) = first_words(&path, &[]);
    let roles: Vec<&str> = turns.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(roles, ["agent", "customer", "unknown"]);
    assert_eq!(
        warnings,
        ["1 of 3 turns name no speaker, so no role: agent and customer rules skip them"]
    );
}

/// CCAI's `ANY_AGENT` names the agent's side: it was read as no role, with a warning that the
/// turn named no speaker.
#[test]
fn a_ccai_segment_of_any_agent_is_the_agents() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "ccai.json",
        r#"{"transcript": {"transcript_segments": [
 {"text": "How can I help?", "segment_participant": {"role": "ANY_AGENT"}},
 {"text": "My card is blocked.", "segment_participant": {"role": "END_USER"}}]}}"#,
    );
    let (_, turns, warnings) = first_words(&path, &[]);
    let roles: Vec<&str> = turns.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(roles, ["agent", "customer"]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// A CSV row whose speaker cell is empty where other rows name theirs is warned about, as a JSON
/// message is: the customer's words were judged as the agent's in silence.
#[test]
fn a_csv_row_with_an_empty_speaker_cell_among_named_ones_is_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.csv",
        "speaker,text\nAgent,Hello how can I help\n,I am furious\nAgent,Sorry\n,calm down\n",
    );
    let (_, turns, warnings) = first_words(&path, &[]);
    let roles: Vec<&str> = turns.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(roles, ["agent", "agent", "agent", "agent"]);
    assert_eq!(
        warnings,
        [
            "line 3, column 2: this row's speaker and role cells are empty where other rows name \
          theirs: it is read as the agent's, the role of text with no speakers (--default-role); \
          give it its speaker (… and 1 more row like it)"
        ]
    );
    // A file whose rows all name no one is text with no speakers: nothing to say.
    let path = write(dir.path(), "d.csv", "speaker,text\n,Hello\n,hi\n");
    assert!(first_words(&path, &[]).2.is_empty());
}

/// The speaker's keys of other chat tools (LivePerson's `sentBy`, a `sender_type`, Messenger's
/// `sender_name`) and role words (`Consumer`, `HumanAgent`, `EndUser`) were read as no speaker,
/// so the customer's words were the agent's, with no word; CSV reads those columns alike.
#[test]
fn other_chat_tools_speaker_keys_and_role_words_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/calm\n    speaker: any\n    max_hits: 9\n    phrases: [calm down]\n",
    );
    let roles = |path: &std::path::Path| -> Vec<String> {
        let v = crate::support::pack_report(Some(&rules), path);
        let c = &v["conversations"][0];
        (c["findings"].as_array().unwrap().iter())
            .filter(|f| f["rule"] == "t/calm")
            .map(|f| f["role"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    for (key, customer, agent) in [
        ("sentBy", "Consumer", "Agent"),
        ("sender_type", "EndUser", "HumanAgent"),
        ("actorType", "customer", "agent"),
        ("role", "End User", "Human Agent"),
    ] {
        let chat = format!(
            "[{{\"{key}\": \"{customer}\", \"text\": \"calm down, you said?\"}},\n\
             {{\"{key}\": \"{agent}\", \"text\": \"Please calm down.\"}}]"
        );
        let path = write(dir.path(), "chat.json", &chat);
        assert_eq!(roles(&path), ["customer", "agent"], "{key}");
        let csv =
            format!("{key},text\n{customer},\"calm down, you said?\"\n{agent},Please calm down.\n");
        let path = write(dir.path(), "chat.csv", &csv);
        assert_eq!(roles(&path), ["customer", "agent"], "{key} in CSV");
    }
}
