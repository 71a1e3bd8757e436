//! Markdown code fences (CommonMark 4.5): a run of three or more backticks or tildes opens a
//! block of code that a run of the same character, as long or longer, closes.

/// A code fence that opens trimmed line `t`: its character (a backtick or a tilde) and how many
/// open it (three or more).
pub(super) fn fence_run(t: &str) -> Option<(u8, usize)> {
    let mark = *t.as_bytes().first().filter(|&&c| c == b'`' || c == b'~')?;
    let n = t.bytes().take_while(|&c| c == mark).count();
    // A backtick fence's info string holds no backtick (``` `x` ``` is inline code).
    let info_ok = mark == b'~' || !t[n..].contains('`');
    (n >= 3 && info_ok).then_some((mark, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backtick_fence_has_no_backtick_after_it() {
        assert!(fence_run("``` `x` ```").is_none());
        assert_eq!(fence_run("~~~ `x`"), Some((b'~', 3)));
    }
}
