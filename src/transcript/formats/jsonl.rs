//! JSONL: one JSON object per line (SPEC §4, §10). A line is either one message, with the fields
//! of [`chat_json`](super::chat_json), or a whole conversation record (`{"id": …, "messages":
//! […]}`, also `turns` or `transcript`). A file holds records or messages, not both.
//!
//! Messages carrying a `conversation_id` (or `call_id`) split the file into conversations: one
//! ends where the id changes, and an id seen again later is an error. So a stream never holds
//! more than one conversation open, and the same rules ([`Grouping`]) cut standard input into
//! pieces as it streams. A record's id seen again is an error too: a report names each
//! conversation by its file and id, and `merge` refuses a report that names one twice.

use super::chat_json::{Builder, Writer, read_messages};
use super::json_text::{Unit, conversation_id, json_error};
use super::lines::lines;
use super::message::Message;
use crate::text::lines::LineCursor;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{ParseError, ParseOptions, Transcript};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

/// What one JSONL line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// A whole conversation.
    Record,
    /// One message, of the conversation this id names (if any).
    Message(Option<String>),
}

impl LineKind {
    fn of(m: &Message) -> LineKind {
        if record_messages(m).is_some() {
            LineKind::Record
        } else {
            LineKind::Message(conversation_id([m.conversation_id, m.call_id]))
        }
    }
}

/// A record's message list: `messages` (or `turns`, …) or `transcript`, when it is an array.
fn record_messages<'a>(m: &Message<'a>) -> Option<&'a str> {
    [m.messages, m.transcript]
        .into_iter()
        .flatten()
        .find(|json| json.starts_with('['))
}

/// Reads line `number` (1-based), `text` without its line break, and says what it holds.
pub fn classify(text: &str, number: usize) -> Result<LineKind, ParseError> {
    let m = message(text, number)?;
    Ok(LineKind::of(&m))
}

fn message(text: &str, number: usize) -> Result<Message<'_>, ParseError> {
    let text = text.trim_start_matches('\u{feff}').trim_end();
    if !text.trim_start().starts_with('{') {
        let indent = text.len() - text.trim_start().len();
        let column = text[..indent].chars().count() + 1;
        return Err(ParseError::at(
            number,
            column,
            "expected a JSON object: one message or one whole conversation per line",
        ));
    }
    Message::read(text).map_err(|e| json_error(&e, text, number - 1))
}

/// Whether a line has no content (blank lines are allowed anywhere).
pub fn is_blank(text: &str) -> bool {
    crate::text::blank::is_blank(text.trim_start_matches('\u{feff}'))
}

/// What a line does to the conversations being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The line is a conversation of its own.
    Record,
    /// The line begins a conversation of messages, with this id.
    Begin(Option<String>),
    /// The line continues the open conversation.
    Continue,
}

/// Groups the lines of one file or stream into conversations, line by line, remembering only
/// what the checks need: whether the file holds records or messages, the open conversation's
/// id, and a 64-bit hash of each id already closed.
#[derive(Debug, Default)]
pub struct Grouping {
    /// Whether the lines are records, and the first line that said so.
    mode: Option<(bool, usize)>,
    /// The open conversation of messages, with its id.
    open: Option<Option<String>>,
    seen: HashSet<u64>,
    hasher: RandomState,
}

impl Grouping {
    /// The step line `number` of kind `kind` takes, or why the file is wrong there.
    pub fn step(&mut self, number: usize, kind: LineKind) -> Result<Step, ParseError> {
        let records = kind == LineKind::Record;
        let (mode, first) = *self.mode.get_or_insert((records, number));
        if mode != records {
            let (this, those) = if records {
                (
                    "a whole conversation (a `messages` list)",
                    "single messages",
                )
            } else {
                ("a single message", "whole conversations")
            };
            return Err(ParseError::at(
                number,
                1,
                format!(
                    "{this} after {those} (from line {first}): a JSONL file holds either one \
                     conversation per line or one message per line, not both"
                ),
            ));
        }
        let LineKind::Message(id) = kind else {
            return Ok(Step::Record);
        };
        match (&self.open, id) {
            (Some(_), None) => Ok(Step::Continue),
            (Some(Some(open)), Some(id)) if *open == id => Ok(Step::Continue),
            (_, Some(id)) => {
                if !self.seen.insert(self.hasher.hash_one(&id)) {
                    return Err(ParseError::at(
                        number,
                        1,
                        format!(
                            "conversation `{id}` appears again after another one began: write \
                             each conversation's messages on consecutive lines (sort by \
                             conversation_id)"
                        ),
                    ));
                }
                self.open = Some(Some(id.clone()));
                Ok(Step::Begin(Some(id)))
            }
            (None, None) => {
                self.open = Some(None);
                Ok(Step::Begin(None))
            }
        }
    }
}

/// The ids of a file's conversation records, by a 64-bit hash, each with the line that had it
/// first. A file's only: a stream's memory stays bounded however many records it brings.
#[derive(Default)]
struct RecordIds {
    first: HashMap<u64, usize>,
    hasher: RandomState,
}

