//! Which part of a built-in pattern's match of digit groups (a card, phone or SSN number) is
//! masked: the match, else the longest of its prefixes and suffixes cut at a group boundary that
//! is a number of its kind, so that a number that runs on into other digits is still masked
//! (redaction fails closed).

use regex::Regex;
use std::ops::Range;

use super::{Check, passes};

/// The part of `text` a built-in pattern's match `found` masks, if any. A number of digit groups
/// that runs on over a line break into a time or a numbered label (`…7946⏎00:01 Agent:`, the
/// next cue, the next turn) is looked for in the text before that line break; one that is part
/// of a longer run of groups (`2025-555-123-4567`, a tracking number) is no number of its kind.
/// A match that is none (`4111 1111 1111 1111⏎2 attempts`: 17 digits that fail Luhn) is cut at
/// its group boundaries, and its longest prefix or suffix that is one (`whole`, the pattern
/// anchored at both ends, matches it, and it passes the check) is masked.
pub(super) fn accept(
    re: &Regex,
    whole: Option<&Regex>,
    check: Check,
    text: &str,
    mut found: Range<usize>,
) -> Option<Range<usize>> {
    let Some(whole) = whole else {
        return (!found.is_empty() && passes(check, &text[found.clone()])).then_some(found);
    };
    while let Some(at) = text[found.clone()].rfind('\n') {
        if !text[found.end..].starts_with(':') {
            break;
        }
        let cut = found.start + at;
        found = match re.find_at(&text[..cut], found.start) {
            Some(m) => m.range(),
            // What comes before the line break may still hold a number at a group boundary.
            None => found.start..cut,
        };
    }
    let fits = |r: &Range<usize>| {
        let part = &text[r.clone()];
        !part.is_empty()
            && whole.is_match(part)
            && passes(check, part)
            && !in_longer_run(text, r.clone())
    };
    candidates(text, found).into_iter().find(fits)
}

/// `found` and its prefixes and suffixes that end or start at a group of digits, longest (in
/// digits) first, prefixes before suffixes of as many digits.
fn candidates(text: &str, found: Range<usize>) -> Vec<Range<usize>> {
    let groups = groups(text, found.clone());
    let digits = |r: &Range<usize>| text[r.clone()].bytes().filter(u8::is_ascii_digit).count();
    let mut all = vec![found.clone()];
    let cuts = groups.len().saturating_sub(1);
    all.extend(groups[..cuts].iter().rev().map(|g| found.start..g.end));
    all.extend(groups.iter().skip(1).map(|g| g.start..found.end));
    // Stable: of as many digits, the whole match, then prefixes, then suffixes.
    all.sort_by_key(|r| std::cmp::Reverse(digits(r)));
    all
}

/// The byte ranges of the runs of ASCII digits in `text[found]`.
fn groups(text: &str, found: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, b) in text.as_bytes()[found.clone()].iter().enumerate() {
        if !b.is_ascii_digit() {
            continue;
        }
        let at = found.start + i;
        match out.last_mut() {
            Some(last) if last.end == at => last.end = at + 1,
            _ => out.push(at..at + 1),
        }
    }
    out
}

/// Whether the digit groups `text[found]` are joined to another group before or after them by
/// the same gap as their first or last gap (`1000 0000 0000 0000`, `2025-555-123-4567`): part of
/// a longer number, an order or tracking number, not a phone or card number. A group of one or
/// two digits joined by white space is another number said after it (`0800 123 4567 24 hours`,
/// `555 123 4567 5 pm`), not part of it; joined by a bare dash (`555-123-4567-89`), it is.
pub(super) fn in_longer_run(text: &str, found: Range<usize>) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    let gap = |c: char| matches!(c, '.' | '-' | '\u{2013}' | '\u{2014}') || c.is_whitespace();
    let inner = text[found.clone()].trim_matches(|c: char| !digit(c));
    let mut gaps = inner.split(digit).filter(|g| !g.is_empty());
    let (first, last) = (gaps.next(), gaps.next_back());
    // A neighbouring group long enough to make a longer number with the groups, or joined to
    // them as one word.
    let long = |group: &str, gap: &str| group.len() >= 3 || !gap.contains(char::is_whitespace);
    let before = &text[..found.start];
    let kept = before.trim_end_matches(gap);
    let gap_before = &before[kept.len()..];
    let group_before = &kept[kept.trim_end_matches(digit).len()..];
    let joined_before =
        Some(gap_before) == first && !group_before.is_empty() && long(group_before, gap_before);
    let after = &text[found.end..];
    let rest = after.trim_start_matches(gap);
    let gap_after = &after[..after.len() - rest.len()];
    let group_after = &rest[..rest.len() - rest.trim_start_matches(digit).len()];
    let joined_after = Some(gap_after) == last.or(first)
        && !group_after.is_empty()
        && long(group_after, gap_after);
    joined_before || joined_after
}
