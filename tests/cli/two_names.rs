//! Two speakers whose names map to no role: the one whose turns hold more of an agent's set
//! phrases is the agent (a chat's customer usually writes first); when they hold as many, the
//! speaker of the first turn of three words or more.

use crate::support::write;
use crate::time_order::first_words;

/// Each turn's (speaker, role), read through the binary.
fn roles(name: &str, text: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let (_, turns, _) = first_words(&write(dir.path(), name, text), &[]);
    (turns.into_iter())
        .map(|(role, speaker, _, _)| (speaker.unwrap_or_default(), role))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    (list.iter())
        .map(|(s, r)| (s.to_string(), r.to_string()))
        .collect()
}

#[test]
fn in_a_chat_the_customer_who_writes_first_is_not_taken_for_the_agent() {
    // The customer's turns were linted as the agent's: "That's not my department" failed the
    // chat on a rule for agents.
    let chat = r#"{"messages": [
 {"speaker": "Ben", "text": "Hi, my parcel never arrived and I am fed up"},
 {"speaker": "Ria", "text": "Thanks for contacting us, Ben. How can   I help?"},
 {"speaker": "Ben", "text": "Chasing couriers is not my department"}]}"#;
    let expected = [("Ben", "customer"), ("Ria", "agent"), ("Ben", "customer")];
    assert_eq!(roles("chat.json", chat), pairs(&expected));
    let csv = "speaker,text\nBen,\"Hi, my parcel never arrived\"\nRia,Thank you for reaching out! \
               Let me look.\nBen,ok thanks\n";
    let expected = [("Ben", "customer"), ("Ria", "agent"), ("Ben", "customer")];
    assert_eq!(roles("chat.csv", csv), pairs(&expected));
}

#[test]
fn without_an_agents_phrase_the_first_to_say_three_words_is_the_agent() {
    let chat = r#"{"messages": [
 {"speaker": "Ben", "text": "Hello?"},
 {"speaker": "Ria", "text": "Good morning, you are through to billing."},
 {"speaker": "Ben", "text": "My bill is wrong."}]}"#;
    let expected = [("Ben", "customer"), ("Ria", "agent"), ("Ben", "customer")];
    assert_eq!(roles("call.json", chat), pairs(&expected));
    // A customer's "anything else I can try?" is no agent's phrase.
    let chat = r#"{"messages": [
 {"speaker": "Ria", "text": "Hello, you are through to Acme support, what seems to be the problem?"},
 {"speaker": "Ben", "text": "My router keeps dropping. Is there anything else I can try?"},
 {"speaker": "Ria", "text": "Let me run a line test."}]}"#;
    let expected = [("Ria", "agent"), ("Ben", "customer"), ("Ria", "agent")];
    assert_eq!(roles("router.json", chat), pairs(&expected));
    // As many phrases each: the order decides.
    let chat = r#"{"messages": [
 {"speaker": "Ben", "text": "Thanks for calling back so soon."},
 {"speaker": "Ria", "text": "How can I help today?"}]}"#;
    let expected = [("Ben", "agent"), ("Ria", "customer")];
    assert_eq!(roles("tie.json", chat), pairs(&expected));
}
