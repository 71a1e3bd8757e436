//! The text of a caption cue, split where its speaker changes. One cue may hold several speakers
//! (several `<v Name>` voice spans are valid WebVTT; SRT and SBV captioners write `Name:` lines),
//! and a cue read whole as its first speaker's would give the others' words to that speaker.

use super::label_names::is_name_label;
use super::label_words::names_no_speaker;
use super::markup::entity;
use super::text::{bare_label, past_marks, unseen};
use crate::transcript::Decoded;
use crate::transcript::roles::Roles;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// A cue payload's lines as (1-based number, start offset, text).
pub(super) type Lines<'a> = [(usize, usize, &'a str)];

/// One speaker's part of a cue: the speaker (if named, its entities decoded) and the text, markup
/// stripped.
pub(super) type Part<'a> = (Option<Cow<'a, str>>, Decoded);

/// Which `Name:` labels that open a cue's later line name its next speaker: a role word (as on
/// any line) or a name the file gives a speaker elsewhere, at the start of a cue or in a voice
/// span. Any other `Name:` there (`Note: it ships today`) is what the speaker says. The names are
/// gathered from the file only when a later line asks: most cues are one line.
pub(super) struct Labels<'a, 'p> {
    roles: &'a Roles,
    /// The payload lines of every cue, and each cue's range of them.
    payloads: &'p Lines<'a>,
    cues: &'p [Range<usize>],
    seen: OnceCell<FxHashSet<&'a str>>,
}

impl<'a, 'p> Labels<'a, 'p> {
    /// The labels of a file whose cues hold `payloads[range]` for each range of `cues`.
    pub(super) fn new(roles: &'a Roles, payloads: &'p Lines<'a>, cues: &'p [Range<usize>]) -> Self {
        Labels {
            roles,
            payloads,
            cues,
            seen: OnceCell::new(),
        }
    }

    /// Whether `name`, the label of a later line of a cue, names a speaker.
    fn names_speaker(&self, name: &str) -> bool {
        self.roles.knows(name)
            || (self.seen.get_or_init(|| self.names()).contains(name) && !names_no_speaker(name))
    }

    /// The names the file's cues give speakers: at a cue's start and in voice spans.
    fn names(&self) -> FxHashSet<&'a str> {
        let mut seen = FxHashSet::default();
        for range in self.cues {
            let lines = &self.payloads[range.clone()];
            if let Some(&(_, _, first)) = lines.first()
                && let Some((name, _)) = name_prefix(first)
            {
                seen.insert(name);
            }
            for &(_, _, line) in lines {
                seen.extend(voices(line));
            }
        }
        seen
    }
}

/// The names of the voice spans (`<v Name>`, `<v.loud Name>`) in `line`.
fn voices(line: &str) -> impl Iterator<Item = &str> {
    line.split('<')
        .skip(1)
        .filter_map(|tag| voice(tag.split('>').next()?))
}

/// The speaker a tag (what is between `<` and `>`) names, if it is a voice span's.
fn voice(tag: &str) -> Option<&str> {
    let voice = tag
        .strip_prefix('v')
        .filter(|t| t.starts_with([' ', '.']))?;
    let name = voice.split_once(' ').map_or("", |(_, n)| n).trim();
    (!name.is_empty()).then_some(name)
}

/// `name`, a voice span's, with its entities decoded as the cue's text is (`<v jane&#64;…>`
/// names `jane@…`), so that the speaker reads as the captions show it.
fn decoded(name: &str) -> Cow<'_, str> {
    if !name.contains('&') {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (text, len) = entity(rest).unwrap_or((Cow::Borrowed("&"), 1));
        out.push_str(&text);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The parts of a cue built so far: those done, and the one being written, with the joining
/// space owed to it when a line break parts its text from what comes next.
struct Builder<'a> {
    done: Vec<Part<'a>>,
    speaker: Option<Cow<'a, str>>,
    text: Decoded,
    space_at: Option<usize>,
}

impl<'a> Builder<'a> {
    /// Makes `name` the speaker of what follows: a new part, unless the current one is theirs or
    /// holds no text yet.
    fn speaker(&mut self, name: Cow<'a, str>) {
        if self.speaker.as_ref() == Some(&name) {
            return;
        }
        if !self.text.text.trim().is_empty() {
            let text = std::mem::take(&mut self.text);
            self.done.push((self.speaker.take(), text));
        } else {
            self.text = Decoded::default();
        }
        self.speaker = Some(name);
        self.space_at = None;
    }

    /// The joining space owed, if any text precedes it in the part.
    fn space(&mut self) {
        if let Some(at) = self.space_at.take()
            && !self.text.text.is_empty()
        {
            self.text.push_replacement(" ", at);
        }
    }

    fn verbatim(&mut self, text: &str, at: usize) {
        self.space();
        self.text.push_verbatim(text, at);
    }

    /// Text the source bytes `at` spell otherwise (an entity): a match that ends in it ends
    /// where they do.
    fn respelled(&mut self, text: &str, at: Range<usize>) {
        self.space();
        self.text.push_respelled(text, at);
    }

