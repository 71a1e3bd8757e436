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

/// AWS `audio_segments` of a two-speaker call, one of them (`missing`, by index) without a
/// `speaker_label`.
fn aws_segments(missing: usize) -> String {
    let segments = [
        ("spk_0", "Hello, thanks for calling."),
        ("spk_1", "My order is late."),
        ("spk_1", "Hmm, okay then."),
        ("spk_0", "Please calm down."),
    ];
    let list: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(i, (speaker, text))| {
            let label = match i == missing {
                true => String::new(),
                false => format!(r#","speaker_label":"{speaker}""#),
            };
            format!(
                r#"{{"id":{i},"transcript":"{text}","start_time":"{i}.0","end_time":"{i}.9"{label},"items":[]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"jobName":"j","results":{{"transcripts":[{{"transcript":"x"}}],"items":[],"audio_segments":[
{}]}}}}"#,
        list.join(",\n")
    )
}

/// A segment the diariser gave no speaker is no third speaker: the two named ones are still
/// told apart (it stopped the guess for the whole call, leaving both unknown), and it is
/// `unknown` itself, counted in the warning, rather than silently the agent.
#[test]
fn a_turn_without_a_speaker_does_not_stop_the_two_speaker_guess() {
    let (turns, report) = read("a.json", &aws_segments(2));
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("spk_0")),
            ("customer", Some("spk_1")),
            ("unknown", None),
            ("agent", Some("spk_0")),
        ])
    );
    let (rules, warnings) = rules_and_warnings(&report);
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
    assert!(
        warnings.contains(
            "1 of 4 turns name no speaker, so no role: agent and customer rules skip them"
        ),
        "{warnings}"
    );
    // When the first turn of three words or more names no speaker, nothing says who the agent
    // is: no guess, and the warning says what to write.
    let (turns, report) = read("a.json", &aws_segments(0));
    assert!(turns.iter().all(|t| t.0 == "unknown"), "{turns:?}");
    let (_, warnings) = rules_and_warnings(&report);
    assert!(
        warnings.contains(
            "3 of 4 turns have a speaker with no role (\\\"spk_1\\\", \\\"spk_0\\\")"
        ) && warnings.contains("; 1 of 4 turns name no speaker, so no role, and agent and customer rules skip them too"),
        "{warnings}"
    );
}

/// A word without a speaker among diarised words is its own `unknown` turn, and the words of the
/// two named speakers are told apart.
#[test]
fn a_word_without_a_speaker_among_diarised_words() {
    let word = |w: &str, at: f64, speaker: &str| {
        format!(
            r#"{{"word":"{w}","start":{at},"end":{},"speaker":{speaker}}}"#,
            at + 0.3
        )
    };
    let words = [
        word("Thanks", 0.0, "0"),
        word("for", 0.4, "0"),
        word("calling.", 0.8, "0"),
        word("Late", 1.5, "1"),
        word("order.", 1.9, "1"),
        word("Hmm.", 2.5, "null"),
        word("Please", 3.0, "0"),
        word("calm", 3.4, "0"),
        word("down.", 3.8, "0"),
    ];
    let json = format!(
        r#"{{"results":{{"channels":[{{"alternatives":[{{"words":[{}]}}]}}]}}}}"#,
        words.join(",")
    );
    let (turns, report) = read("w.json", &json);
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("0")),
            ("customer", Some("1")),
            ("unknown", None),
            ("agent", Some("0")),
        ])
    );
    let (rules, _) = rules_and_warnings(&report);
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
}

/// A cue of Teams' anonymous `<v>` has the default role, the agent's: that says nothing of which
/// named speaker is the agent, so the two named voices are told apart by what they say, and the
/// agent is not taken for the customer.
#[test]
fn the_roles_guess_is_not_led_by_a_turn_without_a_speaker() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Jane Doe (Contoso Support)>Thank you \
               for calling Contoso support.\n\n00:00:03.500 --> 00:00:05.000\n<v \
               guest@example.com>My order is late.</v>\n\n00:00:07.500 --> 00:00:09.000\n<v>I \
               am anonymous</v>\n";
    let (turns, report) = read("t.vtt", vtt);
    let expected = [
        ("agent", Some("Jane Doe (Contoso Support)")),
        ("customer", Some("guest@example.com")),
        ("agent", None),
    ];
    assert_eq!(turns, who(&expected));
    assert_eq!(
        report["conversations"][0]["agent_guessed"], true,
        "{report}"
    );
}

