//! Twilio Conversations messages: told apart by `conversation_sid` as `--help` says, with or
//! without the page's `meta`, and every identity other than the customer's address an agent.

use crate::support::write;
use crate::time_order::first_words;

/// A Twilio message by `author` saying `body`, `at` seconds in.
fn message(author: &str, body: &str, at: u32) -> String {
    format!(
        r#"{{"sid":"IM{at}","conversation_sid":"CH1","author":"{author}","body":"{body}","date_created":"2024-01-01T00:00:{at:02}Z"}}"#
    )
}

/// (role, speaker) of each turn of `messages` in a Twilio page, with `meta` when `meta` says.
fn roles(messages: &[String], meta: bool) -> (String, Vec<(String, Option<String>)>) {
    let dir = tempfile::tempdir().unwrap();
    let meta = if meta { r#","meta":{"page":0}"# } else { "" };
    let body = format!("{{\"messages\":[\n{}\n]{meta}}}", messages.join(",\n"));
    let (format, turns, _) = first_words(&write(dir.path(), "t.json", &body), &[]);
    (format, turns.into_iter().map(|t| (t.0, t.1)).collect())
}

fn who(role: &str, speaker: &str) -> (String, Option<String>) {
    (role.into(), Some(speaker.into()))
}

#[test]
fn messages_with_a_conversation_sid_are_twilio_without_meta() {
    let messages = [
        message("whatsapp:+15551234567", "My order is late.", 0),
        message("jane.agent", "Please calm down.", 4),
    ];
    let (format, turns) = roles(&messages, false);
    assert_eq!(format, "twilio");
    assert_eq!(
        turns,
        [
            who("customer", "whatsapp:+15551234567"),
            who("agent", "jane.agent")
        ]
    );
}

#[test]
fn a_chat_handed_to_a_second_agent_has_two_agents() {
    let messages = [
        message("whatsapp:+15551234567", "My order is late.", 0),
        message("jane.agent", "Please calm down.", 4),
        message("bob.supervisor", "That is not my department.", 9),
        message("system", "Conversation closed.", 12),
    ];
    for meta in [true, false] {
        let (format, turns) = roles(&messages, meta);
        assert_eq!(format, "twilio");
        assert_eq!(
            turns,
            [
                who("customer", "whatsapp:+15551234567"),
                who("agent", "jane.agent"),
                who("agent", "bob.supervisor"),
                who("system", "system"),
            ],
            "meta: {meta}"
        );
    }
}

/// With no address among the authors, the one author no alias or `roles:` names is the
/// customer where the agent is named (`roles: {agent: [sam]}`, or an author `Agent`): it was
/// made an agent too, so the customer's words failed the agent.
#[test]
fn beside_a_named_agent_the_other_author_is_the_customer() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "talklint.yaml", "roles:\n  agent: [sam]\n");
    for agent in ["sam", "Agent"] {
        let messages = [
            message("maria", "Calm down? You calm down.", 0),
            message(agent, "Sorry.", 4),
        ];
        let body = format!(
            "{{\"messages\":[\n{}\n],\"meta\":{{}}}}",
            messages.join(",\n")
        );
        let path = write(dir.path(), "t.json", &body);
        let (_, out, err) = crate::support::run(
            crate::support::talklint()
                .current_dir(dir.path())
                .args(["check", "-f", "json", "--exit-zero"])
                .arg(&path),
        );
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let c = &v["conversations"][0];
        assert_eq!(c["format"], "twilio");
        let calm: Vec<&serde_json::Value> = (c["findings"].as_array().unwrap().iter())
            .filter(|f| f["rule"] == "respect/calm-down")
            .collect();
        assert!(calm.is_empty(), "{agent}: maria is the customer: {c}");
    }
}
