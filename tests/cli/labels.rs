//! Speaker labels of text transcripts that name a role and a person (`Agent (Sarah):`,
//! `Sarah (Agent):`) or stand between tabs (Zoom's `00:00:05<TAB>Name<TAB>text`): each opens a
//! turn of its speaker's role, so the customer's words are not judged as the agent's. Labels
//! that name no role are said so in every report's warnings, with how to name their roles.

use crate::support::{default_pack, write};
use serde_json::Value;

/// Each finding of conversation `c`: rule, role, line and start time.
pub(crate) fn found(c: &Value) -> Vec<(&str, &str, u64, Option<u64>)> {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap();
            (
                text("rule"),
                text("role"),
                f["line"].as_u64().unwrap(),
                f["start_ms"].as_u64(),
            )
        })
        .collect()
}

/// The role, with the person's name before or after it in brackets.
#[test]
fn a_role_and_a_name_in_brackets_label_a_turn() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "role-name.txt",
            "Agent (Sarah): Hello there, calm down.\nCustomer (John): It is out of my hands.\n",
        ),
        (
            "name-role.txt",
            "Sarah (Agent): Hello there, calm down.\nJohn (Customer): It is out of my hands.\n",
        ),
    ] {
        let c = default_pack(write(dir.path(), name, text).to_str().unwrap());
        assert_eq!(
            (&c["turns"], &c["unknown_turns"], &c["agent"]),
            (&2.into(), &0.into(), &"Sarah".into()),
            "{c}"
        );
        assert_eq!(found(&c), [("respect/calm-down", "agent", 1, None)], "{c}");
    }
}

/// Zoom's transcript export: a time, the speaker's name and the text, between tabs.
#[test]
fn zoom_lines_of_a_time_a_name_and_text_between_tabs() {
    let dir = tempfile::tempdir().unwrap();
    let text = "00:00:05\tAgent Sarah\tHello there, calm down.\n\
                00:00:09\tCustomer\tIt is out of my hands.\n";
    let c = default_pack(write(dir.path(), "zoom.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["agent"]),
        (&2.into(), &"Sarah".into()),
        "{c}"
    );
    assert_eq!(
        found(&c),
        [("respect/calm-down", "agent", 1, Some(5_000))],
        "{c}"
    );
}

#[test]
fn speakers_with_no_role_are_named_in_a_warning_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(
        dir.path(),
        "otter.txt",
        "Speaker 1: Thanks for calling, this is Dana.\nSpeaker 2: My bill is wrong again.\n\
         Speaker 1: That is not my department.\n",
    );
    let (_, out, _) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--no-config", "--exit-zero"])
            .arg(&call),
    );
    assert!(
        out.contains(
            "3 of 3 turns have a speaker with no role (\"Speaker 1\", \"Speaker 2\"): agent and \
             customer rules skip them; name their roles in the config (`roles: {agent: [\"Speaker 1\"], \
             customer: [\"Speaker 2\"]}`, a guess from what each says: swap them if it is \
             wrong)"
        ),
        "{out}"
    );
    let config = write(
        dir.path(),
        "talklint.yaml",
        "rules: [default]\nroles: {agent: [\"Speaker 1\"], customer: [\"Speaker 2\"]}\n",
    );
    let (_, out, _) = crate::support::run(
        crate::support::talklint()
            .args(["check", "--exit-zero", "--config"])
            .arg(&config)
            .arg(&call),
    );
    assert!(!out.contains("no role"), "{out}");
    assert!(
        out.contains("ownership/"),
        "the agent's words are judged:\n{out}"
    );
}

