//! Markdown inline code spans (CommonMark 6.1): code, not speech, where a directive is an
//! example.

use std::ops::Range;

/// The inline code spans of `line` (which starts at byte `at`), as CommonMark reads them: a run
/// of backticks opens one that the next run of as many closes; a run that nothing closes is
/// text, and the search goes on after it. Linear in the line's length.
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
    // For each run, the next run of its length, found walking back once.
    let mut next_alike = vec![None; runs.len()];
    let mut last_of_length = std::collections::HashMap::new();
    for (k, &(_, n)) in runs.iter().enumerate().rev() {
        next_alike[k] = last_of_length.insert(n, k);
    }
    let mut k = 0;
    while k < runs.len() {
        match next_alike[k] {
            Some(close) => {
                let (open, (end, n)) = (runs[k].0, runs[close]);
                out.push(at + open..at + end + n);
                k = close + 1;
            }
            None => k += 1,
        }
    }
}
