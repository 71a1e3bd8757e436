//! Config `roles:`: labels match speakers in any case and spacing, and a label no speaker can
//! have is refused where it is written.

use crate::support::*;
use serde_json::json;

/// A label of `roles:` matches a speaker written in another case or with doubled spaces, as
/// `Sarah  Lee` in a chat export, and `Weiß` written `WEISS` or `Weiss`.
#[test]
fn roles_match_a_label_in_any_case_and_spacing() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "talklint.yaml",
        "roles: {agent: [\"sarah LEE\"], customer: [Ben]}\n",
    );
    let chat = r#"[{"speaker": "Ben", "text": "hi"}, {"speaker": "Sarah  Lee", "text": "hello Ben"},
                  {"speaker": "Ben", "text": "thanks"}]"#;
    write(dir.path(), "c.json", chat);
    let (_, v) = json_report_in(dir.path(), &["--exit-zero", "c.json"]);
    let c = &v["conversations"][0];
    assert_eq!(
        (&c["unknown_turns"], &c["agent"]),
        (&json!(0), &json!("Sarah  Lee")),
        "{c}"
    );
    // Case folded as words are: `ß` is `ss` (`JÖRG WEISS` = `Jörg Weiß`, as `STRASSE` = `straße`).
    write(
        dir.path(),
        "talklint.yaml",
        "roles: {agent: [\"Jörg Weiß\"], customer: [Anna]}\n",
    );
    let text = "Anna: hallo\nJÖRG WEISS: guten Tag\nAnna: danke\nJörg Weiss: bitte\n";
    write(dir.path(), "c.txt", text);
    let (_, v) = json_report_in(dir.path(), &["--exit-zero", "c.txt"]);
    let c = &v["conversations"][0];
    assert_eq!(
        (&c["unknown_turns"], &c["agent"]),
        (&json!(0), &json!("JÖRG WEISS")),
        "{c}"
    );
}

/// A label that can match no speaker was read without a word: `Sarah:` (the colon is the
/// transcript's, not the name's) and an empty one.
#[test]
fn roles_that_can_match_no_speaker_are_refused_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Sarah: hello\n");
    for config in [
        "roles:\n  customer: \"\"\n",
        "roles:\n  customer: \":\"\n",
        "roles:\n  customer: \"::\"\n",
    ] {
        write(dir.path(), "talklint.yaml", config);
        let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
        assert_eq!(code, 2, "{config}: {err}");
        assert!(err.contains("talklint.yaml:2:13:"), "{config}: {err}");
        assert!(
            err.contains("write the label as the transcript names the speaker"),
            "{config}: {err}"
        );
    }
}

/// A label written with its colon (`Sarah:`) names the speaker of a text transcript's `Sarah:`
/// label and of a CSV speaker cell that keeps the colon: it was refused for a while, and before
/// that it matched the text's speaker never, without a word.
#[test]
fn a_label_written_with_its_colon_names_the_speaker_either_way() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Sarah: hello, how can I help?\nBob: my bill\n",
    );
    write(
        dir.path(),
        "b.csv",
        "speaker,text\nSarah:,hello\nBob:,my bill\n",
    );
    write(
        dir.path(),
        "talklint.yaml",
        "roles:\n  agent: [\"Sarah:\"]\n  customer: [\"Bob:\"]\n",
    );
    let (_, v) = crate::support::json_report_in(dir.path(), &["--exit-zero", "a.txt", "b.csv"]);
    for c in v["conversations"].as_array().unwrap() {
        assert_eq!(c["unknown_turns"], 0, "{c}");
        assert!(c.get("agent_guessed").is_none(), "{c}");
    }
    write(
        dir.path(),
        "talklint.yaml",
        "roles:\n  agent: [\"Sarah:\"]\n  customer: [sarah]\n",
    );
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("also listed under `agent`, as `Sarah:`"),
        "{err}"
    );
    assert!(
        err.contains("`Sarah:` under `agent` or `sarah` under `customer`"),
        "{err}"
    );
}

/// A chat of two names whose agent `roles:` names: the other speaker is the customer, whatever
/// the name (it was unknown, with a warning asking to list every customer, so the customer's
/// turns went unread by customer rules), and nothing is guessed.
#[test]
fn the_speaker_beside_a_named_agent_is_the_customer() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "chat.json",
        r#"[{"speaker": "Carlos Ruiz", "text": "This is ridiculous, I am so frustrated with you."},
            {"speaker": "Maria Lopez", "text": "Sorry to hear that."},
            {"speaker": "Carlos Ruiz", "text": "thanks"}]"#,
    );
    write(
        dir.path(),
        "talklint.yaml",
        "roles:\n  agent: [maria lopez]\n",
    );
    let (_, v) = crate::support::json_report_in(dir.path(), &["--exit-zero", "chat.json"]);
    let c = &v["conversations"][0];
    assert_eq!(c["unknown_turns"], 0, "{c}");
    assert!(
        c.get("warnings").is_none() && c.get("agent_guessed").is_none(),
        "{c}"
    );
    let roles: Vec<&str> = (c["findings"].as_array().unwrap().iter())
        .filter_map(|f| f["role"].as_str())
        .collect();
    assert!(roles.contains(&"customer"), "{c}");
    // The system's messages are no third speaker; an agent found beside a named customer is a
    // guess, and is counted as one (a bot the labels do not name may be the one).
    let chats = r#"{"conversation_id": "c1", "speaker": "System", "text": "Chat started."}
{"conversation_id": "c1", "speaker": "Agent", "text": "Hi, how can I help?"}
{"conversation_id": "c1", "speaker": "Ben", "text": "my order is late"}
{"conversation_id": "c2", "speaker": "Ava Bot", "text": "Hello!"}
{"conversation_id": "c2", "speaker": "Customer", "text": "agent please"}
"#;
    write(dir.path(), "chats.jsonl", chats);
    let (_, v) =
        crate::support::json_report_in(dir.path(), &["--no-config", "--exit-zero", "chats.jsonl"]);
    let c = &v["conversations"];
    assert_eq!(
        (&c[0]["unknown_turns"], c[0].get("agent_guessed")),
        (&0.into(), None),
        "{c}"
    );
    assert_eq!(
        (&c[1]["unknown_turns"], &c[1]["agent_guessed"]),
        (&0.into(), &true.into()),
        "{c}"
    );
}
