//! Finds every hit of every phrase list in one pass over a conversation (SPEC §3).
//!
//! All phrase variants of all lists are compiled into one Aho-Corasick automaton over *symbols*
//! (see [`super::vocab`] and [`super::automaton`]), not bytes: the text is scanned once into
//! canonical words, each word becomes a symbol, and the automaton walks the symbols. A phrase
//! with `*` puts its longest run of literal words in the automaton and checks the rest around
//! each anchor hit. Regexes sit behind one `RegexSet` that says which of them can match a turn at
//! all.

use super::ListId;
use super::automaton::Automaton;
use super::regexes::{RegexScratch, Regexes};
use super::vocab::{BREAK, Sym, SymbolStream, Vocab};
use crate::rules::phrase::{Pattern, Token};
use regex::Regex;
use std::collections::{BTreeSet, HashMap};

/// A compiled phrase variant, for one list.
#[derive(Debug, Clone)]
struct Variant {
    list: ListId,
    slots: Box<[Slot]>,
    /// Index of the first anchor slot.
    anchor_at: usize,
    /// The phrase ended in `$`: a sentence or the turn must end right after it.
    ends_sentence: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Word(Sym),
    Any,
}

/// A place a phrase (or regex) of a list matched: a byte range of a turn's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub list: ListId,
    /// The index of the turn among those given to [`Matcher::find`].
    pub turn: usize,
    pub start: usize,
    pub end: usize,
}

/// What the matcher is built from: the phrases of each list (by [`ListId`]), and regexes with the
/// list their hits belong to.
pub struct MatcherInput<'a> {
    pub lists: Vec<Vec<&'a Pattern>>,
    pub regexes: Vec<(ListId, Regex)>,
    pub fillers: &'a [String],
}

/// All lists' phrases and regexes, compiled once.
#[derive(Debug, Clone)]
pub struct Matcher {
    vocab: Vocab,
    /// Over the anchors of all variants; `None` when no rule has phrases.
    automaton: Option<Automaton>,
    /// Anchor length and the variants sharing that anchor, by automaton pattern id.
    variants: Vec<(usize, Vec<Variant>)>,
    regexes: Option<Regexes>,
}

/// Reusable per-thread buffers.
#[derive(Default, Debug)]
pub struct Scratch {
    stream: SymbolStream,
    /// (automaton pattern, end symbol) of each anchor found.
    anchors: Vec<(u32, u32)>,
    /// (first symbol index, turn index) of each scanned turn.
    turn_starts: Vec<(usize, usize)>,
    regexes: RegexScratch,
}

