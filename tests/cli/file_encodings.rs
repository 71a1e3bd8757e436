//! Rule, config, import and labels files in an encoding other than UTF-8: an error at the first
//! bad byte, or naming the encoding, with how to save the file.

use crate::support::{run, talklint};
use std::fs;

/// A rule, config, import or labels file that is not UTF-8 is an error at its first bad byte (a
/// UTF-16 file named as one), with how to save it: "stream did not contain valid UTF-8" at 1:1
/// said neither.
#[test]
fn files_that_are_not_utf8_are_errors_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.yaml");
    fs::write(
        &latin1,
        b"rules:\n  - id: a/x\n    phrases: [\"caf\xe9\"]\n",
    )
    .unwrap();
    let config = dir.path().join("config.yaml");
    fs::write(&config, b"rules: [default]\ndisable: [caf\xe9]\n").unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("rules: []\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let wide = dir.path().join("wide.yaml");
    fs::write(&wide, utf16).unwrap();
    // Without a byte-order mark, ASCII in UTF-16 is valid UTF-8 with a NUL by each character:
    // it was "a control character U+0000 ... pasted from a word processor".
    let bare: Vec<u8> = ("rules: [default]\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("bare.yaml"), bare).unwrap();
    let import = dir.path().join("cat.json");
    fs::write(&import, b"{\"CategoryName\": \"caf\xe9\", \"Rules\": []}").unwrap();
    let labels = dir.path().join("labels.tsv");
    fs::write(
        &labels,
        b"path\tturn\tlabel\ncaf\xe9.txt\t1\townership:forbid\n",
    )
    .unwrap();
    for (args, place, what) in [
        (
            vec!["check", "--no-config", "-r", "latin1.yaml", "."],
            "latin1.yaml:3:19",
            "byte 0xE9 is not UTF-8",
        ),
        (
            vec!["check", "--config", "config.yaml", "."],
            "config.yaml:2:14",
            "byte 0xE9 is not UTF-8",
        ),
        (
            vec!["check", "--no-config", "-r", "wide.yaml", "."],
            "wide.yaml:1:1",
            "the file is UTF-16, not UTF-8",
        ),
        (
            vec!["check", "--config", "bare.yaml", "."],
            "bare.yaml:1:1",
            "the file is UTF-16 (without a byte-order mark), not UTF-8",
        ),
        (
            vec!["eval", "--no-config", "--labels", "labels.tsv", "."],
            "labels.tsv:2:4",
            "byte 0xE9 is not UTF-8",
        ),
        (
            vec!["import", "--no-config", "cat.json"],
            "cat.json:1:22",
            "byte 0xE9 is not UTF-8",
        ),
    ] {
        let (code, _, err) = run(talklint().current_dir(dir.path()).args(&args));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{place}: {what}\n  help: save ")),
            "{args:?}: {err}"
        );
    }
}