/// A script's numbered parts (`Step 1:`) in a short exchange join the turn they are in: the
/// exchange stays a dialogue of its two speakers, so the customer's words are not the agent's.
#[test]
fn numbered_parts_join_the_turn_of_a_short_exchange() {
    let dir = tempfile::tempdir().unwrap();
    let text = "John: Your colleague told me to calm down!\nSarah: I am so sorry about that.\n\
                Step 1: I will check your account.\nStep 2: I will call you back.\n";
    let c = default_pack(write(dir.path(), "steps.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&2.into(), &2.into()),
        "{c}"
    );
    assert_eq!(found(&c), [], "{c}");
    assert!(
        c["warnings"][0]
            .as_str()
            .unwrap()
            .contains("no role (\"John\", \"Sarah\")"),
        "{c}"
    );
    // An FAQ's `Q:` and `A:` stay speakers; `Q1:` and `A1:` join their turns.
    let text = "Q: Can I get a refund?\nA: Yes.\nQ1: What about shipping?\nA1: It is free.\n\
                Q: Hours?\nA: Nine to five.\n";
    let c = default_pack(write(dir.path(), "faq.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&4.into(), &4.into()),
        "{c}"
    );
    assert!(
        c["warnings"][0]
            .as_str()
            .unwrap()
            .contains("(\"Q\", \"A\")"),
        "{c}"
    );
}

/// Beside a role word, the part in brackets may be an id, a list or a longer name: the label
/// still opens a turn of that role, and names the agent only when the part is a name.
#[test]
fn a_role_with_an_id_or_a_list_in_brackets_labels_a_turn() {
    let dir = tempfile::tempdir().unwrap();
    let c = default_pack(
        write(
            dir.path(),
            "id.txt",
            "Agent (Sarah): Hello, how can I help?\n\
             Customer (#C-1234): Your last rep told me to calm down\n",
        )
        .to_str()
        .unwrap(),
    );
    assert_eq!(
        (&c["turns"], &c["agent"]),
        (&2.into(), &"Sarah".into()),
        "{c}"
    );
    assert!(found(&c).iter().all(|f| f.0 != "respect/calm-down"), "{c}");
    for (bracket, agent) in [
        ("4521", None),
        ("Sarah, Billing", None),
        ("Mary Ann De La Cruz", Some("Mary Ann De La Cruz")),
    ] {
        let text = format!("Customer: My bill is wrong.\nAgent ({bracket}): calm down please\n");
        let c = default_pack(write(dir.path(), "agent.txt", &text).to_str().unwrap());
        assert_eq!(
            (&c["turns"], c["agent"].as_str()),
            (&2.into(), agent),
            "{c}"
        );
        assert_eq!(found(&c), [("respect/calm-down", "agent", 2, None)], "{c}");
    }
}

/// Labels in brackets, with a time after them or before them in seconds or with a bar, and
/// Otter's turn header (a name, two spaces and a time, the text on the lines below): each opens
/// the customer's turn (each was read as the agent's words, with no warning).
#[test]
fn bracketed_and_timed_labels_and_otter_headers_open_turns() {
    let dir = tempfile::tempdir().unwrap();
    let said = "Calm down? You calm down!";
    for (label, start) in [
        ("[Customer]: ", None),
        ("Customer 00:00:05: ", Some(5_000)),
        ("[5.5s] Customer: ", Some(5_500)),
        ("00:00:05 | Customer: ", Some(5_000)),
        ("Customer  0:05\n", Some(5_000)),
    ] {
        let text = format!("Agent: Hello, how can I help?\n\n{label}{said}\n");
        let c = default_pack(write(dir.path(), "call.txt", &text).to_str().unwrap());
        assert_eq!(
            (&c["turns"], &c["warnings"]),
            (&2.into(), &Value::Null),
            "{label:?}: {c}"
        );
        let customer: Vec<_> = found(&c).into_iter().filter(|f| f.1 != "agent").collect();
        assert_eq!(
            customer.len(),
            found(&c).len() - 1,
            "{label:?}: only the greeting is the agent's: {c}"
        );
        assert!(
            customer.iter().all(|f| f.1 == "customer" && f.3 == start),
            "{label:?}: {c}"
        );
    }
}

/// A line of a labelled file that opens with a role word and a label's mark but is not read as a
/// label goes on the turn before, and a warning names its line; wrapped prose that merely starts
/// with a role word in lower case, or with a number that is no clock (`Customer 1:1 sessions`),
/// and a link (`[Agent](https://…)`) are no labels and earn no warning.
#[test]
fn a_line_like_a_label_that_is_not_read_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: Hello, how can I help?\nCustomer - Calm down? You calm down!\n";
    let path = write(dir.path(), "dash.txt", text);
    let c = default_pack(path.to_str().unwrap());
    assert_eq!(c["turns"], 1, "{c}");
    let warnings = c["warnings"].to_string();
    assert!(
        warnings.contains("line 2, column 1: `Customer -` is not read as a speaker label")
            && warnings.contains("`Customer: …`"),
        "{c}"
    );
    let (_, out, err) = crate::support::check_in(dir.path(), &["dash.txt"]);
    assert!(
        err.contains("dash.txt: line 2, column 1") || out.contains("dash.txt: line 2, column 1"),
        "the human report names the file: {out}{err}"
    );
    let prose = "Agent: The fee is paid by the\ncustomer - not us - pays it.\n\
                 Customer 1:1 sessions are free.\nAgent 24:7 support is here.\n\
                 [Agent](https://example.com/agents)\nCustomer: I see.\n";
    let c = default_pack(write(dir.path(), "prose.txt", prose).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["warnings"]),
        (&2.into(), &Value::Null),
        "{c}"
    );
    // A clock with a fraction or a 12-hour mark, or before a label's mark, is a time stamp.
    for (line, shown) in [
        ("Agent 10:30 AM: calm down", "`Agent 10:30 AM`"),
        ("Agent 10:30 - calm down", "`Agent 10:30`"),
        ("Agent 0:05.250 calm down", "`Agent 0:05.250`"),
    ] {
        let text = format!("Agent: Hello.\nCustomer: Late again.\n{line}\nCustomer: ok\n");
        let c = default_pack(write(dir.path(), "stamp.txt", &text).to_str().unwrap());
        let warnings = c["warnings"].to_string();
        assert!(
            warnings.contains(&format!("line 3, column 1: {shown} is not read")),
            "{c}"
        );
    }
}

