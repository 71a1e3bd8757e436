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
    // It said "and that list is not read", which read as the list just named, `comments`.
    let (format, turns, warnings) = first_words(&path, &[]);
    assert_eq!((format.as_str(), turns.len()), ("zendesk", 1));
    assert_eq!(
        warnings,
        [
            "line 1, column 1: this file has `comments` and `messages`, the lists of two kinds of \
          transcript: it is read as zendesk by `comments`, and `messages` is not read; name the \
          shape to read with --input-format"
        ]
    );
    // A shape named is read as named, with no warning.
    let (format, _, warnings) = first_words(&path, &["--input-format", "twilio"]);
    assert_eq!(format, "twilio");
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// A speech-to-text file forced to another vendor's shape that shares its `results` key is an
/// error naming what that shape needs, never an empty transcript skipped with exit 0 (a batch
/// run with a forced shape lost another vendor's calls so).
#[test]
fn a_file_forced_to_another_vendors_speech_shape_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let aws = write(
        dir.path(),
        "aws.json",
        r#"{"results": {"transcripts": [{"transcript": "Calm down."}], "items": [
{"type": "pronunciation", "start_time": "0.0", "end_time": "0.5", "alternatives": [{"content": "Calm"}]}]}}"#,
    );
    let deepgram = write(
        dir.path(),
        "dg.json",
        r#"{"results": {"utterances": [{"start": 0.0, "end": 1.0, "speaker": 0, "transcript": "Calm down."}]}}"#,
    );
    for (path, forced, want) in [
        (
            &aws,
            "deepgram",
            "not a deepgram file: expected `results.channels` or `results.utterances`",
        ),
        (
            &deepgram,
            "aws-transcribe",
            "not an aws-transcribe file: expected `results.items` or",
        ),
        (
            &deepgram,
            "google-stt",
            "not a google-stt file: expected `results` as a list",
        ),
    ] {
        let (code, v) =
            crate::support::json_report(&["--input-format", forced, path.to_str().unwrap()]);
        assert_eq!(code, 2, "{forced}: {v}");
        let errors = crate::support::error_messages(&v);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "{forced}: {errors:?}"
        );
        assert_eq!(
            v["skipped"].as_array().map_or(0, Vec::len),
            0,
            "{forced}: {v}"
        );
    }
}
