//! A message that names no speaker but opens with a label that names a role (`Customer: …`, a
//! transcript's line kept as a message): the label's speaker says it, and the label is no word
//! of it. Such messages were the default role's, so a customer's words were judged as the agent's.

use crate::transcript::roles::Roles;
use crate::transcript::{Decoded, Role, TurnText};

/// The label `text` opens with, when it names a role `roles` knows (`Agent`, `Customer`, a
/// configured name), and where the text after it starts; none when another line opens with such
/// a label too.
pub(super) fn opening<'t>(text: &'t str, roles: &Roles) -> Option<(&'t str, usize)> {
    let colon = label_colon(text)?;
    let name = text[..colon].trim();
    let known = roles.role_of(name) != Role::Unknown;
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

/// Where the colon stands of the speaker's label `line` opens with (`Agent: `, `Sarah Lee: `):
/// a name of at most four words of letters (and `._-'`) in its first 48 bytes, then a colon
/// and a space. Text records are told from messages by such lines too.
pub(super) fn label_colon(line: &str) -> Option<usize> {
    let colon = line.find(':').filter(|&colon| colon < 48)?;
    let name = &line[..colon];
    let named = name.starts_with(char::is_alphabetic)
        && name.split_whitespace().count() <= 4
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || " ._-'".contains(c));
    (named && line[colon + 1..].starts_with(' ')).then_some(colon)
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
