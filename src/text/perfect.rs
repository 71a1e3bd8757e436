//! `it's been` is `it has been`. A contraction is expanded one word at a time, so `'s` after
//! `it` reads `is` and `'d` reads `would`; before `been`, `got` or `gotten` (one adverb may stand
//! between: `it's never been`) they mean `has` and `had`. Phrases and transcripts look at the
//! words after a contraction the same way, so `it has been` and `it's been` match each other,
//! and `it is` no longer matches `it's been`.

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
pub fn before_participle(auxiliary: &str) -> Option<&'static str> {
    match auxiliary {
        "is" => Some("has"),
        "would" => Some("had"),
        _ => None,
    }
}

/// Whether the words of `text` from byte `at` (the end of a contraction) open with a participle,
/// after one adverb at most. Words are ASCII letters in any case, apart by spaces or tabs.
pub fn participle_follows(text: &str, at: usize) -> bool {
    let mut rest = text.get(at..).unwrap_or_default();
    for allowed_adverb in [true, false] {
        let (word, after) = next_word(rest);
        let lower = word.to_ascii_lowercase();
        if PARTICIPLES.contains(&lower.as_str()) {
            return true;
        }
        if !(allowed_adverb && ADVERBS.contains(&lower.as_str())) {
            return false;
        }
        rest = after;
    }
    false
}

/// The run of ASCII letters after the spaces and tabs that open `text`, and what follows it; an
/// empty word when another character comes first.
fn next_word(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches([' ', '\t']);
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(text.len());
    // A word runs on past an apostrophe or a letter beyond ASCII: it is not one of these.
    match text.as_bytes().get(end) {
        Some(b) if *b == b'\'' || *b >= 0x80 => ("", ""),
        _ => text.split_at(end),
    }
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
        assert!(!after("it's, been"));
        assert!(!after("it's beene"));
        assert!(!after("it's been's"));
        assert!(!after("it's"));
    }
}
