//! France's numbers in pairs (`01 23 45 67 89`) among more pairs: `--redact` looks at the whole
//! run of pairs a number stands in, so that a list is kept whole and a number is masked whole,
//! never a number with a piece of it left showing.

use super::{Neighbour, digit, groups, is_gap, neighbour_after, neighbour_before, visible};
use std::ops::Range;

/// A character that parts a number's groups (see [`is_gap`]), or a slash, which parts France's
/// pairs only (`06/12/34/56/78`; no other pattern matches across one, so only a number whose
/// own gaps are slashes is joined by it).
pub(super) fn parts(c: char) -> bool {
    is_gap(c) || c == '/'
}

/// The pairs beside a number of pairs, joined to it by its own gap: how many stand before and
/// after it (two at most each side), and where the run through the first of each ends.
pub(super) struct Run {
    before: usize,
    after: usize,
    /// The number with the pair before it, if any, and the pair after it.
    wide: Range<usize>,
    /// Whether the number's own gaps are all alike.
    alike: bool,
}

impl Run {
    /// Whether each side of the number is part of a list: two pairs more beside it, on one side
    /// or one each side (seven pairs in all at least), are a list of two-digit numbers
    /// (`slots 08 15 09 15 10 15 11 15`), none of it a number.
    pub(super) fn list(&self) -> (bool, bool) {
        let list = self.before + self.after >= 2;
        (list && self.before > 0, list && self.after > 0)
    }

    /// The number with the one pair beside it (six pairs in all), where there is one: five of
    /// the six may be the number (`01 02 03 04 05 06`), or the last a number said after it
    /// (`… 67 89 17 h`), and masking the six never leaves a piece of the number showing. A
    /// number whose gaps differ is not widened: the pair may end another number of pairs
    /// (`01 05 50 15 65-05 10 66-41 97` holds two), which the wider one would cut.
    pub(super) fn one_more(&self) -> Option<Range<usize>> {
        (self.alike && self.before + self.after == 1).then(|| self.wide.clone())
    }
}

/// The run of pairs `text[found]` stands in, if its groups are all pairs.
pub(super) fn run(text: &str, found: Range<usize>) -> Option<Run> {
    let groups = groups(text, found.clone());
    let pair = |g: &Range<usize>| text[g.clone()].chars().filter_map(digit).count() == 2;
    if groups.len() < 2 || !groups.iter().all(pair) {
        return None;
    }
    let gap = |i: usize| visible(&text[groups[i].end..groups[i + 1].start]);
    let (first, last) = (gap(0), gap(groups.len() - 2));
    let alike = (1..groups.len() - 1).all(|i| gap(i) == first);
    let (before, start) = count(text, found.start, &first, false);
    let (after, end) = count(text, found.end, &last, true);
    Some(Run {
        before,
        after,
        wide: start..end,
        alike,
    })
}

/// How many pairs (two at most) follow `at` when `forward`, else precede it, each parted from
/// the last by `gap`, and where the first of them ends (`at` if none). A pair that goes on into
/// a word (`24h/24`) or into more digits by another gap (`17.30`, `06 - 07 08 09 10`) is part of
/// another number. `text` is as `numbers` reads it, its letters written as `#`s.
fn count(text: &str, at: usize, gap: &str, forward: bool) -> (usize, usize) {
    let beside = |at: usize| match forward {
        true => neighbour_after(text, at, parts),
        false => neighbour_before(text, at, parts),
    };
    let past = |at: usize, n: &Neighbour| match forward {
        true => at + n.gap.len() + n.group.len(),
        false => at - n.gap.len() - n.group.len(),
    };
    let (mut pairs, mut at, mut first) = (0, at, at);
    while pairs < 2 {
        let next = beside(at);
        let two = next.group.chars().filter_map(digit).count() == 2;
        if !two || visible(next.gap) != gap {
            break;
        }
        let far = past(at, &next);
        let beyond = beside(far);
        let glued = match forward {
            true => text[far..].starts_with('#'),
            false => text[..far].ends_with('#'),
        };
        if glued || !beyond.group.is_empty() && visible(beyond.gap) != gap {
            break;
        }
        pairs += 1;
        at = far;
        if pairs == 1 {
            first = far;
        }
    }
    (pairs, first)
}
