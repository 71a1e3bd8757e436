//! What `--redact` reads as a number's parts: a digit (ASCII or full-width), the gaps that may
//! part two groups of digits, and the groups themselves. The patterns, the checks and the runs of
//! groups all read digits so, and apart from what decides which runs are numbers.

use std::ops::Range;

/// The value of `c` as a digit: ASCII or full-width (`４`), as the matcher folds them.
pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(super) fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// The invisible characters the matcher drops (soft hyphen, zero-width space, word joiner,
/// byte-order mark): between digits they part no group.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// A hyphen or dash: `-`, U+2010 to U+2014 (hyphen, non-breaking hyphen, figure, en and em
/// dash), the minus sign and the full-width hyphen-minus.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2014}' | '\u{2212}' | '\u{FF0D}')
}

/// A character that may stand between two groups of a number: white space, a dash, an invisible
/// character, a dot (`555.867.5309`), or U+FFFD (a no-break space or en dash of a Windows-1252
/// file, read as UTF-8).
pub(super) fn is_gap(c: char) -> bool {
    matches!(c, '.' | '\u{FFFD}') || c.is_whitespace() || is_dash(c) || is_invisible(c)
}

/// The kind of a gap between two digit groups of a card, which keeps one kind throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// A dash, with or without white space around it.
    Dash,
    /// White space (one line break among it).
    Space,
}

impl Gap {
    /// The kind of the gap `text` (the characters between two groups of a card pattern's match).
    pub(super) fn of(text: &str) -> Gap {
        if text.chars().any(is_dash) {
            Gap::Dash
        } else {
            Gap::Space
        }
    }
}

/// The byte ranges of the groups of digits in `text[within]`; invisible characters between two
/// digits part no group (`4111\u{200B}1111` is one group of eight).
pub(super) fn groups(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    for (i, c) in text[within.clone()].char_indices() {
        let at = within.start + i;
        match c {
            c if is_digit(c) => match out.last_mut() {
                Some(last) if open => last.end = at + c.len_utf8(),
                _ => out.push(at..at + c.len_utf8()),
            },
            c if is_invisible(c) => {}
            _ => open = false,
        }
        open |= is_digit(c);
    }
    out
}