/// AWS Transcribe times written as numbers (as tools that rewrite the JSON do), and a segment or
/// segment item without its speaker or time, are read: they failed the whole file.
#[test]
fn aws_times_as_numbers_and_segments_without_a_speaker() {
    let words = [
        ("Thank", 0.0, "spk_0"),
        ("you", 0.4, "spk_0"),
        ("for", 0.8, "spk_0"),
        ("calling.", 1.2, "spk_0"),
        ("My", 2.5, "spk_1"),
        ("order's", 2.9, "spk_1"),
        ("late.", 3.3, "spk_1"),
        ("Please", 4.6, "spk_0"),
        ("calm", 5.0, "spk_0"),
        ("down.", 5.4, "spk_0"),
    ];
    let items: Vec<String> = words
        .iter()
        .map(|(w, at, _)| {
            format!(
                r#"{{"type":"pronunciation","start_time":{at:.1},"end_time":{:.1},"alternatives":[{{"content":"{w}"}}]}}"#,
                at + 0.3
            )
        })
        .collect();
    let segment = |speaker: &str, from: usize, to: usize| {
        let items: Vec<String> = words[from..to]
            .iter()
            .map(|(_, at, _)| format!(r#"{{"start_time":{at:.1}}}"#))
            .collect();
        format!(
            r#"{{"speaker_label":{speaker},"items":[{}]}}"#,
            items.join(",")
        )
    };
    let json = format!(
        r#"{{"jobName":"n","results":{{"speaker_labels":{{"segments":[{},{},{},
{{"speaker_label":"spk_1","items":[{{"start_time":null}},{{}}]}},{}]}},"items":[{}]}}}}"#,
        segment(r#""spk_0""#, 0, 4),
        segment(r#""spk_1""#, 4, 7),
        segment("null", 7, 7),
        segment(r#""spk_0""#, 7, 10),
        items.join(",\n")
    );
    let (turns, report) = read("n.json", &json);
    assert_eq!(
        turns,
        who(&[
            ("agent", Some("spk_0")),
            ("customer", Some("spk_1")),
            ("agent", Some("spk_0")),
        ])
    );
    let (rules, _) = rules_and_warnings(&report);
    assert!(rules.contains(&"respect/calm-down"), "{rules:?}");
}

/// Two channels merged by time: the caller's "yeah" while the agent says "please calm down" is
/// a turn after the agent's, not a cut that leaves `please calm` / `yeah` / `down`, and every
/// word keeps its place in the file.
#[test]
fn an_interjection_on_one_channel_does_not_cut_the_other_channels_turn() {
    let word = |w: &str, at: f64| {
        format!(
            r#"{{"word":"{w}","start":{at},"end":{},"punctuated_word":"{w}"}}"#,
            at + 0.3
        )
    };
    let channel = |words: &[(&str, f64)]| {
        let words: Vec<String> = words.iter().map(|(w, at)| word(w, *at)).collect();
        format!(
            r#"{{"alternatives":[{{"words":[{}]}}]}}"#,
            words.join(",\n")
        )
    };
    let agent = channel(&[
        ("Thank", 0.0),
        ("you", 0.4),
        ("for", 0.8),
        ("calling.", 1.2),
        ("Please", 3.0),
        ("calm", 3.4),
        ("down.", 3.8),
    ]);
    let caller = channel(&[("My", 2.0), ("order.", 2.4), ("Yeah.", 3.5)]);
    let json = format!(r#"{{"results":{{"channels":[{agent},{caller}]}}}}"#);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "o.json", &json);
    let (_, convs) = crate::vendor_formats::turns_seen(path.to_str().unwrap());
    let seen: Vec<(&str, Option<&str>, u64, u64)> = convs[0]
        .1
        .iter()
        .map(|t| (t.0.as_str(), t.1.as_deref(), t.3, t.4))
        .collect();
    // The line and column of a word's text (its `punctuated_word`, which is read).
    let place = |w: &str| {
        let key = format!("\"punctuated_word\":\"{w}\"");
        let at = json.find(&key).unwrap() + key.len() - w.len() - 1;
        let line_start = json[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = json[..at].matches('\n').count() as u64 + 1;
        (line, json[line_start..at].chars().count() as u64 + 1)
    };
    let at = |role, speaker, w| (role, Some(speaker), place(w).0, place(w).1);
    assert_eq!(
        seen,
        [
            at("agent", "ch_0", "Thank"),
            at("customer", "ch_1", "My"),
            at("agent", "ch_0", "Please"),
        ]
    );
    let c = &default_pack_report(&path)["conversations"][0];
    let calm = crate::support::finding(c, "respect/calm-down");
    assert_eq!(
        (calm["line"].as_u64(), calm["column"].as_u64()),
        (Some(place("calm").0), Some(place("calm").1))
    );
}
