//! Web and e-mail addresses in a turn's text: written, not said. A help-article link such as
//! `https://help.example.com/why-is-this-not-my-fault` or an address such as
//! `calm.down@example.com` holds words no one spoke, so the matcher reads each address as one
//! word that no phrase holds.

use std::ops::Range;

/// Appends to `out` the byte ranges of the addresses in `text`, in order and apart: from a
/// `scheme://`, or from an e-mail address's local part and `@`, to the end of the token (a run
/// of bytes that are no blank, bracket, quote or comma), when an e-mail domain holds a dot. A
/// handle (`@support`) is no address.
pub fn find(text: &str, out: &mut Vec<Range<usize>>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(b'@', b':', &b[from..]).map(|i| from + i) {
        let web = b[at] == b':';
        // The scheme's or the local part's bytes: an address starts at them, not at a word
        // joined to it by a no-break space, a colon or a full stop (`help:\u{a0}https://…`).
        let part = |c: &u8| match web {
            true => c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-'),
            false => c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-'),
        };
        let start = b[..at].iter().rposition(|c| !part(c)).map_or(0, |i| i + 1);
        if start == at
            || (web && !(b[at + 1..].starts_with(b"//") && b[start].is_ascii_alphabetic()))
        {
            from = at + 1;
            continue;
        }
        let token = token_end(text, at + 1);
        // A sentence's punctuation after an address is not part of it.
        let end = at
            + 1
            + text[at + 1..token]
                .trim_end_matches(['.', ',', ';', ':', '!', '?'])
                .len();
        let domain = &b[at + 1..end];
        if web || (domain.contains(&b'.') && !domain.ends_with(b".")) {
            out.push(start..end);
        }
        // A token whose `@` starts no address is passed over whole: `a@a@a…` is read once.
        from = token.max(at + 1);
    }
}

/// The first address in `text`, if it holds one.
pub fn first(text: &str) -> Option<Range<usize>> {
    let mut found = Vec::new();
    find(text, &mut found);
    found.into_iter().next()
}

/// Where the token that starts at byte `at` ends: at a blank (any white space), a bracket, a
/// quote (straight or curly), a comma, a semicolon or a bar. Read a byte at a time, a character
/// only beyond ASCII: addresses are long.
fn token_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while let Some(&c) = b.get(i) {
        if c.is_ascii() {
            let ends = c.is_ascii_whitespace()
                || matches!(c, b'<' | b'>' | b'(' | b')' | b'[' | b']' | b'{' | b'}')
                || matches!(c, b'"' | b'\'' | b'`' | b',' | b';' | b'|');
            if ends {
                return i;
            }
            i += 1;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        if ch.is_whitespace() || matches!(ch, '“' | '”' | '‘' | '’' | '«' | '»') {
            return i;
        }
        i += ch.len_utf8();
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::find;

    fn addresses(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn web_and_mail_addresses_are_found_whole() {
        let text = "See https://help.example.com/not-my-fault. Or mail calm.down@example.com!";
        assert_eq!(
            addresses(text),
            [
                "https://help.example.com/not-my-fault",
                "calm.down@example.com"
            ]
        );
        // White space of any kind, `;`, `|` and curly quotes end one; a full stop before a
        // scheme starts none.
        let text = "https://x.y/z\u{2003}calm me@x.com\u{a0}down “https://a.b/c”now https://d.e;f calm.https://g.h";
        assert_eq!(
            addresses(text),
            [
                "https://x.y/z",
                "me@x.com",
                "https://a.b/c",
                "https://d.e",
                "https://g.h"
            ]
        );
        let text = "(<https://x.com/calm-down>) [y](ftp://h/p) we help:\u{a0}https://h.i/j";
        assert_eq!(
            addresses(text),
            ["https://x.com/calm-down", "ftp://h/p", "https://h.i/j"]
        );
    }

    #[test]
    fn clocks_labels_and_handles_are_no_addresses() {
        for text in [
            "At 10:30: done",
            "Re: your order",
            "@support thanks",
            "a @ b.c",
            "x@y",
            ":// x",
            "me@home.",
        ] {
            assert_eq!(addresses(text), Vec::<&str>::new(), "{text}");
        }
    }
}
