//! Speaker-labelled plain text (`Agent: …`, `[00:01:02] Customer: …`, `**Agent:** …` in Markdown),
//! with continuation lines joined to their turn. A file with no speaker labels is one turn of the
//! default role: an agent script, a canned reply, a Markdown page.

use super::backward_ends::backward_starts;
use super::dialogue::{Lines, is_dialogue, is_sign_off};
use super::directives::{self, Directives};
use super::field_labels::joins_as_field;
use super::hidden;
use super::label_forms::{emphasis, unbracketed};
use super::label_names::speaker_name;
use super::label_words::names_no_speaker;
use super::lines::lines;
use super::missed_labels::{self, Missed};
use super::otter;
use super::pasted_notices;
use super::preamble;
use super::stamps::{Stamp, Timeline, bracketed_stamp, is_time_shaped, leading_time, stamp};
use super::text_times::{self, TimeFault, Times};
use crate::text::blank::is_blank;
use crate::text::lines::LineCursor;
use crate::transcript::roles::Speakers;
use crate::transcript::{ParseOptions, Role, Roles, Transcript, Turn};
use std::ops::Range;

/// A line that opens a turn: its label, times, and where its text starts.
pub(super) struct Opening<'a> {
    pub(super) label: &'a str,
    pub(super) stamp: Option<Stamp>,
    /// A time the line writes that is none, or a span that ends before it starts.
    fault: Option<Box<TimeFault<'a>>>,
    text_start: usize,
    /// Whether the line is an Otter header, which the file's other lines may turn to text.
    pub(super) otter: bool,
}

/// The longest speaker label considered, in bytes.
pub(super) const MAX_LABEL: usize = 40;

/// The start of `line` a label and its time stamp may take: the label's longest and room for a
/// stamp (`Agent [2024-05-01 10:00:00.000+02:00]:`).
pub(super) fn label_room(line: &str) -> &[u8] {
    &line.as_bytes()[..line.len().min(MAX_LABEL + 32)]
}

/// What a labelled line is: a turn's opening, or a line of its turn whose label names no speaker.
pub(super) enum Labelled<'a> {
    /// The line opens a turn.
    Opens(Opening<'a>),
    /// `Note:`, `PS:`, `Option 1:`, `Step 2:`: the line goes on with the turn it is in.
    Joins,
}

/// What may stand before a label and is not seen: spaces, a byte-order mark, a zero-width space
/// or joiner, a word joiner, a no-break space, narrow too (pasted from chat tools and web pages,
/// `\u{200b}Customer:` reads as `Customer:`), and the bidi marks, embeddings and isolates that
/// right-to-left text puts around a label (`\u{2068}Agent\u{2069}:`, `وكيل\u{200f}:`).
pub(super) const INVISIBLE: [char; 21] = [
    ' ', '\t', '\u{feff}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{00a0}', '\u{202f}',
    '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Whether `c` is one of [`INVISIBLE`]; most characters asked about are ASCII letters.
pub(super) fn invisible(c: char) -> bool {
    match c.is_ascii() {
        true => c == ' ' || c == '\t',
        false => INVISIBLE.contains(&c),
    }
}

/// Whether `c` is not seen: white space, or one of [`INVISIBLE`]'s marks.
pub(super) fn unseen(c: char) -> bool {
    c.is_whitespace() || invisible(c)
}

/// `label` without what is not seen around it (see [`unseen`]); most labels start and end with
/// a letter or digit, and are looked at no further.
pub(super) fn bare_label(label: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    match plain(label.as_bytes().first()) && plain(label.as_bytes().last()) {
        true => label,
        false => label.trim_matches(unseen),
    }
}

/// Whether `after`, the rest of a line after a label's colon, is the text of a turn: the line
/// ends there, or a space comes first, any space (French typography writes `Client\u{a0}:\u{a0}…`
/// with a no-break space, narrow or not, on both sides of the colon). `http://` and `10:30` go
/// on with no space, and are no labels.
fn opens_text(after: &str) -> bool {
    let space = |text: &str| text.is_empty() || text.starts_with(char::is_whitespace);
    space(after) || space(past_marks(after))
}

/// `after`, the rest of a line after a label's colon, past the bidi marks and other invisible
/// characters that are no space (`Agent:\u{200f} hello`).
pub(super) fn past_marks(after: &str) -> &str {
    after.trim_start_matches(|c: char| !c.is_whitespace() && invisible(c))
}

/// The full-width colon (`顧客：`), as Chinese and Japanese text writes a label's colon.
const WIDE_COLON: &str = "\u{ff1a}";

/// Recognises a labelled line in `line` (which starts at byte `at` of the source). A label that
/// names no speaker (`Note:`, `PS:`, `Option 1:`) opens no turn, unless `roles` names it; in
/// `markdown`, a link reference definition (`[agent]: https://…`) opens none either.
fn labelled<'a>(line: &'a str, at: usize, markdown: bool, roles: &Roles) -> Option<Labelled<'a>> {
    // Most lines that open no turn have no colon near their start (0xEF opens a full-width one).
    memchr::memchr2(b':', 0xEF, label_room(line))?;
    let mut rest = line.trim_start_matches(invisible);
    for marker in ["> ", "- ", "* "] {
        rest = rest.strip_prefix(marker).unwrap_or(rest);
    }
    let mut times = Times::default();
    let mut after_tab = false;
    if let Some((lead, r)) = leading_time(rest) {
        times.take(lead.stamp, lead.written);
        // `r` ends the line: the text before it ends with what followed the time.
        after_tab = line[..line.len() - r.len()].ends_with('\t');
        rest = r;
    }
    // Zoom's transcript export: `00:00:05<TAB>Name<TAB>text`.
    let tabbed = after_tab
        .then(|| rest.split_once('\t'))
        .flatten()
        .filter(|(label, _)| speaker_name(label.trim_end(), roles).is_some());
    let (label, after, otter) =
        match tabbed.or_else(|| colon_label(rest, markdown.then_some(roles), &mut times)) {
            Some((label, after)) => (label, after, false),
            None => match otter::header(rest) {
                Some((label, at_time, written, after)) => {
                    times.take(Some(at_time), written);
                    (label, after, true)
                }
                None => {
                    let (label, time, after) = timed_label(rest, roles)?;
                    times.take(stamp(time), time);
                    (label, after, false)
                }
            },
        };
    let label = unbracketed(bare_label(label), markdown.then_some(after), roles);
    let name = speaker_name(label, roles)?;
    let field = || joins_as_field(name, after) && !roles.is_configured(label);
    if (names_no_speaker(name) && !roles.knows(label)) || field() {
        return Some(Labelled::Joins);
    }
    let text_start = at + (line.len() - after.len());
    Some(Labelled::Opens(Opening {
        label,
        stamp: times.stamp,
        fault: times.fault,
        text_start,
        otter,
    }))
}

