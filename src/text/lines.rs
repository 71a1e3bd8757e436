//! Byte offsets to 1-based line and character column, computed only when a finding is reported.

/// Line and column lookups for offsets that mostly come in increasing order (a conversation's
/// findings): each lookup counts line breaks from the previous one, so a file is scanned about
/// once, with no index to build.
#[derive(Debug)]
pub struct LineCursor<'a> {
    text: &'a str,
    /// A char boundary, the 0-based line it is on, and that line's start.
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCursor {
            text,
            offset: 0,
            line: 0,
            line_start: 0,
        }
    }

    /// 1-based line and 1-based column in characters of byte `offset`.
    pub fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        if offset < self.offset {
            *self = LineCursor::new(self.text);
        }
        let between = &self.text.as_bytes()[self.offset..offset];
        if let Some(last) = memchr::memrchr(b'\n', between) {
            self.line += memchr::memchr_iter(b'\n', between).count();
            self.line_start = self.offset + last + 1;
        }
        self.offset = offset;
        let column = self.text[self.line_start..offset].chars().count() + 1;
        (self.line + 1, column)
    }
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
        ];
        for (offset, position) in expected {
            assert_eq!(cursor.position(offset), position, "at {offset}");
        }
    }
}
