//! Building the matcher: the vocabulary of every phrase word and stem, then each phrase either
//! expanded into its word sequences or anchored on one run of its items, all in one automaton.

use super::super::ListId;
use super::super::automaton::Automaton;
use super::super::regexes::Regexes;
use super::super::vocab::{MAX_SYMBOLS, Sym, Vocab};
use super::anchored::{Anchored, Node, NodeCompiler};
use super::anchors::Anchors;
use super::choice::{Edge, edge};
use super::local::{self, Local, LocalAnchor};
use super::targets::{Slot, Target, Targets, TargetsBuilder};
use super::words::{first_past_limit, vocabulary};
use super::{Matcher, prebuilt};
use crate::rules::phrase::{Pattern, Token};
use regex::Regex;
use rustc_hash::FxHashMap;

/// A phrase that stands for at most this many word sequences is expanded (as fast as matching
/// gets); a larger one, or one with stems, is matched around an anchor.
pub(super) const EXPAND_UP_TO: usize = 256;
/// The most patterns the automaton may hold, over all phrases.
pub(crate) const MAX_PATTERNS: usize = 200_000;

/// What the matcher is built from: the phrases of each list (by [`ListId`]), and regexes with the
/// list their hits belong to.
pub struct MatcherInput<'a> {
    pub lists: Vec<Vec<&'a Pattern>>,
    /// The roles each list listens to (by [`ListId`]): its hits in other turns are not looked for.
    pub list_roles: Vec<u8>,
    /// Lists matched only around a hit (`near`), by their own ids.
    pub locals: Vec<Vec<&'a Pattern>>,
    pub regexes: Vec<(ListId, Regex)>,
    pub fillers: &'a [String],
}

/// What the matcher cannot take: a phrase (by its list and its place in the list), or all of
/// them together.
#[derive(Debug)]
pub(crate) struct BuildError {
    pub phrase: Option<(ListId, usize)>,
    pub message: String,
}

/// The automaton's patterns and what each stands for, as they are added.
#[derive(Default)]
struct Patterns {
    /// Each distinct anchor, with its pattern id.
    ids: FxHashMap<Box<[Sym]>, usize>,
    /// By pattern id: the anchor's length and what it stands for; and every variant's slots.
    targets: TargetsBuilder,
}

impl Patterns {
    /// Adds `target` to the targets of `anchor`: a phrase anchored there for another list right
    /// after the same phrase's site, so that [`Matcher::find`] walks the phrase once for both.
    fn add(&mut self, anchor: &[Sym], target: Target) {
        let id = self.id(anchor);
        let targets = self.targets.of(id);
        let at = match target {
            Target::Anchored(_, phrase, site) => targets
                .iter()
                .rposition(|t| matches!(t, Target::Anchored(_, p, s) if (*p, *s) == (phrase, site)))
                .map_or(targets.len(), |k| k + 1),
            Target::Variant(..) => targets.len(),
        };
        targets.insert(at, target);
    }

    /// The pattern id of `anchor`, added with no target if it is new.
    fn id(&mut self, anchor: &[Sym]) -> usize {
        if let Some(&id) = self.ids.get(anchor) {
            return id;
        }
        let id = self.targets.pattern(anchor.len());
        self.ids.insert(anchor.into(), id);
        id
    }

    /// The anchors, by pattern id.
    fn anchors(&self) -> Vec<&[Sym]> {
        let mut all = vec![&[][..]; self.ids.len()];
        for (anchor, &id) in &self.ids {
            all[id] = anchor;
        }
        all
    }
}

impl Matcher {
    /// Builds the matcher. Fails when the phrases use more distinct words than symbols exist, or
    /// a phrase can neither be anchored nor expanded within the limits.
    ///
    /// The default pack's matcher is read, prebuilt, rather than built.
    pub(crate) fn new(input: MatcherInput) -> Result<Matcher, BuildError> {
        match prebuilt::read(&input) {
            Some(built) => built.into_matcher(input.list_roles, input.regexes),
            None => Matcher::build(input, EXPAND_UP_TO),
        }
    }

    /// Whether the matcher for `input` is read prebuilt rather than built.
    #[cfg(test)]
    pub(crate) fn reads_prebuilt(input: &MatcherInput) -> bool {
        prebuilt::read(input).is_some()
    }

