//! The spellings a speaker label takes around its words in a transcript's text: in brackets
//! (`[Agent]:`), and bold or emphasised in Markdown (`**Agent:**`, `*Agent:*`, `_Agent_:`).

use super::link_refs;
use crate::transcript::Roles;

/// How many bytes of Markdown emphasis open `text`: `**` or `__`, or one `*` or `_` before a
/// word (`* item` is a list's bullet).
pub(super) fn emphasis(text: &str) -> usize {
    let b = text.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(&m @ (b'*' | b'_')), Some(&n)) if n == m => 2,
        (Some(b'*' | b'_'), Some(n)) if !n.is_ascii_whitespace() => 1,
        _ => 0,
    }
}

/// `[Customer]` as `Customer` when the words in the brackets are a role `roles` knows
/// (`[Agent]: …`); other words in brackets, such as a Markdown link's `[docs]:`, stay as written
/// (and so are no label), and so does, in Markdown (`after` the colon is given), a role followed
/// by a link's target: `[agent]: https://…` is a link reference definition there. In a chat
/// transcript, `[Customer]: https://…` is a customer who sent a link.
pub(super) fn unbracketed<'a>(label: &'a str, after: Option<&str>, roles: &Roles) -> &'a str {
    label
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .map(str::trim)
        .filter(|inner| roles.knows(inner) && !after.is_some_and(link_refs::is_target))
        .unwrap_or(label)
}
