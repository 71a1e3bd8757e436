//! Markdown's character references (`&nbsp;`, `&amp;`, `&#39;`), read as what they stand for,
//! as a page renders them: `calm&nbsp;down` says "calm down" and `I&#39;m sorry` "I'm sorry".
//! Each is mapped back to its bytes whole, so that a finding points at the file and a fix
//! replaces the reference with the rest of its match.

use super::markup::entity;
use crate::transcript::Decoded;
use std::ops::Range;

/// Appends the text of `source[kept]` to `d`, its character references respelled; one escaped
/// with a backslash (`\&amp;`) is text, as CommonMark reads it.
pub(super) fn respell(d: &mut Decoded, source: &str, kept: Range<usize>) {
    let text = &source[kept.clone()];
    let mut from = 0;
    for i in memchr::memchr_iter(b'&', text.as_bytes()) {
        if i < from || escaped(&source[..kept.start + i]) {
            continue;
        }
        let Some((spelled, len)) = entity(&text[i..]) else {
            continue;
        };
        if from < i {
            d.push_verbatim(&text[from..i], kept.start + from);
        }
        let at = kept.start + i;
        d.push_respelled(&spelled, at..at + len);
        from = i + len;
    }
    if from < text.len() || from == 0 {
        d.push_verbatim(&text[from..], kept.start + from);
    }
}

/// Whether what follows `before` is escaped: an odd run of backslashes ends it.
fn escaped(before: &str) -> bool {
    let run = before.len() - before.trim_end_matches('\\').len();
    run % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::TurnText;

    #[test]
    fn references_read_as_what_they_stand_for_at_their_bytes() {
        let src = "x calm&nbsp;down, I&#39;m \\&amp; Q&amp;A &bogus; done";
        let mut d = Decoded::default();
        respell(&mut d, src, 2..src.len());
        assert_eq!(d.text, "calm down, I'm \\&amp; Q&A &bogus; done");
        let text = TurnText::Decoded(d);
        let down = "calm down, I'm".len();
        assert_eq!(text.source_run(0..9), Some(2..16), "calm&nbsp;down");
        assert_eq!(text.source_run(11..down), Some(18..25), "I&#39;m");
        assert_eq!(text.source_offset(down + 1), 26, "the escaped `\\`");
    }
}
