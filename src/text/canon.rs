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

/// Splits a normalised word into canonical pieces.
fn split(norm: &str, origin: &[usize], raw_len: usize, out: &mut Vec<Piece>) {
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
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Words::new(text).map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn a_contraction_before_a_participle_reads_has_or_had() {
        assert_eq!(canonical_words("It's been"), ["it", "has", "been"]);
        assert_eq!(
            canonical_words("I'd never been"),
            ["i", "had", "never", "been"]
        );
        assert_eq!(canonical_words("she's got"), ["she", "has", "got"]);
        assert_eq!(canonical_words("it's done"), ["it", "is", "done"]);
        assert_eq!(canonical_words("it is been"), ["it", "is", "been"]);
        assert_eq!(canonical_words("let's get"), ["let", "us", "get"]);
        assert_eq!(canonical_words("thats been"), ["that", "has", "been"]);
    }

    #[test]
    fn an_elided_article_or_pronoun_is_a_word_of_its_own() {
        assert_eq!(canonical_words("L’équipe"), ["l'", "équipe"]);
        assert_eq!(
            canonical_words("j'ai qu'il dell'ordine"),
            ["j'", "ai", "qu'", "il", "dell'", "ordine"]
        );
        assert_eq!(canonical_words("aujourd'hui"), ["aujourd'hui"]);
        // English words of the same shapes stay as they were.
        assert_eq!(
            canonical_words("all's I'd don't"),
            ["all's", "i", "would", "do", "not"]
        );
        let e = Expander::default().expand("l’équipe").pieces.to_vec();
        assert_eq!((e[0].start, e[0].end, e[1].start, e[1].end), (0, 4, 4, 11));
    }

    #[test]
    fn curly_apostrophe_stays_inside_a_word() {
        assert_eq!(words("it’s out"), ["it’s", "out"]);
        assert_eq!(canonical_words("It’s OUT"), ["it", "is", "out"]);
    }

    #[test]
    fn contractions_expand() {
        assert_eq!(canonical_words("that's"), ["that", "is"]);
        assert_eq!(
            canonical_words("can't won't don't"),
            ["can", "not", "will", "not", "do", "not"]
        );
        assert_eq!(
            canonical_words("I'm I'll you're we've I'd let's"),
            [
                "i", "am", "i", "will", "you", "are", "we", "have", "i", "would", "let", "us"
            ]
        );
        assert_eq!(canonical_words("cannot"), ["can", "not"]);
        assert_eq!(
            canonical_words("Dont thats IM wont its well were ill"),
            [
                "do", "not", "that", "is", "i", "am", "will", "not", "its", "well", "were", "ill"
            ]
        );
        assert_eq!(canonical_words("manufacturer's"), ["manufacturer's"]);
    }

    /// Each canonical piece of `raw` and the raw text it comes from.
    fn pieces(raw: &str) -> Vec<(String, &str)> {
        let mut expander = Expander::default();
        let e = expander.expand(raw);
        let pieces = e.pieces.iter();
        pieces
            .map(|p| (e.word(p).to_string(), &raw[p.start..p.end]))
            .collect()
    }

    #[test]
    fn pieces_point_back_into_the_raw_word() {
        let owned = |v: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
            v.iter().map(|(w, r)| (w.to_string(), *r)).collect()
        };
        assert_eq!(pieces("Can’t"), owned(&[("can", "Ca"), ("not", "n’t")]));
        assert_eq!(pieces("THAT’S"), owned(&[("that", "THAT"), ("is", "’S")]));
        // Without the apostrophe, the word parts where that spelling does.
        assert_eq!(pieces("Wont"), owned(&[("will", "Wo"), ("not", "nt")]));
        assert_eq!(
            pieces("ＤＯＮＴ"),
            owned(&[("do", "ＤＯ"), ("not", "ＮＴ")])
        );
        assert_eq!(pieces("thats"), owned(&[("that", "that"), ("is", "s")]));
    }

    #[test]
    fn folding_beyond_lowercase() {
        assert_eq!(canonical_words("ΣΑΣ σας"), ["σασ", "σασ"]);
        assert_eq!(canonical_words("İade İADE"), ["iade", "iade"]);
        assert_eq!(canonical_words("STRASSE Straße STRAẞE"), ["strasse"; 3]);
        assert_eq!(canonical_words("ＯＫ，Ｎｏ１"), ["ok", "no1"]);
        assert_eq!(
            canonical_words("depart\u{200B}ment de\u{00AD}part\u{2060}ment"),
            ["department"; 2]
        );
        assert_eq!(
            canonical_words("لَا أَعْـــرِفُ אֵין לִי מוּשָּׂג"),
            canonical_words("لا أعرف אין לי מושג")
        );
        let got = pieces("Stra\u{00AD}ße’ll");
        assert_eq!(got[0], ("strasse".to_string(), "Stra\u{00AD}ße"));
        assert_eq!(got[1], ("will".to_string(), "’ll"));
    }

    #[test]
    fn non_ascii_letters_are_word_characters() {
        assert_eq!(words("café déjà-vu"), ["café", "déjà", "vu"]);
        assert_eq!(canonical_words("CAFÉ"), ["café"]);
    }
}
