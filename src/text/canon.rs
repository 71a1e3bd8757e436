//! Canonical form of words, per SPEC §3: case folding (lowercase, and a few foldings beyond it:
//! see [`fold`]), every apostrophe spelling as `'`,
//! punctuation as a word boundary, contractions expanded (`that's` → `that is`).
//!
//! Words are found by [`Words`] in the original text, so a match on canonical words maps straight
//! back to the original bytes. Plain ASCII words (the vast majority) take a fast path that needs no
//! allocation; words with apostrophes or non-ASCII letters are normalised here.

use super::perfect;
use super::words::Words;

/// One canonical word produced from a raw word, with the byte range of the raw text it came from
/// (relative to the start of the raw word).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    word: PieceWord,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PieceWord {
    /// A range of the normalised word.
    Norm(usize, usize),
    /// A fixed expansion (`not`, `will`, `is`, …).
    Fixed(&'static str),
}

/// The pieces of one expanded word.
pub struct Expanded<'a> {
    norm: &'a str,
    pub pieces: &'a [Piece],
}

impl Expanded<'_> {
    /// The canonical word of a piece.
    pub fn word(&self, p: &Piece) -> &str {
        match p.word {
            PieceWord::Norm(a, b) => &self.norm[a..b],
            PieceWord::Fixed(w) => w,
        }
    }

    /// The auxiliary a contraction ends in (`is` of `it's`, `would` of `I'd`), which reads
    /// otherwise before a participle ([`super::perfect`]).
    pub fn contracted_auxiliary(&self) -> Option<&'static str> {
        match self.pieces {
            [_, last] => match last.word {
                PieceWord::Fixed(w @ ("is" | "would")) => Some(w),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Spoken fillers skipped when matching (SPEC §3); the config's `fillers:` replaces this list.
pub const DEFAULT_FILLERS: &[&str] = &["um", "umm", "uh", "uhh", "uhm", "erm", "hmm", "hm"];

/// Whether `'s` after `stem` means `is` (`that's` → `that is`); elsewhere `'s` is a possessive.
fn is_after(stem: &str) -> bool {
    matches!(
        stem,
        "it" | "that"
            | "there"
            | "here"
            | "he"
            | "she"
            | "what"
            | "who"
            | "where"
            | "how"
            | "this"
            | "everything"
            | "nothing"
            | "something"
            | "someone"
            | "somebody"
            | "everyone"
            | "everybody"
            | "nobody"
            | "why"
            | "when"
    )
}

/// Expands raw words into canonical words: lowercase, apostrophes unified, contractions split.
/// Keeps its buffers between words, so the hot path allocates nothing once warm.
#[derive(Default, Debug)]
pub struct Expander {
    norm: String,
    /// For each byte of `norm` (and one past the end), the raw byte offset it came from.
    origin: Vec<usize>,
    pieces: Vec<Piece>,
}

impl Expander {
    /// Appends the canonical words of a whole text to `out`, in order, without filler removal.
    pub fn push_words(&mut self, text: &str, out: &mut Vec<String>) {
        for w in Words::new(text) {
            let e = self.expand(&text[w.start..w.end]);
            out.extend(e.pieces.iter().map(|p| e.word(p).to_string()));
            let reading = perfect::reading(&e).filter(|_| perfect::participle_follows(text, w.end));
            if let (Some(reading), Some(last)) = (reading, out.last_mut()) {
                *last = reading.to_string();
            }
        }
    }

    /// Expands `raw`, a word as the scanner found it.
    pub fn expand(&mut self, raw: &str) -> Expanded<'_> {
        self.norm.clear();
        self.origin.clear();
        self.pieces.clear();
        for (i, c) in super::compose::chars(raw) {
            let c = match super::punct::is_apostrophe(c) {
                true => '\'',
                false => c,
            };
            if c.is_ascii() {
                self.origin.push(i);
                self.norm.push(c.to_ascii_lowercase());
                continue;
            }
            match fold(c) {
                Fold::Drop => {}
                Fold::To(folded) => {
                    self.origin.extend(std::iter::repeat_n(i, folded.len()));
                    self.norm.push_str(folded);
                }
                Fold::Lower => {
                    for lower in c.to_lowercase() {
                        self.origin.extend(std::iter::repeat_n(i, lower.len_utf8()));
                        self.norm.push(lower);
                    }
                }
            }
        }
        self.origin.push(raw.len());
        split(&self.norm, &self.origin, raw.len(), &mut self.pieces);
        Expanded {
            norm: &self.norm,
            pieces: &self.pieces,
        }
    }
}

/// How a non-ASCII character of a word is folded.
pub(crate) enum Fold {
    /// Left out: an invisible character inside a word (a zero-width space, a soft hyphen), or a
    /// mark its writer may as well leave out (Arabic's vowel marks, Hebrew's points).
    Drop,
    /// Written as this text.
    To(&'static str),
    /// Written as its lowercase.
    Lower,
}

/// Case folding beyond lowercase, where lowercase alone leaves two spellings of one word: final
/// `ς` is `σ` (capital `Σ` lowercases to `σ` wherever it stands), `İ` is `i` (not `i` and a
/// combining dot), `ß` and `ẞ` are `ss` (`STRASSE` = `straße`), and full-width Latin letters
/// and digits are ASCII (`ＯＫ` = `ok`). Marks that Arabic and Hebrew write only at times are
/// left out: Arabic's short vowels, tanween, shadda and sukun, its superscript alef and the
/// tatweel that stretches a word (`لَا أَعْـــرِفُ` = `لا أعرف`); Hebrew's vowel points, shin and
/// sin dots and cantillation marks (`אֵין` = `אין`). Everyday chat leaves them out, and a phrase
/// written with or without them matches text written either way. Every folded character keeps
/// its own bytes as its origin, so a match still maps back to the original text.
pub(crate) fn fold(c: char) -> Fold {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let ascii = |k: u32| Fold::To(&ASCII[k as usize..k as usize + 1]);
    match c {
        c if super::words::is_ignorable(c) => Fold::Drop,
        '\u{064B}'..='\u{0652}' | '\u{0656}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => Fold::Drop,
        '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'
        | '\u{05C2}'
        | '\u{05C4}'
        | '\u{05C5}'
        | '\u{05C7}' => Fold::Drop,
        'ς' => Fold::To("σ"),
        'İ' => Fold::To("i"),
        'ß' | 'ẞ' => Fold::To("ss"),
        '０'..='９' => ascii(c as u32 - '０' as u32),
        'Ａ'..='Ｚ' => ascii(c as u32 - 'Ａ' as u32 + 10),
        'ａ'..='ｚ' => ascii(c as u32 - 'ａ' as u32 + 10),
        _ => Fold::Lower,
    }
}

/// Splits a normalised word into canonical pieces; a word of marks alone (`ـــ`, a stray shadda)
/// has none, as a run of zero-width spaces is no word.
fn split(norm: &str, origin: &[usize], raw_len: usize, out: &mut Vec<Piece>) {
    if norm.is_empty() {
        return;
    }
    let whole = |out: &mut Vec<Piece>| {
        out.push(Piece {
            word: PieceWord::Norm(0, norm.len()),
            start: 0,
            end: raw_len,
        })
    };
    let Some(apos) = norm.rfind('\'') else {
        // `cannot`, `dont`: two words without an apostrophe.
        let Some(split) = super::split_words::find(norm) else {
            return whole(out);
        };
        let [first, second] = split.parts;
        out.push(Piece {
            word: PieceWord::Fixed(first),
            start: 0,
            end: origin[split.cut],
        });
        out.push(Piece {
            word: PieceWord::Fixed(second),
            start: origin[split.cut],
            end: raw_len,
        });
        return;
    };
    if let Some(cut) = super::elision::elision(norm) {
        // `l'` stays a word of its own, and the word after it is found alone.
        out.push(Piece {
            word: PieceWord::Norm(0, cut),
            start: 0,
            end: origin[cut],
        });
        out.push(Piece {
            word: PieceWord::Norm(cut, norm.len()),
            start: origin[cut],
            end: raw_len,
        });
        return;
    }
    if let Some(base) = norm.strip_suffix("n't") {
        let cut = base.len();
        let word = match base {
            "ca" => PieceWord::Fixed("can"),
            "wo" => PieceWord::Fixed("will"),
            "sha" => PieceWord::Fixed("shall"),
            "ai" => PieceWord::Fixed("is"),
            _ => PieceWord::Norm(0, cut),
        };
        if cut > 0 {
            out.push(Piece {
                word,
                start: 0,
                end: origin[cut],
            });
        }
        out.push(Piece {
            word: PieceWord::Fixed("not"),
            start: origin[cut],
            end: raw_len,
        });
        return;
    }
    let (stem, suffix) = (&norm[..apos], &norm[apos + 1..]);
    let second = match suffix {
        "ll" => "will",
        "re" => "are",
        "ve" => "have",
        "m" => "am",
        "d" => "would",
        "s" if stem == "let" => "us",
        "s" if is_after(stem) => "is",
        _ => return whole(out),
    };
    if stem.is_empty() {
        return whole(out);
    }
    out.push(Piece {
        word: PieceWord::Norm(0, apos),
        start: 0,
        end: origin[apos],
    });
    out.push(Piece {
        word: PieceWord::Fixed(second),
        start: origin[apos],
        end: raw_len,
    });
}

/// The canonical words of a whole text, in order, without filler removal. Used for phrases.
pub fn canonical_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    Expander::default().push_words(text, &mut out);
    out
}

#[cfg(test)]
#[path = "canon_tests.rs"]
mod tests;
