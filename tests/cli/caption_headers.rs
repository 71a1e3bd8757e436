//! The header of a WebVTT file and the errors of caption files in the wrong reader: a cue after a
//! header with no blank line is read (as browsers read it) with a warning, never dropped; a file
//! that is not what its reader takes says what to do about it.

use crate::support::{JSON_CHECK, run, talklint, write};
use serde_json::Value;

/// The JSON report of the default pack on `source` written to `name`, with `args` before it.
fn report(name: &str, source: &str, args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, source);
    let (_, out, err) = run(talklint().args(JSON_CHECK).args(args).arg(path));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\n{err}"))
}

/// A header with no blank line after it ends at the first timing line: its cue is read, and the
/// warning names its line.
#[test]
fn a_cue_right_after_the_header_is_read_with_a_warning() {
    let warning = |line: u64| {
        format!(
            "line {line}, column 1: the WebVTT header needs a blank line after it; this cue is \
             read, as browsers read it, but readers that skip the header up to its first blank \
             line drop it: add a blank line before it"
        )
    };
    for (source, line, calm_down) in [
        (
            "WEBVTT\r\n00:00:01.000 --> 00:00:02.000\r\nAgent: calm down\r\n",
            2,
            3,
        ),
        (
            "WEBVTT\nKind: captions\n00:00:01.000 --> 00:00:02.000\nCustomer: help\n\n\
             00:00:03.000 --> 00:00:05.000\nAgent: calm down\n",
            3,
            7,
        ),
    ] {
        let r = report("call.vtt", source, &[]);
        assert_eq!(r["skipped"], serde_json::json!([]), "{r}");
        let c = &r["conversations"][0];
        assert_eq!(c["warnings"], serde_json::json!([warning(line)]), "{c}");
        let turns = if line == 2 { 1 } else { 2 };
        assert_eq!(c["turns"], turns, "{c}");
        let f = &c["findings"][0];
        assert_eq!(
            (&f["rule"], &f["line"]),
            (&"respect/calm-down".into(), &calm_down.into())
        );
    }
    // A header followed by its blank line says nothing.
    let r = report(
        "call.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAgent: hi\n",
        &[],
    );
    assert_eq!(r["conversations"][0]["warnings"], Value::Null, "{r}");
}
