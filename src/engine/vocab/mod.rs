//! The vocabulary: every canonical word that occurs in some phrase gets a small symbol id, and a
//! text becomes a stream of symbols (one per canonical word, fillers dropped, unknown words as
//! [`OTHER`]). The matcher then runs one automaton over symbols instead of bytes, which is several
//! times less work than matching hundreds of phrases byte by byte.

mod hash;
mod memo;
mod stems;
mod symbolize;
#[cfg(test)]
mod tests;

use crate::text::{perfect, split_words};
use hash::{finish, hash_folded, mix, short_key};
use serde::{Deserialize, Serialize};
use stems::Stems;
use symbolize::NOT_AUXILIARY;
pub(crate) use symbolize::SymbolStream;

/// A symbol id.
pub type Sym = u16;
/// A word no phrase uses.
pub const OTHER: Sym = 0;
/// Separates turns; no pattern contains it, so no match spans two turns.
pub const BREAK: Sym = 1;
const FIRST_WORD: Sym = 2;
/// The most symbols a [`Sym`] holds.
pub const MAX_SYMBOLS: usize = 1 << 16;

/// One slot of the open-addressing table.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
struct Slot {
    key: u64,
    /// The low half of the word's hash, which spares most string compares: a slot of 16 bytes,
    /// not 24 (a third of the default pack's table, 0.26 MB of a one-file check's memory).
    hash: u32,
    /// Index into `entries`; [`EMPTY`] for an empty slot.
    entry: u32,
}

/// An empty slot points at the first entry, which stands for [`OTHER`]: an empty slot answers
/// like a word no phrase uses, so the usual lookup reads its answer without a branch on it.
const EMPTY: u32 = 0;

/// What a table entry stands for.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    word: Box<str>,
    /// The symbols the word becomes: one for a vocabulary word, two for a split word such as
    /// `cannot`, none for a filler.
    syms: [Sym; 2],
    len: u8,
    /// For a split word, the byte where its second part starts (`do|nt` of `dont`).
    cut: u8,
    /// For a split word ending in `is` or `would` (`thats`, `youd`), the symbol of what that
    /// reads as before a participle (`has`, `had`); else [`NOT_AUXILIARY`].
    perfect: Sym,
}

impl Entry {
    fn new(word: &str, syms: &[Sym]) -> Entry {
        let mut two = [0; 2];
        two[..syms.len()].copy_from_slice(syms);
        Entry {
            word: word.into(),
            syms: two,
            len: syms.len() as u8,
            cut: 0,
            perfect: NOT_AUXILIARY,
        }
    }

    /// The symbols of the word.
    #[inline(always)]
    fn syms(&self) -> &[Sym] {
        &self.syms[..self.len as usize]
    }
}

/// The word → symbols table, built once from the loaded rules (or read whole from a prebuilt
/// matcher).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Vocab {
    /// Open addressing with linear probing, at most one eighth full.
    slots: Vec<Slot>,
    /// What each word stands for; the first entry is [`OTHER`], where empty slots point.
    entries: Vec<Entry>,
    /// Symbol id → word, for display and tests.
    words: Vec<Box<str>>,
    /// Unique to this vocabulary (and its clones), for [`Memo`]; a read vocabulary gets its own.
    #[serde(skip, default = "memo::next_vocab_id")]
    id: u64,
    /// The stems of the phrases, when some phrase has one.
    stems: Option<Box<Stems>>,
}

impl Vocab {
    /// Builds the table for `words` and `stems` (canonical, deduplicated by the caller) and
    /// `fillers` (canonical words to skip). Fails when there are more words and stems than
    /// symbols.
    pub fn new(words: &[String], stems: &[String], fillers: &[String]) -> Result<Vocab, usize> {
        let count = words.len() + stems.len();
        if count + FIRST_WORD as usize > MAX_SYMBOLS {
            return Err(count);
        }
        let mut names: Vec<Box<str>> = vec!["<other>".into(), "<break>".into()];
        names.extend(words.iter().map(|w| w.as_str().into()));
        let first_stem = names.len() as Sym;
        names.extend(stems.iter().map(|s| s.as_str().into()));
        let mut entries = vec![Entry::new("", &[OTHER])];
        for (i, w) in words.iter().enumerate() {
            if !fillers.contains(w) {
                entries.push(Entry::new(w, &[FIRST_WORD + i as Sym]));
            }
        }
        entries.extend(fillers.iter().map(|f| Entry::new(f, &[])));
        let mut vocab = Vocab {
            slots: Vec::new(),
            entries,
            stems: (!stems.is_empty()).then(|| Box::new(Stems::new(stems, first_stem, &names))),
            words: names,
            id: memo::next_vocab_id(),
        };
        vocab.build_table();
        let split: Vec<Entry> = split_words::SPLIT_WORDS
            .iter()
            .filter_map(|split| vocab.split_entry(split))
            .collect();
        vocab.entries.extend(split);
        vocab.build_table();
        Ok(vocab)
    }

