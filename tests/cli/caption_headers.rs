//! The header of a WebVTT file, cues that end before they start or follow another without a
//! blank line, and the errors of caption files in the wrong reader: a cue after a header or a cue
//! with no blank line is read (as browsers read it) with a warning, never dropped; so is a cue
//! whose end comes before its start; a file that is not what its reader takes says what to do.

use crate::support::{JSON_CHECK, error_messages, run, talklint, write};
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

/// A `.vtt` file without its `WEBVTT` line says to add one when it holds cues (read by its
/// extension or forced with `--input-format vtt`), or to use the SRT reader when its cues are SRT's.
#[test]
fn a_webvtt_file_without_its_header_says_what_to_do() {
    let lead = "line 1, column 1: not a WebVTT file: the first line must be `WEBVTT`";
    let cues = "00:00:00.000 --> 00:00:02.000\n<v Customer>My order is late.</v>\n";
    for args in [&[][..], &["--input-format", "vtt"]] {
        let r = report("call.vtt", cues, args);
        let add =
            format!("{lead}: add a `WEBVTT` line, then a blank line, at the top (read as vtt)");
        assert_eq!(error_messages(&r), [add.as_str()], "{args:?}");
    }
    let r = report(
        "call.vtt",
        "1\n00:00:01,000 --> 00:00:02,000\nAgent: hi\n",
        &[],
    );
    let srt = format!(
        "{lead}, and its cues look like SRT (`,` before the milliseconds): rename the file to \
         .srt, or read it with --input-format srt (read as vtt)"
    );
    assert_eq!(error_messages(&r), [srt.as_str()]);
    let r = report("call.txt", "Agent: hi\n", &["--input-format", "vtt"]);
    let other = format!(
        "{lead}: add a `WEBVTT` line at the top if it is WebVTT, or choose another reader with \
         --input-format (read as vtt)"
    );
    assert_eq!(error_messages(&r), [other.as_str()]);
}

/// WebVTT in a `.srt` or `.sbv` file: the reader's error says the file looks like WebVTT.
#[test]
fn webvtt_in_an_srt_or_sbv_file_says_so() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAgent: hi\n";
    let hint = |why: &str, example: &str, format: &str| {
        format!(
            "line 1, column 1: cue has no timing line (`{example}`); the file looks like WebVTT \
             ({why}): rename it to .vtt, or read it with --input-format vtt (read as {format})"
        )
    };
    let header = "its first line is `WEBVTT`";
    let srt_example = "00:00:01,000 --> 00:00:04,000";
    let r = report("call.srt", vtt, &[]);
    assert_eq!(error_messages(&r), [hint(header, srt_example, "srt")]);
    let r = report("call.sbv", vtt, &[]);
    let sbv_example = "0:00:01.000,0:00:04.000";
    assert_eq!(error_messages(&r), [hint(header, sbv_example, "sbv")]);
    let dotted = "NOTE from Zoom\n\n00:00:01.000 --> 00:00:02.000\nAgent: hi\n";
    let r = report("call.srt", dotted, &[]);
    let why = "its timing lines have `.` before the milliseconds";
    assert_eq!(error_messages(&r), [hint(why, srt_example, "srt")]);
}

/// A cue that ends before it starts is read as a cue of no length, with a warning at its end time
/// that counts the others: it used to be read in silence, in all three caption formats.
#[test]
fn a_cue_that_ends_before_it_starts_is_warned_about_in_every_caption_format() {
    let cues = [
        (
            "call.vtt",
            "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nAgent: hello\n\n00:00:06.000 --> 00:00:08.000\nCustomer: hi\n\n00:00:09.000 --> 00:00:07.500\nAgent: ok\n",
            (3, 18),
        ),
        (
            "call.srt",
            "1\n00:00:05,000 --> 00:00:01,000\nAgent: hello\n\n2\n00:00:06,000 --> 00:00:08,000\nCustomer: hi\n\n3\n00:00:09,000 --> 00:00:07,500\nAgent: ok\n",
            (2, 18),
        ),
        (
            "call.sbv",
            "0:00:05.000,0:00:01.000\nAgent: hello\n\n0:00:06.000,0:00:08.000\nCustomer: hi\n\n0:00:09.000,0:00:07.500\nAgent: ok\n",
            (1, 13),
        ),
    ];
    for (name, source, (line, column)) in cues {
        let r = report(name, source, &[]);
        let warnings = crate::support::warnings(&r, 0);
        assert_eq!(
            warnings,
            [format!(
                "line {line}, column {column}: this cue ends at 1 s, before it starts at 5 s, so \
                 it is read as ending where it starts; write the end after the start (… and 1 \
                 more cue like it)"
            )],
            "{name}: {r}"
        );
        assert_eq!(
            r["conversations"][0]["turns"], 3,
            "{name}: every cue is read"
        );
    }
}

/// A cue written right under the one above, with no blank line, is a cue of its own, with its
/// time (and an SRT cue number before it is its number): its timing line was read as words of
/// the cue above, and its start time lost.
#[test]
fn a_cue_with_no_blank_line_before_it_is_a_cue_of_its_own() {
    let files = [
        (
            "call.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Agent>Hello</v>\n00:00:05.000 --> \
             00:00:07.000\n<v Customer>I need a refund now</v>\n",
            5,
        ),
        (
            "call.srt",
            "1\n00:00:01,000 --> 00:00:04,000\nAgent: Hello\n2\n00:00:05,000 --> \
             00:00:07,000\nCustomer: I need a refund now\n",
            4,
        ),
    ];
    for (name, source, line) in files {
        let r = report(name, source, &[]);
        assert_eq!(r["conversations"][0]["turns"], 2, "{name}: {r}");
        assert_eq!(
            crate::support::warnings(&r, 0),
            [format!(
                "line {line}, column 1: this cue follows the one above without a blank line; it \
                 is read as a cue of its own, as browsers read it, but readers that part cues at \
                 blank lines join it to the cue above: add a blank line before it"
            )],
            "{name}"
        );
    }
}
