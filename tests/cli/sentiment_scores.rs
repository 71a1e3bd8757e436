//! Sentiment rules on the sources that give sentiment other than AWS's label: Google CCAI's
//! numeric score (read as negative, neutral or positive by thresholds the config's `sentiment:`
//! sets), the AWS Post-Call Analytics parser's flags and Deepgram's lowercase label. A
//! transcript that gives none still leaves the rule not applied.

use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// A CCAI API conversation written for these tests: six segments, scored 0.6, -0.2, 0.1,
/// -0.8, none (proto3 leaves a 0 out) and 0.3.
const CCAI: &str = "fixtures/sentiment/ccai-scores.json";

const RULES: &str = r#"rules:
  - id: mood/customer-negative
    kind: tag
    speaker: customer
    sentiment: negative
  - id: mood/agent-neutral
    kind: tag
    speaker: agent
    sentiment: neutral
  - id: mood/anyone-positive
    kind: tag
    speaker: any
    sentiment: positive
"#;

/// `talklint check -f json ARGS` in `dir` (its config applies): the report and stderr.
fn report(dir: &Path, args: &[&str]) -> (Value, String) {
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "-f", "json"])
        .args(args));
    assert!(code < 2, "{err}");
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (v, err)
}

/// The (rule, 1-based turn) of every finding of the first conversation, and its rules not
/// applied.
fn found(v: &Value) -> (Vec<(String, u64)>, Vec<String>) {
    let c = &v["conversations"][0];
    let findings = (c["findings"].as_array().unwrap().iter())
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["turn"].as_u64().unwrap(),
            )
        })
        .collect();
    let not_applied = (c["not_applied"].as_array().into_iter().flatten())
        .map(|r| r.as_str().unwrap().into())
        .collect();
    (findings, not_applied)
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(r, t)| (r.to_string(), *t)).collect()
}

/// CCAI scores a segment from -1 to 1: below -0.25 is negative, above 0.25 positive, the rest
/// (and a score left out, 0) neutral, where the rules were not applied before.
#[test]
fn ccai_scores_are_read_by_the_default_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let ccai = Path::new(env!("CARGO_MANIFEST_DIR")).join(CCAI);
    let ccai = ccai.to_str().unwrap();
    let (v, err) = report(dir.path(), &["--no-config", "-r", "rules.yaml", ccai]);
    assert_eq!(v["conversations"][0]["format"], "google-ccai");
    let expected = pairs(&[
        ("mood/anyone-positive", 1),
        ("mood/agent-neutral", 3),
        ("mood/customer-negative", 4),
        ("mood/agent-neutral", 5),
        ("mood/anyone-positive", 6),
    ]);
    assert_eq!(found(&v), (expected, vec![]), "{err}");
}

/// The config's `sentiment:` moves the thresholds: with `negative_below: -0.1` the customer's
/// -0.2 is negative too, and with `positive_above: 0.5` their 0.3 is no longer positive.
#[test]
fn the_config_sets_the_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [rules.yaml]\nsentiment: {negative_below: -0.1, positive_above: 0.5}\n",
    );
    let ccai = Path::new(env!("CARGO_MANIFEST_DIR")).join(CCAI);
    let (v, err) = report(dir.path(), &[ccai.to_str().unwrap()]);
    let moved = found(&v);
    // `sentiment: ~` (as the schema allows) keeps the defaults.
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [rules.yaml]\nsentiment: ~\n",
    );
    let (v, err_default) = report(dir.path(), &[ccai.to_str().unwrap()]);
    assert_eq!(found(&v).0.len(), 5, "{err_default}");
    let expected = pairs(&[
        ("mood/anyone-positive", 1),
        ("mood/customer-negative", 2),
        ("mood/agent-neutral", 3),
        ("mood/customer-negative", 4),
        ("mood/agent-neutral", 5),
    ]);
    assert_eq!(moved, (expected, vec![]), "{err}");
}

