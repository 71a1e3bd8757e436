//! A choice in an anchored phrase, indexed by the words its alternatives can start and end with:
//! checking a choice of forty alternatives around an anchor tries the two or three that can begin
//! with the next word, not all forty.

use super::super::vocab::Sym;
use super::anchored::Node;
use super::local::longest;
use serde::{Deserialize, Serialize};

/// One of several sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Choice {
    pub alternatives: Box<[Box<[Node]>]>,
    /// Which alternatives can start with a symbol, matched forward.
    first: Index,
    /// Which alternatives can end with a symbol, matched backward.
    last: Index,
    /// The words the choice as a whole can begin with, and how it begins ([`edge`]); then the
    /// same of its end. A choice around it reads them rather than walking its alternatives again.
    heads: [Head; 2],
    /// The most words a match of it can span ([`longest`]), worked out once: lexicons nest, and
    /// reading every alternative of every one inside again would take time doubling with depth.
    longest: usize,
}

/// The words a sequence can begin (or end) with, sorted, and how it begins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Head {
    syms: Box<[Sym]>,
    how: Edge,
}

/// Alternatives by a symbol they can begin with (sorted pairs), and those that can begin with
/// anything: a wildcard, a stem, or nothing at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Index {
    /// The words alternatives begin (or end) with, sorted; `alternatives[k]` is an alternative
    /// that begins with `syms[k]`.
    syms: Box<[Sym]>,
    alternatives: Box<[u32]>,
    /// The alternatives that may begin with any word, or with none.
    always: Box<[u32]>,
}

impl Index {
    fn new(alternatives: impl Iterator<Item = Option<Vec<Sym>>>) -> Index {
        let (mut by_sym, mut always) = (Vec::new(), Vec::new());
        for (a, edge) in alternatives.enumerate() {
            match edge {
                Some(syms) => by_sym.extend(syms.into_iter().map(|s| (s, a as u32))),
                None => always.push(a as u32),
            }
        }
        by_sym.sort_unstable();
        by_sym.dedup();
        Index {
            syms: by_sym.iter().map(|&(s, _)| s).collect(),
            alternatives: by_sym.iter().map(|&(_, a)| a).collect(),
            always: always.into(),
        }
    }

    /// The alternatives that may begin (or end) with `sym`, then those that may begin with any
    /// word: slices of alternative indexes, so a walk reads them without an iterator adapter.
    fn candidates(&self, sym: Option<Sym>) -> (&[u32], &[u32]) {
        let matching = match sym {
            Some(sym) => {
                let from = self.syms.partition_point(|&s| s < sym);
                let to = from + self.syms[from..].iter().take_while(|&&s| s == sym).count();
                &self.alternatives[from..to]
            }
            None => &[],
        };
        (matching, &self.always)
    }
}

impl Choice {
    pub fn new(alternatives: Box<[Box<[Node]>]>) -> Choice {
        // Each alternative's edge, read once for the index and once for the choice's head.
        let side = |backward: bool| {
            let edges: Vec<_> = alternatives.iter().map(|a| edge(a, backward)).collect();
            let mut syms: Vec<Sym> = edges
                .iter()
                .flat_map(|(syms, _)| syms.iter().copied())
                .collect();
            syms.sort_unstable();
            syms.dedup();
            let how = edges
                .iter()
                .map(|&(_, how)| how)
                .max()
                .unwrap_or(Edge::Closed);
            let index = Index::new(edges.into_iter().map(|(syms, how)| match how {
                Edge::Closed => Some(syms),
                Edge::Open | Edge::Wild => None,
            }));
            let syms = syms.into();
            (index, Head { syms, how })
        };
        let ((first, head), (last, tail)) = (side(false), side(true));
        Choice::from_parts(alternatives, (first, last), [head, tail])
    }

    /// Its alternatives, the indexes of their first and last words and its heads, for a prebuilt
    /// matcher.
    #[cfg(test)]
    pub fn parts(&self) -> (&[Box<[Node]>], &Index, &Index, &[Head; 2]) {
        (&self.alternatives, &self.first, &self.last, &self.heads)
    }

    /// The choice [`Choice::parts`] gave.
    pub fn from_parts(
        alternatives: Box<[Box<[Node]>]>,
        (first, last): (Index, Index),
        heads: [Head; 2],
    ) -> Choice {
        Choice {
            longest: alternatives.iter().map(|a| longest(a)).max().unwrap_or(0),
            alternatives,
            first,
            last,
            heads,
        }
    }

    /// The most words a match of it can span.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// The words the choice can begin with (`backward`: end with), and how it begins.
    pub fn head(&self, backward: bool) -> (&[Sym], Edge) {
        let head = &self.heads[usize::from(backward)];
        (&head.syms, head.how)
    }

    /// The words its alternatives can begin with (sorted, repeats possible), and whether one
    /// can begin with any word or none.
    pub fn first_words(&self) -> (&[Sym], bool) {
        (&self.first.syms, !self.first.always.is_empty())
    }

    /// The alternatives that can start with `sym`: those that start with it, then those that
    /// can start with any word.
    pub fn starting(&self, sym: Option<Sym>) -> (&[u32], &[u32]) {
        self.first.candidates(sym)
    }

    /// The alternatives that can end with `sym`, as [`Choice::starting`] gives them.
    pub fn ending(&self, sym: Option<Sym>) -> (&[u32], &[u32]) {
        self.last.candidates(sym)
    }
}

/// How a sequence begins, beyond the symbols found; in order, so that a choice begins as the
/// loosest of its alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) enum Edge {
    /// With one of the symbols.
    Closed,
    /// With one of the symbols, or it can be empty.
    Open,
    /// With any symbol.
    Wild,
}

/// The symbols a sequence can begin with (its last ones, walked `backward`), and how it begins.
pub(super) fn edge(nodes: &[Node], backward: bool) -> (Vec<Sym>, Edge) {
    let mut syms = Vec::new();
    let mut walk = |node: &Node| -> Option<Edge> {
        match node {
            Node::Word(s) => {
                syms.push(*s);
                Some(Edge::Closed)
            }
            Node::Stem(_) | Node::Any | Node::Gap(_) => Some(Edge::Wild),
            // `$` holds no word: what follows it decides.
            Node::End => None,
            Node::Choice(c) => {
                let (head, how) = c.head(backward);
                syms.extend_from_slice(head);
                match how {
                    Edge::Open => None,
                    how => Some(how),
                }
            }
        }
    };
    let found = if backward {
        nodes.iter().rev().find_map(&mut walk)
    } else {
        nodes.iter().find_map(&mut walk)
    };
    let how = found.unwrap_or(Edge::Open);
    (syms, how)
}
