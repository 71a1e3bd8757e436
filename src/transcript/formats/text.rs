//! Speaker-labelled plain text (`Agent: …`, `[00:01:02] Customer: …`, `**Agent:** …` in Markdown),
//! with continuation lines joined to their turn. A file with no speaker labels is one turn of the
//! default role: an agent script, a canned reply, a Markdown page.

use super::directives::{self, Directives};
use super::hidden;
use super::lines::lines;
use super::stamps::{Stamp, Timeline, leading_time, stamp};
use crate::text::blank::is_blank;
use crate::transcript::roles::Speakers;
use crate::transcript::{ParseOptions, Role, Roles, Transcript, Turn};

/// A line that opens a turn: its label, times, and where its text starts.
struct Opening<'a> {
    label: &'a str,
    stamp: Option<Stamp>,
    text_start: usize,
}

/// The longest speaker label considered, in bytes.
const MAX_LABEL: usize = 40;

/// Recognises a turn opening in `line` (which starts at byte `at` of the source).
fn opening(line: &str, at: usize) -> Option<Opening<'_>> {
    // Most lines that open no turn have no colon near their start.
    memchr::memchr(b':', &line.as_bytes()[..line.len().min(MAX_LABEL + 32)])?;
    let mut rest = line.trim_start_matches([' ', '\t', '\u{feff}']);
    for marker in ["> ", "- ", "* "] {
        rest = rest.strip_prefix(marker).unwrap_or(rest);
    }
    let mut when = None;
    if let Some((s, r)) = leading_time(rest) {
        when = Some(s);
        rest = r;
    }
    let bold = rest.starts_with("**") || rest.starts_with("__");
    if bold {
        rest = &rest[2..];
    }
    let colon = label_colon(rest)?;
    let mut label = rest[..colon].trim_end();
    let mut after = &rest[colon + 1..];
    if bold {
        // `**Agent:**` or `**Agent**:`.
        after = after
            .strip_prefix("**")
            .or_else(|| after.strip_prefix("__"))
            .unwrap_or(after);
        label = label.trim_end_matches(['*', '_']);
    }
    // `Agent [00:01:02]:` — a time after the label.
    if let Some(open) = label.bytes().rposition(|b| b == b'[' || b == b'(')
        && let Some(after_label) = stamp(label[open + 1..].trim_end_matches([']', ')']))
    {
        when = when.or(Some(after_label));
        label = label[..open].trim_end();
    }
    if !is_label(label) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let text_start = at + (line.len() - after.len());
    Some(Opening {
        label,
        stamp: when,
        text_start,
    })
}

