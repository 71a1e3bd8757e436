//! The fingerprint of each SARIF result (`partialFingerprints.primaryLocationLineHash`), by which
//! code scanning follows a result from run to run and tells two results apart. Made of what the
//! result finds, not of where it stands: GitHub's upload, given none, hashed the text from the
//! result's line on, so an edit of the line after a finding made its alert new, and the two
//! failing conversations of a file (both at line 1) were one alert.

use super::{Conversation, Finding};
use crate::fnv::Fnv;
use crate::text::canon::canonical_words;
use rustc_hash::FxHashMap;

/// The fingerprints of one conversation's results.
#[derive(Default)]
pub(super) struct Fingerprints {
    /// How many results of each hash came before, in the conversation's order.
    seen: FxHashMap<u64, u32>,
}

impl Fingerprints {
    /// The fingerprint of finding `f` of conversation `c`: a hash of its rule, the conversation's
    /// name (its id, or its place in a file of several) and the words it matched, as a baseline
    /// compares them (case, spacing, punctuation and `’` against `'` aside), then how many
    /// results alike came before it in the conversation, plus one.
    pub fn of(&mut self, c: &Conversation, f: &Finding) -> String {
        let matched = f.matched.as_deref().unwrap_or_default();
        let words = canonical_words(matched).into_iter();
        let hash = hash(f.rule, c, words);
        let count = self.seen.entry(hash).or_default();
        *count += 1;
        format!("{hash:016x}:{count}")
    }
}

/// The fingerprint of the result saying that conversation `c` fails, of the score's rule `id`.
pub(super) fn of_failure(id: &str, c: &Conversation) -> String {
    format!("{:016x}:1", hash(id, c, std::iter::empty()))
}

fn hash(rule: &str, c: &Conversation, words: impl Iterator<Item = String>) -> u64 {
    let mut h = Fnv::default();
    let mut part = |bytes: &[u8]| {
        h.number(bytes.len() as u64);
        h.bytes(bytes);
    };
    part(rule.as_bytes());
    part(c.name().as_deref().unwrap_or_default().as_bytes());
    for word in words {
        part(word.as_bytes());
    }
    h.finish()
}
