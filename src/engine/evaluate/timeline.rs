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
            timed: !starts.is_empty() && starts.iter().all(Option::is_some),
            has_ends: t.turns.iter().any(|x| x.end_ms.is_some()),
            starts,
            ends,
        }
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
        Some(((s - first) as f64 / length, (e - first) as f64 / length))
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
                keep(&|i| self.starts[i].is_some_and(|s| s <= t0 + ms))
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
