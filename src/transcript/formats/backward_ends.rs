//! Times that run backwards. A turn of a JSON or CSV transcript that ends before it starts
//! (`"start": 9.0, "end": 4.0`, a diariser's or an export's slip): its end is dropped with a
//! warning, as a text file's span that ends before it starts is, so that silence and talk share
//! are not measured from a time that cannot be. A turn of a text file that starts before the turn
//! above it keeps its times, with a warning: JSON and captions are put in time order, but a text
//! file's turns stay in the order it gives.

use crate::text::lines::LineCursor;
use crate::transcript::Turn;

/// Drops the end of every turn that ends before it starts: the turn ends where the next one
/// starts, as a turn with no end does. The warning, placed by `lines` at the first such turn's
/// text, says how many more there are.
pub fn drop_backward_ends(turns: &mut [Turn], lines: &mut LineCursor) -> Option<String> {
    let mut backward = turns
        .iter_mut()
        .filter(|t| matches!((t.start_ms, t.end_ms), (Some(s), Some(e)) if e < s));
    let first = backward.next()?;
    let (start, end) = (seconds(first.start_ms), seconds(first.end_ms));
    let at = first.source_offset(0);
    first.end_ms = None;
    let more = backward.map(|t| t.end_ms = None).count();
    let (line, column) = lines.position(at);
    let more = super::more_like(more, "turn");
    Some(format!(
        "line {line}, column {column}: this turn ends at {end} s, before it starts at {start} s, \
         so its end is dropped and the turn ends where the next one starts; write the end after \
         the start{more}"
    ))
}

/// The warning for the first turn of `turns` that starts before the timed turn above it, placed
/// by `lines` at its text, with how many more there are.
pub fn backward_starts(turns: &[Turn], lines: &mut LineCursor) -> Option<String> {
    let mut above: Option<u64> = None;
    let mut backward = turns.iter().filter_map(|t| {
        let start = t.start_ms?;
        let earlier = above.filter(|&a| start < a);
        above = Some(start);
        earlier.map(|a| (t, a))
    });
    let (first, above) = backward.next()?;
    let more = super::more_like(backward.count(), "turn");
    let (line, column) = lines.position(first.source_offset(0));
    Some(format!(
        "line {line}, column {column}: this turn starts at {} s, before the turn above it at {} \
         s; silences and interruptions are measured between turns in the file's order: put the \
         turns in time order{more}",
        seconds(first.start_ms),
        seconds(Some(above)),
    ))
}

/// Milliseconds as seconds, as a warning writes them (`9`, `4.25`).
fn seconds(ms: Option<u64>) -> f64 {
    ms.unwrap_or(0) as f64 / 1000.0
}
