//! Genesys and Intercom times written as strings (`"1700000003000"`), which chat JSON, Contact
//! Lens and CCAI already read: a whole file failed on one. An error in a shape the keys chose
//! names that shape.

use crate::support::{JSON_CHECK, error_messages, run, talklint, write};
use crate::time_order::first_words;

#[test]
fn genesys_times_written_as_strings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "g.json",
        r#"{"conversationStartTime": "1700000000000", "transcripts": [{"phrases": [
 {"text": "Please calm down.", "participantPurpose": "internal", "startTimeMs": "1700000003000", "duration": {"milliseconds": "800"}},
 {"text": "My order is late.", "participantPurpose": "external", "startTimeMs": 1700000001000, "duration": {"milliseconds": ""}}]}]}"#,
    );
    let (format, turns, _) = first_words(&path, &[]);
    assert_eq!(format, "genesys");
    let seen: Vec<(&str, Option<u64>, u64)> =
        turns.iter().map(|t| (t.0.as_str(), t.2, t.3)).collect();
    assert_eq!(
        seen,
        [("customer", Some(1000), 3), ("agent", Some(3000), 2)]
    );
}

/// A Genesys phrase whose `text` is empty and whose `decoratedText` holds its words is read by
/// them (it was a turn of no words), and one with neither is passed over.
#[test]
fn a_genesys_phrase_with_only_decorated_text_is_read_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "g.json",
        r#"{"transcripts": [{"phrases": [
 {"text": "", "decoratedText": "Please calm down.", "participantPurpose": "internal", "startTimeMs": 1000},
 {"text": " ", "participantPurpose": "external", "startTimeMs": 2000},
 {"decoratedText": "My order is late.", "participantPurpose": "external", "startTimeMs": 3000}]}]}"#,
    );
    let (format, turns, _) = first_words(&path, &[]);
    assert_eq!(format, "genesys");
    let seen: Vec<(&str, Option<u64>, u64)> =
        turns.iter().map(|t| (t.0.as_str(), t.2, t.3)).collect();
    assert_eq!(seen, [("agent", Some(0), 2), ("customer", Some(2000), 4)]);
}

#[test]
fn intercom_times_written_as_strings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "i.json",
        r#"{"created_at": "1700000000",
 "source": {"body": "<p>My order is late.</p>", "author": {"type": "user", "name": "Ann"}},
 "conversation_parts": {"conversation_parts": [
  {"part_type": "comment", "body": "<p>Please calm down.</p>", "author": {"type": "admin", "name": "Sam"}, "created_at": "1700000004"}]}}"#,
    );
    let (format, turns, _) = first_words(&path, &[]);
    assert_eq!(format, "intercom");
    let seen: Vec<(&str, Option<u64>)> = turns.iter().map(|t| (t.0.as_str(), t.2)).collect();
    assert_eq!(seen, [("customer", Some(0)), ("agent", Some(4000))]);
}

#[test]
fn a_time_that_is_no_number_is_an_error_naming_the_shape_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "g.json",
        r#"{"transcripts": [{"phrases": [{"text": "hi", "startTimeMs": "soon"}]}]}"#,
    );
    let (_, out, _) = run(talklint().args(JSON_CHECK).arg(&path));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = error_messages(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("line 1, column ")
            && errors[0].contains(
                "invalid value: string \"soon\", expected a number, or a string that holds one"
            )
            && errors[0].contains("(a `genesys` file by its keys)"),
        "{errors:?}"
    );
}
