//! Files a run reads as something else than transcripts (a talklint report, its `--baseline`,
//! its config, the rule files it loads) met as inputs, named as a pre-commit hook names staged
//! files or found by a walk: they are skipped with the reason, and the exit code follows the
//! findings. A JSON file the run does not read otherwise, in a shape no transcript has, stays an
//! error.

use crate::support::{JSON_CHECK, json_report_in, run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// A call with one error-severity finding of the default pack (`respect/calm-down`).
const CALL: &str = "Agent: Calm down, sir.\n";

/// The cloud rule file a config loads beside the default pack.
const AWS: &str = "fixtures/rules/cloud/aws-unresolved-escalation.json";

/// `talklint ARGS` run in `dir`: the exit code and the JSON report.
fn report_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(talklint().current_dir(dir).args(args));
    let report = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\nstderr:\n{err}"));
    (code, report)
}

/// A report's skipped files as (path, reason).
fn skipped(report: &Value) -> Vec<(&str, &str)> {
    (report["skipped"].as_array().expect("skipped array").iter())
        .map(|s| (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect()
}

fn copy_aws(dir: &Path, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(AWS);
    std::fs::copy(from, dir.join(name)).unwrap();
}

#[test]
fn a_committed_baseline_that_the_hook_names_is_skipped_as_a_report() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "call.txt", CALL);
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(JSON_CHECK)
        .arg("call.txt"));
    assert_eq!(code, 0, "{err}");
    write(dir.path(), "talklint-baseline.json", &out);

    // As `.pre-commit-hooks.yaml` runs it, with both files staged: the call's finding counts.
    let hook = ["check", "--no-config", "-f", "json", "--force-exclude"];
    let staged = ["talklint-baseline.json", "call.txt"];
    let (code, report) = report_in(dir.path(), &[&hook[..], &staged].concat());
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]));
    let reason = "a talklint report";
    assert_eq!(skipped(&report), [("talklint-baseline.json", reason)]);
    assert_eq!(report["summary"]["conversations"], 1);

    // Given as `--baseline` too, it knows the call's finding: nothing counts.
    let baseline = ["--baseline", "talklint-baseline.json"];
    let (code, report) = report_in(dir.path(), &[&hook[..], &baseline, &staged].concat());
    assert_eq!(code, 0, "{report}");
    let reason = "the report this run reads as --baseline";
    assert_eq!(skipped(&report), [("talklint-baseline.json", reason)]);
}

#[test]
fn a_cloud_rule_file_the_config_loads_is_skipped_walked_or_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("qa-rules")).unwrap();
    copy_aws(dir.path(), "qa-rules/aws-escalation.json");
    write(dir.path(), "qa-rules/call.txt", CALL);
    let config = "rules: [default, ./qa-rules/aws-escalation.json]\nfail_on: never\n";
    write(dir.path(), "talklint.yaml", config);
    let rules = "a rule file this run loads";

    let (code, report) = json_report_in(dir.path(), &["qa-rules"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]));
    assert_eq!(skipped(&report), [("qa-rules/aws-escalation.json", rules)]);
    assert_eq!(report["summary"]["conversations"], 1);

    // Named, as a hook names them: the config too is no transcript.
    let named = ["./qa-rules/aws-escalation.json", "talklint.yaml"];
    let (code, report) = json_report_in(dir.path(), &named);
    assert_eq!(code, 0, "{report}");
    let config = "a config this run reads";
    let expected = [
        ("qa-rules/aws-escalation.json", rules),
        ("talklint.yaml", config),
    ];
    assert_eq!(skipped(&report), expected);

    // Loaded with `--rules`, spelled another way, and found by a walk of the current folder.
    let spelled = "qa-rules/../qa-rules/aws-escalation.json";
    let flags = [
        "--no-config",
        "--fail-on",
        "never",
        "-r",
        "default",
        "-r",
        spelled,
    ];
    let (code, report) = json_report_in(dir.path(), &flags);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]));
    let found = skipped(&report);
    assert!(
        found.contains(&("qa-rules/aws-escalation.json", rules)),
        "{found:?}"
    );
}

#[test]
fn a_json_file_the_run_does_not_load_stays_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("qa-rules")).unwrap();
    copy_aws(dir.path(), "qa-rules/aws-escalation.json");
    copy_aws(dir.path(), "qa-rules/copy.json");
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [default, ./qa-rules/aws-escalation.json]\n",
    );

    let (code, report) = json_report_in(dir.path(), &["qa-rules"]);
    assert_eq!(code, 2, "{report}");
    let errors: Vec<&str> = (report["errors"].as_array().unwrap().iter())
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(errors, ["qa-rules/copy.json"]);

    // Without the config, the rule file is loaded by nothing: read, it is no transcript.
    let (code, report) =
        json_report_in(dir.path(), &["--no-config", "qa-rules/aws-escalation.json"]);
    assert_eq!(code, 2, "{report}");
    assert_eq!(report["skipped"], serde_json::json!([]));
}

#[test]
fn a_nested_config_s_rule_file_is_skipped_by_a_walk_from_above() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("team")).unwrap();
    copy_aws(dir.path(), "team/escalation.json");
    write(
        dir.path(),
        "team/talklint.yaml",
        "rules: [default, ./escalation.json]\n",
    );
    write(dir.path(), "team/call.txt", "Agent: Thanks for calling.\n");

    let (code, report) = json_report_in(dir.path(), &["."]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]));
    let expected = [
        ("team/escalation.json", "a rule file this run loads"),
        ("team/talklint.yaml", "a config this run reads"),
    ];
    assert_eq!(skipped(&report), expected);
}
