//! Suppression directives in text transcripts and scripts (SPEC §8): `<!-- talklint: … -->`, or
//! a line whose first non-blank characters are `#`, `//` or `--` then `talklint:`. They are found
//! while the text is parsed, so that directive text never becomes turn text; which findings they
//! suppress is decided later, against the loaded rules (`crate::suppress`).

use super::lines::{Line, lines};
use super::text::unseen;
use crate::text::lines::LineCursor;
use body::{Unread, parse_body};
use near_miss::{Keys, beside_read, near_miss};
use std::ops::Range;

/// What a directive asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `ignore`: the next turn (own line) or this line's turn (end of line).
    Ignore,
    /// `ignore-file`: the whole file.
    IgnoreFile,
    /// `disable`: from here to the next `enable` of the same rules, or the end of the file.
    Disable,
    /// `enable`: ends a `disable`.
    Enable,
}

/// One directive, where it stands in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it asks for.
    pub action: Action,
    /// Rule ids, categories or `category/*` as written; empty means every rule.
    pub rules: Vec<RuleName>,
    /// Whether the directive is alone on its line (else it ends a line of text).
    pub own_line: bool,
    /// 1-based line of the directive.
    pub line: usize,
    /// 1-based column (in characters) of its verb (`ignore`, `disable`, …), where a warning
    /// about the whole directive points.
    pub column: usize,
    /// Byte offset of the directive in the source.
    pub at: usize,
    /// The bytes of its line, without the line break.
    pub line_range: Range<usize>,
}

/// A rule named in a directive, and where, so that a warning about it points at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleName {
    /// An id, a category or `category/*`, as written.
    pub name: String,
    /// 1-based column (in characters) where it is written.
    pub column: usize,
}

impl AsRef<str> for RuleName {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

/// A file's directives, and a warning for each one that cannot be read.
#[derive(Debug, Clone, Default)]
pub struct Directives {
    /// In the order written.
    pub list: Vec<Directive>,
    /// One per directive that cannot be read, and in Markdown for a comment or code fence never
    /// closed: its byte offset, and `line L, column C: …`. Sorted by offset.
    pub warnings: Vec<(usize, String)>,
}

/// The directives of `source`, and the byte ranges that are directive text (never turn text).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub directives: Directives,
    pub hidden: Vec<Range<usize>>,
}

/// What follows a directive's comment marker (`#`, `//`, `--`, `<!--`).
pub(crate) const KEY: &str = "talklint:";

