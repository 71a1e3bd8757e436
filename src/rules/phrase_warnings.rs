//! Warnings when the rules load about phrases that load but do not match as they read: written
//! in a script without spaces ([`unspaced`](super::unspaced)) or escaping a punctuation mark
//! ([`escapes`](super::escapes)). One loop over every phrase of every rule, wherever it is
//! written (`phrases`, `unless`, `near`, `not_near`, `after`, `when` conditions), so that no
//! place is passed over; each warning points at the phrase itself where its file shows it.

use super::{Rule, escapes, import, place, unspaced};

/// A warning for each phrase of `rules` that does not match as it reads; `files` are the rule
/// files as `(display name, text)`, to place each phrase in.
pub(super) fn warnings(rules: &[Rule], files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for rule in rules {
        let o = &rule.origin;
        // A cloud file's phrases are its targets, not written as phrases: the rule's place.
        let text = files
            .iter()
            .find(|(name, _)| *name == o.file && !import::is_cloud(name))
            .map(|(_, text)| text.as_str());
        for phrase in rule.phrases() {
            let p = phrase.text.as_str();
            for says in [unspaced::warning(p), escapes::warning(p)]
                .into_iter()
                .flatten()
            {
                let (line, column) = text
                    .and_then(|t| place::locate_in_rule(t, o.line, p))
                    .unwrap_or((o.line, o.column));
                out.push(format!(
                    "{}:{line}:{column}: rule `{}`: {says}",
                    o.file, rule.id
                ));
            }
        }
    }
    out
}
