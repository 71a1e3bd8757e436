//! Sequences (`after`, SPEC §2.1): a trigger turn of another speaker opens a window of the next N
//! turns of the rule's speaker (or N seconds from the trigger turn's end); a hit counts only in
//! such a window, and for a `require` rule every trigger must be answered in its own. One hit
//! answers every trigger still open; a trigger with no later turn of the speaker is not judged.

use super::super::compile::CompiledAfter;
use super::search::{Conversation, Found};
use crate::rules::Within;

/// A trigger and the turns that may answer it.
pub(super) struct Trigger {
    /// The trigger's first match in its turn.
    pub found: Found,
    pub window: Vec<usize>,
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
            let later = &speaker[speaker.partition_point(|&i| i <= found.turn)..];
            if later.is_empty() {
                continue;
            }
            let window: Vec<usize> = match after.within {
                Within::Turns(n) => later.iter().copied().take(n).collect(),
                Within::Millis(ms) => {
                    let tl = self.timeline();
                    let from = tl.ends[found.turn]?;
                    later
                        .iter()
                        .copied()
                        .take_while(|&i| tl.starts[i].is_some_and(|s| s <= from.saturating_add(ms)))
                        .collect()
                }
            };
            triggers.push(Trigger { found, window });
        }
        Some(triggers)
    }
}
