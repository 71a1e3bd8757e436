//! The one form in which speaker labels and agents' names are compared: case-folded as words are
//! (`ß` as `ss`), accents composed as NFC writes them, every apostrophe and hyphen spelling as
//! `'` and `-`, runs of white space one space, trimmed. `SARAH`, `Sarah`, `Sarah  Lee` typed
//! with two spaces, `Jörg Weiß` and `JÖRG WEISS`, `María` with its accent typed apart, and
//! `O’Connor` and `O'Connor` are the same person to config `roles:` and to the per-agent
//! figures, as a reader takes them.

use crate::text::canon::{Fold, fold};
use crate::text::punct::{is_apostrophe, is_hyphen};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `label` case-folded as words are ([`push_folded`]), composed as NFC writes it, with each run
/// of white space (a tab, a no-break space too) one space and none at its ends: itself when it
/// already is.
pub fn key(label: &str) -> Cow<'_, str> {
    if is_key(label) {
        return Cow::Borrowed(label);
    }
    let mut key = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.nfc() {
            push_folded(c, &mut key);
        }
    }
    Cow::Owned(key)
}

/// Whether two speaker labels name one speaker: `Sarah`, `SARAH` and `sarah` in one chat
/// export are one person, to the role guess as to `roles:`.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a == b || key(a) == key(b)
}

/// `c` as words are compared (see [`fold`]), pushed onto `out`: `ß` as `ss`, `Ａ` as `a`, a
/// zero-width space as nothing, `’` as `'`, a non-breaking hyphen as `-`, any other character
/// as its lowercase.
fn push_folded(c: char, out: &mut String) {
    if is_apostrophe(c) {
        return out.push('\'');
    }
    if is_hyphen(c) {
        return out.push('-');
    }
    match fold(c) {
        Fold::Drop => {}
        Fold::To(s) => out.push_str(s),
        Fold::Lower => out.extend(c.to_lowercase()),
    }
}

/// Whether [`push_folded`] writes `c` as itself.
fn folds_to_itself(c: char) -> bool {
    if is_apostrophe(c) || is_hyphen(c) {
        return matches!(c, '\'' | '-');
    }
    match fold(c) {
        Fold::Drop => false,
        Fold::To(s) => s.chars().eq(std::iter::once(c)),
        Fold::Lower => c.to_lowercase().eq(std::iter::once(c)),
    }
}

/// Whether `label` is its own [`key`]: no capital, no accent to compose, and white space only as
/// single spaces between words (the usual label, `agent`, answers at once).
fn is_key(label: &str) -> bool {
    // A space may not open the label.
    let mut after_space = true;
    let mut wide = false;
    for c in label.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else if c.is_ascii() {
            if c.is_ascii_uppercase() || c == '`' {
                return false;
            }
            after_space = false;
        } else if !folds_to_itself(c) {
            return false;
        } else {
            wide = true;
            after_space = false;
        }
    }
    // Beyond ASCII, composed as NFC writes it: an accent typed apart, or Hangul typed as its
    // letters (as macOS writes Korean names), is composed first.
    (!after_space || label.is_empty()) && (!wide || unicode_normalization::is_nfc(label))
}

/// `label` trimmed and lowercased, with its runs of white space one space, as [`key`] gives it:
/// itself when it already is (`agent`, `customer`: the usual label, and every message asks), in
/// `buf` when it is short ASCII with single spaces, else in a new string.
pub(crate) fn folded<'b>(label: &'b str, buf: &'b mut [u8; 32]) -> Cow<'b, str> {
    let plain = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-');
    if label.as_bytes().iter().all(plain) {
        return Cow::Borrowed(label);
    }
    let label = crate::text::blank::trim(label);
    match lowercase_into(label.as_bytes(), buf) {
        // ASCII in, ASCII out.
        Some(lower) => Cow::Borrowed(std::str::from_utf8(lower).unwrap_or("")),
        None => Cow::Owned(key(label).into_owned()),
    }
}

/// Trimmed `label` lowercased into `buf`, in one pass, when that makes its [`key`]: it fits, and
/// is ASCII with white space only as single spaces (every label of a file is asked).
fn lowercase_into<'b>(label: &[u8], buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..label.len())?;
    let mut after_space = false;
    for (to, &b) in lower.iter_mut().zip(label) {
        let space = b == b' ';
        let folds = b >= 0x80 || b == b'`';
        if (space && after_space) || folds || (!space && b.is_ascii_whitespace()) {
            return None;
        }
        after_space = space;
        *to = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// Whether `c` is written inside a name besides its letters: an apostrophe (`'`, and `’` or `ʼ`
/// as word processors and phones write it: `O’Connor`), a hyphen (`Anne‑Marie`, its
/// non-breaking hyphen a word processor's), or an accent typed apart (`Mari\u{301}a`).
pub(crate) fn name_mark(c: char) -> bool {
    c == '\''
        || typographic_apostrophe(c)
        || is_hyphen(c)
        || (!c.is_ascii() && is_combining_mark(c))
}

/// The apostrophes of a name that word processors and phones write for `'`: `’` and `ʼ`.
pub(crate) fn typographic_apostrophe(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{02BC}')
}

/// `label` trimmed, without the colon a text transcript writes after a speaker's label
/// (`Sarah:`), which a CSV or JSON speaker field may keep.
pub fn without_colon(label: &str) -> &str {
    label.trim().trim_end_matches([':', '\u{ff1a}']).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        for label in [
            "Sarah Lee",
            "SARAH LEE",
            " sarah\u{a0} Lee\t",
            "Sarah  Lee",
            "sarah lee",
        ] {
            assert_eq!(key(label), "sarah lee", "{label:?}");
            assert_eq!(folded(label, &mut [0; 32]), "sarah lee", "{label:?}");
        }
        assert_eq!(key("Émile Zola"), "émile zola");
        assert!(matches!(key("agent"), Cow::Borrowed(_)));
        assert!(matches!(key("maría josé"), Cow::Borrowed(_)));
        // An accent typed apart, as macOS writes it; an apostrophe or hyphen a word processor
        // writes.
        assert_eq!(key("Mari\u{301}a"), "maría");
        assert_eq!(key("O’Connor"), "o'connor");
        assert_eq!(key("o`connor"), "o'connor");
        assert_eq!(folded("o`connor", &mut [0; 32]), "o'connor");
        assert_eq!(key("Anne\u{2011}Marie"), "anne-marie");
        assert_eq!(key("\u{1100}\u{1175}\u{11B7}"), "김");
    }

    proptest::proptest! {
        #[test]
        fn a_key_is_its_own_key(s in "[ aZé\\t\\u{a0}É.’`\\u{301}\\u{2011}\\u{1100}\\u{1161}\\u{11B7}-]{0,8}") {
            let k = key(&s).into_owned();
            proptest::prop_assert_eq!(key(&k), k.as_str());
            proptest::prop_assert_eq!(is_key(&s), key(&s) == s.as_str());
        }
    }
}
