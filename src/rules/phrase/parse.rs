//! The phrase parser: characters to [`Item`]s, with every syntax error at its character.

use super::{Choice, Item, Lexicon, MAX_NESTING, PhraseError, err, regex_like};
use crate::rules::PHRASE_SYNTAX as META;
use crate::text::canon::Expander;

pub(super) struct Parser<'a, 'b> {
    pub chars: &'a [(usize, char)],
    pub pos: usize,
    /// How many groups are open.
    pub depth: usize,
    pub fillers: &'a [String],
    pub lexicon: &'a mut Lexicon<'b>,
    /// Kept from one run of words to the next: the buffer of the run's text, and the expander's.
    pub text: String,
    pub expander: Expander,
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }

    fn at(&self, pos: usize) -> usize {
        self.chars.get(pos).map_or(self.chars.len(), |&(at, _)| at)
    }

    /// `seq ('|' seq)*`; an alternative with nothing written in it is an error.
    pub fn alternatives(&mut self) -> Result<Vec<Vec<Item>>, PhraseError> {
        let mut begin = self.pos;
        let mut all = vec![self.sequence()?];
        while self.peek() == Some('|') {
            let bar = self.pos;
            let blank_before = self.blank(&all[all.len() - 1], begin, bar);
            self.pos += 1;
            begin = self.pos;
            all.push(self.sequence()?);
            if blank_before || self.blank(&all[all.len() - 1], begin, self.pos) {
                return Err(err(self.at(bar), EMPTY_ALTERNATIVE));
            }
        }
        Ok(all)
    }

    /// Whether the alternative `read` from the characters `start` to `end` holds no word:
    /// nothing but spaces and punctuation (`(calm|...)`, `(calm|\-)`). One that read as words
    /// holds one; so does one of fillers alone, which is warned of where it is.
    fn blank(&self, read: &[Item], start: usize, end: usize) -> bool {
        read.is_empty() && !self.written(start, end).any(char::is_alphanumeric)
    }

    /// The characters from `start` to `end`.
    fn written(&self, start: usize, end: usize) -> impl Iterator<Item = char> + '_ {
        let text = self.chars.get(start..end).unwrap_or_default();
        text.iter().map(|&(_, c)| c)
    }

    /// A sequence of items up to `|`, `)`, `]` or the end.
    fn sequence(&mut self) -> Result<Vec<Item>, PhraseError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' | ']' => break,
                '*' => {
                    self.star_ends_word()?;
                    self.pos += 1;
                    items.push(Item::Any);
                }
                '$' => {
                    self.pos += 1;
                    items.push(Item::End);
                }
                '(' | '[' => {
                    let open = self.pos;
                    items.push(Item::Choice(Choice::new(self.group(c)?)));
                    if let Some(e) = regex_like::joined_group(self.chars, open, self.pos) {
                        return Err(err(self.at(open), e));
                    }
                    self.no_star_after(c)?;
                }
                '{' => {
                    items.push(self.lexicon()?);
                    self.no_star_after(c)?;
                }
                '}' => {
                    return Err(err(
                        self.at(self.pos),
                        "unbalanced `}`: no `{name}` is open here; write `\\}` for the character",
                    ));
                }
                _ => self.words(&mut items)?,
            }
        }
        // Kept for the whole run, most of them one or two items long.
        items.shrink_to_fit();
        Ok(items)
    }

    /// Plain text up to the next syntax character: its canonical words, fillers dropped. A `*`
    /// right after a word makes it a stem (`refund*`).
    fn words(&mut self, items: &mut Vec<Item>) -> Result<(), PhraseError> {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        while let Some(c) = self.peek() {
            if c == '\\' {
                let Some(&(_, escaped)) = self.chars.get(self.pos + 1) else {
                    return Err(err(self.at(self.pos), "a `\\` at the end escapes nothing"));
                };
                if escaped.is_alphanumeric() {
                    return Err(err(self.at(self.pos), regex_escape(escaped)));
                }
                text.push(escaped);
                self.pos += 2;
                continue;
            }
            if META.contains(c) {
                break;
            }
            if matches!(c, '.' | '?')
                && let Some(e) = regex_like::quantifier(self.chars, self.pos)
            {
                return Err(err(self.at(self.pos), e));
            }
            text.push(c);
            self.pos += 1;
        }
        let mut words = Vec::new();
        self.expander.push_words(&text, &mut words);
        words.retain(|w| !self.fillers.contains(w));
        let stem = self.peek() == Some('*')
            && text.ends_with(|c: char| c.is_alphanumeric())
            && !words.is_empty();
        let last = if stem { words.pop() } else { None };
        items.extend(words.into_iter().map(Item::Word));
        if let Some(prefix) = last {
            self.star_ends_word()?;
            self.pos += 1;
            items.push(Item::Stem(prefix));
        }
        self.text = text;
        Ok(())
    }

    /// At a `*`: a letter or digit right after it is an error, as a `*` is never part of a
    /// word: `e*mail` would read as the stem `e*` and then the word `mail`, `*mail` as any
    /// word and then `mail`, and neither matches "email". The fix names the phrase's letters.
    fn star_ends_word(&self) -> Result<(), PhraseError> {
        let letter = |c: &&(usize, char)| c.1.is_alphanumeric();
        let text = |run: &[(usize, char)]| -> String { run.iter().map(|&(_, c)| c).collect() };
        let rest = self.chars.get(self.pos + 1..).unwrap_or_default();
        let head = self.chars.get(..self.pos).unwrap_or_default();
        let before = text(&head[head.len() - head.iter().rev().take_while(letter).count()..]);
        if rest.first().is_some_and(|&(_, c)| c == '*') {
            // `refund**` read as the stem and then any word; `**` as two words.
            let fix = match before.is_empty() {
                true => {
                    "`* *` for any two words, or `word*` for the words that begin with \"word\""
                        .to_string()
                }
                false => format!(
                    "`{before}*` for the words that begin with \"{before}\", or `{before}* *` for one of them and any word"
                ),
            };
            return Err(err(
                self.at(self.pos),
                format!("`**`: a `*` right after a `*`; write {fix}"),
            ));
        }
        let after = text(&rest[..rest.iter().take_while(letter).count()]);
        if after.is_empty() {
            return Ok(());
        }
        let fix = if before.is_empty() {
            format!(
                "write `* {after}` for any word and then \"{after}\", or list the whole words that end in \"{after}\" as alternatives in `(…|…)`"
            )
        } else {
            format!(
                "write the spellings as alternatives, `({before}{after}|{before}-{after})`, or end the stem at the `*`: `{before}*`"
            )
        };
        Err(err(
            self.at(self.pos),
            format!(
                "a `*` inside a word: `*` is one whole word or ends a stem (`refund*`), never letters within a word; {fix}"
            ),
        ))
    }

    /// After a group or a lexicon slot opened by `open`: a `*` glued to its end is an error. It
    /// read as a word of its own, so `(refund|return)* now` matched "refund it now" and not
    /// "refunds now"; a stem is written on its word.
    fn no_star_after(&self, open: char) -> Result<(), PhraseError> {
        if self.peek() != Some('*') {
            return Ok(());
        }
        // Letters after it (`(e|x)*mail`) are the error to fix first.
        self.star_ends_word()?;
        let (what, example) = match open {
            '{' => ("a lexicon slot", "`{name}` whose entries end in `*`"),
            _ => ("a group", "each alternative: `(refund*|return*)`"),
        };
        Err(err(
            self.at(self.pos),
            format!(
                "a `*` right after {what}: a stem's `*` ends its word, so write it on {example}; \
                 for any word after it, put a space before the `*`"
            ),
        ))
    }

    /// `{name}`: the lexicon's entries as one choice.
    fn lexicon(&mut self) -> Result<Item, PhraseError> {
        let start = self.pos;
        self.pos += 1;
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|&c| c != '}') {
            name.push(c);
            self.pos += 1;
        }
        if self.peek() != Some('}') {
            return Err(err(self.at(start), "`{` is never closed with `}`"));
        }
        self.pos += 1;
        let entries =
            (self.lexicon)(name.trim()).map_err(|message| err(self.at(start), message))?;
        if self.depth + entries.depth() > MAX_NESTING {
            return Err(too_deep(self.at(start)));
        }
        Ok(Item::Choice(entries))
    }

    /// `(…)` or `[…]` starting at the current position; `[…]` adds the empty choice.
    fn group(&mut self, open: char) -> Result<Vec<Vec<Item>>, PhraseError> {
        let start = self.pos;
        if self.depth == MAX_NESTING {
            return Err(too_deep(self.at(start)));
        }
        self.pos += 1;
        if open == '(' && self.peek() == Some('?') {
            return Err(err(self.at(start), regex_like::flag_group()));
        }
        self.depth += 1;
        let mut alternatives = self.alternatives()?;
        self.depth -= 1;
        let close = if open == '(' { ')' } else { ']' };
        if self.peek() != Some(close) {
            return Err(err(
                self.at(start),
                format!("`{open}` is never closed with `{close}`"),
            ));
        }
        // Nothing written in it; optional punctuation (`you[?]`, `sir[,]`) is a harmless no-op.
        if self.written(start + 1, self.pos).all(char::is_whitespace) {
            return Err(err(
                self.at(start),
                format!("`{open}{close}` holds nothing: write words in it, or leave it out"),
            ));
        }
        self.pos += 1;
        // `[más]?` is optional either way: as regex, or as a question's mark, which a phrase
        // does not match. `(a|b)?` is optional as regex and not as a question.
        let after = self.chars.get(self.pos + 1).map(|&(_, c)| c);
        match self.peek() {
            // `[más]??`, `[más]?+` are regex's, as `[más]+` is.
            Some('?') if open == '[' && !matches!(after, Some('?' | '+' | '*')) => {}
            Some(q @ ('?' | '+')) => {
                let question = match q {
                    '?' => "; a question's `?` after a group is written after a space: `(a|b) ?`",
                    _ => "",
                };
                return Err(err(
                    self.at(self.pos),
                    format!(
                        "`{close}{q}` is regex syntax, not phrase syntax; write optional words in \
                         brackets: `[own]`, `[a|b]`{question}"
                    ),
                ));
            }
            _ => {}
        }
        if open == '[' {
            alternatives.push(Vec::new());
        }
        Ok(alternatives)
    }
}

