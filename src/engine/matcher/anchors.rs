//! Which run of an anchored phrase goes into the automaton: the one expected to be found least
//! often in text (by a rank model of common words), so that the phrase is checked around as few
//! places as possible. Each candidate run stands for at most [`ANCHOR_LIMIT`] word sequences.

use super::super::vocab::{Sym, Vocab};
use super::anchored::{Node, Site};
use super::choice::Choice;
use super::neighbours::Neighbours;
use super::within::Lexis;
use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::Arc;

/// The most word sequences an anchor may stand for.
const ANCHOR_LIMIT: usize = 256;

/// The most common words of conversational English, most common first (Zipf's law gives each a
/// frequency from its rank): an anchor of them alone would be checked everywhere.
const COMMON: &str = include_str!("common.txt");

/// How often each symbol's word is expected per word of text, by symbol: a common word by its
/// rank (its best, when listed twice), a stem for a family of words, any other word is rare.
fn word_frequencies(vocab: &Vocab) -> Vec<f64> {
    let mut frequency: Vec<f64> = (0..vocab.symbols())
        .map(|s| if vocab.is_stem(s as Sym) { 2e-4 } else { 2e-5 })
        .collect();
    let mut ranked = vec![false; frequency.len()];
    for (rank, w) in COMMON.lines().enumerate() {
        if let Some(s) = vocab.symbol(w.trim()).map(usize::from)
            && !std::mem::replace(&mut ranked[s], true)
        {
            frequency[s] = 0.06 / (rank + 1) as f64;
        }
    }
    frequency
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
/// in checks. A sequence is about as frequent as its rarest word (common words go together: "we
/// are" is far more frequent than "we" times "are"), a little less for each word more.
fn frequency(seq: &[Sym], words: &[f64]) -> f64 {
    let rarest = seq
        .iter()
        .map(|&s| words[usize::from(s)])
        .fold(1.0, f64::min);
    rarest * 0.3f64.powi(seq.len() as i32 - 1)
        // Each pattern also costs the automaton a little.
        + 1e-8
}

/// Chooses the anchors of the phrases of one matcher. A lexicon is one shared choice inside
/// every phrase that names it: the anchors of each of its alternatives, and the word sequences
/// it stands for, are found once and remembered by the choice's address (the map holds the
/// choice, so the address stays its own).
pub(super) struct Anchors<'v> {
    vocab: &'v Vocab,
    /// [`word_frequencies`].
    words: Vec<f64>,
    /// The cut of each alternative, by the choice's address and the alternative.
    cuts: FxHashMap<(*const Choice, usize), Known<Cut>>,
    /// The word sequences of each choice, by its address.
    options: FxHashMap<*const Choice, Known<[Vec<Sym>]>>,
}

/// What was found of a choice, with the choice (so its address stays its own).
type Known<T> = (Arc<Choice>, Option<Rc<T>>);

/// The anchors of a sequence, with what they cost.
type Cut = (f64, Sites);

/// Where the anchors of a sequence sit: a run of its own items, or inside one of its choices,
/// the anchors of each alternative (shared with every other phrase that names the choice).
enum Sites {
    Run {
        run: (usize, usize),
        sequences: Vec<Vec<Sym>>,
    },
    Inside {
        item: usize,
        alternatives: Vec<Rc<Cut>>,
    },
}

impl Sites {
    /// Gives `each` every anchor site of the phrase `nodes` under `path` (item and alternative of
    /// each choice on the way), with its word sequences.
    fn flatten(
        &self,
        nodes: &[Node],
        path: &mut Vec<(usize, usize)>,
        lexis: &Lexis,
        each: &mut dyn FnMut(Site, &[Vec<Sym>]),
    ) {
        match self {
            Sites::Run { run, sequences } => {
                let site = Site {
                    neighbours: Neighbours::of(nodes, path, *run, lexis),
                    path: path.clone(),
                    run: *run,
                };
                each(site, sequences);
            }
            Sites::Inside { item, alternatives } => {
                for (a, cut) in alternatives.iter().enumerate() {
                    path.push((*item, a));
                    cut.1.flatten(nodes, path, lexis, each);
                    path.pop();
                }
            }
        }
    }
}

