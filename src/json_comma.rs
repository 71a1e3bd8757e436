//! A comma before a closing bracket with nothing after it (`"id": 7,` then `}`), which JSON does
//! not allow: serde_json says so at the bracket, where a value or a key was expected, but a user
//! mends it at the comma. Transcripts, JSON Lines, cloud rules, baselines and merged reports all
//! name it there.

/// What a trailing comma before `closing` is, as cloud rules, baselines and merged reports say
/// it; [`HELP`] says how to mend it.
pub(crate) fn message(closing: char) -> String {
    format!("invalid JSON: a comma before `{closing}` with nothing after it")
}

/// How to mend a trailing comma, said at the comma.
pub(crate) const HELP: &str =
    "remove this comma: JSON allows no comma after the last item of a list or an object";

/// The comma, and the bracket after it, of the trailing comma serde_json's syntax error `e` in
/// reading `body` stands at: `trailing comma` where serde reads the list or object into a typed
/// field, `expected value` or `key must be a string` where it skips it (an unknown key's value);
/// `None` for any other error.
pub(crate) fn trailing(body: &str, e: &serde_json::Error) -> Option<(usize, char)> {
    let said = e.to_string();
    // The bracket must close what serde was in: a skipped object wants a key after its comma,
    // a skipped list a value (`{"a": 1,]` is a bracket that closes nothing, not this).
    let closes = |bracket: char| match bracket {
        '}' => said.starts_with("key must be a string"),
        _ => said.starts_with("expected value"),
    };
    let (comma, bracket) = before_bracket(body, serde_offset(body, e.line(), e.column()))?;
    (e.is_syntax() && (said.starts_with("trailing comma") || closes(bracket)))
        .then_some((comma, bracket))
}

/// Where serde_json's error `e` in reading `body` stands, as the line (1-based, within `body`)
/// and column in characters that every other place talklint names is counted in: serde counts
/// its column in bytes.
pub(crate) fn serde_place(body: &str, e: &serde_json::Error) -> (usize, usize) {
    let at = serde_offset(body, e.line(), e.column());
    crate::text::lines::LineCursor::new(body).position(at)
}

/// The byte offset of serde_json's `line` and `column` (both 1-based, the column in bytes; a
/// column 0 is the line's start), at most the end of `body`.
pub(crate) fn serde_offset(body: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        n => memchr::memchr_iter(b'\n', body.as_bytes())
            .nth(n - 2)
            .map_or(body.len(), |i| i + 1),
    };
    (line_start + column.saturating_sub(1)).min(body.len())
}

/// The comma, and the bracket that closes its list or object, of a trailing comma whose bracket
/// is at byte `at` of `body`: only white space (JSON has no comments) stands between the two.
pub(crate) fn before_bracket(body: &str, at: usize) -> Option<(usize, char)> {
    let closing = body
        .get(at..)?
        .chars()
        .next()
        .filter(|c| matches!(c, ']' | '}'))?;
    let before = body[..at].trim_end();
    before.ends_with(',').then(|| (before.len() - 1, closing))
}

#[cfg(test)]
mod tests {
    use super::before_bracket;

    #[test]
    fn a_trailing_comma_is_found_where_serde_reads_or_skips_the_value() {
        #[derive(serde::Deserialize)]
        struct Typed {
            #[allow(dead_code)]
            a: Vec<u32>,
        }
        for body in [
            "{\"a\": [1, 2,]}",
            "{\"a\": [1], \"b\": [1,\n ]}",
            "{\"a\": [1], \"b\": {\"c\": 1,}}",
            "{\"a\": [1], \"b\": 2,}",
        ] {
            let e = serde_json::from_str::<Typed>(body).err().expect(body);
            let (comma, _) = super::trailing(body, &e).expect(body);
            assert_eq!(&body[comma..=comma], ",", "{body}: {e}");
            assert!(
                body[comma + 1..].trim_start().starts_with([']', '}']),
                "{body}"
            );
        }
        let closing_nothing = [
            "{\"a\": [1, x]}",
            "{\"a\": [1], \"b\": 1,]",
            "{\"a\": [1], \"b\": [1,}",
        ];
        for body in closing_nothing {
            let e = serde_json::from_str::<Typed>(body).err().unwrap();
            assert_eq!(super::trailing(body, &e), None, "{body}: {e}");
        }
    }

    #[test]
    fn a_comma_before_a_bracket_is_found_across_white_space() {
        assert_eq!(before_bracket("[1,\n ]", 5), Some((2, ']')));
        assert_eq!(before_bracket("{\"a\": 1 , \r\n\t}", 13), Some((8, '}')));
        assert_eq!(before_bracket("[1 ]", 3), None);
        assert_eq!(before_bracket("[1,x", 3), None);
        assert_eq!(before_bracket("[1,", 9), None);
    }
}
