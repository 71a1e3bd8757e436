//! Which words before a colon can name a speaker: a name of up to four words, as people are
//! named in every script (accents typed apart, `O’Connor`, `Anne‑Marie`), or a role word with a
//! name, an id or a number beside it in brackets. The words that open a sentence with a
//! contraction (`I’m sorry:`, `Here’s why:`) are no label.

use super::text::MAX_LABEL;
use crate::transcript::label_key::{name_mark, typographic_apostrophe};
use crate::transcript::{Roles, roles};

/// The name of a speaker label: the label, or the part before a part in brackets (`Agent` of
/// `Agent (Sarah)`, `Sarah` of `Sarah (Agent)`). `None` when `label` is no speaker label: each
/// part must start with a letter and be at most four words of letters, digits, `.`, `_`, `-`,
/// `'`, `#`; beside a role word `roles` knows, the other part may also be an id, a list or a
/// longer name (`Customer (#C-1234)`, `Agent (Sarah, Billing)`, `Agent (Mary Ann De La Cruz)`),
/// an e-mail address or a phone number (`Agent (jane@example.com)`, `Agent (+44 20 7946 0958)`)
/// within [`MAX_LABEL`].
pub(super) fn speaker_name<'a>(label: &'a str, roles: &Roles) -> Option<&'a str> {
    match roles::qualified(label) {
        Some((name, qualifier)) => {
            let plain = || is_name_label(name) && is_name_label(qualifier);
            let beside_role = || {
                label.len() <= MAX_LABEL
                    && ((roles.knows(name) && is_bracket_part(qualifier))
                        || (roles.knows(qualifier) && is_bracket_part(name)))
            };
            (plain() || beside_role()).then_some(name)
        }
        None => is_name_label(label).then_some(label),
    }
}

/// Whether `part` of a label beside a role word may be a name, an id, an e-mail address, a phone
/// number or a list of them: it starts with a letter, a digit, `#` or `+`, and holds letters,
/// digits, spaces and `.,_-'#/&@+`.
fn is_bracket_part(part: &str) -> bool {
    part.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '#' | '+'))
        && part.chars().all(|c| {
            is_name_char(c) || matches!(c, ' ' | '.' | ',' | '_' | '#' | '/' | '&' | '@' | '+')
        })
}

/// A speaker label without brackets: see [`speaker_name`]. A typographic apostrophe stands
/// between a letter and a capital of a name (`O’Connor`), not before a contraction's ending or
/// an elided word: `I’m sorry:` and `L’important :` open sentences, not turns.
pub(super) fn is_name_label(label: &str) -> bool {
    if !label.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    // The usual label, ASCII letters and digits without an apostrophe, is read byte by byte:
    // every line that opens a turn asks.
    let bytes = label.as_bytes();
    let plain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'_' | b'#' | b'-');
    if bytes.iter().all(plain) {
        return bytes
            .split(|&b| b == b' ')
            .filter(|w| !w.is_empty())
            .count()
            <= 4;
    }
    let (mut words, mut in_word, mut before) = (0, false, ' ');
    for (i, c) in label.char_indices() {
        // A typographic apostrophe is a word processor's, in prose as often as in a name; a
        // straight one is read as every earlier build read it (`d'angelo:`, `Jo's Bakery:`).
        let fits = match typographic_apostrophe(c) {
            true => before.is_alphabetic() && names_on(&label[i + c.len_utf8()..]),
            false => is_name_char(c) || matches!(c, ' ' | '.' | '_' | '#'),
        };
        if !fits {
            return false;
        }
        if c == ' ' {
            in_word = false;
        } else if !in_word {
            (words, in_word) = (words + 1, true);
        }
        before = c;
    }
    words <= 4
}

/// Whether what follows an apostrophe goes on with a name's capital (`Connor` of `O’Connor`),
/// not a contraction's ending (`m` of `I’m`, `T` of `DON’T`) or an elided word (`important`
/// of `L’important`, `hui` of `Aujourd’hui`).
fn names_on(after: &str) -> bool {
    let ending = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let contraction = ["m", "s", "t", "d", "re", "ll", "ve"]
        .iter()
        .any(|e| ending.eq_ignore_ascii_case(e));
    ending.starts_with(char::is_uppercase) && !contraction
}

/// A letter or digit of a name, or a mark written in one (see [`name_mark`]).
fn is_name_char(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_alphanumeric() || matches!(c, '\'' | '-'),
        false => c.is_alphanumeric() || name_mark(c),
    }
}

#[cfg(test)]
mod tests {
    use super::is_name_label;

    #[test]
    fn names_are_written_with_their_marks_and_sentences_are_not_names() {
        // However a keyboard writes them.
        for name in [
            "O’Connor",
            "D'Angelo",
            // A straight apostrophe as every earlier build read it.
            "d'angelo",
            "Jo's Bakery",
            "Anne\u{2011}Marie",
            "Mari\u{301}a",
            "N\u{2BC}Diaye",
        ] {
            assert!(is_name_label(name), "{name}");
        }
        // A contraction, a quote or an elided word opens a sentence.
        for said in [
            "I’m sorry",
            "Don’t worry",
            "we’ll see",
            "Type `reset`",
            "‘no’",
            "L’important",
            "Rock’n’roll",
            "Aujourd’hui",
            "Jean\u{2011}Pierre’s note",
        ] {
            assert!(!is_name_label(said), "{said}");
        }
    }
}
