//! A chat message or Contact Lens item that names no speaker or role (missing or `null`) where
//! the others do takes the default role, meant for text with no speakers at all: said once per
//! conversation, with the first such message and how many.

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
