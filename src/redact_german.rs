//! Germany's numbers written in groups after the area code (DIN 5008's pairs, `030 12 34 56 78`,
//! and groups of two to four digits, `0151 123 456 78`, `0171 12 34 567`), which no other form
//! reads: German digit counts say which groups are the number's, so that neither its last pair
//! is left showing nor a time or an amount after it taken in; and opening hours written as
//! four-digit times (`0800 1700-1800`), which have the shape of a number with an extension but
//! are none.

use super::digits::{digit, groups, is_dash, is_digit, is_invisible};
use std::ops::Range;

/// The digits a German number has with its trunk `0` and its area code, a mobile's (015, 016,
/// 017: eleven or twelve) among them.
const DIGITS: std::ops::RangeInclusive<usize> = 9..=12;

/// Whether `text`, a phone pattern's match, may be a phone number as far as Germany's forms go:
/// no opening hours (see [`hours`]), and a number grouped after its area code has nine to twelve
/// digits (see [`groups_after_area`]), so that a group beyond the twelfth is another number.
pub(super) fn plausible(text: &str) -> bool {
    let digits = text.chars().filter_map(digit).count();
    !hours(text) && (groups_after_area(text).is_none() || DIGITS.contains(&digits))
}

/// Whether `text` is a German number grouped after its area code with a pair among its groups,
/// as DIN 5008's pairs (`030 12 34 56 78`) and common practice (`0151 123 456 78`,
/// `0171 12 34 567`) write it: its digit count, not the groups beside it, says where it ends.
pub(super) fn paired(text: &str) -> bool {
    groups_after_area(text).is_some_and(|counts| counts.contains(&2))
}

/// The digits of each group after the area code of `text`, when it is written as a number
/// grouped after its area code: a trunk `0` and an area code of two to five digits (in brackets
/// or not), then two groups or more of two to four digits parted by spaces. France's and
/// Australia's area codes have two digits; Britain's numbers so written have nine to twelve.
fn groups_after_area(text: &str) -> Option<Vec<usize>> {
    if !text.starts_with(|c| c == '(' || digit(c) == Some(0)) {
        return None;
    }
    let all = groups(text, 0..text.len());
    let (area, number) = all.split_first()?;
    let count = |g: &Range<usize>| text[g.clone()].chars().filter_map(digit).count();
    let mut opening = text[area.clone()].chars().filter_map(digit);
    let trunk = opening.next() == Some(0) && opening.next().is_some_and(|d| d != 0);
    let space = |c: char| {
        c.is_whitespace() && !matches!(c, '\n' | '\r') || c == '\u{FFFD}' || is_invisible(c)
    };
    let spaced = (number.windows(2)).all(|w| text[w[0].end..w[1].start].chars().all(space));
    let counts: Vec<usize> = number.iter().map(count).collect();
    let grouped = matches!(&text[..area.start], "" | "(")
        && trunk
        && (3..=6).contains(&count(area))
        && counts.len() >= 2
        && counts.iter().all(|n| (2..=4).contains(n))
        && spaced;
    grouped.then_some(counts)
}

/// Whether `rest`, the text after a group of digits, goes on from it into a word (`24h`; `rest`
/// is as `numbers` reads it, its letters written as `#`) or by a sign other than a dash into
/// more digits (`12:30`, `12,50 €`, `12.03.2024`, `12/24`): the group is part of that, not the
/// last of a number before it. A dash and digits after a number are its extension
/// (`030 12 34 56-78`), masked with it.
pub(super) fn goes_on(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some('#') => true,
        Some(c) if !c.is_whitespace() && !is_dash(c) => chars.next().is_some_and(is_digit),
        _ => false,
    }
}

/// Whether `text` is opening hours written as four-digit times of day on the quarter hour, one
/// range among them at least, a dash before its later end (`0800 1700-1800`, `0800-1200
/// 1300-1700`): read as a number, they have an area code, a number and an extension. A phone
/// number's groups are seldom all such times, and a dash before a later one.
fn hours(text: &str) -> bool {
    if !text.contains(is_dash) {
        return false;
    }
    let groups = groups(text, 0..text.len());
    let minutes = |g: &Range<usize>| {
        let d: Vec<u32> = text[g.clone()].chars().filter_map(digit).collect();
        let [h, hh, m, mm] = d[..] else { return None };
        let (hour, minute) = (h * 10 + hh, m * 10 + mm);
        (hour <= 23 && minute < 60 && minute % 15 == 0).then_some(hour * 60 + minute)
    };
    let Some(times) = groups.iter().map(minutes).collect::<Option<Vec<u32>>>() else {
        return false;
    };
    let dashed = |i: usize| text[groups[i].end..groups[i + 1].start].contains(is_dash);
    (0..times.len().saturating_sub(1)).any(|i| dashed(i) && times[i + 1] > times[i])
}
