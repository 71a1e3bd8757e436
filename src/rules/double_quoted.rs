//! Where a character of a YAML double-quoted string is written, found by the string's value:
//! serde keeps no places, and a value written with escapes (`"\\bfoo\b"`) is not its own text
//! in the file, so an error about one of its characters (a control character an escape made)
//! decodes the file's double-quoted strings to point at that character's escape.

use std::str::CharIndices;

/// The byte offset in `text` where character `index` (counted in characters) of `value` is
/// written, in the first double-quoted string at or after byte `from` whose value is `value`:
/// the start of its escape (`\b`), or the character itself. `None` when no such string is
/// found (a value written another way, or folded over lines).
pub(crate) fn char_written_at(text: &str, from: usize, value: &str, index: usize) -> Option<usize> {
    let mut search = from;
    while let Some(i) = text.get(search..)?.find('"') {
        let open = search + i;
        if let Some(places) = places_if_value(text, open + 1, value) {
            return places.get(index).copied();
        }
        search = open + 1;
    }
    None
}

/// Where each character is written in the double-quoted string whose text starts at byte
/// `start`, if its value is `value`; it stops at the first character that differs.
fn places_if_value(text: &str, start: usize, value: &str) -> Option<Vec<usize>> {
    let mut want = value.chars();
    let mut places = Vec::with_capacity(value.len());
    let mut chars = text.get(start..)?.char_indices();
    while let Some((i, c)) = chars.next() {
        let decoded = match c {
            '"' => return want.next().is_none().then_some(places),
            // A string folded over lines is not followed here.
            '\n' | '\r' => return None,
            '\\' => escape(&mut chars)?,
            c => c,
        };
        if want.next() != Some(decoded) {
            return None;
        }
        places.push(start + i);
    }
    None
}

/// The character a YAML double-quoted escape stands for, its `\` already read.
fn escape(chars: &mut CharIndices) -> Option<char> {
    let hex = |n: usize, chars: &mut CharIndices| {
        let digits: String = chars.take(n).map(|(_, c)| c).collect();
        let valid = digits.len() == n && digits.chars().all(|c| c.is_ascii_hexdigit());
        valid
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
            .and_then(char::from_u32)
    };
    let (_, c) = chars.next()?;
    Some(match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        ' ' | '"' | '/' | '\\' => c,
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        'x' => hex(2, chars)?,
        'u' => hex(4, chars)?,
        'U' => hex(8, chars)?,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::char_written_at;

    #[test]
    fn a_character_is_found_at_its_escape() {
        let text = "regex: [\"\\\\b\", \"\\\\bfoo\\b\"] # \"\\bfoo\\b\"\n";
        // The value `\bfoo` and a backspace: the second string, not the first.
        let value = "\\bfoo\u{8}";
        let at = char_written_at(text, 0, value, 5).unwrap();
        assert_eq!(&text[at..at + 2], "\\b");
        assert_eq!(&text[..at], "regex: [\"\\\\b\", \"\\\\bfoo");
        assert_eq!(char_written_at(text, 0, value, 0), Some(16));
        // Other escapes decode as YAML reads them.
        let text = "a: \"\\x41\\u00e9\\U0001F600\\t\\\"\\a\"\n";
        assert_eq!(char_written_at(text, 0, "Aé😀\t\"\u{7}", 5), Some(28));
        // Not found: another value, a string folded over lines, a bad escape.
        assert_eq!(char_written_at(text, 0, "A", 0), None);
        assert_eq!(char_written_at("a: \"x\n  \\b\"", 0, "x \u{8}", 2), None);
        assert_eq!(char_written_at("a: \"\\q\"", 0, "q", 0), None);
        assert_eq!(char_written_at("a: \"\\x4\"", 0, "\u{4}", 0), None);
    }
}
