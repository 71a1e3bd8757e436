//! HTML tags in a Markdown script (CommonMark 6.6, raw HTML): `<a title="calm down">`, `</b>`,
//! `<br/>` are markup, not speech, so no rule reads their attributes and no fix writes over
//! them, while the text between tags (`<b>calm down</b>`) is said. A tag that breaks the line
//! where a page shows it (`<br>`, `<p>`) parts the words either side.

use super::hidden::covers;
use super::markup::is_block;
use std::ops::Range;

/// Pushes the HTML tags of `source` that stand outside `code` and `comments` (each sorted, not
/// overlapping) onto `out`, and the start of each that breaks the line onto `parting`. A `<`
/// escaped with a backslash opens none. A quoted attribute value holds no `<`, so that each
/// tag is sought no further than the next `<`, and a file of them is read in linear time (a
/// tag with `<` in a value is read as text, as before tags were known).
pub(super) fn tags(
    source: &str,
    code: &[Range<usize>],
    comments: &[Range<usize>],
    out: &mut Vec<Range<usize>>,
    parting: &mut Vec<usize>,
) {
    let mut from = 0;
    for at in memchr::memchr_iter(b'<', source.as_bytes()) {
        if at < from || source[..at].ends_with('\\') || covers(code, at) || covers(comments, at) {
            continue;
        }
        let Some(len) = tag_len(&source.as_bytes()[at..]) else {
            continue;
        };
        out.push(at..at + len);
        if is_block(&source[at + 1..at + len - 1]) {
            parting.push(at);
        }
        from = at + len;
    }
}

/// The length of the open tag (`<name attr="value" …>`, `<name/>`) or closing tag (`</name>`)
/// that opens `b`, if one does: a name of letters, digits and `-` opened by a letter, and for
/// an open tag, attributes each after white space (a line break too, not a blank line), a name
/// with an optional `=` value, unquoted or in quotes.
fn tag_len(b: &[u8]) -> Option<usize> {
    let closing = b.get(1) == Some(&b'/');
    let mut i = if closing { 2 } else { 1 };
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    i += run(&b[i..], |c| c.is_ascii_alphanumeric() || c == b'-');
    if closing {
        i += space(&b[i..])?;
        return (b.get(i) == Some(&b'>')).then_some(i + 1);
    }
    loop {
        let gap = space(&b[i..])?;
        i += gap;
        match b.get(i)? {
            b'>' => return Some(i + 1),
            b'/' => return (b.get(i + 1) == Some(&b'>')).then_some(i + 2),
            c if gap > 0 && (c.is_ascii_alphabetic() || matches!(c, b'_' | b':')) => {}
            _ => return None,
        }
        i += run(&b[i..], |c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-')
        });
        let before_value = i;
        i += space(&b[i..])?;
        if b.get(i) != Some(&b'=') {
            i = before_value;
            continue;
        }
        i += 1;
        i += space(&b[i..])?;
        i += match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = memchr::memchr2(q, b'<', &b[i + 1..])?;
                let value = &b[i + 1..i + 1 + close];
                let fits = !holds_blank_line(value) && no_label_after_breaks(value, value.len());
                (b[i + 1 + close] == q && fits).then_some(close + 2)?
            }
            _ => match run(&b[i..], |c| !b" \t\r\n\"'=<>`".contains(&c)) {
                0 => return None,
                n => n,
            },
        };
    }
}

/// How many bytes opening `b` pass `keep`.
fn run(b: &[u8], keep: impl Fn(u8) -> bool) -> usize {
    b.iter().take_while(|&&c| keep(c)).count()
}

/// How many bytes of white space open `b`; `None` when they hold a blank line, which ends a
/// paragraph and so any tag in it, or a line break to a line at the margin that is no attribute
/// (`src="np.png">` is one; `please calm down then >`, prose after a `<` in the line above, is
/// not), or that opens with a label.
fn space(b: &[u8]) -> Option<usize> {
    let n = run(b, |c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
    let breaks = b[..n].iter().filter(|&&c| c == b'\n').count();
    let attribute = |line: &[u8]| {
        matches!(line.first(), Some(b' ' | b'\t'))
            || line.iter().find(|&&c| matches!(c, b'=' | b'>' | b'\n')) == Some(&b'=')
    };
    let after_breaks = memchr::memchr_iter(b'\n', &b[..n]).all(|i| attribute(&b[i + 1..]));
    (breaks < 2 && after_breaks && no_label_after_breaks(b, n)).then_some(n)
}

/// Whether no line after a line break in `b[..within]` opens with what may be a speaker's label (`Agent:
/// …`, a word or a few before a colon), whose turn a tag left open must not hide: a tag's
/// attributes go on over other lines (`src="np.png">`, `href="https://…"`).
fn no_label_after_breaks(b: &[u8], within: usize) -> bool {
    memchr::memchr_iter(b'\n', &b[..within]).all(|i| !opens_with_label(&b[i + 1..]))
}

/// Whether `line` opens with letters, digits, spaces or brackets up to a colon, as a speaker's
/// label does, before any `=`, quote or `>` of an attribute.
fn opens_with_label(line: &[u8]) -> bool {
    let head = run(line, |c| {
        c.is_ascii_alphanumeric()
            || matches!(c, b' ' | b'(' | b')' | b'_' | b'-' | b'.')
            || c >= 0x80
    });
    head > 0 && line[0] != b' ' && line[0] != b'\t' && line.get(head) == Some(&b':')
}

/// Whether `b` holds a blank line (a line break, then only white space up to another).
fn holds_blank_line(b: &[u8]) -> bool {
    let lines: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    // The lines between two breaks: the first and last are parts of lines with other text.
    let inner = lines
        .get(1..lines.len().saturating_sub(1))
        .unwrap_or_default();
    inner
        .iter()
        .any(|line| line.iter().all(|c| matches!(c, b' ' | b'\t' | b'\r')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> (Vec<&str>, Vec<usize>) {
        let (mut out, mut parting) = (Vec::new(), Vec::new());
        tags(src, &[], &[], &mut out, &mut parting);
        (out.iter().map(|r| &src[r.clone()]).collect(), parting)
    }

    #[test]
    fn tags_and_their_attributes_are_found_not_the_text_between() {
        let src = "Hi <a title=\"calm down\" href='x>y'>link</a>, <img alt=calm\n  data-x>\
                   <br/>x<p><img alt=\"No problem!\"\nsrc=\"np.png\">";
        let (tags, parting) = found(src);
        assert_eq!(
            tags,
            [
                "<a title=\"calm down\" href='x>y'>",
                "</a>",
                "<img alt=calm\n  data-x>",
                "<br/>",
                "<p>",
                "<img alt=\"No problem!\"\nsrc=\"np.png\">"
            ]
        );
        assert_eq!(parting.len(), 2, "<br/> and <p> break the line");
    }

    #[test]
    fn what_is_no_tag_is_text() {
        for text in [
            "a < b",
            "<https://x.example>",
            "<jane@x.example>",
            "\\<b>",
            "<a title=\"x < y\">",
            "<a title=\"x\n\ny\">",
            "<a b='",
            "<1a>",
            "<a\"b\">",
            // A line at the margin may be a speaker's label: a tag left open does not hide it,
            // nor prose after a `<`.
            "<b\nAgent: please calm down > ok",
            "<b or over ten\nplease calm down then > it is fine",
            "<a title=\"x\nAgent: calm down\">",
        ] {
            assert_eq!(found(text).0, Vec::<&str>::new(), "{text:?}");
        }
    }
}