/// Finds every directive in `source`.
pub(crate) fn find(source: &str) -> Found {
    let mut found = Found::default();
    // `alklint`: a directive, or one written `Talklint:` or without its colon.
    if memchr::memmem::find(source.as_bytes(), b"alklint").is_none() {
        return found;
    }
    let (mut keys, mut comments) = (Keys::new(source, KEY), Keys::new(source, "<!--"));
    // Whether an HTML comment opened on an earlier line is still open, and whether it holds a
    // directive split over its lines (the rest of which is directive text too).
    let (mut in_comment, mut in_split) = (false, false);
    // Where the next `-->` is, searched once and again only when passed (a file of thousands of
    // split directives and no `-->` once searched to its end from each of them).
    let mut next_close: Option<Option<usize>> = None;
    let mut closes_after = |from: usize| match next_close {
        Some(None) => false,
        Some(Some(at)) if at >= from => true,
        _ => {
            let found = memchr::memmem::find(&source.as_bytes()[from..], b"-->").map(|c| from + c);
            next_close = Some(found);
            found.is_some()
        }
    };
    // Columns are counted on from the directive before, not from each line's start (a line of
    // thousands of directives was read in quadratic time), and as findings count them: a
    // byte-order mark opening the file is no column.
    let mut columns = LineCursor::new(source);
    for line in lines(source) {
        let inside = in_comment;
        in_comment = open_at_end(line.text, inside);
        let next_line = (line.start + line.text.len() + 1).min(source.len());
        let (located, own_line) = locate(line.text);
        let (complete, open) = match located.split_last() {
            Some((last, before)) if !last.closed => (before, Some(last)),
            _ => (&located[..], None),
        };
        let split = match open {
            Some(l) => Some((crate::text::offset_in(line.text, l.body), l.span.start)),
            None if inside && located.is_empty() => in_comment_word(line.text).map(|at| (at, 0)),
            None => None,
        };
        if let Some((at, from)) = split {
            // A directive split over the lines of a comment: its first line alone would read
            // as a broader one (`ignore` of every rule), the others as nothing. The comment's
            // later lines are directive text up to its `-->`; one never closed hides no more
            // lines (in a text file they are what is said).
            record(&mut found, (line, &mut columns), complete, own_line, None);
            found.hidden.push(line.start + from..next_line);
            let closed = closes_after(next_line);
            in_split = in_comment && closed;
            let unclosed = match in_comment && !closed {
                true => "; its comment is never closed, so the lines after it are read as they are",
                false => "",
            };
            let column = columns.position(line.start + at).1;
            found.directives.warnings.push((
                line.start + at,
                format!(
                    "line {}, column {column}: not read as a directive: a directive fits on one \
                     line, from `<!--` to `-->` (`<!-- talklint: ignore RULE -->`){unclosed}",
                    line.number
                ),
            ));
            continue;
        }
        if std::mem::take(&mut in_split) {
            // The rest of a split directive's comment, up to its `-->`.
            let close = memchr::memmem::find(line.text.as_bytes(), b"-->");
            let end = close.map_or(next_line, |c| line.start + c + 3);
            found.hidden.push(line.start..end);
            in_split = in_comment;
            continue;
        }
        let miss = match located.is_empty() {
            true => {
                let lines = line.start..next_line;
                near_miss(
                    line.text,
                    (keys.within(lines.clone()), comments.within(lines)),
                )
            }
            // A line of text may hold one not read beside those that are.
            false if !own_line => {
                let read: Vec<Range<usize>> = located.iter().map(|l| l.span.clone()).collect();
                beside_read(line.text, &read)
            }
            false => None,
        };
        let warned = found.directives.warnings.len();
        if !located.is_empty() {
            record(
                &mut found,
                (line, &mut columns),
                complete,
                own_line,
                own_line.then_some(next_line),
            );
        }
        if let Some(miss) = miss {
            // Meant as a directive: not spoken, and said why it does nothing. What follows it
            // is its text, a comment directive read there too.
            let from = line.start + miss.hidden_from;
            // Only this line's ranges can start there: they are in order.
            while found.hidden.last().is_some_and(|h| h.start >= from) {
                found.hidden.pop();
            }
            found.hidden.push(from..next_line);
            let column = columns.position(line.start + miss.at).1;
            found.directives.warnings.push((
                line.start + miss.at,
                format!(
                    "line {}, column {column}: not read as a directive: {} ({})",
                    line.number, miss.fix, miss.example
                ),
            ));
            found.directives.warnings[warned..].sort_by_key(|(at, _)| *at);
        }
    }
    found
}

/// Reads the directives `located` in `line` into `found`, or a warning for each that cannot be
/// read, and hides their text: the whole line up to `next_line` when it is given.
fn record(
    found: &mut Found,
    (line, columns): (Line, &mut LineCursor),
    located: &[Located],
    own_line: bool,
    next_line: Option<usize>,
) {
    if let Some(next_line) = next_line {
        found.hidden.push(line.start..next_line);
    }
    for l in located {
        if next_line.is_none() {
            found
                .hidden
                .push(line.start + l.span.start..line.start + l.span.end);
        }
        read(
            &mut found.directives,
            (line, &mut *columns),
            l.body,
            own_line,
        );
    }
}

