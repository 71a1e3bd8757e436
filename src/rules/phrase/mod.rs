//! Phrase syntax (SPEC §3, §2.1): words separated by spaces, `(a|b c)` alternatives, `[word]`
//! optional words, `*` exactly one word of any kind, `refund*` any word that starts with
//! `refund`, `{name}` one entry of a lexicon, `\` before a syntax character for the character
//! itself, and a final `$` for the end of a sentence. A phrase parses into a [`Pattern`], a small
//! tree of canonical words that the engine compiles without expanding it; this module also checks
//! that every phrase can match.

mod parse;

use std::sync::Arc;

/// Gives the parsed entries of a lexicon by name, or says why there are none.
pub type Lexicon<'l> = dyn FnMut(&str) -> Result<Alternatives, String> + 'l;

/// The sequences of a choice. A lexicon's are parsed once and shared by every phrase that names
/// it, so the engine compiles each lexicon once.
pub type Alternatives = Arc<Choice>;

/// How deep groups and lexicons may nest in a phrase: every step that reads a phrase walks its
/// nesting, and a phrase of thousands of `(` would overflow the stack.
pub const MAX_NESTING: usize = 64;

/// A choice's sequences, with what can be said of them (worked out once: a lexicon is checked
/// inside every phrase that names it).
#[derive(Debug, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    Choice(Alternatives),
}

/// A parsed phrase: a sequence of items.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        return Err(err(0, "`$` (end of sentence) can only end a phrase"));
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
            "a variant of this phrase is only `*`, so it would match every word",
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

/// What can be said of every word sequence a part of a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// Some sequence is empty.
    empty: bool,
    /// Some sequence is not empty.
    nonempty: bool,
    /// Some sequence ends with `$`.
    ends_with_end: bool,
    /// Some sequence has a `$` before its last token.
    end_inside: bool,
    /// Some sequence has no word: `Some(true)` when one of them is empty, `Some(false)` when all
    /// of them hold `*` or `$`.
    without_word: Option<bool>,
}

impl Shape {
    fn of_item(item: &Item) -> Shape {
        let token = |is_end: bool, is_word: bool| Shape {
            empty: false,
            nonempty: true,
            ends_with_end: is_end,
            end_inside: false,
            without_word: (!is_word).then_some(false),
        };
        match item {
            Item::Word(_) | Item::Stem(_) => token(false, true),
            Item::Any => token(false, false),
            Item::End => token(true, false),
            Item::Choice(choice) => choice.shape,
        }
    }

    fn of_choice(alternatives: &[Vec<Item>]) -> Shape {
        let shapes: Vec<Shape> = alternatives.iter().map(|a| Shape::of_sequence(a)).collect();
        Shape {
            empty: shapes.iter().any(|s| s.empty),
            nonempty: shapes.iter().any(|s| s.nonempty),
            ends_with_end: shapes.iter().any(|s| s.ends_with_end),
            end_inside: shapes.iter().any(|s| s.end_inside),
            without_word: shapes
                .iter()
                .filter_map(|s| s.without_word)
                .reduce(|a, b| a || b),
        }
    }

    /// Sequences are chosen independently per item, so each property follows from the items'.
    fn of_sequence(items: &[Item]) -> Shape {
        let mut acc = Shape {
            empty: true,
            nonempty: false,
            ends_with_end: false,
            end_inside: false,
            without_word: Some(true),
        };
        for item in items {
            let s = Shape::of_item(item);
            acc = Shape {
                empty: acc.empty && s.empty,
                nonempty: acc.nonempty || s.nonempty,
                ends_with_end: s.ends_with_end || (s.empty && acc.ends_with_end),
                end_inside: acc.end_inside || s.end_inside || (acc.ends_with_end && s.nonempty),
                without_word: match (acc.without_word, s.without_word) {
                    (Some(a), Some(b)) => Some(a && b),
                    _ => None,
                },
            };
        }
        acc
    }
}

impl Pattern {
    /// How many word sequences the pattern stands for (repeats counted; saturating).
    pub fn variant_count(&self) -> usize {
        sequence_count(&self.items)
    }

    /// The first `limit` word sequences the pattern stands for, in order, without repeats.
    pub fn variants(&self, limit: usize) -> Vec<Vec<Token>> {
        let all = sequence_variants(&self.items, limit);
        let mut seen = rustc_hash::FxHashSet::default();
        let first: Vec<bool> = all.iter().map(|v| seen.insert(v.as_slice())).collect();
        drop(seen);
        all.into_iter()
            .zip(first)
            .filter_map(|(v, first)| first.then_some(v))
            .collect()
    }
}

fn sequence_count(items: &[Item]) -> usize {
    items.iter().fold(1usize, |n, item| match item {
        Item::Choice(alternatives) => n.saturating_mul(
            alternatives
                .iter()
                .fold(0usize, |sum, a| sum.saturating_add(sequence_count(a))),
        ),
        _ => n,
    })
}

