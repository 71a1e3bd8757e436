//! Phrase lists matched only where they are asked about: a `near` list is looked for in the words
//! around a rule's match, in its turn, not over the whole conversation. Such lists often hold
//! the most common words ("i", "you", "if"), which would otherwise be hits on every other word.
//! A phrase that can begin with any word (a lexicon of "[the] [*] team" and the like) would be
//! tried at every place: it is found around the anchors the automaton found instead.

use super::super::vocab::Sym;
use super::anchored::{Around, Node};
use super::choice::Choice;
use super::{Hit, Matcher, Scratch, sentence_ends_after};
use serde::{Deserialize, Serialize};

/// A list of phrases compiled to symbols, with the most words a match of one can span. The
/// phrases walked are a choice, indexed by the words they can begin with: at each place only
/// those that can begin there are tried.
#[derive(Debug, Clone)]
pub(super) struct Local {
    pub(super) phrases: Choice,
    pub(super) longest: usize,
    /// Whether some of its phrases are found around their anchors ([`LocalAnchor`]).
    pub(super) anchored: bool,
    /// A bit for each symbol a walked phrase can begin with; `None` when one can begin with any
    /// word, or with none. Most words of a turn begin none, and a bit turns them away without
    /// searching the choice's index (a `near` list is looked for at every word of a window sixty
    /// words wide).
    starts: Option<Box<[u64]>>,
}

impl Local {
    pub(super) fn new(walked: Box<[Box<[Node]>]>, longest: usize, anchored: bool) -> Local {
        Local::of(Choice::new(walked), longest, anchored)
    }

    /// The list whose walked phrases are `phrases`.
    pub(super) fn of(phrases: Choice, longest: usize, anchored: bool) -> Local {
        let (syms, any) = phrases.first_words();
        let starts = (!any).then(|| {
            let top = syms.last().map_or(0, |&s| usize::from(s) + 1);
            let mut bits = vec![0u64; top.div_ceil(64)];
            for &s in syms {
                bits[usize::from(s) / 64] |= 1 << (s % 64);
            }
            bits.into()
        });
        Local {
            phrases,
            longest,
            anchored,
            starts,
        }
    }

    /// Whether no walked phrase can begin with `sym` (the symbol at a place, `None` past the
    /// turn).
    #[inline]
    fn begins_none(&self, sym: Option<Sym>) -> bool {
        let Some(bits) = &self.starts else {
            return false;
        };
        sym.is_none_or(|s| {
            bits.get(usize::from(s) / 64)
                .is_none_or(|word| word & (1 << (s % 64)) == 0)
        })
    }
}

/// An anchor of a phrase of a local list: where the automaton finds pattern `pattern`, the
/// anchored phrase `phrase` may match around its site `site`. Sorted by pattern, then list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) struct LocalAnchor {
    pub pattern: u32,
    pub local: u32,
    pub phrase: u32,
    pub site: u32,
}

/// The most words a match of `nodes` can span; a choice knows its own.
pub(super) fn longest(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Word(_) | Node::Stem(_) | Node::Any => 1,
            Node::Gap(n) => *n,
            Node::End => 0,
            Node::Choice(c) => c.longest(),
        })
        .sum()
}

