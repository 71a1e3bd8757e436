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

pub(crate) use crate::text::words::unspaced;

#[cfg(test)]
mod tests {
    use super::unspaced;

    #[test]
    fn scripts_without_spaces() {
        assert!("お待ち待つカナ好ไทย".chars().all(unspaced));
        assert!(!"안녕 abc é σ ع न".chars().any(unspaced));
    }
}
