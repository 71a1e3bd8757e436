//! A warning for a phrase written in a script without spaces between words (Chinese, Japanese,
//! Thai, Lao, Khmer, Burmese): talklint cannot tell such words apart, so it reads a run of their
//! letters between spaces or punctuation as one word, and the phrase matches only a whole run
//! (`「お待ち」`, not `少々お待ちください`). Said when the rules load, as `regex:` is the way.

/// What to say of `phrase` (a rule's `phrase`, or a lexicon's `entry`, as `kind` says) when it
/// holds a letter of a script written without spaces.
pub(super) fn warning(kind: &str, phrase: &str) -> Option<String> {
    // Every phrase of every pack is asked when the rules load; most are ASCII.
    let letter = (!phrase.is_ascii()).then(|| phrase.chars().find(|&c| unspaced(c)))??;
    Some(format!(
        "its {kind} `{phrase}` holds `{letter}`, of a script written without spaces between \
         words; talklint reads a run of such letters between spaces or punctuation as one word, \
         so the phrase matches only a whole run; to find it inside a run, write it as a `regex:`"
    ))
}

/// Whether `c` is a letter of a script written without spaces between words.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B on
    )
}

#[cfg(test)]
mod tests {
    use super::unspaced;

    #[test]
    fn scripts_without_spaces() {
        assert!("お待ち待つカナ好ไทย".chars().all(unspaced));
        assert!(!"안녕 abc é σ ع न".chars().any(unspaced));
    }
}
