//! A conversation's clock: each turn's start and end (a missing end is the next turn's start),
//! and which turns a window holds (SPEC §2.1: a turn is inside a window when it overlaps it;
//! percent is of the call's duration when every turn is timed, else of its turns).

use crate::rules::Window;
use crate::transcript::Transcript;
use std::borrow::Cow;

/// Each turn's times, computed once per conversation when a window or a timing measure asks.
pub(super) struct Timeline {
    pub starts: Vec<Option<u64>>,
    /// The end of each timed turn: its own, else where the next timed turn starts, else its start.
    pub ends: Vec<Option<u64>>,
    /// Every turn has a start time.
    pub timed: bool,
    /// Some turn has an end time of its own.
    pub has_ends: bool,
}

impl Timeline {
    pub fn new(t: &Transcript) -> Timeline {
        let starts: Vec<Option<u64>> = t.turns.iter().map(|x| x.start_ms).collect();
        let ends = (0..t.turns.len())
            .map(|i| {
                let next = t.turns.get(i + 1).and_then(|x| x.start_ms);
                t.turns[i]
                    .end_ms
                    .or(next.filter(|_| starts[i].is_some()))
                    .or(starts[i])
            })
            .collect();
        Timeline {
            timed: all_timed(t),
            has_ends: any_end(t),
            starts,
            ends,
        }
    }

    /// How long turn `i` lasts.
    pub fn talk(&self, i: usize) -> u64 {
        self.ends[i]
            .unwrap_or(0)
            .saturating_sub(self.starts[i].unwrap_or(0))
    }

    /// The silence before each turn: from the last end of the turns before it to its start.
    pub fn gaps(&self) -> Vec<u64> {
        let mut last_end: Option<u64> = None;
        (0..self.starts.len())
            .map(|i| {
                let start = self.starts[i].unwrap_or(0);
                let gap = last_end.map_or(0, |e| start.saturating_sub(e));
                last_end = last_end.max(self.ends[i]);
                gap
            })
            .collect()
    }

    /// How long each turn overlaps an earlier turn of another speaker (the one that ends last;
    /// 0 when none goes on when it starts): `min(ends) − its start`.
    pub fn overlaps(&self, t: &Transcript) -> Vec<u64> {
        // The two latest ends of earlier turns, of two different speakers.
        let mut latest: [Option<(u64, usize)>; 2] = [None, None];
        let same = |a: usize, b: usize| {
            t.turns[a].role == t.turns[b].role && t.turns[a].speaker == t.turns[b].speaker
        };
        (0..t.turns.len())
            .map(|i| {
                let (start, end) = (self.starts[i].unwrap_or(0), self.ends[i].unwrap_or(0));
                let other = latest.iter().flatten().find(|(_, j)| !same(*j, i));
                let overlap = other.map_or(0, |&(other_end, _)| {
                    if start < other_end {
                        end.min(other_end).saturating_sub(start)
                    } else {
                        0
                    }
                });
                let mut entries: Vec<(u64, usize)> = latest.iter().flatten().copied().collect();
                match entries.iter_mut().find(|e| same(e.1, i)) {
                    Some(e) if end > e.0 => *e = (end, i),
                    Some(_) => {}
                    None => entries.push((end, i)),
                }
                entries.sort_by(|a, b| b.cmp(a));
                latest = [entries.first().copied(), entries.get(1).copied()];
                overlap
            })
            .collect()
    }

    /// The call's span: the first start to the last end.
    fn span(&self) -> Option<(u64, u64)> {
        let first = self.starts.iter().flatten().min()?;
        let last = self.ends.iter().flatten().max()?;
        Some((*first, (*last).max(*first)))
    }

    /// Turn `i`'s share of the call, as a fraction of its duration when timed, else of its turns.
    fn fraction(&self, i: usize) -> Option<(f64, f64)> {
        if !self.timed {
            let n = self.starts.len() as f64;
            return Some((i as f64 / n, (i + 1) as f64 / n));
        }
        let (first, last) = self.span()?;
        let length = (last - first) as f64;
        if length == 0.0 {
            return Some((0.0, 1.0));
        }
        let (s, e) = (self.starts[i]?, self.ends[i]?);
        let from_first = |t: u64| t.saturating_sub(first) as f64 / length;
        Some((from_first(s), from_first(e)))
    }

