//! The vocabulary: every canonical word that occurs in some phrase gets a small symbol id, and a
//! text becomes a stream of symbols (one per canonical word, fillers dropped, unknown words as
//! [`OTHER`]). The matcher then runs one automaton over symbols instead of bytes, which is several
//! times less work than matching hundreds of phrases byte by byte.

use crate::text::canon::{self, Words};

/// A symbol id.
pub type Sym = u16;
/// A word no phrase uses.
pub const OTHER: Sym = 0;
/// Separates turns; no pattern contains it, so no match spans two turns.
pub const BREAK: Sym = 1;
const FIRST_WORD: Sym = 2;
/// The most symbols a [`Sym`] holds.
pub const MAX_SYMBOLS: usize = 1 << 16;

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const FOLD: u64 = 0x2020_2020_2020_2020;

#[inline(always)]
fn mix(h: u64, block: u64) -> u64 {
    (h ^ (block | FOLD)).wrapping_mul(K)
}

#[inline(always)]
fn finish(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// A hash of a word's bytes with ASCII letters folded to lowercase (`| 0x20` leaves digits and
/// `'` as they are). Only the hash folds; equality is checked separately.
#[inline(always)]
fn hash_folded(bytes: &[u8]) -> u64 {
    if bytes.len() <= 8 {
        let mut block = [0u8; 8];
        block[..bytes.len()].copy_from_slice(bytes);
        return finish(mix(bytes.len() as u64, u64::from_le_bytes(block)));
    }
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks(8);
    for chunk in &mut chunks {
        let mut block = [0u8; 8];
        block[..chunk.len()].copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(block)).rotate_left(27);
    }
    finish(h)
}

/// `KEEP[n]` keeps the low `n` bytes of a block.
const KEEP: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (n * 8)) - 1;
        n += 1;
    }
    t
};

/// The first (at most) eight bytes of a word as a little-endian block, zero-padded; read with
/// one unaligned load when eight bytes are available.
#[inline(always)]
fn block_at(text: &[u8], start: usize, len: usize) -> u64 {
    let mut block = [0u8; 8];
    match text.get(start..start + 8) {
        Some(eight) => {
            block.copy_from_slice(eight);
            let v = u64::from_le_bytes(block);
            v & KEEP[len.min(8)]
        }
        None => {
            let n = len.min(8);
            block[..n].copy_from_slice(&text[start..start + n]);
            u64::from_le_bytes(block)
        }
    }
}

/// The comparison key of a word of at most eight bytes: its folded block. For words of ASCII
/// letters and digits, equal keys mean equal words up to ASCII case (`| 0x20` only folds case
/// there, and the padding folds to spaces, which no word contains). Longer words have no key.
#[inline(always)]
fn short_key(bytes: &[u8]) -> u64 {
    if bytes.len() > 8 {
        return 0;
    }
    block_at(bytes, 0, bytes.len()) | FOLD
}

/// One slot of the open-addressing table.
#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: u64,
    key: u64,
    /// Index into `entries`; [`EMPTY`] for an empty slot.
    entry: u32,
}

/// An empty slot points at the first entry, which stands for [`OTHER`]: an empty slot answers
/// like a word no phrase uses, so the usual lookup reads its answer without a branch on it.
const EMPTY: u32 = 0;

/// What a table entry stands for.
#[derive(Clone, Debug)]
struct Entry {
    word: Box<str>,
    /// The symbols the word becomes: one for a vocabulary word, two for a split word such as
    /// `cannot`, none for a filler.
    syms: [Sym; 2],
    len: u8,
    /// For a split word, the length of its first part (`can` of `cannot`).
    cut: u8,
}