/// Why `(calm|relax|) down` is an error: the empty alternative made the group optional, so the
/// phrase matched "down" alone.
const EMPTY_ALTERNATIVE: &str = "a `|` beside an alternative with no word in it, which would \
     make its group optional (`(calm|relax|) down` would match \"down\" alone); remove the extra \
     `|`, or write optional words in brackets: `[calm|relax] down`";

/// Why `\` before a letter or digit (`\b`, `\s+`, `\d`) is an error: it is a regex class, and a
/// phrase would read it as the letter itself (`\bcalm down\b` as `bcalm downb`), matching nothing.
fn regex_escape(letter: char) -> String {
    let fix = match letter {
        'b' | 'B' => "phrases match whole words already: leave the `\\b` out",
        's' | 'S' => "words are separated by any spaces and punctuation already: write a space",
        'w' | 'W' => "write `*` for any one word, or `refund*` for a word's beginning",
        _ => "to match a pattern of characters, write a `regex:` instead of `phrases:`",
    };
    format!(
        "`\\{letter}` is regex syntax, not phrase syntax: `\\` only makes a phrase syntax character \
         (`(`, `)`, `[`, `]`, `|`, `*`, `$`, `{{`, `}}`, `\\`) stand for itself; {fix}"
    )
}

fn too_deep(at: usize) -> PhraseError {
    err(
        at,
        format!(
            "groups and lexicons nest more than {MAX_NESTING} deep here; write the phrase flatter"
        ),
    )
}
