//! A built-in pattern's regex in two builds, so that `\b` costs no slow search. A Unicode `\b`
//! sends any text holding a character outside ASCII (a curly apostrophe, a no-break space) from
//! the regex crate's DFA to its backtracking and Pike VM searches, ten times slower over a run of
//! digit groups; an ASCII `\b` does not. The two agree wherever every word character is ASCII.

use regex::Regex;
use std::sync::OnceLock;

/// Which word characters a text holds, and so which build of a [`Twin`] reads it as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Words {
    /// Only ASCII letters, digits and `_`.
    Ascii,
    /// A word character outside ASCII too (a letter, a mark, a full-width digit).
    Unicode,
}

/// Which word characters `text` holds; `wide` is [`WIDE_WORD`], compiled.
pub(super) fn words(wide: &Regex, text: &str) -> Words {
    match text.is_ascii() || !wide.is_match(text) {
        true => Words::Ascii,
        false => Words::Unicode,
    }
}

/// A word character outside ASCII, as Unicode's `\b` reads one.
pub(super) const WIDE_WORD: &str = r"[\w&&[^\x00-\x7F]]";

/// A regex with each `\b` an ASCII word boundary, built at once, and the regex as written, built
/// the first time a text with a word character outside ASCII needs it.
#[derive(Debug, Clone)]
pub(super) struct Twin {
    ascii: Regex,
    pattern: String,
    unicode: OnceLock<Regex>,
}

impl Twin {
    /// `pattern`, a built-in one (it compiles, or the build is wrong).
    pub(super) fn new(pattern: String) -> Twin {
        let ascii = compile(&pattern.replace(r"\b", r"(?-u:\b)"));
        // Without a `\b`, the two builds are one.
        let unicode = match pattern.contains(r"\b") {
            true => OnceLock::new(),
            false => OnceLock::from(ascii.clone()),
        };
        Twin {
            ascii,
            pattern,
            unicode,
        }
    }

    /// The build that reads a text holding `words` as the pattern is written.
    pub(super) fn get(&self, words: Words) -> &Regex {
        match words {
            Words::Ascii => &self.ascii,
            Words::Unicode => self.unicode.get_or_init(|| compile(&self.pattern)),
        }
    }
}

/// A built-in pattern, compiled: constants that every test of `redact` compiles.
pub(super) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a built-in pattern")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_read_by_the_build_that_agrees_with_the_pattern() {
        let wide = compile(WIDE_WORD);
        // Curly apostrophes, no-break spaces and dashes are no word characters.
        assert_eq!(words(&wide, "it’s 4111\u{a0}1111 – ok"), Words::Ascii);
        assert_eq!(words(&wide, "café 4111"), Words::Unicode);
        // A full-width digit is a word character, as a combining mark is.
        assert_eq!(words(&wide, "\u{FF14}111"), Words::Unicode);
        assert_eq!(words(&wide, "e\u{301} 4111"), Words::Unicode);
        let twin = Twin::new(r"\b\d{3}\b".to_string());
        let text = "it’s\u{a0}123\u{a0}4567";
        let found = |re: &Regex| re.find(text).map(|m| m.as_str());
        assert_eq!(found(twin.get(Words::Ascii)), Some("123"));
        assert_eq!(found(twin.get(Words::Unicode)), Some("123"));
        // Where the two differ, a text with a word character outside ASCII reads it as written.
        let glued = "\u{FF11}123";
        assert!(twin.get(Words::Ascii).is_match(glued));
        assert!(!twin.get(Words::Unicode).is_match(glued));
    }
}
