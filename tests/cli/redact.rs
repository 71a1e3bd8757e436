//! `--redact` (SPEC §11): personal data is masked in every report, `eval --show` and `--diff`,
//! while rules match the original text and findings keep their lines and columns.

use crate::support::{FORMATS, quoting, run, talklint, write};
use serde_json::Value;
use std::path::Path;

const RULES: &str = r#"pack: pii
version: 1
rules:
  - id: respect/calm-down
    severity: warning
    phrases: ["calm down"]
    message: "Tells the customer to “{match}”"
    replace: "relax"
  - id: privacy/card-read-back
    severity: error
    regex: ['card \d{4}']
    message: "Reads back “{match}”"
  - id: privacy/mail-read-back
    severity: warning
    regex: ['mail \S+@\S+\w']
    message: "Reads back “{match}”"
"#;

const CALLS: &str = "\
Agent: Please calm down, I have your card 4111 1111 1111 1111 here.
Customer: ok
Agent: calm down, mail jo.doe@example.com or call +44 20 7946 0958 or 1-800-555-0199.
Customer: fine
Agent: ssn 123-45-6789, iban GB82 WEST 1234 5698 7654 32, calm down, ref 1234 5678 9012 3456, account ACC-991.
";

/// Personal data of [`CALLS`], as it must never appear in a redacted report.
const PERSONAL: [&str; 7] = [
    "4111",
    "or 1-",
    "jo.doe",
    "example.com",
    "7946",
    "123-45-6789",
    "GB82",
];

/// A folder with the rules, the transcript and (when given) a config.
fn folder(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pii.yaml", RULES);
    write(dir.path(), "calls.txt", CALLS);
    if let Some(config) = config {
        write(dir.path(), "talklint.yaml", config);
    }
    dir
}

