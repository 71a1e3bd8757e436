//! Where a match begins and ends inside a word as it is written. The matcher reads `can't` as
//! `ca` + `n't`, `cannot` as `can` + `not` and `I'm` as `I` + `'m`, so a match may begin or end
//! inside such a word; reports quote the word whole, and fixes leave such a match to the writer.
//! Only these English splits count: an elided article (`l’autre`) is a word of its own, and a run
//! of a script written without spaces (`请稍等`) has no word inside it to widen to.

/// Whether byte `at` of `text` parts an English word the matcher splits: ASCII letters or digits
/// on both sides (`ca|n't`, `can|not`).
pub(crate) fn inside_word(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    ascii(before.chars().next_back()) && ascii(after.chars().next())
}

/// Whether a match that ends at byte `at` of `text` ends inside a word: inside an English split
/// word, or at the apostrophe of a contraction (`it|'s`), which a fix over the match would
/// leave behind (`this's`).
pub(crate) fn ends_inside_word(text: &str, at: usize) -> bool {
    let mut rest = after_a_letter(text, at).unwrap_or_default().chars();
    let apostrophe = rest.next().is_some_and(super::punct::is_apostrophe);
    inside_word(text, at) || (apostrophe && rest.next().is_some_and(char::is_alphanumeric))
}

/// Whether a match that begins at byte `at` of `text` begins inside a word: inside an English
/// split word, or at the apostrophe of a contraction (`I|'m`, `it|’s`).
pub(crate) fn starts_inside_word(text: &str, at: usize) -> bool {
    let apostrophe = |after: &str| after.starts_with(super::punct::is_apostrophe);
    inside_word(text, at) || after_a_letter(text, at).is_some_and(apostrophe)
}

/// The text after byte `at` of `text`, where a letter or digit stands right before it, or an
/// accent typed apart from its letter (`e` and U+0301 of `café`, as macOS writes it).
fn after_a_letter(text: &str, at: usize) -> Option<&str> {
    let (before, after) = (text.get(..at)?, text.get(at..)?);
    let accent = |c: char| {
        matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
    };
    let glued = (before.chars().next_back()).is_some_and(|c| c.is_alphanumeric() || accent(c));
    glued.then_some(after)
}

/// The bytes `start..end` of `text` (not empty) widened to the written words they begin and end
/// in: `ca` of `can't` is `can't`, `'m sorry` of `I'm sorry` is `I'm sorry`. An empty range
/// stays as it is.
pub(crate) fn whole_words(text: &str, (mut start, mut end): (usize, usize)) -> (usize, usize) {
    if start >= end {
        return (start, end);
    }
    while starts_inside_word(text, start) {
        start = text[..start]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
    }
    // A word cut inside is taken to its end, its apostrophe's letters too (`ca` of `can't`);
    // one that ends where the match does keeps its own (`customer` of `customer's`).
    if inside_word(text, end) {
        while let Some(c) = text[end..].chars().next() {
            if !(c.is_alphanumeric() || apostrophe_joins(text, end)) {
                break;
            }
            end += c.len_utf8();
        }
    }
    (start, end)
}

/// Whether an apostrophe at byte `at` of `text` joins the letters either side of it.
fn apostrophe_joins(text: &str, at: usize) -> bool {
    let mut after = text[at..].chars();
    let glued = text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    glued
        && after.next().is_some_and(super::punct::is_apostrophe)
        && after.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_inside_a_split_word_is_told_from_one_between_words() {
        let text = "I can't, cannot. It's l’autre 请稍等";
        // `ca|n't`, `can|not`.
        assert!(inside_word(text, 4) && inside_word(text, 12));
        // Word ends, the text's ends, an elided article, a script without spaces, and a place
        // inside a character.
        for at in [2, 7, 8, 0, text.len(), 26, 35, 24] {
            assert!(!inside_word(text, at), "{at}");
        }
        // A contraction's apostrophe opens no word: `It|'s`.
        assert!(starts_inside_word(text, 19) && !inside_word(text, 19));
        assert!(!starts_inside_word(text, 22) && !starts_inside_word(text, 26));
    }

    #[test]
    fn a_range_is_widened_to_the_words_it_cuts() {
        let text = "I can't, cannot. I'm sorry, l’autre 请稍等";
        let quote = |r| {
            let (s, e) = whole_words(text, r);
            &text[s..e]
        };
        assert_eq!(quote((2, 4)), "can't");
        assert_eq!(quote((4, 7)), "can't");
        assert_eq!(quote((9, 12)), "cannot");
        assert_eq!(quote((12, 15)), "cannot");
        assert_eq!(quote((2, 15)), "can't, cannot");
        assert_eq!(quote((18, 26)), "I'm sorry");
        assert_eq!(quote((32, 37)), "autre");
        assert_eq!(quote((41, 44)), "稍");
        assert_eq!(whole_words(text, (4, 4)), (4, 4));
        let text = "the customer's own";
        assert_eq!(
            whole_words(text, (4, 12)),
            (4, 12),
            "a word that ends with the match"
        );
    }
}
