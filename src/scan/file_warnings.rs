//! The warnings of a file as a whole (its text's encoding, its directives) in a file of several
//! conversations (a JSONL file's records): one about a byte of a turn's text goes to that
//! turn's conversation, not to every conversation of the file; the others go to them all.

use super::read::Placed;
use crate::transcript::{Directives, Transcript};

/// `warnings` (from decoding) and the directives' warnings, each with the conversation of
/// `transcripts` (read from `source`) it goes to, by index; `None` for every one.
pub(super) fn owned(
    mut warnings: Vec<Placed>,
    directives: &Directives,
    transcripts: &[Transcript],
    source: &str,
) -> Vec<(Option<usize>, String)> {
    let placed = directives
        .warnings
        .iter()
        .map(|(at, w)| (Some(*at), w.clone()));
    warnings.extend(placed);
    if transcripts.len() < 2 {
        return warnings.into_iter().map(|(_, w)| (None, w)).collect();
    }
    let holding = |at: usize| {
        transcripts.iter().position(|t| {
            (t.turns.iter()).any(|turn| {
                let end = turn.source_end(turn.text(source).len());
                (turn.source_offset(0)..end).contains(&at)
            })
        })
    };
    (warnings.into_iter())
        .map(|(at, w)| (at.and_then(holding), w))
        .collect()
}
