//! A comma before a closing bracket with nothing after it (`"id": 7,` then `}`), which JSON does
//! not allow: serde_json says so at the bracket, where a value or a key was expected, but a user
//! mends it at the comma. Transcripts, JSON Lines and cloud rules all name it there.

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
    fn a_comma_before_a_bracket_is_found_across_white_space() {
        assert_eq!(before_bracket("[1,\n ]", 5), Some((2, ']')));
        assert_eq!(before_bracket("{\"a\": 1 , \r\n\t}", 13), Some((8, '}')));
        assert_eq!(before_bracket("[1 ]", 3), None);
        assert_eq!(before_bracket("[1,x", 3), None);
        assert_eq!(before_bracket("[1,", 9), None);
    }
}
