//! What a baseline knows of one file, and of one conversation of it as it is judged: its
//! findings by rule and words, and where each was, for the findings found to draw from.

use super::{Baseline, Counts, Gone, words};
use std::collections::HashMap;

/// The findings the baseline holds of one file, by conversation.
pub(crate) struct KnownFile<'b> {
    /// The file, as this run names it.
    pub(super) path: String,
    pub(super) conversations: &'b HashMap<(Option<String>, usize), Counts>,
    /// How many conversations of each id this run has asked for.
    pub(super) before: HashMap<Option<String>, usize>,
    /// The baseline, whose count of findings no longer found the budgets add to; none for a
    /// file judged again (to fix it), whose budgets the judging after the fix counts.
    pub(super) counted_in: Option<&'b Baseline>,
}

impl KnownFile<'_> {
    /// What the baseline holds of the file's next conversation with `id` (they are asked for in
    /// file order), for its findings to draw from.
    pub(crate) fn next(&mut self, id: Option<&str>) -> Option<Budget<'_>> {
        let place = self.before.entry(id.map(str::to_string)).or_default();
        let counts = self.conversations.get(&(id.map(str::to_string), *place));
        *place += 1;
        let counts = counts?;
        Some(Budget {
            left: counts.clone(),
            path: &self.path,
            counted_in: self.counted_in,
        })
    }

    /// Passes over the first `earlier` conversations with `id`: the next is asked for after
    /// them.
    pub(crate) fn skip(&mut self, id: Option<&str>, earlier: usize) {
        if earlier > 0 {
            self.before.insert(id.map(str::to_string), earlier);
        }
    }

    /// The same, for judging a file once more: what is left of its budgets is not counted again.
    pub(crate) fn uncounted(self) -> Self {
        KnownFile {
            counted_in: None,
            ..self
        }
    }
}

/// A conversation's findings in the baseline not yet matched by one of its findings.
pub(crate) struct Budget<'b> {
    left: Counts,
    /// The conversation's file, as this run names it.
    path: &'b str,
    counted_in: Option<&'b Baseline>,
}

impl Budget<'_> {
    /// Which of `found` the baseline knows, and takes: a conversation's problems, each its rule,
    /// its match (none for a missing `require`) and its line and column. Of problems alike (one
    /// rule, the same words), as many as the baseline holds, each the nearest to where it was
    /// held: at the same column first, then on the nearest line, one below before one above
    /// (lines are added above a finding more often than taken away). So a copy added beside a
    /// known problem is new, and the known one stays known, wherever the copy stands.
    pub(crate) fn take(&mut self, found: &[(&str, Option<&str>, (usize, usize))]) -> Vec<bool> {
        let mut known = vec![false; found.len()];
        let mut alike: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, (rule, matched, _)) in found.iter().enumerate() {
            let key = (rule.to_string(), matched.map(words).unwrap_or_default());
            alike.entry(key).or_default().push(i);
        }
        for (key, mut candidates) in alike {
            let Some(held) = self.left.get_mut(&key) else {
                continue;
            };
            held.retain(|&place| {
                let nearest = (candidates.iter().enumerate())
                    .min_by_key(|&(_, &i)| distance(found[i].2, place))
                    .map(|(k, _)| k);
                nearest
                    .map(|k| known[candidates.swap_remove(k)] = true)
                    .is_none()
            });
        }
        known
    }
}

/// How far a problem at `(line, column)` is from one held at `held`, nearest first.
fn distance((line, column): (usize, usize), held: (usize, usize)) -> (bool, usize, bool) {
    (column != held.1, line.abs_diff(held.0), line < held.0)
}

impl Drop for Budget<'_> {
    fn drop(&mut self) {
        let Some(baseline) = self.counted_in else {
            return;
        };
        let mut left = self
            .left
            .iter()
            .filter(|(_, places)| !places.is_empty())
            .peekable();
        if left.peek().is_none() {
            return;
        }
        let mut gone = baseline.gone_so_far();
        for ((rule, _), places) in left {
            gone.extend(places.iter().map(|&(line, column)| Gone {
                path: self.path.to_string(),
                line,
                column,
                rule: rule.clone(),
            }));
        }
    }
}
