//! Report files (`-o`, `--output-*`) written beside their path and renamed over it: a report in
//! a shared sticky folder, and one whose run ended early because its standard output closed;
//! and a closed output pipe without report files, which exits quietly.

use crate::support::{run, write};
use std::process::Stdio;

/// A report over another user's file in a sticky folder (a shared `/tmp`): the folder refuses
/// the rename of the report written beside it, so it is copied over the file, whose owner and
/// permissions stay. Set up as root, run as `nobody`.
#[cfg(unix)]
#[test]
fn a_report_over_another_users_file_in_a_sticky_folder_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let set = |path: &std::path::Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set(dir.path(), 0o1777);
    let call = write(dir.path(), "a.txt", "Agent: calm down\n");
    let shared = write(dir.path(), "shared.json", "last run's report\n");
    set(&shared, 0o666);
    let check = crate::support::JSON_CHECK.iter().chain(&["-o"]);
    let mut args: Vec<&std::ffi::OsStr> = check.map(std::ffi::OsStr::new).collect();
    args.extend([shared.as_os_str(), call.as_os_str()]);
    let Some((code, _, err)) = crate::support::as_nobody(dir.path(), &args) else {
        return;
    };
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&shared)
            .unwrap()
            .starts_with("{\"version\":1")
    );
    let meta = std::fs::metadata(&shared).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o666);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        3,
        "the call, its copy of talklint and the report: nothing left beside it"
    );
}

/// `talklint check --output-json r.json | head`: standard output closed early stops the scan,
/// and the report files it did not finish are not written: last run's stays, and the exit code
/// and message say so. Without report files, a closed pipe is a quiet end (`--diff`'s below).
#[test]
fn a_closed_standard_output_leaves_no_half_report() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    for i in 0..300 {
        write(
            &calls,
            &format!("{i}.txt"),
            &"Agent: calm down, calm down!\n".repeat(20),
        );
    }
    let report = write(dir.path(), "r.json", "last run's report\n");
    let run_with = |report: Option<&std::path::Path>| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("talklint"));
        cmd.args(["check", "--no-config", "-j1"]);
        if let Some(path) = report {
            cmd.arg("--output-json").arg(path);
        }
        with_stdout_closed(cmd.arg(&calls))
    };
    let (code, err) = run_with(Some(&report));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("an output was closed before the scan ended (standard output"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "last run's report\n"
    );
    assert_eq!(run_with(None).0, Some(0), "a quiet end");
}

/// `talklint check --diff | head` is a quiet end (it exited 1 for the fixes it could no longer
/// show) that stops the scan, as a report's closed pipe does: it went on reading every file, and
/// said each later file's errors to no one's use.
#[test]
fn a_closed_diff_pipe_stops_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    // More files than a chunk of the scan holds, then one that cannot be read, last in order.
    for i in 0..1100 {
        write(&calls, &format!("{i:04}.txt"), "Agent: calm down\n");
    }
    write(&calls, "zzzz.json", "{ not json");
    let rules = write(
        dir.path(),
        "fix.yaml",
        "rules:\n  - id: t/calm\n    phrases: [calm down]\n    replace: relax\n",
    );
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("talklint"));
    cmd.args(["check", "--no-config", "-j1", "--diff", "-r"]);
    let (code, err) = with_stdout_closed(cmd.arg(&rules).arg(&calls));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("zzzz.json"), "the scan went on: {err}");
}

/// A report written over an earlier one keeps its permissions: written beside it and renamed,
/// a `chmod 600` report came back `644`, readable by everyone, with the transcripts it quotes.
#[cfg(unix)]
#[test]
fn a_report_written_over_another_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = write(dir.path(), "r.html", "{}");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, _, err) = run(crate::support::check(&["--exit-zero", "--output-html"])
        .arg(&report)
        .arg("fixtures/calls"));
    assert_eq!(code, 0, "{err}");
    let written = std::fs::metadata(&report).unwrap();
    assert!(written.len() > 1000, "the report was written");
    assert_eq!(written.permissions().mode() & 0o777, 0o600);
}

/// A report named by a symbolic link to a file replaces that file as any report does (written
/// beside it and renamed over it, so a run stopped early leaves it whole), and the link stays.
/// It was written in place, through the link: a signal left half a report.
#[cfg(unix)]
#[test]
fn a_report_named_by_a_link_replaces_the_file_it_points_to_and_the_link_stays() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "last-run.json", "{}");
    let link = dir.path().join("report.json");
    std::os::unix::fs::symlink("last-run.json", &link).unwrap();
    let before = std::fs::metadata(&target).unwrap().ino();
    let (code, _, err) = run(crate::support::check(&["--exit-zero", "-f", "json", "-o"])
        .arg(&link)
        .arg("fixtures/calls"));
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let report = std::fs::read_to_string(&target).unwrap();
    assert!(report.contains("\"conversations\""), "{report}");
    assert_ne!(
        std::fs::metadata(&target).unwrap().ino(),
        before,
        "renamed over, not rewritten"
    );
}

