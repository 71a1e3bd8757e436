//! The groups of three or four digits said with a card (its security code, its expiry, a PIN
//! before it), which `--redact` masks with the card: a card read out with its code must not
//! leave the card in clear as part of a longer run, nor the code beside a mask.

use super::bounds::{free, neighbour_after, neighbour_before, visible};
use crate::redact::digits::{digit, is_dash, is_digit, is_gap, is_invisible};
use std::ops::Range;

/// The candidates a card makes with the groups of three or four digits joined to it by its own
/// gap: its security code or expiry said after it, both (`4111 1111 1111 1111 0427 123`), or a
/// PIN before it, so that masking the card leaves none of them in clear and a card is not kept
/// whole as part of a longer run. Each side not widened keeps the card's own freedom there, so
/// a number masked beside it still bounds it; a group that goes on into more digits by another
/// kind of gap (`4111 1111 1111 1111 867-5309`) is another number, which bounds the card. Only
/// numbers that open as card networks' do (2 to 6) are read so: a longer run of four-digit
/// groups may be a tracking number with a part that passes Luhn. A card free after it may have
/// its code alone on the next line ([`codes_on_next_line`]), a candidate of its own. Each is a
/// range with whether each of its sides is free.
pub(super) fn cards_with_codes(
    text: &str,
    card: Range<usize>,
    sides: (bool, bool),
) -> Vec<(Range<usize>, (bool, bool))> {
    if !matches!(text[card.clone()].chars().find_map(digit), Some(2..=6)) {
        return Vec::new();
    }
    let gap = card_gap(&text[card.clone()]);
    let mut bounded = sides;
    let mut starts = vec![card.start];
    if !sides.0 {
        match beside(text, card.start, &gap, false) {
            Beside::Code(group) => starts.push(card.start - group),
            Beside::Number => bounded.0 = true,
            Beside::Run => {}
        }
    }
    let mut ends = vec![card.end];
    if !sides.1 {
        match beside(text, card.end, &gap, true) {
            Beside::Code(group) => ends.push(card.end + group),
            Beside::Number => bounded.1 = true,
            Beside::Run => {}
        }
    }
    // An expiry, then a security code.
    if let [_, end] = ends[..]
        && !free(text, card.start..end).1
        && let Beside::Code(group) = beside(text, end, &gap, true)
    {
        ends.push(end + group);
    }
    let mut out = Vec::new();
    if bounded != sides {
        out.push((card.clone(), bounded));
    }
    if sides.1
        && let Some(codes) = codes_on_next_line(text, card.end)
    {
        out.push((codes, (true, true)));
    }
    for &start in &starts {
        for &end in &ends {
            if (start, end) == (card.start, card.end) {
                continue;
            }
            let wide = free(text, start..end);
            let free_before = if start == card.start {
                bounded.0
            } else {
                wide.0
            };
            let free_after = if end == card.end { bounded.1 } else { wide.1 };
            out.push((start..end, (free_before, free_after)));
        }
    }
    out
}

/// The security code, or expiry and code, said alone on the line after a card that ends at
/// `end` (`4111 1111 1111 1111⏎123`, `…⏎0427 123`), masked on that line as the card is on its
/// own: SPEC §3 reads a line break as a space, so the code is the card's as it would be on the
/// card's line. Alone: one or two groups of three or four digits and nothing else on the line,
/// with nothing but white space or the card's dash before the break, so that a line that goes on
/// (`221 Baker Street`, `123. ship it`, a second card) holds no code, and a blank line parts it.
fn codes_on_next_line(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = &text[end..];
    let line_break = rest.find('\n')?;
    let before = |c: char| c.is_whitespace() || is_dash(c) || is_invisible(c);
    if !rest[..line_break].chars().all(before) {
        return None;
    }
    let line_start = end + line_break + 1;
    let line = text[line_start..].split('\n').next().unwrap_or_default();
    let said = line.trim();
    let groups: Vec<&str> = said.split_whitespace().collect();
    let code = |g: &&str| g.chars().all(is_digit) && is_code(g);
    if !(1..=2).contains(&groups.len()) || !groups.iter().all(code) {
        return None;
    }
    let start = line_start + (line.len() - line.trim_start().len());
    Some(start..start + said.len())
}

/// What stands beside a card, joined to it by its own gap.
enum Beside {
    /// A security code, an expiry or a PIN (three or four digits), this many bytes with its gap.
    Code(usize),
    /// A group that goes on into more digits by another kind of gap: another number.
    Number,
    /// Part of a longer run.
    Run,
}

/// What stands beside the card at `at`: after its end when `after`, else before its start;
/// `gap` is the card's own gap between its groups.
fn beside(text: &str, at: usize, gap: &str, after: bool) -> Beside {
    let neighbour = if after {
        neighbour_after
    } else {
        neighbour_before
    };
    let group = neighbour(text, at, is_gap);
    let width = group.gap.len() + group.group.len();
    let beyond = neighbour(text, if after { at + width } else { at - width }, is_gap);
    let glued = !beyond.group.is_empty() && !beyond.gap.contains(char::is_whitespace);
    if glued && visible(beyond.gap) != gap {
        Beside::Number
    } else if is_code(group.group) {
        Beside::Code(width)
    } else {
        Beside::Run
    }
}

/// The gap between a card's first two groups, as seen (empty for a card without gaps).
fn card_gap(card: &str) -> String {
    let inner = card.trim_matches(|c: char| !is_digit(c));
    let gap = inner.split(is_digit).find(|g| !g.chars().all(is_invisible));
    visible(gap.unwrap_or_default())
}

/// Whether `group` is a security code, an expiry or a PIN: three or four digits.
fn is_code(group: &str) -> bool {
    (3..=4).contains(&group.chars().filter(|c| is_digit(*c)).count())
}
