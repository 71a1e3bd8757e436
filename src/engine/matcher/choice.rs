//! A choice in an anchored phrase, indexed by the words its alternatives can start and end with:
//! checking a choice of forty alternatives around an anchor tries the two or three that can begin
//! with the next word, not all forty.

use super::super::vocab::Sym;
use super::anchored::Node;
use serde::{Deserialize, Serialize};

/// One of several sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Choice {
    pub alternatives: Box<[Box<[Node]>]>,
    /// Which alternatives can start with a symbol, matched forward.
    first: Index,
    /// Which alternatives can end with a symbol, matched backward.
    last: Index,
}

/// Alternatives by a symbol they can begin with (sorted pairs), and those that can begin with
/// anything: a wildcard, a stem, or nothing at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Index {
    by_sym: Box<[(Sym, u32)]>,
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
            by_sym: by_sym.into(),
            always: always.into(),
        }
    }

    /// The alternatives that can begin with `sym` (`None`: no symbol, past the turn).
    fn candidates(&self, sym: Option<Sym>) -> impl Iterator<Item = usize> + '_ {
        let matching = match sym {
            Some(sym) => {
                let from = self.by_sym.partition_point(|&(s, _)| s < sym);
                let to = from + self.by_sym[from..].partition_point(|&(s, _)| s == sym);
                &self.by_sym[from..to]
            }
            None => &[],
        };
        matching
            .iter()
            .map(|&(_, a)| a as usize)
            .chain(self.always.iter().map(|&a| a as usize))
    }
}

impl Choice {
    pub fn new(alternatives: Box<[Box<[Node]>]>) -> Choice {
        let index = |backward: bool| {
            Index::new(alternatives.iter().map(|a| match edge(a, backward) {
                (syms, Edge::Closed) => Some(syms),
                (_, Edge::Open | Edge::Wild) => None,
            }))
        };
        Choice {
            first: index(false),
            last: index(true),
            alternatives,
        }
    }

    /// The alternatives that can start with `sym`.
    /// Its alternatives and the indexes of their first and last words, for a prebuilt matcher.
    #[cfg(test)]
    pub fn parts(&self) -> (&[Box<[Node]>], &Index, &Index) {
        (&self.alternatives, &self.first, &self.last)
    }

    /// The choice [`Choice::parts`] gave.
    pub fn from_parts(alternatives: Box<[Box<[Node]>]>, first: Index, last: Index) -> Choice {
        Choice {
            alternatives,
            first,
            last,
        }
    }

    pub fn starting(&self, sym: Option<Sym>) -> impl Iterator<Item = usize> + '_ {
        self.first.candidates(sym)
    }

    /// The alternatives that can end with `sym`.
    pub fn ending(&self, sym: Option<Sym>) -> impl Iterator<Item = usize> + '_ {
        self.last.candidates(sym)
    }
}

/// How a sequence begins, beyond the symbols found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// With one of the symbols.
    Closed,
    /// With one of the symbols, or it can be empty.
    Open,
    /// With any symbol.
    Wild,
}

/// The symbols a sequence can begin with (its last ones, walked `backward`), and how it begins.
fn edge(nodes: &[Node], backward: bool) -> (Vec<Sym>, Edge) {
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
                let mut open = false;
                for a in c.alternatives.iter() {
                    let (more, how) = edge(a, backward);
                    syms.extend(more);
                    match how {
                        Edge::Wild => return Some(Edge::Wild),
                        Edge::Open => open = true,
                        Edge::Closed => {}
                    }
                }
                (!open).then_some(Edge::Closed)
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
