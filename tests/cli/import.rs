//! Cloud categories offline (SPEC §12): AWS Call Analytics categories and Google CCAI phrase
//! matchers loaded with `-r FILE.json` as tags, every vendor field held to a call that does and
//! one that does not satisfy it, `talklint import` giving YAML that finds the same, the
//! matchers that need a model left out (or refused under `--strict-import`), and each
//! malformed file an error at its line and column.

use crate::support::{run, talklint};
use serde_json::Value;
use std::collections::BTreeMap;

const CLOUD: &str = "fixtures/rules/cloud";
/// Calls written to decide each field of the cloud fixtures.
const CALLS: &[&str] = &["fixtures/cloud-calls"];
/// Every well-formed cloud fixture.
const GOOD: [&str; 8] = [
    "aws-unresolved-escalation.json",
    "aws-categories.json",
    "aws-category-properties.json",
    "aws-sentiment.json",
    "ccai-billing-dispute.json",
    "ccai-list.json",
    "ccai-matchers.json",
    "ccai-semantic.json",
];

/// The paths of cloud fixtures.
fn cloud(files: &[&str]) -> Vec<String> {
    files.iter().map(|f| format!("{CLOUD}/{f}")).collect()
}

/// `talklint check --no-config` with `args`, then `-r` for each of `rules`, on `paths`.
fn check_cloud(args: &[&str], rules: &[String], paths: &[&str]) -> (i32, String, String) {
    run(talklint()
        .args(["check", "--no-config"])
        .args(args)
        .args(rules.iter().flat_map(|r| ["-r", r.as_str()]))
        .args(paths))
}

/// The JSON report of `check` with `rules` on `paths`, and its stderr.
fn report(rules: &[String], paths: &[&str]) -> (Value, String) {
    let (code, out, err) = check_cloud(&["-f", "json"], rules, paths);
    assert_eq!(code, 0, "{err}");
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (v, err)
}

/// Each conversation's tags, sorted, by file name.
fn tags(v: &Value) -> BTreeMap<String, Vec<String>> {
    v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let path = c["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            let mut tags: Vec<String> = c["tags"]
                .as_array()
                .map(|t| t.iter().map(|t| t.as_str().unwrap().to_string()).collect())
                .unwrap_or_default();
            tags.sort();
            (name, tags)
        })
        .collect()
}

