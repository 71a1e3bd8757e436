//! A fix keeps the file's lines. A phrase may span a line break (a paragraph wrapped in a
//! Markdown file, a long line of a script wrapped by hand), and one edit from the match's first
//! byte to its last would write the break away and join the lines. The break, with the white
//! space around it (a list item's indentation), takes the place of a space of the replacement
//! at about the same place among its words; a one-word replacement takes it from a space beside
//! the match. A match whose breaks find no such place is left for the writer to fix.

use super::Edit;
use crate::text::words::Words;
use std::ops::Range;

/// The edit that writes `text` over `range` of `source`, a match that reads `matched`, with
/// the line breaks between the match's words kept; `None` when they cannot be (a one-word
/// replacement with no space beside the match, more breaks than the replacement has spaces).
pub(super) fn keep_lines(
    source: &str,
    range: Range<usize>,
    matched: &str,
    text: String,
) -> Option<Edit> {
    if !matched.contains(['\n', '\r']) {
        return Some(Edit { range, text });
    }
    let (words, breaks) = line_breaks(matched);
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    if spaces.is_empty() {
        // One word: the break goes where a space beside the match was.
        let [(_, gap)] = breaks.as_slice() else {
            return None;
        };
        if source[range.end..].starts_with(' ') {
            let text = format!("{text}{gap}");
            return Some(Edit {
                range: range.start..range.end + 1,
                text,
            });
        }
        if source[..range.start].ends_with(' ') {
            let text = format!("{gap}{text}");
            return Some(Edit {
                range: range.start - 1..range.end,
                text,
            });
        }
        return None;
    }
    // Each break after as many of the replacement's words, in proportion, as it comes after of
    // the match's, in order and on spaces of their own.
    let last = spaces.len().checked_sub(breaks.len())?;
    let mut laid = String::with_capacity(text.len() + breaks.len() * 2);
    let (mut from, mut next) = (0, 0);
    for (k, (after, gap)) in breaks.iter().enumerate() {
        let wanted = (after * (spaces.len() + 1) + words / 2) / words;
        // Leave a space for each break still to come.
        let space = (wanted.clamp(1, spaces.len()) - 1).max(next).min(last + k);
        let at = spaces[space];
        laid.push_str(&text[from..at]);
        laid.push_str(gap);
        (from, next) = (at + 1, space + 1);
    }
    laid.push_str(&text[from..]);
    Some(Edit { range, text: laid })
}

/// How many words `matched` has, and each line break between two of them: how many words
/// come before it, and the white space it stands in (`\n`, ` \r\n  `).
fn line_breaks(matched: &str) -> (usize, Vec<(usize, &str)>) {
    let mut breaks = Vec::new();
    let mut words = 0;
    let mut after = None;
    for word in Words::new(matched) {
        if let Some(end) = after {
            let gap: &str = &matched[end..word.start];
            if let Some(nl) = gap.find(['\n', '\r']) {
                let blank = |c: char| c.is_whitespace();
                let start = gap[..nl].trim_end_matches(blank).len();
                let stop = nl + gap[nl..].len() - gap[nl..].trim_start_matches(blank).len();
                breaks.push((words, &gap[start..stop]));
            }
        }
        words += 1;
        after = Some(word.end);
    }
    (words, breaks)
}

/// Whether a sentence or a paragraph ends between two words of `matched`: `calm. Down`, `No
/// problem! At all`, `calm\n\ndown`. SPEC §3 reads the punctuation between words as a word
/// boundary, so such a match is reported; written over, it would take the sentence's end and
/// the next sentence's first words away (`Stay take your time payments are due`), so it is for
/// the writer to fix.
pub(super) fn ends_a_sentence(matched: &str) -> bool {
    let mut after = None;
    for word in Words::new(matched) {
        if let Some(end) = after {
            let gap: &str = &matched[end..word.start];
            if line_break_marks(gap).len() > 1 || gap.contains(SENTENCE_ENDS) {
                return true;
            }
        }
        after = Some(word.end);
    }
    false
}

/// Punctuation that ends a sentence, in Latin script and in the full-width, Arabic, Devanagari,
/// Greek and CJK forms.
const SENTENCE_ENDS: [char; 12] = [
    '.', '!', '?', '…', '。', '．', '！', '？', '؟', '\u{037E}', '।', '॥',
];

/// `edit`, made on text whose lines that ended in CR alone were read as ending in LF, with each
/// line break it keeps written as `written` (the edit's bytes in the file) has it: `\r` where
/// the file has CR alone, as it has elsewhere.
pub(crate) fn as_written(edit: Edit, written: &str) -> Edit {
    let Some(original) = written.get(edit.range.clone()) else {
        return edit;
    };
    let mut file_breaks = line_break_marks(original).into_iter().map(|(_, mark)| mark);
    let mut text = String::with_capacity(edit.text.len());
    let mut at = 0;
    for (i, read) in line_break_marks(&edit.text) {
        let Some(mark) = file_breaks.next() else {
            break;
        };
        text.push_str(&edit.text[at..i]);
        text.push_str(mark);
        at = i + read.len();
    }
    text.push_str(&edit.text[at..]);
    Edit { text, ..edit }
}

/// Each line break of `text` (CRLF, LF or CR alone) and where it starts, in order.
fn line_break_marks(text: &str) -> Vec<(usize, &str)> {
    let mut marks = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let len = match (bytes[i], bytes.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\r' | b'\n', _) => 1,
            _ => 0,
        };
        if len > 0 {
            marks.push((i, &text[i..i + len]));
            i += len;
        } else {
            i += 1;
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid(source: &str, matched: &str, text: &str) -> Option<String> {
        let at = source.find(matched).unwrap();
        let edit = keep_lines(source, at..at + matched.len(), matched, text.into())?;
        Some(super::super::splice(source, &[edit]))
    }

    #[test]
    fn a_break_takes_the_place_of_a_space_at_about_the_same_place() {
        let src = "Please calm\ndown now.";
        assert_eq!(
            laid(src, "calm\ndown", "take your time").as_deref(),
            Some("Please take your\ntime now.")
        );
        let src = "- Please calm\n  down, ok";
        assert_eq!(
            laid(src, "calm\n  down", "relax").as_deref(),
            Some("- Please\n  relax, ok"),
            "a one-word replacement with no space after it takes the one before"
        );
        assert_eq!(laid("(calm\ndown)", "calm\ndown", "relax"), None);
        let src = "it is out of\nmy hands";
        assert_eq!(
            laid(src, "out of\nmy hands", "with me").as_deref(),
            Some("it is with\nme")
        );
        let src = "one two\nthree\r\nfour";
        assert_eq!(
            laid(src, "one two\nthree\r\nfour", "a b c").as_deref(),
            Some("a\nb\r\nc"),
            "two breaks need two spaces"
        );
        assert_eq!(
            laid(src, "one two\nthree\r\nfour", "a b"),
            None,
            "nor fewer"
        );
    }
}
