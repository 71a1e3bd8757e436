//! A conversation's clock: each turn's start and end (a missing end is the next turn's start),
//! and what a window covers: turns, or a stretch of the clock (SPEC §2.1: a turn is inside a
//! window when it overlaps it; percent is of the call's duration when every turn is timed, else
//! of its turns).

use crate::rules::{PercentOf, Window};
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
    /// Where the transcript's clock reads 0 (SPEC §2.1: seconds count from the transcript's
    /// clock): 0 for offsets from a recording's start, the first turn's start for times of day.
    origin: u64,
}

/// A first time at or past an hour is a time of day (`[10:00 AM]`, `"time": "10:00:05"`): a
/// recording's offsets start near 0.
const TIME_OF_DAY_FROM_MS: u64 = 3_600_000;

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
        let first = starts.iter().flatten().min().copied().unwrap_or(0);
        let origin = if first >= TIME_OF_DAY_FROM_MS {
            first
        } else {
            0
        };
        Timeline {
            timed: all_timed(t),
            has_ends: any_end(t),
            origin,
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

    /// The silence before each turn, `[from, to)`: from the last end of the turns before it to
    /// its start (empty, at its start, when another turn goes on).
    pub fn gaps(&self) -> Vec<(u64, u64)> {
        let mut last_end: Option<u64> = None;
        (0..self.starts.len())
            .map(|i| {
                let start = self.starts[i].unwrap_or(0);
                let from = last_end.map_or(start, |e| e.min(start));
                last_end = last_end.max(self.ends[i]);
                (from, start)
            })
            .collect()
    }

    /// How long each turn overlaps an earlier turn of another speaker (the one that ends last;
    /// 0 when none goes on when it starts): `min(ends) − later start`. The earlier turn is
    /// earlier in the transcript; in a text file whose times run backwards it may start later.
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
                let overlap = other.map_or(0, |&(other_end, j)| {
                    let later = start.max(self.starts[j].unwrap_or(0));
                    end.min(other_end).saturating_sub(later)
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

    /// What `window` covers here: turns, or a stretch of the clock for a window in seconds or in
    /// percent of a timed call; `None` when it needs times the transcript does not have.
    pub fn cover(&self, window: Window) -> Option<Cover> {
        // A window on the clock needs every turn's start (SPEC §2.1: then a transcript is timed).
        let clock = |from: u64, to: u64| self.timed.then_some(Cover::Clock(from as f64, to as f64));
        let from_origin = |ms: u64| self.origin.saturating_add(ms);
        Some(match window {
            Window::FirstTurns(n) => Cover::First(n),
            Window::LastTurns(n) => Cover::Last(n),
            Window::FirstSeconds(ms) => clock(self.origin, from_origin(ms))?,
            Window::LastSeconds(ms) => {
                let end = *self.ends.iter().flatten().max()?;
                clock(end.saturating_sub(ms), end)?
            }
            Window::BetweenSeconds(a, b) => clock(from_origin(a), from_origin(b))?,
            Window::FirstPercent(p, of) => self.percent(0.0, p, of)?,
            Window::LastPercent(p, of) => self.percent(100.0 - p, 100.0, of)?,
            Window::BetweenPercent(a, b, of) => self.percent(a, b, of)?,
        })
    }

    /// The first turn that starts at or after the opening of `cover`, a stretch of the clock.
    pub fn first_after(&self, cover: Cover) -> Option<usize> {
        let Cover::Clock(from, _) = cover else {
            return None;
        };
        self.starts
            .iter()
            .position(|s| s.is_some_and(|s| s as f64 >= from))
    }

    /// From `a` to `b` percent of the call: of its duration when timed (from its first start,
    /// or from the clock's 0 for `of` the media), else of its turns.
    fn percent(&self, a: f64, b: f64, of: PercentOf) -> Option<Cover> {
        if !self.timed {
            return Some(Cover::Share(a / 100.0, b / 100.0));
        }
        let (start, last) = self.span()?;
        let first = match of {
            PercentOf::Call => start,
            PercentOf::Media => self.origin.min(start),
        };
        let at = |p: f64| first as f64 + (last - first) as f64 * p / 100.0;
        Some(Cover::Clock(at(a), at(b)))
    }

    /// The turns of `candidates` inside `window`, in order; `None` when the window needs times
    /// the transcript does not have.
    pub fn window<'c>(
        &self,
        window: Option<Window>,
        candidates: &'c [usize],
    ) -> Option<Cow<'c, [usize]>> {
        match window {
            Some(window) => Some(self.turns_in(self.cover(window)?, candidates)),
            None => Some(Cow::Borrowed(candidates)),
        }
    }

    /// The turns of `candidates` inside what a window covers, in order.
    pub fn turns_in<'c>(&self, cover: Cover, candidates: &'c [usize]) -> Cow<'c, [usize]> {
        let keep = |inside: &dyn Fn(usize) -> bool| -> Cow<'c, [usize]> {
            Cow::Owned(candidates.iter().copied().filter(|&i| inside(i)).collect())
        };
        match cover {
            Cover::First(n) => Cow::Borrowed(&candidates[..n.min(candidates.len())]),
            Cover::Last(n) => Cow::Borrowed(&candidates[candidates.len().saturating_sub(n)..]),
            Cover::Share(from, to) => {
                // Turn k of n covers [(k−1)/n, k/n) of the call.
                let n = self.starts.len() as f64;
                keep(&|i| overlaps(Some(i as f64 / n), Some((i + 1) as f64 / n), from, to))
            }
            Cover::Clock(from, to) => {
                let ms = |t: Option<u64>| t.map(|t| t as f64);
                keep(&|i| overlaps(ms(self.starts[i]), ms(self.ends[i]), from, to))
            }
        }
    }
}

