//! The spellings a speaker label takes around its words in a transcript's text: in brackets
//! (`[Agent]:`), and bold or emphasised in Markdown (`**Agent:**`, `*Agent:*`, `_Agent_:`).

use super::link_refs;
use crate::transcript::Roles;

/// How many bytes of Markdown emphasis open a label in `text`: `**` or `__` (in any text, as
/// chat tools write bold too), or in Markdown (`roles` given) one `*` or `_` that closes a label
/// naming a role as well (`*Customer:*`, `_Agent_:`). `* item` is a list's bullet, and `*Refund:
/// …` or a list of fields in italics (`- *Refund:* …`) is text, not a speaker.
pub(super) fn emphasis(text: &str, roles: Option<&Roles>) -> usize {
    let b = text.as_bytes();
    let (Some(&m @ (b'*' | b'_')), Some(&n)) = (b.first(), b.get(1)) else {
        return 0;
    };
    if n == m {
        return 2;
    }
    let Some(roles) = roles.filter(|_| !n.is_ascii_whitespace()) else {
        return 0;
    };
    // The label's colon, with the mark just before it or just after it.
    let room = text.get(..text.len().min(64)).unwrap_or(text);
    let Some(colon) = room.find(':').filter(|&c| c > 1) else {
        return 0;
    };
    let closed = room[..colon].ends_with(m as char) || room[colon + 1..].starts_with(m as char);
    let label = room[1..colon].trim_end_matches(m as char);
    usize::from(closed && roles.knows(label))
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
