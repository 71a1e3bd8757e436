//! The vocabulary: every canonical word that occurs in some phrase gets a small symbol id, and a
//! text becomes a stream of symbols (one per canonical word, fillers dropped, unknown words as
//! [`OTHER`]). The matcher then runs one automaton over symbols instead of bytes, which is several
//! times less work than matching hundreds of phrases byte by byte.
//!
//! Symbols are written two bytes each — `0x80 | id >> 7`, `id & 0x7F` — so a pattern can only
//! match at a symbol boundary: a byte with the high bit set always starts a symbol.

use super::canon::{self, Words};

/// A symbol id.
pub type Sym = u16;
/// A word no phrase uses.
pub const OTHER: Sym = 0;
/// Separates turns; no pattern contains it, so no match spans two turns.
pub const BREAK: Sym = 1;
const FIRST_WORD: Sym = 2;
/// The most symbols the two-byte encoding holds.
pub const MAX_SYMBOLS: usize = 1 << 14;

/// Appends the two-byte encoding of `sym`.
#[inline(always)]
pub fn encode(sym: Sym, out: &mut Vec<u8>) {
    out.push(0x80 | (sym >> 7) as u8);
    out.push((sym & 0x7F) as u8);
}

/// A hash of a word's bytes with ASCII letters folded to lowercase. Only the hash folds; equality
/// is checked separately.
#[inline(always)]
fn hash_folded(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ (u64::from_le_bytes(word) | 0x2020_2020_2020_2020)).wrapping_mul(K);
        h = h.rotate_left(27);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h ^ (u64::from_le_bytes(word) | 0x2020_2020_2020_2020)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// What a table entry stands for.
#[derive(Clone, Debug)]
struct Entry {
    word: Box<str>,
    /// The symbols the word becomes: one for a vocabulary word, two for a split word such as
    /// `cannot`, none for a filler.
    syms: [Sym; 2],
    len: u8,
}

/// The word → symbols table, built once from the loaded rules.
#[derive(Clone, Debug)]
pub struct Vocab {
    /// Open addressing with linear probing; `u32::MAX` is an empty slot, else an index into `entries`.
    slots: Vec<u32>,
    hashes: Vec<u64>,
    entries: Vec<Entry>,
    /// Symbol id → word, for display and tests.
    words: Vec<Box<str>>,
}

