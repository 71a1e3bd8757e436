//! The unified diff `--diff` prints, written from the fix's own edits instead of by diffing
//! the old text against the new: linear in the file's size however many lines change, and
//! lines end at LF alone, as `patch` and `git apply` read them (a CR inside a line is part of
//! that line, and a CRLF line keeps its CR).

use super::Edit;
use crate::redact::{Redactor, Span, mask_range, union};
use std::ops::Range;

/// Unchanged lines shown before and after each change.
const CONTEXT: usize = 3;

/// A unified diff of the file at `path` (as given: relative to the current folder, or
/// absolute) from `old` to `new`, where `new` is `old` with `applied` made (sorted, not
/// overlapping); 3 lines of context. Its headers name the file as `git diff` does, from the root
/// of its repository ([`super::name::in_diff`]): `--- a/NAME`, `+++ b/NAME`. With a `redactor`,
/// both sides' lines are shown masked. Empty when the edits change nothing.
pub(crate) fn unified_diff(
    path: &str,
    texts: (&str, &str),
    applied: &[Edit],
    redactor: Option<&Redactor>,
) -> String {
    let hunks = hunks(texts, applied, redactor);
    if hunks.is_empty() {
        return hunks;
    }
    let name = match std::env::current_dir() {
        Ok(cwd) => super::name::in_diff(path, &cwd),
        // Without a current folder, a relative path cannot be resolved either.
        Err(_) => path.trim_start_matches('/').to_string(),
    };
    let (old_name, new_name) = (format!("a/{name}"), format!("b/{name}"));
    format!(
        "--- {}\n+++ {}\n{hunks}",
        quoted(&old_name),
        quoted(&new_name)
    )
}

/// The hunks of a unified diff from `old` to `new` (see [`unified_diff`]).
fn hunks((old, new): (&str, &str), applied: &[Edit], redactor: Option<&Redactor>) -> String {
    let old_masked = redactor.map(|r| r.spans(old)).unwrap_or_default();
    // The new side masks what it is found to hold and what the old side masked that the edits
    // left: a fix of part of a card leaves the rest, which alone is no card.
    let new_masked = match redactor {
        Some(r) => union([r.spans(new), carried(&old_masked, applied)].concat()),
        None => Vec::new(),
    };
    let old = Lines::new(old, old_masked);
    let new = Lines::new(new, new_masked);
    let changes = changes(&old, &new, applied);
    let mut out = String::new();
    let mut rest = changes.as_slice();
    while let Some(first) = rest.first() {
        // A hunk takes every next change whose context would touch its own.
        let taken = 1 + rest
            .windows(2)
            .take_while(|w| w[1].old.start <= w[0].old.end + 2 * CONTEXT)
            .count();
        let (hunk, after) = rest.split_at(taken);
        let last = &hunk[taken - 1];
        let old_lines =
            first.old.start.saturating_sub(CONTEXT)..(last.old.end + CONTEXT).min(old.count());
        let new_lines = first.new.start - (first.old.start - old_lines.start)
            ..last.new.end + (old_lines.end - last.old.end);
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            header(&old_lines),
            header(&new_lines)
        ));
        let mut at = old_lines.start;
        for change in hunk {
            (at..change.old.start).for_each(|line| old.write(&mut out, ' ', line));
            change
                .old
                .clone()
                .for_each(|line| old.write(&mut out, '-', line));
            change
                .new
                .clone()
                .for_each(|line| new.write(&mut out, '+', line));
            at = change.old.end;
        }
        (at..old_lines.end).for_each(|line| old.write(&mut out, ' ', line));
        rest = after;
    }
    out
}

/// A run of old lines that the edits replace by a run of new lines.
#[derive(Debug, PartialEq, Eq)]
struct Change {
    old: Range<usize>,
    new: Range<usize>,
}

/// The changes `applied` make, in order: the whole lines each edit touches, edits that share a
/// line in one change, changes of lines next to each other in one, and changes whose lines read
/// the same before and after left out.
fn changes(old: &Lines, new: &Lines, applied: &[Edit]) -> Vec<Change> {
    // Byte ranges of whole old lines, each with how far the edits before it moved its start.
    let mut spans: Vec<(Range<usize>, isize, isize)> = Vec::new();
    let mut shift = 0isize;
    for e in applied {
        let grown = e.text.len() as isize - e.range.len() as isize;
        let first = old.line_of(e.range.start);
        let last = match e.range.end.checked_sub(1).filter(|_| !e.range.is_empty()) {
            // An edit that takes a line break joins the next line to its own.
            Some(end) if old.text.as_bytes()[end] == b'\n' => old.line_of(end) + 1,
            Some(end) => old.line_of(end),
            None => first,
        };
        let (start, end) = (old.start_of(first), old.end_of(last));
        match spans.last_mut() {
            Some((last, _, after)) if start < last.end => {
                last.end = last.end.max(end);
                *after = shift + grown;
            }
            _ => spans.push((start..end, shift, shift + grown)),
        }
        shift += grown;
    }
    spans
        .into_iter()
        .map(|(bytes, before, after)| {
            let moved = |at: usize, by: isize| (at as isize + by) as usize;
            let new_bytes = moved(bytes.start, before)..moved(bytes.end, after);
            (
                old.lines_in(&bytes),
                new.lines_in(&new_bytes),
                bytes,
                new_bytes,
            )
        })
        .filter(|(_, _, o, n)| old.text[o.clone()] != new.text[n.clone()])
        .fold(Vec::new(), |mut changes: Vec<Change>, (old, new, _, _)| {
            // Changes of lines next to each other are one, its old lines then its new, as
            // `diff` and `git diff` write them, not a line of each by turns.
            match changes.last_mut() {
                Some(last) if last.old.end == old.start => {
                    last.old.end = old.end;
                    last.new.end = new.end;
                }
                _ => changes.push(Change { old, new }),
            }
            changes
        })
}

