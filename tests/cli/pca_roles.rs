//! AWS Post-Call Analytics speakers' roles: its `SpeakerLabels` are trusted in Call Analytics
//! mode (they name each channel's role), where one labelled speaker of two makes the other the
//! other role; in standard mode they are configured names in speaker order, so the two-speaker
//! guess reads the call, as when the file does not say its mode (then with a warning where the
//! labels name roles); `roles:` wins in all modes.

use crate::support::{default_pack, finding, run, talklint, write};
use serde_json::Value;

/// The shipped sample says `TranscribeApiType: analytics` and labels spk_0 `Agent`, so spk_0 is
/// the agent, though spk_1 opens "Thank you for calling … Support": Call Analytics named the
/// labels after the channels' roles, which talklint takes over a guess from the words.
#[test]
fn the_shipped_call_analytics_sample_reads_its_labels() {
    let c = default_pack("fixtures/formats/aws-pca.json");
    assert_eq!(
        (c["turns"].as_u64(), c["unknown_turns"].as_u64()),
        (Some(12), Some(0))
    );
    let f = finding(&c, "greeting/agent-name");
    assert_eq!(
        (f["role"].as_str(), f["speaker"].as_str()),
        (Some("agent"), Some("spk_0"))
    );
    let rules = crate::support::strings(&c["findings"], "rule");
    assert!(!rules.contains(&"greeting/warm-opening"), "{rules:?}");
}