impl Matcher {
    /// Calls `found` with the first and last word of matches of local list `list` in the turn
    /// of `hit` (whose text is `text`) that may start or end within `reach` words of it, until
    /// `found` says it has what it needs. Whether it did. A phrase found around its anchors gives
    /// only the longest match from each start, and starts further away too: `found` must take a
    /// longer match whenever it takes a shorter one with the same start, and judge the distance
    /// itself, as every caller does.
    pub fn near(
        &self,
        scratch: &Scratch,
        list: usize,
        hit: &Hit,
        reach: usize,
        text: &str,
        found: &mut dyn FnMut(u32, u32) -> bool,
    ) -> bool {
        let (Some(local), Some((from, to))) = (self.locals.get(list), scratch.turn_of(hit.turn))
        else {
            return false;
        };
        let stream = &scratch.stream;
        // Saturating: `words` may be any number up to 2^64 - 1, which reaches the whole turn.
        let first = (hit.first_word as usize)
            .saturating_sub(reach.saturating_add(local.longest))
            .max(from);
        // The furthest start: `reach` words strictly between the hit's last word and it.
        let last = (hit.last_word as usize)
            .saturating_add(reach)
            .saturating_add(2)
            .min(to);
        let sentence_end = |p: usize| p > 0 && sentence_ends_after(text, stream, p - 1);
        let around = Around::new(stream, &self.vocab, &sentence_end);
        let mut bufs = (Vec::new(), Vec::new(), Vec::new());
        // A match starts in `first..last`, and its anchor ends inside it.
        let anchor_ends = (first, last.saturating_add(local.longest).min(to));
        if local.anchored
            && self.near_anchors(scratch, list, anchor_ends, &around, &mut bufs, found)
        {
            return true;
        }
        let (rest, ends, _) = &mut bufs;
        for q in first..last {
            let sym = stream.syms.get(q).copied();
            if local.begins_none(sym) {
                continue;
            }
            let (starting, any) = local.phrases.starting(sym);
            for &k in starting.iter().chain(any) {
                let phrase = &local.phrases.alternatives[k as usize];
                ends.clear();
                around.ends(phrase, q, rest, ends);
                for &e in ends.iter() {
                    if e > q && found(q as u32, (e - 1) as u32) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// [`Matcher::near`] for the phrases of local list `list` found around their anchors: the
    /// anchors the automaton found ending after symbol `ends.0` and at most at `ends.1`. `bufs`
    /// are the walk's reusable buffers.
    fn near_anchors<'n>(
        &'n self,
        scratch: &Scratch,
        list: usize,
        ends: (usize, usize),
        around: &Around,
        (rest, last_ends, starts): &mut (Vec<&'n [Node]>, Vec<usize>, Vec<usize>),
        found: &mut dyn FnMut(u32, u32) -> bool,
    ) -> bool {
        let list = list as u32;
        let key = |a: &LocalAnchor| (a.pattern, a.local);
        let anchors = &scratch.anchors;
        let after = anchors.partition_point(|&(_, end)| end as usize <= ends.0);
        for &(pattern, end) in &anchors[after..] {
            let end = end as usize;
            if end > ends.1 {
                break;
            }
            let this = (pattern, list);
            let from = self.local_anchors.partition_point(|a| key(a) < this);
            let these = self.local_anchors[from..]
                .iter()
                .take_while(|a| key(a) == this);
            let anchor = end - self.targets.anchor_len(pattern);
            for la in these {
                let a = &self.anchored[la.phrase as usize];
                let site = &a.sites[la.site as usize];
                if !site.neighbours.admit(&scratch.stream.syms, anchor, end) {
                    continue;
                }
                let Some(last) = around.matches(a, site, (anchor, end), rest, last_ends, starts)
                else {
                    continue;
                };
                // The longest match from each start is the closest to the hit on either side.
                if starts
                    .iter()
                    .any(|&first| found(first as u32, (last - 1) as u32))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The first and last word of the bytes `start..end` of turn `turn`, where it was
    /// symbolised.
    pub fn words_of(
        &self,
        scratch: &Scratch,
        turn: u32,
        start: u32,
        end: u32,
    ) -> Option<(u32, u32)> {
        let (from, to) = scratch.turn_of(turn)?;
        let spans = &scratch.stream.spans[from..to];
        let first = spans.partition_point(|&(_, e)| e <= start);
        let last = spans.partition_point(|&(s, _)| s < end).max(first + 1) - 1;
        Some(((from + first) as u32, (from + last) as u32))
    }
}

impl Scratch {
    /// The symbols of a scanned turn: `from..to` of the stream.
    fn turn_of(&self, turn: u32) -> Option<(usize, usize)> {
        // In turn order: a search, not a walk (a conversation may have thousands of turns).
        let starts = &self.turn_starts;
        let k = starts
            .binary_search_by_key(&(turn as usize), |&(_, t)| t)
            .ok()?;
        let to = starts.get(k + 1).map_or(self.stream.len(), |&(s, _)| s - 1);
        Some((starts[k].0, to))
    }
}
