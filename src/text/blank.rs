//! `str::trim` answered from the edge bytes where it can be: a parser asks of every line and cue
//! whether it is blank, and `trim` decodes a character at each end to answer (about 50
//! instructions a line, which nearly always begins and ends with a visible ASCII character).

/// `s.trim()`.
pub fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        [only] if only.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Whether `s` is empty or white space only: `s.trim().is_empty()`.
pub fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(first) if first.is_ascii_graphic() => false,
        _ => s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn trimming_and_blanks_are_those_of_str(s in "[ a\\t\\n\\r\\u{b}\\u{c}\\u{a0}\\u{2003}\\u{3000}é.]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
            proptest::prop_assert_eq!(is_blank(&s), s.trim().is_empty());
        }
    }
}
