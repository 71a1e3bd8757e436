//! The one internal transcript model every format parser produces: a list of turns, each with a
//! role, an optional speaker name and times, and its text with a map back to the source file.
//! Everything after parsing (matching, rules, reports) sees only this model.

mod detect;
mod few_map;
pub(crate) mod formats;
#[cfg(test)]
pub(crate) mod robustness;
mod role_advice;
mod role_words;
pub mod roles;

use std::fmt;
use std::ops::Range;
use std::rc::Rc;

pub use detect::{Format, detect};
pub use formats::directives::{Action, Directive, Directives, RuleName};
pub use roles::{Role, Roles};

/// One conversation read from a file (a file may hold several, e.g. a CSV with a conversation id).
#[derive(Debug, Default)]
pub struct Transcript {
    /// The conversation's own id, when the format carries one.
    pub id: Option<String>,
    /// In the order spoken.
    pub turns: Vec<Turn>,
    /// What was read in a way the file may not mean, each naming its line: a text line that
    /// looks like a label but is not read as one, a time that cannot be read. Reported with the
    /// conversation, so that nothing is lost silently (SPEC §7).
    pub warnings: Vec<String>,
}

/// One speaker turn.
#[derive(Debug, Clone)]
pub struct Turn {
    /// Who speaks, as the speaker's label maps to a role.
    pub role: Role,
    /// The label or name the source gives the speaker ("Agent", "Sarah", "spk_0"); shared by
    /// the turns of one speaker.
    pub speaker: Option<Rc<str>>,
    /// Start and end time in milliseconds from the start of the conversation, when known.
    pub start_ms: Option<u64>,
    /// See `start_ms`.
    pub end_ms: Option<u64>,
    /// What was said, with its place in the source.
    pub text: TurnText,
}

/// A turn's text: a range of the source when the text stands there verbatim, else decoded text
/// (JSON escapes, stripped markup, joined cues) with a map back to source offsets.
#[derive(Debug, Clone)]
pub enum TurnText {
    /// Bytes of the source, verbatim.
    Source(Range<usize>),
    /// Text that differs from its source bytes.
    Decoded(Decoded),
}

/// Decoded text and where its pieces come from: each piece is (text offset, source offset,
/// kind), sorted by text offset, the first at 0. A verbatim piece stands in the source byte for
/// byte; a replacement (an escape, an entity, a joining space) maps wholly to its source start;
/// a respelling (a Markdown character reference) does too, and also knows where it ends.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    pieces: Vec<(usize, usize, Piece)>,
}

/// How a piece of [`Decoded`] text stands in the source. Four bytes, so that a piece takes no
/// more room than it did as a `bool`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Byte for byte.
    Verbatim,
    /// Spelled differently; where its source ends is not kept (a match that ends in it ends
    /// where it starts, as JSON reports have always placed it).
    Replacement,
    /// Spelled differently in this many source bytes, which an edit of it replaces whole.
    Respelled(u32),
}

impl Decoded {
    /// Appends `text`, which stands verbatim at `source_offset` in the source.
    pub fn push_verbatim(&mut self, text: &str, source_offset: usize) {
        self.pieces
            .push((self.text.len(), source_offset, Piece::Verbatim));
        self.text.push_str(text);
    }

    /// Appends text that stands for the source bytes at `source_offset` but is spelled differently.
    pub fn push_replacement(&mut self, text: &str, source_offset: usize) {
        self.pieces
            .push((self.text.len(), source_offset, Piece::Replacement));
        self.text.push_str(text);
    }

    /// Appends `text`, which the source bytes `source` spell otherwise (`&nbsp;` for a space):
    /// a match that ends in it ends where they do, and an edit may replace them whole.
    pub(crate) fn push_respelled(&mut self, text: &str, source: Range<usize>) {
        let len = u32::try_from(source.len()).unwrap_or(u32::MAX);
        self.pieces
            .push((self.text.len(), source.start, Piece::Respelled(len)));
        self.text.push_str(text);
    }

    /// Appends another decoded text.
    pub fn append(&mut self, other: Decoded) {
        let shift = self.text.len();
        self.pieces
            .extend(other.pieces.into_iter().map(|(t, s, v)| (t + shift, s, v)));
        self.text.push_str(&other.text);
    }

