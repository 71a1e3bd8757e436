//! Markdown inline code spans (CommonMark 6.1): code, not speech, where a directive is an
//! example. A backtick escaped with a backslash (`` \` ``, 2.4) is text and opens no span; in a
//! span a backslash is text, so a span may end on `` \` ``.

use std::ops::Range;

/// The inline code spans of `line` (which starts at byte `at`), as CommonMark reads them: a run
/// of backticks opens one that the next run of as many closes; a run that nothing closes is
/// text, and the search goes on after it. A run after an escaping backslash opens with its
/// second backtick, if any. Linear in the line's length.
pub(super) fn inline_code(line: &str, at: usize, out: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'`', &b[i..]) {
        let start = i + k;
        let n = b[start..].iter().take_while(|&&c| c == b'`').count();
        runs.push((start, n));
        i = start + n;
    }
    // For each run, the next run of its length, and of its length less one (what an escaped
    // run opens with), found walking back once.
    let mut next_alike = vec![(None, None); runs.len()];
    let mut last_of_length = std::collections::HashMap::new();
    for (k, &(_, n)) in runs.iter().enumerate().rev() {
        let shorter = last_of_length.get(&(n - 1)).copied();
        next_alike[k] = (last_of_length.insert(n, k), shorter);
    }
    let mut k = 0;
    while k < runs.len() {
        let (start, n) = runs[k];
        let (open, close) = match escaped(b, start) {
            false => (start, next_alike[k].0),
            true => (start + 1, next_alike[k].1.filter(|_| n > 1)),
        };
        match close {
            Some(close) => {
                let (end, n) = runs[close];
                out.push(at + open..at + end + n);
                k = close + 1;
            }
            None => k += 1,
        }
    }
}

/// Whether the byte at `i` of `b` is escaped: an odd number of backslashes stands before it.
fn escaped(b: &[u8], i: usize) -> bool {
    b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        inline_code(line, 0, &mut out);
        out.iter().map(|r| &line[r.clone()]).collect()
    }

    #[test]
    fn an_escaped_backtick_opens_no_span() {
        assert_eq!(
            spans(r"Use \`kindly\` and \`ASAP\` here."),
            Vec::<&str>::new()
        );
        assert_eq!(spans(r"\\`a` and \``b`"), ["`a`", "`b`"]);
        // In a span a backslash is text: the span ends on the backtick after it.
        assert_eq!(spans(r"`a\` b`"), [r"`a\`"]);
        assert_eq!(spans("``a`b`` `c`"), ["``a`b``", "`c`"]);
    }
}
