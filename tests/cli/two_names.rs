//! Two speakers whose names map to no role: the one whose first and last turns hold more of an
//! agent's phrases is the agent, those only an agent says weighing first (a chat's customer
//! usually writes first; an outbound call's customer thanks the agent for calling); when they hold
//! as many, the speaker of the first turn of three words or more.

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
    // As many phrases each: the order decides. (Ben returns a missed call of Ria's.)
    let chat = r#"{"messages": [
 {"speaker": "Ben", "text": "Thanks for calling back so soon."},
 {"speaker": "Ria", "text": "Sorry for the inconvenience earlier."}]}"#;
    let expected = [("Ben", "agent"), ("Ria", "customer")];
    assert_eq!(roles("tie.json", chat), pairs(&expected));
}

/// A conversation as its roles were read: its id, its agent, and each speaker with the role
/// of their turns, in order of their first turn.
#[derive(Debug, PartialEq)]
struct Read {
    id: String,
    agent: String,
    speakers: Vec<(String, String)>,
}

/// Each conversation of `path` (fixtures/two-names/) as read, its agent guessed.
fn speakers_of(path: &str) -> Vec<Read> {
    let v = crate::vendor_formats::first_word_report(std::path::Path::new(path), &[]);
    assert_eq!(v["summary"]["errors"], 0, "{}", v["errors"]);
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            assert_eq!(c["agent_guessed"], true, "{c}");
            let mut speakers: Vec<(String, String)> = Vec::new();
            for f in c["findings"].as_array().unwrap() {
                let turn = (text(&f["speaker"]), text(&f["role"]));
                if !speakers.contains(&turn) {
                    speakers.push(turn);
                }
            }
            let (id, agent) = (text(&c["id"]), text(&c["agent"]));
            Read {
                id,
                agent,
                speakers,
            }
        })
        .collect()
}

fn speakers(id: &str, agent: &str, list: &[(&str, &str)]) -> Read {
    let (id, agent, speakers) = (id.into(), agent.into(), pairs(list));
    Read {
        id,
        agent,
        speakers,
    }
}

/// A long chat's agent may say an agent's phrases only at its close ("is there anything else I
/// can help you with?"): those were not searched past each speaker's fourth turn, so the
/// customer, who wrote first, was the agent. A customer's own "thank you, have a great day" and
/// "thanks for your patience" at the close do not make them the agent.
#[test]
fn a_long_chats_closing_tells_its_agent() {
    let expected = [("Priya Shah", "customer"), ("Sam Okafor", "agent")];
    assert_eq!(
        speakers_of("fixtures/two-names/long-chat.json"),
        [speakers("chat-5120", "Sam Okafor", &expected)]
    );
}

/// On an outbound call the agent calls: the customer answers the phone ("how can I help?")
/// and thanks the agent for calling, and was taken for the agent. What only an agent says (who
/// they are and whom they call for, a check of the customer's details, a refund made) now
/// outweighs what either side says.
#[test]
fn an_outbound_calls_customer_who_thanks_for_the_call_is_the_customer() {
    let expected = [("John Carter", "customer"), ("Maria Lopez", "agent")];
    assert_eq!(
        speakers_of("fixtures/two-names/outbound-call.json"),
        [speakers("", "Maria Lopez", &expected)]
    );
    // A call returned: the customer's thanks outnumber the agent's one introduction.
    let chat = r#"[{"speaker": "John", "text": "Hello?"},
 {"speaker": "Maria", "text": "Hi, this is Maria from Brightline Energy, returning your call."},
 {"speaker": "John", "text": "Oh, thanks for calling back, and thanks for your patience with me."},
 {"speaker": "Maria", "text": "Not at all. The meter reading was entered wrongly; I've fixed it."},
 {"speaker": "John", "text": "Great. Thanks for calling!"}]"#;
    let expected = [
        ("John", "customer"),
        ("Maria", "agent"),
        ("John", "customer"),
    ];
    assert_eq!(roles("returned.json", chat)[..3], pairs(&expected));
    // Teams' WebVTT of JSON cues: the customer answers "Hello?" and closes with the thanks.
    let expected = [("Tom Becker", "customer"), ("Aisha Rahman", "agent")];
    assert_eq!(
        speakers_of("fixtures/two-names/outbound-call.vtt"),
        [speakers("", "Aisha Rahman", &expected)]
    );
}

/// Inbound chats whose customers write first and thank the agent for their patience read as
/// before: the agent thanks them for contacting the company and offers help.
#[test]
fn inbound_chats_whose_customer_writes_first_keep_their_agent() {
    let dana = [("Dana Whitfield", "customer"), ("Leo Martins", "agent")];
    let omar = [("Omar Haddad", "customer"), ("Leo Martins", "agent")];
    assert_eq!(
        speakers_of("fixtures/two-names/inbound-chats.csv"),
        [
            speakers("w-881", "Leo Martins", &dana),
            speakers("w-882", "Leo Martins", &omar)
        ]
    );
}

/// A speaker written in several cases (`Sarah`, `SARAH`, `sarah`) is one speaker, as `roles:`
/// and the per-agent figures take it: the export counted five speakers, guessed no agent, and
/// a chat that told the customer to calm down passed unjudged.
#[test]
fn one_speaker_written_in_several_cases_is_one_speaker() {
    let csv = "speaker,text\nSarah,\"Hi, thanks for contacting Acme, how can I help?\"\n\
               bob,my bill is wrong\nSARAH,Please calm down.\nBob,ok\nsarah,That is it.\n";
    let expected = [
        ("Sarah", "agent"),
        ("bob", "customer"),
        ("SARAH", "agent"),
        ("Bob", "customer"),
        ("sarah", "agent"),
    ];
    assert_eq!(roles("chat.csv", csv), pairs(&expected));
}

/// Captions of two named voices (a Teams call's `<v Maria Lopez>`, an SRT's `Name:`) are told
/// apart as JSON's and CSV's speakers are: every Teams export with real names passed unjudged
/// unless `roles:` named each agent.
#[test]
fn caption_voices_of_two_names_are_told_apart() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v John Smith>Hi, my internet is down.</v>\n\n\
               00:00:04.000 --> 00:00:06.000\n<v Maria Lopez>Thanks for contacting Acme, how can I \
               help?</v>\n\n00:00:07.000 --> 00:00:09.000\n<v John Smith>It keeps dropping.</v>\n";
    let expected = [
        ("John Smith", "customer"),
        ("Maria Lopez", "agent"),
        ("John Smith", "customer"),
    ];
    assert_eq!(roles("call.vtt", vtt), pairs(&expected));
    let srt = "1\n00:00:01,000 --> 00:00:03,000\nJohn: Hi, my internet is down.\n\n\
               2\n00:00:04,000 --> 00:00:06,000\nMaria: How can I help you today?\n";
    let expected = [("John", "customer"), ("Maria", "agent")];
    assert_eq!(roles("call.srt", srt), pairs(&expected));
}
