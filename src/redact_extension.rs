//! The extension said after a phone number (`555-867-5309x204`, `+15558675309ext22`,
//! `+44 20 7946 0958 ext. 204`, Germany's `030 1234567-89`), which `--redact` masks with the
//! number, so that `[PHONE]` is not followed by the digits that pick out one line of it.

use super::Span;
use crate::redact::digits::{is_dash, is_digit};

/// The words that open an extension, longest first; `x` only glued to the number.
const MARKS: [&str; 3] = ["extension", "ext.", "ext"];

/// `spans` (sorted, not overlapping, found in `text`) with each phone number widened over the
/// extension after it, where that holds no span that follows.
pub(super) fn with_extensions(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for i in 0..spans.len() {
        if spans[i].token != "[PHONE]" {
            continue;
        }
        let phone = &text[spans[i].start..spans[i].end];
        let rest = &text[spans[i].end..];
        let end = spans[i].end + extension(rest).max(dashed(phone, rest));
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

/// The length of the extension after a dash glued to `phone` that `rest` opens with (0 if
/// none), as DIN 5008 writes Germany's (`030 1234567-89`): one to five digits that end the
/// number, neither going on into a word nor into more digits by a dash, dot or slash
/// (`12-2024`). A phone number whose own groups a dash parts (`555-123-4567-89`) has none: the
/// dash goes on in a longer run.
fn dashed(phone: &str, rest: &str) -> usize {
    let Some(dash) = rest.chars().next().filter(|&c| is_dash(c)) else {
        return 0;
    };
    if phone.contains(is_dash) {
        return 0;
    }
    let number = &rest[dash.len_utf8()..];
    let digits = number.len() - number.trim_start_matches(is_digit).len();
    let after = &number[digits..];
    let word = after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    let mut beyond = after.chars();
    let parted = beyond
        .next()
        .is_some_and(|c| is_dash(c) || c == '.' || c == '/');
    let more = parted && beyond.next().is_some_and(is_digit);
    let count = number[..digits].chars().count();
    if (1..=5).contains(&count) && !word && !more {
        dash.len_utf8() + digits
    } else {
        0
    }
}
