//! What a caption file that cannot be read as the format it was taken for may be instead: a
//! WebVTT file without its header, an SRT file read as WebVTT, a WebVTT file read as SRT or SBV.
//! The error then says which reader to use.

use super::subtitle::{Timing, numbered_lines};
use crate::text::blank::is_blank;
use crate::transcript::ParseError;

/// Why a file read as WebVTT is not one (its first line is not `WEBVTT`), and what to do: a file
/// of cues wants the header (it may be WebVTT read by its extension or `--input-format vtt`), and
/// one whose cues have SRT's `,` before the milliseconds wants the SRT reader.
pub(super) fn no_header(source: &str) -> String {
    let lead = "not a WebVTT file: the first line must be `WEBVTT`";
    match first_arrow(source) {
        Some(line) if line.split_once("-->").is_some_and(|(a, _)| a.contains(',')) => format!(
            "{lead}, and its cues look like SRT (`,` before the milliseconds): rename the file to \
             .srt, or read it with --input-format srt"
        ),
        Some(_) => format!("{lead}: add a `WEBVTT` line, then a blank line, at the top"),
        None => format!(
            "{lead}: add a `WEBVTT` line at the top if it is WebVTT, or choose another reader \
             with --input-format"
        ),
    }
}

/// The first timing line of a caption file (one with `-->`), if one of its first lines is.
fn first_arrow(source: &str) -> Option<&str> {
    numbered_lines(source)
        .filter(|l| !is_blank(l.2))
        .take(3)
        .map(|l| l.2)
        .find(|l| Timing::Vtt.is_timing(l))
}

/// An SRT or SBV reader's error `e`, with a hint when the file looks like WebVTT: a `WEBVTT`
/// header, or a first timing line with `-->` and a `.` before the milliseconds (SBV has no arrow,
/// SRT a `,`).
pub(super) fn maybe_vtt(source: &str, mut e: ParseError) -> ParseError {
    let dotted = || {
        let arrow = first_arrow(source).and_then(|l| l.split_once("-->"));
        arrow.is_some_and(|(start, _)| start.contains('.') && !start.contains(','))
    };
    let why = if source.trim_start_matches('\u{feff}').starts_with("WEBVTT") {
        "its first line is `WEBVTT`"
    } else if dotted() {
        "its timing lines have `.` before the milliseconds"
    } else {
        return e;
    };
    e.message = format!(
        "{}; the file looks like WebVTT ({why}): rename it to .vtt, or read it with \
         --input-format vtt",
        e.message
    );
    e
}
