//! Fixes that are counted and said, not made: in JSON, CSV and captions, which talklint never
//! rewrites, a pending fix is a warning, as in a file that is not UTF-8,
//! rather than passing as "nothing to fix"; `--diff` exits 0 for them, since `--fix` would
//! change nothing (SPEC §8: it exits 1 when it would change something).

use crate::support::{run, talklint, write};

#[test]
fn fixes_in_inputs_that_are_not_rewritten_are_said_and_pass_diff() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("chat.json", r#"[{"role":"agent","text":"No problem!"}]"#),
        ("chat.csv", "role,text\nagent,No problem!\n"),
        (
            "call.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>No problem!\n",
        ),
    ];
    for (name, text) in files {
        let path = write(dir.path(), name, text);
        for mode in ["--fix", "--diff"] {
            let (code, out, err) = run(talklint().args(["check", "--no-config", mode]).arg(&path));
            assert!(
                err.contains(&format!(
                    "{name}: 1 match not fixed: only text and Markdown files are rewritten"
                )),
                "{name} {mode}: {err}"
            );
            if mode == "--diff" {
                assert_eq!((code, out.as_str()), (0, ""), "{name}: {err}");
            }
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                text,
                "{name} unchanged"
            );
        }
    }
}

/// A fix that cannot be written (a file and folder its user may not write) is an error on
/// standard error and exit status 2, and the file stays among the conversations with its
/// findings as read (SPEC §7: one place for each file): it held no conversation, as if the file
/// was never read.
#[cfg(unix)]
#[test]
fn a_fix_that_cannot_be_written_leaves_the_findings_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: No problem!\n";
    let path = write(dir.path(), "s.txt", text);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["check", "--no-config", "--fix", "-f", "json"].map(std::ffi::OsStr::new);
    let args = [&args[..], &[path.as_os_str()]].concat();
    let Some((code, out, err)) = crate::support::as_nobody(dir.path(), &args) else {
        return;
    };
    assert_eq!(code, 2, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(
        v["conversations"][0]["findings"][0]["match"], "No problem",
        "{v}"
    );
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    assert!(
        err.contains("s.txt: cannot write the fixes: Permission denied"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn diff_with_exit_zero_exits_0() {
    // `--diff` exits 1 where `--fix` would change a file; `--exit-zero` makes that 0 too, as
    // ruff's does (it still exited 1).
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "reply.txt", "Agent: No problem!\n");
    for (flags, expected) in [(&["--diff"][..], 1), (&["--diff", "--exit-zero"], 0)] {
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config"])
            .args(flags)
            .arg(&path));
        assert_eq!(code, expected, "{flags:?}: {err}");
        assert!(out.contains("+Agent: "), "{out}");
    }
}
