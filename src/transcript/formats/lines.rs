//! Line iteration shared by the line-based parsers: 1-based numbers, start offsets, and the text
//! without its line break (`\n` or `\r\n`), found with a SIMD `memchr`.

/// One line of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// Byte offset of the line's first byte.
    pub start: usize,
    pub text: &'a str,
}

/// The lines of `source`.
pub fn lines(source: &str) -> impl Iterator<Item = Line<'_>> {
    let bytes = source.as_bytes();
    let mut at = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        at = end + 1;
        number += 1;
        // `\r\n`, and `\r\r\n` (CRLF converted twice), end a line.
        let crs = bytes[start..end]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\r')
            .count();
        Some(Line {
            number,
            start,
            text: &source[start..end - crs],
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_both_kinds() {
        let got: Vec<(usize, usize, &str)> = lines("a\r\nbc\n\nd")
            .map(|l| (l.number, l.start, l.text))
            .collect();
        assert_eq!(got, [(1, 0, "a"), (2, 3, "bc"), (3, 6, ""), (4, 7, "d")]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("x\n").count(), 1);
    }
}
