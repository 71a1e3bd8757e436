//! A word read as NFC writes it, so that a decomposed word matches its usual spelling: an accent
//! typed apart from its letter (`e` + U+0301 is `é`), Korean written in jamo, marks in another
//! order (Hebrew's dagesh and vowel, Vietnamese's `ệ`), and a letter NFC writes apart (Hindi's
//! `फ़`, U+095E, is `फ` and a nukta). Half-width katakana, as older Japanese systems write it
//! (`ｶｰﾄﾞ`), is read as its full-width letters (`カード`).

use super::words::is_ignorable;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A word's characters with their byte offsets: as written, or as NFC writes them (see [`nfc`]).
pub(super) enum Chars<'a> {
    Written(std::str::CharIndices<'a>),
    Composed(std::vec::IntoIter<(usize, char)>),
}

impl Iterator for Chars<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        match self {
            Chars::Written(chars) => chars.next(),
            Chars::Composed(chars) => chars.next(),
        }
    }
}

/// The characters of `raw`, read as NFC writes them.
pub(super) fn chars(raw: &str) -> Chars<'_> {
    match nfc(raw) {
        Some(chars) => Chars::Composed(chars.into_iter()),
        None => Chars::Written(raw.char_indices()),
    }
}

/// The characters of `raw` as NFC writes them, each with the byte of `raw` it comes from: the
/// start of its run, a letter with the marks (and Korean jamo) NFC composes or orders with it.
/// An apostrophe starts a run of its own, so a word's pieces (`l'` and `équipe`) keep their
/// places. The invisible characters the canonical form drops are left out first, so that a soft
/// hyphen does not stand between a letter and its accent, and half-width katakana is made
/// full-width first, so that a voiced mark (`ﾞ`) composes with its letter. `None` when `raw` is
/// NFC already and holds no half-width katakana (most words, which are not copied).
fn nfc(raw: &str) -> Option<Vec<(usize, char)>> {
    // Latin-1 letters and curly quotes, the most common characters past ASCII, are NFC alone.
    let plain = |c: char| c < '\u{300}' || matches!(c, '\u{2018}'..='\u{201F}');
    if raw.chars().all(plain)
        || is_nfc_quick(raw.chars()) == IsNormalized::Yes && !raw.chars().any(is_half_width_kana)
    {
        return None;
    }
    let starts_run = |c: char| {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    };
    let mut out = Vec::with_capacity(raw.len());
    let (mut run, mut start) = (String::new(), 0);
    let written = raw.char_indices().filter(|&(_, c)| !is_ignorable(c));
    for (i, c) in written.flat_map(|(i, c)| full_width(c).map(move |c| (i, c))) {
        if starts_run(c) && !run.is_empty() {
            out.extend(run.nfc().map(|c| (start, c)));
            run.clear();
        }
        if run.is_empty() {
            start = i;
        }
        run.push(c);
    }
    out.extend(run.nfc().map(|c| (start, c)));
    Some(out)
}

/// Half-width katakana and its voiced and semi-voiced marks (U+FF66 to U+FF9F).
fn is_half_width_kana(c: char) -> bool {
    matches!(c, '\u{FF66}'..='\u{FF9F}')
}

/// `c`, or for half-width katakana the full-width letter its compatibility decomposition (NFKD)
/// makes of it (of a voiced mark, the combining mark that composes with the letter before it).
fn full_width(c: char) -> impl Iterator<Item = char> {
    let (kana, other) = match is_half_width_kana(c) {
        true => (Some(std::iter::once(c).nfkd()), None),
        false => (None, Some(c)),
    };
    kana.into_iter().flatten().chain(other)
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
        // A soft hyphen between a letter and its accent is no word's.
        assert_eq!(canonical_words("cafe\u{ad}\u{301}"), ["café"]);
    }

    #[test]
    fn half_width_katakana_is_its_full_width_letters() {
        assert_eq!(canonical_words("ｶｰﾄﾞ ﾎﾟｲﾝﾄ"), ["カード", "ポイント"]);
        let e = Expander::default().expand("ｶｰﾄﾞ").pieces.to_vec();
        assert_eq!((e[0].start, e[0].end), (0, "ｶｰﾄﾞ".len()));
    }

    #[test]
    fn the_pieces_of_a_word_read_as_nfc_keep_their_places() {
        let mut expander = Expander::default();
        let e = expander.expand("l'e\u{301}quipe");
        let words: Vec<&str> = e.pieces.iter().map(|p| e.word(p)).collect();
        let places: Vec<(usize, usize)> = e.pieces.iter().map(|p| (p.start, p.end)).collect();
        assert_eq!(words, ["l'", "équipe"]);
        assert_eq!(places, [(0, 2), (2, 10)]);
    }
}
