//! Sentiment rules read the labels a transcript carries (AWS Call Analytics and Contact Lens
//! give each turn `"Sentiment"`), never a guess: a transcript without them lists the rule in
//! `not_applied`. An AWS `SentimentFilter`, which asks for AWS's model, leaves its category
//! out. Also here, what the QA trial of
//! these rules found beside: `after` answered by a silence, an unloaded built-in lexicon, and the
//! message of a rule that gives none.

use crate::support::{run, talklint};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// An AWS Call Analytics transcript: `(role, text, start s, sentiment)` per turn, each 4 s long.
fn aws_call(turns: &[(&str, &str, u64, &str)]) -> String {
    let items: Vec<String> = turns
        .iter()
        .map(|(role, text, start, sentiment)| {
            format!(
                r#"{{"ParticipantRole": "{role}", "Content": "{text}", "BeginOffsetMillis": {}, "EndOffsetMillis": {}, "Sentiment": "{sentiment}"}}"#,
                start * 1000,
                start * 1000 + 4000
            )
        })
        .collect();
    format!(
        r#"{{"JobName": "call", "Participants": [{{"ParticipantRole": "AGENT"}}, {{"ParticipantRole": "CUSTOMER"}}],
"Transcript": [{}]}}"#,
        items.join(",\n")
    )
}

/// `talklint check --no-config -f json ARGS` in `dir`: the parsed report and stderr.
fn report(dir: &Path, args: &[&str]) -> (Value, String) {
    let (_, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "-f", "json"])
        .args(args));
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (v, err)
}

/// Each conversation's file name, tags and rules not applied.
fn outcomes(v: &Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    let strings = |v: &Value| -> Vec<String> {
        (v.as_array().into_iter().flatten())
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            let path = c["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy();
            (
                name.into_owned(),
                strings(&c["tags"]),
                strings(&c["not_applied"]),
            )
        })
        .collect()
}

const SENTIMENT_RULES: &str = r#"rules:
  - id: loyalty/negative-ending
    kind: tag
    speaker: customer
    sentiment: negative
    window: {last_turns: 1}
  - id: loyalty/upset-and-cancels
    kind: tag
    when:
      all:
        - {speaker: customer, sentiment: [negative, mixed]}
        - {speaker: customer, phrases: ["cancel*"]}
"#;

/// A customer whose last turn AWS labels negative ends negative; one who was negative before and
/// positive at the end does not; a text transcript carries no labels, so neither rule applies.
#[test]
fn sentiment_rules_read_the_transcripts_own_labels() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.yaml"), SENTIMENT_RULES).unwrap();
    let sour = aws_call(&[
        ("AGENT", "Thanks for calling.", 0, "NEUTRAL"),
        ("CUSTOMER", "I want to cancel.", 5, "NEGATIVE"),
        ("AGENT", "I can offer a discount.", 10, "POSITIVE"),
        ("CUSTOMER", "No, this is ridiculous.", 15, "NEGATIVE"),
    ]);
    let mended = aws_call(&[
        ("AGENT", "Thanks for calling.", 0, "NEUTRAL"),
        ("CUSTOMER", "I want to cancel.", 5, "MIXED"),
        ("AGENT", "I can offer a discount.", 10, "POSITIVE"),
        ("CUSTOMER", "Great, thank you.", 15, "POSITIVE"),
    ]);
    fs::write(dir.path().join("a-sour.json"), sour).unwrap();
    fs::write(dir.path().join("b-mended.json"), mended).unwrap();
    fs::write(
        dir.path().join("c-text.txt"),
        "Agent: Thanks for calling.\nCustomer: I want to cancel.\n",
    )
    .unwrap();
    let (v, err) = report(dir.path(), &["-r", "rules.yaml", "."]);
    let both = vec![
        "loyalty/negative-ending".to_string(),
        "loyalty/upset-and-cancels".to_string(),
    ];
    assert_eq!(
        outcomes(&v),
        vec![
            ("a-sour.json".into(), both.clone(), vec![]),
            ("b-mended.json".into(), vec![both[1].clone()], vec![]),
            ("c-text.txt".into(), vec![], both),
        ],
        "{err}"
    );
    // The tag sits at the labelled turn, and says what it found.
    let findings = v["conversations"][0]["findings"].as_array().unwrap();
    let ending = |f: &&Value| f["rule"] == "loyalty/negative-ending";
    let finding = findings.iter().find(ending).unwrap();
    assert_eq!(finding["turn"], 4, "{finding}");
    assert_eq!(
        finding["message"],
        "Turn labelled negative (loyalty/negative-ending)"
    );
    let when = &v["conversations"][0]["findings"][0]["message"];
    assert_eq!(
        when,
        "Condition met: customer turn labelled negative or mixed and customer “cancel*” (loyalty/upset-and-cancels)"
    );
}

