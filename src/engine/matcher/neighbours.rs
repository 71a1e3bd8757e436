//! The words that may stand right before and right after an anchor. Most anchors of a phrase
//! built on lexicons are common words ("send", "help", "going to"), found far more often than
//! the phrase: when a match needs a word next to the anchor, and the word there is none of those
//! it may be, the anchor is passed over without walking the phrase around it. Where that word
//! may be anything, the words a match needs a few words further on do the same ([`Within`]).

use super::super::vocab::Sym;
use super::anchored::Node;
use super::choice::{Edge, edge};
use super::within::Within;
use serde::{Deserialize, Serialize};

/// What a match of a site's phrase needs next to its anchor: `None` on a side where it needs
/// nothing (the phrase may begin or end at the anchor, or a `*` or a stem may stand there).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Neighbours {
    /// The words the symbol before the anchor may be, sorted.
    before: Option<Box<[Sym]>>,
    /// The words the symbol after the anchor may be, sorted.
    after: Option<Box<[Sym]>>,
    /// Where any word may stand right before (after) the anchor: the words a match needs a few
    /// words further on.
    before_within: Option<Within>,
    after_within: Option<Within>,
}

impl Neighbours {
    /// The neighbours of the run `run` at `path` (a [`Site`](super::anchored::Site)'s) in the
    /// phrase `nodes`.
    pub fn of(nodes: &[Node], path: &[(usize, usize)], run: (usize, usize)) -> Neighbours {
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
        let (before_next, after_next) =
            (needed(before.clone(), true), needed(after.clone(), false));
        Neighbours {
            before_within: before_next
                .is_none()
                .then(|| Within::of(before, true))
                .flatten(),
            after_within: after_next
                .is_none()
                .then(|| Within::of(after, false))
                .flatten(),
            before: before_next,
            after: after_next,
        }
    }

    /// Whether the symbols next to an anchor at `anchor..end` of `syms` can be those of a match.
    #[inline]
    pub fn admit(&self, syms: &[Sym], anchor: usize, end: usize) -> bool {
        let fits = |words: &Option<Box<[Sym]>>, at: Option<usize>| match words {
            None => true,
            Some(words) => at
                .and_then(|i| syms.get(i))
                .is_some_and(|s| words.binary_search(s).is_ok()),
        };
        let within = |w: &Option<Within>, from: Option<usize>, backward: bool| {
            w.as_ref().is_none_or(|w| w.admits(syms, from, backward))
        };
        fits(&self.before, anchor.checked_sub(1))
            && fits(&self.after, Some(end))
            && within(&self.before_within, anchor.checked_sub(1), true)
            && within(&self.after_within, Some(end), false)
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