#[test]
fn every_field_decides_a_tag() {
    let (v, err) = report(&cloud(&GOOD), &["fixtures/cloud-calls", "fixtures/timed"]);
    let got = tags(&v);
    let want = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // call-1: greeting in [0 s, 10 s] and "refund" in the last 20 s (AbsoluteTimeRange
    // StartTime/EndTime and Last); "cancel my account" in the first 20 % and "order id" in
    // 40–60 % (RelativeTimeRange); an agent "sorry" (roleMatch HUMAN_AGENT). A 33 s silence
    // fails calm-call's negated NonTalkTimeFilter.
    assert_eq!(
        got["call-1.txt"],
        want(&[
            "aws/agent-thanks",
            "aws/early-greeting-late-refund",
            "aws/opening-and-middle",
            "aws/refund-mentioned",
            "ccai/agent-apologizes",
        ])
    );
    // call-2: the same words outside those ranges; a 2 s interruption by the customer fails
    // calm-call's negated InterruptionFilter and gives customer-interrupts (ParticipantRole
    // CUSTOMER: escalation-unresolved's 4 s interruption by the agent does not); a customer's
    // "welcome" is no agent's (ANY_AGENT); "speak to the manager" is not the target "speak to a
    // manager"; "Order ID" in that case (caseSensitive); a refund without "today" (ANY_OF
    // groups, a negated query).
    assert_eq!(
        got["call-2.txt"],
        want(&[
            "aws/agent-thanks",
            "aws/customer-interrupts",
            "aws/refund-mentioned",
            "ccai/order-id-case",
            "ccai/refund-without-timing",
        ])
    );
    // call-3: no interruption nor long silence (both negated filters hold); "SPEAK to a, uh,
    // manager" is the target in canonical form (REAL_TIME loads the same way); "refunded" is not
    // the escaped target "refund*"; a customer "sorry" (END_USER) and an IVR "welcome"
    // (AUTOMATED_AGENT, ANY_AGENT).
    assert_eq!(
        got["call-3.txt"],
        want(&[
            "aws/agent-thanks",
            "aws/calm-call",
            "aws/realtime-manager",
            "ccai/any-agent-welcome",
            "ccai/bot-welcome",
            "ccai/customer-apology",
        ])
    );
    // Without times, relative ranges count turns (turn k of 4 covers [(k−1)/4, k/4)), and the
    // categories that need a clock are not applied, and say so; unresolved-escalation is not
    // among them, as its customer never asks for a manager: one failed rule decides it.
    assert_eq!(
        got["untimed.txt"],
        want(&[
            "aws/agent-thanks",
            "aws/opening-and-middle",
            "aws/refund-mentioned",
            "ccai/refund-without-timing",
        ])
    );
    let untimed = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == "fixtures/cloud-calls/untimed.txt")
        .unwrap();
    assert_eq!(
        untimed["not_applied"],
        serde_json::json!([
            "aws/early-greeting-late-refund",
            "aws/calm-call",
            "aws/customer-interrupts"
        ])
    );
    // The two examples of reference/cloud-rules.md tag what their hand-written YAML rules tag
    // (fixtures/rules/cloud/*.yaml); "Thanks for calling" is not "thank you for calling".
    assert_eq!(
        got["billing-dispute.json"],
        want(&["ccai/billing-dispute-without-apology"])
    );
    assert_eq!(
        got["billing-apology.json"],
        want(&["ccai/agent-apologizes"])
    );
    assert_eq!(
        got["escalation-unresolved.txt"],
        want(&[
            "aws/realtime-manager",
            "aws/unresolved-escalation",
            "ccai/agent-apologizes",
        ])
    );
    assert_eq!(
        got["escalation-resolved.txt"],
        want(&["aws/realtime-manager", "ccai/agent-apologizes"])
    );
    // Left out, each with a warning that names it, where, and why: an AWS sentiment filter, which
    // needs AWS's model, as a CCAI semantic match does, and an inactive matcher.
    assert!(!v.to_string().contains("negative-customer"), "{v}");
    assert!(err.contains("aws-sentiment.json:13:8: AWS Transcribe Call Analytics category \"negative-customer\" left out: Rules[1].SentimentFilter asks for AWS's sentiment of the call, which needs its model"), "{err}");
    assert!(err.contains("ccai-semantic.json:9:52: Google CCAI Insights phrase matcher \"Frustrated customer\" left out: phraseMatchRuleGroups[0].phraseMatchRules[0].config.semanticMatchConfig asks for semantic matching, which needs a model"), "{err}");
    assert!(err.contains("ccai-matchers.json:59:17: Google CCAI Insights phrase matcher \"Draft: loyalty offer\" left out: it is inactive"), "{err}");
}

#[test]
fn the_json_and_the_yaml_import_prints_find_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("imported.yaml");
    let (code, out, err) = run(talklint()
        .args(["import", "--no-config"])
        .args(cloud(&GOOD)));
    assert_eq!(code, 0, "{err}");
    std::fs::write(&yaml, &out).unwrap();
    let paths = ["fixtures/cloud-calls", "fixtures/timed", "fixtures/calls"];
    let (from_json, _) = report(&cloud(&GOOD), &paths);
    let (from_yaml, _) = report(&[yaml.display().to_string()], &paths);
    assert_eq!(from_json["conversations"], from_yaml["conversations"]);
    assert_eq!(from_json["summary"], from_yaml["summary"]);
    assert!(tags(&from_json).values().map(Vec::len).sum::<usize>() >= 20);
}

