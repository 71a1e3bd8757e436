//! Timing measures (SPEC §2.1) of a timed conversation: silences, interruptions, talk share and
//! long turns. A silence belongs to the turn after it; an interruption to the turn that starts
//! while another speaker's turn goes on, its overlap `min(ends) − later start`.

use super::super::compile::CompiledFind;
use super::search::{Conversation, Found};
use crate::rules::Timing;

impl Conversation<'_> {
    /// Each event of `timing` in the search's window (every speaker's turns inside it, the
    /// search's speaker's events); `None` without start times on every turn and some end time.
    pub(super) fn events(&self, timing: Timing, find: &CompiledFind) -> Option<Vec<Found>> {
        let tl = self.timeline();
        if !tl.timed || !tl.has_ends {
            return None;
        }
        let turns = &self.transcript.turns;
        let all: Vec<usize> = (0..turns.len()).collect();
        let window = tl.window(find.window, &all)?;
        let ours = |i: usize| turns[i].role.bit() & find.roles != 0;
        let at = |turn: usize| Found { turn, range: None };
        let overlaps = tl.overlaps(self.transcript);
        let overlap = |i: usize| overlaps[i];
        let events = match timing {
            Timing::Silence(ms) => {
                let gaps = tl.gaps();
                window
                    .iter()
                    .filter(|&&i| i > 0 && ours(i) && gaps[i] >= ms)
                    .map(|&i| at(i))
                    .collect()
            }
            Timing::TurnAbove(ms) => window
                .iter()
                .filter(|&&i| ours(i) && tl.talk(i) > ms)
                .map(|&i| at(i))
                .collect(),
            Timing::Interrupts(ms) => window
                .iter()
                .filter(|&&i| ours(i) && overlap(i) > 0 && overlap(i) >= ms)
                .map(|&i| at(i))
                .collect(),
            Timing::InterruptsTotal(ms) => {
                let interrupting: Vec<usize> = window
                    .iter()
                    .copied()
                    .filter(|&i| ours(i) && overlap(i) > 0)
                    .collect();
                let total: u64 = interrupting.iter().map(|&i| overlap(i)).sum();
                match interrupting.first() {
                    Some(&first) if total > ms => vec![at(first)],
                    _ => Vec::new(),
                }
            }
            Timing::TalkShareAbove(share) | Timing::TalkShareBelow(share) => {
                let total: u64 = window.iter().map(|&i| tl.talk(i)).sum();
                let mine: u64 = window
                    .iter()
                    .filter(|&&i| ours(i))
                    .map(|&i| tl.talk(i))
                    .sum();
                let fraction = mine as f64 / total.max(1) as f64;
                let holds = match timing {
                    Timing::TalkShareAbove(_) => fraction > share,
                    _ => fraction < share,
                };
                let first = window
                    .iter()
                    .copied()
                    .find(|&i| ours(i))
                    .or(window.first().copied());
                match first {
                    Some(turn) if holds && total > 0 => vec![at(turn)],
                    _ => Vec::new(),
                }
            }
        };
        Some(events)
    }
}
