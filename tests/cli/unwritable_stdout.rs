//! Reports, listings and `--diff` on a standard output they cannot write: opened for reading
//! (`1</dev/null`) or closed (`>&-`). Rust's standard output takes the first's failed writes as
//! done, and its runtime fills the second with a /dev/null that takes every byte, so the output
//! vanished and the run exited as if it had been shown; a full device (`/dev/full`) said so and
//! exited 2, as these now do.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

const RULES: &str = "rules:\n  - id: t/calm\n    phrases: [calm down]\n    replace: relax\n";

/// `talklint check --diff FILE` in `dir` with `stdout`, through `sh` with `redirect` when
/// given: its exit code and standard error.
fn diff(dir: &Path, file: &str, stdout: Stdio, redirect: Option<&str>) -> (Option<i32>, String) {
    let args = ["check", "--no-config", "-r", "rules.yaml", "--diff", file];
    run(dir, &args, stdout, redirect)
}

/// `talklint ARGS` in `dir` with `stdout`, through `sh` with `redirect` when given: its exit
/// code and standard error.
fn run(dir: &Path, args: &[&str], stdout: Stdio, redirect: Option<&str>) -> (Option<i32>, String) {
    let mut cmd = match redirect {
        Some(redirect) => crate::support::through_sh("", redirect),
        None => Command::new(assert_cmd::cargo::cargo_bin("talklint")),
    };
    let out = (cmd.current_dir(dir).args(args))
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("binary runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), err)
}

fn calls() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.yaml"), RULES).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Agent: Please calm down.\n").unwrap();
    std::fs::write(dir.path().join("clean.txt"), "Agent: Hello.\n").unwrap();
    dir
}

const UNWRITABLE: &str = "error: cannot write the diff: standard output is closed, or open for \
                          reading only\n  help: send standard output to a file or a pipe";

/// The same of a report or a listing.
const REPORT_UNWRITABLE: &str = "error: cannot write the report: standard output is closed, or \
                                 open for reading only\n  help: send standard output to a file";

#[test]
fn a_diff_to_a_standard_output_open_for_reading_is_an_error() {
    let dir = calls();
    let read_only = || Stdio::from(File::open("/dev/null").unwrap());
    let (code, err) = diff(dir.path(), "a.txt", read_only(), None);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(UNWRITABLE), "{err}");
    // The same in a shell's words, `1</dev/null`.
    let (code, err) = diff(dir.path(), "a.txt", Stdio::piped(), Some("1</dev/null"));
    assert_eq!((code, err.contains(UNWRITABLE)), (Some(2), true), "{err}");
    // Nothing to write: nothing fails.
    let (code, err) = diff(dir.path(), "clean.txt", read_only(), None);
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

/// Only Linux fills a closed standard output before the runtime does (`src/main.rs`).
#[cfg(target_os = "linux")]
#[test]
fn a_diff_to_a_closed_standard_output_is_an_error() {
    let dir = calls();
    let (code, err) = diff(dir.path(), "a.txt", Stdio::piped(), Some(">&-"));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(UNWRITABLE), "{err}");
    // With standard input closed too, whose descriptor is the first free.
    let (code, err) = diff(dir.path(), "a.txt", Stdio::piped(), Some(">&- <&-"));
    assert_eq!((code, err.contains(UNWRITABLE)), (Some(2), true), "{err}");
    let (code, err) = diff(dir.path(), "clean.txt", Stdio::piped(), Some(">&-"));
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

#[test]
fn a_diff_to_a_full_device_is_an_error_and_to_a_file_is_written() {
    let dir = calls();
    let full = File::options().write(true).open("/dev/full").unwrap();
    let (code, err) = diff(dir.path(), "a.txt", Stdio::from(full), None);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("error: cannot write the diff: No space left on device"),
        "{err}"
    );
    let patch = dir.path().join("fixes.patch");
    let file = File::create(&patch).unwrap();
    let (code, err) = diff(dir.path(), "a.txt", Stdio::from(file), None);
    assert_eq!(code, Some(1), "a fix it would make: {err}");
    let written = std::fs::read_to_string(&patch).unwrap();
    assert!(written.contains("\n+Agent: Please relax.\n"), "{written}");
}

#[test]
fn a_report_or_listing_to_a_standard_output_it_cannot_write_is_an_error() {
    let dir = calls();
    let read_only = || Stdio::from(File::open("/dev/null").unwrap());
    let check = ["check", "--no-config", "-r", "rules.yaml", "a.txt"];
    for format in ["human", "json", "sarif"] {
        let args = [&check[..], &["-f", format]].concat();
        let (code, err) = run(dir.path(), &args, read_only(), None);
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(err.contains(REPORT_UNWRITABLE), "{format}: {err}");
    }
    let (code, err) = run(dir.path(), &["rules", "--no-config"], read_only(), None);
    assert_eq!(
        (code, err.contains(REPORT_UNWRITABLE)),
        (Some(2), true),
        "{err}"
    );
    // With its report written to a file, a run writes nothing to standard output: no error.
    let to_file = [&check[..], &["-f", "json", "-o", "r.json"]].concat();
    let (code, err) = run(dir.path(), &to_file, read_only(), None);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(dir.path().join("r.json").exists());
}

/// Only Linux fills a closed standard output before the runtime does (`src/main.rs`).
#[cfg(target_os = "linux")]
#[test]
fn a_report_to_a_closed_standard_output_is_an_error() {
    let dir = calls();
    let args = ["check", "--no-config", "-r", "rules.yaml", "a.txt"];
    let (code, err) = run(dir.path(), &args, Stdio::piped(), Some(">&-"));
    assert_eq!(
        (code, err.contains(REPORT_UNWRITABLE)),
        (Some(2), true),
        "{err}"
    );
}

#[test]
fn a_merged_report_to_a_standard_output_it_cannot_write_is_an_error() {
    let dir = calls();
    let check = [
        "check",
        "--no-config",
        "-r",
        "rules.yaml",
        "a.txt",
        "-f",
        "jsonl",
    ];
    let to_file = [&check[..], &["-o", "r.jsonl"]].concat();
    let (code, err) = run(dir.path(), &to_file, Stdio::null(), None);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let read_only = Stdio::from(File::open("/dev/null").unwrap());
    let merge = ["merge", "--no-config", "-r", "rules.yaml", "r.jsonl"];
    let (code, err) = run(dir.path(), &merge, read_only, None);
    assert_eq!(
        (code, err.contains(REPORT_UNWRITABLE)),
        (Some(2), true),
        "{err}"
    );
}

/// clap writes `--help` and `--version` itself, where a failed write went unsaid and exited 0.
#[test]
fn help_and_version_to_a_standard_output_they_cannot_take_are_an_error() {
    let dir = calls();
    for args in [&["--version"][..], &["check", "--help"]] {
        let read_only = Stdio::from(File::open("/dev/null").unwrap());
        let (code, err) = run(dir.path(), args, read_only, None);
        assert_eq!(
            (code, err.contains(REPORT_UNWRITABLE)),
            (Some(2), true),
            "{err}"
        );
        let full = File::options().write(true).open("/dev/full").unwrap();
        let (code, err) = run(dir.path(), args, Stdio::from(full), None);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains("No space left on device"), "{err}");
        let (code, err) = run(dir.path(), args, Stdio::piped(), None);
        assert_eq!((code, err.as_str()), (Some(0), ""));
    }
}
