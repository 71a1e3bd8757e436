//! Lists of messages, the shape most JSON transcripts share: chat JSON and JSONL, and the turn
//! lists of Connect/Contact Lens, Call Analytics, CCAI, PCA, Whisper, Deepgram and AssemblyAI
//! utterances, Twilio. A message names its speaker in `role`/`speaker`/`author`/`sender`/`from`/
//! `name`/`user` (a string or an object with `name`/`role`) and its text in `text`/`content`/
//! `message`/`body`/`utterance`. Messages without text (typing events, joins) are skipped. Text
//! keeps its position in the file, escapes included, so findings point at the right column.

use super::backward_ends::drop_backward_ends;
use super::json_text::{Clock, Unit, error_in, in_time_order, label};
use super::jsonl::{Grouping, LineKind, Runs};
use super::markup::strip_html;
use super::message::Message;
use super::message_label;
use super::message_text::message_text;
use super::message_times::{TimeSource, Times, one_clock, times};
use super::speech_words::speakers_by_channel;
use super::unread_times::Unread;
use crate::text::lines::LineCursor;
use crate::transcript::{ParseError, ParseOptions, Role, Sentiment, Transcript, Turn, TurnText};
use std::borrow::Cow;
use std::sync::Arc;

/// Who writes a list of messages, which decides the role of one that names no speaker while
/// others do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// A chat system or an export: the message takes the default role, with a warning.
    Chat,
    /// Speech-to-text: the diariser gave the utterance no speaker, so it may be anyone's and is
    /// `unknown` (which the role warning counts); with `--default-role any` it stays `any`.
    /// With `channels`, utterances name their audio channel (Deepgram's multichannel audio),
    /// which tells speakers apart.
    Speech { channels: bool },
}

/// Reads a list of messages (a slice of `source`) into a transcript; bare numbers in time fields
/// are in `unit`. Roles come from labels only: the caller applies [`assign_diarised_roles`](crate::transcript::roles::assign_diarised_roles).
pub fn parse_messages(
    source: &str,
    list: &str,
    unit: Unit,
    writer: Writer,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    read_messages(list, unit, writer, opts, &mut LineCursor::new(source))
}

/// [`parse_messages`] with warnings placed by `lines`, the cursor over the source shared by
/// the file's conversations (a JSONL file's records).
pub(super) fn read_messages(
    list: &str,
    unit: Unit,
    writer: Writer,
    opts: &ParseOptions,
    lines: &mut LineCursor,
) -> Result<Transcript, ParseError> {
    let source = lines.text();
    let mut builder = Builder::new(source, opts, unit);
    builder.writer = writer;
    each_message(source, list, &mut |m| builder.add(m))?;
    let (turns, warnings) = builder.finish(lines);
    Ok(Transcript {
        id: None,
        turns,
        warnings,
        agent_guessed: false,
    })
}

/// Reads a file's top-level list of messages (a slice of `source`): one conversation, or one
/// per run of messages with the same conversation id (see `Message::conversation`), as a JSONL file of
/// messages is read, each with its roles guessed.
pub fn parse_message_list(
    source: &str,
    list: &str,
    unit: Unit,
    opts: &ParseOptions,
) -> Result<Vec<Transcript>, ParseError> {
    let mut grouping = Grouping::default();
    let mut runs = Runs::new(source, opts, unit);
    let mut lines = LineCursor::new(source);
    each_message(source, list, &mut |m| {
        let id = m.conversation();
        // The line of the id's message, worked out only for an error about it.
        let place = |mut e: ParseError| {
            let id_text = m.conversation_fields().into_iter().flatten().next();
            let at = id_text.map_or(0, |t| crate::text::offset_in(source, t));
            e.line = LineCursor::new(source).position(at).0;
            e
        };
        let step = grouping.step(0, LineKind::Message(id)).map_err(place)?;
        runs.add(step, m, &mut lines)
    })?;
    Ok(runs.finish(&mut lines))
}

/// Hands each message of the JSON array `list` (a slice of `source`) to `take` as it is read,
/// never collecting them: a file of a million messages holds only its turns. A message `take`
/// refuses stops the reading with its error.
fn each_message<'s>(
    source: &'s str,
    list: &'s str,
    take: &mut dyn FnMut(&Message) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut de = serde_json::Deserializer::from_str(list);
    let mut failed = None;
    let stream = Stream {
        take,
        failed: &mut failed,
    };
    serde::de::DeserializeSeed::deserialize(stream, &mut de)
        .map_err(|e| failed.take().unwrap_or_else(|| error_in(source, list, &e)))
}