/// The label before a colon at the start of `rest` (bold or emphasised in Markdown, `**Agent:**`,
/// `*Agent:*`, `_Agent_:`) and the text
/// after the colon; a time after the label (`Agent [00:01:02]:`, or one written as a time that is
/// none, `Agent [00:00:75]:`) goes to `times`. After `:` comes
/// a space (a no-break one too), a tab or the line's end (see [`opens_text`]); after a full-width
/// `：` anything, as Chinese and Japanese write no space.
fn colon_label<'a>(
    rest: &'a str,
    markdown: Option<&Roles>,
    times: &mut Times<'a>,
) -> Option<(&'a str, &'a str)> {
    let (marks, rest) = rest.split_at(emphasis(rest, markdown));
    let colon = label_colon(rest)?;
    let wide = rest.as_bytes()[colon] != b':';
    let mut label = bare_label(&rest[..colon]);
    let mut after = &rest[colon + if wide { WIDE_COLON.len() } else { 1 }..];
    if !marks.is_empty() {
        // `**Agent:**` or `**Agent**:`.
        after = after.strip_prefix(marks).unwrap_or(after);
        label = label.trim_end_matches(['*', '_']);
    }
    // `Agent [00:01:02]:` — a time after the label.
    if let Some(open) = label.bytes().rposition(|b| b == b'[' || b == b'(') {
        let inner = label[open + 1..].trim_end_matches([']', ')']);
        let after_label = bracketed_stamp(inner);
        if after_label.is_some() || is_time_shaped(inner) {
            times.take(after_label, inner);
            label = label[..open].trim_end();
        }
    }
    (wide || opens_text(after)).then_some((label, after))
}

/// A role word `roles` knows with a bare time and a colon after it (`Customer 00:00:05: …`):
/// the label, the time as written and the text after.
fn timed_label<'a>(rest: &'a str, roles: &Roles) -> Option<(&'a str, &'a str, &'a str)> {
    let head = label_room(rest);
    let colon = (0..head.len()).find(|&i| head[i] == b':' && opens_text(&rest[i + 1..]))?;
    let (label, time) = rest[..colon].rsplit_once(' ')?;
    stamp(time).filter(|_| time.starts_with(|c: char| c.is_ascii_digit()))?;
    roles
        .knows(label.trim_end())
        .then_some((label, time, &rest[colon + 1..]))
}