    /// Builds the matcher, expanding the phrases of at most `expand_up_to` word sequences.
    pub(super) fn build(input: MatcherInput, expand_up_to: usize) -> Result<Matcher, BuildError> {
        let (words, stems) = vocabulary(input.lists.iter().chain(&input.locals));
        let vocab = Vocab::new(&words, &stems, input.fillers).map_err(|n| BuildError {
            phrase: first_past_limit(&input.lists),
            message: format!(
                "the rules use {n} distinct words and stems, past the {} supported from this \
                 phrase on: check the rules in several runs, or write long word lists as \
                 regexes",
                MAX_SYMBOLS - 2
            ),
        })?;
        let mut patterns = Patterns::default();
        let mut anchored_phrases = Vec::new();
        let mut anchor_finder = Anchors::new(&vocab);
        let mut compiler = NodeCompiler::new(&vocab);
        for (list, phrases) in input.lists.iter().enumerate() {
            let list = list as ListId;
            for (k, pattern) in phrases.iter().enumerate() {
                let fail = |message: String| BuildError {
                    phrase: Some((list, k)),
                    message,
                };
                let count = pattern.variant_count();
                if count <= expand_up_to && !pattern.has_stem() {
                    expand(pattern, count, list, &vocab, &mut patterns);
                } else {
                    let nodes = compiler.nodes(&pattern.items);
                    let add = |seq: &[Sym], index, site| {
                        patterns.add(seq, Target::Anchored(list, index, site));
                    };
                    if add_anchored(&mut anchor_finder, &mut anchored_phrases, nodes, add).is_err()
                    {
                        return Err(fail(
                            "some word sequence of this phrase has no word, so it can never be found"
                                .into(),
                        ));
                    }
                }
                if patterns.ids.len() > MAX_PATTERNS {
                    return Err(too_many_patterns(Some((list, k))));
                }
            }
        }
        let mut local_anchors = Vec::new();
        let locals = (input.locals.iter().enumerate())
            .map(|(id, phrases)| {
                let anchoring = (&mut anchor_finder, &mut anchored_phrases);
                let to = (&mut patterns, &mut local_anchors);
                local_list(id as u32, phrases, &mut compiler, anchoring, to)
            })
            .collect();
        local_anchors.sort_unstable();
        if patterns.ids.len() > MAX_PATTERNS {
            return Err(too_many_patterns(None));
        }
        // What was remembered of the lexicons and anchors is not needed past here: freed
        // before the automaton is built, it leaves room for it.
        drop((anchor_finder, compiler));
        let anchors = patterns.anchors();
        let automaton = (!anchors.is_empty()).then(|| Automaton::new(&anchors, vocab.symbols()));
        drop(anchors);
        let Patterns { ids, targets } = patterns;
        drop(ids);
        let built = Built {
            vocab,
            automaton,
            targets: targets.finish(),
            anchored: anchored_phrases,
            locals,
            local_anchors: local_anchors.into(),
        };
        built.into_matcher(input.list_roles, input.regexes)
    }
}

/// What a build works out from the phrases (or a [`prebuilt`] matcher holds), before the roles
/// and regexes of its input join it.
pub(super) struct Built {
    pub vocab: Vocab,
    pub automaton: Option<Automaton>,
    pub targets: Targets,
    pub anchored: Vec<Anchored>,
    pub locals: Vec<Local>,
    pub local_anchors: Box<[LocalAnchor]>,
}

impl Built {
    pub(super) fn into_matcher(
        self,
        list_roles: Vec<u8>,
        regexes: Vec<(ListId, Regex)>,
    ) -> Result<Matcher, BuildError> {
        let regexes = if regexes.is_empty() {
            None
        } else {
            Some(Regexes::new(regexes).map_err(|message| BuildError {
                phrase: None,
                message,
            })?)
        };
        Ok(Matcher {
            vocab: self.vocab,
            automaton: self.automaton,
            targets: self.targets,
            anchored: self.anchored,
            list_roles,
            locals: self.locals,
            local_anchors: self.local_anchors,
            regexes,
        })
    }
}