/// An AWS category with a `SentimentFilter` is left out whole, with a warning at the filter
/// (SPEC §12: sentiment needs AWS's model and is never guessed). It was read as "a turn of the
/// role labelled so", which tagged a call AWS's overall sentiment called positive; the same
/// search is a `sentiment:` rule of one's own, which says what it reads.
#[test]
fn an_aws_sentiment_filter_leaves_its_category_out() {
    let dir = tempfile::tempdir().unwrap();
    let category = r#"{"CategoryName": "NegativeEnding", "Rules": [
  {"TranscriptFilter": {"TranscriptFilterType": "EXACT", "Targets": ["useless"]}},
  {"SentimentFilter": {"Sentiments": ["NEGATIVE"], "ParticipantRole": "CUSTOMER", "RelativeTimeRange": {"Last": 50}}}
]}"#;
    fs::write(dir.path().join("cat.json"), category).unwrap();
    let (code, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["import", "--no-config", "cat.json"]));
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("aws/negativeending"), "{out}");
    let warning = "cat.json:3:4: AWS Transcribe Call Analytics category \"NegativeEnding\" left out: \
                   Rules[1].SentimentFilter asks for AWS's sentiment of the call, which needs its model";
    assert!(err.contains(warning), "{err}");
    let negative = aws_call(&[
        ("CUSTOMER", "Hello.", 0, "NEUTRAL"),
        ("AGENT", "Hi.", 5, "NEUTRAL"),
        ("CUSTOMER", "This is useless.", 10, "NEGATIVE"),
    ]);
    fs::write(dir.path().join("call.json"), negative).unwrap();
    // Beside a rule that stays, as a run left with none fails.
    let other = "rules:\n  - {id: qa/never, phrases: [zyzzyva]}\n";
    fs::write(dir.path().join("other.yaml"), other).unwrap();
    let (v, err) = report(
        dir.path(),
        &["-r", "cat.json", "-r", "other.yaml", "call.json"],
    );
    assert_eq!(outcomes(&v), vec![("call.json".into(), vec![], vec![])]);
    assert!(err.contains(warning), "{err}");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--strict-import",
        "-r",
        "cat.json",
        "call.json",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("help: talklint runs no model"), "{err}");
}

/// `after` with `timing`: a silence answers the trigger as a phrase would, so "the agent says
/// hold, then 30 s of silence" is one rule; a silence after no hold is no finding.
#[test]
fn a_silence_after_a_trigger_is_a_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let rules = r#"rules:
  - id: hold/dead-air-after-hold
    speaker: any
    timing: {silence_seconds: 30}
    after: {speaker: agent, phrases: ["hold"], within_turns: 1}
"#;
    fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    let call = "[00:00:01-00:00:05] Agent: Please hold.\n\
                [00:00:50-00:00:55] Customer: Hello?\n\
                [00:00:56-00:00:58] Agent: Back, thanks.\n\
                [00:01:40-00:01:45] Customer: Still there?\n";
    fs::write(dir.path().join("call.txt"), call).unwrap();
    let (v, err) = report(dir.path(), &["-r", "rules.yaml", "call.txt"]);
    let findings = v["conversations"][0]["findings"].as_array().unwrap();
    let turns: Vec<&Value> = findings.iter().map(|f| &f["turn"]).collect();
    assert_eq!(turns, [2], "{err}\n{v}");
    assert_eq!(
        findings[0]["message"],
        "silence of 30 s or more: 45 s (hold/dead-air-after-hold)"
    );
}

/// A phrase using a lexicon of the built-in pack, in a file tested without the pack, is told
/// which pack holds it and how to load it, not only that no lexicons are loaded.
#[test]
fn an_unloaded_built_in_lexicon_says_how_to_load_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let rules = r#"rules:
  - id: a/b
    kind: require
    phrases: ["{apology}"]
"#;
    fs::write(dir.path().join("uselex.yaml"), rules).unwrap();
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["test", "--no-config", "uselex.yaml"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown lexicon `{apology}`: it is a lexicon of the built-in pack"),
        "{err}"
    );
    assert!(err.contains("talklint test default FILE"), "{err}");
    assert!(err.contains("-r default"), "{err}");
    // Loaded with the pack, it is known.
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "test",
        "--no-config",
        "default",
        "uselex.yaml",
    ]));
    assert_eq!(code, 0, "{err}");
}

/// A rule with no message says what it found: the count it reached, the condition it met.
#[test]
fn rules_without_a_message_say_what_they_found() {
    let dir = tempfile::tempdir().unwrap();
    let rules = r#"rules:
  - id: sincerity/too-many-sorries
    severity: info
    phrases: ["sorry"]
    count: {min: 4}
  - id: hold/then-silence
    speaker: any
    when:
      all:
        - {speaker: agent, phrases: ["hold"]}
        - {speaker: any, timing: {silence_seconds: 30}}
"#;
    fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    let call = "[00:00:01-00:00:05] Agent: Please hold. Sorry. Sorry, sorry, sorry.\n\
                [00:00:50-00:00:55] Customer: Hello?\n";
    fs::write(dir.path().join("call.txt"), call).unwrap();
    let (v, err) = report(dir.path(), &["-r", "rules.yaml", "call.txt"]);
    let messages: Vec<&str> = (v["conversations"].as_array().unwrap().iter())
        .flat_map(|c| c["findings"].as_array().unwrap())
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "Condition met: agent “hold” and silence of 30 s or more (hold/then-silence)",
            "Count reached 4: “sorry” (sincerity/too-many-sorries)",
        ],
        "{err}"
    );
}
