//! What each automaton pattern stands for, kept in three flat arrays. The default pack has 9,422
//! patterns and 11,495 targets: a vector of targets for each pattern, and a box of slots for
//! each variant, were a fifth of a one-file check's heap and twenty thousand allocations at
//! start-up.

use super::super::ListId;
use super::super::vocab::{BREAK, Sym, SymbolStream};
use serde::{Deserialize, Serialize};

/// A compiled phrase variant, for one list.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Variant {
    /// Its slots are [`Targets::slots`]`[first..][..len]`.
    first: u32,
    len: u32,
    /// Index of the first anchor slot.
    anchor_at: u32,
    /// The phrase ended in `$`: a sentence or the turn must end right after it.
    pub ends_sentence: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Slot {
    Word(Sym),
    Any,
}

/// What an automaton pattern stands for: a variant of an expanded phrase, or the anchor of a
/// phrase matched around it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) enum Target {
    Variant(ListId, Variant),
    /// A phrase (by index) and one of its anchor sites.
    Anchored(ListId, u32, u32),
}

/// The targets of every pattern, by pattern id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Targets {
    /// By pattern id: the anchor's length in symbols, and where the pattern's targets start in
    /// `all`. They end where the next pattern's start, the last pattern's at the end of `all`.
    patterns: Box<[(u32, u32)]>,
    all: Box<[Target]>,
    /// The slots of every variant, one after another.
    slots: Box<[Slot]>,
}

/// Targets as a build adds them: the slots of every variant so far, and each pattern's anchor
/// length and targets.
#[derive(Debug, Default)]
pub(super) struct TargetsBuilder {
    slots: Vec<Slot>,
    patterns: Vec<(usize, Vec<Target>)>,
}

impl TargetsBuilder {
    /// A new pattern, whose anchor is `anchor_len` symbols long, with no target yet: its id.
    pub fn pattern(&mut self, anchor_len: usize) -> usize {
        // Most anchors stand for one target: room for one, not the four a push makes.
        self.patterns.push((anchor_len, Vec::with_capacity(1)));
        self.patterns.len() - 1
    }

    /// The targets of pattern `id` so far.
    pub fn of(&mut self, id: usize) -> &mut Vec<Target> {
        &mut self.patterns[id].1
    }

    /// A variant of `slots` whose anchor starts at slot `anchor_at`.
    pub fn variant(&mut self, slots: &[Slot], anchor_at: usize, ends_sentence: bool) -> Variant {
        let first = self.slots.len();
        self.slots.extend_from_slice(slots);
        // A phrase's words, and the slots of all variants, are far fewer than 2^32.
        Variant {
            first: first as u32,
            len: slots.len() as u32,
            anchor_at: anchor_at as u32,
            ends_sentence,
        }
    }

    pub fn finish(self) -> Targets {
        let mut patterns = Vec::with_capacity(self.patterns.len());
        let mut all = Vec::with_capacity(self.patterns.iter().map(|(_, t)| t.len()).sum());
        for (anchor_len, targets) in self.patterns {
            patterns.push((anchor_len as u32, all.len() as u32));
            all.extend(targets);
        }
        Targets {
            patterns: patterns.into(),
            all: all.into(),
            slots: self.slots.into(),
        }
    }
}

impl Targets {
    /// The length, in symbols, of the anchor of `pattern`.
    #[inline]
    pub fn anchor_len(&self, pattern: u32) -> usize {
        self.patterns[pattern as usize].0 as usize
    }

    /// What `pattern` stands for.
    #[inline]
    pub fn of(&self, pattern: u32) -> &[Target] {
        let start = self.patterns[pattern as usize].1 as usize;
        let end = self
            .patterns
            .get(pattern as usize + 1)
            .map_or(self.all.len(), |&(_, next)| next as usize);
        &self.all[start..end]
    }

    /// Checks variant `v`, whose anchor matched at symbol `anchor` of `stream`; returns its
    /// first and last symbol.
    #[inline]
    pub fn verify(
        &self,
        stream: &SymbolStream,
        v: &Variant,
        anchor: usize,
    ) -> Option<(usize, usize)> {
        let slots = &self.slots[v.first as usize..][..v.len as usize];
        let first = anchor.checked_sub(v.anchor_at as usize)?;
        let last = first + slots.len() - 1;
        if last >= stream.len() {
            return None;
        }
        for (k, slot) in slots.iter().enumerate() {
            let sym = stream.sym(first + k);
            let ok = match slot {
                Slot::Word(w) => sym == *w,
                Slot::Any => sym != BREAK,
            };
            if !ok {
                return None;
            }
        }
        Some((first, last))
    }
}
