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
/// run of pairs, see `pairs::run`), nor into a postcode said with its town (see [`postcode`]).
/// Nothing before a `+` is part of the number it opens.
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
    let joined_after =
        same(after.gap, last.or(first)) && joined(after) && !postcode(text, found.end);
    (!joined_before, !joined_after)
}

/// Whether `text[end..]`, after a number, opens with a postcode and its town: a group of five
/// digits parted from the number by white space, then white space and a word (`… 10115 Berlin`,
/// `… 28013 Madrid`; `text` is as `numbers` reads it, its letters written as `#`s). Such a
/// group is an address said after the number, as a group of one or two digits is another
/// number, so that `Tel 030 12345678 10115 Berlin` leaves no phone number in clear as part of
/// one run of 16 digits; with no word after it (`… 5678 90123,`) it is still part of the run.
fn postcode(text: &str, end: usize) -> bool {
    let spaces = |s: &str| s.len() - s.trim_start_matches([' ', '\t', '\u{A0}']).len();
    let rest = &text[end..];
    let gap = spaces(rest);
    let code = &rest[gap..];
    let town = code.trim_start_matches(is_digit);
    let digits = code[..code.len() - town.len()].chars().count();
    gap > 0 && digits == 5 && spaces(town) > 0 && town[spaces(town)..].starts_with('#')
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
