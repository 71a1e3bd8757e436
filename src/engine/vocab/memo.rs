//! A per-thread memo of the symbols of recent contractions.

use super::Sym;
use super::hash::{FOLD, K};

/// Contractions (`I'm`, `don’t`) are the words that leave the fast path most often. Each thread
/// remembers the symbols of the last ones it saw, by their case-folded bytes.
#[derive(Debug)]
pub(super) struct Memo {
    /// The [`Vocab::id`] the entries belong to.
    pub(super) vocab: u64,
    pub(super) entries: Box<[Remembered; MEMO_SLOTS]>,
}

const MEMO_SLOTS: usize = 256;

/// One remembered word: at most three symbols, with byte ranges relative to the word's start.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Remembered {
    pub(super) key: (u64, u64),
    /// The word's length in bytes; 0 for an empty slot.
    pub(super) len: u8,
    pub(super) count: u8,
    pub(super) syms: [Sym; 3],
    pub(super) spans: [(u8, u8); 3],
    /// The symbol the word's last piece reads as before a participle (`has` for the `is` of
    /// `it's`), or [`super::symbolize::NOT_AUXILIARY`].
    pub(super) perfect: Sym,
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
    pub(super) fn key(word: &[u8]) -> (u64, u64) {
        let mut block = [0u8; 16];
        block[..word.len()].copy_from_slice(word);
        let [lo, hi] = [&block[..8], &block[8..]].map(|half| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(half);
            u64::from_le_bytes(eight) | FOLD
        });
        (lo, hi)
    }

    pub(super) fn slot(key: (u64, u64)) -> usize {
        let h = (key.0.wrapping_mul(K) ^ key.1).wrapping_mul(K);
        (h >> 56) as usize % MEMO_SLOTS
    }

    pub(super) fn get(&mut self, key: (u64, u64), vocab: u64) -> Option<Remembered> {
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

/// A vocabulary id no other vocabulary has.
pub(super) fn next_vocab_id() -> u64 {
    VOCABS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
