//! A word read as NFC writes it, so that a decomposed word matches its usual spelling: an accent
//! typed apart from its letter (`e` + U+0301 is `é`), Korean written in jamo, marks in another
//! order (Hebrew's dagesh and vowel, Vietnamese's `ệ`), and a letter NFC writes apart (Hindi's
//! `फ़`, U+095E, is `फ` and a nukta).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `raw` in NFC, when it is not already (most words are, and are not copied).
pub(super) fn nfc(raw: &str) -> Option<String> {
    match raw.is_ascii() || is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        true => None,
        false => Some(raw.nfc().collect()),
    }
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

    #[test]
    fn jamo_marks_in_another_order_and_letters_nfc_writes_apart_are_their_nfc() {
        // 감사 in jamo, and composed.
        assert_eq!(
            canonical_words("\u{1100}\u{1161}\u{11b7}\u{1109}\u{1161}"),
            ["감사"]
        );
        // Vietnamese `ệ` typed circumflex first, and dot below first.
        let both = ["e\u{302}\u{323}", "e\u{323}\u{302}", "\u{1ec7}"];
        for spelling in both {
            assert_eq!(canonical_words(spelling), ["\u{1ec7}"], "{spelling:?}");
        }
        // Hindi's `फ़` as one letter (U+095E) and as `फ` and a nukta.
        assert_eq!(
            canonical_words("मा\u{95e}ी"),
            canonical_words("मा\u{92b}\u{93c}ी")
        );
    }
}
