//! Caption cues of several speakers: each `<v Name>` voice span, and each `Name:` label that opens
//! a line of a cue and names a speaker, starts that speaker's turn at the cue's time, so that one
//! speaker's words are never counted as another's.

use crate::support::write;
use crate::teams_metadata::{Seen, read};

/// The turns of the caption file `name` holding `source`, each as the finding of a rule that
/// matches it whole.
fn turns(name: &str, source: &str) -> Vec<Seen> {
    let dir = tempfile::tempdir().unwrap();
    read(&write(dir.path(), name, source)).1
}

/// A turn of `speaker`, whose role is that of its name.
fn turn(speaker: &str, start: u64, at: (u64, u64), text: &str) -> Seen {
    let role = match speaker {
        "Agent" => "agent",
        "Customer" | "Caller" => "customer",
        _ => "unknown",
    };
    crate::teams_metadata::turn(role, Some(speaker), start, at, text)
}

#[test]
fn each_voice_span_and_label_line_of_a_webvtt_cue_is_its_speakers() {
    let source = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nCustomer: my order is late\n\
                  Agent: calm down\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>refund</v>\n\
                  <v Agent>That is <i>not</i> my department</v>\n\n\
                  00:00:06.000 --> 00:00:07.000\n<v Customer>so &amp; then</v> <v Agent>we ship</v>\n\
                  Note: the order ships today\n";
    assert_eq!(
        turns("call.vtt", source),
        [
            turn("Customer", 1000, (4, 11), "my order is late"),
            turn("Agent", 1000, (5, 8), "calm down"),
            turn("Customer", 4000, (8, 13), "refund"),
            turn("Agent", 4000, (9, 10), "That is not my department"),
            turn("Customer", 6000, (12, 13), "so & then "),
            turn(
                "Agent",
                6000,
                (12, 40),
                "we ship Note: the order ships today"
            ),
        ]
    );
}

/// In SRT and SBV a later line's label is read when it is a role word or a name the file gives a
/// speaker elsewhere; any other (`Note:`) is what the speaker says.
#[test]
fn each_label_line_of_an_srt_or_sbv_cue_is_its_speakers() {
    let srt = "1\n00:00:01,000 --> 00:00:03,000\nCustomer: my order is late\nAgent: calm down\n\n\
               2\n00:00:04,000 --> 00:00:05,000\nJo Li: hello\n\n\
               3\n00:00:06,000 --> 00:00:07,000\nCaller: hi\nJo Li: not my department\n\
               Note: it ships today\n";
    // The turns, given the lines of their labels.
    let expected = |lines: [u64; 5]| {
        [
            turn("Customer", 1000, (lines[0], 11), "my order is late"),
            turn("Agent", 1000, (lines[1], 8), "calm down"),
            turn("Jo Li", 4000, (lines[2], 8), "hello"),
            turn("Caller", 6000, (lines[3], 9), "hi"),
            turn(
                "Jo Li",
                6000,
                (lines[4], 8),
                "not my department Note: it ships today",
            ),
        ]
    };
    assert_eq!(turns("call.srt", srt), expected([3, 4, 8, 12, 13]));
    let sbv = "0:00:01.000,0:00:03.000\nCustomer: my order is late\nAgent: calm down\n\n\
               0:00:04.000,0:00:05.000\nJo Li: hello\n\n\
               0:00:06.000,0:00:07.000\nCaller: hi\nJo Li: not my department\n\
               Note: it ships today\n";
    assert_eq!(turns("call.sbv", sbv), expected([2, 3, 6, 9, 10]));
}

/// A label inside a cue's formatting, `<i>Customer: …</i>` or after SubRip's `{\an8}` and a
/// `<font>` tag closed after the colon, names the speaker as one outside it: the customer's
/// italic line was the agent's (the default role), its label read as words.
#[test]
fn a_label_inside_a_cues_formatting_names_its_speaker() {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nAgent: <i>Hello</i> there\n\n\
               2\n00:00:03,000 --> 00:00:04,000\n<i>Customer: Italic words</i>\n\n\
               3\n00:00:05,000 --> 00:00:06,000\n{\\an8}<font color=\"#fff\">Agent:</font> Bye\n";
    assert_eq!(
        turns("call.srt", srt),
        [
            turn("Agent", 1000, (3, 11), "Hello there"),
            turn("Customer", 3000, (7, 14), "Italic words"),
            turn("Agent", 5000, (11, 40), "Bye"),
        ]
    );
}

/// A cue of two speakers parted by dialogue dashes (`- Customer: …` / `- Agent: …`, as
/// captioners write them) was one turn of the first line's speaker, or of none.
#[test]
fn dialogue_dashes_before_labels_part_a_cues_speakers() {
    let source = "1\n00:00:01,000 --> 00:00:03,000\n- Customer: my order is late\n\
                  - Agent: calm down\n";
    assert_eq!(
        turns("call.srt", source),
        [
            turn("Customer", 1000, (3, 13), "my order is late"),
            turn("Agent", 1000, (4, 10), "calm down"),
        ]
    );
    // Inside formatting after the dash too.
    let source = "1\n00:00:01,000 --> 00:00:03,000\n- Customer: my order is late\n\
                  - <i>Agent: calm down</i>\n";
    let agent = turns("call.srt", source)
        .into_iter()
        .nth(1)
        .and_then(|t| t.2);
    assert_eq!(agent.as_deref(), Some("Agent"));
    // A dashed line that names no one leaves the cue one part, as before dashes were read: its
    // words are not the customer's.
    let source = "1\n00:00:01,000 --> 00:00:03,000\n- Customer: my order is late\n\
                  - Please calm down\n";
    let read = turns("call.srt", source);
    assert_eq!(read.len(), 1, "{read:?}");
}

/// A caption's `Name:` label between bidi marks or isolates, or with one after its colon, is a
/// label, as in a text transcript: the file was one agent turn, the customer's words charged to
/// the agent.
#[test]
fn a_caption_label_between_bidi_marks_is_a_label() {
    let dir = tempfile::tempdir().unwrap();
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nAgent:\u{200f} Hello, thanks for calling.\n\n\
               00:00:04.000 --> 00:00:06.000\n\u{2068}Customer\u{2069}: I need you to calm down.\n";
    crate::support::write(dir.path(), "call.vtt", vtt);
    let (_, report) = crate::support::json_report_in(dir.path(), &["--no-config", "call.vtt"]);
    let c = &report["conversations"][0];
    assert_eq!(c["turns"], 2, "{c}");
    let findings = c["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| f["rule"] != "respect/calm-down"),
        "the customer's words: {c}"
    );
}
