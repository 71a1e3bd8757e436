//! Byte offsets to 1-based line and character column, computed only when a finding is reported.

/// Line and column lookups for offsets that mostly come in increasing order (a file's
/// findings): each lookup counts line breaks and characters from the previous one, forward or
/// back, so a file is scanned about once, with no index to build, however long its lines (a
/// column counted from the line start for every finding made a 32 MB line take 35 s). Lookups
/// that keep going back to earlier lines have it find the lines' starts, once.
#[derive(Debug)]
pub struct LineCursor<'a> {
    text: &'a str,
    /// A char boundary, the 0-based line it is on, that line's start, and the 0-based column
    /// (in characters) of `offset` in it.
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
    /// The text opens with a byte-order mark, which is no column: editors count from after it.
    bom: bool,
    /// The bytes stepped back over to earlier lines, until they pass the text's length:
    /// lookups then go back and forth (the findings of a file's conversations that interleave,
    /// a CSV file's rows), and the cursor finds where each line starts, once.
    stepped_back: usize,
    /// Where each line after the first starts, once found: a lookup on another line finds it
    /// by a binary search, where counting the line breaks in between took a pass over the
    /// text per lookup. Empty before, and in a text of one line.
    starts: Vec<usize>,
}

impl<'a> LineCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCursor {
            text,
            offset: 0,
            line: 0,
            line_start: 0,
            column: 0,
            bom: text.starts_with('\u{feff}'),
            stepped_back: 0,
            starts: Vec::new(),
        }
    }

    /// The text the cursor is over.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and 1-based column in characters of byte `offset` (a byte-order mark
    /// opening the text is no column).
    pub fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let bytes = self.text.as_bytes();
        if self.starts.is_empty() && offset < self.line_start {
            self.stepped_back += self.offset - offset;
            if self.stepped_back > bytes.len() {
                self.starts = memchr::memchr_iter(b'\n', bytes).map(|i| i + 1).collect();
            }
        }
        let other_line = (!self.starts.is_empty())
            .then(|| self.starts.partition_point(|&start| start <= offset))
            .filter(|&line| line != self.line);
        if let Some(line) = other_line {
            self.line = line;
            self.line_start = line.checked_sub(1).map_or(0, |i| self.starts[i]);
            self.column = chars(&bytes[self.line_start..offset]);
        } else if offset >= self.offset {
            let between = &bytes[self.offset..offset];
            match memchr::memrchr(b'\n', between) {
                Some(last) => {
                    self.line += memchr::memchr_iter(b'\n', between).count();
                    self.line_start = self.offset + last + 1;
                    self.column = chars(&bytes[self.line_start..offset]);
                }
                None => self.column += chars(between),
            }
        } else {
            // Back: within the line, only the characters stepped over; across line breaks, the
            // target line's start is found from the target.
            let between = &bytes[offset..self.offset];
            match memchr::memchr_iter(b'\n', between).count() {
                0 => self.column -= chars(between),
                breaks => {
                    self.line -= breaks;
                    self.line_start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
                    self.column = chars(&bytes[self.line_start..offset]);
                }
            }
        }
        self.offset = offset;
        let bom = self.bom && self.line == 0 && offset > 0;
        (self.line + 1, self.column + 1 - usize::from(bom))
    }
}

/// The characters in UTF-8 `bytes` that start and end on char boundaries: the bytes that are
/// not continuation bytes (`0b10xxxxxx`), counted eight at a time.
fn chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (words, tail) = bytes.as_chunks::<8>();
    let continuations: u32 = words
        .iter()
        .map(|w| {
            let x = u64::from_le_bytes(*w);
            // Bit 7 set and bit 6 clear, each byte's verdict in its bit 7.
            (x & !(x << 1) & HIGH).count_ones()
        })
        .sum();
    let tail = tail.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations as usize - tail
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\n’x y\r\nlast";
        let y = text.find('y').unwrap();
        let mut cursor = LineCursor::new(text);
        let expected = [
            (0, (1, 1)),
            (3, (2, 1)),
            (y, (2, 4)),
            (text.len(), (3, 5)),
            (1, (1, 2)),
            (y, (2, 4)),
            (y - 2, (2, 2)),
            (text.len(), (3, 5)),
            (y - 1, (2, 3)),
            (0, (1, 1)),
        ];
        for (offset, position) in expected {
            assert_eq!(cursor.position(offset), position, "at {offset}");
        }
    }

    #[test]
    fn lookups_back_and_forth_are_placed_as_one_by_one_once_lines_are_found() {
        let text = "\u{feff}ab\n’x y\r\n\nlast line’s end\n";
        let offsets: Vec<usize> = (0..=text.len()).collect();
        let jumps = [0, text.len(), 5, 20, 4, 3];
        let order = (offsets.iter().rev().chain(&offsets))
            .chain(offsets.iter().step_by(7).rev())
            .chain(&jumps);
        let mut cursor = LineCursor::new(text);
        for &offset in order {
            let alone = LineCursor::new(text).position(offset);
            assert_eq!(cursor.position(offset), alone, "at {offset}");
        }
        assert_eq!(
            cursor.starts,
            [6, 14, 15, text.len()],
            "the lines were found"
        );
    }

    #[test]
    fn characters_are_counted_eight_bytes_at_a_time_as_one_by_one() {
        let text = "plain ascii, then é and ’ and 日本語 and 🙂🙂, again: ab’cd€ef🙂gh";
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &i in &boundaries {
            for &j in boundaries.iter().filter(|&&j| j >= i) {
                let expected = text[i..j].chars().count();
                assert_eq!(chars(&text.as_bytes()[i..j]), expected, "{i}..{j}");
            }
        }
    }
}
