//! JSON transcripts whose values have another type than expected: a message's text that is no
//! text is an error at its value (it used to be left out unchecked), and a time written as a
//! string of digits is read as the number it holds; a `.jsonc` file's comments are read as
//! spaces.

use crate::support::{json_report, write};

#[test]
fn a_text_that_is_no_text_is_an_error_at_its_value() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, place, what) in [
        (
            "n.json",
            r#"[{"role":"agent","text":42}]"#,
            "line 1, column 25",
            "a number",
        ),
        (
            "b.jsonl",
            "{\"role\":\"agent\",\"text\":\"hi\"}\n{\"role\":\"agent\",\"text\":true}\n",
            "line 2, column 24",
            "true or false",
        ),
        (
            "o.json",
            r#"{"messages":[{"role":"agent","content":{"say":"calm down"}}]}"#,
            "line 1, column 40",
            "an object",
        ),
        (
            "l.json",
            r#"[{"role":"agent","text":["calm down", 7]}]"#,
            "line 1, column 39",
            "a number",
        ),
    ] {
        let path = write(dir.path(), name, text);
        let (code, v) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {v}");
        let message = v["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(&format!(
                "{place}: a message's text is {what}, not a string"
            )),
            "{name}: {message}"
        );
    }
}

#[test]
fn lists_of_strings_and_content_parts_are_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "parts.json",
        r#"{"messages":[{"role":"agent","text":["That is not my department."]},
            {"role":"agent","content":[{"type":"image"},{"type":"text","text":"Please calm down."}]}]}"#,
    );
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let rules: Vec<&str> = (v["conversations"][0]["findings"].as_array().unwrap().iter())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"ownership/not-my-department"), "{rules:?}");
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
}

#[test]
fn a_time_written_as_a_string_of_digits_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/late\n    speaker: any\n    phrases: [hello]\n    window: {between_seconds: [5, 10]}\n",
    );
    let call = write(
        dir.path(),
        "cl.json",
        r#"{"Transcript":[{"ParticipantId":"AGENT","Content":"hi","BeginOffsetMillis":"0","EndOffsetMillis":"1000"},
            {"ParticipantId":"AGENT","Content":"hello","BeginOffsetMillis":"6000","EndOffsetMillis":"7000"}]}"#,
    );
    let v = crate::support::pack_report(Some(&rules), &call);
    let c = &v["conversations"][0];
    assert_eq!(c["not_applied"], serde_json::Value::Null, "{c}");
    assert_eq!(crate::support::finding(c, "t/late")["turn"], 2);
}

/// A `.jsonc` file's comments are read as spaces: its JSON is read, and places are the file's.
#[test]
fn json_with_comments_is_read_around_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "chat.jsonc",
        "// exported chat\n[\n  /* first */ {\"role\": \"agent\", \"text\": \"Please calm down.\"} // rude\n]\n",
    );
    let (code, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1, "{v}");
    let f = crate::support::finding(&v["conversations"][0], "respect/calm-down");
    assert_eq!((&f["line"], &f["column"]), (&3.into(), &49.into()), "{v}");
}
