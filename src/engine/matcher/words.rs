//! The words and stems of a matcher's phrases: its vocabulary, and where a rule set passes the
//! number of symbols one holds.

use super::super::ListId;
use super::super::vocab::MAX_SYMBOLS;
use crate::rules::phrase::{self, Item, Pattern};
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Every word and every stem of the phrases, sorted.
pub(super) fn vocabulary<'p>(
    lists: impl Iterator<Item = &'p Vec<&'p Pattern>>,
) -> (Vec<String>, Vec<String>) {
    let mut found = Found::default();
    for pattern in lists.flatten() {
        found.walk(&pattern.items);
    }
    let sorted = |set: FxHashSet<&str>| {
        let mut all: Vec<String> = set.into_iter().map(str::to_string).collect();
        all.sort_unstable();
        all
    };
    (sorted(found.words), sorted(found.stems))
}

/// The first phrase of `lists` whose words and stems, with those before it, pass the number of
/// symbols the vocabulary holds.
pub(super) fn first_past_limit(lists: &[Vec<&Pattern>]) -> Option<(ListId, usize)> {
    let mut found = Found::default();
    for (list, phrases) in lists.iter().enumerate() {
        for (k, pattern) in phrases.iter().enumerate() {
            found.walk(&pattern.items);
            if found.words.len() + found.stems.len() > MAX_SYMBOLS - 2 {
                return Some((list as ListId, k));
            }
        }
    }
    None
}

/// The words and stems found so far, and the choices walked (a lexicon is walked once, however
/// many phrases name it).
#[derive(Default)]
struct Found<'p> {
    words: FxHashSet<&'p str>,
    stems: FxHashSet<&'p str>,
    choices: FxHashSet<*const phrase::Choice>,
}

impl<'p> Found<'p> {
    fn walk(&mut self, items: &'p [Item]) {
        for item in items {
            match item {
                Item::Word(w) => {
                    self.words.insert(w);
                }
                Item::Stem(s) => {
                    self.stems.insert(s);
                }
                Item::Choice(alternatives) => {
                    if self.choices.insert(Arc::as_ptr(alternatives)) {
                        for a in alternatives.iter() {
                            self.walk(a);
                        }
                    }
                }
                Item::Any | Item::End => {}
            }
        }
    }
}
