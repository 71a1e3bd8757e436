//! The extension said after a phone number (`555-867-5309x204`, `+15558675309ext22`,
//! `+44 20 7946 0958 ext. 204`), which `--redact` masks with the number, so that `[PHONE]` is
//! not followed by the digits that pick out one line of it.

use super::Span;
use crate::redact::digits::is_digit;

/// The words that open an extension, longest first; `x` only glued to the number.
const MARKS: [&str; 3] = ["extension", "ext.", "ext"];

/// `spans` (sorted, not overlapping, found in `text`) with each phone number widened over the
/// extension after it, where that holds no span that follows.
pub(super) fn with_extensions(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for i in 0..spans.len() {
        if spans[i].token != "[PHONE]" {
            continue;
        }
        let end = spans[i].end + extension(&text[spans[i].end..]);
        if spans.get(i + 1).is_none_or(|next| end <= next.start) {
            spans[i].end = end;
        }
    }
    spans
}

/// The length of the extension `rest` opens with (0 if none): `x` glued to the number, or
/// `ext`, `ext.` or `extension` after optional spaces, then one to six digits, which end a
/// word.
fn extension(rest: &str) -> usize {
    let space = |c: char| c == ' ' || c == '\t' || c == '\u{A0}';
    let spaced = rest.trim_start_matches(space);
    let marked = |word: &str| {
        let head = spaced.get(..word.len())?;
        head.eq_ignore_ascii_case(word)
            .then(|| &spaced[word.len()..])
    };
    let glued_x = (rest.starts_with(['x', 'X'])).then(|| &rest[1..]);
    let Some(after) = glued_x.or_else(|| MARKS.into_iter().find_map(marked)) else {
        return 0;
    };
    let number = after.trim_start_matches(space);
    let digits = number.len() - number.trim_start_matches(is_digit).len();
    let ends_word = !number[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    if (1..=6).contains(&number[..digits].chars().count()) && ends_word {
        rest.len() - number.len() + digits
    } else {
        0
    }
}
