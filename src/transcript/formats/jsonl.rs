//! JSONL: one JSON object per line (SPEC §4, §10). A line is either one message, with the fields
//! of [`chat_json`](super::chat_json), or a whole conversation record (`{"id": …, "messages":
//! […]}`, also `turns` or `transcript`; or a transcript of labelled lines in one string,
//! [`text_record`]). A file holds records or messages, not both.
//!
//! Messages carrying a `conversation_id` (or `call_id`, or another name CSV reads as one: a
//! `chat_id`, `ticket_id`, `session_id`…) split the file into conversations: one
//! ends where the id changes, and an id seen again later is an error. So a stream never holds
//! more than one conversation open, and the same rules ([`Grouping`]) cut standard input into
//! pieces as it streams. A record's id seen again is read, with a warning naming both lines, in
//! a file as in a stream: a report names each conversation by its file and id, and `merge`
//! refuses a report that names one twice.

use super::chat_json::{Writer, read_messages};
use super::json_mistakes;
use super::json_text::{Unit, conversation_id, json_error};
use super::lines::lines;
use super::message::{Message, OTHER_ID_KEYS};
pub(super) use super::message_runs::Runs;
use super::text_record;
use crate::text::lines::LineCursor;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{ParseError, ParseOptions, Transcript};
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// What one JSONL line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// A whole conversation, with its id.
    Record(Option<String>),
    /// One message, of the conversation this id names (if any).
    Message(Option<String>),
    /// A `transcript` string of one labelled line (`{"id": "c-7", "transcript": "Agent: …"}`):
    /// what the file's other lines are, a record of one turn or a message that carries its
    /// speaker in its text; before any, a record when it has an `id` of its own and names no
    /// conversation (as canned replies kept one per line do; a message's `id` stands beside its
    /// `conversation_id`). Such a line does not say what the file holds.
    Either {
        record_id: Option<String>,
        message_id: Option<String>,
        own_id: bool,
    },
}

impl LineKind {
    fn of(m: &Message) -> LineKind {
        let record_id = || {
            let [conversation, call, other] = m.conversation_fields();
            conversation_id([m.id, conversation, call, other])
        };
        if record_messages(m).is_some() || text_record::transcript(m, 2).is_some() {
            LineKind::Record(record_id())
        } else if text_record::transcript(m, 1).is_some() {
            let message_id = m.conversation();
            LineKind::Either {
                record_id: record_id(),
                own_id: m.id.is_some() && message_id.is_none(),
                message_id,
            }
        } else {
            LineKind::Message(m.conversation())
        }
    }

