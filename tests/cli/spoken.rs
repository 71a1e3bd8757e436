//! What is spoken in a transcript, and so judged: a `Note:` line goes on with its turn, words in
//! web and e-mail addresses are no one's, and a Markdown script's HTML comments and inline code
//! are notes to its writer.

use crate::support::{default_pack, finding, write};
use serde_json::Value;

/// The forbid findings of conversation `c`: rule and line.
fn problems(c: &Value) -> Vec<(&str, u64)> {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "forbid")
        .map(|f| (f["rule"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect()
}

/// `Note:` in an agent's turn is the agent's words, which agent rules judge; it is no speaker.
#[test]
fn a_note_goes_on_with_its_turn() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: I will check.\nNote: that is not my department\nCustomer: ok\n";
    let c = default_pack(write(dir.path(), "note.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&2.into(), &0.into()),
        "{c}"
    );
    let f = finding(&c, "ownership/closed-door");
    assert_eq!(
        (&f["role"], &f["line"], &f["column"]),
        (&"agent".into(), &2.into(), &7.into())
    );
}

/// Web and e-mail addresses are written, not said: the words in them are matched by no phrase,
/// and no phrase runs across one; the words around them are matched as before.
#[test]
fn words_in_web_and_mail_addresses_are_not_spoken() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: See https://help.example.com/articles/why-is-this-not-my-fault for that.\n\
                Agent: Write to calm.down@example.com, or calm <https://x.y/z> down.\n\
                Agent: Please calm down.\n";
    let c = default_pack(write(dir.path(), "links.txt", text).to_str().unwrap());
    assert_eq!(problems(&c), [("respect/calm-down", 3)], "{c}");
    // That a link was given is read as the word `link`: a pointer that follows an offer of help.
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/link, kind: reward, phrases: [here is the link], speaker: any}\n",
    );
    let pointer = write(
        dir.path(),
        "p.txt",
        "Agent: Here is the https://x.y/z for it.\n",
    );
    let (_, v) =
        crate::support::json_report(&["-r", rules.to_str().unwrap(), pointer.to_str().unwrap()]);
    let f = finding(&v["conversations"][0], "t/link");
    assert_eq!(f["match"], "Here is the https://x.y/z");
}

/// In a Markdown script, HTML comments and inline code are notes to its writer, not speech.
#[test]
fn markdown_comments_and_inline_code_are_not_spoken() {
    let dir = tempfile::tempdir().unwrap();
    let md = "Thanks for waiting. <!-- never say calm down -->\nUse `calm down` nowhere.\n\
              <!--\nthat's not my department\n-->\nAnd please calm down.\n";
    let c = default_pack(write(dir.path(), "macro.md", md).to_str().unwrap());
    assert_eq!(problems(&c), [("respect/calm-down", 6)], "{c}");
}

/// `Option 1:`, `Step 2:`, `Q1:` number a script's parts and name no speaker: the script is the
/// default role's text, which agent rules judge; a `roles:` entry that names one still wins, and
/// a diariser's `Speaker 1:` is still a speaker.
#[test]
fn numbered_parts_of_a_script_are_no_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let script = "Option 1: Sorry, that's not my department.\nOption 2: Calm down, please.\n";
    let path = write(dir.path(), "options.txt", script);
    let c = default_pack(path.to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&1.into(), &0.into()),
        "{c}"
    );
    assert_eq!(
        problems(&c),
        [("ownership/closed-door", 1), ("respect/calm-down", 2)]
    );
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [default]\nroles: {agent: [Option 1], customer: [Option 2]}\n",
    );
    let (_, v) = crate::support::json_report_in(dir.path(), &["options.txt"]);
    let c = &v["conversations"][0];
    assert_eq!(problems(c), [("ownership/closed-door", 1)], "{c}");
    // In a call, a part joins the turn it is in, and numbered speakers are speakers.
    let calls = "Agent 2: Hello, how can I help?\nCaller 1: It broke.\n\
                 Agent 2: Please calm down.\nStep 2: that's not my department\n\
                 Speaker 1: that's not my department\n";
    let c = default_pack(write(dir.path(), "call.txt", calls).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&4.into(), &1.into()),
        "{c}"
    );
    assert_eq!(
        problems(&c),
        [("respect/calm-down", 3), ("ownership/closed-door", 4)]
    );
}
