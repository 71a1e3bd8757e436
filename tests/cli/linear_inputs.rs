//! Inputs of a shape that once took quadratic time, each made large enough (made here, not
//! kept in the repository) that the old reading took minutes, where a linear one takes seconds:
//! a new speaker name on every line, an HTML body of `<` with no `>`, a directive on every
//! line, `&#` with no `;`, captions with no blank line between them, a message of many text
//! parts, many directives or fixes on one line, a long call labelled turn by turn and a rule
//! file of many rules. No timing is asserted (a shared machine makes timed tests flaky): a test
//! that runs for minutes is the failure. Each report is checked, so the input was read as meant.

use crate::support::{pack_report, run, talklint, write};
use serde_json::Value;

/// The default pack's CSV report on `name` holding `text`: its one row, by column name.
fn csv_row(name: &str, text: &str) -> std::collections::HashMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "csv", "--exit-zero"])
        .args(["--warn-unused-ignores"])
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("unused directive"), "every directive is used");
    let mut lines = out.lines();
    let header = lines.next().unwrap().split(',');
    let row: Vec<_> = lines.collect();
    assert_eq!(row.len(), 1, "{out}");
    header
        .map(str::to_string)
        .zip(row[0].split(',').map(str::to_string))
        .collect()
}

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

#[test]
fn a_disable_on_every_line_is_read_in_linear_time() {
    // Each `disable` left open to the end, each line a finding of a rule none turns off.
    let n = 100_000;
    let mut text = "# talklint: disable ownership\nAgent: calm down, not my department\n".repeat(n);
    text.push_str("# talklint: enable ownership\nAgent: that's not my department\n");
    let row = csv_row("disabled.txt", &text);
    assert_eq!(row["respect"], n.to_string(), "{row:?}");
    assert_eq!(
        row["ownership"], "1",
        "only the line after the enable: {row:?}"
    );
}

#[test]
fn an_ignore_on_every_line_of_a_script_is_read_in_linear_time() {
    // A script without labels: each `ignore` covers the next line that is not a directive.
    let n = 200_000;
    let mut text = "# talklint: ignore ownership\n".repeat(n);
    text.push_str("That's not my department, calm down.\n");
    let row = csv_row("script.txt", &text);
    assert_eq!(
        (row["ownership"].as_str(), row["respect"].as_str()),
        ("0", "1"),
        "{row:?}"
    );
}

#[test]
fn character_references_never_closed_are_read_in_linear_time() {
    // Each `&#` once looked for its `;` to the end of the turn.
    let text = format!("Agent: calm down {}\n", "&#".repeat(1_000_000));
    let c = conversation("refs.md", &text);
    assert_eq!(crate::support::finding(&c, "respect/calm-down")["line"], 1);
}

#[test]
fn captions_with_no_blank_line_between_them_are_read_in_linear_time() {
    // Each cue under another once copied the rest of the file out and back.
    let n = 200_000;
    let cues: String = (0..n)
        .map(|i| {
            let (h, m, s) = (i / 3600, i / 60 % 60, i % 60);
            let who = ["Agent", "Customer"][i % 2];
            format!(
                "{}\n{h:02}:{m:02}:{s:02},000 --> {h:02}:{m:02}:{s:02},500\n{who}: hi\n",
                i + 1
            )
        })
        .collect();
    let c = conversation("cues.srt", &cues);
    assert_eq!(c["turns"].as_u64(), Some(n as u64), "one turn per cue");
}

#[test]
fn a_message_of_many_text_parts_is_read_in_linear_time() {
    // Each part once went through every part read before it.
    let mut parts = vec![serde_json::json!({"type": "text", "text": "hello"}); 400_000];
    parts.push(serde_json::json!({"type": "text", "text": "calm down"}));
    let chat = serde_json::json!({"messages": [{"role": "agent", "content": parts}]});
    let c = conversation("parts.json", &chat.to_string());
    let f = crate::support::finding(&c, "respect/calm-down");
    assert_eq!(
        (f["match"].as_str(), f["turn"].as_u64()),
        (Some("calm down"), Some(1)),
        "{f}"
    );
}

#[test]
fn directives_by_the_thousand_on_one_line_are_read_in_linear_time() {
    // Each directive's column was counted from the line's start, and each `talklint:` looked
    // through every directive of the line.
    let text = format!(
        "Agent: calm down, no problem {}\n",
        "<!-- talklint: ignore respect -->".repeat(200_000)
    );
    let c = conversation("many.txt", &text);
    let rules: Vec<&str> = (c["findings"].as_array().unwrap().iter())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"respect/calm-down"), "{rules:?}");
    assert!(rules.contains(&"enthusiasm/no-problem"), "{rules:?}");
}

#[test]
fn fixes_by_the_thousand_on_one_line_are_made_in_linear_time() {
    // Each fix once searched the line back to its start to know whether it opens a sentence,
    // and `--diff` rendered a report no one saw.
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "one.txt",
        &format!("Agent: {}\n", "No problem, ".repeat(300_000)),
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("+Agent: My pleasure, My pleasure, "), "{err}");
    assert_eq!(out.matches("My pleasure").count(), 300_000);
}

#[test]
fn a_long_call_labelled_turn_by_turn_is_evaluated_in_linear_time() {
    // Each label row once looked through every finding of its conversation.
    let n = 300_000;
    let dir = tempfile::tempdir().unwrap();
    let call: String = (0..n)
        .map(|i| ["Agent: calm down\n", "Customer: ok\n"][i % 2])
        .collect();
    write(dir.path(), "call.txt", &call);
    let rows: String = (1..=n)
        .map(|t| format!("call.txt,{t},{}\n", t % 2))
        .collect();
    write(
        dir.path(),
        "labels.csv",
        &format!("path,turn,respect/calm-down\n{rows}"),
    );
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "eval",
        "--no-config",
        "--labels",
        "labels.csv",
        "call.txt",
    ]));
    assert_eq!(code, 0, "{err}");
    let (all, half) = (n.to_string(), (n / 2).to_string());
    let row: Vec<&str> = out
        .lines()
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let counts = ["turn", &all, &half, &half, &half, "0", "0"];
    assert_eq!(
        row[1..8],
        counts,
        "labelled, positive, predicted, TP, FP, FN:\n{out}"
    );
}

#[test]
fn a_rule_file_of_many_rules_is_loaded_in_linear_time() {
    // Each rule's line was counted from the file's start.
    let n = 60_000;
    let rules: String = (0..n)
        .map(|i| format!("  - id: t/r{i}\n    phrases: [\"word{i} thing\"]\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "many.yaml", &format!("rules:\n{rules}"));
    let (code, out, err) = run(talklint()
        .args(["rules", "--no-config", "--format", "json", "-r"])
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    let listed: Value = serde_json::from_str(&out).unwrap();
    let last = &listed[n - 1];
    assert_eq!(last["id"], format!("t/r{}", n - 1), "{last}");
    // Placed at its own line: the id of rule k (from 0) is on line 2 + 2k.
    let origin = last["origin"].as_str().unwrap_or_default();
    assert!(
        origin.ends_with(&format!("many.yaml:{}:9", 2 * n)),
        "{last}"
    );
}
