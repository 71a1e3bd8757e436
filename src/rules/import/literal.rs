//! A vendor's target or query that a phrase cannot match as the vendor does, read as a regex on
//! the original text instead: a case-sensitive CCAI query, one holding a web or e-mail address
//! (a turn's address reads as one word, which no phrase spells), one in a script written
//! without spaces (talklint reads a run of its letters as one word; AWS and Google find the
//! target inside a run), and one holding a symbol a phrase would pass over (`C++`, `$5`).

use super::Cx;
use super::json::{Bad, Node, bad};

/// How a target is matched.
pub(super) enum Literal {
    Phrase(String),
    /// A regex, and why it is one, for comments.
    Regex(String, &'static str),
}

impl Cx<'_> {
    /// `node`'s target (`what` in messages) as a phrase, or as a regex when a phrase cannot
    /// match it as the vendor does; `case_sensitive` as the vendor's config says.
    pub(super) fn literal(
        &self,
        node: &Node,
        what: &str,
        case_sensitive: bool,
    ) -> Result<Literal, Bad> {
        let text = node.string(what)?;
        let why = if case_sensitive {
            "caseSensitive"
        } else if crate::text::links::first(text).is_some() {
            "holds an address"
        } else if text.chars().any(crate::text::words::unspaced) {
            "in a script without spaces"
        } else if holds_symbol(text) {
            "holds a symbol"
        } else {
            return Ok(Literal::Phrase(self.phrase(node, what)?));
        };
        if let Some(c) = text.chars().find(|c| c.is_control() && !c.is_whitespace()) {
            return Err(control(node.at, what, text, c));
        }
        Ok(Literal::Regex(regex(text, case_sensitive), why))
    }
}

/// Whether `target` holds a character that is part of what it says, which a phrase would pass
/// over as punctuation (`C++ support` would match "C support", `$5 Credit` "US$5 Credit",
/// `100%` "100 sure", `press *` "the press release"): a sign, a currency, a bracket, an arrow,
/// a technical or math symbol, an emoji, and a `*` that is no wildcard the vendors lack,
/// written after a word (`refund*` is the word "refund"). Sentence punctuation, apostrophes,
/// hyphens and quotes are not: a phrase reads them as the vendor's word boundaries.
fn holds_symbol(target: &str) -> bool {
    let mut before = None;
    target.chars().any(|c| {
        let after_word = before.is_some_and(|b: char| b.is_alphanumeric());
        before = Some(c);
        c == '*' && !after_word || symbol(c)
    })
}

/// See [`holds_symbol`].
fn symbol(c: char) -> bool {
    matches!(c,
        '+' | '$' | '%' | '#' | '&' | '@' | '/' | '\\' | '=' | '<' | '>' | '^' | '~' | '|' | '_'
        | '[' | ']' | '{' | '}' | '¢'..='©' | '¬' | '®' | '¯' | '°' | '±' | '´' | '¶' | '×'
        | '÷' | '\u{2030}' | '\u{2031}' | '\u{20A0}'..='\u{20FF}' | '\u{FE0F}'
        | '\u{1F000}'..='\u{1FAFF}')
        // Letterlike and technical symbols, arrows, math, shapes, dingbats (`™`, `℃`, `→`):
        // not the letters among them (`ℓ`, `ℕ`).
        || ('\u{2100}'..='\u{2BFF}').contains(&c) && !c.is_alphanumeric()
}

/// The error for a target read as a regex that holds the control character `c`, which no turn's
/// text holds where it is meant, in the JSON's terms: the rules' check of a regex would speak of
/// YAML's double quotes.
fn control(at: usize, what: &str, text: &str, c: char) -> Bad {
    let backspace = if c == '\u{8}' {
        ": in a JSON string `\\b` is a backspace, not a word boundary"
    } else {
        ""
    };
    bad(
        at,
        format!(
            "{what} {text:?} holds the control character U+{:04X}{backspace}",
            c as u32
        ),
        format!(
            "remove it from the JSON string: {what} matches its words exactly, with word boundaries at its ends already"
        ),
    )
}