impl RecordIds {
    /// The line of an earlier record with `id`, if one had it; else notes that line `number` has.
    fn first_line(&mut self, number: usize, id: &str) -> Option<usize> {
        let first = *self.first.entry(self.hasher.hash_one(id)).or_insert(number);
        (first != number).then_some(first)
    }
}

/// Parses JSONL into its conversations: one per record, or one per run of messages with the
/// same conversation id (one for the whole file when no message has an id). A file without
/// lines holds no conversation. A line that cannot be read is left out, with its error, and the
/// others are read, as a stream's are: one broken line does not lose a file of records. Only
/// when no line can be read is the file an error, its first line's.
pub fn parse(
    source: &str,
    opts: &ParseOptions,
) -> Result<(Vec<Transcript>, Vec<ParseError>), ParseError> {
    let mut grouping = Grouping::default();
    let mut records = RecordIds::default();
    let mut runs = Runs::new(source, opts, Unit::Seconds);
    // One cursor places the warnings of every conversation, in file order.
    let mut cursor = LineCursor::new(source);
    let mut unread = Vec::new();
    let mut read_any = false;
    for line in lines(source) {
        if is_blank(line.text) {
            continue;
        }
        let read = message(line.text, line.number).and_then(|m| {
            let step = grouping.step(line.number, LineKind::of(&m))?;
            if step != Step::Record {
                return runs.add(step, &m, &mut cursor);
            }
            let mut t = record(&m, opts, &mut cursor)?;
            t.id = conversation_id([m.conversation_id, m.id, m.call_id]);
            if let Some(id) = &t.id
                && let Some(first) = records.first_line(line.number, id)
            {
                t.warnings.push(format!(
                    "line {}, column 1: conversation `{id}` again: the record on line {first} \
                     has the same id; give each conversation record an id of its own (a report \
                     names a conversation by its file and id, and `merge` refuses two)",
                    line.number
                ));
            }
            runs.done.push(t);
            Ok(())
        });
        match read {
            Ok(()) => read_any = true,
            Err(e) => {
                runs.left_out(line.number);
                unread.push(e);
            }
        }
    }
    match (read_any, unread.is_empty()) {
        (false, false) => Err(unread.swap_remove(0)),
        _ => Ok((runs.finish(&mut cursor), unread)),
    }
}

/// The conversations of messages read one after another, as [`Grouping`] cuts them: the open
/// one, finished when the next begins (its turns in order, its roles guessed), and those done.
pub(super) struct Runs<'s> {
    source: &'s str,
    opts: &'s ParseOptions,
    unit: Unit,
    open: Option<(Option<String>, Builder<'s>)>,
    /// The lines left out of the open conversation (see [`Runs::left_out`]).
    lost: Vec<usize>,
    pub done: Vec<Transcript>,
}

impl<'s> Runs<'s> {
    pub fn new(source: &'s str, opts: &'s ParseOptions, unit: Unit) -> Self {
        Runs {
            source,
            opts,
            unit,
            open: None,
            lost: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Line `number` could not be read: the open conversation of messages, if any, goes on
    /// without it, and says so.
    pub fn left_out(&mut self, number: usize) {
        if self.open.is_some() {
            self.lost.push(number);
        }
    }

    /// Adds message `m` as `step` says (a conversation of messages begins or goes on); warnings
    /// of the conversation it ends are placed by `cursor`.
    pub fn add(
        &mut self,
        step: Step,
        m: &Message,
        cursor: &mut LineCursor,
    ) -> Result<(), ParseError> {
        if let Step::Begin(id) = step {
            self.close(cursor);
            self.open = Some((id, Builder::new(self.source, self.opts, self.unit)));
        }
        match &mut self.open {
            Some((_, builder)) => builder.add(m),
            None => Ok(()),
        }
    }

    /// Every conversation, the open one finished.
    pub fn finish(mut self, cursor: &mut LineCursor) -> Vec<Transcript> {
        self.close(cursor);
        self.done
    }

    fn close(&mut self, cursor: &mut LineCursor) {
        let Some((id, builder)) = self.open.take() else {
            return;
        };
        let (turns, mut warnings) = builder.finish(cursor);
        let lost = std::mem::take(&mut self.lost);
        warnings.splice(0..0, super::left_out::warning(&lost));
        let mut t = Transcript {
            id,
            turns,
            warnings,
            agent_guessed: false,
        };
        assign_diarised_roles(&mut t, self.source);
        self.done.push(t);
    }
}

/// One conversation record, read like a chat JSON file's `{"messages": […]}`, its warnings
/// placed by `cursor`, the file's; its id is the caller's to set.
fn record(
    m: &Message,
    opts: &ParseOptions,
    cursor: &mut LineCursor,
) -> Result<Transcript, ParseError> {
    let mut t = match record_messages(m) {
        Some(list) => read_messages(list, Unit::Seconds, Writer::Chat, opts, cursor)?,
        None => Transcript::default(),
    };
    assign_diarised_roles(&mut t, cursor.text());
    Ok(t)
}

#[cfg(test)]
#[path = "jsonl_tests.rs"]
mod tests;