/// What a window covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cover {
    /// The first N turns (of the candidates).
    First(usize),
    /// The last N turns.
    Last(usize),
    /// The share `[from, to)` of an untimed call's turns, as fractions.
    Share(f64, f64),
    /// The stretch `[from, to)` of the transcript's clock, in milliseconds.
    Clock(f64, f64),
}

/// How many milliseconds of `[start, end)` lie inside the stretch `clock` of the transcript's
/// clock (all of them without one), or `None` when it does not overlap the stretch.
pub(super) fn inside(clock: Option<(f64, f64)>, start: u64, end: u64) -> Option<u64> {
    let Some((from, to)) = clock else {
        return Some(end.saturating_sub(start));
    };
    let (s, e) = (start as f64, end as f64);
    overlaps(Some(s), Some(e), from, to).then(|| (e.min(to) - s.max(from)).max(0.0).round() as u64)
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
    measures_of(t, |i| t.turns[i].role == crate::transcript::Role::Agent)
}

/// [`measures`] of the agent who speaks the turns `agent` says are theirs (by index), in a
/// conversation of several agents.
pub fn measures_of(t: &Transcript, agent: impl Fn(usize) -> bool) -> Option<Measures> {
    // Most transcripts have no times: they are answered before the timeline is built.
    if !all_timed(t) || !any_end(t) {
        return None;
    }
    let tl = Timeline::new(t);
    let overlaps = tl.overlaps(t);
    let n = t.turns.len();
    Some(Measures {
        agent_talk_ms: total((0..n).filter(|&i| agent(i)).map(|i| tl.talk(i))),
        talk_ms: total((0..n).map(|i| tl.talk(i))),
        silence_ms: total(tl.gaps().into_iter().map(|(from, to)| to - from)),
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
pub(super) fn total(durations: impl Iterator<Item = u64>) -> u64 {
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
            sentiment: None,
            ..Turn::new(Role::Agent, None, 0..0)
        };
        let t = Transcript {
            id: None,
            turns: vec![turn(1), turn(2), turn(3)],
            warnings: Vec::new(),
            agent_guessed: false,
        };
        let m = measures(&t).expect("timed, with ends");
        assert_eq!((m.talk_ms, m.agent_talk_ms), (u64::MAX, u64::MAX));
    }
}
