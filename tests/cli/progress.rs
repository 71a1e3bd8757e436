//! The progress line a large scan draws on a terminal: hidden while report lines are written (it
//! was left among a human report's lines, which shared the terminal), and never drawn where the
//! terminal cannot move its cursor (`TERM=dumb`). Run under `script`, which gives the scan a
//! terminal.

use std::process::Command;

/// What a check of 2,100 files shows on a terminal of `term`, standard output and error alike.
fn on_a_terminal(term: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2100 {
        std::fs::write(
            dir.path().join(format!("{i:05}.txt")),
            "Agent: Please calm down.\n",
        )
        .unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("talklint");
    let shell = format!(
        "stty cols 100 rows 40; TERM={term} '{}' check --no-config --color never '{}'",
        bin.display(),
        dir.path().display()
    );
    let out = Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env_remove("CI")
        .output()
        .expect("script, of util-linux, runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_progress_line_is_cleared_before_report_lines() {
    let shown = on_a_terminal("xterm");
    let drawn: Vec<&str> = shown.split("files checked").skip(1).collect();
    assert!(!drawn.is_empty(), "no progress line: {shown:?}");
    for after in drawn {
        let rest = after.trim_start_matches(|c: char| c != '\r' && c != '\n');
        assert!(
            rest.starts_with("\r\u{1b}[2K"),
            "a progress line left in place: {:?}",
            &after[..after.len().min(120)]
        );
    }
    assert!(shown.contains("error[respect/calm-down]"), "{shown:?}");
}

#[test]
fn a_dumb_terminal_gets_no_progress_line() {
    let shown = on_a_terminal("dumb");
    assert!(shown.contains("error[respect/calm-down]"), "{shown:?}");
    assert!(!shown.contains("files checked"), "{shown:?}");
}
