//! Phrase lists matched only where they are asked about: a `near` list is looked for in the words
//! around a rule's match, in its turn, not over the whole conversation. Such lists often hold
//! the most common words ("i", "you", "if"), which would otherwise be hits on every other word.

use super::anchored::{Around, Node, NodeCompiler};
use super::choice::Choice;
use super::{Hit, Matcher, Scratch, sentence_ends_at};
use crate::rules::phrase::Pattern;

/// A list of phrases compiled to symbols, with the most words a match of one can span. The
/// phrases are a choice, indexed by the words they can begin with: at each place only those
/// that can begin there are tried.
#[derive(Debug, Clone)]
pub(super) struct Local {
    pub(super) phrases: Choice,
    pub(super) longest: usize,
}

impl Local {
    pub(super) fn new<'p>(patterns: &[&'p Pattern], compiler: &mut NodeCompiler<'p, '_>) -> Local {
        let phrases: Box<[Box<[Node]>]> =
            patterns.iter().map(|p| compiler.nodes(&p.items)).collect();
        let longest = phrases.iter().map(|p| longest(p)).max().unwrap_or(0);
        Local {
            phrases: Choice::new(phrases),
            longest,
        }
    }
}

/// The most words a match of `nodes` can span.
fn longest(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Word(_) | Node::Stem(_) | Node::Any => 1,
            Node::Gap(n) => *n,
            Node::End => 0,
            Node::Choice(c) => c.alternatives.iter().map(|a| longest(a)).max().unwrap_or(0),
        })
        .sum()
}

impl Matcher {
    /// Calls `found` with the first and last word of each match of local list `list` in the
    /// turn of `hit` (whose text is `text`) that starts or ends within `reach` words of it, until
    /// `found` says it has what it needs. Whether it did.
    pub fn near(
        &self,
        scratch: &Scratch,
        list: usize,
        hit: &Hit,
        reach: usize,
        text: &str,
        found: &mut dyn FnMut(u32, u32) -> bool,
    ) -> bool {
        let (Some(local), Some((from, to))) = (self.locals.get(list), scratch.turn_of(hit.turn))
        else {
            return false;
        };
        let stream = &scratch.stream;
        let first = (hit.first_word as usize)
            .saturating_sub(reach + local.longest)
            .max(from);
        // The furthest start: `reach` words strictly between the hit's last word and it.
        let last = (hit.last_word as usize + reach + 2).min(to);
        let sentence_end =
            |p: usize| p > 0 && sentence_ends_at(text, stream.spans[p - 1].1 as usize);
        let around = Around {
            stream,
            vocab: &self.vocab,
            sentence_end: &sentence_end,
        };
        let (mut rest, mut ends) = (Vec::new(), Vec::new());
        for q in first..last {
            let (starting, any) = local.phrases.starting(stream.syms.get(q).copied());
            for &k in starting.iter().chain(any) {
                let phrase = &local.phrases.alternatives[k as usize];
                ends.clear();
                around.ends(phrase, q, &mut rest, &mut ends);
                for &e in &ends {
                    if e > q && found(q as u32, (e - 1) as u32) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The first and last word of the bytes `start..end` of turn `turn`, where it was
    /// symbolised.
    pub fn words_of(
        &self,
        scratch: &Scratch,
        turn: u32,
        start: u32,
        end: u32,
    ) -> Option<(u32, u32)> {
        let (from, to) = scratch.turn_of(turn)?;
        let spans = &scratch.stream.spans[from..to];
        let first = spans.partition_point(|&(_, e)| e <= start);
        let last = spans.partition_point(|&(s, _)| s < end).max(first + 1) - 1;
        Some(((from + first) as u32, (from + last) as u32))
    }
}

impl Scratch {
    /// The symbols of a scanned turn: `from..to` of the stream.
    fn turn_of(&self, turn: u32) -> Option<(usize, usize)> {
        let starts = &self.turn_starts;
        let k = starts.iter().position(|&(_, t)| t == turn as usize)?;
        let to = starts.get(k + 1).map_or(self.stream.len(), |&(s, _)| s - 1);
        Some((starts[k].0, to))
    }
}
