//! Faults that once hung, panicked or lost data: an empty rule id, a FIFO in a scanned folder,
//! regexes that match empty text, a report written over its input, standard error or output
//! that cannot be written.

use crate::support::{check, run, talklint, write};
use std::fs::File;
use std::process::Stdio;
use std::time::Duration;

/// Runs `cmd`, killing it after `secs` seconds: a hang fails the test instead of stalling it.
fn run_within(cmd: &mut assert_cmd::Command, secs: u64) -> (i32, String, String) {
    let out = cmd
        .timeout(Duration::from_secs(secs))
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_empty_rule_id_is_a_located_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("quoted", "rules:\n  - id: \"\"\n"),
        ("bare", "rules:\n  - id:"),
    ] {
        let rules = write(dir.path(), &format!("{name}.yaml"), text);
        let (code, _, err) = run_within(
            talklint()
                .args(["check", "--no-config", "-r"])
                .arg(&rules)
                .arg("fixtures/calls"),
            20,
        );
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(":2:8: rule id `` is not"), "{name}: {err}");
    }
}

#[test]
fn regexes_that_match_empty_text_do_not_panic_on_turnless_conversations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let calls = d.join("calls");
    std::fs::create_dir(&calls).unwrap();
    write(&calls, "customer.txt", "Customer: calm down please\n");
    write(
        &calls,
        "empty.json",
        r#"{"messages": [{"role": "agent", "text": ""}]}"#,
    );
    for regex in ["^", "x*", "(calm down)?", "\\\\z"] {
        let rules = write(
            d,
            "empty-match.yaml",
            &format!("rules:\n  - id: x/empty-match\n    regex: \"{regex}\"\n    message: m\n"),
        );
        // The rule alone: with other rules, some turn is searched and the empty match lands in it.
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config", "--format", "json", "-r"])
            .arg(&rules)
            .arg(&calls));
        assert!(code < 2, "{regex}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summary"]["conversations"], 2, "{regex}: {v}");
    }
}