/// `talklint check` in `dir` with the pack, and `args`: (exit code, stdout, stderr).
fn check_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(talklint()
        .current_dir(dir)
        .args(["check", "-r", "pii.yaml", "--color", "never"])
        .args(args)
        .arg("calls.txt"))
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json", "--no-config"];
    all.extend_from_slice(args);
    let (code, out, err) = check_in(dir, &all);
    assert_eq!(code, 1, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// Each finding's rule, line, column, end line and end column.
fn places(report: &Value) -> Vec<Value> {
    let findings = report["conversations"][0]["findings"].as_array().unwrap();
    findings
        .iter()
        .map(|f| {
            let keys = ["rule", "line", "column", "end_line", "end_column"];
            Value::Array(keys.iter().map(|k| f[*k].clone()).collect())
        })
        .collect()
}

#[test]
fn no_personal_data_in_any_format() {
    let dir = folder(None);
    for format in FORMATS {
        let rows = quoting(format);
        let (code, out, err) =
            check_in(dir.path(), &["--no-config", "--redact", rows, "-f", format]);
        assert_eq!(code, 1, "{format}: {err}");
        for data in PERSONAL {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(
            out.contains("[CARD]"),
            "{format}: the card read back is masked:\n{out}"
        );
        if format == "human" || format == "html" {
            // The formats that show the turns: every kind masked, the invalid number kept.
            for token in [
                "[EMAIL]",
                "[PHONE]",
                "[SSN]",
                "[IBAN]",
                "1234 5678 9012 3456",
            ] {
                assert!(out.contains(token), "{format} lacks {token}:\n{out}");
            }
        }
        if format == "human" || format == "html" {
            // The match that overlaps the card is marked with the whole token, once.
            assert!(!out.contains("[CARD][CARD]"), "{format}:\n{out}");
        }
        if format == "html" {
            assert!(out.contains(",\"card [CARD]\"],\" here.\""), "{out}");
        }
        // Without --redact the same report shows the card.
        let (_, plain, _) = check_in(dir.path(), &["--no-config", rows, "-f", format]);
        assert!(plain.contains("4111"), "{format}:\n{plain}");
        assert!(!plain.contains("[CARD]"), "{format}:\n{plain}");
    }
}

#[test]
fn places_stay_and_an_overlapping_match_is_masked_whole() {
    let dir = folder(None);
    let (plain, redacted) = (json(dir.path(), &[]), json(dir.path(), &["--redact"]));
    assert_eq!(places(&plain), places(&redacted));
    let card = |report: &Value| {
        let findings = report["conversations"][0]["findings"].as_array().unwrap();
        let f = findings
            .iter()
            .find(|f| f["rule"] == "privacy/card-read-back")
            .unwrap()
            .clone();
        (f["match"].clone(), f["message"].clone())
    };
    assert_eq!(card(&plain).0, "card 4111");
    assert_eq!(card(&redacted).0, "card [CARD]");
    assert_eq!(card(&redacted).1, "Reads back “card [CARD]”");
    // The human snippets point at the original columns (also where a token before the match
    // shortened the line), and underline the whole token.
    let arrows = |out: &str| -> Vec<String> {
        let arrows = out.lines().filter(|l| l.contains("--> calls.txt:"));
        arrows.map(str::to_string).collect()
    };
    let (_, out, _) = check_in(dir.path(), &["--no-config", "--redact"]);
    let (_, plain, _) = check_in(dir.path(), &["--no-config"]);
    assert_eq!(arrows(&out), arrows(&plain));
    assert!(out.contains(" --> calls.txt:1:38\n"), "{out}");
    assert!(out.contains(" --> calls.txt:5:59\n"), "{out}");
    assert!(out.contains("card [CARD] here.\n  |       "), "{out}");
    assert!(out.contains("^^^^^^^^^^^ -10 points"), "{out}");
}

#[test]
fn config_turns_redaction_on_and_adds_patterns() {
    let config = "redact: true\nredact_patterns: ['ACC-\\d+']\n";
    let dir = folder(Some(config));
    for format in ["human", "html"] {
        let (code, out, err) = check_in(dir.path(), &["-f", format]);
        assert_eq!(code, 1, "{err}");
        assert!(!out.contains("ACC-991") && !out.contains("4111"), "{out}");
        assert!(out.contains("[REDACTED]"), "{out}");
    }
    // A bad pattern is a config error at its place, whether redaction is on or not.
    for config in [
        "redact: true\nredact_patterns: ['ACC-\\d+', '(']\n",
        "# redact_patterns: ['(']\nredact_patterns:\n  - 'ACC-\\d+'\n  - '('\n",
    ] {
        let dir = folder(Some(config));
        let (code, _, err) = check_in(dir.path(), &[]);
        assert_eq!(code, 2, "{config}: {err}");
        let place = if config.starts_with('#') {
            ":4:6:"
        } else {
            ":2:31:"
        };
        assert!(
            err.contains(&format!(
                "talklint.yaml{place} redact_patterns: invalid regex `(`: unclosed group"
            )),
            "{config}: {err}"
        );
    }
}

#[test]
fn redact_patterns_match_in_any_case_unless_told_not_to() {
    // As rule regexes do: `acc-\d+` masks `ACC-991`; `(?-i)` keeps a pattern to its case.
    let config = "redact: true\nredact_patterns: ['acc-\\d+', '(?-i)CALM DOWN']\n";
    let dir = folder(Some(config));
    let (code, out, err) = check_in(dir.path(), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        !out.contains("ACC-991") && out.contains("account [REDACTED]"),
        "{out}"
    );
    assert!(out.contains("calm down"), "{out}");
}

#[test]
fn diff_and_eval_show_are_masked() {
    let dir = folder(None);
    let (code, out, err) = check_in(dir.path(), &["--no-config", "--diff", "--redact"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("+Agent: Please relax, I have your card [CARD] here."),
        "{out}"
    );
    for data in PERSONAL {
        assert!(!out.contains(data), "the diff shows {data}:\n{out}");
    }
    write(
        dir.path(),
        "labels.csv",
        "path,turn,respect/calm-down\ncalls.txt,1,0\n",
    );
    let eval = |redact: bool| {
        let mut cmd = talklint();
        cmd.current_dir(dir.path())
            .args([
                "eval",
                "--no-config",
                "--labels",
                "labels.csv",
                "--show",
                "fp",
            ])
            .args(["-r", "pii.yaml", "calls.txt"]);
        if redact {
            cmd.arg("--redact");
        }
        run(&mut cmd)
    };
    let (_, out, err) = eval(true);
    assert!(out.contains("card [CARD] here"), "{out}{err}");
    assert!(!out.contains("4111"), "{out}");
    let (_, out, _) = eval(false);
    assert!(out.contains("4111 1111 1111 1111"), "{out}");
}

#[test]
fn merge_masks_reports_made_without_redaction() {
    let dir = folder(None);
    let (_, report, _) = check_in(dir.path(), &["--no-config", "-f", "json"]);
    write(dir.path(), "shard.json", &report);
    for format in ["human", "json", "csv", "html"] {
        let merge = |redact: &[&str]| {
            run(talklint()
                .current_dir(dir.path())
                .args(["merge", "--no-config", "-r", "pii.yaml", "-f", format])
                .args(redact)
                .arg("shard.json"))
        };
        let (code, out, err) =
            merge(&["--redact", "--csv-findings"][..1 + usize::from(format == "csv")]);
        assert_eq!(code, 1, "{format}: {err}");
        // A match that holds all of some personal data is masked; one that holds part of
        // it (`card 4111`) cannot be told from other text once a report has cut it out.
        assert!(!out.contains("jo.doe"), "{format}:\n{out}");
        assert!(out.contains("[EMAIL]"), "{format}:\n{out}");
        let (_, plain, _) = merge(&["--csv-findings"][..usize::from(format == "csv")]);
        assert!(plain.contains("jo.doe@example.com"), "{format}:\n{plain}");
    }
}
