//! Phrases matched without expanding them: lexicon slots, stems and wide alternatives would stand
//! for thousands of word sequences each. Such a phrase puts only the expansions of one run of its
//! items (its *anchor*, a few dozen word sequences at most) into the automaton; around each anchor
//! hit the items on either side are checked over the symbol stream, as a small NFA over words
//! would: sets of positions, item by item.

use super::super::vocab::{BREAK, Sym, SymbolStream, Vocab};
use crate::rules::phrase::Item;

/// The most word sequences an anchor may stand for.
pub(super) const ANCHOR_LIMIT: usize = 256;

/// A pattern item with its words as symbols.
#[derive(Debug, Clone)]
pub(super) enum Node {
    Word(Sym),
    /// A stem, by its symbol.
    Stem(Sym),
    Any,
    End,
    Choice(Box<[Box<[Node]>]>),
}

/// A phrase matched around anchors.
#[derive(Debug, Clone)]
pub(super) struct Anchored {
    pub nodes: Box<[Node]>,
    /// Where its anchors sit: every match of the phrase goes through one of them.
    pub sites: Vec<Site>,
}

/// A run of items somewhere in a phrase: `path` leads from the phrase's items through choices
/// (item index, alternative index) to the sequence that holds `run`.
#[derive(Debug, Clone)]
pub(super) struct Site {
    pub path: Vec<(usize, usize)>,
    pub run: (usize, usize),
}

/// Words that occur in most sentences: an anchor of them alone would be checked everywhere.
const COMMON: &[&str] = &[
    "a", "an", "the", "i", "you", "we", "it", "is", "are", "am", "be", "to", "of", "in", "on",
    "for", "and", "or", "that", "this", "will", "can", "not", "do", "have", "my", "your", "our",
    "me", "us", "with", "at", "so", "if", "please", "would",
];

/// Compiles `items` (a phrase's, checked to have a word in every sequence) to symbols.
pub(super) fn nodes(items: &[Item], vocab: &Vocab) -> Box<[Node]> {
    items
        .iter()
        .map(|item| match item {
            // A word missing from the vocabulary (a filler) can only be matched as itself, which
            // the stream never holds: any word stands in, as in expanded phrases.
            Item::Word(w) => vocab.symbol(w).map_or(Node::Any, Node::Word),
            Item::Stem(s) => vocab.stem_symbol(s).map_or(Node::Any, Node::Stem),
            Item::Any => Node::Any,
            Item::End => Node::End,
            Item::Choice(alternatives) => {
                Node::Choice(alternatives.iter().map(|a| nodes(a, vocab)).collect())
            }
        })
        .collect()
}

/// The symbol sequences `nodes` stand for, when they are all words, stems and choices of those
/// and there are at most `limit` of them.
fn sequences(nodes: &[Node], vocab: &Vocab, limit: usize) -> Option<Vec<Vec<Sym>>> {
    let mut acc: Vec<Vec<Sym>> = vec![Vec::new()];
    for node in nodes {
        let options: Vec<Vec<Sym>> = match node {
            Node::Word(sym) => vec![vec![*sym]],
            Node::Stem(stem) => vocab.stem_members(*stem).iter().map(|&s| vec![s]).collect(),
            Node::Any | Node::End => return None,
            Node::Choice(alternatives) => {
                let mut all = Vec::new();
                for a in alternatives.iter() {
                    all.extend(sequences(a, vocab, limit)?);
                    if all.len() > limit {
                        return None;
                    }
                }
                all
            }
        };
        if acc.len() * options.len() > limit {
            return None;
        }
        acc = acc
            .iter()
            .flat_map(|a| options.iter().map(move |b| [a.as_slice(), b].concat()))
            .collect();
    }
    acc.sort();
    acc.dedup();
    Some(acc)
}

/// How often a sequence of symbols is expected per word of text, roughly: what an anchor costs
/// in checks. A common word is frequent, a stem matches a family of words.
fn frequency(seq: &[Sym], common: &[Sym], vocab: &Vocab) -> f64 {
    seq.iter()
        .map(|s| {
            if common.contains(s) {
                0.03
            } else if vocab.is_stem(*s) {
                0.003
            } else {
                0.001
            }
        })
        .product::<f64>()
        // Each pattern also costs the automaton a little.
        + 1e-6
}

/// The cheapest set of anchors every match of `nodes` goes through: a run of literal items of the
/// sequence itself, or, inside one of its choices, anchors of each alternative. `None` when
/// some path through the sequence has no word.
pub(super) fn anchors(nodes: &[Node], vocab: &Vocab) -> Option<Vec<(Site, Vec<Vec<Sym>>)>> {
    let common: Vec<Sym> = COMMON.iter().filter_map(|w| vocab.symbol(w)).collect();
    cut(nodes, vocab, &common).map(|(_, sites)| sites)
}

type Cut = (f64, Vec<(Site, Vec<Vec<Sym>>)>);

