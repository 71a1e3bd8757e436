//! Phrases matched without expanding them: lexicon slots, stems and wide alternatives would stand
//! for thousands of word sequences each. Such a phrase puts only the expansions of one run of its
//! items (its *anchor*, a few dozen word sequences at most) into the automaton; around each anchor
//! hit the items on either side are checked over the symbol stream, as a small NFA over words
//! would: sets of positions, item by item.

use super::super::vocab::{BREAK, Sym, SymbolStream, Vocab};
use super::choice::Choice;
use super::neighbours::Neighbours;
use crate::rules::phrase::{self, Alternatives, Item};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::sync::Arc;

/// A pattern item with its words as symbols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Node {
    Word(Sym),
    /// A stem, by its symbol.
    Stem(Sym),
    Any,
    /// Up to this many words of any kind: a run of optional wildcards (`[*] [*] [*]`), walked as
    /// one node so that its paths to the same place are not walked again and again.
    Gap(usize),
    End,
    Choice(Arc<Choice>),
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
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Site {
    pub path: Vec<(usize, usize)>,
    pub run: (usize, usize),
    /// The words a match needs next to the anchor.
    pub neighbours: Neighbours,
}

/// Compiles phrase items to nodes. A lexicon is one shared choice in every phrase that names it
/// (and in every lexicon that nests it): it is compiled and indexed once, and its phrases share
/// the result. Choices are known by address, which the borrow of their phrases keeps theirs.
pub(super) struct NodeCompiler<'p, 'v> {
    vocab: &'v Vocab,
    choices: FxHashMap<*const phrase::Choice, Arc<Choice>>,
    phrases: PhantomData<&'p Item>,
}

impl<'p, 'v> NodeCompiler<'p, 'v> {
    pub fn new(vocab: &'v Vocab) -> NodeCompiler<'p, 'v> {
        NodeCompiler {
            vocab,
            choices: FxHashMap::default(),
            phrases: PhantomData,
        }
    }

    /// Compiles `items` (a phrase's, checked to have a word in every sequence) to symbols.
    pub fn nodes(&mut self, items: &'p [Item]) -> Box<[Node]> {
        let vocab = self.vocab;
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
                // A word missing from the vocabulary (a filler) can only be matched as itself,
                // which the stream never holds: any word stands in, as in expanded phrases.
                Item::Word(w) => vocab.symbol(w).map_or(Node::Any, Node::Word),
                Item::Stem(s) => vocab.stem_symbol(s).map_or(Node::Any, Node::Stem),
                Item::Any => Node::Any,
                Item::End => Node::End,
                Item::Choice(alternatives) => Node::Choice(self.choice(alternatives)),
            });
        }
        out.into()
    }

    fn choice(&mut self, alternatives: &'p Alternatives) -> Arc<Choice> {
        let key = Arc::as_ptr(alternatives);
        if let Some(known) = self.choices.get(&key) {
            return Arc::clone(known);
        }
        let compiled = alternatives.iter().map(|a| self.nodes(a)).collect();
        let choice = Arc::new(Choice::new(compiled));
        self.choices.insert(key, Arc::clone(&choice));
        choice
    }
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

/// Which way a walk reads the symbols: a walk is compiled once for each, so that it never asks.
const FORWARD: bool = true;
const BACKWARD: bool = false;

/// How many times a walk branches before it is redone remembering where it has been: the
/// default pack's walks branch a few dozen times at most.
const PLAIN_WALK_STEPS: u32 = 20_000;

/// The stream and the turn a match is checked in.
pub(super) struct Around<'a> {
    pub stream: &'a SymbolStream,
    pub vocab: &'a Vocab,
    /// Whether a sentence ends after the symbol before position `p`.
    sentence_end: &'a dyn Fn(usize) -> bool,
    /// How many times the walk under way has branched.
    branches: Cell<u32>,
    /// Where a walk redone has been: the nodes, the sequences left after them (slices known by
    /// address and length; empty ones are alike, and walked alike) and the position.
    seen: RefCell<Option<FxHashSet<Box<[usize]>>>>,
}

