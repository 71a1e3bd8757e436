//! Phrase syntax (SPEC §3, §2.1): words separated by spaces, `(a|b c)` alternatives, `[word]`
//! optional words, `*` exactly one word of any kind, `refund*` any word that starts with
//! `refund`, `{name}` one entry of a lexicon, `\` before a syntax character for the character
//! itself, and a final `$` for the end of a sentence. A phrase parses into a [`Pattern`], a small
//! tree of canonical words that the engine compiles without expanding it; this module also checks
//! that every phrase can match.

mod parse;
mod regex_like;
mod shape;
pub(crate) mod shared;
mod variants;

use crate::text::canon::Expander;
use shape::Shape;
use std::sync::Arc;

/// Gives the parsed entries of a lexicon by name, or says why there are none.
pub type Lexicon<'l> = dyn FnMut(&str) -> Result<Alternatives, String> + 'l;

/// The sequences of a choice. A lexicon's are parsed once and shared by every phrase that names
/// it, so the engine compiles each lexicon once.
pub type Alternatives = Arc<Choice>;

/// How deep groups and lexicons may nest in a phrase: every step that reads a phrase walks its
/// nesting, and a phrase of thousands of `(` would overflow the stack.
pub const MAX_NESTING: usize = 64;

/// How many words one word sequence of a phrase (or lexicon entry) may have. Nesting alone does
/// not bound it: lexicons that each name the next twice in a row double it at every level, and
/// expanding or anchoring such a phrase would take time and memory without end. An AWS target
/// (at most 2,000 characters, each word and the space after it two or more, a contraction's two
/// words four or more) has at most 1,000.
pub const MAX_WORDS: usize = 1_000;

/// A choice's sequences, with what can be said of them (worked out once: a lexicon is checked
/// inside every phrase that names it).
#[derive(Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    alternatives: Vec<Vec<Item>>,
    shape: Shape,
    /// 1, plus the depth of the deepest choice inside.
    depth: usize,
}

impl Choice {
    /// A choice of `alternatives`, to share.
    pub fn new(alternatives: Vec<Vec<Item>>) -> Alternatives {
        let shape = Shape::of_choice(&alternatives);
        let inside = alternatives.iter().flatten().filter_map(|item| match item {
            Item::Choice(c) => Some(c.depth),
            _ => None,
        });
        Arc::new(Choice {
            depth: 1 + inside.max().unwrap_or(0),
            alternatives,
            shape,
        })
    }

    /// How deep choices nest in this one, itself included.
    pub fn depth(&self) -> usize {
        self.depth
    }
}

impl std::ops::Deref for Choice {
    type Target = [Vec<Item>];

    fn deref(&self) -> &[Vec<Item>] {
        &self.alternatives
    }
}

/// One position of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Item {
    /// A canonical word.
    Word(String),
    /// Any word that starts with this canonical prefix (`refund*`).
    Stem(String),
    /// Any one word.
    Any,
    /// `$`: the phrase must be followed by the end of a sentence (`.`, `!`, `?`, `,`, `;`, `:`,
    /// `…`) or of the turn. Only at the end of a phrase.
    End,
    /// One of several sequences; an optional part is a choice with an empty sequence last, a
    /// lexicon slot the choice of its entries.
    Choice(#[serde(with = "shared")] Alternatives),
}

/// A parsed phrase: a sequence of items.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pattern {
    /// In order; the phrase matches when each matches the next words.
    pub items: Vec<Item>,
}

/// One position of a word sequence a pattern stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Token {
    /// A canonical word.
    Word(String),
    /// A word starting with this prefix.
    Stem(String),
    /// Any one word.
    Any,
    /// The end of a sentence or of the turn.
    End,
}

/// What is wrong with a phrase, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    /// The 0-based character of the phrase the problem is at.
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

fn err(at: usize, message: impl Into<String>) -> PhraseError {
    PhraseError {
        at,
        message: message.into(),
    }
}

/// Parses `phrase` into canonical words, dropping `fillers`, and checks that every word sequence
/// it stands for has a word that is not `*`, and a `$` only at its end. `lexicon` gives the
/// parsed entries of a `{name}`, or says why there are none.
pub fn parse(
    phrase: &str,
    fillers: &[String],
    lexicon: &mut Lexicon,
) -> Result<Pattern, PhraseError> {
    let items = parse_alternatives(phrase, fillers, lexicon)?;
    let shape = Shape::of_sequence(&items);
    if shape.end_inside {
        return Err(err(
            0,
            "`$` (end of sentence) can only end a phrase; a price's `$` is no word, as words are \
             read without their punctuation: `costs 50` matches \"costs $50\"",
        ));
    }
    if shape.longest > MAX_WORDS {
        return Err(err(
            0,
            format!(
                "a word sequence of this phrase is longer than {MAX_WORDS} words (lexicons or groups that name others in a row multiply its length); write it shorter"
            ),
        ));
    }
    if shape.without_word == Some(true) {
        return Err(err(
            0,
            "a variant of this phrase has no words (after removing fillers and optional parts), so it can never match",
        ));
    }
    if shape.without_word == Some(false) {
        return Err(err(
            0,
            "a variant of this phrase has no word, only `*` or `$`, so it would match at every word or sentence end",
        ));
    }
    Ok(Pattern { items })
}

/// Parses `phrase` into one item sequence (several alternatives become one choice), without the
/// checks of a whole phrase: a lexicon entry may be optional words.
pub fn parse_alternatives(
    phrase: &str,
    fillers: &[String],
    lexicon: &mut Lexicon,
) -> Result<Vec<Item>, PhraseError> {
    let chars: Vec<(usize, char)> = phrase.chars().enumerate().collect();
    let mut parser = parse::Parser {
        chars: &chars,
        pos: 0,
        depth: 0,
        fillers,
        lexicon,
        text: String::new(),
        expander: Expander::default(),
    };
    let mut alternatives = parser.alternatives()?;
    if let Some(&(at, c)) = chars.get(parser.pos) {
        return Err(err(at, format!("unbalanced `{c}`: no group is open here")));
    }
    Ok(if alternatives.len() == 1 {
        alternatives.pop().unwrap_or_default()
    } else {
        vec![Item::Choice(Choice::new(alternatives))]
    })
}

/// A lexicon resolver for phrases that may not use lexicons.
pub fn no_lexicons(name: &str) -> Result<Alternatives, String> {
    Err(format!(
        "unknown lexicon `{{{name}}}`: no lexicons are loaded"
    ))
}

#[cfg(test)]
mod tests;
