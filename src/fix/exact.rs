//! Whether a match can be replaced without touching what is not its text. A turn's text may
//! leave source bytes out (an HTML comment or a link's target in Markdown, a JSON escape, a
//! caption's line break), and the matcher reads over markup between words (`**No** problem`,
//! `call the [help desk`): one edit from a match's first source byte to its last would write
//! the comment away or leave markup half closed. Such a match is left for the writer to fix,
//! as is one through a web or e-mail address, which the edit would write away. A Markdown
//! character reference (`calm&nbsp;down`) is no such gap: the edit replaces it with the rest of the match.

use crate::text::words::Words;
use crate::transcript::Turn;
use std::ops::Range;

/// What the matcher reads over between two words that an edit must not take: Markdown's
/// emphasis, code, links, quotes, tables and escapes, and HTML's tags and comments.
const MARKUP: &[char] = &['*', '_', '~', '`', '[', ']', '<', '>', '|', '\\'];

/// The source bytes of the text `start..end` of `turn` when an edit of them changes that text
/// and nothing else: it stands in `source` in one run (verbatim, or a Markdown character
/// reference such as `&nbsp;` taken whole), its words are parted by no markup, nor by a line
/// break before anything but white space (a list marker, a quote's `>`), and it holds no
/// address. `None` when it does not.
pub(super) fn source_range(
    turn: &Turn,
    source: &str,
    start: usize,
    end: usize,
) -> Option<Range<usize>> {
    turn.text(source).get(start..end)?;
    // A replacement (an escape, a joining space) maps wholly to its source start, and bytes
    // left out between pieces (a comment, a link's target) would be written away.
    let range = turn.text.source_run(start..end)?;
    let written = source.get(range.clone())?;
    let exact = !parted_by_markup(written) && crate::text::links::first(written).is_none();
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
    use crate::transcript::{Decoded, Role, TurnText};

    /// A turn of `pieces`, each its text and whether it stands verbatim, at their source offsets.
    fn turn(pieces: &[(&str, usize, bool)]) -> Turn {
        let mut d = Decoded::default();
        for &(text, at, verbatim) in pieces {
            match verbatim {
                true => d.push_verbatim(text, at),
                false => d.push_replacement(text, at),
            }
        }
        Turn {
            text: TurnText::Decoded(d),
            ..Turn::new(Role::Agent, None, 0..0)
        }
    }

    #[test]
    fn only_text_that_stands_in_one_run_is_edited() {
        let source = "Call the help <!-- c --> desk, Q&amp;A.\nhelp\ndesk";
        // Two runs of the source either side of the comment.
        let t = turn(&[("Call the help ", 0, true), (" desk, Q", 24, true)]);
        assert_eq!(source_range(&t, source, 0, 13), Some(0..13));
        assert_eq!(source_range(&t, source, 9, 19), None, "help  desk");
        // An entity, within a match or at its end; a caption's line break read as a space.
        let t = turn(&[("Q", 31, true), ("&", 32, false), ("A", 37, true)]);
        assert_eq!(source_range(&t, source, 0, 3), None, "Q&A");
        assert_eq!(source_range(&t, source, 0, 2), None, "Q&");
        assert_eq!(source_range(&t, source, 0, 1), Some(31..32));
        let t = turn(&[("help", 40, true), (" ", 44, false), ("desk", 45, true)]);
        assert_eq!(source_range(&t, source, 0, 9), None, "help desk");
        // A Markdown character reference is respelled: taken whole, within a match or at its end.
        let source = "Q&amp;A calm&nbsp;down";
        let mut d = Decoded::default();
        d.push_verbatim("Q", 0);
        d.push_respelled("&", 1..6);
        d.push_verbatim("A calm", 6);
        d.push_respelled(" ", 12..18);
        d.push_verbatim("down", 18);
        let t = Turn {
            text: TurnText::Decoded(d),
            ..Turn::new(Role::Agent, None, 0..0)
        };
        assert_eq!(source_range(&t, source, 0, 2), Some(0..6), "Q&");
        assert_eq!(source_range(&t, source, 4, 13), Some(8..22), "calm down");
        assert_eq!(t.source_end(2), 6);
    }

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
