//! The GitHub Action (`action.yml`): its check step, run here as a runner would run it (with the
//! built binary in place of the installed one), annotates findings and writes a valid SARIF
//! report, and its upload step reads that report.

use crate::support::assert_valid_sarif;
use serde_yaml::Value;
use std::process::Command;

/// The action's steps, by name.
fn step(action: &Value, name: &str) -> Value {
    action["runs"]["steps"]
        .as_sequence()
        .expect("runs.steps is a list")
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step named {name}"))
        .clone()
}

#[test]
fn the_action_annotates_findings_and_writes_the_sarif_it_uploads() {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/action.yml")).unwrap();
    let action: Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let check = step(&action, "Check");
    let script = check["run"].as_str().expect("the check step runs a script");
    // The runner's install folder holds the binary cargo built for these tests.
    let temp = tempfile::tempdir().unwrap();
    let bin = temp.path().join("talklint/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_talklint"), bin.join("talklint")).unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(root)
        .env("RUNNER_TEMP", temp.path())
        .env("TALKLINT_PATHS", "fixtures/calls")
        .env("TALKLINT_ARGS", "--no-config")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings fail the job: {stdout}"
    );
    assert!(
        stdout.contains("::error file=fixtures/calls/deflection.txt,line=3"),
        "{stdout}"
    );
    let sarif_path = temp.path().join("talklint.sarif");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif_path).unwrap()).unwrap();
    assert_valid_sarif(&sarif);
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
    // The upload step reads the file the check step wrote, even after a failed check: the step
    // before it finds the file (hashFiles() would not: it sees only the workspace).
    let find = step(&action, "Find SARIF");
    assert!(find["if"].as_str().unwrap().starts_with("always()"));
    let outputs = temp.path().join("github-output");
    let found = Command::new("bash")
        .arg("-c")
        .arg(find["run"].as_str().unwrap())
        .env("RUNNER_TEMP", temp.path())
        .env("GITHUB_OUTPUT", &outputs)
        .status()
        .expect("bash runs");
    assert!(found.success());
    assert_eq!(std::fs::read_to_string(&outputs).unwrap(), "found=true\n");
    let upload = step(&action, "Upload SARIF");
    assert_eq!(
        upload["if"].as_str(),
        Some("always() && steps.sarif.outputs.found == 'true'")
    );
    assert!(!upload["if"].as_str().unwrap().contains("hashFiles"));
    assert_eq!(
        upload["with"]["sarif_file"].as_str(),
        Some("${{ runner.temp }}/talklint.sarif")
    );
}

/// `args` is split at white space and passed as written: a glob reaches talklint, not the
/// shell, which would expand `*.txt` to the workspace's top-level files only.
#[test]
fn the_actions_args_pass_globs_to_talklint() {
    let root = env!("CARGO_MANIFEST_DIR");
    let action: Value =
        serde_yaml::from_str(&std::fs::read_to_string(format!("{root}/action.yml")).unwrap())
            .unwrap();
    let script = step(&action, "Check")["run"].as_str().unwrap().to_string();
    let temp = tempfile::tempdir().unwrap();
    let bin = temp.path().join("talklint/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_talklint"), bin.join("talklint")).unwrap();
    let work = temp.path().join("work");
    std::fs::create_dir_all(work.join("scripts")).unwrap();
    std::fs::write(work.join("top.txt"), "Agent: Please calm down.\n").unwrap();
    std::fs::write(work.join("scripts/a.txt"), "Agent: Please calm down.\n").unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&work)
        .env("RUNNER_TEMP", temp.path())
        .env("TALKLINT_PATHS", ".")
        .env("TALKLINT_ARGS", "--no-config --exclude *.txt")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "every .txt excluded: {stdout}");
    assert!(!stdout.contains("::error"), "{stdout}");
}
