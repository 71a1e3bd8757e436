//! JSON with comments (`.jsonc`, as VS Code writes settings): its `//` and `/* */` comments are
//! read as spaces, byte for byte, so that the JSON reader takes the file and every offset,
//! line and column stays the file's own.

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

#[cfg(test)]
mod tests {
    use super::blank_comments;

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