impl<'a, 'n> Around<'a> {
    pub fn new(
        stream: &'a SymbolStream,
        vocab: &'a Vocab,
        sentence_end: &'a dyn Fn(usize) -> bool,
    ) -> Around<'a> {
        Around {
            stream,
            vocab,
            sentence_end,
            branches: Cell::new(0),
            seen: RefCell::new(None),
        }
    }

    /// The matches of `a` around an anchor of site `site` found at symbols `anchor..end`: the
    /// positions where they start go to `starts`, and the furthest where one ends is given
    /// (`None`: no match). `rest` and `ends` are reusable buffers.
    #[inline(always)]
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
        self.walk_all::<BACKWARD>(&seq[..site.run.0], rest, anchor, starts);
        if starts.is_empty() {
            return None;
        }
        starts.sort_unstable();
        starts.dedup();
        site_seq(rest, true)?;
        ends.clear();
        self.walk_all::<FORWARD>(&seq[site.run.1..], rest, end, ends);
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
        self.walk_all::<FORWARD>(nodes, rest, p, ends);
    }

    /// [`Around::walk`] from `p` into `out`, counting its branches; a walk that takes more than
    /// [`PLAIN_WALK_STEPS`] is redone remembering where it has been. Choices that match the same
    /// words in many ways (`(please|please please)` twenty times over) give a plain walk
    /// exponentially many paths to the same places; remembered, each place is walked once.
    #[inline(always)]
    fn walk_all<const WAY: bool>(
        &self,
        nodes: &'n [Node],
        rest: &mut Vec<&'n [Node]>,
        p: usize,
        out: &mut Vec<usize>,
    ) {
        let from = out.len();
        self.branches.set(0);
        self.walk::<WAY>(nodes, rest, p, out);
        if self.branches.get() > PLAIN_WALK_STEPS {
            out.truncate(from);
            self.walk_again::<WAY>(nodes, rest, p, out);
        }
    }

    /// [`Around::walk`] once more, remembering where it has been.
    #[cold]
    fn walk_again<const WAY: bool>(
        &self,
        nodes: &'n [Node],
        rest: &mut Vec<&'n [Node]>,
        p: usize,
        out: &mut Vec<usize>,
    ) {
        self.seen.replace(Some(FxHashSet::default()));
        self.walk::<WAY>(nodes, rest, p, out);
        self.seen.replace(None);
    }

    /// Whether the walk goes on where it branches, at `nodes` with `rest` after them at `p`: a
    /// plain walk as long as it has not branched too often, a walk redone where it has not been.
    #[inline(always)]
    fn goes_on(&self, nodes: &[Node], rest: &[&[Node]], p: usize) -> bool {
        let branches = self.branches.get() + 1;
        self.branches.set(branches);
        branches <= PLAIN_WALK_STEPS || self.first_visit(nodes, rest, p)
    }

    #[cold]
    fn first_visit(&self, nodes: &[Node], rest: &[&[Node]], p: usize) -> bool {
        let mut seen = self.seen.borrow_mut();
        let Some(seen) = seen.as_mut() else {
            return false;
        };
        let place = |s: &[Node]| [s.as_ptr() as usize, s.len()];
        let key = [p]
            .into_iter()
            .chain(place(nodes))
            .chain(rest.iter().flat_map(|s| place(s)))
            .collect();
        seen.insert(key)
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
    /// allocates nothing unless it is redone ([`Around::walk_all`]). `p` is the position between
    /// two symbols that the walk has reached. A run of words is read in a loop; the walk recurses
    /// only where it branches.
    fn walk<const WAY: bool>(
        &self,
        mut nodes: &'n [Node],
        rest: &mut Vec<&'n [Node]>,
        mut p: usize,
        out: &mut Vec<usize>,
    ) {
        loop {
            let next = if WAY == FORWARD {
                nodes.split_first()
            } else {
                nodes.split_last()
            };
            let Some((node, others)) = next else {
                match rest.pop() {
                    None => out.push(p),
                    Some(more) => {
                        self.walk::<WAY>(more, rest, p, out);
                        rest.push(more);
                    }
                }
                return;
            };
            // The symbol the walk reads next, and where it is.
            let at = if WAY == FORWARD {
                Some(p)
            } else {
                p.checked_sub(1)
            };
            match node {
                // `$` ends a phrase: forward it asks for a sentence end, backward it never comes.
                Node::End if WAY == FORWARD && (self.sentence_end)(p) => {}
                Node::End => return,
                // Only where the walk branches may it come to the same place again.
                Node::Gap(_) if !self.goes_on(nodes, rest, p) => return,
                Node::Gap(n) => {
                    // Zero words, then one more word at a time while there are words.
                    let mut q = p;
                    for _ in 0..=*n {
                        self.walk::<WAY>(others, rest, q, out);
                        let next = if WAY == FORWARD {
                            Some(q)
                        } else {
                            q.checked_sub(1)
                        };
                        match next.filter(|&r| self.one(&Node::Any, r)) {
                            Some(r) if WAY == FORWARD => q = r + 1,
                            Some(r) => q = r,
                            None => break,
                        }
                    }
                    return;
                }
                Node::Choice(c) => {
                    let sym = at.and_then(|q| self.stream.syms.get(q).copied());
                    let (by_sym, always) = if WAY == FORWARD {
                        c.starting(sym)
                    } else {
                        c.ending(sym)
                    };
                    if by_sym.len() + always.len() > 1 && !self.goes_on(nodes, rest, p) {
                        return;
                    }
                    rest.push(others);
                    for &a in by_sym.iter().chain(always) {
                        self.walk::<WAY>(&c.alternatives[a as usize], rest, p, out);
                    }
                    rest.pop();
                    return;
                }
                _ => {
                    let Some(q) = at.filter(|&q| self.one(node, q)) else {
                        return;
                    };
                    p = if WAY == FORWARD { q + 1 } else { q };
                }
            }
            nodes = others;
        }
    }
}