    fn finish(mut self) -> Vec<Part<'a>> {
        self.done.push((self.speaker, self.text));
        self.done
    }
}

/// The parts of a cue payload, markup stripped and entities decoded: a new part starts where a
/// `<v Name>` voice span or a `Name:` label (see [`Labels`]) names another speaker; the lines of a
/// part are joined by spaces.
pub(super) fn parts<'a>(lines: &Lines<'a>, labels: &Labels) -> Vec<Part<'a>> {
    let mut out = Builder {
        done: Vec::new(),
        speaker: None,
        text: Decoded::default(),
        space_at: None,
    };
    // Dialogue dashes part speakers only where each dashed line names its speaker: a dashed line
    // of no label (`- Please calm down.`) is another speaker's too, whom none names, and the
    // cue is then read as one part, as without dashes.
    // Asked of every caption line: a look at its first byte first.
    let dashed = |line: &str| {
        matches!(line.as_bytes().first(), Some(b'-' | 0xE2)) && undashed(line).len() < line.len()
    };
    let mut dashed_lines = (lines.iter())
        .filter(|&&(_, _, line)| dashed(line))
        .peekable();
    let dashes_named = dashed_lines.peek().is_some()
        && dashed_lines.all(|&(_, _, line)| name_prefix(unformatted(undashed(line))).is_some());
    for (k, &(_, at, line)) in lines.iter().enumerate() {
        let mut rest = line;
        let mut pos = at;
        if k > 0 {
            out.space_at = Some(at);
        }
        // A label inside the cue's formatting (`<i>Customer: …</i>`, `{\an8}Agent: …`), or
        // after a dialogue dash (`- Customer: …`, as captioners part two speakers in one cue),
        // is read as one outside it; the tags and the dash before it say nothing.
        let lead = unformatted(line);
        let labelled = match dashes_named && dashed(lead) {
            true => unformatted(undashed(lead)),
            false => lead,
        };
        if !labelled.starts_with('<')
            && let Some((name, after)) = name_prefix(labelled)
            && (k == 0 || labels.names_speaker(name))
        {
            out.speaker(Cow::Borrowed(name));
            pos += line.len() - after.len();
            rest = after;
        }
        while !rest.is_empty() {
            if let Some(stripped) = rest.strip_prefix('<') {
                let Some(close) = stripped.find('>') else {
                    out.verbatim(rest, pos);
                    break;
                };
                if let Some(name) = voice(&stripped[..close]) {
                    out.speaker(decoded(name));
                }
                pos += close + 2;
                rest = &stripped[close + 1..];
                continue;
            }
            if rest.starts_with('&')
                && let Some((c, len)) = entity(rest)
            {
                out.respelled(&c, pos..pos + len);
                pos += len;
                rest = &rest[len..];
                continue;
            }
            let plain =
                memchr::memchr2(b'<', b'&', rest.as_bytes()).map_or(rest.len(), |n| n.max(1));
            out.verbatim(&rest[..plain], pos);
            pos += plain;
            rest = &rest[plain..];
        }
    }
    out.finish()
}

/// A `Name:` prefix of at most four words at the start of a caption line.
fn name_prefix(line: &str) -> Option<(&str, &str)> {
    // A name is at most 40 bytes, with spaces around it: the colon comes early or not at all.
    let head = &line.as_bytes()[..line.len().min(48)];
    let colon = memchr::memchr(b':', head)?;
    // Bidi marks and isolates may stand around the name and after the colon (`\u{2068}Agent\u{2069}:`).
    let name = bare_label(&line[..colon]);
    // Tags that close the label's formatting may stand before the space (`Agent:</font> Hi`).
    let mut after = &line[colon + 1..];
    while let Some(close) = after.strip_prefix("</").and_then(|t| t.find('>')) {
        after = &after[close + 3..];
    }
    let spaced = past_marks(after).starts_with(' ');
    let ok = !name.is_empty() && name.len() <= 40 && is_name_label(name) && spaced;
    ok.then(|| (name, after.trim_start_matches(unseen)))
}

/// `line` without the dialogue dash that opens it (`-`, `–` or `—`, and the spaces after it), if
/// any.
fn undashed(line: &str) -> &str {
    (line.strip_prefix('-'))
        .or_else(|| line.strip_prefix('–'))
        .or_else(|| line.strip_prefix('—'))
        .map_or(line, str::trim_start)
}

/// `line` without the formatting that opens it (see [`formatting_lead`]).
fn unformatted(line: &str) -> &str {
    &line[formatting_lead(line)..]
}

/// How many bytes of formatting open `line`: tags such as `<i>`, `<b>`, `<u>`, `<c.yellow>` or
/// `<font color="…">`, and SubRip's `{\an8}` placements; not a voice tag (`<v Name>`), which
/// names the speaker.
fn formatting_lead(line: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let formatting = ["<i>", "<b>", "<u>", "<c.", "<c>", "<font"]
            .iter()
            .any(|tag| rest.starts_with(tag))
            || rest.starts_with("{\\");
        let close = if rest.starts_with('{') { '}' } else { '>' };
        match (formatting, rest.find(close)) {
            (true, Some(end)) => at += end + 1,
            _ => return at,
        }
    }
}
