//! Timing measures (SPEC §2.1) of a timed conversation: silences, interruptions, talk share and
//! long turns. A silence belongs to the turn after it; an interruption to the turn that starts
//! while another speaker's turn goes on, its overlap `min(ends) − later start`. A window on the
//! clock (seconds, or percent of a timed call) counts only the time inside it: the part of a gap,
//! an overlap or a turn's talk that lies in the window. A window of turns (the speaker's first or
//! last N) measures its turns whole, and a share the stretch of the call they span.

use super::super::compile::CompiledFind;
use super::search::{Conversation, Found};
use super::timeline::{Cover, inside, total};
use crate::rules::{Measure, Timing};
use crate::transcript::{Role, Turn};
use std::borrow::Cow;

impl Conversation<'_> {
    /// Each event of `timing` in the search's window (the search's speaker's first or last
    /// turns and the stretch they span, or time on the clock, in any turn; the search's
    /// speaker's events); `None` without start times on every turn and some end time.
    pub(super) fn events(&self, timing: Timing, find: &CompiledFind) -> Option<Vec<Found>> {
        let tl = self.timeline();
        if !tl.timed || !tl.has_ends {
            return None;
        }
        let turns = &self.transcript.turns;
        let all: Vec<usize> = (0..turns.len()).collect();
        let cover = match find.window {
            Some(window) => Some(tl.cover(window)?),
            None => None,
        };
        let ours = |i: usize| turns[i].role.bit() & find.roles != 0;
        // A window of turns picks the search's speaker's turns (SPEC §2: its counts are of the
        // rule's speaker), and a share is of the stretch they span, every speaker's turns in it;
        // a window on the clock picks time, in any turn.
        let (window, clock) = match cover {
            Some(Cover::Clock(from, to)) => (Cow::Borrowed(&all[..]), Some((from, to))),
            Some(cover) => {
                let mine = self.turns_of(find.roles);
                let picked = tl.turns_in(cover, &mine);
                let stretch = match (cover, picked.first(), picked.last()) {
                    (Cover::Last(_), Some(&first), _) => first..turns.len(),
                    (_, _, Some(&last)) => 0..last + 1,
                    _ => 0..0,
                };
                (Cow::Borrowed(&all[stretch]), None)
            }
            None => (Cow::Borrowed(&all[..]), None),
        };
        let at = |turn: usize, measure: Measure| Found {
            turn,
            range: None,
            measure: Some(measure),
        };
        let start = |i: usize| tl.starts[i].unwrap_or(0);
        // The time of each turn's talk and of its overlap with an earlier turn, in the window.
        let talk = |i: usize| inside(clock, start(i), tl.ends[i].unwrap_or(0));
        let overlaps = tl.overlaps(self.transcript);
        let overlap = |i: usize| {
            let ms = overlaps[i];
            (ms > 0)
                .then(|| inside(clock, start(i), start(i).saturating_add(ms)))
                .flatten()
                .filter(|&ms| ms > 0)
        };
        let events = match timing {
            Timing::Silence(ms) => {
                let gaps = tl.gaps();
                // A silence is a real gap: a turn that starts at or before the previous end has
                // none, even for `silence_seconds: 0`.
                let silence = |i: usize| {
                    let (from, to) = gaps[i];
                    inside(clock, from, to).filter(|&gap| gap > 0 && gap >= ms)
                };
                window
                    .iter()
                    .filter(|&&i| i > 0 && ours(i))
                    .filter_map(|&i| Some(at(i, Measure::time(silence(i)?))))
                    .collect()
            }
            Timing::TurnAbove(ms) => window
                .iter()
                .filter(|&&i| ours(i))
                .filter_map(|&i| Some(at(i, Measure::time(talk(i).filter(|&t| t > ms)?))))
                .collect(),
            Timing::Interrupts(ms) => window
                .iter()
                .filter(|&&i| ours(i))
                .filter_map(|&i| Some(at(i, Measure::time(overlap(i).filter(|&o| o >= ms)?))))
                .collect(),
            Timing::InterruptsTotal(ms) => {
                let interrupting: Vec<(usize, u64)> = window
                    .iter()
                    .filter(|&&i| ours(i))
                    .filter_map(|&i| Some((i, overlap(i)?)))
                    .collect();
                let total = total(interrupting.iter().map(|&(_, o)| o));
                match interrupting.first() {
                    Some(&(first, _)) if total > ms => vec![at(first, Measure::time(total))],
                    _ => Vec::new(),
                }
            }
            Timing::TalkShareAbove(share) | Timing::TalkShareBelow(share) => {
                let talking: Vec<(usize, u64)> =
                    window.iter().filter_map(|&i| Some((i, talk(i)?))).collect();
                if undiarised(turns, &talking) {
                    return None;
                }
                let all_talk = total(talking.iter().map(|&(_, t)| t));
                // No talk time at all (every turn of no length): no share of it to judge.
                if all_talk == 0 {
                    return None;
                }
                let mine = total(talking.iter().filter(|&&(i, _)| ours(i)).map(|&(_, t)| t));
                let above = matches!(timing, Timing::TalkShareAbove(_));
                let holds_at = |mine: u64| {
                    let fraction = mine as f64 / all_talk.max(1) as f64;
                    if above {
                        fraction > share
                    } else {
                        fraction < share
                    }
                };
                // Whose talk a turn of no known role is cannot be told: the share is known only
                // where it holds, or fails, whether that talk is the speaker's or not (a beep of
                // an unnamed voice in a long call).
                let unknown = |&&(i, _): &&(usize, u64)| turns[i].role == Role::Unknown;
                let unknown_talk = total(talking.iter().filter(unknown).map(|&(_, t)| t));
                let holds = holds_at(mine);
                if holds != holds_at(mine + unknown_talk) {
                    return None;
                }
                let first = talking
                    .iter()
                    .find(|&&(i, _)| ours(i))
                    .or(talking.first())
                    .map(|&(i, _)| i);
                match first {
                    Some(turn) if holds => {
                        vec![at(turn, Measure::share(mine, all_talk, above))]
                    }
                    _ => Vec::new(),
                }
            }
        };
        Some(events)
    }
}

/// Whether the talking turns are an undiarised recording's: none names its speaker and all have
/// one role, `--default-role`'s, so no one's share of the talk can be told. AWS and CCAI name
/// no speakers but give each turn its participant's role.
fn undiarised(turns: &[Turn], talking: &[(usize, u64)]) -> bool {
    let mut roles = talking
        .iter()
        .map(|&(i, _)| (turns[i].role, &turns[i].speaker));
    let Some((role, None)) = roles.next() else {
        return false;
    };
    roles.all(|(r, speaker)| r == role && speaker.is_none())
}
