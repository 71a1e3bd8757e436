//! Speaker labels however a keyboard, a word processor or macOS wrote them: an accent typed apart
//! from its letter (`Mari\u{301}a`), a typographic apostrophe (`O’Connor`), a non-breaking hyphen
//! (`Anne‑Marie`). Each such label was no label: its line joined the turn before, so a customer's
//! words were charged to the agent, or the agent's went unjudged.

use crate::support::{json_report_in, write};
use serde_json::Value;

/// (role, speaker) of each turn of the first conversation, and its findings' turns.
fn turns_and_findings(report: &Value) -> (usize, Vec<(u64, String)>) {
    let c = &report["conversations"][0];
    let findings = c["findings"].as_array().expect("findings");
    let at = findings.iter().map(|f| {
        let speaker = f["speaker"].as_str().unwrap_or_default().to_string();
        (f["turn"].as_u64().unwrap_or_default(), speaker)
    });
    (
        c["turns"].as_u64().unwrap_or_default() as usize,
        at.collect(),
    )
}

#[test]
fn labels_with_accents_typed_apart_apostrophes_and_hyphens_are_labels() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [r.yaml]\nroles: {agent: [\"Mari\u{301}a\"], customer: [\"O'Connor\", \"Anne-Marie\"]}\n",
    );
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/calm, phrases: [calm down], speaker: agent, severity: error}\n",
    );
    // The agent's label in NFD, the config's in NFC.
    let agent = "Mari\u{301}a: Please calm down.\n";
    for (name, text, customer) in [
        ("apostrophe.txt", "O’Connor: I'm upset.\n", "O’Connor"),
        (
            "hyphen.txt",
            "Anne\u{2011}Marie: I'm upset.\n",
            "Anne\u{2011}Marie",
        ),
        ("nfc.txt", "O'Connor: I'm upset.\n", "O'Connor"),
    ] {
        write(
            dir.path(),
            name,
            &format!("{text}{agent}Customer: calm down, you say?\n"),
        );
        let (code, report) = json_report_in(dir.path(), &[name]);
        assert_eq!(code, 1, "{name}: {report}");
        let (turns, found) = turns_and_findings(&report);
        assert_eq!(turns, 3, "{name}: {report}");
        assert_eq!(found, [(2, "Mari\u{301}a".to_string())], "{name}: {report}");
        let c = &report["conversations"][0];
        assert_eq!(
            c["unknown_turns"], 0,
            "{name}: the config names {customer}: {report}"
        );
    }
    // Markdown's bold labels, and a caption's voice.
    let md = "**O’Connor:** I'm upset.\n\n**Mari\u{301}a:** Please calm down.\n";
    write(dir.path(), "call.md", md);
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v O’Connor>I'm upset.</v>\n\n\
               00:00:03.000 --> 00:00:04.000\n<v Mari\u{301}a>Please calm down.</v>\n";
    write(dir.path(), "call.vtt", vtt);
    // A caption's own `Name:` label.
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nO’Connor: I'm upset.\n\n\
               2\n00:00:03,000 --> 00:00:04,000\nMari\u{301}a: Please calm down.\n";
    write(dir.path(), "call.srt", srt);
    for name in ["call.md", "call.vtt", "call.srt"] {
        let (code, report) = json_report_in(dir.path(), &[name]);
        assert_eq!(code, 1, "{name}: {report}");
        let (turns, found) = turns_and_findings(&report);
        assert_eq!((turns, found.len()), (2, 1), "{name}: {report}");
        assert_eq!(
            report["conversations"][0]["unknown_turns"], 0,
            "{name}: {report}"
        );
    }
}

/// Words that open a sentence with a contraction or a quote (`I’m sorry:`, `Don’t worry:`,
/// ``Type `reset`:``) are said, not a speaker's label: the agent's words after them went
/// unjudged, as an unknown speaker's.
#[test]
fn a_sentence_that_opens_with_a_contraction_is_no_label() {
    let dir = tempfile::tempdir().unwrap();
    for line in [
        "I’m sorry: calm down, that is not possible.",
        "Don’t worry: calm down.",
        "Here’s why: calm down.",
        "That´s it: calm down.",
        "Type `reset`: calm down.",
        "You said ‘cancel’: calm down.",
    ] {
        let text = format!("Customer: My router is broken.\nAgent: Please try this.\n{line}\n");
        assert_eq!(turns_of_agent_told_off(dir.path(), &text), (2, 0), "{line}");
    }
}

/// (turns, unknown turns) of `text` checked with the built-in pack, which must find the
/// agent's `calm down`.
fn turns_of_agent_told_off(dir: &std::path::Path, text: &str) -> (u64, u64) {
    write(dir, "call.txt", text);
    let (_, report) = json_report_in(dir, &["--no-config", "call.txt"]);
    let c = &report["conversations"][0];
    crate::support::finding(c, "respect/calm-down");
    let count = |key: &str| c[key].as_u64().unwrap_or_default();
    (count("turns"), count("unknown_turns"))
}

/// French elided words before a colon (`L’important :`, `Aujourd’hui :`) open sentences: a
/// name's apostrophe comes before a capital (`O’Connor`).
#[test]
fn an_elided_word_before_a_colon_is_no_label() {
    let dir = tempfile::tempdir().unwrap();
    let script = "L’important : ce n’est pas mon département.\nAujourd’hui : calm down.\n";
    assert_eq!(turns_of_agent_told_off(dir.path(), script), (1, 0));
}

/// Right-to-left text puts bidi marks and isolates around a label (`\u{2068}Agent\u{2069}:`,
/// `وكيل\u{200f}:`, `Agent:\u{200f} …`), and Chinese and Japanese write an agent's name in
/// full-width brackets (`Agent（佐藤）：`). Each was no label: the agent's words joined the
/// customer's turn (or the customer's the agent's), and the call passed with no warning.
#[test]
fn labels_between_bidi_marks_or_with_full_width_brackets_are_labels() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [r.yaml]\nroles: {agent: [وكيل], customer: [عميل]}\n",
    );
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/calm, phrases: [calm down], speaker: agent, severity: error}\n",
    );
    for (name, text) in [
        (
            "isolates.txt",
            "Agent: hello\nCustomer: my order is late\n\u{2068}Agent\u{2069}: calm down\n",
        ),
        (
            "mark_before.txt",
            "Agent: hello\nCustomer: my order is late\nAgent\u{200f}: calm down\n",
        ),
        (
            "mark_after.txt",
            "Agent:\u{200f} hello\nCustomer:\u{200f} my order is late\nAgent:\u{200f} calm down\n",
        ),
        (
            "arabic.txt",
            "\u{200f}وكيل\u{200f}: مرحبا\n\u{200f}عميل\u{200f}: my order is late\n\u{200f}وكيل\u{200f}: calm down\n",
        ),
        (
            "brackets.txt",
            "Agent（佐藤）：お電話ありがとうございます。\nCustomer：注文が届きません。\nAgent（佐藤）：calm down\n",
        ),
    ] {
        write(dir.path(), name, text);
        let (code, report) = json_report_in(dir.path(), &[name]);
        assert_eq!(code, 1, "{name}: {report}");
        let (turns, found) = turns_and_findings(&report);
        assert_eq!(turns, 3, "{name}: {report}");
        assert_eq!(found.len(), 1, "{name}: {report}");
        assert_eq!(found[0].0, 3, "{name}: {report}");
        let c = &report["conversations"][0];
        assert_eq!(c["unknown_turns"], 0, "{name}: {report}");
    }
}
