//! Fixes (SPEC §8): `replace:` on forbid rules, `--fix` rewriting text and Markdown files in
//! place, `--diff` printing what it would change.

use crate::support::{run, talklint, write};
use std::fs;

const RULES: &str = r#"
rules:
  - id: respect/calm-down
    severity: warning
    phrases: ["[you need to] calm down"]
    replace: "take your time"
    examples:
      hit: ["Agent: Please calm down."]
      clean: ["Agent: Let me help you."]
  - id: respect/shut-up
    severity: error
    phrases: ["shut up"]
    examples:
      hit: ["Agent: shut up"]
      clean: ["Agent: hush"]
"#;

const CHAT: &str = "\
Agent: Calm down, please.
Customer: What?
Agent: You need to calm down. <!-- talklint: ignore -->
Agent: Ok, calm down and shut up.
";

/// `talklint check --no-config -r rules.yaml ARGS` in `dir`.
fn fix_run(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "-r", "rules.yaml"])
        .args(args))
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    write(dir.path(), "chat.txt", CHAT);
    let (code, out, err) = fix_run(dir.path(), &["--diff", "chat.txt"]);
    assert_eq!(code, 1, "something to fix: {err}");
    assert_eq!(
        out,
        "--- a/chat.txt\n+++ b/chat.txt\n@@ -1,4 +1,4 @@\n-Agent: Calm down, please.\n+Agent: Take your time, please.\n Customer: What?\n Agent: You need to calm down. <!-- talklint: ignore -->\n-Agent: Ok, calm down and shut up.\n+Agent: Ok, take your time and shut up.\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("chat.txt")).unwrap(),
        CHAT
    );
    write(dir.path(), "clean.txt", "Agent: Hello.\n");
    let (code, out, _) = fix_run(dir.path(), &["--diff", "clean.txt"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn fix_rewrites_text_files_and_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    write(dir.path(), "chat.txt", CHAT);
    let json = "[{\"role\": \"agent\", \"text\": \"Calm down.\"}]";
    write(dir.path(), "chat.json", json);
    let (code, out, err) = fix_run(dir.path(), &["--fix", "-f", "json", "."]);
    assert_eq!(code, 1, "shut-up has no replacement and remains");
    assert_eq!(
        err,
        "warning: chat.json: 1 match not fixed: only text and Markdown files are rewritten, \
         never JSON, CSV or captions\nfixed: chat.txt: 2 matches replaced\n"
    );
    let fixed = fs::read_to_string(dir.path().join("chat.txt")).unwrap();
    assert_eq!(
        fixed,
        CHAT.replace("Calm down,", "Take your time,")
            .replace("Ok, calm down", "Ok, take your time")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("chat.json")).unwrap(),
        json,
        "JSON is never rewritten"
    );
    fix_run(
        dir.path(),
        &["--fix", "--input-format", "text", "chat.json"],
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("chat.json")).unwrap(),
        json,
        "not even read as text"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap())
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["respect/calm-down", "respect/shut-up"],
        "JSON's match and the rest"
    );
}

#[test]
fn replace_belongs_on_forbid_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: empathy/sorry\n    kind: reward\n    phrases: [sorry]\n    replace: \"sorry\"\n",
    );
    write(dir.path(), "a.txt", "Agent: sorry\n");
    let (code, _, err) = fix_run(dir.path(), &["a.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("rules.yaml:5:5") && err.contains("`replace` on a reward rule"),
        "{err}"
    );
    // A replacement on two lines would write a new turn into the transcript.
    write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: a/b\n    phrases: [sorry]\n    replace: \"ok\\nCustomer: fine\"\n",
    );
    let (code, _, err) = fix_run(dir.path(), &["a.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("rules.yaml:4:5") && err.contains("holds a line break"),
        "{err}"
    );
}

#[test]
fn the_default_pack_fixes_a_casual_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "macro.md",
        "No problem! I'll send the label today.\n",
    );
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("\n+My pleasure! I'll send the label today.\n"),
        "{out}"
    );
    let (_, listed, _) = run(talklint().args([
        "rules",
        "--no-config",
        "--format",
        "json",
        "enthusiasm/no-problem",
    ]));
    assert!(listed.contains("\"replace\": \"my pleasure\""), "{listed}");
}