/// The word → symbols table, built once from the loaded rules.
#[derive(Clone, Debug)]
pub struct Vocab {
    /// Open addressing with linear probing, at most one eighth full.
    slots: Vec<Slot>,
    /// What each word stands for; the first entry is [`OTHER`], where empty slots point.
    entries: Vec<Entry>,
    /// Symbol id → word, for display and tests.
    words: Vec<Box<str>>,
    /// Unique to this vocabulary (and its clones), for [`Memo`].
    id: u64,
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
        let mut entries: Vec<Entry> = vec![Entry {
            word: "".into(),
            syms: [OTHER, 0],
            len: 1,
            cut: 0,
        }];
        for (i, w) in words.iter().enumerate() {
            if fillers.contains(w) {
                continue;
            }
            entries.push(Entry {
                word: w.as_str().into(),
                syms: [FIRST_WORD + i as Sym, 0],
                len: 1,
                cut: 0,
            });
        }
        for f in fillers {
            entries.push(Entry {
                word: f.as_str().into(),
                syms: [0, 0],
                len: 0,
                cut: 0,
            });
        }
        let mut vocab = Vocab {
            slots: Vec::new(),
            entries,
            words: names,
            id: VOCABS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        for (whole, parts) in canon::SPLIT_WORDS {
            let syms = [vocab.symbol_of(parts[0]), vocab.symbol_of(parts[1])];
            if syms != [OTHER, OTHER] {
                vocab.entries.push(Entry {
                    word: (*whole).into(),
                    syms,
                    len: 2,
                    cut: parts[0].len() as u8,
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
        self.slots = vec![
            Slot {
                hash: 0,
                key: 0,
                entry: EMPTY
            };
            size
        ];
        for (i, e) in self.entries.iter().enumerate().skip(1) {
            let hash = hash_folded(e.word.as_bytes());
            let mut s = hash as usize & (size - 1);
            while self.slots[s].entry != EMPTY {
                s = (s + 1) & (size - 1);
            }
            self.slots[s] = Slot {
                hash,
                key: short_key(e.word.as_bytes()),
                entry: i as u32,
            };
        }
    }

    /// The symbols of a canonical word; `ascii_fold` compares ASCII case-insensitively (for plain
    /// words straight from the text).
    #[inline(always)]
    fn lookup(&self, word: &[u8], ascii_fold: bool) -> &[Sym] {
        self.lookup_hashed(hash_folded(word), word, ascii_fold).0
    }

    /// The symbols of a word with hash `h`, and for a split word where its second part starts.
    #[inline(always)]
    fn lookup_hashed(&self, h: u64, word: &[u8], ascii_fold: bool) -> (&[Sym], usize) {
        self.probe(h, |slot| {
            let e = &self.entries[slot.entry as usize];
            if ascii_fold {
                e.word.as_bytes().eq_ignore_ascii_case(word)
            } else {
                e.word.as_bytes() == word
            }
        })
    }

    /// Like [`Vocab::lookup_hashed`] for a plain ASCII word of at most eight bytes, compared by key.
    #[inline(always)]
    fn lookup_short(&self, h: u64, key: u64) -> (&[Sym], usize) {
        let slot = &self.slots[h as usize & (self.slots.len() - 1)];
        // The word's own slot or an empty one (which points at the OTHER entry), nearly always:
        // whether a word is in the vocabulary is a coin toss a branch would often guess wrong.
        if slot.key == key || slot.entry == EMPTY {
            return self.answer(slot);
        }
        self.probe(h, |slot| slot.key == key)
    }

    #[inline(always)]
    fn answer(&self, slot: &Slot) -> (&[Sym], usize) {
        let e = &self.entries[slot.entry as usize];
        (&e.syms[..e.len as usize], e.cut as usize)
    }

    #[inline(always)]
    fn probe(&self, h: u64, same: impl Fn(&Slot) -> bool) -> (&[Sym], usize) {
        let mask = self.slots.len() - 1;
        let mut s = h as usize & mask;
        loop {
            let slot = &self.slots[s];
            if slot.entry == EMPTY || (slot.hash == h && same(slot)) {
                return self.answer(slot);
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

    /// How many symbols there are: every symbol is below this.
    pub fn symbols(&self) -> usize {
        self.words.len()
    }

    /// The word behind a symbol.
    #[cfg(test)]
    pub fn word(&self, sym: Sym) -> &str {
        self.words.get(sym as usize).map_or("<?>", |w| w)
    }

    /// Appends the symbols of `text` to `stream`, and for each symbol its byte range in `text`
    /// shifted by `base`.
    ///
    /// Plain ASCII words are scanned and hashed here directly; a word with an apostrophe or a
    /// non-ASCII character is handed to [`Words`] and the [`canon::Expander`].
    pub fn symbolize(&self, text: &str, base: u32, stream: &mut SymbolStream) {
        let bytes = text.as_bytes();
        let n = bytes.len();
        stream.syms.reserve(n / 2 + 1);
        stream.spans.reserve(n / 2 + 1);
        let mut i = 0;
        while i < n {
            if SEPARATOR[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            i = alnum_run(bytes, i);
            let plain = i > start && (i == n || SEPARATOR[bytes[i] as usize]);
            if plain {
                let len = i - start;
                let (syms, cut) = if len <= 8 {
                    let key = block_at(bytes, start, len) | FOLD;
                    self.lookup_short(finish(mix(len as u64, key)), key)
                } else {
                    self.lookup_hashed(hash_folded(&bytes[start..i]), &bytes[start..i], true)
                };
                let (start, end) = (base + start as u32, base + i as u32);
                match syms {
                    [sym] => stream.push(*sym, start, end),
                    [first, second] => {
                        // A split word such as `cannot`.
                        stream.push(*first, start, start + cut as u32);
                        stream.push(*second, start + cut as u32, end);
                    }
                    _ => {}
                }
                continue;
            }
            // A contraction seen before on this thread: its symbols are remembered.
            let memo_key = contraction_end(bytes, start).map(|end| Memo::key(&bytes[start..end]));
            if let Some(key) = memo_key {
                if let Some(known) = stream.memo.get(key, self.id) {
                    let origin = base + start as u32;
                    let count = known.count as usize;
                    for (&sym, &(from, to)) in known.syms[..count].iter().zip(&known.spans) {
                        stream.push(sym, origin + u32::from(from), origin + u32::from(to));
                    }
                    i = start + known.len as usize;
                    continue;
                }
            }
            // Non-ASCII or an apostrophe: let the general scanner read this word.
            let Some(w) = Words::at(text, start).next() else {
                break;
            };
            i = w.end.max(start + 1);
            let first = stream.len();
            let raw = &text[w.start..w.end];
            let expanded = stream.expander.expand(raw);
            for p in expanded.pieces {
                for &sym in self.lookup(expanded.word(p).as_bytes(), false) {
                    let span = (
                        base + (w.start + p.start) as u32,
                        base + (w.start + p.end) as u32,
                    );
                    stream.syms.push(sym);
                    stream.spans.push(span);
                }
            }
            if let Some(key) = memo_key {
                let origin = base + start as u32;
                stream.remember(key, self.id, (i - start) as u8, first, origin);
            }
        }
    }
}

/// The end of a word that [`Memo`] can hold: ASCII letters and digits joined by single
/// apostrophes (`'` or `’`), at most sixteen bytes, then a separator or the end. Such a word is
/// one word to [`Words`], and its symbols depend only on its bytes up to ASCII case.
fn contraction_end(bytes: &[u8], start: usize) -> Option<usize> {
    let limit = (start + 16).min(bytes.len());
    let alnum = |i: usize| i < limit && bytes[i].is_ascii_alphanumeric();
    if !alnum(start) {
        return None;
    }
    let mut i = start;
    loop {
        while alnum(i) {
            i += 1;
        }
        let apostrophe = match &bytes[i..] {
            [b'\'', ..] => 1,
            [0xE2, 0x80, 0x99, ..] => 3,
            _ => break,
        };
        if !alnum(i + apostrophe) {
            return None;
        }
        i += apostrophe;
    }
    match bytes.get(i) {
        None => Some(i),
        Some(&b) if b < 0x80 && SEPARATOR[b as usize] => Some(i),
        _ => None,
    }
}

/// Contractions (`I'm`, `don’t`) are the words that leave the fast path most often. Each thread
/// remembers the symbols of the last ones it saw, by their case-folded bytes.
#[derive(Debug)]
struct Memo {
    /// The [`Vocab::id`] the entries belong to.
    vocab: u64,
    entries: Box<[Remembered; MEMO_SLOTS]>,
}

const MEMO_SLOTS: usize = 256;

/// One remembered word: at most three symbols, with byte ranges relative to the word's start.
#[derive(Clone, Copy, Debug, Default)]
struct Remembered {
    key: (u64, u64),
    /// The word's length in bytes; 0 for an empty slot.
    len: u8,
    count: u8,
    syms: [Sym; 3],
    spans: [(u8, u8); 3],
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            vocab: 0,
            entries: Box::new([Remembered::default(); MEMO_SLOTS]),
        }
    }
}

impl Memo {
    /// A word's bytes (at most sixteen) with ASCII letters folded, zero padding folded to spaces.
    fn key(word: &[u8]) -> (u64, u64) {
        let mut block = [0u8; 16];
        block[..word.len()].copy_from_slice(word);
        let [lo, hi] = [&block[..8], &block[8..]].map(|half| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(half);
            u64::from_le_bytes(eight) | FOLD
        });
        (lo, hi)
    }

    fn slot(key: (u64, u64)) -> usize {
        let h = (key.0.wrapping_mul(K) ^ key.1).wrapping_mul(K);
        (h >> 56) as usize % MEMO_SLOTS
    }

    fn get(&mut self, key: (u64, u64), vocab: u64) -> Option<Remembered> {
        if self.vocab != vocab {
            self.vocab = vocab;
            self.entries.fill(Remembered::default());
            return None;
        }
        let known = self.entries[Memo::slot(key)];
        (known.len > 0 && known.key == key).then_some(known)
    }
}

/// Gives each vocabulary an id, so that a memo never answers for another one.
static VOCABS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// ASCII bytes that are always word boundaries (everything but letters, digits, apostrophes and
/// backticks; non-ASCII bytes need a closer look).
const SEPARATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !(c.is_ascii_alphanumeric() || c == b'\'' || c == b'`');
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits starting at `i`: eight bytes at a time while
/// they are ASCII (the usual case), then byte by byte.
#[inline(always)]
fn alnum_run(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // For bytes below 0x80: the high bit of each byte says whether it is >= a (or > b).
    let at_least = |x: u64, a: u8| x.wrapping_add(u64::from(0x80 - a) * LO) & HI;
    let above = |x: u64, b: u8| x.wrapping_add(u64::from(0x7F - b) * LO) & HI;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut block = [0u8; 8];
        block.copy_from_slice(chunk);
        let x = u64::from_le_bytes(block);
        if x & HI != 0 {
            break;
        }
        let lower = x | FOLD;
        let letter = at_least(lower, b'a') & !above(lower, b'z');
        let digit = at_least(x, b'0') & !above(x, b'9');
        let other = !(letter | digit) & HI;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && ALNUM[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// ASCII letters and digits.
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// A text as symbols, and each symbol's byte range.
#[derive(Default, Debug)]
pub struct SymbolStream {
    pub syms: Vec<Sym>,
    pub spans: Vec<(u32, u32)>,
    /// Buffers for words that need normalising.
    expander: canon::Expander,
    memo: Memo,
}

impl SymbolStream {
    pub fn clear(&mut self) {
        self.syms.clear();
        self.spans.clear();
    }

    #[inline(always)]
    pub fn push(&mut self, sym: Sym, start: u32, end: u32) {
        self.syms.push(sym);
        self.spans.push((start, end));
    }

    /// Remembers the symbols pushed since index `first` as those of the word `key` of `len`
    /// bytes at byte `origin`, when there are at most three.
    fn remember(&mut self, key: (u64, u64), vocab: u64, len: u8, first: usize, origin: u32) {
        let count = self.len() - first;
        if count > 3 || self.memo.vocab != vocab {
            return;
        }
        let mut known = Remembered {
            key,
            len,
            count: count as u8,
            ..Remembered::default()
        };
        for k in 0..count {
            let (from, to) = self.spans[first + k];
            known.syms[k] = self.syms[first + k];
            known.spans[k] = ((from - origin) as u8, (to - origin) as u8);
        }
        self.memo.entries[Memo::slot(key)] = known;
    }

    /// The symbol at index `i`.
    #[inline]
    pub fn sym(&self, i: usize) -> Sym {
        self.syms[i]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
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

    /// The fused fast path gives the same symbols and spans as scanning with [`Words`] and
    /// expanding every word.
    #[test]
    fn fast_path_equals_the_reference_scanner() {
        let v = vocab(&[
            "that", "is", "not", "my", "job", "can", "i", "will", "café", "'em",
        ]);
        let texts = [
            "That's NOT my job, I'll say; can't/won't cannot",
            "‘quoted’ “double” it’s café—déjà vu 'em' x'",
            "trailing apostrophe' and `backtick`s, um, 24/7 e-mail",
            "'",
            "’’",
            "",
            "a",
            "é",
            "don’t\nstop",
            "🙂 i will 🙂",
            "I'm I’m i'M don't DON’T don't let's LET'S y'all y'all can't Can’t x'y'z x'y'z",
            "that's THAT’S abcdefghijkl'mnopq abcdefghijkl'mnopq it's' it's it’s—it's",
        ];
        let mut expander = canon::Expander::default();
        for text in texts {
            let mut fast = SymbolStream::default();
            v.symbolize(text, 3, &mut fast);
            let mut reference = SymbolStream::default();
            for w in Words::new(text) {
                let e = expander.expand(&text[w.start..w.end]);
                for p in e.pieces {
                    for &sym in v.lookup(e.word(p).as_bytes(), false) {
                        reference.push(
                            sym,
                            3 + (w.start + p.start) as u32,
                            3 + (w.start + p.end) as u32,
                        );
                    }
                }
            }
            assert_eq!(fast.syms, reference.syms, "{text}");
            assert_eq!(fast.spans, reference.spans, "{text}");
        }
    }

    /// The memo of contractions answers for the vocabulary it was filled by, not another one
    /// sharing the stream.
    #[test]
    fn remembered_contractions_follow_the_vocabulary() {
        let a = vocab(&["i", "am"]);
        let b = vocab(&["am", "not"]);
        let mut stream = SymbolStream::default();
        for _ in 0..2 {
            for (v, want) in [(&a, ["i", "am"]), (&b, ["<other>", "am"])] {
                stream.clear();
                v.symbolize("I’m", 0, &mut stream);
                let got: Vec<&str> = stream.syms.iter().map(|&s| v.word(s)).collect();
                assert_eq!(got, want);
                assert_eq!(stream.spans, [(0, 1), (1, 5)]);
            }
        }
    }

    #[test]
    fn alnum_runs_end_where_the_byte_loop_ends() {
        let text = "Hello world09 AZaz@[`{/:’x\u{7f}ÿ 0123456789abcdefXYZ!";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            assert_eq!(alnum_run(bytes, start), end, "from {start}");
        }
    }

    #[test]
    fn the_block_hash_and_key_equal_the_general_ones() {
        let text = b"Hi THERE department representative's x";
        for start in 0..text.len() {
            for len in 1..=8.min(text.len() - start) {
                let block = block_at(text, start, len);
                let word = &text[start..start + len];
                assert_eq!(finish(mix(len as u64, block)), hash_folded(word));
                assert_eq!(block | FOLD, short_key(&word.to_ascii_lowercase()));
            }
        }
        assert_eq!(hash_folded(b"ABCdef"), hash_folded(b"abcDEF"));
        assert_ne!(short_key(b"no"), short_key(b"not"));
    }
}