/// Feeds each message of a JSON array to `take` as it is read; a message it cannot take stops
/// the reading, its error kept in `failed`.
struct Stream<'t> {
    take: &'t mut dyn FnMut(&Message) -> Result<(), ParseError>,
    failed: &'t mut Option<ParseError>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Stream<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Stream<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of messages")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(m) = seq.next_element::<Message<'de>>()? {
            if let Err(e) = (self.take)(&m) {
                *self.failed = Some(e);
                return Err(serde::de::Error::custom("a message that cannot be read"));
            }
        }
        Ok(())
    }
}

/// How many speakers' names a [`Builder`] keeps to share.
const SHARED_SPEAKERS: usize = 8;

/// Turns messages into turns, with times relative to the earliest absolute timestamp, in time
/// order.
pub(super) struct Builder<'s> {
    source: &'s str,
    opts: &'s ParseOptions,
    turns: Vec<Turn>,
    clock: Clock,
    /// The unit of bare numbers in `start`/`end`.
    unit: Unit,
    /// The speakers' names so far (a conversation has few).
    speakers: Vec<Arc<str>>,
    /// The times that cannot be read.
    unread: Unread<'s>,
    /// Whether a turn is timed by its words' offsets, and the turns timed by fields of their
    /// own (each turn's index and its first time field's place): one clock is kept.
    by_words: bool,
    own_clock: Vec<(usize, usize)>,
    /// The messages that name no speaker nor role (read as the default role): the first one's
    /// text, where it is in the source, and how many; and whether any message names one.
    unnamed: Option<(usize, usize)>,
    named: bool,
    /// Who wrote the messages: a chat system unless the caller says otherwise.
    writer: Writer,
    /// From speech: each turn whose utterance names its audio channel, and the channel.
    channels: Vec<(usize, String)>,
}

impl<'s> Builder<'s> {
    pub(super) fn new(source: &'s str, opts: &'s ParseOptions, unit: Unit) -> Self {
        Builder {
            source,
            opts,
            turns: Vec::new(),
            clock: Clock::earliest(None),
            unit,
            speakers: Vec::new(),
            unread: Unread::default(),
            by_words: false,
            own_clock: Vec::new(),
            unnamed: None,
            named: false,
            writer: Writer::Chat,
            channels: Vec::new(),
        }
    }

    /// Adds a message's turn; a message without text (a typing event, a sticker) adds none.
    /// Text nested too deep is an error.
    pub(super) fn add(&mut self, m: &Message) -> Result<(), ParseError> {
        if m.item_type.is_some_and(|t| t != "\"MESSAGE\"") {
            return Ok(());
        }
        let Some(raw) = m.text.or(m.transcript) else {
            return Ok(());
        };
        let Some(mut text) = message_text(self.source, raw)? else {
            return Ok(());
        };
        // A Microsoft Graph body of HTML: its tags are no words (`calm<br>down`).
        if raw.starts_with('{') && raw.contains("\"contentType\"") && raw.contains("\"html\"") {
            text = TurnText::Decoded(strip_html(&text, self.source));
        }
        let mut speaker = [m.speaker, m.name, m.participant_id, m.role]
            .into_iter()
            .flatten()
            .find_map(|raw| label(raw, &["name", "display_name", "displayName", "id"]));
        let role_label = [m.role, m.speaker_role, m.participant_id]
            .into_iter()
            .flatten()
            .find_map(|raw| label(raw, &["role", "type"]))
            .or_else(|| m.speaker.and_then(|raw| label(raw, &["role", "type"])));
        // A message that names no speaker may open with its speaker's label (`Customer: …`).
        if speaker.is_none() && role_label.is_none() {
            let said = text.as_str(self.source);
            if let Some((name, at)) = message_label::opening(said, &self.opts.roles) {
                speaker = Some(Cow::Owned(name.to_string()));
                text = message_label::after(text, self.source, at);
            }
        }
        // The role the label names, else the speaker's name, else none.
        let known = |label: &Cow<str>| {
            Some(self.opts.roles.role_of(label)).filter(|&role| role != Role::Unknown)
        };
        let role = role_label
            .as_ref()
            .and_then(known)
            .or_else(|| speaker.as_ref().and_then(known))
            .unwrap_or(match (&role_label, &speaker) {
                (None, None) => self.unnamed_role(),
                _ => Role::Unknown,
            });
        match (&role_label, &speaker) {
            (None, None) => {
                let (_, count) = self.unnamed.get_or_insert((text.source_offset(0), 0));
                *count += 1;
            }
            _ => self.named = true,
        }
        let Times {
            start_ms,
            end_ms,
            clock,
        } = times(m, &mut self.clock, self.unit, self.source, &mut self.unread);
        match clock {
            Some(TimeSource::Words) => self.by_words = true,
            Some(TimeSource::Own(at)) => self.own_clock.push((self.turns.len(), at)),
            None => {}
        }
        if self.writer == (Writer::Speech { channels: true })
            && let Some(channel) = m.channel.and_then(|c| label(c, &[]))
        {
            self.channels.push((self.turns.len(), channel.into_owned()));
        }
        let speaker = speaker.map(|name| self.shared(&name));
        self.turns.push(Turn {
            role,
            speaker,
            start_ms,
            end_ms,
            sentiment: [m.sentiment, m.sentiment_lowercase]
                .into_iter()
                .flatten()
                .find_map(|s| Sentiment::read(s, &self.opts.sentiment))
                .or_else(|| {
                    Sentiment::from_flags(m.sentiment_is_positive?, m.sentiment_is_negative?)
                }),
            text,
        });
        Ok(())
    }

