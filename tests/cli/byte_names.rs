//! Paths named on the command line that are no UTF-8 (a Latin-1 `caf\xE9.txt` copied from an
//! old share): checked as any other path, and written in reports with the bytes that are no
//! UTF-8 as `\xE9`, as a walk that finds such a file writes it, not refused as clap refuses
//! text that is no UTF-8.

use crate::support::{JSON_CHECK, run, talklint};
use serde_json::Value;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// A call with one error-severity finding of the default pack (`respect/calm-down`).
const CALL: &str = "Agent: Calm down, sir.\n";

/// `caf\xE9.txt` holding [`CALL`], and the folder `d\xE9j\xE0` holding a copy, in `dir`.
fn latin1_names(dir: &Path) -> (&'static OsStr, &'static OsStr) {
    let file = OsStr::from_bytes(b"caf\xe9.txt");
    let folder = OsStr::from_bytes(b"d\xe9j\xe0");
    std::fs::write(dir.join(file), CALL).unwrap();
    std::fs::create_dir(dir.join(folder)).unwrap();
    std::fs::write(dir.join(folder).join("call.txt"), CALL).unwrap();
    (file, folder)
}

/// The paths of a JSON report's conversations, and its summary's file count.
fn checked(out: &str, err: &str) -> (Vec<String>, Value) {
    let report: Value =
        serde_json::from_str(out).unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\n{err}"));
    let paths = (report["conversations"].as_array().into_iter().flatten())
        .filter_map(|c| c["path"].as_str().map(str::to_string))
        .collect();
    (paths, report["summary"]["files"].clone())
}

#[test]
fn a_file_or_folder_named_in_bytes_that_are_no_utf8_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (file, folder) = latin1_names(dir.path());
    // Named alone, beside a folder, as `check`'s path or the default command's.
    for check in [
        &["check", "--no-config", "-f", "json"][..],
        &["--no-config", "-f", "json"],
    ] {
        let (code, out, err) = run(talklint()
            .current_dir(dir.path())
            .args(check)
            .arg(file)
            .arg(folder));
        assert_eq!(code, 1, "the finding fails the run: {err}");
        let (paths, files) = checked(&out, &err);
        assert_eq!(paths, ["caf\\xE9.txt", "d\\xE9j\\xE0/call.txt"], "{err}");
        assert_eq!(files, 2);
    }
    // Human output names it as the JSON report does.
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--no-config", "-q"])
        .arg(file));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains(" --> caf\\xE9.txt:1:8\n"), "{out}");
    assert!(!err.contains("invalid UTF-8"), "{err}");
}

#[test]
fn a_name_that_is_no_utf8_is_read_once_and_stdin_is_still_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = latin1_names(dir.path());
    // Named twice, once through `./`, and the folder that holds it: one read, where first named.
    let mut again = OsStr::new("./").to_os_string();
    again.push(file);
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(JSON_CHECK)
        .arg(file)
        .arg(&again)
        .arg(".")
        .arg("-")
        .write_stdin("Agent: hello, how can I help?\n"));
    assert_eq!(code, 0, "{err}");
    let (paths, files) = checked(&out, &err);
    assert_eq!(
        paths,
        ["caf\\xE9.txt", "d\\xE9j\\xE0/call.txt", "<stdin>"],
        "{err}"
    );
    assert_eq!(files, 3);
    // One that is not there is an error that names it, not a panic.
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(JSON_CHECK)
        .arg(OsStr::from_bytes(b"gone-\xff.txt")));
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("gone-\\xFF.txt: cannot read: "), "{err}");
}
