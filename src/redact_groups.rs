//! Which runs of digit groups are card, phone or SSN numbers. Each pattern's matches, and their
//! prefixes and suffixes cut at a group boundary, are the candidates; a candidate joined to a
//! neighbouring group by its own gap is part of a longer number (an invoice or tracking number),
//! unless that neighbour is itself a number masked beside it: each number bounds the runs beside
//! it, so `123-45-6789 4111 1111 1111 1111` is an SSN and a card, not one run of seven groups.
//! A card beside the groups of three or four digits said with it (a security code, an expiry,
//! a PIN) is masked with them. Redaction fails closed: a number that runs on into other digits is still
//! masked by its part.

use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;

use super::checks::passes;
use super::digits::{groups, is_digit, is_gap, is_invisible};
use super::german;
use super::twin::{Twin, Words};
use super::{Check, Span};
use bounds::free;
use codes::cards_with_codes;
use extension::with_extensions;

#[path = "redact_bounds.rs"]
mod bounds;
#[path = "redact_codes.rs"]
mod codes;
#[path = "redact_extension.rs"]
mod extension;
#[path = "redact_pairs.rs"]
mod pairs;

/// A pattern of digit groups: the regex, the same anchored at both ends (what a part of a match
/// is tried with), the token and the check.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) re: Twin,
    pub(super) whole: Twin,
    pub(super) token: &'static str,
    pub(super) check: Check,
}

/// A candidate number: where it is, its pattern's token and rank, and whether each side of it is
/// free (not joined to a neighbouring group as part of a longer run).
struct Candidate {
    range: Range<usize>,
    token: &'static str,
    rank: usize,
    free_before: bool,
    free_after: bool,
    /// For a card widened over its codes, the card's own range.
    card: Option<Range<usize>>,
    /// Whether it is a run of pairs (see `pairs::run`), which is masked whole: one that overlaps
    /// a number kept before it is masked with that number.
    pairs: bool,
}

/// The numbers of `patterns` in `text`, sorted and not overlapping: of two candidates that
/// overlap, the one that starts first, else the longer, else the one of the earlier pattern, is
/// kept, when both its sides are free or bounded by a number kept beside it.
/// `words` says which word characters `text` holds (see [`Twin`]).
pub(super) fn numbers(patterns: &[Pattern], words: Words, text: &str) -> Vec<Span> {
    let mut found = Vec::new();
    let unglued = unglued(text);
    let mut reached = pairs::Reached::default();
    for (rank, p) in patterns.iter().enumerate() {
        // A number glued to a word is read apart from it (`cc4111…`, `ssn078-05-1120`,
        // `555-867-5309x204`); a run of groups it is part of is still no number (see `free`).
        let text = &unglued;
        let (re, whole) = (p.re.get(words), p.whole.get(words));
        let mut at = 0;
        while let Some(m) = re.find_at(text, at) {
            for range in candidates(re, text, m.range()) {
                let part = &text[range.clone()];
                if !part.is_empty() && whole.is_match(part) && passes(p.check, part) {
                    // A number of pairs is masked with the whole run of pairs it stands in.
                    if let Some(run) = pairs::run(text, range.clone(), &mut reached) {
                        found.push(Candidate {
                            range: run,
                            token: p.token,
                            rank,
                            free_before: true,
                            free_after: true,
                            card: None,
                            pairs: true,
                        });
                        continue;
                    }
                    let mut sides = free(text, range.clone());
                    // A German number grouped after its area code ends where its digit count
                    // says (see `german::plausible`): what follows is another number, unless
                    // its last group goes on into it (`… 56 12:30`).
                    if matches!(p.check, Check::Phone) && german::paired(part) {
                        sides.1 = !german::goes_on(&text[range.end..]);
                    }
                    // A card free on both sides may still have its code on the next line.
                    if matches!(p.check, Check::Card) {
                        let wider = cards_with_codes(text, range.clone(), sides);
                        found.extend(wider.into_iter().map(|(wide, (free_before, free_after))| {
                            Candidate {
                                card: (wide != range).then(|| range.clone()),
                                range: wide,
                                token: p.token,
                                rank,
                                free_before,
                                free_after,
                                pairs: false,
                            }
                        }));
                    }
                    found.push(Candidate {
                        range,
                        token: p.token,
                        rank,
                        free_before: sides.0,
                        free_after: sides.1,
                        card: None,
                        pairs: false,
                    });
                }
            }
            // Matches may overlap: the next is looked for from the match's second group.
            at = second_group(text, m.start());
        }
    }
    // A code that another pattern's number holds (`… 1111 123 45 6789`: an SSN's area) is that
    // number's, not the card's.
    let others: Vec<(usize, Range<usize>)> = (found.iter())
        .filter(|c| c.card.is_none())
        .map(|c| (c.rank, c.range.clone()))
        .collect();
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    found.retain(|c| {
        c.card.as_ref().is_none_or(|card| {
            let in_codes = |(rank, other): &(usize, Range<usize>)| {
                *rank != c.rank && overlap(other, &c.range) && !overlap(other, card)
            };
            !others.iter().any(in_codes)
        })
    });
    with_extensions(text, choose(text, without_straddles(found)))
}

