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
    let files: [(&[u8], &[u8]); 11] = [
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
        // Two names that differ only where they are no UTF-8 are two files in the report.
        (b"name-\xfe.txt", b"Agent: calm down\n"),
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
    let (code, v) = json_report(&["--exit-zero", d.to_str().unwrap()]);
    assert_eq!(code, 2, "unreadable files exit 2: {v}");
    let mut listed: Vec<&str> = ["conversations", "skipped", "errors"]
        .iter()
        .flat_map(|k| strings(&v[*k], "path"))
        .collect();
    listed.sort();
    let before = listed.len();
    listed.dedup();
    assert_eq!(listed.len(), before, "each file once: {listed:?}");
    // The eleven files, the link, the file in the folder named like JSON, and the FIFO.
    assert_eq!(listed.len(), 14, "{listed:?}");
    assert_eq!(v["summary"]["files"], 14);
    let names = ["/name-\\xFE.txt", "/name-\\xFF.txt"];
    assert!(
        names.iter().all(|n| listed.iter().any(|p| p.ends_with(n))),
        "{listed:?}"
    );
    let s = &v["summary"];
    assert_eq!(
        (
            s["conversations"].as_u64(),
            s["skipped"].as_u64(),
            s["errors"].as_u64()
        ),
        (Some(5), Some(6), Some(3)),
        "{v}"
    );
}

/// A scan of several chunks (the pool takes files 512 at a time): every file is listed once, in
/// the walk's order, and the report does not depend on the number of threads.
#[test]
fn a_scan_of_many_chunks_keeps_every_file_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (files, mut skipped, mut errors) = (1300, 0, 0);
    for i in 0..files {
        let folder = d.join(format!("day-{}", i % 3));
        fs::create_dir_all(&folder).unwrap();
        let (name, text) = if i % 97 == 0 {
            skipped += 1;
            (format!("{i:05}.txt"), String::new())
        } else if i % 151 == 0 {
            errors += 1;
            (format!("{i:05}.json"), "[{\"role\": \"agent\"".to_string())
        } else {
            let call = format!("Agent: call {i}, calm down\n");
            (format!("{i:05}.txt"), call)
        };
        fs::write(folder.join(name), text).unwrap();
    }
    let jsonl = |threads: &str| {
        let args = ["--format", "jsonl", "--exit-zero", "-j", threads];
        let out = crate::support::check(&args).arg(d).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "a bad JSON file exits 2");
        String::from_utf8(out.stdout).unwrap()
    };
    let report = jsonl("2");
    assert_eq!(report, jsonl("1"), "the same report on one thread and two");
    let lines: Vec<serde_json::Value> = report
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let paths: Vec<&str> = lines.iter().filter_map(|l| l["path"].as_str()).collect();
    let mut walked = paths.clone();
    walked.sort();
    assert_eq!(paths, walked, "conversations in the walk's order");
    assert_eq!(paths.len(), files - skipped - errors);
    let listed = |key: &str| lines.iter().filter(|l| l.get(key).is_some()).count();
    assert_eq!((listed("skipped"), listed("error")), (skipped, errors));
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["files"], files);
    assert_eq!(summary["conversations"], files - skipped - errors);
    // The totals, kept per part of each chunk, add up to what the conversations hold.
    let found: usize = lines
        .iter()
        .filter_map(|l| l["findings"].as_array())
        .map(Vec::len)
        .sum();
    assert!(found >= paths.len(), "a finding in every call: {found}");
    assert_eq!(summary["findings"]["warning"], found, "{summary}");
}

/// Paths that overlap are read once each: a file named beside the folder that holds it (in
/// either order, spelt another way), and a folder given inside another one. A file the walk
/// would skip is read when named.
#[test]
fn overlapping_paths_read_every_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("a.txt"), "Agent: calm down\n").unwrap();
    fs::write(d.join("sub/b.txt"), "Agent: calm down\n").unwrap();
    fs::write(d.join("sub/notes.log"), "Agent: calm down\n").unwrap();
    let (root, sub) = (d.to_str().unwrap(), d.join("sub"));
    let sub = sub.to_str().unwrap();
    let dotted = format!("{sub}/../sub/b.txt");
    let log = format!("{sub}/notes.log");
    std::os::unix::fs::symlink(d.join("a.txt"), d.join("link.txt")).unwrap();
    let link = format!("{root}/link.txt");
    for args in [
        vec![root, &dotted],
        vec![&dotted, root],
        vec![root, sub],
        vec![sub, root],
        vec![root, &log],
        vec![root, &link],
    ] {
        let (_, v) = json_report(&args);
        let listed: Vec<String> = ["conversations", "skipped", "errors"]
            .iter()
            .flat_map(|key| strings(&v[key], "path"))
            .map(|p| p.replace("/../sub", ""))
            .collect();
        let mut unique = listed.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(listed.len(), unique.len(), "{args:?}: {listed:?}");
        // The link is listed once: skipped by the walk, or read where it is named.
        assert_eq!(v["summary"]["files"], 4, "{args:?}: {v}");
        let read_log = v["conversations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["path"] == log);
        assert_eq!(
            read_log,
            args.contains(&log.as_str()),
            "{args:?}: {listed:?}"
        );
    }
}

