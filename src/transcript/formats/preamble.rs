//! Text before a dialogue's first speaker label is no one's turn (a title, a call header), and no
//! rule judges it. Prose there, as in a canned reply whose signature line `Support: …` reads as a
//! label, is said in a warning, not passed over: a reply of "please calm down" and a signature
//! passed with no finding and no word.

use super::lines::Line;

/// The fewest words of a line read as prose; a header's lines (`Call 1234`, `Date: 2024-05-01`,
/// `Queue: Billing`) have fewer.
const PROSE_WORDS: usize = 5;

/// The warning of `before`, the lines shown before the first label (on line `label`), when one
/// of them reads as prose.
pub(super) fn warning(before: &[Line], label: usize) -> Option<String> {
    let words = |l: &Line| {
        (l.text.split_whitespace())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    if !before.iter().any(|l| words(l) >= PROSE_WORDS) {
        return None;
    }
    let (first, last) = (before.first()?.number, before.last()?.number);
    let (lines, it) = match first == last {
        true => (
            format!("line {first}, before the first speaker label (line {label}), is"),
            "it",
        ),
        false => (
            format!("lines {first}–{last}, before the first speaker label (line {label}), are"),
            "them",
        ),
    };
    Some(format!(
        "{lines} no one's turn, and no rule judges {it}: label what is said there (`Agent: …`), \
         or, if line {label} is no speaker's (a signature such as `Support: help@example.com`), \
         write it without the colon"
    ))
}
