//! Warnings when the rules load about phrases that load but do not match as they read: written
//! in a script without spaces ([`unspaced`](super::unspaced)), escaping a punctuation mark
//! ([`escapes`](super::escapes)), holding a filler word, which is read as no word (German
//! `um` among the English fillers), an emoji, which parts words as punctuation does, or a
//! symbol joined to a word (`100%`, `C#`), which does too. One
//! loop over every phrase of every rule, wherever it is written (`phrases`, `unless`, `near`,
//! `not_near`, `after`, `when` conditions), so that no place is passed over; each warning
//! points at the phrase itself where its file shows it.

use super::{Rule, escapes, import, place, unspaced};

/// A warning for each phrase of `rules` that does not match as it reads; `files` are the rule
/// files as `(display name, text)`, to place each phrase in; `fillers` the words phrases are
/// read without.
pub(super) fn warnings(
    rules: &[Rule],
    files: &[super::load::RuleFile],
    fillers: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    let filler_words = FillerWords::new(fillers);
    for rule in rules {
        let o = &rule.origin;
        // A cloud file's phrases are its targets, not written as phrases: the rule's place.
        let text = files
            .iter()
            .find(|(name, _)| *name == o.file && !import::is_cloud(name))
            .map(|(_, text)| text.as_ref());
        for phrase in rule.phrases() {
            let p = phrase.text.as_str();
            let filler = filler("phrase", p, &filler_words);
            let emoji = emoji_warning("phrase", p);
            for says in [
                unspaced::warning("phrase", p),
                escapes::warning("phrase", p),
                filler,
                emoji,
                symbol_warning("phrase", p),
            ]
            .into_iter()
            .flatten()
            {
                let (line, column) = text
                    .and_then(|t| place::locate_in_rule(t, o.line, p))
                    .unwrap_or((o.line, o.column));
                out.push(format!(
                    "{}:{line}:{column}: rule `{}`: {says}",
                    o.file, rule.id
                ));
            }
        }
    }
    out
}

/// What to say of a lexicon's entry `text` that does not match as it reads, as a phrase's
/// warnings say it: written in a script without spaces, escaping a punctuation mark, holding a
/// filler, an emoji or a symbol.
pub(super) fn entry_warning(text: &str, fillers: &FillerWords) -> Option<String> {
    unspaced::warning("entry", text)
        .or_else(|| escapes::warning("entry", text))
        .or_else(|| filler("entry", text, fillers))
        .or_else(|| emoji_warning("entry", text))
        .or_else(|| symbol_warning("entry", text))
}

/// What to say of `phrase` (a `kind`: a phrase, or a lexicon's entry) when it holds an emoji or
/// a pictograph (`calm down 😡`), which words do not hold: the phrase matches the words without
/// it.
fn emoji_warning(kind: &str, phrase: &str) -> Option<String> {
    // Technical symbols (⏰), miscellaneous symbols and dingbats (☎ ✓), arrows and stars (⭐),
    // and the emoji blocks; not the CJK letters past them.
    let pictograph = |c: &char| {
        matches!(c, '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F000}'..='\u{1FAFF}')
    };
    // Every phrase of every pack is asked when the rules load; most are ASCII.
    if phrase.is_ascii() {
        return None;
    }
    let emoji = phrase.chars().find(pictograph)?;
    Some(format!(
        "its {kind} `{phrase}` holds `{emoji}`, which is no word: an emoji parts words as \
         punctuation does, so the phrase matches its words with or without it; to match the \
         emoji itself, write a `regex:`"
    ))
}

/// What to say of `phrase` (a `kind`, as above) when it holds a symbol that means something (`100%`, `C#`, `c++`,
/// `AT&T`, `price in €`): symbols part words, so `100%` matches `100 dollars` and `C#` every
/// `c`, and a fix rewrites the words and leaves the symbol (`fully%`).
fn symbol_warning(kind: &str, phrase: &str) -> Option<String> {
    const SYMBOLS: &str = "%#+&@=~^<>°€£¥¢₹₽₩₺₴₿©®™§‰±×÷→";
    // The ASCII ones, by byte: every phrase of every pack is asked when the rules load, and
    // most hold no symbol byte.
    const ASCII_SYMBOL: [bool; 128] = {
        let (mut table, bytes, mut i) = ([false; 128], SYMBOLS.as_bytes(), 0);
        while i < bytes.len() {
            if bytes[i] < 128 {
                table[bytes[i] as usize] = true;
            }
            i += 1;
        }
        table
    };
    let ascii_symbol = |&b: &u8| b < 128 && ASCII_SYMBOL[b as usize];
    if phrase.is_ascii() && !phrase.as_bytes().iter().any(ascii_symbol) {
        return None;
    }
    let symbol = phrase.chars().find(|&c| SYMBOLS.contains(c))?;
    Some(format!(
        "its {kind} `{phrase}` holds `{symbol}`, which is no word: symbols part words as \
         punctuation does, so the phrase matches its words with or without it (and a `replace:` \
         leaves it in place); to match `{symbol}` itself, write a `regex:`"
    ))
}

/// The filler words, ready to be looked for in every phrase and lexicon entry of every pack when
/// the rules load: a word is compared to them only where its length and first letter can be a
/// filler's, and an ASCII phrase is read byte by byte (the built-in pack's phrases and entries,
/// read character by character against every filler, cost a one-file check 2.3M instructions).
pub(super) struct FillerWords<'f> {
    fillers: &'f [String],
    /// Whether a byte starts a filler, in either case.
    first: [bool; 256],
    longest: usize,
}

impl<'f> FillerWords<'f> {
    pub(super) fn new(fillers: &'f [String]) -> FillerWords<'f> {
        let mut first = [false; 256];
        for b in fillers.iter().filter_map(|f| f.bytes().next()) {
            first[b.to_ascii_lowercase() as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
        }
        let longest = fillers.iter().map(String::len).max().unwrap_or(0);
        FillerWords {
            fillers,
            first,
            longest,
        }
    }

    /// The filler `phrase` holds as a word, if any.
    fn in_phrase(&self, phrase: &str) -> Option<&'f String> {
        if !phrase.is_ascii() {
            let is = |word: &str, filler: &String| {
                word.len() == filler.len()
                    && word.chars().flat_map(char::to_lowercase).eq(filler.chars())
            };
            let mut words = phrase.split(|c: char| !c.is_alphanumeric());
            return words.find_map(|word| self.fillers.iter().find(|f| is(word, f)));
        }
        let mut words = phrase.as_bytes().split(|b| !b.is_ascii_alphanumeric());
        words.find_map(|word| {
            let can =
                word.len() <= self.longest && word.first().is_some_and(|&b| self.first[b as usize]);
            can.then(|| {
                self.fillers
                    .iter()
                    .find(|f| word.eq_ignore_ascii_case(f.as_bytes()))
            })?
        })
    }
}

/// What to say of `phrase` (a `kind`: a rule's phrase, a lexicon's entry) when it holds one of
/// the filler `words`: it matches without it.
pub(super) fn filler(kind: &str, phrase: &str, words: &FillerWords) -> Option<String> {
    let filler = words.in_phrase(phrase)?;
    Some(format!(
        "its {kind} `{phrase}` holds `{filler}`, a filler word, which phrases and transcripts \
         are read without, so the phrase matches as if it were not there; where `{filler}` is a \
         word of your language (German `um`), list your language's fillers instead in the \
         config's `fillers:` (`fillers: [äh, ähm]`)"
    ))
}
