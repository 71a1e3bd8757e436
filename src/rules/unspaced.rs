//! A warning for a phrase written in a script without spaces between words (Chinese, Japanese,
//! Thai, Lao, Khmer, Burmese): talklint cannot tell such words apart, so it reads a run of their
//! letters between spaces or punctuation as one word, and the phrase matches only a whole run
//! (`「お待ち」`, not `少々お待ちください`). Said when the rules load, as `regex:` is the way.

/// What to say of `phrase` (a rule's `phrase`, or a lexicon's `entry`, as `kind` says) when it
/// holds a letter of a script written without spaces.
pub(super) fn warning(kind: &str, phrase: &str) -> Option<String> {
    // Every phrase of every pack is asked when the rules load; most are ASCII.
    if phrase.is_ascii() {
        return None;
    }
    let letter = phrase.chars().find(|&c| unspaced(c))?;
    Some(format!(
        "its {kind} `{phrase}` holds `{letter}`, of a script written without spaces between \
         words; talklint reads a run of such letters between spaces or punctuation as one word, \
         so the phrase matches only a whole run; to find it inside a run, write it as a `regex:`"
    ))
}

use crate::text::words::unspaced;
