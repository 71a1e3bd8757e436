//! What a Markdown script holds besides what is said (CommonMark): front matter, headings,
//! code, HTML comments and tags, link targets and link reference definitions, found line by
//! line.

use super::fences::{Fence, Next};
use super::html_tags;
use super::indented_code::Blocks;
use super::inline_code::inline_code;
use super::lines::{Line, lines};
use super::link_refs;
use std::ops::Range;

/// What a Markdown file holds besides what is said.
#[derive(Debug, Default)]
pub(crate) struct Markdown {
    /// What no one says: front matter (`---` … `---` opening the file), headings (`# …`), code
    /// (fenced and indented blocks, inline spans), HTML comments and tags (`<a title="…">`,
    /// `</b>`), link targets (`](url)`, the URL of `[text](url)`) and link reference definitions
    /// (`[text]: url`). Sorted by start.
    pub unspoken: Vec<Range<usize>>,
    /// Where a tag that breaks the line (`<br>`, `<p>`) starts: it parts the words either side.
    /// Sorted.
    pub parting: Vec<usize>,
    /// Code: fenced and indented blocks and inline spans (`` `…` ``), where a directive is an
    /// example, not an instruction. Sorted by start.
    pub code: Vec<Range<usize>>,
    /// The comment or code fence that nothing closes, if any: it hides the rest of the file.
    pub unclosed: Option<Unclosed>,
}

/// A comment or code fence that nothing closes: CommonMark reads it to the end of the file,
/// and so does talklint, but the writer most likely forgot to close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unclosed {
    /// `<!--` at this byte.
    Comment(usize),
    /// A fence of `len` backticks or tildes (`mark`) at byte `at`.
    Fence { at: usize, mark: u8, len: usize },
}

impl Unclosed {
    /// The warning of the file it is in, `source`: its byte offset and `line L, column C: …`,
    /// as a directive's.
    pub(crate) fn warning(self, source: &str) -> (usize, String) {
        let (at, what, fix) = match self {
            Unclosed::Comment(at) => (at, "HTML comment", "close it with `-->`".to_string()),
            Unclosed::Fence { at, mark, len } => {
                let run = char::from(mark).to_string().repeat(len);
                (
                    at,
                    "code fence",
                    format!("close the fence with {run} on a line of its own"),
                )
            }
        };
        let (line, column) = crate::text::lines::LineCursor::new(source).position(at);
        let message = format!(
            "line {line}, column {column}: this {what} is never closed, so the rest of the file \
             is not read as text (nothing after it is checked); {fix}"
        );
        (at, message)
    }
}

/// Reads a Markdown file's [`Markdown`] parts.
pub(crate) fn markdown(source: &str) -> Markdown {
    let mut out = Vec::new();
    let mut code = Vec::new();
    let mut fence: Option<Fence> = None;
    let front = front_matter(source);
    if front > 0 {
        out.push(0..front);
    }
    // Whether the line before is a paragraph's, which a link reference definition cannot
    // interrupt (CommonMark): `[a]: /b` right under a line of text is text.
    let mut in_paragraph = false;
    let mut blocks = Blocks::default();
    for line in read_lines(source).skip_while(|l| l.start < front) {
        let end = (line.start + line.text.len() + 1).min(source.len());
        let whole = line.start..end;
        let t = line.text.trim();
        if let Some(f) = fence {
            let next = f.next(line.text);
            if next == Next::Inside {
                continue;
            }
            // Closed on this line, or by the end of a container before it: then the line is
            // read as any other.
            let last = if next == Next::Closes {
                end
            } else {
                line.start
            };
            out.push(f.line_start..last);
            code.push(f.line_start..last);
            fence = None;
            if next == Next::Closes {
                continue;
            }
        }
        if blocks.is_code(line.text, in_paragraph) {
            out.push(whole.clone());
            code.push(whole);
            in_paragraph = false;
            continue;
        }
        if let Some(f) = Fence::open(line.text, line.start) {
            fence = Some(f);
            in_paragraph = false;
            continue;
        }
        let spans = code.len();
        inline_code(line.text, line.start, &mut code);
        let definition = !in_paragraph && link_refs::is_definition(line.text);
        if is_heading(t) || definition {
            out.push(whole);
        } else {
            link_targets(line.text, line.start, &mut out);
            out.extend(code[spans..].iter().cloned());
        }
        in_paragraph = !(t.is_empty() || definition || is_heading(t));
    }
    let open_fence = fence.map(|f| {
        out.push(f.line_start..source.len());
        code.push(f.line_start..source.len());
        Unclosed::Fence {
            at: f.at,
            mark: f.mark,
            len: f.len,
        }
    });
    // A comment outside code opens before a fence that nothing closes (the fence's code runs
    // to the end): the one that hides the rest is the comment.
    let mut notes = Vec::new();
    let open_comment = comments(source, &code, &mut notes).map(Unclosed::Comment);
    let mut parting = Vec::new();
    html_tags::tags(source, &code, &notes, &mut out, &mut parting);
    out.extend(notes);
    out.sort_by_key(|r| r.start);
    Markdown {
        unspoken: out,
        parting,
        code,
        unclosed: open_comment.or(open_fence),
    }
}

