//! Markdown link reference definitions (`[agent]: https://wiki.example.com/guide "Guide"`): a
//! link's target written on a line of its own, which a reader does not say. Bracketed like a
//! speaker label (`[Agent]: …`), such a line must neither open a turn nor be warned of as a label
//! missed: one known role label is enough to make a script a dialogue, and its text unjudged.

/// Whether `line` is a link reference definition: up to three spaces, `[label]:`, then a
/// [target](is_target). Whether it may stand where it does (CommonMark: not inside a paragraph)
/// is for the caller to say.
pub(super) fn is_definition(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    if line.len() - rest.len() > 3 {
        return false;
    }
    let Some((label, after)) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) else {
        return false;
    };
    !label.trim().is_empty()
        && !label.contains('[')
        && after.strip_prefix(':').is_some_and(is_target)
}

/// Whether `text`, what follows the colon of a `[label]:`, is a link's target: a destination,
/// bare or in `<…>`, then maybe a title in quotes or brackets, the destination reading as a
/// link: a URL (`https://…`, `www.…`, `mailto:…`), an `#anchor` or a path (`/…`, `./…`,
/// `docs/guide.md`). CommonMark takes any word as a destination; talklint does not, as
/// `[Agent]: Hello` is a speaker saying a word.
pub(super) fn is_target(text: &str) -> bool {
    let text = text.trim();
    let (destination, title) = match text.strip_prefix('<') {
        Some(inside) => match inside.split_once('>') {
            Some((inner, title)) => (inner, title),
            None => return false,
        },
        None => text.split_once([' ', '\t']).unwrap_or((text, "")),
    };
    is_title(title.trim()) && reads_as_link(destination)
}

/// Nothing, or a link title: `"…"`, `'…'` or `(…)`.
fn is_title(title: &str) -> bool {
    let b = title.as_bytes();
    b.is_empty()
        || (b.len() >= 2
            && matches!(
                (b[0], b[b.len() - 1]),
                (b'"', b'"') | (b'\'', b'\'') | (b'(', b')')
            ))
}

/// Whether `destination` reads as a link, not as a word: a URL, an anchor or a path.
fn reads_as_link(destination: &str) -> bool {
    let d = destination;
    let path = d.starts_with(['/', '#'])
        || d.starts_with("./")
        || d.starts_with("../")
        // `docs/guide.md`, `example.com/help`; `and/or` and `24/7` are words.
        || (d.contains('/') && d.contains('.'));
    let url = d.contains("://") || d.starts_with("www.") || d.starts_with("mailto:");
    d.len() > 1 && (path || url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_urls_anchors_and_paths() {
        for text in [
            " https://wiki.example.com/agent-guide",
            " <https://a.b/c d>",
            "\t#refunds",
            " ./guide.md \"The guide\"",
            " /help 'Help'",
            " docs/agent.md (Agents)",
            " www.example.com",
            " mailto:help@example.com",
        ] {
            assert!(is_target(text), "{text:?}");
        }
        for text in [
            " Hello",
            " and/or",
            " 24/7",
            " <inaudible>",
            " see https://a.b/c",
            " https://a.b/c is the page",
            " #",
            "",
        ] {
            assert!(!is_target(text), "{text:?}");
        }
    }

    #[test]
    fn definitions_are_a_bracketed_label_a_colon_and_a_target() {
        assert!(is_definition(
            "[agent]: https://wiki.example.com/agent-guide"
        ));
        assert!(is_definition("   [1]: </a b> \"t\""));
        for line in [
            "    [agent]: https://a.b/c",
            "[]: https://a.b/c",
            "[Agent]: Hello there",
            "[a [b]]: /c",
            "Agent: https://a.b/c",
        ] {
            assert!(!is_definition(line), "{line:?}");
        }
    }
}
