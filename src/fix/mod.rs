//! Fixes (SPEC §8): a forbid rule's `replace:` written over its matches. This module only
//! computes: the edits of a checked conversation, the fixed text, and a unified diff; the scan
//! decides which files may be rewritten (text and Markdown scripts only) and writes them.

use crate::engine::Evaluation;
use crate::rules::{Kind, RuleSet};
use crate::transcript::Transcript;
use std::ops::Range;

mod diff;
pub(crate) use diff::unified_diff;

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
        let range = turn.source_offset(start)..turn.source_end(end);
        let Some(matched) = source.get(range.clone()) else {
            continue;
        };
        let before = turn
            .text(source)
            .get(..start)
            .unwrap_or_default()
            .trim_end();
        let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '…', ':']);
        let text = keep_case(matched, replace, starts_sentence);
        // A replacement that reads as the match changes nothing: no fix to make or show. A
        // match through a web or e-mail address (a `*` reads one as a word) would write the
        // address away: that is for the writer to fix.
        if text != matched && crate::text::links::first(matched).is_none() {
            out.push(Edit { text, range });
        }
    }
}

/// `replacement` with its first letter in the case of `matched`'s first letter; a first word
/// that is always written with a capital (`I`, `I'll`, an acronym such as `FAQ`) keeps it. A
/// match whose first word is one (`I don't know`) says nothing by its capital: the replacement
/// takes a capital where the match `starts_sentence`.
pub(crate) fn keep_case(matched: &str, replacement: &str, starts_sentence: bool) -> String {
    let upper = match matched.find(char::is_alphabetic) {
        Some(at) if always_capital(&matched[at..]) => starts_sentence,
        Some(at) => matched[at..].starts_with(char::is_uppercase),
        None => false,
    };
    let Some(at) = replacement.find(char::is_alphabetic) else {
        return replacement.to_string();
    };
    let rest = &replacement[at..];
    let capital = always_capital(rest);
    let first = rest.chars().next().unwrap_or_default();
    let cased: String = match (upper, capital) {
        (true, _) => first.to_uppercase().collect(),
        (false, true) => first.to_string(),
        (false, false) => first.to_lowercase().collect(),
    };
    format!("{}{cased}{}", &replacement[..at], &rest[first.len_utf8()..])
}

/// Whether the first word of `text` (which starts at a letter) is always written with a
/// capital: `I`, `I'll`, `I-9`, `I—well` (an `I` not followed by a lower-case letter), or an
/// acronym such as `FAQ` or `U.S.` (two capitals or more).
fn always_capital(text: &str) -> bool {
    let word = text.split(char::is_whitespace).next().unwrap_or_default();
    let letters = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut chars = word.chars();
    let pronoun = chars.next() == Some('I') && chars.next().is_none_or(|c| !c.is_lowercase());
    pronoun || letters.chars().filter(|c| c.is_uppercase()).count() > 1
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
    fn the_first_letter_keeps_its_case() {
        assert_eq!(
            keep_case("Calm down", "take your time", false),
            "Take your time"
        );
        assert_eq!(
            keep_case("calm down", "Take your time", false),
            "take your time"
        );
        assert_eq!(keep_case("“No", "“yes", false), "“Yes");
        assert_eq!(
            keep_case("dunno", "I will find out", false),
            "I will find out"
        );
        assert_eq!(keep_case("dunno", "I'll find out", false), "I'll find out");
        assert_eq!(keep_case("dunno", "I’m on it", false), "I’m on it");
        assert_eq!(keep_case("help page", "FAQ page", false), "FAQ page");
        assert_eq!(keep_case("dunno", "U.S. office", false), "U.S. office");
        assert_eq!(
            keep_case("dunno", "I, for one, will check", false),
            "I, for one, will check"
        );
        assert_eq!(keep_case("ok", "It is done", false), "it is done");
        assert_eq!(keep_case("ok", "I-9 form", false), "I-9 form");
        assert_eq!(keep_case("ok", "I\u{2014}well", false), "I\u{2014}well");
        assert_eq!(keep_case("ok", "Ireland", false), "ireland");
        assert_eq!(keep_case("ok", "Image attached", false), "image attached");
        assert_eq!(keep_case("ok", "…", false), "…");
        // A match that starts with `I` takes its case from where it stands.
        let (mid, start) = (false, true);
        assert_eq!(
            keep_case("I don't know", "let me check", mid),
            "let me check"
        );
        assert_eq!(
            keep_case("I don't know", "let me check", start),
            "Let me check"
        );
        assert_eq!(keep_case("FAQ page", "help article", mid), "help article");
    }

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
