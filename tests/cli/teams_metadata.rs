//! Microsoft Teams' Graph `metadataContent` transcripts: WebVTT whose cues are JSON objects. Each
//! such cue is its `speakerName` saying its `spokenText` at the cue's time, found at its place in
//! the file; one that cannot be read stays caption text, with a warning that says where.

use crate::support::{json_report_in, pack_report, talklint, write};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// The Graph documentation's sample (fixtures/corpora/format-samples/SOURCES.md has its source).
const SAMPLE: &str = "fixtures/corpora/format-samples/teams_vtt_msgraph_docs/calltranscript_metadataContent_example.vtt";

/// A rule that matches each turn whole, and one that matches `again`.
const RULES: &str = "rules:\n  - {id: t/turn, kind: reward, speaker: any, regex: ['^.+$']}\n  \
                     - {id: t/again, kind: reward, speaker: any, regex: ['again']}\n";

/// A finding as a turn's reader sees it: rule, role, speaker, start, line, column and match.
pub(crate) type Seen = (
    String,
    String,
    Option<String>,
    Option<u64>,
    u64,
    u64,
    String,
);

fn seen(c: &Value) -> Vec<Seen> {
    let text = |v: &Value| v.as_str().map(str::to_string);
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                text(&f["rule"]).unwrap(),
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

/// The conversation of `file` under [`RULES`], and its findings.
pub(crate) fn read(file: &Path) -> (Value, Vec<Seen>) {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", RULES);
    let report = pack_report(Some(&rules), file);
    assert_eq!(report["errors"], serde_json::json!([]), "{report}");
    let c = report["conversations"][0].clone();
    let findings = seen(&c);
    (c, findings)
}

/// The 1-based column, in characters, of `needle` in line `line` of `text`.
fn column(text: &str, line: usize, needle: &str) -> u64 {
    let l = text.lines().nth(line - 1).unwrap();
    l[..l.find(needle).unwrap()].chars().count() as u64 + 1
}

pub(crate) fn turn(
    role: &str,
    speaker: Option<&str>,
    start: u64,
    at: (u64, u64),
    text: &str,
) -> Seen {
    let speaker = speaker.map(str::to_string);
    let (rule, role, text) = ("t/turn".into(), role.into(), text.into());
    (rule, role, speaker, Some(start), at.0, at.1, text)
}

#[test]
fn the_graph_sample_is_its_speaker_saying_its_spoken_text() {
    let (c, findings) = read(Path::new(SAMPLE));
    let source = std::fs::read_to_string(SAMPLE).unwrap();
    let at = (4, column(&source, 4, "This is"));
    // `User Name` is a customer by its first word, as the `<v User Name>` of /content is.
    let said = "This is a transcription test.";
    assert_eq!(
        findings,
        [turn("customer", Some("User Name"), 16_246, at, said)]
    );
    assert_eq!(c["warnings"], Value::Null, "{c}");

    // The config's `roles:` names the speaker as it names any other.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "talklint.yaml", "roles: {agent: [User Name]}\n");
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), "call.vtt", &source);
    let (_, report) = json_report_in(dir.path(), &["-r", "r.yaml", "call.vtt"]);
    let agent = seen(&report["conversations"][0]);
    assert_eq!(agent, [turn("agent", Some("User Name"), 16_246, at, said)]);
}

