//! JSON with comments (`.jsonc`, as VS Code writes settings): its `//` and `/* */` comments are
//! read as spaces, byte for byte, so that the JSON reader takes the file and every offset,
//! line and column stays the file's own.

use crate::transcript::ParseError;

/// `source` with each comment outside a string blanked (its line breaks kept); `None` when it
/// has none.
pub fn blank_comments(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        let end = match (b, bytes.get(i + 1)) {
            (b'"', _) => {
                in_string = true;
                i += 1;
                continue;
            }
            (b'/', Some(b'/')) => memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n),
            (b'/', Some(b'*')) => {
                memchr::memmem::find(&bytes[i + 2..], b"*/").map_or(bytes.len(), |n| i + 2 + n + 2)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let out = out.get_or_insert_with(|| bytes.to_vec());
        for c in &mut out[i..end] {
            if !matches!(*c, b'\n' | b'\r') {
                *c = b' ';
            }
        }
        i = end;
    }
    // Whole comments became spaces, so the bytes are still UTF-8.
    out.map(|out| {
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    })
}

/// `e`, an error in `blanked` (`source` with its comments blanked), with its column counted in
/// `source`'s characters: a comment's `é` is two blanked spaces, one character of the file.
pub fn error_in_file(source: &str, blanked: &str, mut e: ParseError) -> ParseError {
    let (file, read) = (line_of(source, e.line), line_of(blanked, e.line));
    let before = e.column.saturating_sub(1);
    let at = read.char_indices().nth(before).map_or_else(
        || read.len() + (before - read.chars().count()),
        |(at, _)| at,
    );
    let mut within = at.min(file.len());
    while !file.is_char_boundary(within) {
        within -= 1;
    }
    e.column = file[..within].chars().count() + at.saturating_sub(file.len()) + 1;
    e
}

/// Line `line` (1-based) of `text`, without a byte-order mark.
fn line_of(text: &str, line: usize) -> &str {
    let text = text.trim_start_matches('\u{feff}');
    text.split('\n').nth(line.saturating_sub(1)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::{blank_comments, error_in_file};
    use crate::transcript::ParseError;

    #[test]
    fn an_error_after_a_comment_is_at_the_files_column() {
        let src = "[1] /* é */ x";
        let blanked = blank_comments(src).unwrap();
        let e = error_in_file(src, &blanked, ParseError::at(1, 14, "x"));
        assert_eq!(e.column, 13);
        let e = error_in_file(src, &blanked, ParseError::at(1, 20, "past the end"));
        assert_eq!(e.column, 19);
    }

    #[test]
    fn comments_become_spaces_and_strings_keep_theirs() {
        let src = "// é note\n[{\"text\": \"a // b /* c */\"} /* x\ny */, 1]\n";
        let blanked = blank_comments(src).unwrap();
        assert_eq!(blanked.len(), src.len());
        assert_eq!(
            blanked,
            "          \n[{\"text\": \"a // b /* c */\"}     \n    , 1]\n"
        );
        let v: serde_json::Value = serde_json::from_str(&blanked).unwrap();
        assert_eq!(v[0]["text"], "a // b /* c */");
        assert_eq!(blank_comments("[\"\\\"//\"]"), None);
        // An unclosed comment runs to the end.
        assert_eq!(blank_comments("[1] /* x").unwrap(), "[1]     ");
    }
}
