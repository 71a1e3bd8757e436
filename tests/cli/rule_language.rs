//! The rule language's second edition through the binary: every key on transcripts that do and
//! do not satisfy it, the edges (a trigger in the last turn, `near` across turns, a percent
//! window on an untimed chat, overlapping timed turns), its errors, and tags in every report.

use crate::support::{rule_error, run, talklint};
use serde_json::Value;
use std::fs;

const PACK: &str = "fixtures/rules/second-edition.yaml";

/// The JSON report of `rules` on one transcript file `name` holding `text`.
fn report(rules: &str, name: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-r", rules, "-f", "json"])
        .arg(&path));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

/// The (rule, turn, match) of every finding of the first conversation.
fn hits(v: &Value) -> Vec<(String, u64, Option<String>)> {
    v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let m = f["match"].as_str().map(str::to_string);
            (
                f["rule"].as_str().unwrap().to_string(),
                f["turn"].as_u64().unwrap(),
                m,
            )
        })
        .collect()
}

fn rules_hit(v: &Value) -> Vec<String> {
    hits(v).into_iter().map(|h| h.0).collect()
}

#[test]
fn every_example_of_the_second_edition_pack_passes() {
    let (code, out, _) = run(talklint().args(["test", "--no-config", "--require-examples", PACK]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("10 rules, 22 examples: 22 passed"), "{out}");
}

#[test]
fn lexicons_stems_and_proximity() {
    let v = report(
        PACK,
        "a.txt",
        "Agent: You'll need to reach out to the vendor. So sorry about the refunding mess.\nAgent: the refund of your last charge",
    );
    assert_eq!(
        hits(&v),
        [
            (
                "ownership/send-elsewhere".into(),
                1,
                Some("You'll need to reach out to the vendor".into())
            ),
            (
                "empathy/refund-stem".into(),
                1,
                Some("sorry about the refunding".into())
            ),
            (
                "knowledge/charge-near-refund".into(),
                2,
                Some("refund".into())
            ),
        ]
    );
    // `near` across a turn boundary does not count, nor on the wrong side.
    let v = report(
        PACK,
        "a.txt",
        "Agent: the refund\nAgent: charge\nAgent: a charge refund",
    );
    assert!(!rules_hit(&v).contains(&"knowledge/charge-near-refund".to_string()));
    // `not_near`: an owned next step within ten words.
    let v = report(
        PACK,
        "a.txt",
        "Agent: You will need to call your bank and I will join the call.",
    );
    assert!(rules_hit(&v).is_empty(), "{v}");
}

#[test]
fn sequences_report_each_unanswered_trigger_at_the_trigger() {
    let text = "Customer: This is ridiculous.\nAgent: Order number?\nAgent: Thanks.\nCustomer: Still unacceptable!\nAgent: I'm sorry.\nCustomer: frustrated";
    let v = report(PACK, "a.txt", text);
    let f = &v["conversations"][0]["findings"][0];
    assert_eq!(
        (f["rule"].as_str(), f["turn"].as_u64()),
        (Some("empathy/answer-frustration"), Some(1))
    );
    assert_eq!(f["match"], Value::Null);
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(19)),
        "at the trigger"
    );
    assert_eq!(f["message"], "No acknowledgement after “ridiculous”");
    assert_eq!(
        v["conversations"][0]["findings"].as_array().unwrap().len(),
        1,
        "the last trigger, in the last turn, is not judged"
    );
}

#[test]
fn conditions_windows_counts_and_tags() {
    let v = report(
        PACK,
        "chat.json",
        r#"[{"role":"customer","text":"cancel my account"},{"role":"agent","text":"sorry"},{"role":"agent","text":"sorry"},{"role":"agent","text":"sorry, bye"}]"#,
    );
    let found = rules_hit(&v);
    assert!(
        found.contains(&"loyalty/cancel-without-offer".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"sincerity/too-many-sorries".to_string()),
        "{found:?}"
    );
    // A percent window on an untimed chat counts turns: the first 30% of four turns holds the
    // first two (the second covers 25–50%), not the third.
    let v = report(
        PACK,
        "chat.json",
        r#"[{"role":"agent","text":"hi"},{"role":"customer","text":"a"},{"role":"agent","text":"hello"},{"role":"customer","text":"b"}]"#,
    );
    assert!(!rules_hit(&v).contains(&"greeting/early-hello".to_string()));
    let v = report(
        PACK,
        "a.txt",
        "Customer: I want to speak to a manager\nAgent: ok",
    );
    assert_eq!(
        v["conversations"][0]["tags"],
        serde_json::json!(["aws/escalation"])
    );
    assert_eq!(v["conversations"][0]["score"], 80, "a tag scores nothing");
    assert_eq!(v["summary"]["findings"]["tag"], 1);
}