    /// Appends bytes `range` of `from` (a turn text of `source`), keeping their map to the source.
    pub fn push_slice(&mut self, from: &TurnText, source: &str, range: Range<usize>) {
        let d = match from {
            TurnText::Source(r) => {
                let at = r.start + range.start;
                return self.push_verbatim(&source[at..r.start + range.end], at);
            }
            TurnText::Decoded(d) => d,
        };
        let first = d.pieces.partition_point(|p| p.0 <= range.start).max(1) - 1;
        for (i, &(t, s, kind)) in d.pieces.iter().enumerate().skip(first) {
            let end = d.pieces.get(i + 1).map_or(d.text.len(), |p| p.0);
            let (a, b) = (t.max(range.start), end.min(range.end));
            if a >= b {
                if t >= range.end {
                    break;
                }
                continue;
            }
            match kind {
                Piece::Verbatim => self.push_verbatim(&d.text[a..b], s + (a - t)),
                // Part of a respelling is spelled by all its bytes still.
                _ => {
                    self.pieces.push((self.text.len(), s, kind));
                    self.text.push_str(&d.text[a..b]);
                }
            }
        }
    }

    /// The source offset of the first piece.
    pub fn source_start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.1)
    }

    fn source_offset(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|&(t, _, _)| t <= offset);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((t, s, Piece::Verbatim)) => s + (offset - t),
            Some((_, s, _)) => s,
            None => 0,
        }
    }

    /// The source offset just past the text that ends at `offset` (exclusive): stays inside the
    /// piece that holds the last character instead of jumping to where the next piece starts.
    fn source_end(&self, offset: usize) -> usize {
        let Some(last) = self.text[..offset].chars().next_back() else {
            return self.source_offset(0);
        };
        let at = offset - last.len_utf8();
        let i = self.pieces.partition_point(|&(t, _, _)| t <= at);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((t, s, Piece::Verbatim)) => s + (offset - t),
            // A replacement (an escape, an entity, a joining space): end where it starts.
            Some((_, s, Piece::Replacement)) => s,
            Some((_, s, Piece::Respelled(len))) => s + len as usize,
            None => 0,
        }
    }

    /// The source bytes the text `range` stands for when it stands in one run of them: its
    /// pieces verbatim or respelled, each starting where the one before ends, and a respelling
    /// taken whole. `None` when a piece is replaced (an escape, a joining space) or bytes between
    /// two pieces are left out (a comment, markup).
    fn source_run(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self
            .pieces
            .partition_point(|p| p.0 <= range.start)
            .checked_sub(1)?;
        let (mut start, mut next) = (None, 0);
        for (i, &(t, s, kind)) in self.pieces.iter().enumerate().skip(first) {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |p| p.0);
            if t >= range.end {
                break;
            }
            let (a, b) = (t.max(range.start), end.min(range.end));
            // An empty piece counts only inside (`&lrm;` spells nothing, but has bytes).
            if b < a || (a == b && t <= range.start) {
                continue;
            }
            let (from, to) = match kind {
                Piece::Verbatim => (s + (a - t), s + (b - t)),
                // A respelling only whole: a match cannot start or end inside `&nbsp;`.
                Piece::Respelled(len) if a == t && b == end => (s, s + len as usize),
                _ => return None,
            };
            if start.is_some() && from != next {
                return None;
            }
            start.get_or_insert(from);
            next = to;
        }
        Some(start?..next)
    }
}

impl TurnText {
    /// The text itself.
    pub fn as_str<'a>(&'a self, source: &'a str) -> &'a str {
        match self {
            TurnText::Source(r) => &source[r.clone()],
            TurnText::Decoded(d) => &d.text,
        }
    }

    /// The source offset of byte `offset` of the text.
    pub fn source_offset(&self, offset: usize) -> usize {
        match self {
            TurnText::Source(r) => r.start + offset,
            TurnText::Decoded(d) => d.source_offset(offset),
        }
    }

    /// The source bytes the text `range` stands for, when it stands in one run of them (see
    /// [`Decoded`]): what an edit of that text may replace.
    pub(crate) fn source_run(&self, range: Range<usize>) -> Option<Range<usize>> {
        match self {
            TurnText::Source(r) => Some(r.start + range.start..r.start + range.end),
            TurnText::Decoded(d) => d.source_run(range),
        }
    }
}

impl Turn {
    /// A turn whose text is `range` of the source.
    pub fn new(role: Role, speaker: Option<Rc<str>>, range: Range<usize>) -> Turn {
        Turn {
            role,
            speaker,
            start_ms: None,
            end_ms: None,
            text: TurnText::Source(range),
        }
    }

    /// The turn's text.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        self.text.as_str(source)
    }

    /// The source offset of byte `offset` of the turn's text.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.text.source_offset(offset)
    }

    /// The source offset where text ending at byte `offset` (exclusive) of the turn ends.
    pub fn source_end(&self, offset: usize) -> usize {
        match &self.text {
            TurnText::Source(r) => r.start + offset,
            TurnText::Decoded(d) => d.source_end(offset),
        }
    }
}

/// A file that could not be parsed: what is wrong and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line and column (in characters) in the file.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    /// An error at 1-based `line` and `column`.
    pub fn at(line: usize, column: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// What parsers need to know besides the text.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Which speaker labels stand for which role.
    pub roles: Roles,
    /// The role of text that names no speaker.
    pub default_role: Role,
}

