//! HTML and caption markup: tags dropped (block tags leave a space, so words on either side stay
//! apart) and character entities decoded, with every piece mapped back to the source.

use crate::transcript::{Decoded, TurnText};
use std::borrow::Cow;

/// Decodes a character entity at the start of `s` (`&amp;`, `&#39;`, `&#x2019;`): its text and
/// the entity's length.
pub fn entity(s: &str) -> Option<(Cow<'static, str>, usize)> {
    const NAMED: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&nbsp;", " "),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&rsquo;", "\u{2019}"),
        ("&lsquo;", "\u{2018}"),
        ("&rdquo;", "\u{201d}"),
        ("&ldquo;", "\u{201c}"),
        ("&mdash;", "\u{2014}"),
        ("&ndash;", "\u{2013}"),
        ("&hellip;", "\u{2026}"),
        ("&excl;", "!"),
        ("&ensp;", " "),
        ("&emsp;", " "),
        ("&thinsp;", " "),
        ("&shy;", ""),
        ("&lrm;", ""),
        ("&rlm;", ""),
    ];
    if let Some((e, t)) = NAMED.iter().find(|(e, _)| s.starts_with(e)) {
        return Some((Cow::Borrowed(t), e.len()));
    }
    let digits = s.strip_prefix("&#")?;
    // Looked for in the next 9 bytes only: a `&#` with no `;` after it must not send every
    // `&#` of a turn to its end (a run of them took time quadratic in their number).
    let head = &digits.as_bytes()[..digits.len().min(9)];
    let end = head.iter().position(|&b| b == b';')?;
    let number = &digits[..end];
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    let c = char::from_u32(code)?;
    Some((Cow::Owned(c.to_string()), end + 3))
}

/// Tags that break a line when rendered (`tag` is what stands between `<` and `>`).
pub(super) fn is_block(tag: &str) -> bool {
    let name = tag
        .trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// The text of an HTML body (a turn text of `source`), tags stripped and entities decoded. A `<`
/// with no `>` after it is text, and so is every `<` after it: the search for a tag's end is made
/// once past each `>`, so a body of `<` (or `<!--`) without one is read in linear time.
pub fn strip_html(body: &TurnText, source: &str) -> Decoded {
    let html = body.as_str(source);
    let mut out = Decoded::default();
    let mut space_due = false;
    let mut at = 0;
    // The first `>` after a place at or before `at`; `None` when none is left.
    let mut next_close = memchr::memchr(b'>', html.as_bytes());
    while at < html.len() {
        let rest = &html[at..];
        if rest.starts_with('<') {
            if next_close.is_some_and(|close| close < at) {
                next_close = memchr::memchr(b'>', rest.as_bytes()).map(|n| at + n);
            }
            if let Some(close) = next_close {
                space_due |= is_block(&html[at + 1..close]);
                at = close + 1;
                continue;
            }
        }
        let ends_in_space = out.text.ends_with(char::is_whitespace);
        if space_due && !out.text.is_empty() && !ends_in_space {
            out.push_replacement(" ", body.source_offset(at));
        }
        space_due = false;
        if rest.starts_with('&')
            && let Some((text, len)) = entity(rest)
        {
            out.push_respelled(&text, body.source_offset(at)..body.source_end(at + len));
            at += len;
            continue;
        }
        // Text runs to the next tag or entity; with no `>` left, to the next entity.
        let after = &rest.as_bytes()[1..];
        let next = match next_close {
            Some(_) => memchr::memchr2(b'<', b'&', after),
            None => memchr::memchr(b'&', after),
        };
        let plain = next.map_or(rest.len(), |n| n + 1);
        out.push_slice(body, source, at..at + plain);
        at += plain;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_read_as_text_at_their_source_offsets() {
        let src = "xx<p>Hi &amp; <b>welcome</b></p><p>Bye&#39;s</p>";
        let body = TurnText::Source(2..src.len());
        let d = strip_html(&body, src);
        assert_eq!(d.text, "Hi & welcome Bye's");
        let turn = crate::transcript::Turn {
            text: TurnText::Decoded(d),
            ..crate::transcript::Turn::new(crate::transcript::Role::Agent, None, 0..0)
        };
        let w = "Hi & ".len();
        assert_eq!(
            &src[turn.source_offset(w)..turn.source_offset(w) + 7],
            "welcome"
        );
        assert_eq!(
            entity("&#x2019;x").map(|(t, n)| (t.into_owned(), n)),
            Some(("\u{2019}".into(), 8))
        );
        assert_eq!(entity("&bogus;"), None);
    }
}
