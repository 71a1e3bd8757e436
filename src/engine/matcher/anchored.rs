//! Phrases matched without expanding them: lexicon slots, stems and wide alternatives would stand
//! for thousands of word sequences each. Such a phrase puts only the expansions of one run of its
//! items (its *anchor*, a few dozen word sequences at most) into the automaton; around each anchor
//! hit the items on either side are checked over the symbol stream, as a small NFA over words
//! would: sets of positions, item by item.

use super::super::vocab::{BREAK, Sym, SymbolStream, Vocab};
use super::choice::Choice;
use crate::rules::phrase::Item;
use std::collections::HashMap;

/// The most word sequences an anchor may stand for.
pub(super) const ANCHOR_LIMIT: usize = 256;

/// A pattern item with its words as symbols.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Node {
    Word(Sym),
    /// A stem, by its symbol.
    Stem(Sym),
    Any,
    /// Up to this many words of any kind: a run of optional wildcards (`[*] [*] [*]`), walked as
    /// one node so that its paths to the same place are not walked again and again.
    Gap(usize),
    End,
    Choice(Box<Choice>),
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

/// Compiles `items` (a phrase's, checked to have a word in every sequence) to symbols.
pub(super) fn nodes(items: &[Item], vocab: &Vocab) -> Box<[Node]> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if is_optional_any(item) {
            match out.last_mut() {
                Some(Node::Gap(n)) => *n += 1,
                _ => out.push(Node::Gap(1)),
            }
            continue;
        }
        out.push(match item {
            // A word missing from the vocabulary (a filler) can only be matched as itself, which
            // the stream never holds: any word stands in, as in expanded phrases.
            Item::Word(w) => vocab.symbol(w).map_or(Node::Any, Node::Word),
            Item::Stem(s) => vocab.stem_symbol(s).map_or(Node::Any, Node::Stem),
            Item::Any => Node::Any,
            Item::End => Node::End,
            Item::Choice(alternatives) => Node::Choice(Box::new(Choice::new(
                alternatives.iter().map(|a| nodes(a, vocab)).collect(),
            ))),
        });
    }
    out.into()
}

/// Whether `item` is `[*]`: any one word, or none.
fn is_optional_any(item: &Item) -> bool {
    let Item::Choice(alternatives) = item else {
        return false;
    };
    let any = |a: &Vec<Item>| matches!(a.as_slice(), [Item::Any]);
    alternatives.len() == 2
        && alternatives.iter().any(any)
        && alternatives.iter().any(|a| a.is_empty())
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

/// Which way a walk reads the symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Forward,
    Backward,
}

/// The stream and the turn a match is checked in.
pub(super) struct Around<'a> {
    pub stream: &'a SymbolStream,
    pub vocab: &'a Vocab,
    /// Whether a sentence ends after the symbol before position `p`.
    pub sentence_end: &'a dyn Fn(usize) -> bool,
}

impl<'n> Around<'_> {
    /// The matches of `a` around an anchor of site `site` found at symbols `anchor..end`: the
    /// positions where they start go to `starts`, and the furthest where one ends is given
    /// (`None`: no match). `rest` and `ends` are reusable buffers.
    pub fn matches(
        &self,
        a: &'n Anchored,
        site: &Site,
        (anchor, end): (usize, usize),
        rest: &mut Vec<&'n [Node]>,
        ends: &mut Vec<usize>,
        starts: &mut Vec<usize>,
    ) -> Option<usize> {
        // The sequence of the site, and the parts of the sequences around it to match after it
        // (outermost first, so the innermost comes off the stack first).
        let site_seq = |rest: &mut Vec<&'n [Node]>, after: bool| -> Option<&'n [Node]> {
            rest.clear();
            let mut seq: &'n [Node] = &a.nodes;
            for &(item, alternative) in &site.path {
                rest.push(if after {
                    &seq[item + 1..]
                } else {
                    &seq[..item]
                });
                let Node::Choice(c) = &seq[item] else {
                    return None;
                };
                seq = &c.alternatives[alternative];
            }
            Some(seq)
        };
        // Backward first: most anchors of common words fail on the word before them.
        let seq = site_seq(rest, false)?;
        starts.clear();
        self.walk(Way::Backward, &seq[..site.run.0], rest, anchor, starts);
        if starts.is_empty() {
            return None;
        }
        starts.sort_unstable();
        starts.dedup();
        site_seq(rest, true)?;
        ends.clear();
        self.walk(Way::Forward, &seq[site.run.1..], rest, end, ends);
        ends.iter().copied().max()
    }

    /// Every position where `nodes` end when matched from `p` (into `ends`, repeats possible).
    pub fn ends(
        &self,
        nodes: &'n [Node],
        p: usize,
        rest: &mut Vec<&'n [Node]>,
        ends: &mut Vec<usize>,
    ) {
        rest.clear();
        self.walk(Way::Forward, nodes, rest, p, ends);
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
            Node::Gap(_) | Node::End | Node::Choice(_) => false,
        }
    }

    /// Every position where `nodes`, then each sequence of `rest` (the last first), end when
    /// matched forward from `p` (or start, matched backward to `p`): a depth-first walk that
    /// allocates nothing. `p` is the position between two symbols that the walk has reached.
    fn walk(
        &self,
        way: Way,
        nodes: &'n [Node],
        rest: &mut Vec<&'n [Node]>,
        p: usize,
        out: &mut Vec<usize>,
    ) {
        let next = match way {
            Way::Forward => nodes.split_first(),
            Way::Backward => nodes.split_last(),
        };
        let Some((node, others)) = next else {
            match rest.pop() {
                None => out.push(p),
                Some(more) => {
                    self.walk(way, more, rest, p, out);
                    rest.push(more);
                }
            }
            return;
        };
        // The symbol the walk reads next, and where it is.
        let at = match way {
            Way::Forward => Some(p),
            Way::Backward => p.checked_sub(1),
        };
        match node {
            // `$` ends a phrase: forward it asks for a sentence end, backward it never comes.
            Node::End if way == Way::Forward && (self.sentence_end)(p) => {
                self.walk(way, others, rest, p, out)
            }
            Node::End => {}
            Node::Gap(n) => {
                // Zero words, then one more word at a time while there are words.
                let mut q = p;
                for _ in 0..=*n {
                    self.walk(way, others, rest, q, out);
                    let next = match way {
                        Way::Forward => Some(q),
                        Way::Backward => q.checked_sub(1),
                    };
                    match next.filter(|&r| self.one(&Node::Any, r)) {
                        Some(r) if way == Way::Forward => q = r + 1,
                        Some(r) => q = r,
                        None => break,
                    }
                }
            }
            Node::Choice(c) => {
                rest.push(others);
                let sym = at.and_then(|q| self.stream.syms.get(q).copied());
                let candidates: &mut dyn Iterator<Item = usize> = match way {
                    Way::Forward => &mut c.starting(sym),
                    Way::Backward => &mut c.ending(sym),
                };
                for a in candidates {
                    self.walk(way, &c.alternatives[a], rest, p, out);
                }
                rest.pop();
            }
            _ => {
                if let Some(q) = at.filter(|&q| self.one(node, q)) {
                    let after = match way {
                        Way::Forward => q + 1,
                        Way::Backward => q,
                    };
                    self.walk(way, others, rest, after, out);
                }
            }
        }
    }
}