/// Beside a role word, an e-mail address or a phone number in brackets labels a turn too (the
/// agent's "calm down" went on the customer's turn, unjudged, with no warning); prose that opens
/// with no role word, or goes on after the brackets, is no label.
#[test]
fn a_role_with_an_email_or_a_phone_in_brackets_labels_a_turn() {
    let dir = tempfile::tempdir().unwrap();
    for bracket in ["jane@example.com", "+44 20 7946 0958"] {
        let text = format!(
            "Agent ({bracket}): Hello, my name is Jane, how can I help?\n\
             Customer: my card is 4111 1111 1111 1111\nAgent ({bracket}): calm down\n"
        );
        let c = default_pack(write(dir.path(), "call.txt", &text).to_str().unwrap());
        assert_eq!(c["turns"], 3, "{bracket}: {c}");
        assert!(
            found(&c).contains(&("respect/calm-down", "agent", 3, None)),
            "{bracket}: {c}"
        );
    }
    let prose = "Agent: Hello.\nCustomer: Hi, calm down.\nNote (see jane@example.com): calm down\n\
                 Customer (+1) said: calm down\n";
    let c = default_pack(write(dir.path(), "prose.txt", prose).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["warnings"]),
        (&2.into(), &Value::Null),
        "{c}"
    );
    assert!(found(&c).iter().all(|f| f.0 != "respect/calm-down"), "{c}");
}

#[test]
fn a_supervisor_speaks_for_the_company() {
    let dir = tempfile::tempdir().unwrap();
    let chat = r#"{"Transcript": [
{"Type": "MESSAGE", "ParticipantRole": "CUSTOMER", "Content": "This is ridiculous."},
{"Type": "MESSAGE", "ParticipantRole": "SUPERVISOR", "Content": "Please calm down."}]}"#;
    write(dir.path(), "connect.json", chat);
    write(
        dir.path(),
        "call.txt",
        "Customer: hi\nSupervisor: please calm down\n",
    );
    for name in ["connect.json", "call.txt"] {
        let c = default_pack(dir.path().join(name).to_str().unwrap());
        assert_eq!(c["unknown_turns"], 0, "{name}: {c}");
        let calm = found(&c).into_iter().find(|f| f.0 == "respect/calm-down");
        assert_eq!(calm.map(|f| f.1), Some("agent"), "{name}: {c}");
    }
}

/// A Markdown link reference definition named after a role (`[agent]: https://…`) is no label,
/// in a `.md` or a `.txt` file: the script stays one agent turn and is checked (it was a dialogue
/// of two turns, the script's words unjudged). In Markdown the definition is not spoken.
#[test]
fn a_link_reference_definition_named_after_a_role_is_no_label() {
    let dir = tempfile::tempdir().unwrap();
    let script = "# Refund script\n\nThank you for calling. Please calm down.\n\n\
                  [agent]: https://wiki.example.com/agent-guide\n";
    let c = default_pack(write(dir.path(), "script.md", script).to_str().unwrap());
    assert_eq!(c["turns"], 1, "{c}");
    let rules: Vec<_> = found(&c).into_iter().map(|f| (f.0, f.1)).collect();
    let script_rules = [
        ("greeting/warm-opening", "agent"),
        ("respect/calm-down", "agent"),
    ];
    assert_eq!(rules, script_rules, "{c}");
    let chat = "Customer: My order is late.\nAgent: I am sorry about that.\n\n\
                [Agent]: https://wiki.example.com/agent-guide \"Calm down\"\n";
    let c = default_pack(write(dir.path(), "chat.md", chat).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["warnings"]),
        (&2.into(), &Value::Null),
        "{c}"
    );
    assert!(found(&c).iter().all(|f| f.0 != "respect/calm-down"), "{c}");
    // Outside Markdown, `[Customer]: https://…` is a customer who sent a link: their words
    // after it stay theirs.
    let chat = "[Agent]: Thanks for calling, how can I help?\n\
                [Customer]: https://shop.example.com/orders/123\n\
                your colleague told me to calm down\n[Agent]: Let me check that order.\n";
    let c = default_pack(write(dir.path(), "chat.txt", chat).to_str().unwrap());
    assert_eq!(c["turns"], 3, "{c}");
    assert!(found(&c).iter().all(|f| f.0 != "respect/calm-down"), "{c}");
}