/// The sequences of `items`, at most `limit` of them.
fn sequence_variants(items: &[Item], limit: usize) -> Vec<Vec<Token>> {
    let mut acc: Vec<Vec<Token>> = vec![Vec::new()];
    for item in items {
        let options: Vec<Vec<Token>> = match item {
            Item::Word(w) => vec![vec![Token::Word(w.clone())]],
            Item::Stem(w) => vec![vec![Token::Stem(w.clone())]],
            Item::Any => vec![vec![Token::Any]],
            Item::End => vec![vec![Token::End]],
            Item::Choice(alternatives) => {
                let mut all = Vec::new();
                for a in alternatives.iter() {
                    all.extend(sequence_variants(a, limit - all.len().min(limit)));
                }
                all
            }
        };
        if let [only] = options.as_slice()
            && acc.len() <= limit
        {
            // One way on (a word, the most common item): each sequence grows in place.
            acc.iter_mut().for_each(|a| a.extend(only.iter().cloned()));
            continue;
        }
        acc = acc
            .iter()
            .flat_map(|a| {
                options.iter().map(move |b| {
                    let mut v = a.clone();
                    v.extend(b.iter().cloned());
                    v
                })
            })
            .take(limit)
            .collect();
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_plain(phrase: &str) -> Result<Pattern, PhraseError> {
        parse(phrase, &["um".to_string()], &mut no_lexicons)
    }

    fn show(pattern: &Pattern) -> Vec<String> {
        pattern
            .variants(100)
            .iter()
            .map(|v| {
                v.iter()
                    .map(|t| match t {
                        Token::Word(w) => w.clone(),
                        Token::Stem(w) => format!("{w}*"),
                        Token::Any => "*".into(),
                        Token::End => "$".into(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    fn expand(phrase: &str) -> Vec<String> {
        show(&parse_plain(phrase).unwrap())
    }

    #[test]
    fn alternatives_options_and_wildcards_expand() {
        assert_eq!(
            expand("(that's|it is) not my department"),
            ["that is not my department", "it is not my department"]
        );
        assert_eq!(expand("[please] hold"), ["please hold", "hold"]);
        assert_eq!(expand("you * wrong"), ["you * wrong"]);
        assert_eq!(
            expand("not my (job|[own] problem)"),
            ["not my job", "not my own problem", "not my problem"]
        );
        assert_eq!(expand("I CAN'T, um, help"), ["i can not help"]);
        assert_eq!(expand("can I help?"), ["can i help"]);
        assert_eq!(expand("i (do not|don't) know $"), ["i do not know $"]);
        assert_eq!(expand("a|b c"), ["a", "b c"]);
        assert_eq!(expand("(x|y) $"), ["x $", "y $"]);
    }

    #[test]
    fn stems_escapes_and_lexicons() {
        assert_eq!(expand("full refund*"), ["full refund*"]);
        assert_eq!(expand("refund *"), ["refund *"]);
        assert_eq!(expand("50\\% off \\(today\\) \\*"), ["50 off today"]);
        assert!(parse_plain("50 \\").is_err());
        let mut teams = |name: &str| match name {
            "team" => Ok(Choice::new(vec![
                vec![Item::Word("billing".into())],
                vec![Item::Word("the".into()), Item::Word("store".into())],
            ])),
            _ => Err(format!("unknown lexicon `{name}`")),
        };
        let p = parse("call {team} now", &[], &mut teams).unwrap();
        assert_eq!(show(&p), ["call billing now", "call the store now"]);
        let e = parse("call {nobody}", &[], &mut teams).unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (5, "unknown lexicon `nobody`"));
        assert!(
            parse("call {team", &[], &mut teams)
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(parse("a } b", &[], &mut teams).is_err());
    }

    #[test]
    fn phrases_that_cannot_match_are_errors() {
        assert!(parse_plain("um").is_err());
        assert!(parse_plain("[please]").is_err());
        assert!(parse_plain("*").is_err());
        assert!(parse_plain("...").is_err());
        let e = parse_plain("(not my job").unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        assert_eq!(parse_plain("not my job)").unwrap_err().at, 10);
        assert!(
            parse_plain("i know $ you")
                .unwrap_err()
                .message
                .contains("can only end")
        );
        assert!(parse_plain("(a $|b) c").is_err());
        assert!(parse_plain("(a $|b) [c]").is_err());
        assert!(parse_plain("(a $|b)").is_ok());
        assert!(parse_plain("a $ [um]").is_ok());
        let e = parse_plain("your (own )?fault").unwrap_err();
        assert!(e.message.contains("regex syntax"), "{}", e.message);
        assert!(parse_plain("* $").unwrap_err().message.contains("only `*`"));
        assert!(
            parse_plain("[a] [b]")
                .unwrap_err()
                .message
                .contains("no words")
        );
        assert!(parse_plain("refund*").is_ok());
    }

    #[test]
    fn variants_are_counted_without_expanding() {
        let wide = format!("({})", vec!["w"; 100].join("|"));
        let p = parse_plain(&format!("{wide} {wide} x {wide}")).unwrap();
        assert_eq!(p.variant_count(), 1_000_000);
        assert_eq!(
            p.variants(10).len(),
            1,
            "repeats are dropped after the limit"
        );
        assert_eq!(parse_plain("[a] b (c|d e)").unwrap().variant_count(), 4);
    }
}