/// `ConversationAnalytics` with `labels` as its `SpeakerLabels` and, when given, `api` as its
/// `TranscribeApiType`.
fn analytics(labels: &[(&str, &str)], api: Option<&str>) -> String {
    let labels: Vec<String> = labels
        .iter()
        .map(|(s, d)| format!(r#"{{"Speaker": "{s}", "DisplayText": "{d}"}}"#))
        .collect();
    let source = api.map_or(String::new(), |api| {
        format!(
            r#", "SourceInformation": [{{"TranscribeJobInfo": {{"TranscribeApiType": "{api}"}}}}]"#
        )
    });
    format!(r#"{{"SpeakerLabels": [{}]{source}}}"#, labels.join(", "))
}

/// The report's conversation for a two-speaker call (spk_0 opens with a long turn, so the
/// guess makes it the agent) with `analytics` as its `ConversationAnalytics`, read with `config`
/// (`--no-config` when `None`) and a rule that finds "said" in both turns.
fn conversation(analytics: &str, config: Option<&str>) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let segment = |speaker: &str, start: f64, text: &str| {
        format!(
            r#"{{"SegmentStartTime": {start}, "SegmentSpeaker": "{speaker}", "DisplayText": "{text}"}}"#
        )
    };
    let pca = format!(
        "{{\"ConversationAnalytics\": {analytics},\n\"SpeechSegments\": [{}, {}]}}",
        segment("spk_0", 0.5, "Hi, I said calm down please."),
        segment("spk_1", 3.5, "I said sorry."),
    );
    let path = write(dir.path(), "pca.json", &pca);
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/said\n    speaker: any\n    phrases: [said]\n",
    );
    let mut cmd = talklint();
    cmd.current_dir(dir.path())
        .args(["check", "--format", "json"]);
    match config {
        Some(c) => cmd.args([
            "--config",
            &write(dir.path(), "c.yaml", c).to_string_lossy(),
        ]),
        None => cmd.arg("--no-config"),
    };
    let (_, out, err) = run(cmd.arg("-r").arg(&rules).arg(&path));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    v["conversations"][0].clone()
}

/// The speaker and role of each turn of [`conversation`]'s call, and the report's
/// `unknown_turns`.
fn roles(analytics: &str, config: Option<&str>) -> (Vec<String>, u64) {
    let c = conversation(analytics, config);
    let said = c["findings"].as_array().unwrap().iter().map(|f| {
        format!(
            "{} {}",
            f["speaker"].as_str().unwrap(),
            f["role"].as_str().unwrap()
        )
    });
    (said.collect(), c["unknown_turns"].as_u64().unwrap())
}

/// A Call Analytics file whose `SpeakerLabels` names one speaker of two: the other takes the
/// other role (was `unknown`, unchecked by agent and customer rules).
#[test]
fn one_call_analytics_label_of_two_speakers_gives_the_other_the_other_role() {
    let agent_only = analytics(&[("spk_0", "Agent")], Some("analytics"));
    assert_eq!(
        roles(&agent_only, None),
        (vec!["spk_0 agent".into(), "spk_1 customer".into()], 0)
    );
    let customer_only = analytics(&[("spk_1", "Customer")], Some("analytics"));
    assert_eq!(
        roles(&customer_only, None),
        (vec!["spk_0 agent".into(), "spk_1 customer".into()], 0)
    );
}

/// Labels that swap the guess are trusted in Call Analytics mode only; in standard mode, or
/// where the file does not say its mode, they are configured names in speaker order and the
/// guess reads the call (was: trusted in every mode). `roles:` wins in all of them.
#[test]
fn labels_are_roles_in_call_analytics_mode_only() {
    let swapped = [("spk_0", "Customer"), ("spk_1", "Agent")];
    let as_labelled = (vec!["spk_0 customer".into(), "spk_1 agent".into()], 0);
    let as_guessed = (vec!["spk_0 agent".into(), "spk_1 customer".into()], 0);
    assert_eq!(
        roles(&analytics(&swapped, Some("analytics")), None),
        as_labelled
    );
    assert_eq!(
        roles(&analytics(&swapped, Some("standard")), None),
        as_guessed
    );
    assert_eq!(roles(&analytics(&swapped, None), None), as_guessed);
    let config = "rules: []\nroles: {agent: [spk_0], customer: [spk_1]}\n";
    assert_eq!(
        roles(&analytics(&swapped, Some("analytics")), Some(config)),
        as_guessed
    );
}

/// A file that does not say its mode but whose labels name roles is read by the guess, as
/// before, and now says so (was silent): whom it took as the agent, what the labels say, and
/// how to state either reading. Files that state their mode, labels that name no role, and a
/// config that names the speakers are read as before, with no warning.
#[test]
fn a_guess_over_labels_that_name_roles_is_a_warning() {
    let warnings = |analytics: &str, config| {
        let c = conversation(analytics, config);
        let list = c["warnings"].as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let swapped = analytics(&[("spk_0", "Customer"), ("spk_1", "Agent")], None);
    assert_eq!(
        roles(&swapped, None),
        (vec!["spk_0 agent".into(), "spk_1 customer".into()], 0),
        "the guess still reads the call"
    );
    assert_eq!(
        warnings(&swapped, None),
        [
            "line 1, column 45: the file does not state its mode, so its `SpeakerLabels` \
          (spk_0 \"Customer\", spk_1 \"Agent\") are read as speaker names, not roles, and spk_0 \
          was taken as the agent, the first speaker to say three words or more, where the labels \
          make spk_1 the agent; PCA's labels are roles only in Call Analytics mode: if the call \
          went through it, state `\"TranscribeApiType\": \"analytics\"` in \
          `ConversationAnalytics.SourceInformation[].TranscribeJobInfo`, or name both in the \
          config (`roles: {agent: [\"spk_1\"], customer: [\"spk_0\"]}`)"
        ]
    );
    // Labels that agree with the guess change nothing, so they are not worth a warning on
    // every file of a corpus.
    let agreeing = warnings(&analytics(&[("spk_1", "Customer")], None), None);
    assert!(agreeing.is_empty(), "{agreeing:?}");
    let labels = [("spk_0", "Customer"), ("spk_1", "Agent")];
    for (analytics, config) in [
        (analytics(&labels, Some("standard")), None),
        (analytics(&labels, Some("analytics")), None),
        (
            analytics(&[("spk_0", "Dana"), ("spk_1", "Sam")], None),
            None,
        ),
        (
            swapped.clone(),
            Some("roles: {agent: [spk_1], customer: [spk_0]}\n"),
        ),
    ] {
        assert_eq!(
            warnings(&analytics, config),
            Vec::<String>::new(),
            "{analytics} {config:?}"
        );
    }
}