/// `found` without each number whose last groups open another pattern's number, free on both
/// sides, that runs on past it (`+44 20 7946 0958 123-45-6789`: the SSN's area taken as the
/// phone's last group, and the rest of the SSN shown), when the same pattern has a number there
/// that ends before the other starts (`+44 20 7946 0958`), which is kept instead.
fn without_straddles(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by_key(|c| c.range.start);
    let shortest_end = |rank: usize, start: usize| {
        let from = found.partition_point(|c| c.range.start < start);
        (found[from..].iter())
            .take_while(|c| c.range.start == start)
            .filter(|c| c.rank == rank)
            .map(|c| c.range.end)
            .min()
    };
    let straddles = |c: &Candidate| {
        let from = found.partition_point(|d| d.range.start <= c.range.start);
        (found[from..].iter())
            .take_while(|d| d.range.start < c.range.end)
            .any(|d| {
                d.rank != c.rank
                    && (d.free_before && d.free_after)
                    && d.range.end > c.range.end
                    && shortest_end(c.rank, c.range.start).is_some_and(|e| e <= d.range.start)
            })
    };
    let keep: Vec<bool> = found.iter().map(|c| !straddles(c)).collect();
    let mut keep = keep.into_iter();
    found.retain(|_| keep.next().unwrap_or(true));
    found
}

/// `text` with each letter and `_` written as `#`s (one a byte, so that every digit keeps its
/// place): a number glued to words (`cc4111…`, `…1111exp0427`, `card_4111-…`, `phone555-…`) is
/// bounded by them as by a space, where `\b` would find no edge between a letter and a digit.
fn unglued(text: &str) -> Cow<'_, str> {
    let glue = |c: char| c == '_' || c.is_alphabetic();
    if !text.contains(glue) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match glue(c) {
            true => out.extend(std::iter::repeat_n('#', c.len_utf8())),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Where the group after the first group at or after `from` starts (the end of `text` if none).
fn second_group(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let first = rest.find(is_digit).unwrap_or(rest.len());
    let after = &rest[first..];
    let end = after
        .find(|c: char| !is_digit(c) && !is_invisible(c))
        .unwrap_or(after.len());
    let next = after[end..].find(is_digit).map_or(after.len(), |n| end + n);
    // The next number's own `+` or `(` opens it (`+1555… or +1555…`): the search starts there.
    let mut at = from + first + next;
    while text[..at].ends_with(['+', '(']) && at > from + first + end {
        at -= 1;
    }
    at
}

/// The parts of a match `found` of `re` to try: a number that runs on over a line break into a
/// time or a numbered label (`…7946⏎00:01 Agent:`, the next cue, the next turn) is looked for in
/// the text before that line break; then the match, and its prefixes and suffixes cut at its
/// group boundaries (`4111 1111 1111 1111⏎2 attempts`: 17 digits that fail Luhn hold a card).
fn candidates(re: &Regex, text: &str, mut found: Range<usize>) -> Vec<Range<usize>> {
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
    let groups = groups(text, found.clone());
    let mut all = vec![found.clone()];
    let cuts = groups.len().saturating_sub(1);
    all.extend(groups[..cuts].iter().map(|g| found.start..g.end));
    all.extend(groups.iter().skip(1).map(|g| g.start..found.end));
    all
}

/// Where a number that follows the one ending at `end` across a gap would start: after the white
/// space, dashes and dots there, if they hold at most one line break.
fn next_start(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let gap = &rest[..rest.len() - rest.trim_start_matches(is_gap).len()];
    (gap.matches('\n').count() <= 1).then_some(end + gap.len())
}

/// The candidates kept (see [`numbers`]), as spans.
fn choose(text: &str, mut found: Vec<Candidate>) -> Vec<Span> {
    found.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end), c.rank));
    found.dedup_by_key(|c| c.range.clone());
    // Whether each candidate's end is bounded: free, or followed across a gap by a candidate
    // whose own end is bounded (which the first then bounds at its start).
    let mut ends = vec![false; found.len()];
    for i in (0..found.len()).rev() {
        let next = next_start(text, found[i].range.end);
        let first = found.partition_point(|c| Some(c.range.start) < next);
        let mut beside = found[first..]
            .iter()
            .zip(&ends[first..])
            .take_while(|(c, _)| Some(c.range.start) == next);
        let bounded = found[i].free_after || beside.any(|(_, bounded)| *bounded);
        ends[i] = bounded;
    }
    let mut kept: Vec<Span> = Vec::new();
    // Whether the last span kept holds a run of pairs.
    let mut last_pairs = false;
    for (c, bounded) in found.iter().zip(ends) {
        if let Some(last) = kept.last_mut().filter(|s| c.range.start < s.end) {
            // A run of pairs and a number it overlaps are masked as one (`+33 1 23 45 67 89 06
            // 12 34 56 78`, `06 12 34 56 78 91 234 56 78`): neither leaves a piece of the other.
            if (c.pairs || last_pairs) && c.token == last.token && bounded {
                last.end = last.end.max(c.range.end);
                last_pairs |= c.pairs;
            }
            continue;
        }
        let beside = kept
            .last()
            .is_some_and(|s| next_start(text, s.end) == Some(c.range.start));
        if (c.free_before || beside) && bounded {
            kept.push(Span {
                start: c.range.start,
                end: c.range.end,
                token: c.token,
            });
            last_pairs = c.pairs;
        }
    }
    kept
}