impl Default for ParseOptions {
    /// Built-in role aliases; unlabelled text is the agent's (a script).
    fn default() -> Self {
        ParseOptions {
            roles: Roles::default(),
            default_role: Role::Agent,
        }
    }
}

/// What a file held: the format it was read as (a JSON file's shape, e.g. `deepgram`, once
/// recognised) and its conversations.
#[derive(Debug)]
pub struct Parsed {
    /// The format the file was read as (a JSON file's shape once recognised).
    pub format: Format,
    /// The file's conversations, in order.
    pub transcripts: Vec<Transcript>,
    /// Suppression directives (text files only).
    pub directives: Directives,
    /// The lines left out, each with why it could not be read (a JSONL line, a CSV row: one
    /// broken line loses no other conversation).
    pub unread: Vec<ParseError>,
}

impl Parsed {
    /// Conversations of a format without directives (all but text).
    pub(crate) fn of(format: Format, transcripts: Vec<Transcript>) -> Parsed {
        Parsed {
            format,
            transcripts,
            directives: Directives::default(),
            unread: Vec::new(),
        }
    }
}

/// Parses `source` as `format` into one or more transcripts. `Json` recognises the shape of the
/// file (see [`formats::json_shapes`]); a named JSON shape is read as that shape only.
pub fn parse(source: &str, format: Format, opts: &ParseOptions) -> Result<Parsed, ParseError> {
    parse_as(source, format, opts, false)
}

/// [`detect`] and then [`parse_file`] in one, with the format read as. A `.jsonl` file that
/// opens with an object is read as JSONL at once, and only when a line of it fails is its first
/// line checked for a whole object (if it is not one, the file is JSON, as [`detect`] says,
/// unless it is not JSON either and JSONL read some of its lines): reading it as JSONL reads that
/// line, which detection would otherwise read first.
pub fn detect_and_parse(
    source: &str,
    opts: &ParseOptions,
    path: &std::path::Path,
) -> (Format, Result<Parsed, ParseError>) {
    match detect::detect_deferring(path, source) {
        detect::Detected::Format(format) => (format, parse_file(source, format, opts, path)),
        detect::Detected::JsonlIfFirstLineIsAnObject => {
            match parse_file(source, Format::Jsonl, opts, path) {
                read if !read.as_ref().is_ok_and(|p| p.unread.is_empty())
                    && !detect::first_line_is_an_object(source) =>
                {
                    match (parse_file(source, Format::Json, opts, path), read) {
                        // Neither reads it whole: the lines JSONL read are kept.
                        (Err(_), Ok(some)) => (Format::Jsonl, Ok(some)),
                        (json, _) => (Format::Json, json),
                    }
                }
                read => (Format::Jsonl, read),
            }
        }
    }
}

/// As [`parse`], for the file at `path`: text in a `.md` or `.markdown` file is read as
/// Markdown, whose headings, front matter, code blocks and link targets are not spoken.
pub fn parse_file(
    source: &str,
    format: Format,
    opts: &ParseOptions,
    path: &std::path::Path,
) -> Result<Parsed, ParseError> {
    let extension = crate::file_name::extension(path).map(std::ffi::OsStr::as_encoded_bytes);
    let is = |name: &[u8]| extension.is_some_and(|e| e.eq_ignore_ascii_case(name));
    if format == Format::Json
        && is(b"jsonc")
        && let Some(blanked) = formats::jsonc::blank_comments(source)
    {
        return parse_as(&blanked, format, opts, false)
            .map_err(|e| formats::jsonc::error_in_file(source, &blanked, e));
    }
    parse_as(source, format, opts, is(b"md") || is(b"markdown"))
}

fn parse_as(
    source: &str,
    format: Format,
    opts: &ParseOptions,
    markdown: bool,
) -> Result<Parsed, ParseError> {
    let many = |transcripts: Vec<Transcript>| Parsed::of(format, transcripts);
    let one = |t: Transcript| many(vec![t]);
    // Conversations read beside the lines left out (JSONL, CSV).
    let partly = |(transcripts, unread)| Parsed {
        unread,
        ..many(transcripts)
    };
    match format {
        Format::Text => {
            let (t, directives) = formats::text::parse(source, opts, markdown);
            Ok(Parsed {
                directives,
                ..one(t)
            })
        }
        Format::Jsonl => formats::jsonl::parse(source, opts).map(partly),
        Format::Vtt => formats::subtitle::parse_vtt(source, opts).map(one),
        Format::Srt => formats::subtitle::parse_srt(source, opts).map(one),
        Format::Sbv => formats::subtitle::parse_sbv(source, opts).map(one),
        Format::Csv => formats::csv::parse(source, opts).map(partly),
        json => formats::json_shapes::parse(source, json, opts),
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