impl Vocab {
    /// Builds the table for `words` (canonical, deduplicated by the caller) and `fillers`
    /// (canonical words to skip). Fails when there are more words than symbols.
    pub fn new(words: &[String], fillers: &[String]) -> Result<Vocab, usize> {
        if words.len() + FIRST_WORD as usize > MAX_SYMBOLS {
            return Err(words.len());
        }
        let mut names: Vec<Box<str>> = vec!["<other>".into(), "<break>".into()];
        names.extend(words.iter().map(|w| w.as_str().into()));
        let mut entries: Vec<Entry> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if fillers.contains(w) {
                continue;
            }
            entries.push(Entry {
                word: w.as_str().into(),
                syms: [FIRST_WORD + i as Sym, 0],
                len: 1,
            });
        }
        for f in fillers {
            entries.push(Entry {
                word: f.as_str().into(),
                syms: [0, 0],
                len: 0,
            });
        }
        let mut vocab = Vocab {
            slots: Vec::new(),
            hashes: Vec::new(),
            entries,
            words: names,
        };
        for (whole, parts) in canon::SPLIT_WORDS {
            let syms = [vocab.symbol_of(parts[0]), vocab.symbol_of(parts[1])];
            if syms != [OTHER, OTHER] {
                vocab.entries.push(Entry {
                    word: (*whole).into(),
                    syms,
                    len: 2,
                });
            }
        }
        vocab.build_table();
        Ok(vocab)
    }

    fn symbol_of(&self, word: &str) -> Sym {
        self.words
            .iter()
            .position(|w| &**w == word)
            .map_or(OTHER, |i| i as Sym)
    }

    fn build_table(&mut self) {
        let size = (self.entries.len() * 8).next_power_of_two().max(64);
        self.slots = vec![u32::MAX; size];
        self.hashes = vec![0; size];
        for (i, e) in self.entries.iter().enumerate() {
            let h = hash_folded(e.word.as_bytes());
            let mut s = h as usize & (size - 1);
            while self.slots[s] != u32::MAX {
                s = (s + 1) & (size - 1);
            }
            self.slots[s] = i as u32;
            self.hashes[s] = h;
        }
    }

    /// The symbols of a canonical word; `ascii_fold` compares ASCII case-insensitively (for plain
    /// words straight from the text).
    #[inline(always)]
    fn lookup(&self, word: &[u8], ascii_fold: bool) -> &[Sym] {
        let h = hash_folded(word);
        let mask = self.slots.len() - 1;
        let mut s = h as usize & mask;
        loop {
            let slot = self.slots[s];
            if slot == u32::MAX {
                return &[OTHER];
            }
            if self.hashes[s] == h {
                let e = &self.entries[slot as usize];
                let same = if ascii_fold {
                    e.word.as_bytes().eq_ignore_ascii_case(word)
                } else {
                    e.word.as_bytes() == word
                };
                if same {
                    return &e.syms[..e.len as usize];
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// The symbol of a canonical phrase word (which must be in the vocabulary).
    pub fn symbol(&self, word: &str) -> Option<Sym> {
        match self.lookup(word.as_bytes(), false) {
            [one] if *one != OTHER => Some(*one),
            _ => None,
        }
    }

    /// The word behind a symbol.
    pub fn word(&self, sym: Sym) -> &str {
        self.words.get(sym as usize).map_or("<?>", |w| w)
    }

    /// Appends the symbols of `text` to `stream`, and for each symbol its byte range in `text`
    /// shifted by `base`.
    pub fn symbolize(&self, text: &str, base: u32, stream: &mut SymbolStream) {
        for w in Words::new(text) {
            let raw = &text[w.start..w.end];
            if w.plain {
                let syms = self.lookup(raw.as_bytes(), true);
                // A split word such as `cannot`: its symbols share the word's range.
                for &sym in syms {
                    stream.push(sym, base + w.start as u32, base + w.end as u32);
                }
                continue;
            }
            let expanded = stream.expander.expand(raw);
            for p in expanded.pieces {
                for &sym in self.lookup(expanded.word(p).as_bytes(), false) {
                    let span = (base + (w.start + p.start) as u32, base + (w.start + p.end) as u32);
                    encode(sym, &mut stream.bytes);
                    stream.spans.push(span);
                }
            }
        }
    }
}

/// A text as symbols: two bytes per symbol for the automaton, and each symbol's byte range.
#[derive(Default, Debug)]
pub struct SymbolStream {
    pub bytes: Vec<u8>,
    pub spans: Vec<(u32, u32)>,
    /// Buffers for words that need normalising.
    expander: canon::Expander,
}

impl SymbolStream {
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.spans.clear();
    }

    #[inline(always)]
    pub fn push(&mut self, sym: Sym, start: u32, end: u32) {
        encode(sym, &mut self.bytes);
        self.spans.push((start, end));
    }

    /// The symbol at index `i`.
    #[inline]
    pub fn sym(&self, i: usize) -> Sym {
        (((self.bytes[2 * i] & 0x7F) as Sym) << 7) | self.bytes[2 * i + 1] as Sym
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocab {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        Vocab::new(&words, &["um".into(), "uh".into()]).unwrap()
    }

    fn syms(v: &Vocab, text: &str) -> Vec<String> {
        let mut s = SymbolStream::default();
        v.symbolize(text, 0, &mut s);
        (0..s.len()).map(|i| v.word(s.sym(i)).to_string()).collect()
    }

    #[test]
    fn words_become_symbols_and_fillers_vanish() {
        let v = vocab(&["out", "of", "my", "hands", "it", "is", "can", "not"]);
        assert_eq!(
            syms(&v, "It’s UH out of my Hands!"),
            ["it", "is", "out", "of", "my", "hands"]
        );
        assert_eq!(
            syms(&v, "we cannot go"),
            ["<other>", "can", "not", "<other>"]
        );
        assert_eq!(syms(&v, "handsome"), ["<other>"]);
    }

    #[test]
    fn spans_point_at_the_original_bytes() {
        let v = vocab(&["that", "is", "not"]);
        let text = "Well, that’s NOT it";
        let mut s = SymbolStream::default();
        v.symbolize(text, 10, &mut s);
        let quoted: Vec<&str> = s
            .spans
            .iter()
            .map(|&(a, b)| &text[a as usize - 10..b as usize - 10])
            .collect();
        assert_eq!(quoted, ["Well", "that", "’s", "NOT", "it"]);
    }

    #[test]
    fn encoding_round_trips() {
        let mut s = SymbolStream::default();
        for sym in [0, 1, 127, 128, 5000, (MAX_SYMBOLS - 1) as Sym] {
            s.push(sym, 0, 0);
        }
        let back: Vec<Sym> = (0..s.len()).map(|i| s.sym(i)).collect();
        assert_eq!(back, [0, 1, 127, 128, 5000, (MAX_SYMBOLS - 1) as Sym]);
    }
}
