//! Text before a dialogue's first speaker label is no one's turn (a title, a call header), and no
//! rule judges it. Prose there, as in a canned reply whose signature line `Support: …` reads as a
//! label (after a sign-off, `Best,`, such a line is read as text: see
//! [`is_dialogue`](super::dialogue::is_dialogue)), is said in a warning, not passed over: a
//! reply of "please calm down" and a signature passed with no finding and no word.

use super::lines::Line;
use crate::text::lines::LineCursor;

/// The fewest words of a line read as prose; a header's lines (`Call 1234`, `Date: 2024-05-01`,
/// `Call with John Smith, account 12345`) have fewer.
const PROSE_WORDS: usize = 8;

/// The warning of `before`, the lines of `source` shown before the first label, when one of
/// them reads as prose: at the first line's text, as `line L, column C: …` (so that reports
/// place it).
pub(super) fn warning(before: &[Line], source: &str) -> Option<String> {
    let words = |l: &Line| {
        (l.text.split_whitespace())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    if !before.iter().any(|l| words(l) >= PROSE_WORDS) {
        return None;
    }
    let first = before.first()?;
    let lead = first.text.len() - first.text.trim_start().len();
    let (line, column) = LineCursor::new(source).position(first.start + lead);
    Some(format!(
        "line {line}, column {column}: the text from here to the first speaker label is no one's \
         turn, and no rule judges it: label what is said there (`Agent: …`), or, if that label \
         is no speaker's (a signature such as `Support: help@example.com`), write it without \
         the colon"
    ))
}
