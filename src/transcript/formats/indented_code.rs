//! Indented code blocks of Markdown (CommonMark 0.31, 4.4): lines indented four columns or more
//! past their container, where no paragraph goes on, are code, as fenced blocks are. A list
//! item is such a container (5.2, 5.3): its lines are indented to its content, so a list item's
//! continuation line is text, and code in an item is indented four columns past the item's
//! content. Indented code cannot interrupt a paragraph: a wrapped line indented under one is
//! text. A block quote (5.1) holds blocks of its own: its lines, after their `>`, are read so
//! too. Where a line could be read either way, it is read as text, as before code was known
//! (an indented line at an item's marker, a quote's line after a heading in it).

/// The open list items and block quote, read one line at a time.
#[derive(Debug, Default)]
pub(super) struct Blocks {
    /// The column of each open list item's content, outermost first.
    items: Vec<usize>,
    /// Whether the line before was blank.
    after_blank: bool,
    /// The block quote the lines before stand in, if any.
    quote: Option<Box<Quote>>,
    /// How many block quotes hold these blocks.
    depth: usize,
}

/// The most block quotes read one in another: a line of `>` marks past it is text, so that a
/// line of thousands of them is read without a stack of thousands of quotes.
const MOST_QUOTES: usize = 32;

/// An open block quote: the blocks of the text after its lines' `>`.
#[derive(Debug, Default)]
struct Quote {
    blocks: Blocks,
    /// Whether its last line was a paragraph's, which indented code cannot interrupt (a line
    /// after the quote that goes on that paragraph keeps it open).
    in_paragraph: bool,
}

impl Blocks {
    /// Reads `line` (outside fenced code), the line after one of a paragraph when
    /// `in_paragraph`: whether it is indented code.
    pub(super) fn is_code(&mut self, line: &str, in_paragraph: bool) -> bool {
        let (indent, rest) = indentation(line);
        self.read(indent, indent, rest, in_paragraph)
    }

    /// Reads a line indented `indent` columns within its container, `rest` after that, which
    /// starts at column `column` of the file's line (where a tab in it reaches).
    fn read(&mut self, column: usize, indent: usize, rest: &str, in_paragraph: bool) -> bool {
        if rest.trim().is_empty() {
            self.after_blank = true;
            self.quote = None;
            return false;
        }
        let after_blank = std::mem::take(&mut self.after_blank);
        if let Some(after) = rest.strip_prefix('>') {
            return self.quoted(column, after);
        }
        // A line after a quote ends it, unless it goes on the quote's paragraph.
        if !self.quote.as_ref().is_some_and(|q| q.in_paragraph) {
            self.quote = None;
        }
        // The items whose content this line is indented to hold it.
        let held = self.items.iter().take_while(|&&w| indent >= w).count();
        let base = held.checked_sub(1).map_or(0, |i| self.items[i]);
        if indent - base >= 4 {
            self.items.truncate(held);
            return !in_paragraph;
        }
        let marker = list_marker(rest, column).filter(|m| {
            // An item may interrupt a paragraph only when it has text and, if numbered, starts
            // at 1 (5.2): `2) …` under a line of text goes on the text.
            !in_paragraph || (!m.empty && m.first)
        });
        match marker {
            Some(m) => {
                self.items.truncate(held);
                self.items.push(indent + m.content);
            }
            // A paragraph's lazy continuation keeps the items open (none after a blank line).
            None if in_paragraph && !after_blank => {}
            None => self.items.truncate(held),
        }
        false
    }
}

impl Blocks {
    /// Reads the text `after` the `>` of a block quote's line (the `>` at column `column` of the
    /// file's line): whether it is indented code in the quote. One space or tab after the `>`
    /// belongs to the mark (CommonMark 5.1): a tab only one column of its width.
    fn quoted(&mut self, column: usize, after: &str) -> bool {
        let (width, rest) = indentation_from(after, column + 1);
        let indent = match after.starts_with([' ', '\t']) {
            true => width - 1,
            false => width,
        };
        if self.depth >= MOST_QUOTES {
            return false;
        }
        let depth = self.depth + 1;
        let quote = self.quote.get_or_insert_with(|| {
            Box::new(Quote {
                blocks: Blocks {
                    depth,
                    ..Blocks::default()
                },
                in_paragraph: false,
            })
        });
        let code = quote
            .blocks
            .read(column + 1 + width, indent, rest, quote.in_paragraph);
        quote.in_paragraph = !code && !rest.trim().is_empty();
        code
    }
}

/// How many columns `line` is indented (a tab to the next multiple of four), and the rest.
pub(super) fn indentation(line: &str) -> (usize, &str) {
    indentation_from(line, 0)
}

/// How many columns the spaces and tabs opening `text` take when it starts at column `start`
/// (a tab reaches the next multiple of four from where it stands), and the rest.
fn indentation_from(text: &str, start: usize) -> (usize, &str) {
    let mut column = start;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b' ' => column += 1,
            b'\t' => column += 4 - column % 4,
            _ => return (column - start, &text[i..]),
        }
    }
    (column - start, "")
}

/// The list item `text` opens with, at column `column` past its indentation: the columns from
/// the marker to the item's content, and the content (the text after the marker and its
/// spaces); `None` when `text` opens no item.
pub(super) fn item(text: &str, column: usize) -> Option<(usize, &str)> {
    let m = list_marker(text, column)?;
    // The marker is a bullet, or digits then `.` or `)`.
    let width = text.bytes().take_while(u8::is_ascii_digit).count() + 1;
    Some((m.content, text[width..].trim_start_matches([' ', '\t'])))
}

