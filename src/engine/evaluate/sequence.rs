//! Sequences (`after`, SPEC §2.1): a trigger turn of another speaker opens a window of the next N
//! turns of the rule's speaker (or N seconds from the trigger turn's end); a hit counts only in
//! such a window, and for a `require` rule every trigger must be answered in its own. One hit
//! answers every trigger still open; a trigger with no later turn of the speaker is not judged.

use super::super::compile::CompiledAfter;
use super::search::{Conversation, Found};
use crate::rules::Within;
use std::ops::Range;

/// A trigger and the turns that may answer it.
pub(super) struct Trigger {
    /// The trigger's first match in its turn.
    pub found: Found,
    /// The turns that may answer it: a stretch of the rule's turns (`speaker[window]`).
    window: Range<usize>,
}

/// The triggers that none of `found` answers. `found`: the rule's hits, in place order, each on
/// one of the rule's turns `speaker`, over which the triggers' windows run. Linear: a binary
/// search per trigger, not a scan of every hit.
pub(super) fn unanswered<'t>(
    triggers: &'t [Trigger],
    found: &[Found],
    speaker: &[usize],
) -> impl Iterator<Item = &'t Trigger> {
    triggers.iter().filter(move |t| {
        let turns = &speaker[t.window.clone()];
        let (Some(&first), Some(&last)) = (turns.first(), turns.last()) else {
            return true;
        };
        let next = found.partition_point(|f| f.turn < first);
        found.get(next).is_none_or(|f| f.turn > last)
    })
}

/// The hits of `found` (as for [`unanswered`]) inside some trigger's window.
pub(super) fn answering(triggers: &[Trigger], found: &[Found], speaker: &[usize]) -> Vec<Found> {
    // Windows start in trigger order: each marks only what the ones before it did not reach.
    let mut inside = vec![false; speaker.len()];
    let mut reached = 0;
    for t in triggers {
        let from = t.window.start.max(reached);
        if from < t.window.end {
            inside[from..t.window.end].fill(true);
        }
        reached = reached.max(t.window.end);
    }
    let answers = |f: &&Found| speaker.binary_search(&f.turn).is_ok_and(|i| inside[i]);
    found.iter().filter(answers).copied().collect()
}

impl Conversation<'_> {
    /// The triggers of `after` and each one's window over `speaker` (the rule's turns); `None`
    /// when a window in seconds needs times the transcript does not have.
    pub(super) fn triggers(
        &self,
        after: &CompiledAfter,
        speaker: &[usize],
    ) -> Option<Vec<Trigger>> {
        let trigger_turns = self.turns_of(after.trigger.roles);
        let search = self.search(&after.trigger, &trigger_turns)?;
        let mut triggers: Vec<Trigger> = Vec::new();
        for found in search.found {
            if triggers.last().is_some_and(|t| t.found.turn == found.turn) {
                continue;
            }
            let start = speaker.partition_point(|&i| i <= found.turn);
            let later = &speaker[start..];
            if later.is_empty() {
                continue;
            }
            let len = match after.within {
                Within::Turns(n) => n.min(later.len()),
                Within::Millis(ms) => {
                    let tl = self.timeline();
                    let to = tl.ends[found.turn]?.saturating_add(ms);
                    let near = |&&i: &&usize| tl.starts[i].is_some_and(|s| s <= to);
                    later.iter().take_while(near).count()
                }
            };
            triggers.push(Trigger {
                found,
                window: start..start + len,
            });
        }
        Some(triggers)
    }
}
