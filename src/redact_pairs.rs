//! France's numbers in pairs (`01 23 45 67 89`) among more pairs: `--redact` masks the whole run
//! of pairs a number stands in, however long, so that no pair of it is left showing. A list of
//! two-digit numbers that holds five pairs opening with `01` to `09` is masked too: it cannot be
//! told from two numbers said one after the other, or a number with a time after it.

use super::bounds::{Neighbour, neighbour_after, neighbour_before, visible};
use crate::redact::digits::{digit, groups, is_digit, is_gap};
use std::collections::HashMap;
use std::ops::Range;

/// Where [`reach`] ended from each place it passed, by gap and direction, for one text: the
/// numbers of a long run of pairs each stand in that run, which is walked once (walked again
/// from each of them, a line of 16,000 pairs took 15 s to redact).
#[derive(Default)]
pub(super) struct Reached(HashMap<(String, bool), HashMap<usize, usize>>);

/// A character that parts a number's groups (see [`is_gap`]), or a slash, which parts France's
/// pairs (`06/12/34/56/78`) and a German area code from the number (`030/1234567`) only.
pub(super) fn parts(c: char) -> bool {
    is_gap(c) || c == '/'
}

/// The run of pairs that the number of pairs `text[found]` stands in: the number with every pair
/// joined to it, before it by the number's first gap and after it by its last (`05-06 07 08 09
/// 10` is one run). `None` when `text[found]` is no number of pairs (a group of another length,
/// or a `+` before it, which opens an international number read by its own rules).
pub(super) fn run(text: &str, found: Range<usize>, reached: &mut Reached) -> Option<Range<usize>> {
    let groups = groups(text, found.clone());
    let pair = |g: &Range<usize>| text[g.clone()].chars().filter_map(digit).count() == 2;
    let opens = text[found.clone()].starts_with(is_digit);
    if !opens || groups.len() < 2 || !groups.iter().all(pair) {
        return None;
    }
    let gap = |i: usize| visible(&text[groups[i].end..groups[i + 1].start]);
    let start = reach(text, found.start, &gap(0), false, reached);
    let end = reach(text, found.end, &gap(groups.len() - 2), true, reached);
    Some(start..end)
}

/// Where the pairs that follow `at` when `forward`, else precede it, each parted from the last by
/// `gap`, end (`at` if none). A pair that goes on into a word, glued or by another gap with no
/// space in it (`24h`, `h/24`), or into more digits by another gap (`17.30`, `06 - 07 08 09 10`),
/// is part of another number, and ends the run before it. `text` is as `numbers` reads it, its
/// letters written as `#`s.
fn reach(text: &str, at: usize, gap: &str, forward: bool, reached: &mut Reached) -> usize {
    let known = reached.0.entry((gap.to_string(), forward)).or_default();
    let mut passed = Vec::new();
    let mut at = at;
    let end = loop {
        if let Some(&end) = known.get(&at) {
            break end;
        }
        match step(text, at, gap, forward) {
            Some(far) => {
                passed.push(at);
                at = far;
            }
            None => break at,
        }
    };
    known.extend(passed.into_iter().map(|at| (at, end)));
    known.insert(at, end);
    end
}

/// Where the run goes on past the pair after `at` (see [`reach`]); `None` where it ends at `at`.
fn step(text: &str, at: usize, gap: &str, forward: bool) -> Option<usize> {
    let beside = |at: usize| match forward {
        true => neighbour_after(text, at, parts),
        false => neighbour_before(text, at, parts),
    };
    let past = |at: usize, n: &Neighbour| match forward {
        true => at + n.gap.len() + n.group.len(),
        false => at - n.gap.len() - n.group.len(),
    };
    let word = |at: usize| match forward {
        true => text[at..].starts_with('#'),
        false => text[..at].ends_with('#'),
    };
    let next = beside(at);
    let two = next.group.chars().filter_map(digit).count() == 2;
    if !two || visible(next.gap) != gap {
        return None;
    }
    let far = past(at, &next);
    let beyond = beside(far);
    let other = visible(beyond.gap) != gap;
    let tight = !beyond.gap.contains(char::is_whitespace);
    let into_word = word(far) || other && tight && word(past(far, &beyond));
    (!into_word && (!other || beyond.group.is_empty())).then_some(far)
}