/// A target as a regex on the original text: its words in order, any white space between them
/// (Unicode's: a rule regex of ASCII letters is compiled ASCII-only, where `\s` misses a no-break
/// space, U+0085 and U+2028), a straight or curly apostrophe for either, word boundaries at its
/// ends (Unicode ones at a letter outside ASCII: `Café` is not in `Cafés`; at punctuation, no
/// word character beyond it; none at a letter of a script without spaces, found inside a run);
/// `(?-i)` when case-sensitive.
fn regex(target: &str, case_sensitive: bool) -> String {
    let words: Vec<String> = target
        .split_whitespace()
        .map(|w| regex::escape(w).replace(['\'', '’'], "(?:'|’)"))
        .collect();
    // Unicode boundaries: an ASCII `\b` lies between `Jos` and the `é` of `José`. At an end
    // that is no word character (`C++`, `$5`), `\B`: the character beyond is no word character
    // either (or there is none), as the vendor's token ends there: `C++` is not in `C++11`, nor
    // `$5` in `US$5`. Zero-width, as the regex crate has no lookaround, so the match is the
    // target's own characters.
    // At a sign outside ASCII (`€`, `™`, `℃`, an emoji), none: it is written against a
    // figure or a word (`5€`, `Acme™`); nor round a target that holds no word at all (`%`).
    let worded = target.chars().any(char::is_alphanumeric);
    let boundary = |c: Option<char>| match c {
        Some(c) if crate::text::words::unspaced(c) => "",
        Some(c) if c.is_alphanumeric() || c == '_' => "(?u:\\b)",
        Some(c) if !worded || !c.is_ascii() && symbol(c) => "",
        Some(_) => "(?u:\\B)",
        None => "",
    };
    let trimmed = target.trim();
    let start = boundary(trimmed.chars().next());
    let end = boundary(trimmed.chars().last());
    let case = if case_sensitive { "(?-i)" } else { "" };
    format!("{case}{start}{}{end}", words.join("(?u:\\s)+"))
}

#[cfg(test)]
mod tests {
    use super::regex;

    #[test]
    fn targets_are_literal_regexes() {
        let cs = |t: &str| regex(t, true);
        assert_eq!(cs("Order ID"), "(?-i)(?u:\\b)Order(?u:\\s)+ID(?u:\\b)");
        assert_eq!(
            cs("can't (really)"),
            "(?-i)(?u:\\b)can(?:'|’)t(?u:\\s)+\\(really\\)(?u:\\B)"
        );
        let re = ::regex::Regex::new(&cs("can't (really)")).unwrap();
        assert!(re.is_match("I can’t  (really) do it"));
        assert!(!re.is_match("I CAN'T (really)"));
        // Compiled ASCII-only, as a rule regex of ASCII letters is, it still spans Unicode's
        // white space.
        let ascii = ::regex::Regex::new(&format!("(?m-u){}", cs("Order ID"))).unwrap();
        for space in ["\u{a0}", "\u{85}", "\u{2028}", " \t "] {
            assert!(ascii.is_match(&format!("Order{space}ID")), "{space:?}");
        }
        assert_eq!(cs("Café"), "(?-i)(?u:\\b)Café(?u:\\b)");
        let re = ::regex::Regex::new(&cs("Jos")).unwrap();
        assert!(re.is_match("Jos here") && !re.is_match("José"));
        let re = ::regex::Regex::new(&cs("Été")).unwrap();
        assert!(re.is_match("un Été chaud") && !re.is_match("Les Étés") && !re.is_match("PrÉtéx"));
        // At punctuation, no word character beyond it, on either side.
        let re = ::regex::Regex::new(&cs("C++")).unwrap();
        assert!(re.is_match("C++ and (C++).") && !re.is_match("C++11") && !re.is_match("xC++"));
        let re = ::regex::Regex::new(&cs("$5 Credit")).unwrap();
        assert!(re.is_match("a ($5 Credit)") && !re.is_match("US$5 Credit"));
        assert_eq!(
            re.find("a $5 Credit").map(|m| m.as_str()),
            Some("$5 Credit")
        );
        assert_eq!(regex("苦情", false), "苦情");
        let re = ::regex::Regex::new(&regex("refund 苦情", false)).unwrap();
        assert!(re.is_match("refund 苦情があります"));
    }
}
