//! The JSON Schemas under `schemas/`: equal to what `talklint schema` generates, and a real
//! validator (boon) accepts with them the shipped pack, the fixtures' rule files and configs,
//! `init`'s config and a JSON report, and rejects a rule file with an unknown key or a wrong kind.

use crate::support::{run, talklint, validate};
use serde_json::Value;
use std::path::{Path, PathBuf};

const RULES: &str = "schemas/rules.json";
const CONFIG: &str = "schemas/config.json";
const REPORT: &str = "schemas/report.json";

/// YAML text as the JSON value a validator sees.
fn yaml_as_json(yaml: &str) -> Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).expect("YAML");
    serde_json::to_value(value).expect("YAML that is JSON too")
}

/// The `*.yaml` files directly in `dir` (relative to the repository root), sorted.
fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
        .expect("a folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no YAML files in {dir}");
    files
}

#[test]
fn committed_schemas_are_current() {
    for name in ["rules", "config", "report"] {
        let (code, generated, err) = run(talklint().args(["schema", name]));
        assert_eq!(code, 0, "{err}");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schemas/{name}.json"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "schemas/{name}.json is not what the code generates; regenerate the schemas with\n  \
             for s in rules config report; do cargo run -q -- schema $s > schemas/$s.json; done"
        );
    }
}

#[test]
fn shipped_pack_and_fixture_rule_files_validate() {
    let files = [
        yaml_files("rules"),
        yaml_files("fixtures/rules"),
        yaml_files("fixtures/rules/cloud"),
    ];
    for path in files.iter().flatten() {
        let text = std::fs::read_to_string(path).expect("a rule file");
        if let Err(e) = validate(RULES, &yaml_as_json(&text)) {
            panic!("{} does not validate against {RULES}:\n{e}", path.display());
        }
    }
}

#[test]
fn rule_files_with_an_unknown_key_or_a_wrong_kind_do_not_validate() {
    let wrong_kind = "rules:\n  - id: a/b\n    kind: forbidden\n    phrases: [x]\n";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let broken = ["unknown-key.yaml", "bad-speaker.yaml"]
        .map(|f| std::fs::read_to_string(root.join("fixtures/rules/broken").join(f)).unwrap());
    for text in [wrong_kind, &broken[0], &broken[1]] {
        assert!(
            validate(RULES, &yaml_as_json(text)).is_err(),
            "accepted by {RULES}:\n{text}"
        );
    }
}

#[test]
fn init_config_and_the_fixture_configs_validate() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.path().join("talklint.yaml")).unwrap();
    if let Err(e) = validate(CONFIG, &yaml_as_json(&text)) {
        panic!("init's talklint.yaml does not validate against {CONFIG}:\n{e}");
    }
    let starter = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/configs/starter.yaml");
    assert_eq!(std::fs::read_to_string(starter).unwrap(), text);
    for path in yaml_files("fixtures/configs") {
        let config = std::fs::read_to_string(&path).expect("a config");
        if let Err(e) = validate(CONFIG, &yaml_as_json(&config)) {
            panic!(
                "{} does not validate against {CONFIG}:\n{e}",
                path.display()
            );
        }
    }
    let unknown = yaml_as_json("rules: [default]\nfail_on: sometimes\n");
    assert!(
        validate(CONFIG, &unknown).is_err(),
        "fail_on: sometimes accepted"
    );
    // A `roles` key is a role, as talklint reads it: an editor flags `manager`.
    let roles = |key: &str| yaml_as_json(&format!("rules: [default]\nroles: {{{key}: [x]}}\n"));
    assert!(validate(CONFIG, &roles("agent")).is_ok());
    assert!(
        validate(CONFIG, &roles("manager")).is_err(),
        "roles: manager accepted"
    );
    // The example config of every key (the README's too) lists fillers that are no words of
    // the built-in pack's phrases: `like` made eight warnings on every run.
    let (_, _, err) = run(talklint().args([
        "check",
        "--config",
        "fixtures/configs/every-key.yaml",
        "fixtures/calls/courteous.txt",
    ]));
    assert!(!err.contains("a filler word"), "{err}");
    let fillers = |path: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        let line = text.lines().find(|l| l.starts_with("fillers: ")).unwrap();
        line.split('#').next().unwrap().trim().to_string()
    };
    assert_eq!(
        fillers("README.md"),
        fillers("fixtures/configs/every-key.yaml")
    );
    // Values talklint refuses, an editor flags: no rule source, an empty glob or path.
    for config in [
        "rules: []\n",
        "exclude: ['']\n",
        "include: ['*.txt', '']\n",
        "rules: ['']\n",
    ] {
        assert!(
            validate(CONFIG, &yaml_as_json(config)).is_err(),
            "accepted: {config}"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("talklint.yaml"), config).unwrap();
        let (code, _, err) = run(talklint().current_dir(dir.path()).arg("check"));
        assert_eq!(code, 2, "talklint refuses {config}: {err}");
    }
}

/// `talklint check --no-config -f json ARGS`, parsed.
fn json_report(args: &[&str]) -> Value {
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json"])
        .args(args));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON report ({e}):\n{err}"))
}

#[test]
fn json_report_validates() {
    let report = json_report(&["fixtures/calls", "fixtures/formats"]);
    assert!(report["summary"]["findings"]["error"].as_u64() > Some(0));
    if let Err(e) = validate(REPORT, &report) {
        panic!("the JSON report does not validate against {REPORT}:\n{e}");
    }
    let mut wrong = report.clone();
    wrong["conversations"][0]["findings"][0]["kind"] = "forbidden".into();
    wrong["summary"]["passed"] = "some".into();
    let errors = validate(REPORT, &wrong).expect_err("a wrong kind and count accepted");
    assert!(
        errors.contains("/kind") && errors.contains("/passed"),
        "{errors}"
    );
}

/// The keys the first report leaves out: suppressed findings, rules not applied, skipped files
/// and files that could not be read.
#[test]
fn json_report_with_suppressed_skipped_and_broken_files_validates() {
    let dir = tempfile::tempdir().unwrap();
    let chat = dir.path().join("chat.txt");
    let text = "Agent: Hi.\n# talklint: ignore ownership\nAgent: That's not my department.\n";
    std::fs::write(&chat, text).unwrap();
    let report = json_report(&[
        "--show-suppressed",
        "-r",
        "rules",
        "-r",
        "fixtures/rules/cloud",
        "-r",
        "fixtures/rules/cloud/aws-categories.json",
        chat.to_str().unwrap(),
        "fixtures/cloud-calls",
        "fixtures/corpora/format-samples/webvtt_py_test_subtitles",
        "Cargo.toml",
    ]);
    let text = report.to_string();
    for key in ["\"suppressed\":true", "\"not_applied\":"] {
        assert!(text.contains(key), "no {key} in {text}");
    }
    assert!(report["skipped"][0].is_object() && report["errors"][0].is_object());
    if let Err(e) = validate(REPORT, &report) {
        panic!("the JSON report does not validate against {REPORT}:\n{e}");
    }
}
