//! Control characters from input shown escaped on a terminal: a transcript or file name holding
//! ESC, OSC, BEL or a bidi override must not retitle, recolour or reorder the user's terminal,
//! so human output and messages on standard error print them as `\x1b` or `\u{202e}`.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls other than tab and line breaks, DEL,
/// C1 controls, and the bidi embedding, override, isolate and mark characters.
fn is_dangerous(c: char, keep_newline: bool) -> bool {
    match c {
        '\t' => false,
        // A line break lays out multi-line text; CR stays with it (CRLF files).
        '\n' | '\r' => !keep_newline,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        _ => false,
    }
}

fn escape(text: &str, keep_newline: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_dangerous(c, keep_newline)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_dangerous(c, keep_newline) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_the_rest_kept() {
        assert_eq!(
            escape_controls("a\x1b]0;t\x07b\n\tc\u{202e}d\u{85}é"),
            "a\\x1b]0;t\\x07b\n\tc\\u{202e}d\\u{85}é"
        );
        assert_eq!(escape_name("x\ny\r.txt"), "x\\x0ay\\x0d.txt");
        assert!(matches!(escape_controls("plain ’text’"), Cow::Borrowed(_)));
    }
}
