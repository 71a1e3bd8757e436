//! The words a match needs within a few words of its anchor. Where the word right next to an
//! anchor may be anything ("going to" before "[the] [*] [*] (retailer|…)"), a match still needs
//! one of a few words a little further on: an anchor without any of them there is passed over
//! without walking the phrase around it.

use super::super::vocab::{BREAK, Sym};
use super::anchored::Node;
use super::choice::Edge;
use super::local::longest;
use serde::{Deserialize, Serialize};

/// The furthest from the anchor a needed word is looked for.
const FURTHEST: usize = 10;

/// What the words of a phrase are: each stem's words (by its symbol, every symbol that starts
/// with it, its own among them) and how often each word is expected per word of text.
pub(super) struct Lexis<'v> {
    pub stems: &'v dyn Fn(Sym) -> &'v [Sym],
    pub frequency: &'v [f64],
}

impl Lexis<'_> {
    /// What needing the words of `needs` would cost in anchors not passed over: how often one of
    /// them is found within its distance.
    fn cost(&self, needs: &[u32]) -> f64 {
        let frequency = |sym: u32| self.frequency.get(sym as usize).copied().unwrap_or(1e-5);
        needs
            .iter()
            .map(|&n| frequency(n >> 8) * f64::from(255 - (n & 255)))
            .sum()
    }
}

/// The words a match has at least one of, sorted, each with the most words from the anchor it
/// may stand (1: right next to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Within {
    words: Box<[Sym]>,
    distances: Box<[u8]>,
    /// The largest distance.
    furthest: u8,
    /// A bit for each of the words, by symbol: most words read are none of them, and are
    /// passed over without a search.
    members: Box<[u64]>,
}

impl Within {
    /// What a match needs in `parts` read in order, away from the anchor (each part `backward`
    /// when it is before it), or `None` when it may need no word within [`FURTHEST`].
    pub fn of<'n>(
        parts: impl Iterator<Item = &'n [Node]>,
        backward: bool,
        lexis: &Lexis,
    ) -> Option<Within> {
        let mut needs = Vec::new();
        let mut skipped = 0;
        for part in parts {
            match seek(part, backward, skipped, lexis, &mut needs)? {
                Seek::Found => return Some(Within::from(needs)),
                Seek::Passed(taken) => skipped = taken,
            }
        }
        None
    }

    /// Whether one of the words stands within its distance of the anchor in `syms`, inside the
    /// anchor's turn: read from `from`, the symbol next to the anchor, away from it.
    pub fn admits(&self, syms: &[Sym], from: Option<usize>, backward: bool) -> bool {
        let mut at = from;
        for k in 0..self.furthest {
            let Some(&sym) = at.and_then(|i| syms.get(i)) else {
                return false;
            };
            if sym == BREAK {
                return false;
            }
            let bit = |word: &u64| word & (1 << (sym % 64)) != 0;
            if self.members.get(usize::from(sym / 64)).is_some_and(bit)
                && let Ok(w) = self.words.binary_search(&sym)
                && self.distances[w] > k
            {
                return true;
            }
            at = if backward {
                at.and_then(|i| i.checked_sub(1))
            } else {
                at.map(|i| i + 1)
            };
        }
        false
    }
}

/// A needed word and the furthest it may stand, as one number: sorted, a word's entries come
/// together, its furthest first.
fn need(distance: usize, sym: Sym) -> u32 {
    (u32::from(sym) << 8) | (255 - distance as u32)
}

impl From<Vec<u32>> for Within {
    fn from(mut needs: Vec<u32>) -> Within {
        // Each word once, at its furthest distance.
        needs.sort_unstable();
        needs.dedup_by_key(|n| *n >> 8);
        let distance = |n: &u32| (255 - (n & 255)) as u8;
        let words: Box<[Sym]> = needs.iter().map(|n| (n >> 8) as Sym).collect();
        let mut members = vec![0u64; words.last().map_or(0, |&w| usize::from(w / 64) + 1)];
        for &w in &words {
            members[usize::from(w / 64)] |= 1 << (w % 64);
        }
        Within {
            words,
            distances: needs.iter().map(distance).collect(),
            furthest: needs.iter().map(distance).max().unwrap_or(0),
            members: members.into(),
        }
    }
}