/// A file named twice by two names (a link and its target) is read once, and the other name is
/// listed as skipped, saying which name is read: it vanished from the report. The same name
/// written twice (`a.txt ./a.txt`) is one path, listed once.
#[test]
fn a_file_named_again_by_a_link_is_listed_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "Agent: calm down\n").unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("link.txt")).unwrap();
    let (a, link) = (d.join("a.txt"), d.join("link.txt"));
    let (a, link) = (a.to_str().unwrap(), link.to_str().unwrap());
    let dotted = format!("{}/./a.txt", d.display());
    for (args, read, skipped) in [([a, link, a], a, link), ([link, a, &dotted], link, a)] {
        let (_, v) = json_report(&args);
        assert_eq!(strings(&v["conversations"], "path"), [read], "{v}");
        assert_eq!(strings(&v["skipped"], "path"), [skipped], "{v}");
        let reason = &v["skipped"][0]["reason"];
        assert_eq!(
            reason,
            &format!("the same file as {read}, which is read")[..],
            "{v}"
        );
        assert_eq!(v["summary"]["files"], 2, "{v}");
    }
}

/// A link named beside the folder that holds its target, or a hard link named beside another
/// name of its file, is that file: read once, the other name listed as skipped. The target was
/// read a second time as the folder's, so `--diff` printed its hunk twice (a patch that does
/// not apply) and `--fix` made two passes; two hard links raced to write one file.
#[test]
fn a_file_named_by_a_link_beside_its_folder_or_by_a_hard_link_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "Agent: calm down\n").unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("link.txt")).unwrap();
    fs::hard_link(d.join("a.txt"), d.join("hard.txt")).unwrap();
    let name = |n: &str| d.join(n).to_str().unwrap().to_string();
    let folder = d.to_str().unwrap().to_string();
    let read_by_link = [name("a.txt"), name("hard.txt")];
    for (args, read, skipped) in [
        (
            vec![folder.clone(), name("link.txt")],
            name("link.txt"),
            &read_by_link[..],
        ),
        (
            vec![name("a.txt"), name("hard.txt")],
            name("a.txt"),
            &read_by_link[1..],
        ),
    ] {
        let (_, v) = json_report(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(strings(&v["conversations"], "path"), [read.as_str()], "{v}");
        assert_eq!(strings(&v["skipped"], "path"), skipped, "{v}");
        for s in v["skipped"].as_array().unwrap() {
            let reason = format!("the same file as {read}, which is read");
            assert_eq!(s["reason"], reason.as_str(), "{v}");
        }
    }
    // A link outside the folder to a file in it is that file too; one `--force-exclude` leaves
    // out hides nothing.
    let calls = d.join("calls");
    fs::create_dir(&calls).unwrap();
    fs::rename(d.join("a.txt"), calls.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("calls/a.txt", d.join("out.txt")).unwrap();
    let (calls, out) = (calls.to_str().unwrap(), name("out.txt"));
    let (_, v) = json_report(&[calls, &out]);
    assert_eq!(strings(&v["conversations"], "path"), [out.as_str()], "{v}");
    let (_, v) = json_report(&["--force-exclude", "--exclude", "out.txt", calls, &out]);
    let read = format!("{calls}/a.txt");
    assert_eq!(strings(&v["conversations"], "path"), [read.as_str()], "{v}");
}

/// A folder its user may not read is one error that names it once, with the system's reason:
/// it said "cannot read: IO error for operation on closed: Permission denied (os error 13)".
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_named_once_with_the_systems_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let closed = dir.path().join("closed");
    fs::create_dir(&closed).unwrap();
    fs::write(closed.join("a.txt"), "Agent: hi\n").unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["check", "--no-config", "-f", "json"].map(OsStr::new);
    let args = [&args[..], &[closed.as_os_str()]].concat();
    let Some((code, out, err)) = crate::support::as_nobody(dir.path(), &args) else {
        return;
    };
    assert_eq!(code, 2, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(
        v["errors"][0]["message"], "cannot read: Permission denied (os error 13)",
        "{v}"
    );
}
