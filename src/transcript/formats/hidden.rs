//! Text that stands in a text file but is not spoken: directive comments, and in Markdown
//! scripts what [`markdown`] finds unspoken. Turns keep their place in the source; their text
//! skips these bytes (a turn that held only them is dropped).

use super::lines::Line;
pub(crate) use super::markdown::{is_heading, markdown};
use super::references;
use super::text::invisible;
use crate::transcript::{Decoded, Turn, TurnText};
use std::ops::Range;

/// What the turns of a text file leave out of the source, or read otherwise than written.
#[derive(Debug, Default)]
pub(crate) struct Unsaid<'a> {
    /// Byte ranges no one says, sorted and not overlapping: directive comments, and what
    /// [`markdown`] finds unspoken.
    pub hidden: &'a [Range<usize>],
    /// Places inside `hidden` where what is left out parts the words either side (an HTML tag
    /// that breaks the line, `<br>`, `<p>`): read as a space there. Sorted.
    pub parting: &'a [usize],
    /// Whether character references (`&nbsp;`, `&amp;`, `&#39;`) read as what they stand for,
    /// as Markdown renders them.
    pub references: bool,
}

/// Leaves `unsaid` out of the text of `turns`: the hidden bytes, and character references
/// respelled as what they stand for. A turn left with nothing to say is dropped.
pub(crate) fn hide(turns: &mut Vec<Turn>, unsaid: &Unsaid, source: &str) {
    let hidden = unsaid.hidden;
    if hidden.is_empty() && !unsaid.references {
        return;
    }
    turns.retain_mut(|turn| {
        let TurnText::Source(r) = &turn.text else {
            return true;
        };
        let r = r.clone();
        let first = hidden.partition_point(|h| h.end <= r.start);
        let inside = hidden[first..].iter().take_while(|h| h.start < r.end);
        // Each piece kept, and whether markup that parts words comes before it.
        let mut kept: Vec<(Range<usize>, bool)> = Vec::new();
        let (mut at, mut parted) = (r.start, false);
        for h in inside {
            if h.start > at {
                kept.push((at..h.start, parted));
                parted = false;
            }
            let parts = unsaid.parting.partition_point(|&p| p < h.start);
            parted |= unsaid.parting.get(parts).is_some_and(|&p| p < h.end);
            at = at.max(h.end);
        }
        if at < r.end {
            kept.push((at..r.end, parted));
        }
        let respelled = |k: &Range<usize>| {
            unsaid.references && memchr::memchr(b'&', source[k.clone()].as_bytes()).is_some()
        };
        if let [(one, _)] = kept.as_slice()
            && *one == r
            && !respelled(one)
        {
            return true;
        }
        trim(&mut kept, source);
        if kept.is_empty() {
            return false;
        }
        turn.text = match kept.as_slice() {
            [(one, _)] if !respelled(one) => TurnText::Source(one.clone()),
            _ => {
                let mut d = Decoded::default();
                for (k, parted) in kept {
                    let apart = |c: char| c.is_whitespace();
                    if parted && !d.text.ends_with(apart) && !source[k.clone()].starts_with(apart) {
                        d.push_replacement(" ", k.start);
                    }
                    match unsaid.references {
                        true => references::respell(&mut d, source, k),
                        false => d.push_verbatim(&source[k.clone()], k.start),
                    }
                }
                TurnText::Decoded(d)
            }
        };
        true
    });
}

/// Drops whitespace at both ends of the pieces `kept` (and pieces left empty).
fn trim(kept: &mut Vec<(Range<usize>, bool)>, source: &str) {
    kept.retain(|(k, _)| !source[k.clone()].trim().is_empty());
    if let Some((first, _)) = kept.first_mut() {
        let s = &source[first.clone()];
        first.start += s.len() - s.trim_start().len();
    }
    if let Some((last, _)) = kept.last_mut() {
        let s = &source[last.clone()];
        last.end -= s.len() - s.trim_end().len();
    }
}

/// Whether one of `ranges` (sorted, not overlapping) holds byte `at`.
pub(crate) fn covers(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= at);
    i > 0 && ranges[i - 1].end > at
}

/// Merges two lists of ranges into one sorted list of ranges that do not overlap (a directive
/// inside a fenced code block is one hidden range): a lookup by start finds the one that holds
/// a place.
pub(crate) fn merge(mut a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Vec<Range<usize>> {
    a.extend(b);
    a.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(a.len());
    for r in a {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// What a reader sees of `line`: all of it, or, when it opens with hidden text (a directive
/// comment, `<!-- talklint: ignore x --> Agent: …`), the rest after it, so that a label there
/// opens its turn as it would with the comment gone; `None` when all of it is hidden.
pub(super) fn shown<'a>(line: Line<'a>, hidden: &[Range<usize>]) -> Option<Line<'a>> {
    let mut skip = 0;
    loop {
        let rest = &line.text[skip..];
        let at = line.start + skip + (rest.len() - rest.trim_start_matches(invisible).len());
        let i = hidden.partition_point(|r| r.start <= at);
        match i.checked_sub(1).map(|i| &hidden[i]) {
            Some(r) if r.end > at => skip = r.end - line.start,
            _ if skip == 0 => return Some(line),
            _ => break,
        }
        if skip >= line.text.len() {
            return None;
        }
    }
    Some(Line {
        start: line.start + skip,
        text: &line.text[skip..],
        ..line
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_leaves_what_is_said() {
        let src = "---\ntitle: x\n---\n# Refund macro\nSay [this](https://a.b/c) now.\n```\ncode: y\n```\n#1 tip\n\n[this]: https://a.b/c\nText\n[x]: /y\n";
        let said: String = {
            let hidden = markdown(src).unspoken;
            let mut turns = vec![Turn::new(
                crate::transcript::Role::Agent,
                None,
                0..src.len(),
            )];
            let unsaid = Unsaid {
                hidden: &hidden,
                ..Unsaid::default()
            };
            hide(&mut turns, &unsaid, src);
            turns[0].text(src).to_string()
        };
        // A link reference definition under a line of text is text (CommonMark).
        assert_eq!(said, "Say [this] now.\n#1 tip\n\nText\n[x]: /y");
    }

    #[test]
    fn merged_ranges_do_not_overlap() {
        assert_eq!(
            merge(vec![3..5, 20..30], vec![0..10, 10..12, 25..26]),
            [0..10, 10..12, 20..30]
        );
    }

    #[test]
    fn a_turn_of_hidden_text_only_is_dropped() {
        let src = "# talklint: ignore\n";
        let mut turns = vec![Turn::new(crate::transcript::Role::System, None, 0..18)];
        let hidden = vec![0..19, 19..19];
        let unsaid = Unsaid {
            hidden: &hidden,
            ..Unsaid::default()
        };
        hide(&mut turns, &unsaid, src);
        assert!(turns.is_empty());
    }
}