#[cfg(unix)]
#[test]
fn a_fix_replaces_the_file_whole_or_not_at_all() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let long: String = (0..2000)
        .map(|i| format!("Agent: Please calm down, line {i}.\n"))
        .collect();
    let chat = write(dir.path(), "chat.txt", &long);
    fs::set_permissions(&chat, fs::Permissions::from_mode(0o640)).unwrap();
    // A write that fails part-way (here past a 2 KiB file size limit, which kills the process)
    // leaves the file as it was.
    let limited = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg("ulimit -f 2 && exec \"$0\" check --no-config -r rules.yaml --fix chat.txt")
        .arg(assert_cmd::cargo::cargo_bin("talklint"))
        .output()
        .unwrap();
    assert!(!limited.status.success());
    assert!(
        fs::read_to_string(&chat).unwrap() == long,
        "the file was cut"
    );
    // The fix itself: the new text in place, with the file's permissions, nothing else left.
    for leftover in fs::read_dir(dir.path()).unwrap() {
        let name = leftover.unwrap().file_name();
        if name.to_string_lossy().contains("talklint-") {
            fs::remove_file(dir.path().join(name)).unwrap();
        }
    }
    let (code, _, err) = fix_run(dir.path(), &["--fix", "chat.txt"]);
    assert_eq!(code, 0, "{err}");
    let fixed = fs::read_to_string(&chat).unwrap();
    assert!(
        fixed.starts_with("Agent: Please take your time, line 0.\n"),
        "{fixed}"
    );
    assert_eq!(fixed.lines().count(), 2000);
    let mode = fs::metadata(&chat).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    let mut names: Vec<String> = (fs::read_dir(dir.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["chat.txt", "rules.yaml"]);
}

#[test]
fn a_file_that_is_not_utf8_says_its_fixes_are_left() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let latin1 = b"Agent: Caf\xe9 closed. Please calm down.\n";
    let path = dir.path().join("latin1.txt");
    fs::write(&path, latin1).unwrap();
    let (code, out, err) = fix_run(dir.path(), &["--diff", "latin1.txt"]);
    assert_eq!(
        (code, out.as_str()),
        (0, ""),
        "--fix would not change it, so --diff passes: {err}"
    );
    assert!(
        err.contains("warning: latin1.txt: 1 match not fixed: the file is not UTF-8"),
        "{err}"
    );
    let (_, _, err) = fix_run(dir.path(), &["--fix", "latin1.txt"]);
    assert!(err.contains("1 match not fixed"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), latin1);
}

#[test]
fn a_file_whose_lines_end_in_cr_alone_is_fixed_with_its_crs() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let mac = write(
        dir.path(),
        "mac.txt",
        "Agent: Please calm down.\rCustomer: ok\r",
    );
    let (code, out, err) = fix_run(dir.path(), &["--diff", "mac.txt"]);
    assert_eq!((code, out.as_str()), (1, ""), "no diff would apply: {err}");
    assert!(
        err.contains("1 match not fixed: its lines end in CR alone"),
        "{err}"
    );
    let (_, _, err) = fix_run(dir.path(), &["--fix", "mac.txt"]);
    assert!(err.contains("fixed: mac.txt: 1 match replaced"), "{err}");
    let fixed = fs::read_to_string(&mac).unwrap();
    assert_eq!(fixed, "Agent: Please take your time.\rCustomer: ok\r");
}

/// `--diff`'s patch, applied by `git apply`, gives the file `--fix` writes: lines end at LF
/// alone (a CR inside a line, CRLF), hunks apart and together, a last line with no line break,
/// names with a tab, a line break, a quote or a backslash.
#[test]
fn a_diff_applies_and_gives_what_fix_writes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    let far = "Customer: ok\n".repeat(8);
    let files = [
        (
            "lone-cr.txt",
            "Agent: calm down\rnow\nCustomer: ok\n".to_string(),
        ),
        (
            "crlf.txt",
            format!("Agent: calm down.\r\n{}", far.replace('\n', "\r\n")),
        ),
        (
            "hunks.txt",
            format!("Agent: calm down.\n{far}Customer: ok\nAgent: Calm down, calm down"),
        ),
        (
            "close.txt",
            "Agent: calm down\nCustomer: ok\nAgent: calm down\n".into(),
        ),
        // A stray CR ends the customer's line: the agent's words are the agent's.
        (
            "stray.txt",
            "Customer: ok\rAgent: calm down\r\nCustomer: fine\n".into(),
        ),
        // Names git quotes in a patch's header: a tab or line break would end them early.
        ("tab\tname.txt", "Agent: calm down\n".into()),
        ("new\nline.txt", "Agent: calm down\n".into()),
        ("quote\"back\\slash.txt", "Agent: calm down\n".into()),
    ];
    for (name, text) in &files {
        write(dir.path(), name, text);
        let (code, patch, err) = fix_run(dir.path(), &["--diff", name]);
        assert_eq!(code, 1, "{name}: {err}");
        write(dir.path(), "patch.diff", &patch);
        let applied = run(assert_cmd::Command::new("git")
            .current_dir(dir.path())
            .args(["apply", "patch.diff"]));
        assert_eq!(applied.0, 0, "{name}: {}\n{patch}", applied.2);
        let patched = fs::read(dir.path().join(name)).unwrap();
        write(dir.path(), name, text);
        fix_run(dir.path(), &["--fix", name]);
        let fixed = fs::read(dir.path().join(name)).unwrap();
        assert_eq!(patched, fixed, "{name}:\n{patch}");
        assert_ne!(fixed, text.as_bytes(), "{name}");
    }
    write(dir.path(), "stray.txt", &files[4].1);
    let (_, report, _) = fix_run(dir.path(), &["-f", "json", "stray.txt"]);
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    let finding = &v["conversations"][0]["findings"][0];
    assert_eq!(
        (&finding["line"], &finding["turn"]),
        (&2.into(), &2.into()),
        "{v}"
    );
    write(dir.path(), "hunks.txt", &files[2].1);
    let (_, patch, _) = fix_run(dir.path(), &["--diff", "hunks.txt"]);
    assert_eq!(patch.matches("\n@@ ").count(), 2, "{patch}");
    assert!(
        patch.ends_with("+Agent: Take your time, take your time\n\\ No newline at end of file\n"),
        "{patch}"
    );
}

