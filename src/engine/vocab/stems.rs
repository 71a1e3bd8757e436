//! Stems (`refund*`): a word no phrase uses gets the symbol of the longest stem it starts with, and
//! each stem knows every symbol that starts with it, vocabulary words included.

use super::{OTHER, Sym};
use serde::{Deserialize, Serialize};

/// The stems of the loaded phrases.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Stems {
    /// Each stem's canonical bytes and its symbol, sorted: the stems a word may start with are
    /// those of its first byte's group (there are few stems, and reading a group is cheaper than
    /// hashing every unknown word).
    by_prefix: Vec<(Box<[u8]>, Sym)>,
    /// Where the stems beginning with each byte begin in `by_prefix`; they end where the next
    /// byte's begin (257 entries).
    groups: Box<[u32]>,
    /// For each stem (by its symbol's offset from the first stem symbol), the symbols that
    /// start with it, sorted.
    members: Vec<Vec<Sym>>,
    first: Sym,
    /// A bit for each pair of bytes some stem begins with (1,024 words of 64 bits), so that a
    /// word no stem can begin is answered without a search: most words no phrase uses. Empty
    /// when some stem is a single byte.
    pairs: Box<[u64]>,
}

/// The bit of a pair of bytes in [`Stems::pairs`].
fn pair(a: u8, b: u8) -> (usize, u64) {
    let k = usize::from(a) << 8 | usize::from(b);
    (k / 64, 1 << (k % 64))
}

impl Stems {
    /// The stems `stems` (canonical, distinct), numbered from symbol `first`, over the symbols
    /// whose words are `words` (symbol = index).
    pub(super) fn new(stems: &[String], first: Sym, words: &[Box<str>]) -> Stems {
        let members = stems
            .iter()
            .map(|stem| {
                (0..words.len())
                    .filter(|&s| s as Sym != OTHER && words[s].starts_with(stem.as_str()))
                    .map(|s| s as Sym)
                    .collect()
            })
            .collect();
        let mut by_prefix: Vec<(Box<[u8]>, Sym)> = stems
            .iter()
            .enumerate()
            .map(|(k, s)| (s.as_bytes().into(), first + k as Sym))
            .collect();
        by_prefix.sort_unstable();
        let groups = (0..=256)
            .map(|byte| {
                by_prefix.partition_point(|(p, _)| p.first().map_or(0, |&b| b.into()) < byte) as u32
            })
            .collect();
        // A stem of one byte begins with no pair: then no word is turned away by its first two.
        let mut pairs = Vec::new();
        if stems.iter().all(|s| s.len() >= 2) {
            pairs = vec![0u64; 1024];
            for stem in stems.iter().map(String::as_bytes) {
                let (word, bit) = pair(stem[0], stem[1]);
                pairs[word] |= bit;
            }
        }
        Stems {
            by_prefix,
            groups,
            members,
            first,
            pairs: pairs.into(),
        }
    }

    /// The symbol of a word no phrase uses: its longest stem's, else [`OTHER`]. `fold` lowers
    /// ASCII letters first (for words straight from the text).
    pub(super) fn symbol(&self, word: &[u8], fold: bool) -> Sym {
        if !self.pairs.is_empty() {
            // Every stem is two bytes or longer: a word must begin with the first two of one.
            let &[a, b, ..] = word else {
                return OTHER;
            };
            let (a, b) = if fold {
                (a.to_ascii_lowercase(), b.to_ascii_lowercase())
            } else {
                (a, b)
            };
            let (at, bit) = pair(a, b);
            if self.pairs[at] & bit == 0 {
                return OTHER;
            }
        }
        let Some(&byte) = word.first() else {
            return OTHER;
        };
        let byte = usize::from(if fold {
            byte.to_ascii_lowercase()
        } else {
            byte
        });
        let group = &self.by_prefix[self.groups[byte] as usize..self.groups[byte + 1] as usize];
        // The longest stem the word starts with (stems are lowercase: folding the word's bytes
        // is comparing them in any ASCII case).
        let starts = |stem: &[u8]| {
            word.get(..stem.len()).is_some_and(|prefix| match fold {
                true => prefix.eq_ignore_ascii_case(stem),
                false => prefix == stem,
            })
        };
        group
            .iter()
            .filter(|(stem, _)| starts(stem))
            .max_by_key(|(stem, _)| stem.len())
            .map_or(OTHER, |&(_, sym)| sym)
    }

    /// How many stems there are.
    pub(super) fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether symbol `sym` starts with stem `stem` (a stem symbol).
    pub(super) fn contains(&self, stem: Sym, sym: Sym) -> bool {
        self.members
            .get(usize::from(stem - self.first))
            .is_some_and(|m| m.binary_search(&sym).is_ok())
    }

    /// Every symbol that starts with stem `stem`.
    pub(super) fn members(&self, stem: Sym) -> &[Sym] {
        self.members
            .get(usize::from(stem - self.first))
            .map_or(&[], Vec::as_slice)
    }
}
