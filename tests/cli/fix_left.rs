//! Fixes that are counted and said, not made: in standard input, JSON, CSV and captions,
//! which talklint never rewrites, a pending fix is a warning, as in a file that is not UTF-8,
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
    let (code, _, err) = run(talklint()
        .args([
            "check",
            "--no-config",
            "--diff",
            "--stdin-filename",
            "x.md",
            "-",
        ])
        .write_stdin("Agent: No problem!\n"));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("x.md: 1 match not fixed: standard input is not rewritten"),
        "{err}"
    );
}