/// Two rules' matches in the same words: the longer is replaced, and the other is said to be
/// left, not dropped without a word.
#[test]
fn of_overlapping_fixes_the_longest_is_made_and_the_rest_counted() {
    let dir = tempfile::tempdir().unwrap();
    // `fix/same` makes `fix/long`'s edit: one edit, made once, and not counted as left out.
    let rules = "rules:\n  - {id: fix/short, phrases: [no problem], replace: my pleasure}\n  \
                 - {id: fix/long, phrases: [no problem at all], replace: happy to help}\n  \
                 - {id: fix/same, phrases: [no problem at all], replace: happy to help}\n  \
                 - {id: fix/noop, phrases: [glad to help], replace: glad to help}\n";
    write(dir.path(), "rules.yaml", rules);
    write(dir.path(), "o.txt", "Agent: No problem at all!\n");
    let (code, out, err) = fix_run(dir.path(), &["--diff", "o.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("\n+Agent: Happy to help!\n"), "{out}");
    let left = "o.txt: 1 match not fixed: another fix replaced words they share";
    assert!(err.contains(left), "{err}");
    let (_, _, err) = fix_run(dir.path(), &["--fix", "o.txt"]);
    assert!(
        err.contains(left) && err.contains("fixed: o.txt: 1 match replaced"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("o.txt")).unwrap(),
        "Agent: Happy to help!\n"
    );
    // A replacement that reads as its match is no fix: nothing to show or say.
    write(dir.path(), "same.txt", "Agent: Glad to help!\n");
    let (code, out, err) = fix_run(dir.path(), &["--diff", "same.txt"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

/// A match through a web address (a `*` reads the address as one word) is reported, not
/// fixed: the fix would write the address away.
#[test]
fn a_match_through_an_address_is_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - {id: fix/please, phrases: [please * now], replace: please}\n";
    write(dir.path(), "rules.yaml", rules);
    write(
        dir.path(),
        "a.txt",
        "Agent: Please https://acme.com/reset now.\n",
    );
    let (code, out, err) = fix_run(dir.path(), &["--diff", "a.txt"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (_, report, _) = fix_run(dir.path(), &["-f", "json", "a.txt"]);
    assert!(
        report.contains("\"rule\":\"fix/please\""),
        "still a finding: {report}"
    );
}

#[cfg(unix)]
#[test]
fn a_fix_keeps_hard_links_and_long_names() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules.yaml", RULES);
    // Both names of a file with two show the fix (a rename would part them).
    let one = write(dir.path(), "one.txt", "Agent: Please calm down.\n");
    let two = dir.path().join("two.txt");
    fs::hard_link(&one, &two).unwrap();
    let (code, _, err) = fix_run(dir.path(), &["--fix", "one.txt"]);
    assert_eq!(code, 0, "{err}");
    let fixed = "Agent: Please take your time.\n";
    assert_eq!(fs::read_to_string(&two).unwrap(), fixed);
    // A name near the file system's limit (255 bytes) is fixed too.
    let long = format!("{}.txt", "a".repeat(250));
    write(dir.path(), &long, "Agent: Please calm down.\n");
    let (code, _, err) = fix_run(dir.path(), &["--fix", &long]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read_to_string(dir.path().join(&long)).unwrap(), fixed);
}
