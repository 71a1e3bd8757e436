//! Inputs of a shape that once took quadratic time, each made large enough (made here, not
//! kept in the repository) that the old reading took minutes, where a linear one takes seconds:
//! a new speaker name on every line, an HTML body of `<` with no `>`, and a directive on every
//! line. No timing is asserted (a shared machine makes timed tests flaky): a test that runs for
//! minutes is the failure. Each report is checked, so the input was read as meant.

use crate::support::{pack_report, write};
use serde_json::Value;

/// The default pack's JSON report on `name` holding `text`: its one conversation.
fn conversation(name: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    pack_report(None, &path)["conversations"][0].clone()
}

#[test]
fn a_new_speaker_name_on_every_line_is_read_in_linear_time() {
    let n = 150_000;
    let lines: String = (0..n).map(|i| format!("Person{i}: hello\n")).collect();
    let c = conversation("names.txt", &lines);
    assert_eq!(
        (c["turns"].as_u64(), c["unknown_turns"].as_u64()),
        (Some(n), Some(n))
    );
    // Otter's headers, each a new name, its text on the line below.
    let headers: String = (0..n)
        .map(|i| {
            format!(
                "Person{i}  {}:{:02}:{:02}\nhello\n",
                i / 3600,
                i / 60 % 60,
                i % 60
            )
        })
        .collect();
    let c = conversation("otter.txt", &headers);
    assert_eq!(c["turns"].as_u64(), Some(n), "one turn per header");
}

#[test]
fn an_html_body_of_brackets_never_closed_is_read_in_linear_time() {
    let said = "that's not my department";
    // After the paragraph's tag, no `>`: each `<` once looked for one to the end.
    let body = format!(
        "<p>{}{}{said}",
        "<".repeat(1_000_000),
        "<!--".repeat(250_000)
    );
    let part =
        serde_json::json!({"part_type": "comment", "body": body, "author": {"type": "admin"}});
    let export = serde_json::json!({
        "type": "conversation",
        "conversation_parts": {"conversation_parts": [part]},
    })
    .to_string();
    let c = conversation("intercom.json", &export);
    let f = crate::support::finding(&c, "ownership/closed-door");
    // A `<` with no `>` after it is text, there in the source.
    let column = export.find(said).unwrap() + 1;
    assert_eq!(f["match"], said, "{f}");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(column as u64)),
        "{f}"
    );
}
