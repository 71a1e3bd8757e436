//! Speech-to-text output through the binary where the turns' speakers come from channels, from
//! diarisation, or from neither: who each turn is said by, and what the default pack finds.

use crate::support::{default_pack_report, write};
use serde_json::Value;

/// Each turn's role and speaker in the file `name` holding `json`, and the default pack's report.
fn read(name: &str, json: &str) -> (Vec<(String, Option<String>)>, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, json);
    let (_, convs) = crate::vendor_formats::turns_seen(path.to_str().unwrap());
    let turns = convs[0]
        .1
        .iter()
        .map(|t| (t.0.clone(), t.1.clone()))
        .collect();
    (turns, default_pack_report(&path))
}

/// The (role, speaker) pairs as the tests write them.
fn who(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(role, speaker)| (role.to_string(), speaker.map(str::to_string)))
        .collect()
}

/// The rules that found something in a report's first conversation, and its warnings.
fn rules_and_warnings(report: &Value) -> (Vec<&str>, String) {
    let c = &report["conversations"][0];
    let rules = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    (rules, c["warnings"].to_string())
}

/// A stereo call diarised per channel: Deepgram numbers each channel's speakers from 0, so the
/// agent and the caller are both speaker 0; the channel tells them apart, as in the words.
#[test]
fn deepgram_utterances_of_two_channels_are_two_speakers() {
    let utterances = |speaker: &str| {
        format!(
            r#"{{"results":{{"channels":[],"utterances":[
 {{"start":0.0,"end":2.0,"channel":0{speaker},"transcript":"Thank you for calling support."}},
 {{"start":2.5,"end":3.5,"channel":1{speaker},"transcript":"My order is late."}},
 {{"start":4.0,"end":5.0,"channel":0{speaker},"transcript":"Please calm down."}}]}}}}"#
        )
    };
    let (turns, report) = read("d.json", &utterances(r#","speaker":0"#));
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("ch_0/0")),
            ("customer", Some("ch_1/0")),
            ("agent", Some("ch_0/0")),
        ])
    );
    let (rules, _) = rules_and_warnings(&report);
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
    let c = &report["conversations"][0];
    assert_eq!(c["unknown_turns"], 0);
    assert_eq!(c["agent"], Value::Null, "a channel's speaker is no person");
    let (turns, _) = read("d.json", &utterances(""));
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("ch_0")),
            ("customer", Some("ch_1")),
            ("agent", Some("ch_0")),
        ]),
        "no diarisation: the channel alone"
    );
    // One channel: the speakers as Deepgram numbers them.
    let mono = utterances(r#","speaker":0"#).replace("\"channel\":1", "\"channel\":0");
    let (turns, _) = read("d.json", &mono);
    assert!(
        turns.iter().all(|t| t.1.as_deref() == Some("0")),
        "{turns:?}"
    );
}

/// Google Speech-to-Text v2 tags each result's words with their speaker; every result is read,
/// not only the last (v1's last result, which repeats every word, is read alone: see
/// `vendor_formats`).
#[test]
fn google_results_with_their_own_speakers_are_all_read() {
    let word = |w: &str, at: &str, speaker: &str| {
        format!(r#"{{"word":"{w}","startOffset":"{at}s","speakerLabel":"{speaker}"}}"#)
    };
    let result = |words: &[String]| {
        format!(
            r#"{{"alternatives":[{{"transcript":"…","words":[{}]}}]}}"#,
            words.join(",")
        )
    };
    let json = format!(
        r#"{{"results":[
{},
{},
{}]}}"#,
        result(&[
            word("Thank", "0", "1"),
            word("you", "0.4", "1"),
            word("for", "0.8", "1"),
            word("calling.", "1.2", "1")
        ]),
        result(&[
            word("My", "2", "2"),
            word("order's", "2.4", "2"),
            word("late.", "2.8", "2")
        ]),
        result(&[
            word("Please", "5", "1"),
            word("calm", "5.4", "1"),
            word("down.", "5.8", "1")
        ]),
    );
    let (turns, report) = read("g.json", &json);
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("1")),
            ("customer", Some("2")),
            ("agent", Some("1")),
        ])
    );
    let (rules, _) = rules_and_warnings(&report);
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
}

/// Without diarisation each result is a turn, as Whisper's segments are: two results of one
/// channel are two turns.
#[test]
fn google_results_without_speakers_are_a_turn_each() {
    let json = r#"{"results":[
 {"alternatives":[{"transcript":"Thank you for calling support."}],"channelTag":1,"resultEndTime":"2s"},
 {"alternatives":[{"transcript":"How can I help?"}],"channelTag":1,"resultEndTime":"3s"},
 {"alternatives":[{"transcript":"My order is late."}],"channelTag":2,"resultEndTime":"5s"}]}"#;
    let (turns, _) = read("g.json", json);
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("channel 1")),
            ("agent", Some("channel 1")),
            ("customer", Some("channel 2")),
        ])
    );
}
