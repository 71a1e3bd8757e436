//! What a matcher is built from, as one number: the words, stems and choices of every phrase of
//! every list, in order, and the fillers. Two inputs with the same fingerprint build the same
//! matcher, so a prebuilt one may stand in. Regexes and the roles of lists are not in it: a
//! prebuilt matcher takes those from its input.

use super::super::build::MatcherInput;
use crate::rules::phrase::{Choice, Item};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::Arc;

/// A fingerprint of the code that builds a matcher (and of the prebuilt form), made by
/// `build.rs`: once that code changes, old bytes match no input, and the pack is built as always
/// until they are written again.
const CODE: &str = env!("TALKLINT_MATCHER_CODE");

/// The fingerprint of `input`. Every number and text goes in with its length, so no two inputs
/// feed the hasher the same bytes.
pub(super) fn fingerprint(input: &MatcherInput) -> u64 {
    let mut h = FxHasher::default();
    text(&mut h, CODE);
    let mut choices = Choices::default();
    for lists in [&input.lists, &input.locals] {
        h.write_u64(lists.len() as u64);
        for list in lists {
            h.write_u64(list.len() as u64);
            for pattern in list {
                choices.items(&mut h, &pattern.items);
            }
        }
    }
    h.write_u64(input.fillers.len() as u64);
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
    fn items(&mut self, h: &mut FxHasher, items: &[Item]) {
        h.write_u64(items.len() as u64);
        for item in items {
            match item {
                Item::Word(w) => {
                    h.write_u8(0);
                    text(h, w);
                }
                Item::Stem(s) => {
                    h.write_u8(1);
                    text(h, s);
                }
                Item::Any => h.write_u8(2),
                Item::End => h.write_u8(3),
                Item::Choice(choice) => {
                    h.write_u8(4);
                    let of = self.choice(choice);
                    h.write_u64(of);
                }
            }
        }
    }

    fn choice(&mut self, choice: &Arc<Choice>) -> u64 {
        if let Some(&known) = self.0.get(&Arc::as_ptr(choice)) {
            return known;
        }
        let mut h = FxHasher::default();
        h.write_u64(choice.len() as u64);
        for alternative in choice.iter() {
            self.items(&mut h, alternative);
        }
        let of = h.finish();
        self.0.insert(Arc::as_ptr(choice), of);
        of
    }
}

fn text(h: &mut FxHasher, text: &str) {
    h.write_u64(text.len() as u64);
    h.write(text.as_bytes());
}