/// Reads the directive whose words are `body` (a slice of `line`, in the text whose columns
/// `columns` counts): into the list, or a warning when it cannot be read.
fn read(
    directives: &mut Directives,
    (line, columns): (Line, &mut LineCursor),
    body: &str,
    own_line: bool,
) {
    // Where a word of the directive stands in its line: every word is a slice of it.
    let offset = |word: &str| crate::text::offset_in(line.text, word);
    let mut column = |word: &str| columns.position(line.start + offset(word)).1;
    match parse_body(body) {
        Ok((action, verb, rules)) => directives.list.push(Directive {
            action,
            column: column(verb),
            rules: (rules.into_iter())
                .map(|name| RuleName {
                    name: name.to_string(),
                    column: column(name),
                })
                .collect(),
            own_line,
            line: line.number,
            at: line.start + offset(body),
            line_range: line.start..line.start + line.text.len(),
        }),
        Err(Unread { word, message }) => directives.warnings.push((
            line.start + offset(word),
            format!("line {}, column {}: {message}", line.number, column(word)),
        )),
    }
}

/// A directive's place in its line.
struct Located<'a> {
    /// Its words, after `talklint:`.
    body: &'a str,
    /// The bytes it takes in the line.
    span: Range<usize>,
    /// Whether it ends on this line (an HTML comment left open does not).
    closed: bool,
}

/// The directives of `line`, and whether only they stand in it: the rest of the line after a
/// `#`, `//` or `--` marker, or each HTML comment that opens with `talklint:` (two before one
/// speaker label, `<!-- talklint: ignore a --> <!-- talklint: ignore b --> Agent: …`).
fn locate(line: &str) -> (Vec<Located<'_>>, bool) {
    let lead = line.len() - unpadded(line).len();
    let rest = &line[lead..];
    for prefix in ["#", "//", "--"] {
        if let Some(after) = rest.strip_prefix(prefix)
            && let Some(body) = after.trim_start().strip_prefix(KEY)
        {
            let (span, closed) = (lead..line.len(), true);
            return (
                vec![Located {
                    body: body.trim(),
                    span,
                    closed,
                }],
                true,
            );
        }
    }
    let mut found = Vec::new();
    // Where to look for the next `<!--`, and where the last directive ended: the text between
    // directives decides whether they stand alone.
    let (mut from, mut last_end, mut alone) = (0, 0, true);
    while let Some(open) = memchr::memmem::find(&line.as_bytes()[from..], b"<!--") {
        let open = from + open;
        from = open + 4;
        let Some(inner) = line[from..].trim_start().strip_prefix(KEY) else {
            continue;
        };
        let inner_at = line.len() - inner.len();
        let closed = inner.find("-->").map(|c| inner_at + c + 3);
        let close = closed.unwrap_or(line.len());
        let body = line[inner_at..close].trim_end_matches("-->").trim();
        alone &= line[last_end..open].trim().is_empty();
        (from, last_end) = (close, close);
        found.push(Located {
            body,
            span: open..close,
            closed: closed.is_some(),
        });
    }
    alone &= line[last_end..].trim().is_empty();
    (found, alone)
}

/// Whether an HTML comment is open at the end of `line`, given whether one was at its start.
fn open_at_end(line: &str, mut open: bool) -> bool {
    let mut rest = line;
    loop {
        let (mark, len) = if open { ("-->", 3) } else { ("<!--", 4) };
        match memchr::memmem::find(rest.as_bytes(), mark.as_bytes()) {
            Some(at) => (rest, open) = (&rest[at + len..], !open),
            None => return open,
        }
    }
}

/// Where a line inside an HTML comment opened on an earlier line starts with `talklint` (in any
/// case): a directive written over the comment's lines.
fn in_comment_word(line: &str) -> Option<usize> {
    let rest = unpadded(line);
    let word = rest.get(..8)?;
    word.eq_ignore_ascii_case("talklint")
        .then(|| line.len() - rest.len())
}

/// `line` without the white space and invisible characters before it: a byte-order mark, as
/// Notepad and Excel save a file's first line with, hides no directive.
fn unpadded(line: &str) -> &str {
    line.trim_start_matches(unseen)
}

#[path = "directives_body.rs"]
mod body;
#[path = "directives_near_miss.rs"]
mod near_miss;

#[cfg(test)]
#[path = "directives_tests.rs"]
mod tests;
