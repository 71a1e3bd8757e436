//! A message pasted into a turn with its own date and label (`05.03.2024 10:02 Reminder: your
//! payment is due`, an app's notice a customer copied in). In a file whose other labels all name
//! roles, a label that names a kind of message and opens one turn alone is text of the turn it
//! stands in: it opened a turn of a speaker with no role, and the warning proposed `Reminder` as
//! the agent. Where it may be a speaker (it opens two turns, the others are names, `roles:`
//! names it), it stays one.

use crate::support::{pack_report, run, talklint, write};
use serde_json::Value;

/// A pack of one tag on `payment is due`, whoever says it: its finding gives the turn and role.
const DUE: &str =
    "rules:\n  - {id: t/due, kind: tag, speaker: any, phrases: [\"payment is due\"]}\n";

/// The (turn, role, speaker) of `payment is due` in `c`.
fn due(c: &Value) -> (u64, &str, &str) {
    let f = &c["findings"][0];
    let text = |key: &str| f[key].as_str().unwrap_or_default();
    (f["turn"].as_u64().unwrap(), text("role"), text("speaker"))
}

/// The first conversation of `text`, checked with the `DUE` tag.
fn conversation(text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "due.yaml", DUE);
    let path = write(dir.path(), "call.txt", text);
    pack_report(Some(&rules), &path)["conversations"][0].clone()
}

#[test]
fn a_message_pasted_into_a_turn_is_its_text() {
    for stamp in ["05.03.2024 10:0", "[2024-03-05 10:0", "03/05/2024 10:0", ""] {
        let at = |minute: u8| match stamp {
            "" => String::new(),
            s if s.starts_with('[') => format!("{s}{minute}] "),
            s => format!("{s}{minute} "),
        };
        for notice in ["Reminder", "Payment reminder", "Recordatorio", "ALERT"] {
            let text = format!(
                "{}Agent: Hello, how can I help you today?\n\
                 {}Customer: I want to pay my bill, the app said:\n\
                 {}{notice}: your payment is due\n\
                 {}Agent: I can help with that right now.\n",
                at(0),
                at(1),
                at(2),
                at(3)
            );
            let c = conversation(&text);
            assert_eq!(
                (&c["turns"], &c["unknown_turns"], &c["warnings"], due(&c)),
                (
                    &3.into(),
                    &0.into(),
                    &Value::Null,
                    (2, "customer", "Customer")
                ),
                "{text}{c}"
            );
        }
    }
}

#[test]
fn a_message_label_that_may_be_a_speaker_stays_one() {
    // Twice: a platform's lines, not a paste.
    let twice = "Agent: hi\nReminder: your payment is due\nCustomer: ok\n\
                 Reminder: your payment is due today\n";
    // Beside names, not roles: a third person is as likely.
    let names = "Maria: hi\nJohn: I want to pay\nReminder: your payment is due\nMaria: ok\n";
    // First: there is no turn before it to join.
    let first = "Reminder: your payment is due\nAgent: hi\nCustomer: ok\n";
    for text in [twice, names, first] {
        let c = conversation(text);
        assert_eq!(due(&c).2, "Reminder", "{text}{c}");
    }
    // Named under `roles:`, it is a speaker of that role.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "due.yaml", DUE);
    let config = "rules: [due.yaml]\nroles: {system: [Reminder]}\n";
    let config = write(dir.path(), "talklint.yaml", config);
    let text = "Agent: hi\nCustomer: the app said:\nReminder: your payment is due\nAgent: ok\n";
    let path = write(dir.path(), "call.txt", text);
    let (code, out, err) = run(talklint()
        .args(["check", "-f", "json", "--exit-zero", "--config"])
        .arg(&config)
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let c = &report["conversations"][0];
    assert_eq!(due(c), (3, "system", "Reminder"), "{c}");
}
