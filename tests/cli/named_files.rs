//! Files named on the command line. Those a run reads as something else than transcripts (a
//! talklint report, its `--baseline`, its config, the rule files it loads), met as inputs, named
//! as a pre-commit hook names staged files or found by a walk: they are skipped with the reason,
//! and the exit code follows the findings. A JSON file the run does not read otherwise, in a
//! shape no transcript has, stays an error. And the rule files `talklint test` is given: every
//! rule of theirs is tested, whatever the config disables.

use crate::support::{JSON_CHECK, json_report_in, run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// A call with one error-severity finding of the default pack (`respect/calm-down`).
const CALL: &str = "Agent: Calm down, sir.\n";

/// The cloud rule file a config loads beside the default pack.
const AWS: &str = "fixtures/rules/cloud/aws-unresolved-escalation.json";

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
    let hook = ["--no-config", "--force-exclude"];
    let staged = ["talklint-baseline.json", "call.txt"];
    let (code, report) = json_report_in(dir.path(), &[&hook[..], &staged].concat());
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["errors"], serde_json::json!([]));
    let reason = "a talklint report";
    assert_eq!(skipped(&report), [("talklint-baseline.json", reason)]);
    assert_eq!(report["summary"]["conversations"], 1);

    // Given as `--baseline` too, it knows the call's finding: nothing counts.
    let baseline = ["--baseline", "talklint-baseline.json"];
    let (code, report) = json_report_in(dir.path(), &[&hook[..], &baseline, &staged].concat());
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
    // The call fails by its score, which `fail_on: never` does not spare.
    assert_eq!(code, 1, "{report}");
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
    let flags = ["--no-config", "--exit-zero", "-r", "default", "-r", spelled];
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

/// Two house rules, the second with a `hit` example that does not hit.
const HOUSE: &str = r#"rules:
  - id: house/no-slang
    kind: forbid
    phrases: ["gonna"]
    message: Avoid slang.
    examples:
      hit: ["Agent: I'm gonna check."]
      clean: ["Agent: I will check."]
  - id: house/greet
    kind: require
    phrases: ["thanks for calling"]
    message: Greet the caller.
    examples:
      hit: ["Agent: Hello there."]
      clean: ["Agent: Hi."]
"#;

/// A folder with `qa-rules/house.yaml` ([`HOUSE`]) and the config `config`.
fn house(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("qa-rules")).unwrap();
    write(dir.path(), "qa-rules/house.yaml", HOUSE);
    write(dir.path(), "talklint.yaml", config);
    dir
}

/// `talklint test ARGS` run in `dir`: exit code, output and errors.
fn test_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(talklint().current_dir(dir).arg("test").args(args))
}