/// The error of phrases that need more automaton patterns than [`MAX_PATTERNS`], at `phrase` (a
/// list's) when one took the count past it.
fn too_many_patterns(phrase: Option<(ListId, usize)>) -> BuildError {
    BuildError {
        phrase,
        message: format!(
            "the loaded phrases need more than {MAX_PATTERNS} patterns; use lexicons and fewer alternatives"
        ),
    }
}

/// Local list `id`: its phrases that can begin with any word (which would be tried at every
/// place) are anchored like a rule's, their anchors added to `patterns` and `local_anchors`; the
/// others are walked from each place.
fn local_list<'p>(
    id: u32,
    phrases: &[&'p Pattern],
    compiler: &mut NodeCompiler<'p, '_>,
    (finder, anchored): (&mut Anchors, &mut Vec<Anchored>),
    (patterns, local_anchors): (&mut Patterns, &mut Vec<LocalAnchor>),
) -> Local {
    let (mut walked, mut some_anchored, mut longest) = (Vec::new(), false, 0);
    for pattern in phrases {
        let nodes = compiler.nodes(&pattern.items);
        longest = longest.max(local::longest(&nodes));
        if edge(&nodes, false).1 == Edge::Closed {
            walked.push(nodes);
            continue;
        }
        let add = |seq: &[Sym], phrase, site| {
            let pattern = patterns.id(seq) as u32;
            local_anchors.push(LocalAnchor {
                pattern,
                local: id,
                phrase,
                site,
            });
        };
        match add_anchored(finder, anchored, nodes, add) {
            Ok(()) => some_anchored = true,
            Err(nodes) => walked.push(nodes),
        }
    }
    Local::new(walked.into(), longest, some_anchored)
}

/// Adds phrase `nodes` to the `anchored` phrases, calling `add` with each word sequence of each of
/// its anchor sites, the phrase's index and the site's. A phrase already there (a lexicon that
/// two rules name, `{apology}`) is not added again: `add` is given the index it has. Gives the
/// nodes back when some path through them has no word, so no anchor can stand for every match.
fn add_anchored(
    finder: &mut Anchors,
    anchored: &mut Vec<Anchored>,
    nodes: Box<[Node]>,
    mut add: impl FnMut(&[Sym], u32, u32),
) -> Result<(), Box<[Node]>> {
    let known = anchored.iter().position(|a| a.nodes == nodes);
    let index = known.unwrap_or(anchored.len()) as u32;
    let mut sites = Vec::new();
    let mut each = |site, sequences: &[Vec<Sym>]| {
        for seq in sequences {
            add(seq, index, sites.len() as u32);
        }
        sites.push(site);
    };
    if finder.of(&nodes, &mut each).is_none() {
        return Err(nodes);
    }
    if known.is_none() {
        anchored.push(Anchored { nodes, sites });
    }
    Ok(())
}

/// Adds every word sequence of `pattern`: each anchored on its longest run of literal words.
fn expand(pattern: &Pattern, count: usize, list: ListId, vocab: &Vocab, patterns: &mut Patterns) {
    for tokens in pattern.variants(count) {
        let ends_sentence = tokens.last() == Some(&Token::End);
        let slots: Vec<Slot> = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(vocab.symbol(w).map_or(Slot::Any, Slot::Word)),
                Token::Any | Token::Stem(_) => Some(Slot::Any),
                Token::End => None,
            })
            .collect();
        let (anchor_at, anchor_len) = longest_word_run(&slots);
        let anchor: Vec<Sym> = slots[anchor_at..anchor_at + anchor_len]
            .iter()
            .filter_map(|s| match s {
                Slot::Word(sym) => Some(*sym),
                Slot::Any => None,
            })
            .collect();
        let variant = patterns.targets.variant(&slots, anchor_at, ends_sentence);
        patterns.add(&anchor, Target::Variant(list, variant));
    }
}

/// The (start, length) of the longest run of literal words; the first such run on ties.
fn longest_word_run(slots: &[Slot]) -> (usize, usize) {
    let (mut best, mut run_start, mut run) = ((0, 0), 0, 0);
    for (i, s) in slots.iter().enumerate() {
        if matches!(s, Slot::Word(_)) {
            if run == 0 {
                run_start = i;
            }
            run += 1;
            if run > best.1 {
                best = (run_start, run);
            }
        } else {
            run = 0;
        }
    }
    best
}
