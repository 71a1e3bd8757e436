//! A combining accent composed with the letter written before it (`e` + U+0301 is `é`, as NFC
//! writes it), so that a decomposed word matches its usual spelling.

/// Composes `c`, when it is a combining mark, with the last character of `norm` (a word being
/// normalised; `origin` holds the raw byte offset of each of its bytes): the composed letter
/// keeps the letter's origin. False when `c` does not compose with it.
pub(super) fn compose(norm: &mut String, origin: &mut Vec<usize>, c: char) -> bool {
    if !unicode_normalization::char::is_combining_mark(c) {
        return false;
    }
    let Some(last) = norm.chars().next_back() else {
        return false;
    };
    let Some(composed) = unicode_normalization::char::compose(last, c) else {
        return false;
    };
    norm.pop();
    let start = origin.len() - last.len_utf8();
    let from = origin[start];
    origin.truncate(start);
    origin.extend(std::iter::repeat_n(from, composed.len_utf8()));
    norm.push(composed);
    true
}

#[cfg(test)]
mod tests {
    use super::super::canon::{Expander, canonical_words};

    #[test]
    fn a_combining_accent_composes_with_its_letter() {
        assert_eq!(canonical_words("De\u{301}sole\u{301}"), ["désolé"]);
        assert_eq!(canonical_words("désolé"), ["désolé"]);
        let e = Expander::default().expand("e\u{301}x").pieces.to_vec();
        assert_eq!((e[0].start, e[0].end), (0, 4));
    }
}