/// The first `:` (or full-width `：`) outside brackets within the label length limit and room for
/// a stamp in brackets (`Agent [00:02:00]:`, `Agent [2024-05-01 10:00:00.000+02:00]:`).
fn label_colon(rest: &str) -> Option<usize> {
    let mut depth = 0u8;
    for (i, b) in rest.bytes().enumerate().take(MAX_LABEL + 40) {
        match b {
            b'[' | b'(' => depth += 1,
            b']' | b')' => depth = depth.saturating_sub(1),
            b':' if depth == 0 => return Some(i),
            0xEF if depth == 0 && rest[i..].starts_with(WIDE_COLON) => return Some(i),
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// Parses speaker-labelled or unlabelled text. Never fails: any text is a transcript. Directive
/// comments, and in `markdown` what a reader does not say (headings, front matter, code blocks,
/// link targets, HTML tags), are left out of the turns, and its character references read as
/// what they stand for; the directives are returned with the transcript,
/// which warns of each line of a dialogue that looks like a label but is not read as one.
pub fn parse(source: &str, opts: &ParseOptions, markdown: bool) -> (Transcript, Directives) {
    let mut marks = directives::find(source);
    if opts.ignore_directives {
        // Found only so that their text stays out of the turns.
        marks.directives = Directives::default();
    }
    let mut parting = Vec::new();
    let hidden = match markdown {
        true => {
            let md = hidden::markdown(source);
            // A directive in code is an example of one, as the page shows it.
            let in_code = |at: usize| hidden::covers(&md.code, at);
            marks.directives.list.retain(|d| !in_code(d.at));
            marks.directives.warnings.retain(|(at, _)| !in_code(*at));
            // A comment or fence never closed hides the rest of the file: said, with where it
            // opens.
            let unclosed = md.unclosed.map(|u| u.warning(source));
            marks.directives.warnings.extend(unclosed);
            marks.directives.warnings.sort_by_key(|(at, _)| *at);
            parting = md.parting;
            hidden::merge(marks.hidden, md.unspoken)
        }
        false => marks.hidden,
    };
    // Each spoken line and how it reads: whether a line is an Otter header depends on the others.
    let mut read: Vec<_> = lines(source)
        .filter_map(|l| hidden::shown(l, &hidden))
        .filter(|l| !is_blank(l.text))
        .map(|l| (l, labelled(l.text, l.start, markdown, &opts.roles)))
        .collect();
    otter::keep_headers(&mut read, &opts.roles);
    pasted_notices::join_pasted(&mut read, &opts.roles);
    let mut found: Vec<(usize, Opening)> = Vec::with_capacity(read.len());
    // Spoken lines, and those of a turn whose label names no speaker (`Step 2:` after `Sarah:`):
    // such a line is as labelled as the turn it joins, so a short exchange stays a dialogue.
    let (mut spoken, mut joined, mut opens_first) = (0, 0, false);
    let (mut text_seen, mut opens_after_text, mut after_last_opening) = (false, false, 0);
    // The last two spoken lines, the later first; whether the first opening follows a sign-off
    // (`Best,`), which matters only where it is the only one.
    let (mut recent, mut signed_off) = (["", ""], false);
    // What a dialogue's lines are warned of, in their order: labels not read, times not read.
    let mut said: Vec<String> = Vec::new();
    // The lines before the first label: no one's turn in a dialogue.
    let mut before = Vec::new();
    for (l, labelled) in read {
        spoken += 1;
        match labelled {
            Some(Labelled::Opens(o)) => {
                opens_first |= spoken == 1;
                opens_after_text |= text_seen;
                after_last_opening = 0;
                if found.is_empty() {
                    signed_off = recent.iter().any(|line| is_sign_off(line));
                }
                said.extend(o.fault.as_ref().map(|f| f.warning(source, l.number)));
                found.push((l.start, o));
            }
            Some(Labelled::Joins) if !found.is_empty() => joined += 1,
            _ => {
                text_seen = true;
                after_last_opening += 1;
                let missed = missed_labels::missed(l, &opts.roles);
                said.extend(missed.as_ref().map(Missed::warning));
                if found.is_empty() {
                    before.push(l);
                }
            }
        }
        recent = [l.text, recent[0]];
    }
    let lines = Lines {
        unlabelled: spoken - found.len() - joined,
        opens_first,
        opens_after_text,
        after_last_opening,
        signed_off,
    };
    let (openings, mut warnings) = if is_dialogue(&found, lines, &opts.roles) {
        (found, said)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut turns = Vec::with_capacity(openings.len() + 1);
    let first_line = openings.first().map_or(source.len(), |(at, _)| *at);
    // A byte-order mark is no text: a file of one alone is empty, as a blank file is.
    let body = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let preamble = trimmed(source, body.min(first_line), first_line);
    if !preamble.is_empty() {
        // Text before the first label (a title, a call header) speaks for nobody.
        let role = if openings.is_empty() {
            opts.default_role
        } else {
            // About the file's first text: first among the warnings, which go in line order.
            warnings.splice(0..0, preamble::warning(&before, source));
            Role::System
        };
        turns.push(Turn::new(role, None, preamble));
    }
    let stamps = openings.iter().filter_map(|(_, o)| o.stamp);
    let mut timeline = Timeline::new(stamps, opts.date_order);
    warnings.extend(text_times::unread_dates(source, &openings, &timeline));
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
    warnings.extend(backward_starts(&turns, &mut LineCursor::new(source)));
    let unsaid = hidden::Unsaid {
        hidden: &hidden,
        parting: &parting,
        references: markdown,
    };
    hidden::hide(&mut turns, &unsaid, source);
    let t = Transcript {
        id: None,
        turns,
        warnings,
        agent_guessed: false,
    };
    (t, marks.directives)
}

/// `start..end` of `source` without surrounding whitespace.
fn trimmed(source: &str, start: usize, end: usize) -> Range<usize> {
    let s = &source[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return start..start;
    }
    start + lead..end - trail
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