    /// The entry of a split word such as `dont`: the symbols its two words have in its
    /// apostrophe spelling (`don't`), and what its `is` or `would` reads as before a participle,
    /// so that the plain word costs one lookup and matches as that spelling does. None when
    /// one of the two is a filler: the apostrophe spelling leaves it out, and a word's one
    /// symbol would keep the whole word's span.
    fn split_entry(&self, split: &split_words::SplitWord) -> Option<Entry> {
        let symbol = |part: &str| {
            let filler = self.lookup(part.as_bytes(), false).is_empty();
            (!filler).then(|| self.word_symbol(part))
        };
        let [first, second] = split.parts.map(symbol);
        let perfect = perfect::before_participle(split.parts[1]);
        Some(Entry {
            cut: split.cut as u8,
            perfect: perfect.map_or(NOT_AUXILIARY, |p| self.word_symbol(p)),
            ..Entry::new(split.word, &[first?, second?])
        })
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
                hash: hash as u32,
                key: short_key(e.word.as_bytes()),
                entry: i as u32,
            };
        }
    }

    /// The symbols of a canonical word; `ascii_fold` compares ASCII case-insensitively (for plain
    /// words straight from the text).
    #[inline(always)]
    fn lookup(&self, word: &[u8], ascii_fold: bool) -> &[Sym] {
        self.lookup_hashed(hash_folded(word), word, ascii_fold)
            .syms()
    }

    /// The entry of a word with hash `h`.
    #[inline(always)]
    fn lookup_hashed(&self, h: u64, word: &[u8], ascii_fold: bool) -> &Entry {
        self.probe(h, |slot| {
            let e = &self.entries[slot.entry as usize];
            if ascii_fold {
                e.word.as_bytes().eq_ignore_ascii_case(word)
            } else {
                e.word.as_bytes() == word
            }
        })
    }

    /// Like [`Vocab::lookup_hashed`] for a plain ASCII word of `len` bytes, at most eight, by its
    /// folded block `key` (which its hash is made from too).
    #[inline(always)]
    fn lookup_short(&self, len: usize, key: u64) -> &Entry {
        let h = finish(mix(len as u64, key));
        let slot = &self.slots[h as usize & (self.slots.len() - 1)];
        // The word's own slot or an empty one (which points at the OTHER entry), nearly always:
        // whether a word is in the vocabulary is a coin toss a branch would often guess wrong.
        if slot.key == key || slot.entry == EMPTY {
            return self.answer(slot);
        }
        self.probe(h, |slot| slot.key == key)
    }

    #[inline(always)]
    fn answer(&self, slot: &Slot) -> &Entry {
        &self.entries[slot.entry as usize]
    }

    #[inline(always)]
    fn probe(&self, h: u64, same: impl Fn(&Slot) -> bool) -> &Entry {
        let mask = self.slots.len() - 1;
        let mut s = h as usize & mask;
        loop {
            let slot = &self.slots[s];
            if slot.entry == EMPTY || (slot.hash == h as u32 && same(slot)) {
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

    /// The symbol of a stem of the phrases.
    pub fn stem_symbol(&self, stem: &str) -> Option<Sym> {
        let first = self.words.len() - self.stems.as_ref()?.len();
        self.words[first..]
            .iter()
            .position(|w| &**w == stem)
            .map(|k| (first + k) as Sym)
    }

    /// Whether `sym` is a stem's symbol.
    pub fn is_stem(&self, sym: Sym) -> bool {
        self.stems
            .as_ref()
            .is_some_and(|s| usize::from(sym) + s.len() >= self.words.len())
    }

    /// Whether `sym` (a word's symbol) starts with the stem whose symbol is `stem`.
    #[inline]
    pub fn has_stem(&self, stem: Sym, sym: Sym) -> bool {
        self.stems.as_ref().is_some_and(|s| s.contains(stem, sym))
    }

    /// Every symbol that starts with the stem whose symbol is `stem`.
    pub fn stem_members(&self, stem: Sym) -> &[Sym] {
        self.stems.as_ref().map_or(&[], |s| s.members(stem))
    }

    /// The symbol of a word looked up as [`OTHER`]: its stem's, when stems are loaded.
    #[inline(always)]
    fn unknown(&self, word: &[u8], fold: bool) -> Sym {
        match &self.stems {
            None => OTHER,
            Some(stems) => stems.symbol(word, fold),
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
}
