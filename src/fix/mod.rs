//! Fixes (SPEC §8): a forbid rule's `replace:` written over its matches. This module only
//! computes: the edits of a checked conversation, the fixed text, and a unified diff (which
//! looks on disk only for the repository that names the file in its headers); the scan decides
//! which files may be rewritten (text and Markdown scripts only) and writes them.

use crate::engine::Evaluation;
use crate::rules::{Kind, RuleSet};
use crate::text::word_edges::{ends_inside_word, starts_inside_word};
use crate::transcript::Transcript;
use std::ops::Range;

mod breaks;
mod case;
mod diff;
mod exact;
mod name;
mod settle;
pub(crate) use breaks::as_written;
pub(crate) use diff::unified_diff;
pub(crate) use settle::unsettled;

/// What `--fix` and `--diff` do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Rewrite files in place, then report what remains.
    Write,
    /// Print a unified diff; change nothing.
    Diff,
}

/// One replacement: source bytes and their new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// The edits of `evaluation`'s findings (not the suppressed ones) whose rule has `replace:`.
pub(crate) fn edits(
    transcript: &Transcript,
    source: &str,
    evaluation: &Evaluation,
    rules: &RuleSet,
    out: &mut Vec<Edit>,
) {
    for o in &evaluation.outcomes {
        let rule = &rules.rules[o.rule];
        let (Some(replace), Some((start, end)), Kind::Forbid) = (&rule.replace, o.range, rule.kind)
        else {
            continue;
        };
        let turn = &transcript.turns[o.turn];
        // A match through markup, a comment or an address is for the writer to fix.
        let Some(range) = exact::source_range(turn, source, start, end) else {
            continue;
        };
        // The match as it reads (`I'm sorry` for `I&#39;m sorry`), which its case comes from.
        let text = turn.text(source);
        // A match of part of a written word (`can` of `cannot`, `ca` of `can't`, which read as
        // `can not`; `'m sorry` of `I'm sorry`; `it` of `it's`) is for the writer to fix:
        // written over, the rest of the word would stay (`maynot`, `this's`).
        if starts_inside_word(text, start) || ends_inside_word(text, end) {
            continue;
        }
        let matched = text.get(start..end).unwrap_or_default();
        if breaks::ends_a_sentence(matched) {
            continue;
        }
        let before = text.get(..start).unwrap_or_default();
        let text = case::keep_case(matched, replace, case::starts_sentence(before));
        // A replacement that reads as the match, whatever its case, is no fix to make or show:
        // `my Pleasure` over `my pleasure` would only change a letter's case.
        if reads_as(&text, matched) {
            continue;
        }
        // Over a line break, the lines stay (`my\npleasure` over `no\nproblem`), or the match
        // is for the writer to fix.
        if let Some(edit) = breaks::keep_lines(source, range, matched, text)
            && !reads_as(&edit.text, matched)
        {
            out.push(edit);
        }
    }
}

/// Whether a replacement reads as the text it would replace, whatever its case: then it is no
/// fix (`my Pleasure` over `my pleasure`), and one that matches again still settles. A
/// replacement with a case of its own ([`case::own_case`]) is a fix wherever a letter differs:
/// `JavaScript` over `javascript`.
pub(crate) fn reads_as(replacement: &str, matched: &str) -> bool {
    match case::own_case(replacement) {
        true => replacement == matched,
        false => replacement.to_lowercase() == matched.to_lowercase(),
    }
}

/// The text a fix writes, and what it did.
pub(crate) struct Applied {
    pub text: String,
    /// The edits made, in order.
    pub made: Vec<Edit>,
    /// How many edits were left out because they overlap one that was made.
    pub overlapping: usize,
}

/// `source` with `edits` applied, each distinct edit once. Of edits that overlap, the one that
/// starts first is made, and of those that start together the longest (`no problem at all`
/// before `no problem`); the rest are left out.
pub(crate) fn apply(source: &str, mut edits: Vec<Edit>) -> Applied {
    let order = |e: &Edit| (e.range.start, std::cmp::Reverse(e.range.end));
    edits.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.text.cmp(&b.text)));
    // Two rules that make one edit make it once.
    edits.dedup();
    let mut made: Vec<Edit> = Vec::with_capacity(edits.len());
    let mut overlapping = 0;
    for e in edits {
        let at = made.last().map_or(0, |m| m.range.end);
        if e.range.start < at || source.get(e.range.clone()).is_none() {
            overlapping += 1;
            continue;
        }
        made.push(e);
    }
    Applied {
        text: splice(source, &made),
        made,
        overlapping,
    }
}

/// `source` with `edits` (in order, apart, each on `source`'s bytes) written over their ranges.
pub(crate) fn splice(source: &str, edits: &[Edit]) -> String {
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        text.push_str(&source[at..e.range.start]);
        text.push_str(&e.text);
        at = e.range.end;
    }
    text.push_str(&source[at..]);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_once_and_in_order() {
        let e = |r: Range<usize>, t: &str| Edit {
            range: r,
            text: t.into(),
        };
        let edits = [
            e(8..11, "X"),
            e(0..2, "W"),
            e(0..3, "Y"),
            e(1..2, "Z"),
            e(8..11, "X"),
        ];
        let applied = apply("abc def ghi", edits.to_vec());
        assert_eq!(applied.text, "Y def X");
        assert_eq!(applied.made, [e(0..3, "Y"), e(8..11, "X")]);
        assert_eq!(applied.overlapping, 2, "W and Z; the second X is the first");
    }
}
