//! A folder of every kind of bad input at once: every file found ends in exactly one of
//! conversations, skipped or errors, and the exit status follows the README (2: a file could not
//! be read or parsed).

use crate::support::{json_report, strings};
use std::os::unix::ffi::OsStrExt;
use std::{ffi::OsStr, fs};

#[test]
fn every_bad_input_is_listed_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let files: [(&[u8], &[u8]); 10] = [
        (b"binary.txt", b"Agent: hi\x00\x01"),
        (b"empty.txt", b""),
        (b"junk.json", b"{\"foo\": [1, 2]}"),
        (b"header.csv", b"role,text\n"),
        (
            b"truncated.json",
            b"[{\"role\": \"agent\", \"text\": \"calm",
        ),
        (b"latin1.txt", b"Agent: caf\xe9, calm down\n"),
        (b"name-\xff.txt", b"Agent: calm down\n"),
        (b"good.txt", b"Agent: hello, how can I help?\n"),
        (b"no-text.json", b"[{\"foo\": \"calm down\"}]"),
        (b"empty.vtt", b"WEBVTT\n"),
    ];
    for (name, bytes) in files {
        fs::write(d.join(OsStr::from_bytes(name)), bytes).unwrap();
    }
    std::os::unix::fs::symlink("loop", d.join("loop")).unwrap();
    fs::create_dir(d.join("folder.json")).unwrap();
    fs::write(d.join("folder.json/inside.txt"), "Agent: calm down\n").unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let (code, v) = json_report(&["--fail-on", "never", d.to_str().unwrap()]);
    assert_eq!(code, 2, "unreadable files exit 2: {v}");
    let mut listed: Vec<&str> = ["conversations", "skipped", "errors"]
        .iter()
        .flat_map(|k| strings(&v[*k], "path"))
        .collect();
    listed.sort();
    let before = listed.len();
    listed.dedup();
    assert_eq!(listed.len(), before, "each file once: {listed:?}");
    // The ten files, the link, the file in the folder named like JSON, and the FIFO.
    assert_eq!(listed.len(), 13, "{listed:?}");
    assert_eq!(v["summary"]["files"], 13);
    let s = &v["summary"];
    assert_eq!(
        (
            s["conversations"].as_u64(),
            s["skipped"].as_u64(),
            s["errors"].as_u64()
        ),
        (Some(4), Some(6), Some(3)),
        "{v}"
    );
}
