//! The default pack's matcher, built ahead of time. Building it is nearly all of a one-file
//! check's start-up; reading it back is a small part of that. Its bytes are committed beside this
//! file (`default-pack.bin`), embedded in the binary, and read only for a [`MatcherInput`] whose
//! [`fingerprint`] is the one they were built from: any other pack, a changed phrase or lexicon,
//! other fillers, is built as always. A test fails when the bytes differ from what the code
//! builds today, and `TALKLINT_BLESS=1 cargo test prebuilt` writes them again.

mod fingerprint;
#[cfg(test)]
mod tests;

use super::super::automaton::Automaton;
use super::anchored::{Anchored, Node, Site};
use super::build::{Built, MatcherInput};
use super::choice::{Choice, Head, Index};
use super::local::{Local, LocalAnchor};
use super::targets::Targets;
use crate::engine::vocab::{Sym, Vocab};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The default pack's matcher: the fingerprint of its input (8 bytes, little-endian), the
/// length of the [`Prebuilt`] form (4 bytes), that form, and from the next multiple of four the
/// automaton's tables ([`Automaton::to_bytes`]; no padding and none when it has no patterns),
/// which are read in place. A big-endian machine reads no tables in place, and builds the pack.
static DEFAULT_PACK: &Aligned<[u8]> = &Aligned(*include_bytes!("default-pack.bin"));

/// Bytes that start at a multiple of four, as the automaton's tables must to be read in place.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

/// A matcher as bytes: what its build worked out, without what its input gives again (the
/// roles each list listens to, the regexes).
#[derive(Debug, Serialize, Deserialize)]
struct Prebuilt {
    vocab: Vocab,
    targets: Targets,
    /// Every choice of the phrases once (a lexicon is shared by the phrases that name it), each
    /// after the choices inside it.
    choices: Vec<ChoiceForm>,
    anchored: Vec<(Vec<NodeForm>, Vec<Site>)>,
    /// Each local list's phrases walked, the most words a match spans, whether it has phrases
    /// found around anchors.
    locals: Vec<(ChoiceForm, usize, bool)>,
    local_anchors: Box<[LocalAnchor]>,
}

/// A [`Node`], its choice by index into [`Prebuilt::choices`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum NodeForm {
    Word(Sym),
    Stem(Sym),
    Any,
    Gap(usize),
    End,
    Choice(u32),
}

#[derive(Debug, Serialize, Deserialize)]
struct ChoiceForm {
    alternatives: Vec<Vec<NodeForm>>,
    first: Index,
    last: Index,
    heads: [Head; 2],
}

/// The default pack's prebuilt matcher, when `input` is what it was built from.
pub(super) fn read(input: &MatcherInput) -> Option<Built> {
    read_bytes(&DEFAULT_PACK.0, input)
}

/// The matcher in `bytes`, when they were built from `input`; `None` too when they do not hold
/// together (a choice that names a later one), which the fingerprint makes all but impossible.
fn read_bytes(bytes: &'static [u8], input: &MatcherInput) -> Option<Built> {
    let (key, rest) = bytes.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*key) != fingerprint::fingerprint(input) {
        return None;
    }
    let (len, rest) = rest.split_first_chunk::<4>()?;
    let (form, rest) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)?;
    let automaton = match rest {
        [] => None,
        rest => {
            let tables = rest.get(padding(bytes.len() - rest.len())..)?;
            Some(Automaton::from_bytes(tables)?)
        }
    };
    let prebuilt: Prebuilt = postcard::from_bytes(form).ok()?;
    let mut choices: Vec<Arc<Choice>> = Vec::with_capacity(prebuilt.choices.len());
    for form in prebuilt.choices {
        let choice = thaw_choice(form, &choices)?;
        choices.push(Arc::new(choice));
    }
    let anchored = prebuilt
        .anchored
        .into_iter()
        .map(|(nodes, sites)| {
            let nodes = thaw(&nodes, &choices)?;
            Some(Anchored { nodes, sites })
        })
        .collect::<Option<_>>()?;
    let locals = prebuilt
        .locals
        .into_iter()
        .map(|(phrases, longest, anchored)| {
            let phrases = thaw_choice(phrases, &choices)?;
            Some(Local::of(phrases, longest, anchored))
        })
        .collect::<Option<_>>()?;
    Some(Built {
        vocab: prebuilt.vocab,
        automaton,
        targets: prebuilt.targets,
        anchored,
        locals,
        local_anchors: prebuilt.local_anchors,
    })
}

/// The bytes after `offset` up to the next multiple of four.
fn padding(offset: usize) -> usize {
    offset.next_multiple_of(4) - offset
}

/// The choice of `form`, whose inner choices are among `choices`.
fn thaw_choice(form: ChoiceForm, choices: &[Arc<Choice>]) -> Option<Choice> {
    let alternatives = thaw_all(&form.alternatives, choices)?;
    Some(Choice::from_parts(
        alternatives,
        (form.first, form.last),
        form.heads,
    ))
}

fn thaw_all(sequences: &[Vec<NodeForm>], choices: &[Arc<Choice>]) -> Option<Box<[Box<[Node]>]>> {
    sequences.iter().map(|s| thaw(s, choices)).collect()
}

/// The nodes of `forms`, whose choices are among `choices`.
fn thaw(forms: &[NodeForm], choices: &[Arc<Choice>]) -> Option<Box<[Node]>> {
    forms
        .iter()
        .map(|form| {
            Some(match *form {
                NodeForm::Word(s) => Node::Word(s),
                NodeForm::Stem(s) => Node::Stem(s),
                NodeForm::Any => Node::Any,
                NodeForm::Gap(n) => Node::Gap(n),
                NodeForm::End => Node::End,
                NodeForm::Choice(c) => Node::Choice(Arc::clone(choices.get(c as usize)?)),
            })
        })
        .collect()
}
