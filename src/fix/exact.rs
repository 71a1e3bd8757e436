//! Whether a match can be replaced without touching what is not its text. A turn's text may
//! leave source bytes out (an HTML comment or a link's target in Markdown, a JSON escape, a
//! caption's line break), and the matcher reads over markup between words (`**No** problem`,
//! `call the [help desk`): one edit from a match's first source byte to its last would write
//! the comment away or leave markup half closed. Such a match is left for the writer to fix,
//! as is one through a web or e-mail address, which the edit would write away.

use crate::text::words::Words;
use crate::transcript::Turn;
use std::ops::Range;

/// What the matcher reads over between two words that an edit must not take: Markdown's
/// emphasis, code, links, quotes, tables and escapes, and HTML's tags and comments.
const MARKUP: &[char] = &['*', '_', '~', '`', '[', ']', '<', '>', '|', '\\'];

/// The source bytes of the text `start..end` of `turn` when an edit of them changes that text
/// and nothing else: it stands in `source` verbatim and in one run, its words are parted by no
/// markup, nor by a line break before anything but white space (a list marker, a quote's `>`),
/// and it holds no address. `None` when it does not.
pub(super) fn source_range(
    turn: &Turn,
    source: &str,
    start: usize,
    end: usize,
) -> Option<Range<usize>> {
    let matched = turn.text(source).get(start..end)?;
    let at = turn.source_offset(start);
    let range = at..at + matched.len();
    // Each character at the byte after the one before, and the last ending where the text does:
    // a replacement (an escape, an entity, a joining space) maps wholly to its source start.
    let one_run = source.get(range.clone()) == Some(matched)
        && turn.source_end(end) == range.end
        && matched
            .char_indices()
            .all(|(i, _)| turn.source_offset(start + i) == at + i);
    let exact =
        one_run && !parted_by_markup(matched) && crate::text::links::first(matched).is_none();
    exact.then_some(range)
}

/// Whether two of the words of `matched` are parted by markup, or by a line break and what
/// opens the next line (a list marker, a quote's `>`).
fn parted_by_markup(matched: &str) -> bool {
    let mut words = Words::new(matched);
    let Some(first) = words.next() else {
        return false;
    };
    let mut after = first.end;
    words.any(|word| {
        let gap = &matched[after..word.start];
        after = word.end;
        gap.contains(MARKUP) || (gap.contains('\n') && !gap.trim().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parted_by_markup_or_a_line_marker() {
        for parted in [
            "No** problem",
            "call the [help desk",
            "help <!-- --> desk",
            "help\n> desk",
            "help\n- desk",
            "help _desk",
        ] {
            assert!(parted_by_markup(parted), "{parted:?}");
        }
        for plain in [
            "No problem",
            "no, problem",
            "e-mail us",
            "don't know",
            "help\n  desk",
            "",
        ] {
            assert!(!parted_by_markup(plain), "{plain:?}");
        }
    }
}
