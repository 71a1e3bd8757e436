//! The warnings of a file as a whole (its text's encoding, its directives) in a file of several
//! conversations (a JSONL file's records): each goes to the conversation whose lines hold its
//! place, and one without a place to the first, not to every conversation of the file.

use super::read::Placed;
use crate::text::lines::LineCursor;
use crate::transcript::{Directives, Transcript};

/// `warnings` (from decoding) and the directives' warnings, each with the index of the
/// conversation of `transcripts` (read from `source`) it goes to.
pub(super) fn owned(
    mut warnings: Vec<Placed>,
    directives: &Directives,
    transcripts: &[Transcript],
    source: &str,
) -> Vec<(usize, String)> {
    let mut lines = LineCursor::new(source);
    for (at, w) in &directives.warnings {
        warnings.push((Some(lines.position(*at).0), w.clone()));
    }
    if warnings.is_empty() || transcripts.len() < 2 {
        return warnings.into_iter().map(|(_, w)| (0, w)).collect();
    }
    // Each conversation's first line (none without turns), in the file's order.
    let mut lines = LineCursor::new(source);
    let firsts: Vec<Option<usize>> = (transcripts.iter())
        .map(|t| {
            t.turns
                .first()
                .map(|turn| lines.position(turn.source_offset(0)).0)
        })
        .collect();
    let owner = |line: usize| {
        (firsts.iter())
            .rposition(|first| first.is_some_and(|f| f <= line))
            .unwrap_or(0)
    };
    (warnings.into_iter())
        .map(|(line, w)| (line.map_or(0, owner), w))
        .collect()
}