#[test]
fn talklint_test_tests_every_rule_of_the_paths_named_whatever_the_config_disables() {
    let dir = house("rules: [default, ./qa-rules]\ndisable: [house]\nseverity: {house: info}\n");
    let (code, out, err) = test_in(dir.path(), &["qa-rules"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("house/greet: Missing: hit example 1"), "{out}");
    assert!(
        out.ends_with(
            "2 rules, 4 examples: 3 passed, 1 failed (1 rule failing, 0 rules without examples).\n"
        ),
        "{out}"
    );
    assert_eq!(err, "");
    // `check` (and `rules`, which lists its rules) still leaves the disabled rules out.
    let (code, out, err) = run(talklint().current_dir(dir.path()).arg("rules"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("respect/calm-down") && !out.contains("house/"),
        "{out}"
    );
}

#[test]
fn talklint_test_paths_says_nothing_of_config_entries_for_the_rules_of_other_files() {
    // Each names a rule, category or lexicon of the default pack, which `check` loads.
    let config = "rules: [default, ./qa-rules]\ndisable: [enthusiasm/no-problem]\n\
                  severity: {empathy: info}\nlexicons: {outside_party: [zyzzyva corp]}\n";
    let dir = house(config);
    write(
        dir.path(),
        "qa-rules/house.yaml",
        &HOUSE.replace("Hello there", "Thanks for calling"),
    );
    let (code, out, err) = test_in(dir.path(), &["qa-rules"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.starts_with("2 rules, 4 examples: 4 passed"), "{out}");
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--exit-zero", "qa-rules"]));
    // A folder of rule files holds no transcript, which is all it says.
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "warning: no transcript found to check in qa-rules (1 file skipped: the summary \
             says why): check the paths, and what --include, --exclude and a config's \
             `include`/`exclude` leave"
        ]
    );
}

#[test]
fn a_test_of_no_rules_does_not_pass() {
    let dir = house("rules: [default, ./qa-rules]\n");
    write(
        dir.path(),
        "lexicons.yaml",
        "lexicons:\n  outside_party: [zyzzyva corp]\n",
    );
    let (code, out, err) = test_in(dir.path(), &["lexicons.yaml"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("error: no rules to test in lexicons.yaml"),
        "{err}"
    );
    assert!(err.contains("help: "), "{err}");
}

/// A file of lexicons alone is a pack's share, and checks nothing by itself: a run that loads
/// no rule but such files says so, where it once passed every file in silence; beside a pack
/// whose rules name them it says nothing.
#[test]
fn a_check_of_lexicons_alone_warns_that_nothing_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lexicons.yaml",
        "lexicons:\n  partner: [zyzzyva corp]\n",
    );
    let check = |rules: &[&str], expected: i32| {
        let (code, _, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config"])
            .args(rules.iter().flat_map(|r| ["-r", r]))
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/calls/courteous.txt")));
        assert_eq!(code, expected, "{err}");
        err
    };
    let err = check(&["lexicons.yaml"], 2);
    assert!(
        err.contains("warning: lexicons.yaml: lexicons but no rules, and no other file loaded has any: nothing is checked"),
        "{err}"
    );
    assert!(!check(&["default", "lexicons.yaml"], 0).contains("warning"));
}

/// A config named that cannot be read is an error with help, as every other is.
#[test]
fn a_config_that_is_not_there_is_an_error_with_help() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "call.txt", "Agent: Hello.\n");
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--config",
        "nope.yaml",
        "call.txt",
    ]));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("error: nope.yaml: cannot read config: ")
            && err.contains("\n  help: check the path and its permissions"),
        "{err}"
    );
}

#[test]
fn a_rule_path_that_is_not_there_has_a_hint_that_fits_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = test_in(dir.path(), &["--no-config", "nosuch.yaml"]);
    assert_eq!(code, 2, "{err}");
    // A file that is not there has no line 1 to point at.
    assert!(
        err.contains("error: nosuch.yaml: no such rule file or folder"),
        "{err}"
    );
    assert!(
        !err.contains("--rules"),
        "`test` takes paths, not --rules: {err}"
    );
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-r", "nosuch.yaml"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("help: check the path: name a rule file"),
        "{err}"
    );
    // The built-in pack, mistyped.
    let (_, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "-r", "defualt"]));
    assert!(err.contains("; `default` names the built-in pack"), "{err}");
}

#[test]
fn a_missing_path_named_twice_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, report) = json_report_in(dir.path(), &["--no-config", "nope", "./nope"]);
    assert_eq!(code, 2, "{report}");
    assert_eq!(crate::support::error_messages(&report).len(), 1, "{report}");
    assert_eq!(report["summary"]["files"], 1, "{report}");
}

#[test]
fn a_few_named_files_checked_on_one_thread_report_as_a_walk_of_them_does() {
    // Sixteen files or fewer, named, are checked on the calling thread; a walk of their folder
    // goes through the pool. Findings, a clean call, an error and a skipped file, in order.
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..16 {
        let (name, text) = match i % 4 {
            0 => (format!("call-{i:02}.txt"), CALL.to_string()),
            1 => (
                format!("call-{i:02}.txt"),
                "Agent: I'm sorry to hear that.\n".into(),
            ),
            2 => (format!("chat-{i:02}.json"), "{\"turns\": [".into()),
            _ => (format!("empty-{i:02}.txt"), String::new()),
        };
        write(dir.path(), &name, &text);
        names.push(name);
    }
    names.sort();
    let named = run(talklint()
        .current_dir(dir.path())
        .args(JSON_CHECK)
        .args(&names));
    let walked = run(talklint().current_dir(dir.path()).args(JSON_CHECK).arg("."));
    assert_eq!(named, walked);
    let report: Value = serde_json::from_str(&named.1).unwrap();
    assert_eq!(report["conversations"].as_array().unwrap().len(), 8);
    assert_eq!(report["errors"].as_array().unwrap().len(), 4);
    assert_eq!(skipped(&report).len(), 4);
}