#[test]
fn timing_on_overlapping_turns_and_not_applied_untimed() {
    let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n<v Customer>let me explain the whole story\n\n00:00:03.000 --> 00:00:09.000\n<v Agent>yes yes I know\n\n00:00:25.000 --> 00:00:26.000\n<v Customer>hello?\n";
    let v = report(PACK, "call.vtt", vtt);
    assert_eq!(
        hits(&v),
        [
            ("respect/talks-over".into(), 2, None),
            ("promptness/dead-air".into(), 3, None),
        ]
    );
    let v = report(PACK, "a.txt", "Agent: hi\nCustomer: hello");
    let not_applied = &v["conversations"][0]["not_applied"];
    assert_eq!(
        not_applied,
        &serde_json::json!(["promptness/dead-air", "respect/talks-over"])
    );
}

#[test]
fn the_cloud_examples_run_as_rules() {
    let (code, out, err) = run(talklint().args([
        "check",
        "--no-config",
        "-r",
        "fixtures/rules/cloud",
        "-f",
        "json",
        "fixtures/timed",
    ]));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let tags: Vec<(String, Value)> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["path"].as_str().unwrap().to_string(), c["tags"].clone()))
        .collect();
    assert_eq!(
        tags,
        [
            ("fixtures/timed/billing-apology.json".into(), Value::Null),
            (
                "fixtures/timed/billing-dispute.json".into(),
                serde_json::json!(["ccai/billing-dispute-without-apology"])
            ),
            ("fixtures/timed/escalation-resolved.txt".into(), Value::Null),
            (
                "fixtures/timed/escalation-unresolved.txt".into(),
                serde_json::json!(["aws/unresolved-escalation"])
            ),
        ]
    );
}

#[test]
fn rule_errors_of_the_second_edition() {
    let cycle = rule_error(
        "lexicons:\n  a: [\"x {b}\"]\n  b: [\"{a} y\"]\nrules:\n  - id: a/b\n    phrases: [\"{a}\"]\n",
    );
    assert!(
        cycle.contains("r.yaml:3:8: lexicon `b`, entry \"{a} y\": a lexicon cycle: a → b → a"),
        "{cycle}"
    );
    assert!(
        cycle.contains("1 rule error;"),
        "one cycle, one error: {cycle}"
    );
    let unknown = rule_error(
        "lexicons:\n  team: [billing]\nrules:\n  - id: a/b\n    phrases: [\"call {teams}\"]\n",
    );
    assert!(unknown.contains("r.yaml:5:21: phrase \"call {teams}\": unknown lexicon `{teams}`; the known lexicons are team"), "{unknown}");
    let reward =
        rule_error("rules:\n  - id: a/b\n    kind: reward\n    points: -3\n    phrases: [x]\n");
    assert!(
        reward.contains("r.yaml:4:13: `points` of a reward rule: 0 or more"),
        "{reward}"
    );
    let tag =
        rule_error("rules:\n  - id: a/b\n    kind: tag\n    auto_fail: true\n    phrases: [x]\n");
    assert!(tag.contains("`auto_fail` on a tag rule"), "{tag}");
    let both =
        rule_error("rules:\n  - id: a/b\n    timing: {silence_seconds: 5}\n    phrases: [x]\n");
    assert!(
        both.contains("`timing` cannot be combined with phrases"),
        "{both}"
    );
    let when = rule_error("rules:\n  - id: a/b\n    phrases: [x]\n    when: {phrases: [y]}\n");
    assert!(
        when.contains("a rule with `when` cannot also have `phrases`")
            && when.contains("help: move it into one of the `when` conditions"),
        "{when}"
    );
    // A sequence cannot move into a condition (its help once said it could).
    let after =
        rule_error("rules:\n  - id: a/b\n    when: {phrases: [y]}\n    after: {phrases: [z]}\n");
    assert!(
        after.contains("a rule with `when` cannot also have `after`")
            && after
                .contains("help: a sequence is no `when` condition: write it as a rule of its own"),
        "{after}"
    );
    let group =
        rule_error("rules:\n  - id: a/b\n    when: {all: [{phrases: [y]}], phrases: [z]}\n");
    assert!(
        group.contains("a condition with `all` cannot also have `phrases`"),
        "{group}"
    );
    let window =
        rule_error("rules:\n  - id: a/b\n    phrases: [x]\n    window: {last_percent: 120}\n");
    assert!(
        window.contains("r.yaml:4:28: `last_percent: 120` is not a percent from 1 to 100")
            && window.contains("such as `last_percent: 10`"),
        "{window}"
    );
    // A share written as a fraction loaded as 0.2% and judged the wrong turns.
    for (window, place) in [
        ("{first_percent: 0.2}", "4:29: `first_percent: 0.2`"),
        (
            "{between_percent: [0, 0.5]}",
            "4:31: `between_percent: [0, 0.5]`",
        ),
        (
            "{between_percent: [0.5, 1]}",
            "4:31: `between_percent: [0.5, 1]`",
        ),
    ] {
        let e = rule_error(&format!(
            "rules:\n  - id: a/b\n    phrases: [x]\n    window: {window}\n"
        ));
        assert!(
            e.contains(&format!(
                "r.yaml:{place} reads as a share written as a fraction"
            )) && e.contains("(`20` for 20%, not `0.2`)"),
            "{e}"
        );
    }
    // An address reads as one word in a turn: a phrase that holds one would never match.
    let address = rule_error("rules:\n  - id: a/b\n    phrases: [\"write to help@acme.com\"]\n");
    assert!(
        address.contains("holds a web or e-mail address, which a phrase never matches")
            && address.contains("match `help@acme.com` with a `regex:`"),
        "{address}"
    );
    // Seconds have no top; none is printed (it was f64::MAX, 309 digits).
    let seconds = rule_error(
        "rules:\n  - id: a/b\n    phrases: [x]\n    window: {between_seconds: [-5, 10]}\n",
    );
    assert!(
        seconds.contains("`between_seconds: [-5, 10]` is not [start, end] with 0 <= start < end\n"),
        "{seconds}"
    );
}

