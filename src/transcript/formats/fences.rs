//! Markdown code fences (CommonMark 4.5): a run of three or more backticks or tildes opens a
//! block of code that a run of the same character, as long or longer, closes. A fence may stand
//! in block quotes (`> ```…`) and list items (`- ```…`), as CommonMark's containers hold
//! blocks (5.1, 5.2): its lines keep the quotes' `>` marks and the item's indentation, and a
//! line without them ends the container, and so the code, fence or not (a fence in a quote that
//! nothing closes ends with the quote).

use super::indented_code::{indentation, item};

/// A code fence that is open, and the containers it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fence {
    /// Where the line that opens it starts.
    pub line_start: usize,
    /// Where its run starts.
    pub at: usize,
    /// Its character, a backtick or a tilde, and the run's length.
    pub mark: u8,
    pub len: usize,
    /// How many block quotes hold it.
    quotes: usize,
    /// The column of the content of the list item it opens in (counted after the quotes' marks),
    /// if it opens on an item's marker.
    item: Option<usize>,
}

/// What a line does to an open fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// It is a line of the code.
    Inside,
    /// It closes the fence: it is the code's last line.
    Closes,
    /// It ends a container that holds the fence: the code ended on the line before.
    Ended,
}

impl Fence {
    /// The fence `line` (which starts at byte `line_start`, outside code) opens, if any.
    pub(super) fn open(line: &str, line_start: usize) -> Option<Fence> {
        let (quotes, mut rest) = quote_marks(line, usize::MAX);
        let mut content = None;
        // An item's marker (maybe more, `- 1. ```` nests two) may stand before the fence.
        while let (indent, text) = indentation(rest)
            && indent < 4
            && let Some((gap, after)) = item(text, content.unwrap_or(0) + indent)
        {
            content = Some(content.unwrap_or(0) + indent + gap);
            rest = after;
        }
        let (mark, len) = fence_run(rest.trim())?;
        Some(Fence {
            line_start,
            at: line_start + line.len() - rest.trim_start().len(),
            mark,
            len,
            quotes,
            item: content,
        })
    }

    /// What `line`, the next line of the file, does to this open fence.
    pub(super) fn next(&self, line: &str) -> Next {
        let (quotes, rest) = quote_marks(line, self.quotes);
        if quotes < self.quotes {
            return Next::Ended;
        }
        let t = rest.trim();
        if let Some(column) = self.item
            && !t.is_empty()
            && indentation(rest).0 < column
        {
            return Next::Ended;
        }
        // Closed by a run of the same character, as long or longer, and nothing else.
        let closes = fence_run(t)
            .is_some_and(|(c, n)| c == self.mark && n >= self.len && t[n..].trim().is_empty());
        if closes { Next::Closes } else { Next::Inside }
    }
}

/// The block quote marks (`>`, each after up to three spaces, with the space after it) that open
/// `line`, up to `most` of them: how many, and the rest of the line.
fn quote_marks(line: &str, most: usize) -> (usize, &str) {
    let (mut quotes, mut rest) = (0, line);
    while quotes < most {
        let (indent, text) = indentation(rest);
        let Some(after) = text.strip_prefix('>').filter(|_| indent < 4) else {
            break;
        };
        quotes += 1;
        rest = after.strip_prefix([' ', '\t']).unwrap_or(after);
    }
    (quotes, rest)
}

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

    /// What each line after the first, which opens a fence, does to it.
    fn read(md: &str) -> Vec<Next> {
        let mut lines = md.lines();
        let fence = Fence::open(lines.next().unwrap(), 0).unwrap();
        lines.map(|l| fence.next(l)).collect()
    }

    #[test]
    fn a_fence_in_a_quote_or_an_item_ends_with_it() {
        use Next::*;
        assert_eq!(read("> ```\n> a\n>\n> ```"), [Inside, Inside, Closes]);
        assert_eq!(read("> > ~~~\n> > a\n> b\n"), [Inside, Ended]);
        assert_eq!(read(">```\n> a\n\n"), [Inside, Ended]);
        assert_eq!(read("- ```\n  a\n\n  ```"), [Inside, Inside, Closes]);
        assert_eq!(read("1. ```\n   a\nb\n"), [Inside, Ended]);
        assert_eq!(read("> - ```\n>   a\n> b"), [Inside, Ended]);
        // Outside containers, as before: any indentation closes.
        assert_eq!(read("```\na\n\n  ```"), [Inside, Inside, Closes]);
        let at = |l: &str| Fence::open(l, 10).map(|f| (f.at, f.item));
        assert_eq!(at("> - ````"), Some((14, Some(2))));
        assert_eq!(at("> Say ```"), None);
        assert_eq!(at("-```"), None);
    }
}
