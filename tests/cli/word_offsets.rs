//! Google CCAI Insights conversations as the API returns them: a segment has no end time of its
//! own, only its words' `startOffset`/`endOffset`, which time the turn so that timing rules apply.

use crate::support::{run, talklint, write};
use serde_json::Value;

/// Dead air of 10 s or more before a turn, and turns longer than 3 s.
const TIMING_RULES: &str = "rules:
  - id: promptness/dead-air
    speaker: any
    timing: {silence_seconds: 10}
  - id: promptness/monologue
    speaker: any
    timing: {turn_seconds_above: 3}
";

/// An agent's greeting (0.4–2.5 s), the customer's problem (3.0–4.9 s), 12.6 s of silence, and
/// the agent's answer (17.5–20.6 s). The second segment also has a `messageTime`, a date.
const CALL: &str = r#"{"name": "projects/p/locations/us/conversations/c7", "medium": "PHONE_CALL",
 "transcript": {"transcriptSegments": [
  {"text": "Thank you for calling, how can I help?", "segmentParticipant": {"role": "HUMAN_AGENT"},
   "words": [{"word": "Thank", "startOffset": "0.400s", "endOffset": "0.700s"},
             {"word": "help?", "startOffset": "2.100s", "endOffset": "2.500s"}]},
  {"text": "My card was charged twice.", "segmentParticipant": {"role": "END_USER"},
   "messageTime": "2024-05-01T10:00:03Z",
   "words": [{"word": "My", "startOffset": "3s", "endOffset": "3.200s"},
             {"word": "twice.", "startOffset": "4.400s", "endOffset": "4.900s"}]},
  {"text": "I see the second charge, it will be refunded today.", "segmentParticipant": {"role": "HUMAN_AGENT"},
   "words": [{"word": "I", "startOffset": "17.500s", "endOffset": "17.600s"},
             {"word": "today.", "startOffset": "20.100s", "endOffset": "20.600s"}]}]}}
"#;

/// The JSON report of the timing rules on a CCAI conversation file holding `json`, and the
/// exit code.
fn report(json: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "timing.yaml", TIMING_RULES);
    let call = write(dir.path(), "call.json", json);
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&call));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, v)
}

/// Each finding's rule, turn and the turn's start.
fn hits(c: &Value) -> Vec<(&str, u64, Option<u64>)> {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["turn"].as_u64().unwrap(),
                f["start_ms"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn ccai_segments_are_timed_by_their_words() {
    let (_, v) = report(CALL);
    let c = &v["conversations"][0];
    assert_eq!(
        (c["format"].as_str(), c["turns"].as_u64()),
        (Some("google-ccai"), Some(3))
    );
    assert_eq!(c["not_applied"], Value::Null, "{c}");
    assert_eq!(c["warnings"], Value::Null, "{c}");
    assert_eq!(
        hits(c),
        [
            ("promptness/dead-air", 3, Some(17500)),
            ("promptness/monologue", 3, Some(17500)),
        ],
        "the silence from the customer's last word (4.9 s) to the agent's first (17.5 s), and \
         the agent's 3.1 s answer"
    );
}

#[test]
fn a_word_offset_that_cannot_be_read_is_a_warning() {
    let (code, v) = report(&CALL.replace(r#""endOffset": "20.600s""#, r#""endOffset": "soon""#));
    let c = &v["conversations"][0];
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        c["warnings"][0].as_str(),
        Some(
            "line 12, column 72: `endOffset` is `\"soon\"`, not a duration in seconds such as \
             \"1.500s\": the turn is read without this time; write a duration in seconds such \
             as \"1.500s\""
        )
    );
    // The last turn has no end: timing rules need every turn's.
    assert_eq!(c["not_applied"][0], "promptness/dead-air", "{c}");
}

/// A segment without words is timed by its `messageTime`, which counts from the first message,
/// while word offsets count from the call's start: here the customer's line would fall 27 s
/// before the agent's greeting it answers. One conversation keeps one clock: the segment is
/// read without a time, with a warning, and the timing rules are not applied (they were, across
/// both clocks).
#[test]
fn a_segment_without_words_is_not_put_on_the_words_clock() {
    let call = r#"{"name": "projects/p/locations/us/conversations/c8", "transcript": {"transcriptSegments": [
  {"text": "Thank you for calling.", "segmentParticipant": {"role": "HUMAN_AGENT"},
   "messageTime": "2024-05-01T10:00:30Z",
   "words": [{"word": "Thank", "startOffset": "30.400s", "endOffset": "30.700s"},
             {"word": "calling.", "startOffset": "31.100s", "endOffset": "32.500s"}]},
  {"text": "My card was charged twice.", "segmentParticipant": {"role": "END_USER"},
   "messageTime": "2024-05-01T10:00:33Z"},
  {"text": "I see the second charge, it will be refunded today.", "segmentParticipant": {"role": "HUMAN_AGENT"},
   "words": [{"word": "I", "startOffset": "47.500s", "endOffset": "47.600s"},
             {"word": "today.", "startOffset": "50.100s", "endOffset": "50.600s"}]}]}}
"#;
    let (code, v) = report(call);
    let c = &v["conversations"][0];
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        c["warnings"][0].as_str(),
        Some(
            "line 7, column 19: this segment has no word offsets, and `messageTime` counts from \
             another moment than the other segments' word offsets (which count from the call's \
             start): it is read without a time, so timing rules are not checked in this \
             conversation; give every segment its words with their offsets"
        ),
        "{c}"
    );
    assert_eq!(hits(c), [], "{c}");
    assert_eq!(
        c["not_applied"],
        serde_json::json!(["promptness/dead-air", "promptness/monologue"]),
        "{c}"
    );
}