/// An extra report named by another name of standard output (`/dev/stdout`) was written over
/// the main report there, as `-` is refused for; and a folder of `-o` that is a file was told
/// as "File exists".
#[test]
fn a_report_path_through_standard_output_or_a_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::fs::File::create(dir.path().join("both.txt")).unwrap();
    let run_to = |args: &[&str], stdout: std::fs::File| {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("talklint"))
            .args(["check", "--no-config", "-f", "json"])
            .args(args)
            .arg("fixtures/calls")
            .stdout(stdout)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run_to(&["--output-sarif", "/dev/stdout"], out);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--output-sarif /dev/stdout would write to standard output"),
        "{err}"
    );
    let file = write(dir.path(), "a.txt", "Agent: hi\n");
    let report = file.join("r.json");
    let (code, _, err) = run(crate::support::talklint()
        .args(["check", "--no-config", "-o"])
        .arg(&report)
        .arg("fixtures/calls"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a.txt is a file, not a folder"), "{err}");
}

#[test]
fn a_closed_output_pipe_exits_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            "Agent: that is not my job\n".repeat(20),
        )
        .unwrap();
    }
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("talklint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "--no-config",
            "-r",
            "fixtures/rules/basic.yaml",
            "--format",
            "jsonl",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"path\""));
    // The reader is dropped here: the pipe closes while talklint still has output to write.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Skipped files are written by serde in JSON and JSONL: a closed pipe there is quiet too
    // (it was `error: cannot write the report: Broken pipe`, exit 2).
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("b{i:04}.txt")), b"\0bin").unwrap();
    }
    for format in ["json", "jsonl"] {
        let (code, err) = with_stdout_closed(
            Command::new(assert_cmd::cargo::cargo_bin("talklint"))
                .args(["check", "--no-config", "--format", format])
                .arg(dir.path()),
        );
        assert_eq!(code, Some(0), "{format}: {err}");
        assert!(err.is_empty(), "{format}: {err}");
    }
}

/// Runs `cmd` with its standard output closed at once, as `| head -c 0` closes it: its exit
/// code and standard error.
/// `-o out.json` without `-f json` writes the human report, as asked, and warns that the name
/// says JSON (the next scan of that folder would read it as a transcript); a name that fits, or
/// says nothing, is written in silence, by `check` and by `merge` alike.
#[test]
fn a_human_report_under_a_json_name_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "call.txt", "Agent: Please calm down.\n");
    let check = |args: &[&str]| {
        let (code, _, err) = run(crate::support::talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "--exit-zero"])
            .args(args)
            .arg("call.txt"));
        assert_eq!(code, 0, "{err}");
        err
    };
    let err = check(&["-o", "out.json"]);
    assert!(
        err.contains("warning: out.json: -o writes the human format here, not json: add `-f json`"),
        "{err}"
    );
    let written = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    assert!(written.contains("calm down"), "{written}");
    assert_eq!(check(&["-f", "json", "-o", "report.json"]), "");
    assert_eq!(check(&["-o", "scores.txt"]), "");
    let (code, _, err) = run(crate::support::talklint().current_dir(dir.path()).args([
        "merge",
        "--no-config",
        "--exit-zero",
        "-o",
        "merged.csv",
        "report.json",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: merged.csv: -o writes the human format here, not csv"),
        "{err}"
    );
}

fn with_stdout_closed(cmd: &mut std::process::Command) -> (Option<i32>, String) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_output_in_a_new_folder_is_written_and_dash_is_standard_output() {
    // `-o out/deep/r.json` was an error ("No such file or directory") with no help, and `-o -`
    // wrote a file named `-`.
    let dir = tempfile::tempdir().unwrap();
    crate::support::write(dir.path(), "call.txt", "Agent: calm down\n");
    let args = [
        "-q",
        "-f",
        "json",
        "-o",
        "out/deep/r.json",
        "--output-csv",
        "csv/r.csv",
    ];
    let (code, out, err) =
        crate::support::check_in(dir.path(), &[&args[..], &["call.txt"]].concat());
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    let report = std::fs::read_to_string(dir.path().join("out/deep/r.json")).unwrap();
    assert!(
        report.contains("\"rule\":\"respect/calm-down\""),
        "{report}"
    );
    assert!(dir.path().join("csv/r.csv").is_file());
    let (code, out, err) =
        crate::support::check_in(dir.path(), &["-f", "json", "-o", "-", "call.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("\"rule\":\"respect/calm-down\""), "{out}");
    assert!(!dir.path().join("-").exists());
    // An extra report on standard output would be mixed with the main one: refused.
    let (code, _, err) = crate::support::check_in(dir.path(), &["--output-json", "-", "call.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--output-json - would write to standard output"),
        "{err}"
    );
    assert!(!dir.path().join("-").exists());
    let mut names: Vec<String> = (std::fs::read_dir(dir.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["call.txt", "csv", "out"]);
    // A new folder inside the folder checked: the report there is this run's, not a transcript.
    let (_, out, err) =
        crate::support::check_in(dir.path(), &["-f", "json", "-o", "new/r.json", "."]);
    assert!(out.is_empty(), "{err}");
    let report = std::fs::read_to_string(dir.path().join("new/r.json")).unwrap();
    assert!(
        report.contains(r#"{"path":"new/r.json","reason":"this run's report"}"#),
        "{report}"
    );
    // Through a folder not made yet and back, a report names the input: its `..` is taken
    // lexically, and the guard sees the input (it wrote over it).
    let (code, _, err) =
        crate::support::check_in(dir.path(), &["-o", "nd/../call.txt", "call.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("call.txt is also an input"), "{err}");
    let text = std::fs::read_to_string(dir.path().join("call.txt")).unwrap();
    assert_eq!(text, "Agent: calm down\n");
    assert!(!dir.path().join("nd").exists());
    // Through it to another file, the report is written there.
    let (code, _, err) =
        crate::support::check_in(dir.path(), &["-q", "-o", "nd/../r.txt", "call.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(dir.path().join("r.txt").is_file() && !dir.path().join("nd").exists());
}
