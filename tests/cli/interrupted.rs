//! A run stopped by a signal (Ctrl-C, `kill`, a closed terminal) while it writes its reports
//! leaves no report half made: not the hidden file a report is written to beside its path, nor
//! the empty file a new report's path held; last run's report stays as it was. The signal still
//! ends the run (a shell reads 130 after Ctrl-C), unless it was ignored when the run began.

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `talklint check` reading conversations from its standard input (left open) in `dir`, with a
/// JSON report to `new.json` and a SARIF report over `old.sarif`; through `sh -c PREFIX` when
/// given (`trap '' INT;`). Returns once the reports are being written.
fn streaming(dir: &Path, prefix: Option<&str>) -> Child {
    streaming_to(dir, prefix, "new.json")
}

/// [`streaming`], its JSON report to `report` (a path in `dir`).
fn streaming_to(dir: &Path, prefix: Option<&str>, report: &str) -> Child {
    let args = [
        "check",
        "--no-config",
        "-r",
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/basic.yaml"),
        "--input-format",
        "jsonl",
        "-f",
        "json",
        "-o",
        report,
        "--output-sarif",
        "old.sarif",
        "-",
    ];
    let mut cmd = match prefix {
        Some(prefix) => crate::support::through_sh(prefix, ""),
        None => Command::new(env!("CARGO_BIN_EXE_talklint")),
    };
    let mut child = (cmd.current_dir(dir).args(args))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary runs");
    // Both reports begun: a hidden file beside each.
    let folder = dir.join(report).parent().unwrap().to_path_buf();
    let hidden = || match folder == dir || !folder.exists() {
        true => hidden_files(dir).len(),
        false => hidden_files(dir).len() + hidden_files(&folder).len(),
    };
    let begun = Instant::now();
    while hidden() < 2 {
        assert!(begun.elapsed() < Duration::from_secs(30), "no report begun");
        let ended = child.try_wait().expect("the run can be waited for");
        assert!(
            ended.is_none(),
            "the run ended before its reports began: {ended:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

/// The names of the hidden files in `dir`: the reports being written.
fn hidden_files(dir: &Path) -> Vec<String> {
    let names = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name());
    let names = names.map(|n| n.to_string_lossy().into_owned());
    names.filter(|n| n.starts_with('.')).collect()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = (std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn signal(child: &Child, signal: i32) {
    // SAFETY: kill takes two integers; the child has not been waited for, so its id is its own.
    assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
}

#[test]
fn a_signal_leaves_no_report_half_made() {
    // Its input left open, or ended right after the signal, as a producer stopped by the same
    // Ctrl-C ends it: a report of the input cut short is no report either.
    for (sig, input_ends) in [
        (libc::SIGINT, false),
        (libc::SIGTERM, false),
        (libc::SIGHUP, false),
        (libc::SIGINT, true),
        (libc::SIGTERM, true),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("old.sarif"), "last run's report").unwrap();
        let mut child = streaming(dir.path(), None);
        assert_eq!(names(dir.path()).len(), 4, "{:?}", names(dir.path()));
        let mut input = child.stdin.take();
        signal(&child, sig);
        if input_ends {
            input = None;
        }
        let status = child.wait().unwrap();
        drop(input);
        assert_eq!(status.signal(), Some(sig), "signal {sig}: {status:?}");
        assert_eq!(names(dir.path()), ["old.sarif"], "signal {sig}");
        let old = std::fs::read_to_string(dir.path().join("old.sarif")).unwrap();
        assert_eq!(old, "last run's report");
    }
}

#[test]
fn a_signal_ignored_when_the_run_began_stays_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.sarif"), "last run's report").unwrap();
    let mut child = streaming(dir.path(), Some("trap '' INT;"));
    signal(&child, libc::SIGINT);
    std::thread::sleep(Duration::from_millis(200));
    drop(child.stdin.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
    assert_eq!(names(dir.path()), ["new.json", "old.sarif"]);
    let json = std::fs::read_to_string(dir.path().join("new.json")).unwrap();
    let report: serde_json::Value = serde_json::from_str(&json).expect("a whole report");
    assert_eq!(report["summary"]["conversations"], 0);
}

#[test]
fn a_signal_removes_the_folders_made_for_a_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.sarif"), "last run's report").unwrap();
    let mut child = streaming_to(dir.path(), None, "out/day/new.json");
    assert!(dir.path().join("out/day/new.json").exists());
    let _input = child.stdin.take();
    signal(&child, libc::SIGTERM);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    assert_eq!(names(dir.path()), ["old.sarif"]);
}
