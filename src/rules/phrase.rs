//! Phrase syntax (SPEC §3): words separated by spaces, `(a|b c)` alternatives, `[word]` optional
//! words, `*` exactly one word of any kind. A phrase expands into the list of canonical word
//! sequences it stands for; the matcher compiles those.

use crate::text::canon::canonical_words;

/// One position of an expanded phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Token {
    /// A canonical word.
    Word(String),
    /// Any one word.
    Any,
    /// `$`: the phrase must be followed by the end of a sentence (`.`, `!`, `?`, `,`, `;`, `:`,
    /// `…`) or of the turn. Only at the end of a phrase.
    End,
}

/// The most word sequences one phrase may expand to.
pub const MAX_VARIANTS: usize = 20_000;

/// What is wrong with a phrase, and at which character (0-based) of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    pub at: usize,
    pub message: String,
}

fn err(at: usize, message: impl Into<String>) -> PhraseError {
    PhraseError {
        at,
        message: message.into(),
    }
}

/// Expands `phrase` into canonical word sequences, dropping `fillers`. Every sequence has at least
/// one word that is not `*`.
pub fn expand(phrase: &str, fillers: &[String]) -> Result<Vec<Vec<Token>>, PhraseError> {
    let chars: Vec<(usize, char)> = phrase.chars().enumerate().collect();
    let mut parser = Parser {
        chars: &chars,
        pos: 0,
        fillers,
    };
    let variants = parser.alternatives()?;
    if let Some(&(at, c)) = chars.get(parser.pos) {
        return Err(err(at, format!("unbalanced `{c}`: no group is open here")));
    }
    let mut out = Vec::with_capacity(variants.len());
    let mut seen = std::collections::HashSet::with_capacity(variants.len());
    for v in variants {
        if v.iter().rev().skip(1).any(|t| *t == Token::End) {
            return Err(err(0, "`$` (end of sentence) can only end a phrase"));
        }
        if !v.iter().any(|t| matches!(t, Token::Word(_))) {
            let what = if v.is_empty() {
                "a variant of this phrase has no words (after removing fillers and optional parts), so it can never match"
            } else {
                "a variant of this phrase is only `*`, so it would match every word"
            };
            return Err(err(0, what));
        }
        if seen.insert(v.clone()) {
            out.push(v);
        }
    }
    Ok(out)
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

    /// `seq ('|' seq)*`
    fn alternatives(&mut self) -> Result<Vec<Vec<Token>>, PhraseError> {
        let mut all = self.sequence()?;
        while self.peek() == Some('|') {
            self.pos += 1;
            let more = self.sequence()?;
            all.extend(more);
            if all.len() > MAX_VARIANTS {
                return Err(err(
                    self.pos,
                    format!(
                        "expands to more than {MAX_VARIANTS} variants; split it into several phrases"
                    ),
                ));
            }
        }
        Ok(all)
    }

    /// A sequence of items up to `|`, `)`, `]` or the end.
    fn sequence(&mut self) -> Result<Vec<Vec<Token>>, PhraseError> {
        let mut acc: Vec<Vec<Token>> = vec![Vec::new()];
        while let Some(c) = self.peek() {
            let start = self.pos;
            let item: Vec<Vec<Token>> = match c {
                '|' | ')' | ']' => break,
                '*' => {
                    self.pos += 1;
                    vec![vec![Token::Any]]
                }
                '$' => {
                    self.pos += 1;
                    vec![vec![Token::End]]
                }
                '(' | '[' => {
                    self.pos += 1;
                    let mut inner = self.alternatives()?;
                    let close = if c == '(' { ')' } else { ']' };
                    if self.peek() != Some(close) {
                        return Err(err(
                            self.chars[start].0,
                            format!("`{c}` is never closed with `{close}`"),
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
                    if c == '[' {
                        inner.push(Vec::new());
                    }
                    inner
                }
                _ => {
                    while self.peek().is_some_and(|c| !"()[]|*$".contains(c)) {
                        self.pos += 1;
                    }
                    let text: String = self.chars[start..self.pos]
                        .iter()
                        .map(|&(_, c)| c)
                        .collect();
                    let words = canonical_words(&text)
                        .into_iter()
                        .filter(|w| !self.fillers.contains(w))
                        .map(Token::Word)
                        .collect();
                    vec![words]
                }
            };
            let mut next = Vec::with_capacity(acc.len() * item.len());
            for a in &acc {
                for b in &item {
                    let mut v = a.clone();
                    v.extend(b.iter().cloned());
                    next.push(v);
                }
            }
            if next.len() > MAX_VARIANTS {
                return Err(err(
                    start,
                    format!(
                        "expands to more than {MAX_VARIANTS} variants; split it into several phrases"
                    ),
                ));
            }
            acc = next;
        }
        Ok(acc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(phrase: &str) -> Vec<String> {
        expand(phrase, &["um".to_string()])
            .unwrap()
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
    }

    #[test]
    fn phrases_that_cannot_match_are_errors() {
        assert!(expand("um", &["um".to_string()]).is_err());
        assert!(expand("[please]", &[]).is_err());
        assert!(expand("*", &[]).is_err());
        assert!(expand("...", &[]).is_err());
        let e = expand("(not my job", &[]).unwrap_err();
        assert!(e.message.contains("never closed"), "{}", e.message);
        assert_eq!(expand("not my job)", &[]).unwrap_err().at, 10);
        assert!(
            expand("i know $ you", &[])
                .unwrap_err()
                .message
                .contains("can only end")
        );
        let e = expand("your (own )?fault", &[]).unwrap_err();
        assert!(e.message.contains("regex syntax"), "{}", e.message);
    }
}