/// A list item's marker at the start of a line's text.
#[derive(Debug, PartialEq, Eq)]
struct Marker {
    /// Columns from the marker to the item's content.
    content: usize,
    /// Whether nothing follows the marker.
    empty: bool,
    /// A bullet, or a number that is 1.
    first: bool,
}

/// The list item marker `text` (a line's text after its indentation, which starts at column
/// `column`) opens with: `-`, `+`, `*`, or up to nine digits then `.` or `)`, followed by a
/// space, a tab or the end of the line; not a thematic break (`- - -`, `***`).
fn list_marker(text: &str, column: usize) -> Option<Marker> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let width = match text.as_bytes().first()? {
        b'-' | b'+' | b'*' if !thematic_break(text) => 1,
        _ if (1..=9).contains(&digits)
            && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) =>
        {
            digits + 1
        }
        _ => return None,
    };
    let after = &text[width..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    // Spaces after the marker count from its column (a tab reaches the next multiple of four
    // from the column after the marker): at most four make the content's place, more mean the
    // item opens with indented code, its content one column after the marker.
    let (spaces, rest) = indentation_from(after, column + width);
    let empty = rest.trim().is_empty();
    let gap = if empty || spaces > 4 { 1 } else { spaces };
    Some(Marker {
        content: width + gap,
        empty,
        first: digits == 0 || text[..digits].trim_start_matches('0') == "1",
    })
}

/// A line of three or more `-`, `*` or `_` of one kind, spaces between them allowed.
fn thematic_break(text: &str) -> bool {
    let t = text.trim_end();
    let Some(mark) = t.bytes().next() else {
        return false;
    };
    t.bytes().all(|b| b == mark || b == b' ' || b == b'\t')
        && t.bytes().filter(|&b| b == mark).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `md` (each with whether a paragraph's line comes before it, as the Markdown
    /// reader tells) that are indented code.
    fn code(md: &str) -> Vec<&str> {
        let mut blocks = Blocks::default();
        let mut in_paragraph = false;
        let mut out = Vec::new();
        for line in md.lines() {
            let is_code = blocks.is_code(line, in_paragraph);
            if is_code {
                out.push(line.trim());
            }
            in_paragraph = !is_code && !line.trim().is_empty();
        }
        out
    }

    #[test]
    fn indented_lines_after_a_blank_line_are_code() {
        assert_eq!(
            code("Say:\n\n    calm down\n\tno\n\nOk.\n"),
            ["calm down", "no"]
        );
        // Not under a paragraph's line, nor at fewer than four columns.
        assert_eq!(
            code("Say this\n    and this.\n\n   and this.\n"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_list_item_holds_its_indented_lines() {
        // A continuation after a blank line, indented to the item's content, is the item's text;
        // four columns past that content, code.
        assert_eq!(
            code(
                "- Say sorry.\n\n  Then offer a refund.\n\n      refund --full\n1. Ask.\n\n    Listen.\n"
            ),
            ["refund --full"]
        );
        // After the list, four columns are code again; a wide item's content is further in.
        assert_eq!(code("- a\n\nb\n\n    c\n"), ["c"]);
        assert_eq!(code("10.  a\n\n     b\n\n         c\n"), ["c"]);
        // Nested items.
        assert_eq!(code("- a\n  - b\n\n    c\n\n        d\n"), ["d"]);
    }

    #[test]
    fn a_block_quote_holds_indented_code() {
        assert_eq!(
            code(">     calm down\n>\n> > \tno\n\n>\t\tyes\n"),
            [">     calm down", "> > \tno", ">\t\tyes"]
        );
        // Not under a paragraph's line in the quote (a lazy one too), nor at fewer than four
        // columns past the mark and its space; a quote's list item holds its lines.
        assert_eq!(
            code(&format!("{}    code\n", ">".repeat(100_000))),
            [] as [&str; 0]
        );
        assert_eq!(
            code(
                "> Say this\n>     and this.\n\n> Say\nlazy\n>     this\n\n>    three\n\n\
                 > - item\n>\n>     text\n"
            ),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn markers_as_commonmark_reads_them() {
        let m = |t| list_marker(t, 0).map(|m| (m.content, m.empty, m.first));
        assert_eq!(m("- a"), Some((2, false, true)));
        assert_eq!(m("2) a"), Some((3, false, false)));
        assert_eq!(m("01. a"), Some((4, false, true)));
        assert_eq!(m("-"), Some((2, true, true)));
        assert_eq!(m("-      code"), Some((2, false, true)));
        // A tab after the marker reaches the next multiple of four from where it stands.
        assert_eq!(m("-\ta"), Some((4, false, true)));
        assert_eq!(m("1.\ta"), Some((4, false, true)));
        assert_eq!(m("- \ta"), Some((4, false, true)));
        assert_eq!(list_marker("-\ta", 1).map(|m| m.content), Some(3));
        assert_eq!(m("- - -"), None);
        assert_eq!(m("-a"), None);
        assert_eq!(m("1234567890. a"), None);
        // A numbered line other than 1 does not interrupt a paragraph: the indented line after
        // it goes on the paragraph, not code.
        assert_eq!(code("Total\n2) x\n    y\n"), Vec::<&str>::new());
    }
}