#[test]
fn import_prints_an_editable_rule_file() {
    let (code, out, err) = run(talklint().args([
        "import",
        "fixtures/rules/cloud/aws-unresolved-escalation.json",
        "fixtures/rules/cloud/ccai-matchers.json",
    ]));
    assert_eq!(code, 0, "{err}");
    for line in [
        "  # From fixtures/rules/cloud/aws-unresolved-escalation.json: AWS Transcribe Call Analytics category",
        "  # CategoryName \"unresolved-escalation\", InputType POST_CALL: all Rules must match",
        "  - id: aws/unresolved-escalation",
        "    kind: tag",
        "        # Rules[1].TranscriptFilter: EXACT, ParticipantRole AGENT, Negate: none of Targets, RelativeTimeRange Last 50",
        "        - not: {speaker: agent, phrases: [\"I will escalate this\", \"let me get my supervisor\"], window: {last_percent: 50, percent_of: media}}",
        "        - {speaker: any, timing: {silence_seconds: 15}, window: {between_seconds: [0, 120]}}",
        "        - {speaker: agent, timing: {interrupts_total_seconds: 3}}",
        "  - id: ccai/agent-apologizes",
        "        - {speaker: any, regex: [\"(?-i)(?u:\\\\b)Order(?u:\\\\s)+ID(?u:\\\\b)\"]}",
        "            - not: {speaker: any, phrases: [\"today\"]}",
        "    when:\n      any:",
        "  # Left out: Google CCAI Insights phrase matcher \"Draft: loyalty offer\" from fixtures/rules/cloud/ccai-matchers.json: it is inactive",
    ] {
        assert!(out.contains(line), "{line}\nnot in:\n{out}");
    }
    assert!(
        err.contains("warning: fixtures/rules/cloud/ccai-matchers.json:59:17"),
        "{err}"
    );
    // Vendor targets match their words: `refund*` is the word, not a stem; its `*` is a word
    // boundary, written as a blank (an escape would get a warning when the output is loaded).
    let (_, out, _) = run(talklint().args([
        "import",
        "fixtures/rules/cloud/aws-category-properties.json",
    ]));
    assert!(out.contains(r#"phrases: ["refund"]"#), "{out}");
    // Roles: AUTOMATED_AGENT is the bot; `talklint rules` lists imported rules like any other.
    let (code, out, _) = run(talklint().args([
        "rules",
        "--no-config",
        "-r",
        "fixtures/rules/cloud/ccai-matchers.json",
        "ccai/bot-welcome",
    ]));
    assert_eq!(code, 0);
    assert!(
        out.contains("ccai/bot-welcome") && out.contains("tag"),
        "{out}"
    );
}

#[test]
fn strict_import_refuses_what_needs_a_model() {
    let file = "ccai-semantic.json";
    let at = "ccai-semantic.json:9:52: Google CCAI Insights phrase matcher \"Frustrated customer\" left out";
    let path = format!("{CLOUD}/{file}");
    let (code, _, err) = check_cloud(&["--strict-import"], &cloud(&[file]), CALLS);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(at), "{err}");
    assert!(err.contains("help: talklint runs no model"), "{err}");
    let (code, out, err) = run(talklint().args(["import", "--strict-import", &path]));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    // So does an AWS sentiment filter.
    let (code, _, err) = check_cloud(&["--strict-import"], &cloud(&["aws-sentiment.json"]), CALLS);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("Rules[1].SentimentFilter asks for AWS's sentiment"),
        "{err}"
    );
    // An inactive matcher is not a model question: --strict-import still loads the rest.
    let (code, _, err) = check_cloud(&["--strict-import"], &cloud(&["ccai-matchers.json"]), CALLS);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("inactive"), "{err}");
}

