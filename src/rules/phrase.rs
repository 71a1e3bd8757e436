//! Phrase syntax (SPEC §3): words separated by spaces, `(a|b c)` alternatives, `[word]` optional
//! words, `*` exactly one word of any kind, and a final `$` for the end of a sentence. A phrase
//! parses into a [`Pattern`], a small tree of canonical words that the engine compiles; this
//! module also checks that every phrase can match and stays within [`MAX_VARIANTS`].

use crate::text::canon::canonical_words;

/// One position of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A canonical word.
    Word(String),
    /// Any one word.
    Any,
    /// `$`: the phrase must be followed by the end of a sentence (`.`, `!`, `?`, `,`, `;`, `:`,
    /// `…`) or of the turn. Only at the end of a phrase.
    End,
    /// One of several sequences; an optional part is a choice with an empty sequence last.
    Choice(Vec<Vec<Item>>),
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
    /// Any one word.
    Any,
    /// The end of a sentence or of the turn.
    End,
}

/// The most word sequences one phrase may stand for.
pub const MAX_VARIANTS: usize = 20_000;

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

fn too_many(at: usize) -> PhraseError {
    err(
        at,
        format!("expands to more than {MAX_VARIANTS} variants; split it into several phrases"),
    )
}

/// Parses `phrase` into canonical words, dropping `fillers`, and checks that every word sequence
/// it stands for has a word that is not `*`, and a `$` only at its end.
pub fn parse(phrase: &str, fillers: &[String]) -> Result<Pattern, PhraseError> {
    let chars: Vec<(usize, char)> = phrase.chars().enumerate().collect();
    let mut parser = Parser {
        chars: &chars,
        pos: 0,
        fillers,
    };
    let (mut alternatives, _) = parser.alternatives()?;
    if let Some(&(at, c)) = chars.get(parser.pos) {
        return Err(err(at, format!("unbalanced `{c}`: no group is open here")));
    }
    let items = if alternatives.len() == 1 {
        alternatives.pop().unwrap_or_default()
    } else {
        vec![Item::Choice(alternatives)]
    };
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

/// What can be said of every word sequence a part of a pattern stands for.
#[derive(Debug, Clone, Copy)]
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
            Item::Word(_) => token(false, true),
            Item::Any => token(false, false),
            Item::End => token(true, false),
            Item::Choice(alternatives) => {
                let shapes: Vec<Shape> =
                    alternatives.iter().map(|a| Shape::of_sequence(a)).collect();
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
    /// Every word sequence the pattern stands for, in order, without repeats.
    pub fn variants(&self) -> Vec<Vec<Token>> {
        let mut seen = std::collections::HashSet::new();
        sequence_variants(&self.items)
            .into_iter()
            .filter(|v| seen.insert(v.clone()))
            .collect()
    }
}

fn sequence_variants(items: &[Item]) -> Vec<Vec<Token>> {
    let mut acc: Vec<Vec<Token>> = vec![Vec::new()];
    for item in items {
        let options: Vec<Vec<Token>> = match item {
            Item::Word(w) => vec![vec![Token::Word(w.clone())]],
            Item::Any => vec![vec![Token::Any]],
            Item::End => vec![vec![Token::End]],
            Item::Choice(alternatives) => alternatives
                .iter()
                .flat_map(|a| sequence_variants(a))
                .collect(),
        };
        acc = acc
            .iter()
            .flat_map(|a| {
                options.iter().map(move |b| {
                    let mut v = a.clone();
                    v.extend(b.iter().cloned());
                    v
                })
            })
            .collect();
    }
    acc
}

struct Parser<'a> {
    chars: &'a [(usize, char)],
    pos: usize,
    fillers: &'a [String],
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }

    /// `seq ('|' seq)*`, and how many word sequences they stand for.
    fn alternatives(&mut self) -> Result<(Vec<Vec<Item>>, usize), PhraseError> {
        let (first, mut count) = self.sequence()?;
        let mut all = vec![first];
        while self.peek() == Some('|') {
            self.pos += 1;
            let (more, n) = self.sequence()?;
            all.push(more);
            count += n;
            if count > MAX_VARIANTS {
                return Err(too_many(self.pos));
            }
        }
        Ok((all, count))
    }

    /// A sequence of items up to `|`, `)`, `]` or the end, and how many word sequences it stands
    /// for.
    fn sequence(&mut self) -> Result<(Vec<Item>, usize), PhraseError> {
        let mut items = Vec::new();
        let mut count = 1;
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                '|' | ')' | ']' => break,
                '*' => {
                    self.pos += 1;
                    items.push(Item::Any);
                }
                '$' => {
                    self.pos += 1;
                    items.push(Item::End);
                }
                '(' | '[' => {
                    let (alternatives, n) = self.group(c)?;
                    count *= n;
                    items.push(Item::Choice(alternatives));
                }
                _ => {
                    while self.peek().is_some_and(|c| !"()[]|*$".contains(c)) {
                        self.pos += 1;
                    }
                    let text: String = self.chars[start..self.pos]
                        .iter()
                        .map(|&(_, c)| c)
                        .collect();
                    items.extend(
                        canonical_words(&text)
                            .into_iter()
                            .filter(|w| !self.fillers.contains(w))
                            .map(Item::Word),
                    );
                }
            }
            if count > MAX_VARIANTS {
                return Err(too_many(self.chars[start].0));
            }
        }
        Ok((items, count))
    }

    /// `(…)` or `[…]` starting at the current position; `[…]` adds the empty choice.
    fn group(&mut self, open: char) -> Result<(Vec<Vec<Item>>, usize), PhraseError> {
        let start = self.pos;
        self.pos += 1;
        let (mut alternatives, mut count) = self.alternatives()?;
        let close = if open == '(' { ')' } else { ']' };
        if self.peek() != Some(close) {
            return Err(err(
                self.chars[start].0,
                format!("`{open}` is never closed with `{close}`"),
            ));
        }
        self.pos += 1;
        if let Some(q @ ('?' | '+')) = self.peek() {
            return Err(err(
                self.chars[self.pos].0,
                format!(
                    "`{close}{q}` is regex syntax, not phrase syntax; write optional words in brackets: `[own]`, `[a|b]`"
                ),
            ));
        }
        if open == '[' {
            alternatives.push(Vec::new());
            count += 1;
        }
        Ok((alternatives, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(phrase: &str) -> Vec<String> {
        parse(phrase, &["um".to_string()])
            .unwrap()
            .variants()
            .iter()
            .map(|v| {
                v.iter()
                    .map(|t| match t {
                        Token::Word(w) => w.as_str(),
                        Token::Any => "*",
                        Token::End => "$",
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn alternatives_options_and_wildcards_expand() {
        assert_eq!(
            show("(that's|it is) not my department"),
            ["that is not my department", "it is not my department"]
        );
        assert_eq!(show("[please] hold"), ["please hold", "hold"]);
        assert_eq!(show("you * wrong"), ["you * wrong"]);
        assert_eq!(
            show("not my (job|[own] problem)"),
            ["not my job", "not my own problem", "not my problem"]
        );
        assert_eq!(show("I CAN'T, um, help"), ["i can not help"]);
        assert_eq!(show("can I help?"), ["can i help"]);
        assert_eq!(show("i (do not|don't) know $"), ["i do not know $"]);
        assert_eq!(show("a|b c"), ["a", "b c"]);
        assert_eq!(show("(x|y) $"), ["x $", "y $"]);
    }

    #[test]
    fn phrases_that_cannot_match_are_errors() {
        assert!(parse("um", &["um".to_string()]).is_err());
        assert!(parse("[please]", &[]).is_err());
        assert!(parse("*", &[]).is_err());
        assert!(parse("...", &[]).is_err());
        let e = parse("(not my job", &[]).unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        assert_eq!(parse("not my job)", &[]).unwrap_err().at, 10);
        assert!(
            parse("i know $ you", &[])
                .unwrap_err()
                .message
                .contains("can only end")
        );
        assert!(parse("(a $|b) c", &[]).is_err());
        assert!(parse("(a $|b) [c]", &[]).is_err());
        assert!(parse("(a $|b)", &[]).is_ok());
        assert!(parse("a $ [um]", &["um".to_string()]).is_ok());
        let e = parse("your (own )?fault", &[]).unwrap_err();
        assert!(e.message.contains("regex syntax"), "{}", e.message);
        assert!(parse("* $", &[]).unwrap_err().message.contains("only `*`"));
        assert!(
            parse("[a] [b]", &[])
                .unwrap_err()
                .message
                .contains("no words")
        );
    }

    #[test]
    fn variant_counts_are_capped() {
        let wide = format!("({})", vec!["w"; 100].join("|"));
        assert!(parse(&format!("{wide} {wide}"), &[]).is_ok());
        let e = parse(&format!("{wide} {wide} x {wide}"), &[]).unwrap_err();
        assert!(e.message.contains("more than"), "{}", e.message);
    }
}