    /// The turns of `candidates` inside `window`, in order; `None` when the window needs times
    /// the transcript does not have.
    pub fn window<'c>(
        &self,
        window: Option<Window>,
        candidates: &'c [usize],
    ) -> Option<Cow<'c, [usize]>> {
        let Some(window) = window else {
            return Some(Cow::Borrowed(candidates));
        };
        let keep = |inside: &dyn Fn(usize) -> bool| -> Cow<'c, [usize]> {
            Cow::Owned(candidates.iter().copied().filter(|&i| inside(i)).collect())
        };
        Some(match window {
            Window::FirstTurns(n) => Cow::Borrowed(&candidates[..n.min(candidates.len())]),
            Window::LastTurns(n) => {
                Cow::Borrowed(&candidates[candidates.len().saturating_sub(n)..])
            }
            Window::FirstSeconds(ms) => {
                let t0 = self.starts.iter().flatten().min()?;
                keep(&|i| self.starts[i].is_some_and(|s| s <= t0.saturating_add(ms)))
            }
            Window::LastSeconds(ms) => {
                let from = self.ends.iter().flatten().max()?.saturating_sub(ms);
                keep(&|i| self.ends[i].is_some_and(|e| e >= from))
            }
            Window::BetweenSeconds(a, b) => {
                if !self.timed {
                    return None;
                }
                let ms = |t: Option<u64>| t.map(|t| t as f64);
                keep(&|i| overlaps(ms(self.starts[i]), ms(self.ends[i]), a as f64, b as f64))
            }
            Window::FirstPercent(p) => self.percent(candidates, 0.0, p / 100.0)?,
            Window::LastPercent(p) => self.percent(candidates, 1.0 - p / 100.0, 1.0)?,
            Window::BetweenPercent(a, b) => self.percent(candidates, a / 100.0, b / 100.0)?,
        })
    }

    fn percent<'c>(&self, candidates: &'c [usize], from: f64, to: f64) -> Option<Cow<'c, [usize]>> {
        let mut inside = Vec::with_capacity(candidates.len());
        for &i in candidates {
            let (s, e) = self.fraction(i)?;
            if overlaps(Some(s), Some(e), from, to) {
                inside.push(i);
            }
        }
        Some(Cow::Owned(inside))
    }
}

/// Whether `[start, end)` overlaps `[from, to)` (a span of no length: when it lies in it, or ends
/// the call at `to`).
fn overlaps(start: Option<f64>, end: Option<f64>, from: f64, to: f64) -> bool {
    let (Some(s), Some(e)) = (start, end) else {
        return false;
    };
    if e > s {
        s < to && e > from
    } else {
        (from <= s && s < to) || s == to
    }
}

/// What a timed conversation's clock says of its agent, for `--statistics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measures {
    /// How long agent turns last, in milliseconds.
    pub agent_talk_ms: u64,
    /// How long all turns last.
    pub talk_ms: u64,
    /// The silence between turns.
    pub silence_ms: u64,
    /// Agent turns that start while another speaker's turn goes on.
    pub agent_interruptions: usize,
}

/// The measures of a conversation whose turns all have start times and some an end time.
pub fn measures(t: &Transcript) -> Option<Measures> {
    // Most transcripts have no times: they are answered before the timeline is built.
    if !all_timed(t) || !any_end(t) {
        return None;
    }
    let tl = Timeline::new(t);
    let agent = |i: usize| t.turns[i].role == crate::transcript::Role::Agent;
    let overlaps = tl.overlaps(t);
    let n = t.turns.len();
    Some(Measures {
        agent_talk_ms: total((0..n).filter(|&i| agent(i)).map(|i| tl.talk(i))),
        talk_ms: total((0..n).map(|i| tl.talk(i))),
        silence_ms: total(tl.gaps().into_iter()),
        agent_interruptions: (0..n).filter(|&i| agent(i) && overlaps[i] > 0).count(),
    })
}

/// Whether every turn of `t` (and there is one) has a start time.
fn all_timed(t: &Transcript) -> bool {
    !t.turns.is_empty() && t.turns.iter().all(|x| x.start_ms.is_some())
}

/// Whether some turn of `t` has an end time of its own.
fn any_end(t: &Transcript) -> bool {
    t.turns.iter().any(|x| x.end_ms.is_some())
}

/// The sum of durations, at most `u64::MAX` (a transcript's times may be anything).
fn total(durations: impl Iterator<Item = u64>) -> u64 {
    durations.fold(0, u64::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Role, Turn};

    #[test]
    fn measures_saturate_where_times_near_the_end_of_u64() {
        let turn = |start: u64| Turn {
            start_ms: Some(start),
            end_ms: Some(u64::MAX),
            ..Turn::new(Role::Agent, None, 0..0)
        };
        let t = Transcript {
            id: None,
            turns: vec![turn(1), turn(2), turn(3)],
        };
        let m = measures(&t).expect("timed, with ends");
        assert_eq!((m.talk_ms, m.agent_talk_ms), (u64::MAX, u64::MAX));
    }
}