/// `spans` of the old text placed in the new text that `applied` (sorted, not overlapping)
/// make of it: a span that an edit overlaps covers the edit's new text whole.
fn carried(spans: &[Span], applied: &[Edit]) -> Vec<Span> {
    // How far the edits before each edit moved its start.
    let mut shifts = Vec::with_capacity(applied.len());
    let mut shift = 0isize;
    for e in applied {
        shifts.push(shift);
        shift += e.text.len() as isize - e.range.len() as isize;
    }
    let moved = |at: usize, by: isize| (at as isize + by) as usize;
    // Where old byte `at` stands in the new text; inside an edit, at its new text's start or
    // (for an `end`) its end.
    let place = |at: usize, end: bool| {
        let i = applied.partition_point(|e| e.range.end <= at);
        match applied.get(i) {
            Some(e) if e.range.start < at => {
                moved(e.range.start, shifts[i]) + if end { e.text.len() } else { 0 }
            }
            _ => moved(at, shifts.get(i).copied().unwrap_or(shift)),
        }
    };
    let spans = spans.iter().map(|s| Span {
        start: place(s.start, false),
        end: place(s.end, true),
        token: s.token,
    });
    spans.filter(|s| s.end > s.start).collect()
}

/// `@@` range: `START,COUNT` from 1, or `START` alone for one line; an empty range starts at
/// the line before it.
fn header(lines: &Range<usize>) -> String {
    match lines.len() {
        1 => format!("{}", lines.start + 1),
        0 => format!("{},0", lines.start),
        n => format!("{},{n}", lines.start + 1),
    }
}

/// A text cut into lines at LF, each line holding its LF.
struct Lines<'t> {
    text: &'t str,
    /// Where each line starts.
    starts: Vec<usize>,
    /// Its personal data, with `--redact`.
    masked: Vec<Span>,
}

impl<'t> Lines<'t> {
    /// `text`, with `masked` (its personal data, with `--redact`).
    fn new(text: &'t str, masked: Vec<Span>) -> Lines<'t> {
        let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
        let starts = std::iter::once(0)
            .chain(breaks)
            .filter(|&at| at < text.len())
            .collect();
        Lines {
            text,
            starts,
            masked,
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// The line that holds byte `at` (the last line for the text's end).
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    fn start_of(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    fn end_of(&self, line: usize) -> usize {
        self.start_of(line + 1)
    }

    /// The lines that start inside `bytes`.
    fn lines_in(&self, bytes: &Range<usize>) -> Range<usize> {
        let below = |at: usize| self.starts.partition_point(|&s| s < at);
        below(bytes.start)..below(bytes.end)
    }

    /// Writes `line` after `tag`, then a line break; a last line without one is marked.
    fn write(&self, out: &mut String, tag: char, line: usize) {
        let bytes = self.start_of(line)..self.end_of(line);
        let shown = mask_range(self.text, &self.masked, bytes.clone());
        out.push(tag);
        out.push_str(shown.strip_suffix('\n').unwrap_or(&shown));
        out.push('\n');
        if !self.text[bytes].ends_with('\n') {
            out.push_str("\\ No newline at end of file\n");
        }
    }
}

/// A patch header's name as git writes it: in double quotes with C escapes when it holds a
/// quote, a backslash or a control character (a tab or a line break would end the name early),
/// else as it is; then a tab when it holds a space, which `patch` would else read as the end of
/// the name (`--- a/sub dir/x.txt` names `a/sub`).
fn quoted(name: &str) -> String {
    let tab = if name.contains(' ') { "\t" } else { "" };
    if !name
        .chars()
        .any(|c| c.is_control() || matches!(c, '"' | '\\'))
    {
        return format!("{name}{tab}");
    }
    let mut out = String::from('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out.push_str(tab);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply;

    fn diff(old: &str, edits: &[(Range<usize>, &str)]) -> String {
        let edits = edits.iter().map(|(range, text)| Edit {
            range: range.clone(),
            text: text.to_string(),
        });
        let applied = apply(old, edits.collect());
        hunks((old, &applied.text), &applied.made, None)
    }

    #[test]
    fn an_edit_over_a_line_break_joins_two_lines() {
        assert_eq!(
            diff("a\ncalm\ndown\nb\n", &[(2..11, "ok")]),
            "@@ -1,4 +1,3 @@\n a\n-calm\n-down\n+ok\n b\n"
        );
        // The edit takes the break after `down`: `b` joins it.
        assert_eq!(
            diff("calm\ndown\nb", &[(5..10, "up ")]),
            "@@ -1,3 +1,2 @@\n calm\n-down\n-b\n\\ No newline at end of file\n+up b\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn an_emptied_last_line_and_an_edit_that_changes_nothing() {
        assert_eq!(
            diff("a\nxy", &[(2..4, "")]),
            "@@ -1,2 +1 @@\n a\n-xy\n\\ No newline at end of file\n"
        );
        assert_eq!(diff("a\nxy\n", &[(2..4, "xy")]), "");
    }
}
