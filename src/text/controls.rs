//! Control characters from input shown escaped on a terminal: a transcript or file name holding
//! ESC, OSC, BEL or a bidi override must not retitle, recolour or reorder the user's terminal,
//! so human output and messages on standard error print them as `\x1b` or `\u{202e}`.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls other than tab and line breaks, DEL,
/// C1 controls, the Unicode line and paragraph separators, and the bidi embedding, override,
/// isolate and mark characters. A CR is a line break only before a LF (CRLF files): alone, it
/// would send the cursor back over the line. In a name (`keep_newline` false), a tab and line
/// breaks are escaped too: `a<TAB>b.txt` looked like `a b.txt`.
fn is_dangerous(c: char, next: Option<char>, keep_newline: bool) -> bool {
    match c {
        '\t' => !keep_newline,
        '\n' => !keep_newline,
        '\r' => !keep_newline || next != Some('\n'),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        _ => false,
    }
}

fn escape(text: &str, keep_newline: bool) -> Cow<'_, str> {
    let dangerous = |i: usize, c: char| {
        let next = text[i + c.len_utf8()..].chars().next();
        is_dangerous(c, next, keep_newline)
    };
    if !text.char_indices().any(|(i, c)| dangerous(i, c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if !dangerous(i, c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// `text` with its control characters escaped; line breaks and tabs kept (multi-line text).
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// A name (a file name, an id) with its control characters escaped, line breaks too.
pub(crate) fn escape_name(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` in double quotes, as Rust's `{:?}` writes it (`\"`, `\\`, `\n`, `\t`), with its other
/// control characters and what is not seen escaped (a space other than the space, a zero-width
/// or format character, a private-use one: a failed example must not look like one that
/// passes); letters and marks are kept as written: `{:?}` escapes the marks of Thai, Hindi or
/// vowelled Arabic (`\u{e48}`) and an emoji's variation selector.
pub(crate) fn quoted(text: &str) -> String {
    let hidden = |c: char| {
        let zero_width = unicode_width::UnicodeWidthChar::width(c) == Some(0)
            && !unicode_normalization::char::is_combining_mark(c);
        !c.is_ascii()
            && (c.is_whitespace() || zero_width || matches!(c, '\u{ad}' | '\u{e000}'..='\u{f8ff}'))
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push_str(&escape_name(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_keeps_letters_and_marks_and_escapes_as_debug_does() {
        let text = "ไม่ใช่ \"a\"\\\n\u{1b}❤\u{fe0f}";
        assert_eq!(quoted(text), "\"ไม่ใช่ \\\"a\\\"\\\\\\n\\x1b❤\u{fe0f}\"");
        // What is not seen is shown.
        let unseen = "calm\u{200b} down\u{a0}\u{ad}\u{3000}\u{e000}";
        assert_eq!(
            quoted(unseen),
            "\"calm\\u{200b} down\\u{a0}\\u{ad}\\u{3000}\\u{e000}\""
        );
    }

    #[test]
    fn controls_and_bidi_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape_controls("a\x1b]0;t\x07b\n\tc\u{202e}d\u{85}é"),
            "a\\x1b]0;t\\x07b\n\tc\\u{202e}d\\u{85}é"
        );
        assert_eq!(escape_name("x\ny\r\t.txt"), "x\\x0ay\\x0d\\x09.txt");
        assert!(matches!(escape_controls("plain ’text’"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_carriage_return_is_a_line_break_only_before_a_line_feed() {
        assert!(matches!(escape_controls("a\r\nb"), Cow::Borrowed(_)));
        assert_eq!(
            escape_controls("a\rb\r\r\n\u{2028}"),
            "a\\x0db\\x0d\r\n\\u{2028}"
        );
    }
}
