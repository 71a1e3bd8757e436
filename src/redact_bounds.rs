//! Where a number ends: whether the groups of digits beside a candidate number are part of a
//! longer run with it (an order or tracking number, which is no number masked) or another
//! number said beside it. Apart from the choice among candidates, since the cards' codes and the
//! runs of pairs ask the same.

use super::pairs::parts;
use crate::redact::digits::{groups, is_digit, is_invisible};
use std::ops::Range;

/// Whether a number `text[found]` is free before and after: not joined to another group by the
/// same gap as its first or last gap (`1000 0000 0000 0000`, `2025-555-123-4567`, which are part
/// of a longer number, an order or tracking number). A group of one or two digits joined by white
/// space is another number said after it (`0800 123 4567 24 hours`, `555 123 4567 5 pm`), not
/// part of it; joined by a bare dash (`555-123-4567-89`), it is. A number of pairs never goes on
/// in a longer group (`+33 12 34 56 78 90 75001 Paris`; France's `01 23 45 67 89` is read as a
/// run of pairs, see `pairs::run`). Nothing before a `+` is part of the number it opens.
pub(super) fn free(text: &str, found: Range<usize>) -> (bool, bool) {
    let inner = text[found.clone()].trim_matches(|c: char| !is_digit(c));
    let mut gaps = inner
        .split(is_digit)
        .filter(|g| !g.chars().all(is_invisible));
    let (first, last) = (gaps.next(), gaps.next_back());
    let same = |a: &str, b: Option<&str>| b.is_some_and(|b| visible(a) == visible(b));
    let digits = |g: &str| g.chars().filter(|c| is_digit(*c)).count();
    let pairs = groups(text, found.clone())
        .iter()
        .all(|g| digits(&text[g.clone()]) == 2);
    // A neighbouring group long enough to make a longer number with the groups, or joined to
    // them as one word.
    let joined = |n: Neighbour| {
        !n.group.is_empty()
            && (digits(n.group) >= 3 && !pairs || !n.gap.contains(char::is_whitespace))
    };
    let before = neighbour_before(text, found.start, parts);
    let joined_before =
        !text[found.clone()].starts_with('+') && same(before.gap, first) && joined(before);
    let after = neighbour_after(text, found.end, parts);
    let joined_after = same(after.gap, last.or(first)) && joined(after);
    (!joined_before, !joined_after)
}

/// The gap and the group of digits beside a number, before or after it (either may be empty).
#[derive(Clone, Copy)]
pub(super) struct Neighbour<'t> {
    pub(super) gap: &'t str,
    pub(super) group: &'t str,
}

/// The gap (of characters that are `gap`) and the group of digits before `text[start..]`.
pub(super) fn neighbour_before(text: &str, start: usize, gap: fn(char) -> bool) -> Neighbour<'_> {
    let before = &text[..start];
    let kept = before.trim_end_matches(gap);
    Neighbour {
        gap: &before[kept.len()..],
        group: &kept[kept.trim_end_matches(is_digit).len()..],
    }
}

/// The gap (of characters that are `gap`) and the group of digits after `text[..end]`.
pub(super) fn neighbour_after(text: &str, end: usize, gap: fn(char) -> bool) -> Neighbour<'_> {
    let after = &text[end..];
    let rest = after.trim_start_matches(gap);
    Neighbour {
        gap: &after[..after.len() - rest.len()],
        group: &rest[..rest.len() - rest.trim_start_matches(is_digit).len()],
    }
}

/// `gap` without the invisible characters in it.
pub(super) fn visible(gap: &str) -> String {
    gap.chars().filter(|c| !is_invisible(*c)).collect()
}
