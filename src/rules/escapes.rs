//! A warning for a phrase that escapes a punctuation mark (`press \*`, `option \(a\)`): `\` lets
//! a vendor's target be written literally (SPEC §2.1), but punctuation is a word boundary in
//! phrases, so the escaped mark matches nothing and the phrase matches the words around it
//! alone ("press 1"). Said when the rules load; a `regex:` matches the mark itself.

use super::escaped_punctuation;

/// What to say of `phrase` when it escapes a punctuation mark.
pub(super) fn warning(kind: &str, phrase: &str) -> Option<String> {
    let mark = escaped_punctuation(phrase)?;
    Some(format!(
        "its {kind} `{phrase}` escapes `{mark}`, which matches nothing: punctuation is a word \
         boundary in phrases, so the phrase matches the words around it alone; to match the \
         `{mark}` itself, write a `regex:`, or leave the `\\{mark}` out to say so"
    ))
}