    /// Whether the line is a record, and its id, where the lines so far are records
    /// (`Some(true)`), messages, or none yet.
    pub fn among(self, records: Option<bool>) -> (bool, Option<String>) {
        match self {
            LineKind::Record(id) => (true, id),
            LineKind::Message(id) => (false, id),
            LineKind::Either {
                record_id,
                message_id,
                own_id,
            } => match records.unwrap_or(own_id) {
                true => (true, record_id),
                false => (false, message_id),
            },
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

/// Whether the JSON objects `objects` (a list's items) are records, not messages: as the first
/// that plainly is one or the other says; of one-line transcripts only, as the first one's own
/// `id` says (see [`LineKind::Either`]).
pub(super) fn holds_records<'a>(objects: impl IntoIterator<Item = &'a str>) -> bool {
    let mut first_either = None;
    for json in objects {
        let Ok(m) = Message::read(json) else {
            return false;
        };
        match LineKind::of(&m) {
            LineKind::Either { own_id, .. } => _ = first_either.get_or_insert(own_id),
            kind => return kind.among(None).0,
        }
    }
    first_either.unwrap_or(false)
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
    Message::read(text).map_err(|e| {
        let error = json_error(&e, text, number - 1);
        json_mistakes::trailing_comma(text, &error, number).unwrap_or(error)
    })
}

/// Whether a line has no content (blank lines are allowed anywhere).
pub fn is_blank(text: &str) -> bool {
    crate::text::blank::is_blank(text.trim_start_matches('\u{feff}'))
}

/// What a line does to the conversations being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The line is a conversation of its own, with its id, and the line of an earlier record
    /// with the same id, if any.
    Record {
        id: Option<String>,
        again: Option<usize>,
    },
    /// The line begins a conversation of messages, with this id.
    Begin(Option<String>),
    /// The line continues the open conversation.
    Continue,
}

/// Groups the lines of one file or stream into conversations, line by line, remembering only
/// what the checks need: whether the file holds records or messages, the open conversation's
/// id, and a 64-bit hash of each id already closed (with its line, for a record's).
#[derive(Debug, Default)]
pub struct Grouping {
    /// Whether the lines are records, and the first line that said so.
    mode: Option<(bool, usize)>,
    /// The open conversation of messages, with its id.
    open: Option<Option<String>>,
    /// The ids of the conversations of messages begun so far, each with the line it began at.
    seen: HashMap<u64, usize>,
    /// The ids of the records read so far, each with the line that had it first.
    records: HashMap<u64, usize>,
    hasher: RandomState,
}

impl Grouping {
    /// The step line `number` of kind `kind` takes, or why the file is wrong there.
    pub fn step(&mut self, number: usize, kind: LineKind) -> Result<Step, ParseError> {
        // A one-line transcript is what the file's other lines are; before any, as its own `id`
        // says. It says nothing of what the file holds.
        let says = !matches!(kind, LineKind::Either { .. });
        let (records, id) = kind.among(self.mode.map(|(records, _)| records));
        let (mode, first) = match self.mode {
            Some(mode) => mode,
            None if says => *self.mode.insert((records, number)),
            None => (records, number),
        };
        if mode != records {
            let (this, those) = if records {
                (
                    "a whole conversation (a `messages` list, or a `transcript` of labelled \
                     lines)",
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
        if records {
            // A conversation of messages before it (of lines that said nothing) ends here.
            self.open = None;
            let again = id.as_deref().and_then(|id| {
                let hash = self.hasher.hash_one(id);
                let first = *self.records.entry(hash).or_insert(number);
                let begun = self.seen.get(&hash).copied();
                begun.or((first != number).then_some(first))
            });
            return Ok(Step::Record { id, again });
        }
        match (&self.open, id) {
            (Some(_), None) => Ok(Step::Continue),
            (Some(Some(open)), Some(id)) if *open == id => Ok(Step::Continue),
            (_, Some(id)) => {
                let hash = self.hasher.hash_one(&id);
                if let Some(&record) = self.records.get(&hash) {
                    return Err(ParseError::at(
                        number,
                        1,
                        format!(
                            "conversation `{id}` is the id of the record on line {record} too: \
                             give each conversation an id of its own (a report names a \
                             conversation by its file and id, and `merge` refuses two)"
                        ),
                    ));
                }
                if self.seen.contains_key(&hash) {
                    return Err(ParseError::at(
                        number,
                        1,
                        format!(
                            "conversation `{id}` appears again after another one began: write \
                             each conversation's messages on consecutive lines (sort by \
                             the conversation id)"
                        ),
                    ));
                }
                self.seen.insert(hash, number);
                self.open = Some(Some(id.clone()));
                Ok(Step::Begin(Some(id)))
            }
            (None, None) => {
                self.open = Some(None);
                Ok(Step::Begin(None))
            }
        }
    }

    /// The conversation id that line `text`, which cannot be read, still shows, when it names
    /// another conversation than the open one of messages: the line is that conversation's if
    /// it begins at the next line read, and never the open one's.
    pub fn other_id<'t>(&self, text: &'t str) -> Option<&'t str> {
        let id = raw_conversation_id(text)?;
        match &self.open {
            Some(Some(open)) if open == id => None,
            _ => Some(id),
        }
    }
}

/// The value of a line's conversation id (as `Message::conversation` chooses it), found in its
/// raw text, as [`conversation_id`] reads it: a string without escapes, or a number as written.
fn raw_conversation_id(text: &str) -> Option<&str> {
    // As `Message` reads them: `conversation_id`, else `call_id`, else the first written of
    // the other names.
    let at = |key: &&str| {
        text.find(&format!("\"{key}\""))
            .map(|at| at + key.len() + 2)
    };
    let first = ["conversation_id", "conversationId", "call_id", "callId"]
        .iter()
        .find_map(at);
    let key = first.or_else(|| OTHER_ID_KEYS.iter().filter_map(at).min())?;
    let value = text[key..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(string) = value.strip_prefix('"') {
        let end = string.find(['"', '\\'])?;
        return string[end..].starts_with('"').then_some(&string[..end]);
    }
    let number = |c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E');
    let end = value.find(|c: char| !number(c)).unwrap_or(value.len());
    (end > 0).then_some(&value[..end])
}

/// The warning of a record on line `number` whose `id` the conversation on line `first` had: a
/// report names a conversation by its file and id, and `merge` refuses two.
pub fn record_again(number: usize, id: &str, first: usize) -> String {
    format!(
        "line {number}, column 1: conversation `{id}` again: the conversation on line {first} \
         has the same id; give each conversation record an id of its own (a report names a \
         conversation by its file and id, and `merge` refuses two)"
    )
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
            let (id, again) = match grouping.step(line.number, LineKind::of(&m))? {
                Step::Record { id, again } => (id, again),
                step => return runs.add(step, &m, &mut cursor),
            };
            runs.close(&mut cursor);
            let mut t = record(&m, opts, &mut cursor)?;
            if let (Some(id), Some(first)) = (&id, again) {
                t.warnings.push(record_again(line.number, id, first));
            }
            t.id = id;
            runs.done.push(t);
            Ok(())
        });
        match read {
            Ok(()) => read_any = true,
            Err(e) => {
                runs.left_out(line.number, grouping.other_id(line.text));
                unread.push(e);
            }
        }
    }
    if !read_any && !unread.is_empty() {
        return Err(unread.swap_remove(0));
    }
    let conversations = runs.finish(&mut cursor);
    if unread.is_empty() && conversations.iter().all(|t| t.turns.is_empty()) {
        let items = lines(source).map(|l| l.text).filter(|l| !is_blank(l));
        if let Some(e) = super::textless::error(source, items) {
            return Err(e);
        }
    }
    Ok((conversations, unread))
}

/// One conversation record, read like a chat JSON file's `{"messages": […]}`, its warnings
/// placed by `cursor`, the file's; its id is the caller's to set.
fn record(
    m: &Message,
    opts: &ParseOptions,
    cursor: &mut LineCursor,
) -> Result<Transcript, ParseError> {
    // A line read as a record holds a list, or a string of one labelled line or more.
    let mut t = match (record_messages(m), text_record::transcript(m, 1)) {
        (Some(list), _) => read_messages(list, Unit::Seconds, Writer::Chat, opts, cursor)?,
        (None, Some(text)) => text_record::read(text, opts, cursor)?,
        (None, None) => Transcript::default(),
    };
    assign_diarised_roles(&mut t, cursor.text());
    Ok(t)
}

#[cfg(test)]
#[path = "jsonl_tests.rs"]
mod tests;
