//! Text that stands in a text file but is not spoken: directive comments, and in Markdown
//! scripts what [`markdown`] finds unspoken. Turns keep their place in the source; their text
//! skips these bytes (a turn that held only them is dropped).

pub(crate) use super::markdown::{is_heading, markdown};
use crate::transcript::{Decoded, Turn, TurnText};
use std::ops::Range;

/// Removes the `hidden` byte ranges (sorted by start) from the text of `turns`.
pub(crate) fn hide(turns: &mut Vec<Turn>, hidden: &[Range<usize>], source: &str) {
    if hidden.is_empty() {
        return;
    }
    turns.retain_mut(|turn| {
        let TurnText::Source(r) = &turn.text else {
            return true;
        };
        let r = r.clone();
        let first = hidden.partition_point(|h| h.end <= r.start);
        let inside: Vec<&Range<usize>> = hidden[first..]
            .iter()
            .take_while(|h| h.start < r.end)
            .collect();
        if inside.is_empty() {
            return true;
        }
        let mut kept = Vec::with_capacity(inside.len() + 1);
        let mut at = r.start;
        for h in inside {
            if h.start > at {
                kept.push(at..h.start);
            }
            at = at.max(h.end);
        }
        if at < r.end {
            kept.push(at..r.end);
        }
        trim(&mut kept, source);
        if kept.is_empty() {
            return false;
        }
        turn.text = if let [one] = kept.as_slice() {
            TurnText::Source(one.clone())
        } else {
            let mut d = Decoded::default();
            for k in kept {
                d.push_verbatim(&source[k.clone()], k.start);
            }
            TurnText::Decoded(d)
        };
        true
    });
}

/// Drops whitespace at both ends of the pieces `kept` (and pieces left empty).
fn trim(kept: &mut Vec<Range<usize>>, source: &str) {
    kept.retain(|k| !source[k.clone()].trim().is_empty());
    if let Some(first) = kept.first_mut() {
        let s = &source[first.clone()];
        first.start += s.len() - s.trim_start().len();
    }
    if let Some(last) = kept.last_mut() {
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
            hide(&mut turns, &hidden, src);
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
        hide(&mut turns, &hidden, src);
        assert!(turns.is_empty());
    }
}
