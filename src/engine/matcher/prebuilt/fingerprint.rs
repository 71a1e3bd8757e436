//! What a matcher is built from, as one number: the words, stems and choices of every phrase of
//! every list, in order, and the fillers, hashed with FNV-1a so that the number is the same on
//! every machine. Two inputs with the same fingerprint build the same matcher (up to a 64-bit
//! collision), so a prebuilt one may stand in. Regexes and the roles of lists are not in it: a
//! prebuilt matcher takes those from its input.

use super::super::build::MatcherInput;
use crate::fnv::Fnv;
use crate::rules::phrase::{Choice, Item};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A fingerprint of the code that builds a matcher (and of the prebuilt form), made by
/// `build.rs`: once that code changes, old bytes match no input, and the pack is built as always
/// until they are written again.
const CODE: &str = env!("TALKLINT_MATCHER_CODE");

/// The fingerprint of `input`. Every sequence goes in with its length and every item with its
/// kind, so that the hashed stream tells inputs apart; a choice goes in as its own fingerprint.
pub(super) fn fingerprint(input: &MatcherInput) -> u64 {
    let mut h = Fnv::default();
    text(&mut h, CODE);
    let mut choices = Choices::default();
    for lists in [&input.lists, &input.locals] {
        h.number(lists.len() as u64);
        for list in lists {
            h.number(list.len() as u64);
            for pattern in list {
                choices.items(&mut h, &pattern.items);
            }
        }
    }
    h.number(input.fillers.len() as u64);
    for filler in input.fillers {
        text(&mut h, filler);
    }
    h.finish()
}

/// The fingerprint of each choice seen, by address: a lexicon is hashed once, however many
/// phrases name it.
#[derive(Default)]
struct Choices(FxHashMap<*const Choice, u64>);

impl Choices {
    fn items(&mut self, h: &mut Fnv, items: &[Item]) {
        h.number(items.len() as u64);
        for item in items {
            match item {
                Item::Word(w) => {
                    h.bytes(&[0]);
                    text(h, w);
                }
                Item::Stem(s) => {
                    h.bytes(&[1]);
                    text(h, s);
                }
                Item::Any => h.bytes(&[2]),
                Item::End => h.bytes(&[3]),
                Item::Choice(choice) => {
                    h.bytes(&[4]);
                    let of = self.choice(choice);
                    h.number(of);
                }
            }
        }
    }

    fn choice(&mut self, choice: &Arc<Choice>) -> u64 {
        if let Some(&known) = self.0.get(&Arc::as_ptr(choice)) {
            return known;
        }
        let mut h = Fnv::default();
        h.number(choice.len() as u64);
        for alternative in choice.iter() {
            self.items(&mut h, alternative);
        }
        let of = h.finish();
        self.0.insert(Arc::as_ptr(choice), of);
        of
    }
}

fn text(h: &mut Fnv, text: &str) {
    h.number(text.len() as u64);
    h.bytes(text.as_bytes());
}
