//! Which run of an anchored phrase goes into the automaton: the one expected to be found least
//! often in text (by a rank model of common words), so that the phrase is checked around as few
//! places as possible. Each candidate run stands for at most [`ANCHOR_LIMIT`] word sequences.

use super::super::vocab::{Sym, Vocab};
use super::anchored::{Node, Site};
use std::collections::HashMap;

/// The most word sequences an anchor may stand for.
const ANCHOR_LIMIT: usize = 256;

/// The most common words of conversational English, most common first (Zipf's law gives each a
/// frequency from its rank): an anchor of them alone would be checked everywhere.
const COMMON: &str = include_str!("common.txt");

/// How often each common word's symbol is expected per word of text, sorted by symbol.
fn common_frequencies(vocab: &Vocab) -> Vec<(Sym, f64)> {
    let mut common: Vec<(Sym, f64)> = COMMON
        .lines()
        .enumerate()
        .filter_map(|(rank, w)| {
            vocab
                .symbol(w.trim())
                .map(|s| (s, 0.06 / (rank + 1) as f64))
        })
        .collect();
    // A word listed twice keeps its better rank.
    common.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    common.dedup_by_key(|c| c.0);
    common
}

/// The symbol sequences `nodes` stand for, when they are all words, stems and choices of those
/// and there are at most `limit` of them.
fn sequences(nodes: &[Node], vocab: &Vocab, limit: usize) -> Option<Vec<Vec<Sym>>> {
    let mut acc: Vec<Vec<Sym>> = vec![Vec::new()];
    for node in nodes {
        acc = product(&acc, &options(node, vocab, limit)?, limit)?;
    }
    acc.sort();
    acc.dedup();
    Some(acc)
}

/// The symbol sequences one node stands for (repeats possible), as [`sequences`] says.
fn options(node: &Node, vocab: &Vocab, limit: usize) -> Option<Vec<Vec<Sym>>> {
    Some(match node {
        Node::Word(sym) => vec![vec![*sym]],
        Node::Stem(stem) => vocab.stem_members(*stem).iter().map(|&s| vec![s]).collect(),
        Node::Any | Node::Gap(_) | Node::End => return None,
        Node::Choice(c) => {
            let mut all = Vec::new();
            for a in c.alternatives.iter() {
                all.extend(sequences(a, vocab, limit)?);
                if all.len() > limit {
                    return None;
                }
            }
            all
        }
    })
}

/// Every sequence of `acc` followed by every one of `options`, unless there would be more than
/// `limit`.
fn product(acc: &[Vec<Sym>], options: &[Vec<Sym>], limit: usize) -> Option<Vec<Vec<Sym>>> {
    if acc.len() * options.len() > limit {
        return None;
    }
    Some(
        acc.iter()
            .flat_map(|a| options.iter().map(move |b| [a.as_slice(), b].concat()))
            .collect(),
    )
}

/// How often a sequence of symbols is expected per word of text, roughly: what an anchor costs
/// in checks. A common word is frequent by its rank, a stem matches a family of words, any other
/// word is rare; a sequence is about as frequent as its rarest word (common words go together:
/// "we are" is far more frequent than "we" times "are"), a little less for each word more.
fn frequency(seq: &[Sym], common: &[(Sym, f64)], vocab: &Vocab) -> f64 {
    let word = |s: &Sym| match common.binary_search_by_key(s, |c| c.0) {
        Ok(at) => common[at].1,
        Err(_) if vocab.is_stem(*s) => 2e-4,
        Err(_) => 2e-5,
    };
    let rarest = seq.iter().map(word).fold(1.0, f64::min);
    rarest * 0.3f64.powi(seq.len() as i32 - 1)
        // Each pattern also costs the automaton a little.
        + 1e-8
}

/// Chooses the anchors of the phrases of one matcher. A lexicon is a choice inside every phrase
/// that names it: the anchors of each alternative are found once and remembered.
pub(super) struct Anchors<'v> {
    vocab: &'v Vocab,
    common: Vec<(Sym, f64)>,
    known: HashMap<Box<[Node]>, Option<Cut>>,
}

type Cut = (f64, Vec<(Site, Vec<Vec<Sym>>)>);

impl<'v> Anchors<'v> {
    pub fn new(vocab: &'v Vocab) -> Anchors<'v> {
        Anchors {
            vocab,
            common: common_frequencies(vocab),
            known: HashMap::new(),
        }
    }

    /// The cheapest set of anchors every match of `nodes` goes through: a run of literal items
    /// of the sequence itself, or, inside one of its choices, anchors of each alternative.
    /// `None` when some path through the sequence has no word.
    pub fn of(&mut self, nodes: &[Node]) -> Option<Vec<(Site, Vec<Vec<Sym>>)>> {
        self.cut(nodes).map(|(_, sites)| sites)
    }

    /// [`Anchors::cut`] of an alternative, remembered.
    fn known_cut(&mut self, nodes: &[Node]) -> Option<Cut> {
        if let Some(known) = self.known.get(nodes) {
            return known.clone();
        }
        let cut = self.cut(nodes);
        self.known.insert(nodes.into(), cut.clone());
        cut
    }

    fn cut(&mut self, nodes: &[Node]) -> Option<Cut> {
        let mut best = self.best_run(nodes);
        for (k, node) in nodes.iter().enumerate() {
            let Node::Choice(c) = node else {
                continue;
            };
            let mut union: Cut = (0.0, Vec::new());
            let every = c.alternatives.iter().enumerate().all(|(a, alternative)| {
                let Some((cost, sites)) = self.known_cut(alternative) else {
                    return false;
                };
                union.0 += cost;
                union.1.extend(sites.into_iter().map(|(mut site, seqs)| {
                    site.path.insert(0, (k, a));
                    (site, seqs)
                }));
                true
            });
            if every && best.as_ref().is_none_or(|b| union.0 < b.0) {
                best = Some(union);
            }
        }
        best
    }

    /// The cheapest run of items of `nodes` itself that stands for few enough word sequences.
    fn best_run(&self, nodes: &[Node]) -> Option<Cut> {
        let (vocab, common) = (self.vocab, &self.common);
        let mut best: Option<Cut> = None;
        // Each run's sequences extend the run one shorter: each node's options are computed once.
        let options: Vec<_> = nodes
            .iter()
            .map(|node| options(node, vocab, ANCHOR_LIMIT))
            .collect();
        for i in 0..nodes.len() {
            let mut acc: Vec<Vec<Sym>> = vec![Vec::new()];
            for j in i + 1..=nodes.len() {
                let Some(next) = options[j - 1]
                    .as_ref()
                    .and_then(|o| product(&acc, o, ANCHOR_LIMIT))
                else {
                    break;
                };
                acc = next;
                let mut seqs = acc.clone();
                seqs.sort();
                seqs.dedup();
                if seqs.iter().any(Vec::is_empty) {
                    continue;
                }
                let cost: f64 = seqs.iter().map(|s| frequency(s, common, vocab)).sum();
                if best.as_ref().is_none_or(|b| cost < b.0) {
                    let site = Site {
                        path: Vec::new(),
                        run: (i, j),
                    };
                    best = Some((cost, vec![(site, seqs)]));
                }
            }
        }
        best
    }
}
