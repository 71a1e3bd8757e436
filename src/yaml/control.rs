//! Characters YAML refuses anywhere in a document (controls, pasted from a word processor, a PDF
//! or a terminal, and the noncharacters U+FFFE and U+FFFF). The library's reader reports one as
//! "control characters are not allowed at position N", with no line or column: this finds it,
//! so the error names its line, its column and the character.

/// Whether YAML refuses `c` anywhere in a document, quoted or not: YAML 1.2's printable set, as
/// the library checks it (tab, line feed, carriage return, U+0020–U+007E, U+0085, U+00A0–U+D7FF,
/// U+E000–U+FFFD and U+10000 up are allowed).
pub(crate) fn refused(c: char) -> bool {
    !matches!(
        c,
        '\t' | '\n'
            | '\r'
            | ' '..='~'
            | '\u{85}'
            | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fffd}'
            | '\u{10000}'..
    )
}

/// The first character of a document that YAML refuses.
pub(super) struct Refused {
    /// 1-based, the column counted in characters.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// The first character of `source` that YAML refuses, if it holds one.
pub(super) fn first(source: &str) -> Option<Refused> {
    let (at, c) = source.char_indices().find(|&(_, c)| refused(c))?;
    // Lines end at `\r\n`, `\r` or `\n`, as YAML's do.
    let (line, column) = crate::rules::place::position(source, at);
    let kind = match c {
        '\u{fffe}' | '\u{ffff}' => "a noncharacter",
        _ => "a control character",
    };
    let name = control_name(c).map_or(String::new(), |n| format!(" ({n})"));
    Some(Refused {
        line,
        column,
        message: format!(
            "{kind} U+{:04X}{name}, which YAML does not allow anywhere, quoted or not",
            c as u32
        ),
        hint: "delete it: such characters are often pasted from a word processor, a PDF or a \
               terminal, and do not show in most editors"
            .into(),
    })
}

/// What a control character is called, when it has a name people know.
fn control_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{80}'..='\u{9f}' => "C1, often a Windows-1252 quote or dash read as Latin-1",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_characters_are_yamls() {
        for c in [
            '\u{0}', '\u{b}', '\u{7f}', '\u{80}', '\u{9f}', '\u{fffe}', '\u{ffff}',
        ] {
            assert!(refused(c), "{c:?}");
            let text = format!("a: \"x{c}\"");
            assert!(
                serde_yaml::from_str::<serde_yaml::Value>(&text).is_err(),
                "{c:?}"
            );
        }
        for c in [
            '\t', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}', '\u{fffd}', '😀',
        ] {
            assert!(!refused(c), "{c:?}");
            let text = format!("a: \"x{c}\"");
            assert!(
                serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_first_is_placed_in_characters() {
        let r = first("a: 1\nb: \"é\u{b}\"\u{1}\n").unwrap();
        assert_eq!((r.line, r.column), (2, 6));
        assert!(
            r.message
                .starts_with("a control character U+000B (vertical tab)")
        );
        let r = first("x: \u{ffff}").unwrap();
        assert!(
            r.message.starts_with("a noncharacter U+FFFF"),
            "{}",
            r.message
        );
        assert!(first("ok: \u{85}\t").is_none());
    }
}