fn cut(nodes: &[Node], vocab: &Vocab, common: &[Sym]) -> Option<Cut> {
    let mut best: Option<Cut> = None;
    let mut consider = |candidate: Cut| {
        if best.as_ref().is_none_or(|b| candidate.0 < b.0) {
            best = Some(candidate);
        }
    };
    for i in 0..nodes.len() {
        for j in i + 1..=nodes.len() {
            let Some(seqs) = sequences(&nodes[i..j], vocab, ANCHOR_LIMIT) else {
                break;
            };
            if seqs.iter().any(Vec::is_empty) {
                continue;
            }
            let cost = seqs.iter().map(|s| frequency(s, common, vocab)).sum();
            let site = Site {
                path: Vec::new(),
                run: (i, j),
            };
            consider((cost, vec![(site, seqs)]));
        }
    }
    for (k, node) in nodes.iter().enumerate() {
        let Node::Choice(alternatives) = node else {
            continue;
        };
        let mut union: Cut = (0.0, Vec::new());
        let every = alternatives.iter().enumerate().all(|(a, alternative)| {
            let Some((cost, sites)) = cut(alternative, vocab, common) else {
                return false;
            };
            union.0 += cost;
            union.1.extend(sites.into_iter().map(|(mut site, seqs)| {
                site.path.insert(0, (k, a));
                (site, seqs)
            }));
            true
        });
        if every {
            consider(union);
        }
    }
    best
}

/// The stream and the turn a match is checked in.
pub(super) struct Around<'a> {
    pub stream: &'a SymbolStream,
    pub vocab: &'a Vocab,
    /// Whether a sentence ends after the symbol before position `p`.
    pub sentence_end: &'a dyn Fn(usize) -> bool,
}

impl Around<'_> {
    /// The matches of `a` around an anchor of site `site` found at symbols `anchor..end`: the
    /// positions where they start, and the furthest where one ends (`None`: no match).
    pub fn matches(
        &self,
        a: &Anchored,
        site: &Site,
        anchor: usize,
        end: usize,
    ) -> Option<(Vec<usize>, usize)> {
        // The sequences from the phrase down to the site's, and where each goes down.
        let mut levels: Vec<(&[Node], usize)> = Vec::with_capacity(site.path.len() + 1);
        let mut seq: &[Node] = &a.nodes;
        for &(item, alternative) in &site.path {
            levels.push((seq, item));
            let Node::Choice(alternatives) = &seq[item] else {
                return None;
            };
            seq = &alternatives[alternative];
        }
        let mut ends = self.forward(&seq[site.run.1..], vec![end]);
        let mut starts = self.backward(&seq[..site.run.0], vec![anchor]);
        for &(outer, item) in levels.iter().rev() {
            ends = self.forward(&outer[item + 1..], ends);
            starts = self.backward(&outer[..item], starts);
        }
        let last = *ends.last()?;
        (!starts.is_empty()).then_some((starts, last))
    }

    /// Whether `node` (not a choice) matches the symbol at `p`.
    fn one(&self, node: &Node, p: usize) -> bool {
        let Some(&sym) = self.stream.syms.get(p) else {
            return false;
        };
        match node {
            Node::Word(w) => sym == *w,
            Node::Stem(stem) => self.vocab.has_stem(*stem, sym),
            Node::Any => sym != BREAK,
            Node::End | Node::Choice(_) => false,
        }
    }

    /// The positions after `nodes` matched forward from each of `from` (sorted, distinct).
    pub fn forward(&self, nodes: &[Node], from: Vec<usize>) -> Vec<usize> {
        nodes.iter().fold(from, |positions, node| {
            let mut next = Vec::with_capacity(positions.len());
            for &p in &positions {
                match node {
                    Node::End if (self.sentence_end)(p) => next.push(p),
                    Node::End => {}
                    Node::Choice(alternatives) => {
                        for a in alternatives.iter() {
                            next.extend(self.forward(a, vec![p]));
                        }
                    }
                    _ if self.one(node, p) => next.push(p + 1),
                    _ => {}
                }
            }
            next.sort_unstable();
            next.dedup();
            next
        })
    }

    /// The positions where `nodes` start, matched backward to each of `to` (sorted, distinct).
    pub fn backward(&self, nodes: &[Node], to: Vec<usize>) -> Vec<usize> {
        nodes.iter().rev().fold(to, |positions, node| {
            let mut next = Vec::with_capacity(positions.len());
            for &p in &positions {
                match node {
                    Node::End => {}
                    Node::Choice(alternatives) => {
                        for a in alternatives.iter() {
                            next.extend(self.backward(a, vec![p]));
                        }
                    }
                    _ if p > 0 && self.one(node, p - 1) => next.push(p - 1),
                    _ => {}
                }
            }
            next.sort_unstable();
            next.dedup();
            next
        })
    }
}
