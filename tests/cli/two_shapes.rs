//! A JSON file that holds the turn lists of two shapes (`messages` and `comments`): read as the
//! one the keys choose first, with a warning naming both and the list not read.

use crate::support::write;
use crate::time_order::first_words;

#[test]
fn a_file_with_messages_and_comments_warns_which_list_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "two.json",
        r#"{"messages":[{"role":"agent","text":"calm down"}],"comments":[{"author_id":1,"plain_body":"hello","public":true}]}"#,
    );
    let (format, turns, warnings) = first_words(&path, &[]);
    assert_eq!((format.as_str(), turns.len()), ("zendesk", 1));
    assert_eq!(
        warnings,
        [
            "line 1, column 1: this file has `comments` and `messages`, the lists of two kinds of \
          transcript: it is read as zendesk by `comments`, and that list is not read; name the \
          shape to read with --input-format"
        ]
    );
    // A shape named is read as named, with no warning.
    let (format, _, warnings) = first_words(&path, &["--input-format", "twilio"]);
    assert_eq!(format, "twilio");
    assert!(warnings.is_empty(), "{warnings:?}");
}
