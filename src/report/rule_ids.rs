//! Each rule id once, for the lists a reader looks a rule up in by its id: SARIF's
//! `tool.driver.rules` (code scanning and the VS Code viewer take an id to name one rule) and
//! the HTML report's rule filter, charts and agent table. With nested configs the reports' rule
//! list holds an id once per way its findings are reported (another severity, message, …), the
//! run's config's entries first ([`crate::scan::Profiles`]); the first entry of an id stands for
//! it, and each finding still says what its own entry says (its level, its points).

use crate::rules::RuleSet;
use std::collections::HashMap;

/// The rule ids of a rule list, each once, in the order they first come.
#[derive(Debug)]
pub(super) struct RuleIds {
    /// The index of each id's first rule.
    first: Vec<usize>,
    /// By rule index: its id's place in `first`.
    place: Vec<usize>,
}

impl RuleIds {
    pub(super) fn new(rules: &RuleSet) -> RuleIds {
        let mut places: HashMap<&str, usize> = HashMap::new();
        let mut first = Vec::new();
        let mut place = Vec::with_capacity(rules.rules.len());
        for (i, rule) in rules.rules.iter().enumerate() {
            place.push(*places.entry(&rule.id).or_insert_with(|| {
                first.push(i);
                first.len() - 1
            }));
        }
        RuleIds { first, place }
    }

    /// The index of each id's first rule, in the order the ids first come.
    pub(super) fn representatives(&self) -> &[usize] {
        &self.first
    }

    /// The place of rule `index`'s id among the ids (its index in [`RuleIds::representatives`]).
    pub(super) fn place(&self, index: usize) -> usize {
        self.place[index]
    }

    /// The index of the first rule with rule `index`'s id, which stands for the id.
    pub(super) fn first_of(&self, index: usize) -> usize {
        self.first[self.place[index]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::load::one_file;

    #[test]
    fn an_id_listed_again_is_placed_at_its_first_entry() {
        let mut rules = one_file(
            "rules:\n  - id: a/one\n    phrases: [one]\n  - id: a/two\n    phrases: [two]\n",
        );
        // As a nested config's entry of the same rule at another severity is listed after.
        let mut again = rules.rules[0].clone();
        again.severity = crate::rules::Severity::Info;
        rules.rules.push(again);
        let ids = RuleIds::new(&rules);
        assert_eq!(ids.representatives(), [0, 1]);
        assert_eq!((0..3).map(|i| ids.place(i)).collect::<Vec<_>>(), [0, 1, 0]);
        assert_eq!(ids.first_of(2), 0);
    }
}
