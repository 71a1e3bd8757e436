//! The one internal transcript model every format parser produces: a list of turns, each with a
//! role, an optional speaker name and times, and its text with a map back to the source file.
//! Everything after parsing (matching, rules, reports) sees only this model.

mod decoded;
mod detect;
mod few_map;
pub(crate) mod formats;
pub mod label_key;
#[cfg(test)]
pub(crate) mod robustness;
mod role_advice;
mod role_cues;
mod role_guess;
pub(crate) mod role_words;
pub mod roles;
mod sentiment;

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

pub use decoded::Decoded;
pub use detect::{Format, detect};
pub use formats::directives::{Action, Directive, Directives, RuleName};
pub use roles::{Role, Roles};
pub use sentiment::{Sentiment, Thresholds};

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
    /// Whether the agent was guessed from what two speakers say, as no label or `roles:` names
    /// a role ([`roles::assign_diarised_roles`]): the human summary counts such conversations.
    pub agent_guessed: bool,
}

/// One speaker turn.
#[derive(Debug, Clone)]
pub struct Turn {
    /// Who speaks, as the speaker's label maps to a role.
    pub role: Role,
    /// The label or name the source gives the speaker ("Agent", "Sarah", "spk_0"); shared by
    /// the turns of one speaker.
    pub speaker: Option<Arc<str>>,
    /// Start and end time in milliseconds from the start of the conversation, when known.
    pub start_ms: Option<u64>,
    /// See `start_ms`.
    pub end_ms: Option<u64>,
    /// The sentiment the source gave the turn: its label (AWS Call Analytics, Contact Lens,
    /// Deepgram, AWS PCA's flags), or its score read by [`ParseOptions::sentiment`] (Google
    /// CCAI); `None` when it gives none.
    pub sentiment: Option<Sentiment>,
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

impl TurnText {
    /// The text itself.
    ///
    /// # Panics
    ///
    /// When the text is a range of the source that `source` does not hold: another text than
    /// the one the turn was parsed from.
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

    /// The source offset where text ending at byte `offset` (exclusive) ends.
    pub fn source_end(&self, offset: usize) -> usize {
        match self {
            TurnText::Source(r) => r.start + offset,
            TurnText::Decoded(d) => d.source_end(offset),
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
    pub fn new(role: Role, speaker: Option<Arc<str>>, range: Range<usize>) -> Turn {
        Turn {
            role,
            speaker,
            start_ms: None,
            end_ms: None,
            sentiment: None,
            text: TurnText::Source(range),
        }
    }

    /// The turn's text.
    ///
    /// # Panics
    ///
    /// As [`TurnText::as_str`].
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        self.text.as_str(source)
    }

    /// The source offset of byte `offset` of the turn's text.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.text.source_offset(offset)
    }

    /// The source offset where text ending at byte `offset` (exclusive) of the turn ends.
    pub fn source_end(&self, offset: usize) -> usize {
        self.text.source_end(offset)
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

impl std::error::Error for ParseError {}

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
    /// Which number of a CSV file's slash dates is the day, where the file's own dates do not
    /// show it (`date_order:`, `--date-order`).
    pub date_order: Option<formats::time::SlashOrder>,
    /// Where a numeric sentiment score turns negative or positive (`sentiment:`).
    pub sentiment: Thresholds,
    /// Directives are not read (`--ignore-directives`): their text is still no turn text (SPEC
    /// §8), but none is kept to suppress a finding, and none is warned of.
    pub ignore_directives: bool,
}

impl Default for ParseOptions {
    /// Built-in role aliases; unlabelled text is the agent's (a script).
    fn default() -> Self {
        ParseOptions {
            roles: Roles::default(),
            default_role: Role::Agent,
            date_order: None,
            sentiment: Thresholds::DEFAULT,
            ignore_directives: false,
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