impl<'v> Anchors<'v> {
    pub fn new(vocab: &'v Vocab) -> Anchors<'v> {
        Anchors {
            vocab,
            words: word_frequencies(vocab),
            cuts: FxHashMap::default(),
            options: FxHashMap::default(),
        }
    }

    /// The cheapest set of anchors every match of `nodes` goes through: a run of literal items
    /// of the sequence itself, or, inside one of its choices, anchors of each alternative. Each
    /// site goes to `each` with its word sequences; `None` when some path through the sequence
    /// has no word.
    pub fn of(&mut self, nodes: &[Node], each: &mut dyn FnMut(Site, &[Vec<Sym>])) -> Option<()> {
        let (_, sites) = self.cut(nodes)?;
        let vocab = self.vocab;
        let lexis = Lexis {
            stems: &|s| vocab.stem_members(s),
            frequency: &self.words,
        };
        sites.flatten(nodes, &mut Vec::new(), &lexis, each);
        Some(())
    }

    /// [`Anchors::cut`] of alternative `a` of `choice`, remembered.
    fn known_cut(&mut self, choice: &Arc<Choice>, a: usize) -> Option<Rc<Cut>> {
        let key = (Arc::as_ptr(choice), a);
        if let Some((_, known)) = self.cuts.get(&key) {
            return known.clone();
        }
        let cut = self.cut(&choice.alternatives[a]).map(Rc::new);
        self.cuts.insert(key, (Arc::clone(choice), cut.clone()));
        cut
    }

    /// The symbol sequences `nodes` stand for, when they are all words, stems and choices of
    /// those and there are at most [`ANCHOR_LIMIT`] of them.
    fn sequences(&mut self, nodes: &[Node]) -> Option<Vec<Vec<Sym>>> {
        let mut acc: Vec<Vec<Sym>> = vec![Vec::new()];
        for node in nodes {
            acc = product(&acc, &self.known_options(node)?, ANCHOR_LIMIT)?;
        }
        acc.sort();
        acc.dedup();
        Some(acc)
    }

    /// The symbol sequences one node stands for (repeats possible), as [`Anchors::sequences`]
    /// says; remembered for a choice, so that lexicons nested in each other are read once each.
    fn known_options(&mut self, node: &Node) -> Option<Rc<[Vec<Sym>]>> {
        let choice = match node {
            Node::Word(sym) => return Some(Rc::from([vec![*sym]])),
            Node::Stem(stem) => {
                let members = self.vocab.stem_members(*stem);
                return Some(members.iter().map(|&s| vec![s]).collect());
            }
            Node::Any | Node::Gap(_) | Node::End => return None,
            Node::Choice(choice) => choice,
        };
        let key = Arc::as_ptr(choice);
        if let Some((_, known)) = self.options.get(&key) {
            return known.clone();
        }
        let mut all = Vec::new();
        let mut found = true;
        for a in choice.alternatives.iter() {
            match self.sequences(a) {
                Some(more) if all.len() + more.len() <= ANCHOR_LIMIT => all.extend(more),
                _ => {
                    found = false;
                    break;
                }
            }
        }
        let found: Option<Rc<[Vec<Sym>]>> = found.then(|| Rc::from(all));
        self.options
            .insert(key, (Arc::clone(choice), found.clone()));
        found
    }

    fn cut(&mut self, nodes: &[Node]) -> Option<Cut> {
        let mut best = self.best_run(nodes);
        for (k, node) in nodes.iter().enumerate() {
            let Node::Choice(c) = node else {
                continue;
            };
            let Some(alternatives) = (0..c.alternatives.len())
                .map(|a| self.known_cut(c, a))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let cost: f64 = alternatives.iter().map(|cut| cut.0).sum();
            if best.as_ref().is_none_or(|b| cost < b.0) {
                best = Some((
                    cost,
                    Sites::Inside {
                        item: k,
                        alternatives,
                    },
                ));
            }
        }
        best
    }

    /// The cheapest run of items of `nodes` itself that stands for few enough word sequences.
    fn best_run(&mut self, nodes: &[Node]) -> Option<Cut> {
        // Each run's sequences extend the run one shorter: each node's options are computed once.
        let options: Vec<_> = nodes.iter().map(|node| self.known_options(node)).collect();
        let words = &self.words;
        let mut best: Option<Cut> = None;
        for i in 0..nodes.len() {
            let mut acc: Vec<Vec<Sym>> = vec![Vec::new()];
            for j in i + 1..=nodes.len() {
                match options[j - 1].as_deref() {
                    // One word (the most common case): each sequence grows in place.
                    Some([only]) => acc.iter_mut().for_each(|a| a.extend_from_slice(only)),
                    Some(some) => match product(&acc, some, ANCHOR_LIMIT) {
                        Some(next) => acc = next,
                        None => break,
                    },
                    None => break,
                }
                // Sorted, so that each distinct sequence is counted once; the repeats stay, as
                // the limit counts them.
                acc.sort_unstable();
                let distinct = || acc.chunk_by(|a, b| a == b).map(|run| &run[0]);
                if acc.first().is_some_and(Vec::is_empty) {
                    continue;
                }
                let cost: f64 = distinct().map(|s| frequency(s, words)).sum();
                if best.as_ref().is_none_or(|b| cost < b.0) {
                    let sequences = distinct().cloned().collect();
                    best = Some((
                        cost,
                        Sites::Run {
                            run: (i, j),
                            sequences,
                        },
                    ));
                }
            }
        }
        best
    }
}
