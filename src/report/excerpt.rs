//! The part of a transcript line a human report shows around a finding. A line is shown whole
//! unless it is long: then only [`CONTEXT`] bytes either side of the match, so that a report on a
//! 32 MB line of thousands of findings is not thousands of copies of the line (and finding the
//! line's ends does not scan it once per finding).

use crate::text::lines::floor_char_boundary;

/// Bytes of context shown either side of a match on a long line.
pub(super) const CONTEXT: usize = 240;

/// Where the shown text of the lines around `start..end` begins and ends in `source`, and
/// whether the line was cut before or after.
#[derive(Debug, PartialEq)]
pub(super) struct Excerpt {
    pub first: usize,
    pub last: usize,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The excerpt around `start..end` (char boundaries of `source`).
pub(super) fn around(source: &str, start: usize, end: usize) -> Excerpt {
    let lo = floor_char_boundary(source, start.saturating_sub(CONTEXT));
    let (first, cut_before) = match source[lo..start].rfind('\n') {
        Some(i) => (lo + i + 1, false),
        None => (lo, lo > 0),
    };
    // A byte-order mark is no text to show.
    let bom = '\u{feff}'.len_utf8();
    let first = match first == 0 && start >= bom && source.starts_with('\u{feff}') {
        true => bom,
        false => first,
    };
    let mut hi = (end + CONTEXT).min(source.len());
    while !source.is_char_boundary(hi) {
        hi += 1;
    }
    let (last, cut_after) = match source[end..hi].find('\n') {
        Some(i) => (end + i, false),
        None => (hi, hi < source.len()),
    };
    Excerpt {
        first,
        last,
        cut_before,
        cut_after,
    }
}

/// The columns a snippet's line may take on a terminal, as annotate-snippets lays it out (its
/// width, 140, less the margin of line numbers).
pub(super) const COLUMNS: usize = 130;

/// `before` and `after`, the text either side of a match `hit` on a line shown, cut to fit with
/// it in [`COLUMNS`] as a terminal shows them (a Japanese letter takes two), each cut side
/// marked `…`. annotate-snippets cuts a long line itself, but counts a wide letter as one column
/// where it draws two: it drew the underline over the margin and left out the match.
pub(super) fn fit(before: &str, hit: &str, after: &str) -> (String, String) {
    let (wide_before, wide_after) = (width(before), width(after));
    let room = COLUMNS.saturating_sub(width(hit));
    if wide_before + wide_after <= room {
        return (before.to_string(), after.to_string());
    }
    // Each side gets half, and what the other leaves.
    let left = wide_before.min(room.saturating_sub(wide_after.min(room / 2)));
    let right = room - left;
    let kept_before = match left < wide_before {
        true => format!("…{}", last_columns(before, left.saturating_sub(1))),
        false => before.to_string(),
    };
    let kept_after = match right < wide_after {
        true => format!("{}…", first_columns(after, right.saturating_sub(1))),
        false => after.to_string(),
    };
    (kept_before, kept_after)
}

/// The columns `c` takes on a terminal: none for a mark or a joiner.
fn columns(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The columns `text` takes, a character at a time (as the cut counts them).
fn width(text: &str) -> usize {
    text.chars().map(columns).sum()
}

/// The longest start of `text` at most `room` wide; the marks after its last letter stay with it.
fn first_columns(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += columns(c);
        if used > room {
            return &text[..i];
        }
    }
    text
}

/// The longest end of `text` at most `room` wide, without the marks of a letter cut off.
fn last_columns(text: &str, room: usize) -> &str {
    let (mut used, mut start) = (0, text.len());
    for (i, c) in text.char_indices().rev() {
        used += columns(c);
        if used > room {
            break;
        }
        start = i;
    }
    text[start..].trim_start_matches(|c| columns(c) == 0)
}

/// The most lines a match's mark runs over: a longer one (the words of a speech-to-text file,
/// one JSON object each) is marked on its first line only.
pub(super) const MOST_LINES_MARKED: usize = 4;

/// Where the mark of the match `start..end` ends on its first line: at the line's end, or at
/// the quote that closes a JSON string (a speech-to-text word); the match's own end if nothing
/// is left.
pub(super) fn first_line_end(source: &str, start: usize, end: usize) -> usize {
    let line = source[start..end].split('\n').next().unwrap_or_default();
    let bytes = line.as_bytes();
    let closing = memchr::memchr_iter(b'"', bytes).find(|&i| i == 0 || bytes[i - 1] != b'\\');
    match line[..closing.unwrap_or(line.len())].trim_end() {
        "" => end,
        word => start + word.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_whole_long_lines_cut_on_char_boundaries() {
        let s = "one\ntwo three\nfour";
        let at = s.find("three").unwrap();
        let e = around(s, at, at + 5);
        assert_eq!(
            (&s[e.first..e.last], e.cut_before, e.cut_after),
            ("two three", false, false)
        );
        let long = format!("A: {}hit{}\nnext", "é".repeat(500), "ü".repeat(500));
        let at = long.find("hit").unwrap();
        let e = around(&long, at, at + 3);
        assert!(e.cut_before && e.cut_after);
        assert!(e.last - e.first <= 2 * CONTEXT + 3 + 2);
        assert!(long[e.first..e.last].contains("hit"));
    }

    #[test]
    fn a_line_of_wide_letters_is_cut_by_the_columns_it_takes() {
        let before = format!("Agent: {}", "あ".repeat(70));
        let (b, a) = fit(&before, "calm down", " です。");
        assert!(b.starts_with('…') && b.ends_with("ああ"), "{b}");
        assert_eq!(a, " です。");
        assert!(width(&b) + width("calm down") + width(&a) <= COLUMNS);
        // An accent typed apart stays with its letter, or goes with it.
        let (b, _) = fit(&"e\u{301}".repeat(200), "hit", "");
        assert!(b.starts_with("…e\u{301}"), "{b}");
        // Short lines are kept whole.
        assert_eq!(fit("Agent: ", "hi", "!"), ("Agent: ".into(), "!".into()));
    }
}