/// Two named speakers with no role are told apart as in a diarised JSON call; a plain `<v>` cue
/// in the same file is read as before; a finding after a JSON escape is at its place in the file.
#[test]
fn two_speakers_are_guessed_and_plain_cues_still_read() {
    let source = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n\
        {\"speakerName\":\"Jane Doe\",\"spokenText\":\"Thanks for calling, this is Jane.\"}\n\n\
        2\n00:00:04.000 --> 00:00:05.000\n\
        {\"speakerName\":\"Sam Lee\",\"spokenText\":\"My card is blocked \\u2014 again.\"}\n\n\
        3\n00:00:09.000 --> 00:00:10.000\n<v Jane Doe>Let me check that for you.</v>\n";
    let dir = tempfile::tempdir().unwrap();
    let (_, findings) = read(&write(dir.path(), "call.vtt", source));
    let again = (
        "t/again".into(),
        "customer".into(),
        Some("Sam Lee".into()),
        Some(4000),
        9,
        column(source, 9, "again"),
        "again".into(),
    );
    assert_eq!(
        findings,
        [
            turn(
                "agent",
                Some("Jane Doe"),
                1000,
                (5, column(source, 5, "Thanks")),
                "Thanks for calling, this is Jane."
            ),
            turn(
                "customer",
                Some("Sam Lee"),
                4000,
                (9, column(source, 9, "My card")),
                "My card is blocked — again."
            ),
            again,
            turn(
                "agent",
                Some("Jane Doe"),
                9000,
                (13, 13),
                "Let me check that for you."
            ),
        ]
    );
}

/// A cue that looks like metadata but cannot be read is kept whole as caption text, and a warning
/// names the first such cue of each kind, how many there are, and what to write.
#[test]
fn unreadable_metadata_cues_are_text_with_a_warning() {
    let cut = "{\"speakerName\":\"Jane Doe\", \"spokenText\": \"cut off";
    let textless = "{\"speakerName\":\"Jane Doe\",\"spokenLanguage\":\"en-us\"}";
    let source = format!(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\
         {{\"speakerName\":\"Jane Doe\",\"spokenText\":\"Hello there.\"}}\n\n\
         00:00:06.000 --> 00:00:07.000\n{cut}\n\n00:00:11.000 --> 00:00:12.000\n{textless}\n\n\
         00:00:16.000 --> 00:00:17.000\n{{\"speakerName\":\"Jane Doe\",\"spokenText\":null}}\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let (c, findings) = read(&write(dir.path(), "call.vtt", &source));
    let texts: Vec<(Option<&str>, u64, u64, &str)> = findings
        .iter()
        .map(|f| (f.2.as_deref(), f.4, f.5, f.6.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (Some("Jane Doe"), 4, 41, "Hello there."),
            (None, 7, 1, cut),
            (None, 10, 1, textless),
            (
                None,
                13,
                1,
                "{\"speakerName\":\"Jane Doe\",\"spokenText\":null}"
            ),
        ]
    );
    let warnings: Vec<&str> = c["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let fix = "it is read as caption text, JSON and all; write it as Teams does, one JSON object \
               with a `spokenText` string and a `speakerName`";
    let ends = cut.chars().count();
    assert_eq!(
        warnings[..2],
        [
            format!(
                "line 7, column {ends}: this cue looks like Teams' JSON metadata, but its JSON \
                 cannot be read (the JSON ends inside a string: a closing `\"` is missing): {fix}"
            ),
            format!(
                "line 10, column 1: this cue looks like Teams' JSON metadata, but it has no \
                 `spokenText` string: {fix} (… and 1 more cue like it)"
            ),
        ]
    );
}

/// A caption that only opens with `{"` (a sound in braces, `{"laughs"}`) is no metadata: it is
/// read as caption text with no warning (was said to be Teams' JSON that cannot be read). An
/// object with neither `speakerName` nor `spokenText` is caption text too.
#[test]
fn a_caption_in_braces_is_text_without_a_warning() {
    let source = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\
                  {\"speakerName\":\"Agent Jo\",\"spokenText\":\"Hello there.\"}\n\n\
                  00:00:03.000 --> 00:00:04.000\n{\"laughs\"}\n\n\
                  00:00:05.000 --> 00:00:06.000\n{\"mood\": \"again\"}\n";
    let dir = tempfile::tempdir().unwrap();
    let (c, findings) = read(&write(dir.path(), "call.vtt", source));
    assert_eq!(c["warnings"], Value::Null, "{c}");
    // The two speakerless cues are one turn, as captions are.
    let texts: Vec<(&str, Option<&str>, u64, &str)> = findings
        .iter()
        .map(|f| (f.0.as_str(), f.2.as_deref(), f.4, f.6.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("t/turn", Some("Agent Jo"), 4, "Hello there."),
            ("t/turn", None, 7, "{\"laughs\"} {\"mood\": \"again\"}"),
            ("t/again", None, 10, "again"),
        ],
        "{c}"
    );
}

/// A meeting that names a new speaker in every cue (120,000 of them) is read whole: the roles
/// of diarised speakers and the warning for speakers with no role look no further than the
/// third and fourth names, and a speaker's role is found once (each looked through every name
/// before: 68 s for 80,000 cues in a debug build, measured by hand; the old code takes minutes
/// at this size, past the guard below). The last cue's words are found at its place and time.
#[test]
fn a_speaker_per_cue_is_read_in_one_pass() {
    let n = 120_000;
    let mut source = String::from("WEBVTT\n");
    for i in 0..n {
        let said = if i + 1 == n {
            "goodbye again"
        } else {
            "hello there"
        };
        let at = format!("{:02}:{:02}:{:02}", i / 3600, i / 60 % 60, i % 60);
        source.push_str(&format!(
            "\n{at}.000 --> {at}.500\n{{\"speakerName\": \"S{i}\", \"spokenText\": \"{said}\"}}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "meeting.vtt", &source);
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/again, kind: reward, speaker: any, regex: ['again']}\n",
    );
    let out = talklint()
        .args(crate::support::JSON_CHECK)
        .arg("-r")
        .arg(&rules)
        .arg(&call)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "killed by the guard, or failed: {err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &v["conversations"][0];
    assert_eq!((&c["turns"], &c["unknown_turns"]), (&n.into(), &n.into()));
    assert!(
        c["warnings"][0]
            .as_str()
            .is_some_and(|w| w.starts_with(&format!(
                "{n} of {n} turns have a speaker with no role (\"S0\", \"S1\", \"S2\", …)"
            ))),
        "{}",
        c["warnings"]
    );
    let line = 3 * n as u64 + 1;
    let last = seen(c);
    assert_eq!(last.len(), 1);
    let at = (last[0].2.as_deref(), last[0].3, last[0].4);
    let start = (n - 1) as u64 * 1000;
    assert_eq!(at, (Some("S119999"), Some(start), line));
}