impl Matcher {
    /// Builds the matcher. Fails only when the phrases use more distinct words than symbols exist.
    pub fn new(input: MatcherInput) -> Result<Matcher, String> {
        let lists: Vec<Vec<Vec<Token>>> = input
            .lists
            .iter()
            .map(|list| list.iter().flat_map(|p| p.variants()).collect())
            .collect();
        let mut words = BTreeSet::new();
        for variant in lists.iter().flatten() {
            for t in variant {
                if let Token::Word(w) = t {
                    words.insert(w.clone());
                }
            }
        }
        let words: Vec<String> = words.into_iter().collect();
        let vocab = Vocab::new(&words, input.fillers).map_err(|n| {
            format!(
                "the rules use {n} distinct words; at most {} are supported",
                super::vocab::MAX_SYMBOLS - 2
            )
        })?;
        let mut patterns: Vec<Vec<Sym>> = Vec::new();
        let mut by_pattern: HashMap<Vec<Sym>, usize> = HashMap::new();
        let mut variants: Vec<(usize, Vec<Variant>)> = Vec::new();
        for (list, list_variants) in lists.iter().enumerate() {
            for tokens in list_variants {
                let ends_sentence = tokens.last() == Some(&Token::End);
                let slots: Box<[Slot]> = tokens
                    .iter()
                    .filter_map(|t| match t {
                        Token::Word(w) => Some(vocab.symbol(w).map_or(Slot::Any, Slot::Word)),
                        Token::Any => Some(Slot::Any),
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
                let id = *by_pattern.entry(anchor.clone()).or_insert_with(|| {
                    patterns.push(anchor);
                    variants.push((anchor_len, Vec::new()));
                    patterns.len() - 1
                });
                variants[id].1.push(Variant {
                    list: list as ListId,
                    slots,
                    anchor_at,
                    ends_sentence,
                });
            }
        }
        let automaton = (!patterns.is_empty()).then(|| Automaton::new(&patterns, vocab.symbols()));
        let regexes = if input.regexes.is_empty() {
            None
        } else {
            Some(Regexes::new(input.regexes)?)
        };
        Ok(Matcher {
            vocab,
            automaton,
            variants,
            regexes,
        })
    }

    /// Appends to `hits` every hit in the turns for which `scan` is true. Turn texts are given in
    /// order; hits carry the index into `turns`.
    pub fn find(&self, turns: &[(&str, bool)], scratch: &mut Scratch, hits: &mut Vec<Hit>) {
        if let Some(ac) = &self.automaton {
            let stream = &mut scratch.stream;
            stream.clear();
            scratch.turn_starts.clear();
            for (i, (text, scan)) in turns.iter().enumerate() {
                if !scan {
                    continue;
                }
                stream.push(BREAK, 0, 0);
                scratch.turn_starts.push((stream.len(), i));
                self.vocab.symbolize(text, 0, stream);
            }
            let (stream, turn_starts) = (&scratch.stream, &scratch.turn_starts);
            let anchors = &mut scratch.anchors;
            anchors.clear();
            ac.find(&stream.syms, anchors);
            for &(pattern, end) in anchors.iter() {
                let (anchor_len, variants) = &self.variants[pattern as usize];
                let anchor = end as usize - anchor_len;
                for v in variants {
                    if let Some((first, last)) = verify(stream, v, anchor) {
                        let k = turn_starts.partition_point(|&(s, _)| s <= first) - 1;
                        let turn = turn_starts[k].1;
                        let end = stream.spans[last].1 as usize;
                        if v.ends_sentence && !sentence_ends_at(turns[turn].0, end) {
                            continue;
                        }
                        hits.push(Hit {
                            list: v.list,
                            turn,
                            start: stream.spans[first].0 as usize,
                            end,
                        });
                    }
                }
            }
        }
        if let Some(regexes) = &self.regexes {
            regexes.find(turns, &mut scratch.regexes, hits);
        }
    }
}

/// Whether a sentence or the text ends at byte `at`: only white space, then sentence
/// punctuation or nothing.
fn sentence_ends_at(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start();
    rest.is_empty() || rest.starts_with(['.', '!', '?', ',', ';', ':', '…'])
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

/// Checks a variant whose anchor matched at symbol `anchor`; returns its first and last symbol.
#[inline]
fn verify(stream: &SymbolStream, v: &Variant, anchor: usize) -> Option<(usize, usize)> {
    let first = anchor.checked_sub(v.anchor_at)?;
    let last = first + v.slots.len() - 1;
    if last >= stream.len() {
        return None;
    }
    for (k, slot) in v.slots.iter().enumerate() {
        let sym = stream.sym(first + k);
        let ok = match slot {
            Slot::Word(w) => sym == *w,
            Slot::Any => sym != BREAK,
        };
        if !ok {
            return None;
        }
    }
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::phrase::parse;

    fn matcher(phrases: &[&[&str]]) -> Matcher {
        let fillers = vec!["um".to_string(), "uh".to_string()];
        let parsed: Vec<Vec<Pattern>> = phrases
            .iter()
            .map(|list| list.iter().map(|p| parse(p, &fillers).unwrap()).collect())
            .collect();
        Matcher::new(MatcherInput {
            lists: parsed.iter().map(|l| l.iter().collect()).collect(),
            regexes: Vec::new(),
            fillers: &fillers,
        })
        .unwrap()
    }

    fn quotes(m: &Matcher, turns: &[&str]) -> Vec<(usize, usize, String)> {
        let input: Vec<(&str, bool)> = turns.iter().map(|t| (*t, true)).collect();
        let mut hits = Vec::new();
        m.find(&input, &mut Scratch::default(), &mut hits);
        hits.iter()
            .map(|h| {
                (
                    h.list as usize,
                    h.turn,
                    turns[h.turn][h.start..h.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn phrases_match_whole_words_across_spellings() {
        let m = matcher(&[&["(that is|it is) not my department"], &["calm down"]]);
        assert_eq!(
            quotes(&m, &["Sorry, THAT’S not my\ndepartment."]),
            [(0, 0, "THAT’S not my\ndepartment".into())]
        );
        assert_eq!(
            quotes(&m, &["it's uh not my department"]),
            [(0, 0, "it's uh not my department".into())]
        );
        assert!(quotes(&m, &["becalm downstairs", "calm downs"]).is_empty());
        assert_eq!(
            quotes(&m, &["x", "please calm down"]),
            [(1, 1, "calm down".into())]
        );
    }

    #[test]
    fn no_match_spans_two_turns() {
        let m = matcher(&[&["calm down"]]);
        assert!(quotes(&m, &["please calm", "down now"]).is_empty());
    }

    #[test]
    fn wildcards_take_exactly_one_word() {
        let m = matcher(&[&["my name is *"], &["you are * wrong"]]);
        assert_eq!(
            quotes(&m, &["Hi, my name is Sam."]),
            [(0, 0, "my name is Sam".into())]
        );
        assert!(quotes(&m, &["my name is"]).is_empty());
        assert_eq!(quotes(&m, &["you're just wrong"]).len(), 1);
        assert!(quotes(&m, &["you are wrong"]).is_empty());
    }

    #[test]
    fn regexes_find_their_turns_with_and_without_the_set() {
        for count in [2, 11] {
            let regexes: Vec<(ListId, Regex)> = (0..count)
                .map(|i| (i as ListId, Regex::new(&format!("(?m)code{i}$")).unwrap()))
                .collect();
            let m = Matcher::new(MatcherInput {
                lists: Vec::new(),
                regexes,
                fillers: &[],
            })
            .unwrap();
            let turns = [
                ("say code1", true),
                ("code1 no", true),
                ("x code0", false),
                ("code0", true),
            ];
            let mut hits = Vec::new();
            m.find(&turns, &mut Scratch::default(), &mut hits);
            let got: Vec<(ListId, usize, usize)> =
                hits.iter().map(|h| (h.list, h.turn, h.start)).collect();
            assert_eq!(got.len(), 2, "{count} regexes: {got:?}");
            assert!(
                got.contains(&(1, 0, 4)) && got.contains(&(0, 3, 0)),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_dollar_phrase_must_end_a_sentence() {
        let m = matcher(&[&["i (do not|don't) know $"]]);
        assert_eq!(quotes(&m, &["Well, I don't know."]).len(), 1);
        assert_eq!(quotes(&m, &["i dont know", "i do not know  ! ok"]).len(), 1);
        assert!(quotes(&m, &["I don't know the password"]).is_empty());
    }

    #[test]
    fn overlapping_phrases_of_different_rules_all_hit() {
        let m = matcher(&[&["not my job"], &["that is not my job"]]);
        let got = quotes(&m, &["that's not my job"]);
        assert_eq!(got.len(), 2);
    }
}
