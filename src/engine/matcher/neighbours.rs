//! The words that may stand right before and right after an anchor. Most anchors of a phrase
//! built on lexicons are common words ("send", "help", "going to"), found far more often than
//! the phrase: when a match needs a word next to the anchor, and the word there is none of those
//! it may be, the anchor is passed over without walking the phrase around it. Where that word
//! may be anything, the words a match needs a few words further on do the same ([`Within`]).

use super::super::vocab::Sym;
use super::anchored::Node;
use super::choice::{Edge, edge};
use super::within::{Lexis, Within};
use serde::{Deserialize, Serialize};

/// What a match of a site's phrase needs on each side of its anchor: `None` on a side where it
/// needs nothing near (the phrase may begin or end at the anchor, or may run on without a word
/// it needs).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Neighbours {
    before: Option<Need>,
    after: Option<Need>,
}

/// What a match needs on one side of its anchor.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Need {
    /// One of these words (sorted) right next to it.
    Next(Box<[Sym]>),
    /// Any word may stand right next to it: one of these words a few words further on.
    Within(Within),
}

impl Need {
    /// What a match needs in `parts` read away from the anchor (each part `backward` when it is
    /// before it): the word next to it when it can say, else words further on.
    fn of<'n>(
        parts: impl Iterator<Item = &'n [Node]> + Clone,
        backward: bool,
        lexis: &Lexis,
    ) -> Option<Need> {
        match needed(parts.clone(), backward) {
            Some(words) => Some(Need::Next(words)),
            None => Within::of(parts, backward, lexis).map(Need::Within),
        }
    }

    /// Whether `syms` read from `from` (the symbol next to the anchor) away from it can hold a
    /// match.
    fn admits(&self, syms: &[Sym], from: Option<usize>, backward: bool) -> bool {
        match self {
            Need::Next(words) => from
                .and_then(|i| syms.get(i))
                .is_some_and(|s| words.binary_search(s).is_ok()),
            Need::Within(within) => within.admits(syms, from, backward),
        }
    }
}

impl Neighbours {
    /// The neighbours of the run `run` at `path` (a [`Site`](super::anchored::Site)'s) in the
    /// phrase `nodes`, whose words are `lexis`'s.
    pub fn of(
        nodes: &[Node],
        path: &[(usize, usize)],
        run: (usize, usize),
        lexis: &Lexis,
    ) -> Neighbours {
        // The sequence at each depth of the path, the run's own last.
        let mut sequences = vec![nodes];
        for &(item, alternative) in path {
            let Some(Node::Choice(c)) = sequences[sequences.len() - 1].get(item) else {
                return Neighbours::default();
            };
            sequences.push(&c.alternatives[alternative]);
        }
        let own = sequences[sequences.len() - 1];
        let outer = path.iter().zip(&sequences).rev();
        // What comes before the anchor, nearest first: the site's own sequence, then each
        // enclosing one, innermost first; and the same after it.
        let before = std::iter::once(&own[..run.0])
            .chain(outer.clone().map(|(&(item, _), seq)| &seq[..item]));
        let after =
            std::iter::once(&own[run.1..]).chain(outer.map(|(&(item, _), seq)| &seq[item + 1..]));
        Neighbours {
            before: Need::of(before, true, lexis),
            after: Need::of(after, false, lexis),
        }
    }

    /// Whether the symbols next to an anchor at `anchor..end` of `syms` can be those of a match.
    #[inline]
    pub fn admit(&self, syms: &[Sym], anchor: usize, end: usize) -> bool {
        let side = |need: &Option<Need>, from: Option<usize>, backward: bool| {
            need.as_ref().is_none_or(|n| n.admits(syms, from, backward))
        };
        side(&self.before, anchor.checked_sub(1), true) && side(&self.after, Some(end), false)
    }
}

/// The words one of which must come first in `parts` read in order (each part walked `backward`
/// when it is before the anchor), or `None` when a match may have any word or none there.
fn needed<'n>(parts: impl Iterator<Item = &'n [Node]>, backward: bool) -> Option<Box<[Sym]>> {
    let mut words = Vec::new();
    for part in parts {
        let (syms, how) = edge(part, backward);
        words.extend(syms);
        match how {
            Edge::Closed => {
                words.sort_unstable();
                words.dedup();
                return Some(words.into());
            }
            Edge::Wild => return None,
            Edge::Open => {}
        }
    }
    None
}
