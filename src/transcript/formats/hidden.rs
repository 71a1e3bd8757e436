//! Text that stands in a text file but is not spoken: directive comments. Turns keep their
//! place in the source; their text skips these bytes (a turn that held only them is dropped).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_of_hidden_text_only_is_dropped() {
        let src = "# talklint: ignore\n";
        let mut turns = vec![Turn::new(crate::transcript::Role::System, None, 0..18)];
        let hidden = vec![0..19, 19..19];
        hide(&mut turns, &hidden, src);
        assert!(turns.is_empty());
    }
}
