//! Caption cues of several speakers: each `<v Name>` voice span, and each `Name:` label that opens
//! a line of a cue and names a speaker, starts that speaker's turn at the cue's time, so that one
//! speaker's words are never counted as another's.

use crate::support::{pack_report, write};
use serde_json::Value;

/// A rule that matches each turn whole.
const RULES: &str = "rules:\n  - {id: t/turn, kind: reward, speaker: any, regex: ['^.+$']}\n";

/// A turn as its finding shows it: role, speaker, start, line, column and text.
type Turn = (String, Option<String>, Option<u64>, u64, u64, String);

/// The turns of the caption file `name` holding `source`.
fn turns(name: &str, source: &str) -> Vec<Turn> {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", RULES);
    let report = pack_report(Some(&rules), &write(dir.path(), name, source));
    assert_eq!(report["errors"], serde_json::json!([]), "{report}");
    let c = &report["conversations"][0];
    let text = |v: &Value| v.as_str().map(str::to_string);
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                text(&f["role"]).unwrap(),
                text(&f["speaker"]),
                f["start_ms"].as_u64(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                text(&f["match"]).unwrap(),
            )
        })
        .collect()
}

fn turn(speaker: &str, start: u64, at: (u64, u64), text: &str) -> Turn {
    let role = match speaker {
        "Agent" => "agent",
        "Customer" | "Caller" => "customer",
        _ => "unknown",
    };
    let speaker = Some(speaker.to_string());
    (role.into(), speaker, Some(start), at.0, at.1, text.into())
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
