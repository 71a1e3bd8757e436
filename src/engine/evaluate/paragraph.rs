//! The paragraph around a hit, the most an `unless` phrase reaches to clear it: a script without
//! labels is one turn, and its sections must not clear each other's hits.

use crate::transcript::formats::directives;
use crate::transcript::formats::hidden::is_heading;
use crate::transcript::{Turn, TurnText};
use std::ops::Range;

/// The paragraph of `turn`'s text (in `source`) that holds the bytes `start..end`: from after the
/// last line before it that parts paragraphs to the next one after it (see [`parts_paragraphs`]).
/// A Markdown file's headings are hidden from the text: where one stood between two lines, the
/// paragraph ends too.
pub(super) fn paragraph_around(
    turn: &Turn,
    source: &str,
    start: usize,
    end: usize,
) -> Range<usize> {
    let text = turn.text(source);
    // Whether a hidden line that parts paragraphs stands before the line at `at`: only decoded
    // text has hidden bytes, in the gap between two pieces.
    let hidden_before = |at: usize| {
        matches!(turn.text, TurnText::Decoded(_))
            && source
                .get(turn.source_end(at)..turn.source_offset(at))
                .is_some_and(|gap| gap.split_inclusive('\n').any(parts_paragraphs))
    };
    let mut from = 0;
    let mut at = 0;
    for line in text[..start].split_inclusive('\n') {
        at += line.len();
        if line.ends_with('\n') && (parts_paragraphs(line) || hidden_before(at)) {
            from = at;
        }
    }
    let mut to = end;
    for (i, line) in text[end..].split_inclusive('\n').enumerate() {
        if i > 0 && (parts_paragraphs(line) || hidden_before(to)) {
            break;
        }
        to += line.len();
    }
    from..to
}

/// Whether `line` parts paragraphs: a blank line (nothing but white space), a Markdown heading
/// (`## Title`, not a `# talklint:` directive) or setext underline (`===`, `---`), or a thematic
/// break (`---`, `***`, `___`, also with spaces between).
fn parts_paragraphs(line: &str) -> bool {
    let t = line.trim();
    let b = t.as_bytes();
    let run = |c: u8| b.iter().all(|&x| x == c);
    let spaced_run = |c: u8| {
        b.iter().all(|&x| x == c || x == b' ' || x == b'\t')
            && b.iter().filter(|&&x| x == c).count() >= 3
    };
    match b.first() {
        None => true,
        Some(b'#') => {
            is_heading(t)
                && !t
                    .trim_start_matches('#')
                    .trim_start()
                    .starts_with(directives::KEY)
        }
        Some(b'=') => run(b'='),
        Some(b'-') => (b.len() >= 2 && run(b'-')) || spaced_run(b'-'),
        Some(&c @ (b'*' | b'_')) => spaced_run(c),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Decoded, Role};

    #[test]
    fn headings_and_breaks_part_paragraphs() {
        for line in [
            "\n",
            " \t\n",
            "## Follow-up\n",
            "# A\n",
            "====\n",
            "--\n",
            "---\n",
            "***\n",
            "_ _ _\n",
        ] {
            assert!(parts_paragraphs(line), "{line:?}");
        }
        for line in [
            "Hello\n",
            "#1 priority\n",
            "####### seven\n",
            "# talklint: ignore\n",
            "-\n",
            "**bold**\n",
            "- item\n",
            "=> next\n",
        ] {
            assert!(!parts_paragraphs(line), "{line:?}");
        }
        let source = "A no.\n## Next\nB yes.\n***\nC.";
        let turn = Turn::new(Role::Agent, None, 0..source.len());
        assert_eq!(paragraph_around(&turn, source, 16, 17), 14..21);
        assert_eq!(paragraph_around(&turn, source, 0, 1), 0..6);
    }

    #[test]
    fn a_hidden_heading_parts_paragraphs() {
        // `## Next` hidden, as a Markdown file's headings are.
        let source = "A no.\n## Next\nB yes.\n<!-- x -->\nC.";
        let mut d = Decoded::default();
        d.push_verbatim(&source[..6], 0);
        d.push_verbatim(&source[14..21], 14);
        d.push_verbatim(&source[32..], 32);
        let mut turn = Turn::new(Role::Agent, None, 0..0);
        turn.text = TurnText::Decoded(d);
        assert_eq!(turn.text(source), "A no.\nB yes.\nC.");
        assert_eq!(paragraph_around(&turn, source, 6, 7), 6..15);
        assert_eq!(paragraph_around(&turn, source, 0, 1), 0..6);
    }
}
