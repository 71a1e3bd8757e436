//! `it's been` is `it has been`. A contraction is expanded one word at a time, so `'s` after
//! `it` reads `is` and `'d` reads `would`; before `been`, `got` or `gotten` (one adverb may stand
//! between: `it's never been`) they mean `has` and `had`. Phrases and transcripts look at the
//! words after a contraction the same way, so `it has been` and `it's been` match each other,
//! and `it is` no longer matches `it's been`.

use super::canon::{DEFAULT_FILLERS, Expanded};
use super::words::Words;

/// The words that make `'s` mean `has` and `'d` mean `had` when they follow.
const PARTICIPLES: &[&str] = &["been", "got", "gotten"];

/// Words that may stand between the two, one at most.
const ADVERBS: &[&str] = &[
    "not",
    "never",
    "already",
    "just",
    "only",
    "always",
    "also",
    "really",
    "ever",
    "still",
    "probably",
    "definitely",
    "certainly",
    "actually",
];

/// The reading of a contraction's auxiliary (`is` of `'s`, `would` of `'d`) before a participle.
pub(crate) fn before_participle(auxiliary: &str) -> Option<&'static str> {
    match auxiliary {
        "is" => Some("has"),
        "would" => Some("had"),
        _ => None,
    }
}

/// The reading of the auxiliary an expanded word ends in (`has` for the `is` of `it's`) were a
/// participle to follow it.
pub fn reading(expanded: &Expanded) -> Option<&'static str> {
    expanded.contracted_auxiliary().and_then(before_participle)
}

/// Whether the words of `text` from byte `at` (the end of a contraction) open with a participle,
/// after one adverb at most, as matching reads words: whatever spaces or punctuation part them,
/// and fillers passed over.
pub fn participle_follows(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    let mut adverb_allowed = true;
    for w in Words::new(rest) {
        let word = rest[w.start..w.end]
            .trim_end_matches(super::punct::is_apostrophe)
            .to_ascii_lowercase();
        if DEFAULT_FILLERS.contains(&word.as_str()) {
            continue;
        }
        if PARTICIPLES.contains(&word.as_str()) {
            return true;
        }
        if !(adverb_allowed && ADVERBS.contains(&word.as_str())) {
            return false;
        }
        adverb_allowed = false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_participle_after_a_contraction_is_found_past_one_adverb() {
        let after = |text: &str| participle_follows(text, 4);
        assert!(after("it's been"));
        assert!(after("it's  Been a while"));
        assert!(after("it's never been"));
        assert!(after("he's got it"));
        assert!(!after("it's not really been"));
        assert!(!after("it's done"));
        assert!(after("it's, been"));
        assert!(after("it's\u{a0}been… frustrating"));
        assert!(after("it's um been"));
        assert!(after("it's been’"));
        assert!(!after("it's beene"));
        assert!(!after("it's been's"));
        assert!(!after("it's"));
    }
}