#[test]
fn malformed_files_are_errors_at_their_place() {
    let cases = [
        (
            "missing-targets.json",
            "4:26: Rules[0].TranscriptFilter has no `Targets`",
            "add \"Targets\"",
        ),
        (
            "first-with-start.json",
            "5:65: AbsoluteTimeRange takes `StartTime` with `EndTime`, or `First`, or `Last`, not StartTime with First",
            "write `StartTime` with `EndTime`",
        ),
        (
            "percent-over-100.json",
            "5:89: `RelativeTimeRange.EndPercentage` is 120: it must be a whole number of percent from 0 to 100",
            "write a whole number of percent",
        ),
        (
            "threshold-string.json",
            "4:41: `Threshold` must be a number of milliseconds, not a string \"15000\"",
            "write a number of milliseconds here (without quotes)",
        ),
        (
            "unknown-shape.json",
            "1:1: not a cloud rule file talklint can read",
            "unknown-shape.json is a transcript (json), not cloud rules: check it as one",
        ),
        (
            "bad-syntax.json",
            "5:3: invalid JSON: expected `,` or `}`",
            "put a `,` between two items, or close the list or object here",
        ),
        (
            "real-time-silence.json",
            "5:6: a REAL_TIME category allows only TranscriptFilter, not NonTalkTimeFilter",
            "make the category POST_CALL",
        ),
        (
            "fuzzy-type.json",
            "4:51: unknown TranscriptFilterType \"FUZZY\"",
            "TranscriptFilterType is one of \"EXACT\"",
        ),
        (
            "unknown-role.json",
            "4:67: unknown ParticipantRole \"SUPERVISOR\"",
            "ParticipantRole is one of \"AGENT\", \"CUSTOMER\"",
        ),
        (
            "both-ranges.json",
            "6:28: Rules[0].NonTalkTimeFilter has both AbsoluteTimeRange and RelativeTimeRange",
            "keep one time range per filter",
        ),
        (
            "ccai-unknown-key.json",
            "5:65: unknown key `negate` in phraseMatchRuleGroups[0].phraseMatchRules[0]",
            "holds query, negated, config",
        ),
        (
            "ccai-no-type.json",
            "1:1: a CCAI phrase matcher has no `type`",
            "\"ALL_OF\" or \"ANY_OF\"",
        ),
    ];
    for (file, message, hint) in cases {
        let path = format!("{CLOUD}/broken/{file}");
        for cmd in [
            vec!["check", "--no-config", "-r", &path, "fixtures/cloud-calls"],
            vec!["import", "--no-config", &path],
        ] {
            let (code, out, err) = run(talklint().args(&cmd));
            assert_eq!(code, 2, "{file}: {err}");
            assert!(
                out.is_empty(),
                "{file}: nothing is printed or checked: {out}"
            );
            assert!(
                err.contains(&format!("error: {path}:{message}")),
                "{file}:\n{err}"
            );
            assert!(
                err.lines()
                    .any(|l| l.starts_with("  help: ") && l.contains(hint)),
                "{file}:\n{err}"
            );
        }
    }
}

#[test]
fn colliding_ids_and_yaml_given_to_import_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let category = |name: &str, target: &str| {
        format!(
            "{{\"CategoryName\": \"{name}\", \"Rules\": [{{\"TranscriptFilter\": {{\"TranscriptFilterType\": \"EXACT\", \"Targets\": [\"{target}\"]}}}}]}}"
        )
    };
    std::fs::write(&a, category("Late_Refund", "refund")).unwrap();
    let import_with = |b_target: &str| {
        std::fs::write(&b, format!("[\n {}\n]", category("late.refund", b_target))).unwrap();
        let (code, _, err) = run(talklint().args(["import", "--no-config"]).arg(&a).arg(&b));
        assert_eq!(code, 2, "{err}");
        err
    };
    for (target, error) in [
        // The target "um" is only a filler: it could never match.
        (
            "um",
            "b.json:2:111: the target \"um\" has no word talklint can match",
        ),
        (
            "refund",
            "b.json:2:19: duplicate rule id `aws/late-refund`: already defined at",
        ),
    ] {
        let err = import_with(target);
        assert!(err.contains(error), "{err}");
    }
    let (code, _, err) = run(talklint().args(["import", "fixtures/rules/basic.yaml"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("talklint import reads cloud definitions in .json files"),
        "{err}"
    );
}
