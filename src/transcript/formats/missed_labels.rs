//! Lines of a labelled text that start like a speaker label talklint does not read (`Customer -
//! …`, `CUSTOMER 0:05`, `Agent:text`). Such a line goes on the turn before it, so its words would
//! be judged as the previous speaker's without a word said (SPEC §7): each is named in a warning
//! with the label to write instead.

use super::lines::Line;
use super::link_refs;
use super::stamps::leading_time;
use super::text::invisible;
use crate::transcript::Roles;

/// A line that looks like a speaker label and is not read as one.
pub(super) struct Missed<'a> {
    /// 1-based line number.
    line: usize,
    /// 1-based column (in characters) where the label starts.
    column: usize,
    /// The line's start up to the label's mark (`Customer -`).
    shown: &'a str,
    /// The role word it opens with (`Customer`).
    word: &'a str,
}

impl Missed<'_> {
    /// The warning: where the line is, what it shows, and the label to write.
    pub(super) fn warning(&self) -> String {
        format!(
            "line {}, column {}: `{}` is not read as a speaker label, so the line's words go on \
             the turn before it; write the label as `{}: …` (a time may come first: \
             `[00:00:05] {}: …`)",
            self.line, self.column, self.shown, self.word, self.word
        )
    }
}

/// `line`, which is not read as a label, when it opens with a role word `roles` knows written
/// with a capital (`Customer`, `AGENT`), maybe after a time or a bracket, then a label's mark: a
/// colon, a dash with a space after it, a bar, a closing bracket, or a time (`Customer 0:05`).
/// Prose that goes on a sentence writes the word in lower case (`customer - not us - pays`).
pub(super) fn missed<'a>(line: Line<'a>, roles: &Roles) -> Option<Missed<'a>> {
    let text = line.text;
    let start = text.trim_start_matches(invisible);
    // Most lines that go on a turn open with a lower-case word.
    if start.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let mut rest = start;
    for marker in ["> ", "- ", "* "] {
        rest = rest.strip_prefix(marker).unwrap_or(rest);
    }
    if let Some((_, after_time)) = leading_time(rest) {
        rest = after_time;
    }
    let rest = rest.trim_start_matches(['[', '(', '*', '_']);
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (word, after) = rest.split_at(word_end);
    if !word.starts_with(char::is_uppercase) || !roles.knows(word) {
        return None;
    }
    let mark = after.trim_start_matches(' ');
    let shown_end = text.len() - mark.len() + mark_len(mark)?;
    let lead = text.len() - start.len();
    Some(Missed {
        line: line.number,
        column: text[..lead].chars().count() + 1,
        shown: text[lead..shown_end].trim_end(),
        word,
    })
}

/// The length of the label's mark `after` opens with, if it does: `:`, `|`, `]`, `)`, a dash
/// with a space or the line's end after it, or a clock that ends the line or a label (`0:05`,
/// `00:00:05:`). A link is no label: `[Agent](https://…)`, and `[Agent]: https://…`, a link
/// reference definition.
fn mark_len(after: &str) -> Option<usize> {
    match after.as_bytes().first()? {
        b':' | b'|' | b')' => Some(1),
        b']' => {
            let link = after[1..].starts_with('(')
                || after[1..]
                    .strip_prefix(':')
                    .is_some_and(link_refs::is_target);
            (!link).then_some(1)
        }
        b'0'..=b'9' => {
            let len = after
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b':')
                .count();
            let (run, rest) = after.split_at(len);
            // `Agent 00:00:05:`: the clock ends with the label's colon.
            if let Some(time) = run.strip_suffix(':') {
                let ends = rest.is_empty() || rest.starts_with([' ', '\t']);
                return (ends && is_clock(time)).then_some(len);
            }
            // A clock's fraction (`0:05.250`) or 12-hour mark (`10:30 AM`) makes it a time
            // stamp; a bare clock is one before a label's mark or the line's end. `Customer
            // 1:1 sessions` and `Agent 24:7 support` go on a sentence.
            let fraction = rest
                .strip_prefix('.')
                .map_or(0, |f| 1 + f.bytes().take_while(u8::is_ascii_digit).count());
            let meridiem = [" AM", " PM", " am", " pm"]
                .iter()
                .find(|m| rest[fraction..].starts_with(**m))
                .map_or(0, |m| m.len());
            let end = rest[fraction + meridiem..].trim_start_matches([' ', '\t']);
            let marked = end.is_empty() || end.starts_with([':', '|', '-', '\u{2013}', '\u{2014}']);
            let stamped = fraction > 1 || meridiem > 0;
            (is_clock(run) && (marked || stamped)).then_some(len + fraction + meridiem)
        }
        _ => ["-", "\u{2013}", "\u{2014}"].iter().find_map(|dash| {
            let rest = after.strip_prefix(dash)?;
            (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(dash.len())
        }),
    }
}

/// Whether `time` is a clock: `m:ss`, `mm:ss`, `h:mm:ss` or `hh:mm:ss`, minutes and seconds
/// below 60.
fn is_clock(time: &str) -> bool {
    let digits = |f: &str, most: usize| {
        (1..=most).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit())
    };
    // Two digits, or (the minutes of `m:ss`) one.
    let below_sixty = |f: &str| f.len() < 2 || f < "60";
    let sixtieths = |f: &str| f.len() == 2 && digits(f, 2) && f < "60";
    let mut fields = time.split(':');
    match (fields.next(), fields.next(), fields.next(), fields.next()) {
        (Some(m), Some(s), None, None) => digits(m, 2) && below_sixty(m) && sixtieths(s),
        (Some(h), Some(m), Some(s), None) => digits(h, 2) && sixtieths(m) && sixtieths(s),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<&str> {
        let line = Line {
            number: 1,
            start: 0,
            text,
        };
        missed(line, &Roles::default()).map(|m| m.shown)
    }

    #[test]
    fn a_role_word_and_a_mark_look_like_a_label() {
        for (text, expected) in [
            ("Customer - Calm down", "Customer -"),
            ("CUSTOMER – fine", "CUSTOMER –"),
            ("Agent:text", "Agent:"),
            ("[Customer] hello", "[Customer]"),
            ("Customer 0:05", "Customer 0:05"),
            ("AGENT 1:02:03 ", "AGENT 1:02:03"),
            ("Customer 59:59:", "Customer 59:59:"),
            ("[5.5s] Customer | hi", "[5.5s] Customer |"),
            ("\u{200b}Caller -", "Caller -"),
        ] {
            assert_eq!(shown(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn prose_is_no_label() {
        for text in [
            "customer - not us - pays",
            "Customer service is closed",
            "Customers - all of them",
            "Agent-assisted setup",
            "Customer, please hold",
            "Sarah - hello",
            "Customer 2 called back",
            "Customer 1:1 sessions are free",
            "Agent 24:7 support is here",
            "Customer 12:30 is when we open",
            "Customer 0:60",
            "Customer 60:00",
            "Agent 1:2:03",
            "[Agent](https://example.com/agents)",
            "[Agent]: https://example.com/agents",
        ] {
            assert_eq!(shown(text), None, "{text}");
        }
    }
}