    /// The role of a message that names no speaker nor role, until the others are known: from
    /// speech-to-text, `unknown`, which [`finish`](Self::finish) makes the default role when
    /// no message names one (an undiarised call).
    fn unnamed_role(&self) -> Role {
        match (self.writer, self.opts.default_role) {
            (Writer::Speech { .. }, role) if role != Role::Any => Role::Unknown,
            (_, role) => role,
        }
    }

    /// The speaker `name`, allocated once for all the turns of this conversation (for its
    /// first [`SHARED_SPEAKERS`] speakers: a longer search would cost more than it saves).
    fn shared(&mut self, name: &str) -> Arc<str> {
        if let Some(seen) = self.speakers.iter().find(|s| ***s == *name) {
            return Arc::clone(seen);
        }
        let new: Arc<str> = name.into();
        if self.speakers.len() < SHARED_SPEAKERS {
            self.speakers.push(Arc::clone(&new));
        }
        new
    }

    /// The turns in time order, and the warnings of times that could not be read or put in
    /// order, placed by `lines` (a cursor over the source, shared by the file's conversations so
    /// that it mostly moves forward).
    pub(super) fn finish(mut self, lines: &mut LineCursor) -> (Vec<Turn>, Vec<String>) {
        debug_assert!(std::ptr::eq(lines.text(), self.source));
        self.clock.rebase(&mut self.turns);
        // Speakers named by their channel name speech too: an utterance with neither a
        // speaker nor a channel among them is still no one's.
        let by_channel = speakers_by_channel(&mut self.turns, &self.channels, self.opts);
        if self.writer != Writer::Chat && !self.named && !by_channel {
            self.turns
                .iter_mut()
                .for_each(|t| t.role = self.opts.default_role);
        }
        let unnamed = self.unnamed_warning(lines);
        let mut warnings = self.unread.warnings(lines);
        warnings.extend(one_clock(
            &mut self.turns,
            &self.own_clock,
            self.by_words,
            lines,
        ));
        warnings.extend(unnamed);
        warnings.extend(drop_backward_ends(&mut self.turns, lines));
        warnings.extend(in_time_order(&mut self.turns, lines));
        (self.turns, warnings)
    }

    /// The warning for messages that name no speaker while others do: they take the default
    /// role, which is meant for text with no speakers at all (a script, an undiarised call).
    fn unnamed_warning(&self, lines: &mut LineCursor) -> Option<String> {
        let (first, count) = self
            .unnamed
            .filter(|_| self.named && self.writer == Writer::Chat)?;
        let (line, column) = lines.position(first);
        let more = super::more_like(count - 1, "message");
        Some(format!(
            "line {line}, column {column}: this message names no speaker or role (none of \
             `role`, `speaker`, `author`, `ParticipantRole`, … or a `null` one) where others \
             do: it is read as the {}'s, the role of text with no speakers (--default-role); \
             give it its speaker{more}",
            self.opts.default_role.name()
        ))
    }
}

#[cfg(test)]
#[path = "chat_json_tests.rs"]
mod tests;
