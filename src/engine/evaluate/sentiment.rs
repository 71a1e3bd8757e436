//! Sentiment searches (SPEC §2.1): the turns a transcript's own labels call negative, positive,
//! neutral or mixed, and a phrase search's matches in such turns. Nothing is guessed: a
//! transcript with no label, or a turn looked at without one, leaves the search unknown, and its
//! rule not applied.

use super::search::{Conversation, Found};

impl Conversation<'_> {
    /// The turns of `window` (the search's speaker's turns inside its window) labelled with one of
    /// `labels`, a bit set of [`crate::transcript::Sentiment::bit`]; `None` when no turn of the
    /// transcript has a label, or a turn of `window` has none.
    pub(super) fn labelled(&self, labels: u8, window: &[usize]) -> Option<Vec<Found>> {
        let turns = &self.transcript.turns;
        if !turns.iter().any(|t| t.sentiment.is_some()) {
            return None;
        }
        let mut found = Vec::new();
        for &i in window {
            if turns[i].sentiment?.bit() & labels != 0 {
                found.push(Found::turn(i));
            }
        }
        Some(found)
    }

    /// The matches of `found` in turns labelled with one of `labels` (a phrase search with
    /// `sentiment`); `None` when one is in a turn without a label, as whether it counts is
    /// unknown. A turn without a match needs no label: the phrase is not there either way.
    pub(super) fn in_labelled(&self, labels: u8, found: Vec<Found>) -> Option<Vec<Found>> {
        let turns = &self.transcript.turns;
        let mut kept = Vec::with_capacity(found.len());
        for f in found {
            if turns[f.turn].sentiment?.bit() & labels != 0 {
                kept.push(f);
            }
        }
        Some(kept)
    }
}