#[test]
fn a_config_adds_to_a_packs_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PACK, dir.path().join("pack.yaml")).unwrap();
    fs::write(
        dir.path().join("talklint.yaml"),
        "rules: [pack.yaml]\nlexicons:\n  other_party: [\"the Example Corp warranty desk\"]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("call.txt"),
        "Agent: You'll have to contact the Example Corp warranty desk.\n",
    )
    .unwrap();
    let (_, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "call.txt"]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(rules_hit(&v), ["ownership/send-elsewhere"]);
}

#[test]
fn listings_show_every_key() {
    let (_, out, _) =
        run(talklint().args(["rules", "--no-config", "-r", PACK, "--format", "json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let rule = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(rule("ownership/send-elsewhere")["not_near"][0]["words"], 10);
    assert_eq!(
        rule("empathy/answer-frustration")["after"]["within_turns"],
        2
    );
    assert_eq!(
        rule("loyalty/cancel-without-offer")["when"]["all"][1]["not"]["window"],
        serde_json::json!({"last_percent": 50})
    );
    assert_eq!(
        rule("promptness/dead-air")["timing"],
        serde_json::json!({"silence_seconds": 10})
    );
    assert_eq!(rule("sincerity/too-many-sorries")["count"]["min"], 3);
    let (_, md, _) =
        run(talklint().args(["rules", "--no-config", "-r", PACK, "--format", "markdown"]));
    assert!(
        md.contains("## Lexicons")
            && md.contains("- `maker`: `the manufacturer`, `the (brand|vendor)`"),
        "{md}"
    );
    let (_, phrases, _) =
        run(talklint().args(["rules", "--no-config", "-r", PACK, "--format", "phrases"]));
    assert!(
        phrases
            .contains("ownership/send-elsewhere\tphrase\tyou will need to speak with the brand\n")
    );
    assert!(phrases.contains("ownership/send-elsewhere\tnot_near\ti will\n"));
    assert!(phrases.contains("empathy/answer-frustration\ttrigger\tridiculous\n"));
}

#[test]
fn rules_without_examples_are_named_and_can_fail_the_test_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.yaml");
    fs::write(&file, "rules:\n  - id: a/b\n    phrases: [x]\n").unwrap();
    let (code, out, _) = run(talklint().args(["test", "--no-config"]).arg(&file));
    assert_eq!(code, 0);
    assert!(out.contains("a/b: no examples"), "{out}");
    let (code, _, _) = run(talklint()
        .args(["test", "--no-config", "--require-examples"])
        .arg(&file));
    assert_eq!(code, 1);
}