/// What reading a sequence away from the anchor told.
enum Seek {
    /// Every match of it holds a needed word, within its distance.
    Found,
    /// It may hold no needed word, and takes at most this many words (those before it too).
    Passed(usize),
}

/// Reads `nodes` (backward: from their end) with at most `skipped` words before them, adding the
/// words a match needs, each with the furthest it may stand, to `needs`: of all the items every
/// match holds within [`FURTHEST`] words (a word, a stem's words, a choice whose alternatives
/// each need one), the one least often found, so that "call (the|our) [*] [*] (line|hotline)"
/// needs "line" or "hotline", not "the" or "our". `None` when a match may go further than
/// [`FURTHEST`] words without one.
fn seek(
    nodes: &[Node],
    backward: bool,
    mut skipped: usize,
    lexis: &Lexis,
    needs: &mut Vec<u32>,
) -> Option<Seek> {
    let mut best: Option<(f64, Vec<u32>)> = None;
    let ordered: &mut dyn Iterator<Item = &Node> = match backward {
        true => &mut nodes.iter().rev(),
        false => &mut nodes.iter(),
    };
    for node in ordered {
        if skipped >= FURTHEST {
            break;
        }
        let at = |syms: &[Sym]| syms.iter().map(|&s| need(skipped + 1, s)).collect();
        let found: Option<Vec<u32>> = match node {
            Node::Word(s) => Some(at(&[*s])),
            Node::Stem(s) if !(lexis.stems)(*s).is_empty() => Some(at((lexis.stems)(*s))),
            Node::Choice(c) => match c.head(backward) {
                (syms, Edge::Closed) => Some(at(syms)),
                // Needed when every alternative needs a word.
                _ => c.alternatives.iter().try_fold(Vec::new(), |mut found, a| {
                    match seek(a, backward, skipped, lexis, &mut found)? {
                        Seek::Found => Some(found),
                        Seek::Passed(_) => None,
                    }
                }),
            },
            Node::Stem(_) | Node::Any | Node::Gap(_) | Node::End => None,
        };
        if let Some(found) = found {
            let cost = lexis.cost(&found);
            if best.as_ref().is_none_or(|(least, _)| cost < *least) {
                best = Some((cost, found));
            }
        }
        skipped = skipped.saturating_add(longest(std::slice::from_ref(node)));
    }
    match best {
        Some((_, found)) => {
            needs.extend(found);
            Some(Seek::Found)
        }
        None if skipped > FURTHEST => None,
        None => Some(Seek::Passed(skipped)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::matcher::choice::Choice;
    use std::iter::once;
    use std::sync::Arc;

    const X: Sym = 10;
    const DESK: Sym = 11;
    const SOMEONE: Sym = 12;
    const ELSE: Sym = 13;
    const THE: Sym = 14;
    const NUMBER: Sym = 15;
    const ZERO_STEM: Sym = 16;
    /// No stems, or the one stem `0*` over a number and itself; every word rare.
    const NO_STEMS: Lexis = Lexis {
        stems: &|_| &[],
        frequency: &[],
    };
    const ZERO: Lexis = Lexis {
        stems: &|s| match s == ZERO_STEM {
            true => &[NUMBER, ZERO_STEM],
            false => &[],
        },
        frequency: &[],
    };

    fn choice(alternatives: Vec<Vec<Node>>) -> Node {
        let alternatives = alternatives.into_iter().map(Into::into).collect();
        Node::Choice(Arc::new(Choice::new(alternatives)))
    }

    /// What follows "going to" in a hand-off: "[the] [*] [*] desk" or "someone else".
    fn destination() -> Node {
        let the = choice(vec![vec![Node::Word(THE)], vec![]]);
        choice(vec![
            vec![the, Node::Gap(2), Node::Word(DESK)],
            vec![Node::Word(SOMEONE), Node::Word(ELSE)],
        ])
    }

    #[test]
    fn a_match_needs_a_word_no_path_can_pass_over_within_its_distance() {
        let within = Within::of(once(&[destination()][..]), false, &NO_STEMS).unwrap();
        let expected = Within::from(vec![need(4, DESK), need(1, SOMEONE)]);
        assert_eq!(within, expected);
        assert_eq!(
            (&*within.words, &*within.distances),
            (&[DESK, SOMEONE][..], &[4, 1][..])
        );
        // After an anchor ending at 1 (the symbol after it): "desk" at three words on, then
        // four: too far.
        assert!(within.admits(&[BREAK, X, X, X, DESK], Some(1), false));
        assert!(!within.admits(&[BREAK, X, X, X, X, DESK], Some(1), false));
        // Only in the anchor's turn, and "someone" only right after it.
        assert!(!within.admits(&[BREAK, X, BREAK, DESK], Some(1), false));
        assert!(within.admits(&[BREAK, SOMEONE, X], Some(1), false));
        assert!(!within.admits(&[BREAK, X, SOMEONE, X], Some(1), false));
        // Read backward, from the word before an anchor that starts at 4.
        let before =
            Within::of(once(&[Node::Word(DESK), Node::Gap(2)][..]), true, &NO_STEMS).unwrap();
        assert!(before.admits(&[BREAK, DESK, X, X, X], Some(3), true));
        assert!(!before.admits(&[DESK, BREAK, X, X, X], Some(3), true));
    }

    #[test]
    fn a_match_that_may_end_or_run_far_without_one_needs_nothing() {
        let far = [Node::Gap(FURTHEST), Node::Word(DESK)];
        assert_eq!(Within::of(once(&far[..]), false, &NO_STEMS), None);
        let may_end = [choice(vec![vec![Node::Word(X)], vec![]])];
        assert_eq!(Within::of(once(&may_end[..]), false, &NO_STEMS), None);
        // A part that passes hands on to the next.
        let parts = [&may_end[..], &[Node::Word(DESK)][..]];
        let within = Within::of(parts.into_iter(), false, &NO_STEMS).unwrap();
        assert_eq!(within, Within::from(vec![need(2, DESK)]));
        assert_eq!(within.furthest, 2);
    }

    #[test]
    fn a_stem_needs_one_of_its_words() {
        // "[at] 0* *" after an anchor: a number starting with 0 within two words.
        let at = choice(vec![vec![Node::Word(X)], vec![]]);
        let phone = [at, Node::Stem(ZERO_STEM), Node::Any];
        let within = Within::of(once(&phone[..]), false, &ZERO).unwrap();
        assert!(within.admits(&[BREAK, X, NUMBER], Some(1), false));
        assert!(within.admits(&[BREAK, ZERO_STEM], Some(1), false));
        assert!(!within.admits(&[BREAK, X, X, NUMBER], Some(1), false));
        // A stem whose words are not known needs nothing.
        assert_eq!(Within::of(once(&phone[..]), false, &NO_STEMS), None);
    }

    #[test]
    fn a_match_needs_its_rarest_item_near_enough() {
        // "(the|someone) [*] [*] desk": "the" is common, "someone" and "desk" are not.
        let head = choice(vec![vec![Node::Word(THE)], vec![Node::Word(SOMEONE)]]);
        let phrase = [head, Node::Gap(2), Node::Word(DESK)];
        let mut frequency = [1e-5; 16];
        frequency[usize::from(THE)] = 0.05;
        let common_the = Lexis {
            stems: &|_| &[],
            frequency: &frequency,
        };
        let within = Within::of(once(&phrase[..]), false, &common_the).unwrap();
        assert!(within.admits(&[BREAK, THE, X, DESK], Some(1), false));
        assert!(!within.admits(&[BREAK, THE, X, X], Some(1), false));
        // All rare, the nearest is needed: fewer places to look.
        let within = Within::of(once(&phrase[..]), false, &NO_STEMS).unwrap();
        assert!(within.admits(&[BREAK, THE, X, X], Some(1), false));
    }
}