/// HTML comments (`<!-- … -->`, over lines too) outside code: notes to the writer, not speech.
/// An unclosed one runs to the end, as in HTML; where it opens is returned.
fn comments(source: &str, code: &[Range<usize>], out: &mut Vec<Range<usize>>) -> Option<usize> {
    let mut from = 0;
    while let Some(open) = source[from..].find("<!--").map(|i| from + i) {
        if super::hidden::covers(code, open) {
            from = open + 4; // an example in code; a comment may open after it
            continue;
        }
        let Some(close) = source[open + 4..].find("-->") else {
            out.push(open..source.len());
            return Some(open);
        };
        from = open + 4 + close + 3;
        out.push(open..from);
    }
    None
}

/// The lines of `source`, the first without the byte-order mark that may open it: a mark is
/// no text, and a construct that opens the file (front matter, a heading, a fence) opens after
/// it, as editors show it.
fn read_lines(source: &str) -> impl Iterator<Item = Line<'_>> {
    lines(source).map(|l| match l.text.strip_prefix('\u{feff}') {
        Some(text) if l.start == 0 => Line {
            start: '\u{feff}'.len_utf8(),
            text,
            ..l
        },
        _ => l,
    })
}

/// The length of the front matter that opens `source`: a `---` line, then lines up to a closing
/// `---` or `...` line (without one, there is no front matter); 0 when there is none.
fn front_matter(source: &str) -> usize {
    let mut all = read_lines(source);
    if all
        .next()
        .is_none_or(|first| first.text.trim_end() != "---")
    {
        return 0;
    }
    all.find(|l| matches!(l.text.trim_end(), "---" | "..."))
        .map_or(0, |l| (l.start + l.text.len() + 1).min(source.len()))
}

/// `# Title` … `###### Title` (a `#` run then a space), not `#1`. A `# talklint:` directive
/// line is one too: the directives' reader hides it first.
pub(crate) fn is_heading(t: &str) -> bool {
    let hashes = t.len() - t.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
}

/// The `(url)` of every `[text](url)` in `line` (which starts at byte `at`).
fn link_targets(line: &str, at: usize, out: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(k) = line[from..].find("](") {
        let open = from + k + 1;
        let Some(close) = line[open..].find(')') else {
            return;
        };
        out.push(at + open..at + open + close + 1);
        from = open + close + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_inline_code_are_not_spoken() {
        let src = "Agent: say `calm down` <!-- calm\ndown --> ok\n`<!--` then <!-- x --> <!-- open";
        let hidden: Vec<&str> = markdown(src)
            .unspoken
            .iter()
            .map(|r| &src[r.clone()])
            .collect();
        assert_eq!(
            hidden,
            [
                "`calm down`",
                "<!-- calm\ndown -->",
                "`<!--`",
                "<!-- x -->",
                "<!-- open"
            ]
        );
    }

    #[test]
    fn code_is_fenced_blocks_and_inline_spans() {
        let src = "Use `a` or ``b ` c`` here.\n```\nx\n```\nAn open ` tick.\n";
        let code: Vec<&str> = markdown(src).code.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(code, ["`a`", "``b ` c``", "```\nx\n```\n"]);
        // A run nothing closes is text; headings hold code too; a fence closes only on a run
        // as long, with nothing after it.
        let src = "Use ``open and `x` now.\n## The `y` key\n````md\n```\nz\n```\n````\nafter\n";
        let code: Vec<&str> = markdown(src).code.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(code, ["`x`", "`y`", "````md\n```\nz\n```\n````\n"]);
    }

    #[test]
    fn the_comment_or_fence_that_hides_the_rest_is_named() {
        let unclosed = |src: &str| markdown(src).unclosed;
        assert_eq!(unclosed("a <!-- b --> c\n```\nd\n```\n"), None);
        assert_eq!(unclosed("a\n <!-- b\n"), Some(Unclosed::Comment(3)));
        let fence = Unclosed::Fence {
            at: 4,
            mark: b'`',
            len: 4,
        };
        assert_eq!(unclosed("a\n  ````\n<!-- b\n```\n"), Some(fence));
        // A comment opened before the fence holds it.
        assert_eq!(unclosed("<!-- a\n```\n"), Some(Unclosed::Comment(0)));
        let (at, message) = fence.warning("a\n  ````\n");
        assert_eq!(at, 4);
        assert!(message.starts_with("line 2, column 3: this code fence"));
        assert!(message.ends_with("close the fence with ```` on a line of its own"));
    }

    #[test]
    fn a_rule_without_a_closing_line_is_no_front_matter() {
        assert_eq!(front_matter("---\nSay hi.\n"), 0);
        assert_eq!(front_matter("---\na: b\n...\nSay hi.\n"), 13);
        // After a byte-order mark too.
        assert_eq!(front_matter("\u{feff}---\na: b\n---\nSay hi.\n"), 16);
    }
}