/// A bound outside -1 to 1, or bounds the wrong way round (also one bound given past the other's
/// default), is a config error at its place that says how to write it; nothing is checked.
#[test]
fn thresholds_out_of_range_or_crossed_are_errors_at_their_value() {
    let cases = [
        (
            "sentiment:\n  negative_below: -2\n",
            "talklint.yaml:2:19: sentiment.negative_below: `negative_below: -2` is not a sentiment score: scores run from -1 to 1",
        ),
        (
            "sentiment: {positive_above: 0.1, negative_below: 0.4}\n",
            "talklint.yaml:1:50: sentiment.negative_below: `negative_below: 0.4` is above `positive_above: 0.1`",
        ),
        (
            "sentiment: {negative_below: 0.5}
",
            "talklint.yaml:1:12: sentiment: `negative_below: 0.5` is above the default `positive_above: 0.25`",
        ),
        (
            "sentiment: {positive_above: -0.5}\n",
            "help: write the other bound too, so that `negative_below` is at or below `positive_above`, such as `{negative_below: -0.75, positive_above: -0.5}`",
        ),
    ];
    for (config, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "talklint.yaml", config);
        write(dir.path(), "call.txt", "Agent: Hello.\n");
        let (code, out, err) = run(talklint().current_dir(dir.path()).arg("call.txt"));
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains(expected), "{config}: {err}");
        assert!(err.contains("help: write "), "{err}");
    }
}

/// The AWS Post-Call Analytics parser flags each segment `SentimentIsPositive` or
/// `SentimentIsNegative` (its `SentimentScore`, 0 to 5, is the flagged sentiment's strength);
/// neither is neutral. The real PCA output of a support call flags four turns positive.
#[test]
fn post_call_analytics_flags_are_read_as_labels() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let pca = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/aws-pca.json");
    let (v, err) = report(
        dir.path(),
        &["--no-config", "-r", "rules.yaml", pca.to_str().unwrap()],
    );
    let (findings, not_applied) = found(&v);
    let positive: Vec<u64> = (findings.iter())
        .filter(|(rule, _)| rule == "mood/anyone-positive")
        .map(|(_, turn)| *turn)
        .collect();
    assert_eq!((positive, not_applied), (vec![2, 3, 7, 8], vec![]), "{err}");
    assert!(!findings.iter().any(|(r, _)| r == "mood/customer-negative"));
}

/// Deepgram labels each utterance in lowercase (`"sentiment": "negative"`), and an utterance
/// list is read with its labels.
#[test]
fn deepgram_utterance_labels_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let utterance = |start: f64, speaker: u8, text: &str, sentiment: &str| {
        format!(
            r#"{{"start": {start}, "end": {}, "channel": 0, "speaker": {speaker}, "transcript": "{text}", "sentiment": "{sentiment}", "sentiment_score": 0.0}}"#,
            start + 2.0
        )
    };
    let call = format!(
        r#"{{"metadata": {{"request_id": "r", "duration": 9.0, "channels": 1}}, "results": {{
  "channels": [{{"alternatives": [{{"transcript": "", "words": []}}]}}],
  "utterances": [{}, {}]}}}}"#,
        utterance(0.0, 0, "Thanks for calling support.", "positive"),
        utterance(
            2.5,
            1,
            "My internet is down again, this is awful.",
            "negative"
        ),
    );
    write(dir.path(), "call.json", &call);
    write(
        dir.path(),
        "roles.yaml",
        "rules: [rules.yaml]\nroles: {agent: ['0'], customer: ['1']}\n",
    );
    let (v, err) = report(dir.path(), &["--config", "roles.yaml", "call.json"]);
    assert_eq!(v["conversations"][0]["format"], "deepgram", "{err}");
    let expected = pairs(&[("mood/anyone-positive", 1), ("mood/customer-negative", 2)]);
    assert_eq!(found(&v), (expected, vec![]), "{err}");
}

/// A chat message may carry AWS's `Sentiment` label and a lowercase `sentiment` of another
/// tool: the file is read (the two once made a duplicate key, and the file was lost), and the
/// first that reads as a sentiment is the turn's.
#[test]
fn a_message_with_both_sentiment_keys_is_read_by_the_first_that_reads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    write(
        dir.path(),
        "chat.json",
        r#"[{"role": "agent", "text": "Hello.", "Sentiment": "POSITIVE", "sentiment": {"score": -0.9}},
 {"role": "customer", "text": "It broke.", "Sentiment": "ANGRY", "sentiment": {"score": -0.9}},
 {"role": "customer", "text": "Fine.", "sentiment": "neutral"}]"#,
    );
    let (v, err) = report(
        dir.path(),
        &["--no-config", "-r", "rules.yaml", "chat.json"],
    );
    let expected = pairs(&[("mood/anyone-positive", 1), ("mood/customer-negative", 2)]);
    assert_eq!(found(&v), (expected, vec![]), "{err}");
}
