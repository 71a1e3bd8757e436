//! A warning for a phrase that escapes a punctuation mark (`press \*`, `option \(a\)`): `\` lets
//! a vendor's target be written literally (SPEC §2.1), but punctuation is a word boundary in
//! phrases, so the escaped mark matches nothing and the phrase matches the words around it
//! alone ("press 1"). Said when the rules load; a `regex:` matches the mark itself.

use super::{RuleSet, escaped_punctuation};

/// A warning for each of the rules' phrases that escapes a punctuation mark.
pub(crate) fn warnings(rules: &RuleSet) -> Vec<String> {
    let escaping = rules
        .own_phrases()
        .filter_map(|(rule, phrase)| Some((rule, phrase, escaped_punctuation(phrase)?)));
    escaping
        .map(|(rule, phrase, mark)| {
            let o = &rule.origin;
            format!(
                "{}:{}:{}: rule `{}`: its phrase `{phrase}` escapes `{mark}`, which matches \
                 nothing: punctuation is a word boundary in phrases, so the phrase matches the \
                 words around it alone; to match the `{mark}` itself, write a `regex:`, or leave \
                 the `\\{mark}` out to say so",
                o.file, o.line, o.column, rule.id
            )
        })
        .collect()
}
