//! A message that names no speaker but opens with a label that names a role (`Customer: …`, a
//! transcript's line kept as a message): the label's speaker says it, and the label is no word
//! of it. Such messages were the default role's, so a customer's words were judged as the agent's.

use crate::transcript::roles::Roles;
use crate::transcript::{Decoded, Role, TurnText};

/// The label `text` opens with, when it names a role `roles` knows (`Agent`, `Customer`, a
/// configured name), and where the text after it starts: a name of at most four words and 48
/// bytes, then a colon and a space; none when another line opens with such a label too.
pub(super) fn opening<'t>(text: &'t str, roles: &Roles) -> Option<(&'t str, usize)> {
    let colon = text.find(": ").filter(|&colon| colon <= 48)?;
    let name = text[..colon].trim();
    let plain = name.starts_with(char::is_alphabetic)
        && name.split_whitespace().count() <= 4
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || " ._-'".contains(c));
    let known = plain && roles.role_of(name) != Role::Unknown;
    let after = colon + 2;
    let rest = text[after..].len() - text[after..].trim_start().len();
    // A message of several labelled lines is a transcript in one string, no one speaker's.
    let one = || {
        !text
            .lines()
            .skip(1)
            .any(|line| opening(line, roles).is_some())
    };
    (known && one()).then_some((name, after + rest))
}

/// `text` (a turn text of `source`) from byte `from` on.
pub(super) fn after(text: TurnText, source: &str, from: usize) -> TurnText {
    match text {
        TurnText::Source(r) => TurnText::Source(r.start + from..r.end),
        decoded => {
            let mut rest = Decoded::default();
            let end = decoded.as_str(source).len();
            rest.push_slice(&decoded, source, from..end);
            TurnText::Decoded(rest)
        }
    }
}
