//! What an `ignore` directive covers: the next turn or line (on its own line), or the turn or
//! line it ends.

use crate::transcript::{Directive, Transcript};
use std::ops::Range;

/// The places an `ignore` can point at: the turns (in a dialogue) or the lines (in a file
/// without speaker labels, which is one turn).
pub(super) struct Places<'a> {
    source: &'a str,
    /// Each turn's bytes in the source, in order; empty for a file without speaker labels.
    turns: Vec<Range<usize>>,
    /// Where own-line directives stand (their lines are skipped when looking for the next line).
    directive_lines: Vec<usize>,
    /// The bytes the last search for a line after an `ignore` passed over (blank and directive
    /// lines), and the line it found: the line after each `ignore` of a run of them (a search
    /// from each took minutes for 20,000 in a row).
    after_run: Option<(Range<usize>, Range<usize>)>,
}

impl<'a> Places<'a> {
    pub(super) fn new(
        transcript: &Transcript,
        source: &'a str,
        directives: &[Directive],
    ) -> Places<'a> {
        let dialogue = transcript.turns.iter().any(|t| t.speaker.is_some());
        let turns = if dialogue {
            transcript
                .turns
                .iter()
                .map(|t| {
                    t.source_offset(0)
                        ..t.source_end(t.text(source).len())
                            .max(t.source_offset(0) + 1)
                })
                .collect()
        } else {
            Vec::new()
        };
        Places {
            source,
            turns,
            directive_lines: directives
                .iter()
                .filter(|d| own_line(source, d))
                .map(|d| d.line_range.start)
                .collect(),
            after_run: None,
        }
    }

    /// What an `ignore` covers: on its own line, the next turn (or the next non-blank line);
    /// at the end of a line (or before its label), that line's turn (or the line).
    pub(super) fn ignored(&mut self, d: &Directive) -> Range<usize> {
        let lines = &self.source[d.line_range.end.min(self.source.len())..];
        match (own_line(self.source, d), self.turns.is_empty()) {
            // The turns are in order: each is found by a binary search (a file may hold a
            // directive on every line).
            (true, false) => {
                let next = self.turns.partition_point(|t| t.start < d.line_range.end);
                self.turns.get(next).cloned().unwrap_or(0..0)
            }
            (false, false) => {
                // The turn whose text starts before the line ends: the one the line goes on
                // with, or the one it opens after a directive before its label.
                let after = (self.turns).partition_point(|t| t.start < d.line_range.end);
                match after {
                    0 => d.line_range.clone(),
                    n => self.turns[n - 1].clone(),
                }
            }
            (true, true) => {
                let from = d.line_range.end;
                if let Some((passed, next)) = &self.after_run
                    && passed.contains(&from)
                {
                    return next.clone();
                }
                let mut at = from;
                let next = lines.split_inclusive('\n').find_map(|line| {
                    let range = at..at + line.trim_end().len();
                    at += line.len();
                    let blank = line.trim().is_empty();
                    (!blank && self.directive_lines.binary_search(&range.start).is_err())
                        .then_some(range)
                });
                let passed = from..next.as_ref().map_or(self.source.len() + 1, |r| r.start);
                let next = next.unwrap_or(0..0);
                self.after_run = Some((passed, next.clone()));
                next
            }
            (false, true) => d.line_range.clone(),
        }
    }
}

/// Whether directive `d` stands alone on its line: as the parser read it, or as the only thing
/// in a Markdown blockquote's line (`> <!-- talklint: ignore respect -->`), which applies to the
/// next line as it would unquoted, since the quote markers are no text of the line's own.
fn own_line(source: &str, d: &Directive) -> bool {
    if d.own_line {
        return true;
    }
    let line = source.get(d.line_range.clone()).unwrap_or_default();
    let Some(quoted) = line.trim_start().strip_prefix('>') else {
        return false;
    };
    let mut rest = quoted.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    // Only comments: one directive, or several side by side.
    while !rest.is_empty() {
        let Some(close) = rest.strip_prefix("<!--").and_then(|r| r.find("-->")) else {
            return false;
        };
        rest = rest[4 + close + 3..].trim_start();
    }
    true
}