/// The first `:` outside brackets within the label length limit and room for a stamp in brackets
/// (`Agent [00:02:00]:`, `Agent [2024-05-01 10:00:00.000+02:00]:`).
fn label_colon(rest: &str) -> Option<usize> {
    let mut depth = 0u8;
    for (i, b) in rest.bytes().enumerate().take(MAX_LABEL + 40) {
        match b {
            b'[' | b'(' => depth += 1,
            b']' | b')' => depth = depth.saturating_sub(1),
            b':' if depth == 0 => return Some(i),
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// A speaker label: starts with a letter, at most four words of letters, digits, `.`, `_`, `-`,
/// `'`, `#`.
fn is_label(label: &str) -> bool {
    if !label.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    // One pass over the characters: every line that opens a turn asks.
    let (mut words, mut in_word) = (0, false);
    for c in label.chars() {
        if !(c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-' | '\'' | '#')) {
            return false;
        }
        if c == ' ' {
            in_word = false;
        } else if !in_word {
            (words, in_word) = (words + 1, true);
        }
    }
    words <= 4
}

/// Whether `label` is a word that ends in a colon in a turn's text and names no speaker (`Note:
/// the refund is sent`, `PS:`, `FYI:`), in any case. Asked of every label, so matched on a
/// lowercase copy on the stack.
fn is_note_word(label: &str) -> bool {
    let mut buf = [0u8; 9];
    let Some(lower) = buf.get_mut(..label.len()) else {
        return false;
    };
    lower.copy_from_slice(label.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"also"
            | b"btw"
            | b"edit"
            | b"example"
            | b"fyi"
            | b"important"
            | b"note"
            | b"p.s"
            | b"p.s."
            | b"ps"
            | b"re"
            | b"subject"
            | b"tip"
            | b"update"
            | b"warning"
    )
}

/// Parses speaker-labelled or unlabelled text. Never fails: any text is a transcript. Directive
/// comments, and in `markdown` what a reader does not say (headings, front matter, code blocks,
/// link targets), are left out of the turns; the directives are returned with the transcript.
pub fn parse(source: &str, opts: &ParseOptions, markdown: bool) -> (Transcript, Directives) {
    let mut marks = directives::find(source);
    let hidden = match markdown {
        true => {
            let md = hidden::markdown(source);
            // A directive in code is an example of one, as the page shows it.
            let in_code = |at: usize| hidden::covers(&md.code, at);
            marks.directives.list.retain(|d| !in_code(d.at));
            marks.directives.warnings.retain(|(at, _)| !in_code(*at));
            hidden::merge(marks.hidden, md.unspoken)
        }
        false => marks.hidden,
    };
    let is_hidden = |at: usize| hidden::covers(&hidden, at);
    let mut found: Vec<(usize, Opening)> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', source.as_bytes()).count() + 1);
    // `Note: …` or `PS: …` goes on with the turn it is in, unless `roles:` names it.
    let speaks = |o: &Opening| !is_note_word(o.label) || opts.roles.knows(o.label);
    found.extend(
        lines(source)
            .filter(|l| !is_hidden(l.start))
            .filter_map(|l| {
                opening(l.text, l.start)
                    .filter(speaks)
                    .map(|o| (l.start, o))
            }),
    );
    let spoken = lines(source)
        .filter(|l| !is_hidden(l.start) && !is_blank(l.text))
        .count();
    let all_labelled = found.len() == spoken;
    let openings: Vec<(usize, Opening)> = if is_dialogue(&found, all_labelled, &opts.roles) {
        found
    } else {
        Vec::new()
    };
    let mut turns = Vec::with_capacity(openings.len() + 1);
    let first_line = openings.first().map_or(source.len(), |(at, _)| *at);
    let preamble = trimmed(source, 0, first_line);
    if !preamble.is_empty() {
        // Text before the first label (a title, a call header) speaks for nobody.
        let role = if openings.is_empty() {
            opts.default_role
        } else {
            Role::System
        };
        turns.push(Turn::new(role, None, preamble));
    }
    let mut timeline = Timeline::new(openings.iter().filter_map(|(_, o)| o.stamp));
    let mut speakers = Speakers::default();
    for (i, (_, o)) in openings.iter().enumerate() {
        let end = openings.get(i + 1).map_or(source.len(), |(at, _)| *at);
        let (role, name) = speakers.get(o.label, &opts.roles);
        let mut turn = Turn::new(role, Some(name), trimmed(source, o.text_start, end));
        if let Some(stamp) = o.stamp {
            (turn.start_ms, turn.end_ms) = timeline.place(stamp);
        }
        turns.push(turn);
    }
    hidden::hide(&mut turns, &hidden, source);
    (Transcript { id: None, turns }, marks.directives)
}

/// `start..end` of `source` without surrounding whitespace.
fn trimmed(source: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let s = &source[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return start..start;
    }
    start + lead..end - trail
}

/// Whether the labelled lines make a dialogue: a known role alias among the labels, at least two
/// distinct labels each used more than once, or (a short exchange, `Sarah: …` / `Bob: …`) at least
/// two distinct labels opening every line. A script's lone "Note:" line stays text.
fn is_dialogue(openings: &[(usize, Opening)], all_labelled: bool, roles: &Roles) -> bool {
    // Few distinct labels per file: a list beats a hash map.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, o) in openings {
        match counts.iter_mut().find(|(l, _)| *l == o.label) {
            Some((_, n)) => *n += 1,
            None => counts.push((o.label, 1)),
        }
    }
    counts.iter().any(|(l, _)| roles.knows(l))
        || counts.iter().filter(|(_, n)| *n > 1).count() >= 2
        || (all_labelled && counts.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turns(src: &str) -> Vec<(Role, Option<String>, Option<u64>, String)> {
        parse(src, &ParseOptions::default(), false)
            .0
            .turns
            .iter()
            .map(|t| {
                (
                    t.role,
                    t.speaker.as_deref().map(str::to_string),
                    t.start_ms,
                    t.text(src).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn labels_in_any_case_with_continuations() {
        let t = turns("AGENT: Hello there\nhow are you?\ncustomer: fine\n\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].0, Role::Agent);
        assert_eq!(t[0].3, "Hello there\nhow are you?");
        assert_eq!(t[1].0, Role::Customer);
        assert_eq!(t[1].3, "fine");
    }

    #[test]
    fn a_note_in_a_turn_is_no_speaker() {
        let t = turns("Agent: I will check.\nNote: that is not my department\nCustomer: ok\n");
        assert_eq!(t.len(), 2);
        assert_eq!(
            (t[0].0, t[0].3.as_str()),
            (
                Role::Agent,
                "I will check.\nNote: that is not my department"
            )
        );
    }

    #[test]
    fn timestamps_before_or_after_labels() {
        let t = turns("[00:01:02] Agent: hi\n00:01:05 Customer: yo\nAgent [00:02:00]: bye");
        assert_eq!(
            t.iter().map(|t| t.2).collect::<Vec<_>>(),
            [Some(62_000), Some(65_000), Some(120_000)]
        );
        assert_eq!(t[2].3, "bye");
    }

    #[test]
    fn dates_and_times_open_turns_and_count_from_the_first() {
        let t = turns(
            "[2024-05-01 10:00:00] Customer: my card was charged twice\n\
             [2024-05-01 10:00:07] Agent: let me fix that\n\
             2024-05-01 10:01:00 Customer: thanks\n\
             2024-05-01T10:01:30Z Agent: done\n\
             Agent [2024-05-01 10:02:00+00:00]: anything else?",
        );
        assert_eq!(
            t.iter().map(|t| (t.0, t.2)).collect::<Vec<_>>(),
            [
                (Role::Customer, Some(0)),
                (Role::Agent, Some(7_000)),
                (Role::Customer, Some(60_000)),
                (Role::Agent, Some(90_000)),
                (Role::Agent, Some(120_000)),
            ]
        );
        assert_eq!(t[1].3, "let me fix that");
        assert_eq!(t[4].3, "anything else?");
        // A date alone is no stamp: the line stays text of the turn before.
        let t = turns("Agent: hi\n2024-05-01 was the day\nCustomer: ok");
        assert_eq!(t[0].3, "hi\n2024-05-01 was the day");
    }

    #[test]
    fn hours_and_minutes_twelve_hour_times_and_clocks_after_a_date() {
        let m = 60_000;
        let starts = |src: &str| turns(src).iter().map(|t| t.2).collect::<Vec<_>>();
        assert_eq!(
            starts(
                "[2024-05-01 10:00] Customer: hi\n[2024-05-01 10:05] Agent: a\n[2024-05-01 11:00] Agent: b"
            ),
            [Some(0), Some(5 * m), Some(60 * m)]
        );
        // A clock after a date is a time of that day.
        assert_eq!(
            starts(
                "[2024-05-01 10:00:00] Agent: hi\n[10:00:30] Customer: hello\n[2024-05-01 10:01:00] Agent: ok"
            ),
            [Some(0), Some(30_000), Some(m)]
        );
        let t = turns(
            "2024-05-01 11:59:00 AM Customer: am\n2024-05-01 12:01:00 PM Agent: pm\n[1:00 PM] Agent: later",
        );
        assert_eq!(
            t.iter()
                .map(|t| (t.0, t.1.as_deref(), t.2))
                .collect::<Vec<_>>(),
            [
                (Role::Customer, Some("Customer"), Some(0)),
                (Role::Agent, Some("Agent"), Some(2 * m)),
                (Role::Agent, Some("Agent"), Some(61 * m)),
            ]
        );
        // A long label before a dated stamp still opens a turn.
        let t =
            turns("Agent: hi\nSenior Customer Support Agent [2024-05-01 10:00:00+02:00]: dated");
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].3, "dated");
    }

    #[test]
    fn spans_give_end_times() {
        let src = "[00:00:01-00:00:05] Agent: hi\n[00:00:06 --> 00:00:09] Customer: yo\nAgent [00:00:10–00:00:12]: bye\nAgent: ok";
        let (t, _) = parse(src, &ParseOptions::default(), false);
        let times: Vec<_> = t.turns.iter().map(|t| (t.start_ms, t.end_ms)).collect();
        assert_eq!(
            times,
            [
                (Some(1_000), Some(5_000)),
                (Some(6_000), Some(9_000)),
                (Some(10_000), Some(12_000)),
                (None, None)
            ]
        );
    }

    #[test]
    fn unlabelled_text_is_one_turn_of_the_default_role() {
        let src = "# Refund script\n\nNote: be kind.\nThank you for calling.\n";
        let t = turns(src);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, Role::Agent);
        assert_eq!(t[0].3, src.trim());
    }

    #[test]
    fn markdown_bold_labels_and_preamble() {
        let t = turns("# Call 12\n\n**Agent:** hi\n- **Customer**: hello\n");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].0, Role::System);
        assert_eq!((t[1].0, t[1].3.as_str()), (Role::Agent, "hi"));
        assert_eq!((t[2].0, t[2].3.as_str()), (Role::Customer, "hello"));
    }

    #[test]
    fn unknown_names_open_turns_in_a_dialogue() {
        let t = turns("Sarah: hi\nBob: hey\nSarah: ok\nBob: bye\n");
        assert_eq!(t.len(), 4);
        assert!(t.iter().all(|t| t.0 == Role::Unknown));
        let t = turns("Sarah: hi\nAgent: hey\n");
        assert_eq!(t.len(), 2);
        // Two names once each, every line labelled: two speakers, not one agent's text.
        let t = turns("Sarah: hi there\nBob: fine\n");
        assert_eq!(t.len(), 2);
        assert!(t.iter().all(|t| t.0 == Role::Unknown));
        // A note in a script's prose stays the script's text.
        assert_eq!(
            turns("Note: be kind\nSay hello first.\nTip: smile\n").len(),
            1
        );
    }

    #[test]
    fn labels_are_a_letter_then_up_to_four_words() {
        assert!(is_label("Agent"));
        assert!(is_label("Dr. Jane  O'Neil-Smith #2"));
        assert!(is_label("Ágata"));
        assert!(!is_label("a b c d e"));
        assert!(is_label("a  b c  d "));
        assert!(!is_label("1st agent"));
        assert!(!is_label(""));
        assert!(!is_label("Agent/Bot"));
        assert!(!is_label("Agent\tBot"));
    }

    #[test]
    fn urls_and_times_in_text_are_not_labels() {
        let t = turns("Agent: see https://x.org at 10:30 today\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].3, "see https://x.org at 10:30 today");
    }
}
