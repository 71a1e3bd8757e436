//! Whole words that stand for two canonical words without an apostrophe: `cannot`, and the
//! contractions chat writes without one (`dont`, `thats`, `im`), so that `I dont know` reads
//! `i do not know` as `I don't know` does. One table serves both the canonical form
//! ([`super::canon`]) and the vocabulary, which gives each word its two symbols in its table.
//!
//! Only spellings that are no English word of their own are here: `its`, `well`, `were`, `ill`,
//! `id`, `hell`, `shell`, `wed`, `lets`, `hed`, `shed` and `hows` stay as they are written.
//! `cant` (hypocritical talk) and `wont` (a habit) are words too, but so rare beside the
//! contractions, and in customer talk above all, that reading them `can not` and `will not` is
//! right far more often than wrong: the default pack already listed `cant` as a spelling of
//! `can not`.

/// A word of [`SPLIT_WORDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitWord {
    /// The word as written, lowercase.
    pub word: &'static str,
    /// The byte where the second canonical word starts, where the contraction's apostrophe
    /// spelling parts it too: `do|nt` as `do|n't`, `wo|nt` as `wo|n't`, `that|s`, `can|not`.
    pub cut: usize,
    /// The two canonical words.
    pub parts: [&'static str; 2],
}

const fn w(word: &'static str, cut: usize, first: &'static str, second: &'static str) -> SplitWord {
    SplitWord {
        word,
        cut,
        parts: [first, second],
    }
}

/// Every split word, in the order of their spelling.
pub const SPLIT_WORDS: &[SplitWord] = &[
    w("aint", 2, "is", "not"),
    w("arent", 3, "are", "not"),
    w("cannot", 3, "can", "not"),
    w("cant", 2, "can", "not"),
    w("couldnt", 5, "could", "not"),
    w("couldve", 5, "could", "have"),
    w("didnt", 3, "did", "not"),
    w("doesnt", 4, "does", "not"),
    w("dont", 2, "do", "not"),
    w("hadnt", 3, "had", "not"),
    w("hasnt", 3, "has", "not"),
    w("havent", 4, "have", "not"),
    w("heres", 4, "here", "is"),
    w("hes", 2, "he", "is"),
    w("im", 1, "i", "am"),
    w("isnt", 2, "is", "not"),
    w("itll", 2, "it", "will"),
    w("ive", 1, "i", "have"),
    w("mightnt", 5, "might", "not"),
    w("mightve", 5, "might", "have"),
    w("mustnt", 4, "must", "not"),
    w("mustve", 4, "must", "have"),
    w("neednt", 4, "need", "not"),
    w("shant", 3, "shall", "not"),
    w("shes", 3, "she", "is"),
    w("shouldnt", 6, "should", "not"),
    w("shouldve", 6, "should", "have"),
    w("thatll", 4, "that", "will"),
    w("thats", 4, "that", "is"),
    w("theres", 5, "there", "is"),
    w("theyd", 4, "they", "would"),
    w("theyll", 4, "they", "will"),
    w("theyre", 4, "they", "are"),
    w("theyve", 4, "they", "have"),
    w("wasnt", 3, "was", "not"),
    w("werent", 4, "were", "not"),
    w("weve", 2, "we", "have"),
    w("whats", 4, "what", "is"),
    w("wheres", 5, "where", "is"),
    w("whos", 3, "who", "is"),
    w("wont", 2, "will", "not"),
    w("wouldnt", 5, "would", "not"),
    w("wouldve", 5, "would", "have"),
    w("youd", 3, "you", "would"),
    w("youll", 3, "you", "will"),
    w("youre", 3, "you", "are"),
    w("youve", 3, "you", "have"),
];

/// The longest word of [`SPLIT_WORDS`]: a longer word is none of them.
const LONGEST: usize = 8;

/// A word of at most [`LONGEST`] bytes as one number, its bytes little-endian.
const fn block(word: &[u8]) -> u64 {
    let mut block = 0;
    let mut i = 0;
    while i < word.len() {
        block |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    block
}

/// Slots of [`TABLE`]: a power of two, under half full.
const SLOTS: usize = 128;

/// The first slot to look in for a word's block.
const fn slot(block: u64) -> usize {
    (block.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize
}

/// Open addressing over [`SPLIT_WORDS`]: in each slot 1 + a word's index, or 0 for none. Every
/// phrase word, and every text word that leaves the vocabulary's fast path without an
/// apostrophe (`équipe`), is looked up here, so a word that is none of them mostly costs one
/// multiplication and finds an empty slot.
const TABLE: [u8; SLOTS] = {
    let mut table = [0u8; SLOTS];
    let mut i = 0;
    while i < SPLIT_WORDS.len() {
        let mut s = slot(block(SPLIT_WORDS[i].word.as_bytes()));
        while table[s] != 0 {
            s = (s + 1) % SLOTS;
        }
        table[s] = i as u8 + 1;
        i += 1;
    }
    table
};

/// The split word `norm` (a lowercase word) is, if any.
#[inline]
pub fn find(norm: &str) -> Option<&'static SplitWord> {
    let bytes = norm.as_bytes();
    if bytes.len() > LONGEST {
        return None;
    }
    let mut eight = [0u8; LONGEST];
    eight[..bytes.len()].copy_from_slice(bytes);
    let mut s = slot(u64::from_le_bytes(eight));
    loop {
        let split = SPLIT_WORDS.get(usize::from(TABLE[s]).checked_sub(1)?)?;
        if split.word.as_bytes() == bytes {
            return Some(split);
        }
        s = (s + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::canon::canonical_words;

    #[test]
    fn each_word_is_found_and_reads_as_its_apostrophe_spelling() {
        assert!(SPLIT_WORDS.len() * 2 < SLOTS);
        assert_eq!(
            SPLIT_WORDS.iter().map(|s| s.word.len()).max(),
            Some(LONGEST)
        );
        for s in SPLIT_WORDS {
            assert_eq!(find(s.word), Some(s));
            assert!(s.cut > 0 && s.cut < s.word.len(), "{s:?}");
            if s.word == "cannot" {
                continue;
            }
            // The apostrophe goes where the word parts, or one letter later in `n't`.
            let (stem, end) = s.word.split_at(s.cut);
            let apostrophe = match end.strip_prefix('n') {
                Some("t") => format!("{stem}n't"),
                _ => format!("{stem}'{end}"),
            };
            assert_eq!(canonical_words(&apostrophe), s.parts, "{s:?}");
        }
    }

    #[test]
    fn ordinary_words_are_not_split() {
        for word in [
            "its", "well", "were", "ill", "id", "hell", "shell", "wed", "lets", "hed", "shed",
            "hows", "don", "do", "not", "i", "a", "z", "dontt", "",
        ] {
            assert_eq!(find(word), None, "{word}");
        }
    }
}
