//! One chat message's fields, read from a JSON object: by [`flat_json`] when the object is flat
//! (a JSONL line, as most are), else by serde. Both read the keys through [`Message::slot`], so
//! they agree on every name, alias and duplicate.

use super::flat_json;
use super::json_text::conversation_id;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// The fields a message may carry, under the names chat tools and contact-center exports use
/// (Amazon Connect / Contact Lens `Transcript` items, Google CCAI `entries`, AWS PCA
/// `SpeechSegments`, Deepgram `utterances`, Whisper `segments`); anything else is ignored. Each
/// is the JSON text of its value, borrowed from the source; `null` leaves a field unset.
#[derive(Default, Debug, Clone, Copy)]
pub(super) struct Message<'a> {
    pub role: Option<&'a str>,
    pub speaker_role: Option<&'a str>,
    /// Amazon Connect chat items: only `MESSAGE` items are said by someone.
    pub item_type: Option<&'a str>,
    pub speaker: Option<&'a str>,
    /// Amazon Connect's participant: `AGENT`/`CUSTOMER` in call analyses, an id in chats.
    pub participant_id: Option<&'a str>,
    pub name: Option<&'a str>,
    pub text: Option<&'a str>,
    /// Deepgram's utterance text; in a JSONL line, an array is a whole conversation's messages.
    pub transcript: Option<&'a str>,
    /// A JSONL line holding a whole conversation: its messages.
    pub messages: Option<&'a str>,
    /// A conversation record's id (a message's own id is not used).
    pub id: Option<&'a str>,
    /// The conversation a message belongs to, or a record's id.
    pub conversation_id: Option<&'a str>,
    /// See `conversation_id`.
    pub call_id: Option<&'a str>,
    /// The other names of a conversation's id, those CSV reads too ([`OTHER_ID_KEYS`]); of two,
    /// the first written.
    pub other_id: Option<&'a str>,
    pub start: Option<&'a str>,
    pub start_millis: Option<&'a str>,
    pub start_timestamp_usec: Option<&'a str>,
    pub end: Option<&'a str>,
    pub end_millis: Option<&'a str>,
    /// The audio channel of a Deepgram utterance (multichannel audio).
    pub channel: Option<&'a str>,
    /// The words of a speech segment (Google CCAI's `words[]`, with `startOffset`/`endOffset`):
    /// they time a message that has no end of its own.
    pub words: Option<&'a str>,
    /// AWS Call Analytics and Contact Lens label each turn `POSITIVE`, `NEGATIVE`, `NEUTRAL` or
    /// `MIXED` (`Sentiment`); sentiment rules read it (SPEC §2.1).
    pub sentiment: Option<&'a str>,
    /// Deepgram labels each utterance (`sentiment`), and Google CCAI scores each segment
    /// (`sentiment: {score, magnitude}`). A key of its own: a message may carry both keys, and
    /// the first that reads as a sentiment is taken.
    pub sentiment_lowercase: Option<&'a str>,
    /// The AWS Post-Call Analytics parser's flags of a segment's sentiment.
    pub sentiment_is_positive: Option<&'a str>,
    /// See `sentiment_is_positive`.
    pub sentiment_is_negative: Option<&'a str>,
    /// Other tools' spellings of the text, the speaker and the role (`msg`, `sender_name`,
    /// `sentBy`): see [`Message::settle`].
    pub text_other: Option<&'a str>,
    pub speaker_other: Option<&'a str>,
    pub role_other: Option<&'a str>,
}

impl<'a> Message<'a> {
    /// Reads the message object `json` (with whitespace around it, nothing else).
    pub fn read(json: &'a str) -> Result<Message<'a>, serde_json::Error> {
        let mut m = Message::default();
        let mut seen = 0;
        let mut field =
            |key: &str, value| m.slot(key).is_none_or(|f| put(f, value, &mut seen).is_ok());
        if flat_json::fields(json, &mut field).is_some() {
            m.settle();
            return Ok(m);
        }
        serde_json::from_str(json)
    }

    /// The other tools' spellings read where the usual field is missing: the first written of
    /// each kind. In place: the message is a large value, and every message of a file is read.
    fn settle(&mut self) {
        self.text = self.text.or(self.text_other);
        self.speaker = self.speaker.or(self.speaker_other);
        self.speaker_role = self.speaker_role.or(self.role_other);
    }

    /// Whether `key` names a field a message is read by.
    pub fn knows(key: &str) -> bool {
        Message::default().slot(key).is_some()
    }

    /// Whether `key` names a message's text, in any spelling read (or its words, its
    /// transcript, or a record's messages).
    pub fn names_text(key: &str) -> bool {
        let names = |name: &str| matches!(name, "text" | "transcript" | "messages" | "words");
        Message::default()
            .slot(key)
            .is_some_and(|(_, name, _)| names(name))
    }

    /// The field a key names, if any.
    fn slot(&mut self, key: &str) -> Option<Field<'_, 'a>> {
        Some(match key {
            "role" => (1, "role", &mut self.role),
            "speaker_role"
            | "participant_role"
            | "participantRole"
            | "ParticipantRole"
            | "segment_participant"
            | "segmentParticipant" => (1 << 1, "speaker_role", &mut self.speaker_role),
            // Other tools' spellings: each a field of its own, read where the usual one is
            // missing (see [`Message::settle`]), so that a message holding both (`sender` and
            // `sender_name`) is read as before, not refused for a field given twice. The role
            // columns CSV reads, and LivePerson's `sentBy` (`Consumer`, `Agent`).
            "Role" | "sender_type" | "senderType" | "author_type" | "authorType"
            | "participant_type" | "participantType" | "actor_type" | "actorType" | "sentBy" => {
                (ROLE_OTHER, "role", &mut self.role_other)
            }
            "Speaker" | "Author" | "Sender" | "From" | "sender_name" | "senderName"
            | "author_name" | "authorName" => (SPEAKER_OTHER, "speaker", &mut self.speaker_other),
            "Text" | "Message" | "Body" | "msg" => (TEXT_OTHER, "text", &mut self.text_other),
            "Type" => (1 << 2, "Type", &mut self.item_type),
            "speaker" | "author" | "sender" | "from" | "speaker_name" | "DisplayName"
            | "SegmentSpeaker" | "speaker_label" => (1 << 3, "speaker", &mut self.speaker),
            "ParticipantId" => (1 << 4, "ParticipantId", &mut self.participant_id),
            "name" | "user" | "participant" | "user_id" => (1 << 5, "name", &mut self.name),
            "text" | "content" | "message" | "body" | "utterance" | "Content" | "DisplayText" => {
                (1 << 6, "text", &mut self.text)
            }
            "transcript" => (1 << 7, "transcript", &mut self.transcript),
            "messages" | "turns" | "conversation" | "dialog" => {
                (1 << 8, "messages", &mut self.messages)
            }
            "id" => (1 << 9, "id", &mut self.id),
            "conversation_id" | "conversationId" => {
                (1 << 10, "conversation_id", &mut self.conversation_id)
            }
            "call_id" | "callId" => (1 << 11, "call_id", &mut self.call_id),
            // Every other id name ends in `id` or `Id`: most keys no reader knows are passed
            // over at their last two bytes, not 14 comparisons.
            key if (key.ends_with("id") || key.ends_with("Id")) && OTHER_ID_KEYS.contains(&key) => {
                (OTHER_ID, "conversation id", &mut self.other_id)
            }
            "start" | "start_time" | "startTime" | "timestamp" | "time" | "ts" | "created_at"
            | "createdAt" | "datetime" | "AbsoluteTime" | "SegmentStartTime" | "message_time"
            | "messageTime" | "date_created" | "dateCreated" => (1 << 12, "start", &mut self.start),
            "start_millis" | "start_ms" | "startMs" | "offset_ms" | "offsetMs"
            | "BeginOffsetMillis" | "timestamp_ms" | "timestampMs" | "time_ms" | "timeMs"
            | "start_time_ms" | "startTimeMs" | "begin_ms" | "beginMs" | "ts_ms" => {
                (1 << 13, "start_millis", &mut self.start_millis)
            }
            "start_timestamp_usec" => (
                1 << 14,
                "start_timestamp_usec",
                &mut self.start_timestamp_usec,
            ),
            "end" | "end_time" | "endTime" | "SegmentEndTime" => (1 << 15, "end", &mut self.end),
            "end_millis" | "end_ms" | "endMs" | "EndOffsetMillis" | "end_time_ms" | "endTimeMs" => {
                (1 << 16, "end_millis", &mut self.end_millis)
            }
            "words" => (1 << 17, "words", &mut self.words),
            "channel" => (1 << 18, "channel", &mut self.channel),
            "Sentiment" => (1 << 19, "Sentiment", &mut self.sentiment),
            "sentiment" => (1 << 22, "sentiment", &mut self.sentiment_lowercase),
            "SentimentIsPositive" => (
                1 << 20,
                "SentimentIsPositive",
                &mut self.sentiment_is_positive,
            ),
            "SentimentIsNegative" => (
                1 << 21,
                "SentimentIsNegative",
                &mut self.sentiment_is_negative,
            ),
            _ => return None,
        })
    }
}

/// The keys that name a message's conversation besides `conversation_id` and `call_id`, as a
/// CSV file's columns of those names do (a chat tool's `chat_id`, a help desk's `ticket_id`,
/// Amazon Connect's `ContactId`…), in snake and camel case.
pub const OTHER_ID_KEYS: [&str; 14] = [
    "chat_id",
    "chatId",
    "ticket_id",
    "ticketId",
    "contact_id",
    "contactId",
    "ContactId",
    "session_id",
    "sessionId",
    "thread_id",
    "threadId",
    "transcript_id",
    "transcriptId",
    "ConversationId",
];

/// The bit of [`OTHER_ID_KEYS`]' field: a field several keys of a message may fill (a
/// `ticket_id` and a `session_id`), the first kept.
const OTHER_ID: u32 = 1 << 23;
/// The bits of the other spellings' fields, each filled by the first of its keys, as
/// [`OTHER_ID`]'s.
const TEXT_OTHER: u32 = 1 << 24;
const SPEAKER_OTHER: u32 = 1 << 25;
const ROLE_OTHER: u32 = 1 << 26;
/// The fields several keys may fill, the first kept.
const FIRST_KEPT: u32 = OTHER_ID | TEXT_OTHER | SPEAKER_OTHER | ROLE_OTHER;

impl Message<'_> {
    /// The id of the conversation a message belongs to: its `conversation_id`, else `call_id`,
    /// else one of [`OTHER_ID_KEYS`].
    pub fn conversation(&self) -> Option<String> {
        conversation_id(self.conversation_fields())
    }

    /// The raw JSON of the fields [`Message::conversation`] reads, in its order.
    pub fn conversation_fields(&self) -> [Option<&str>; 3] {
        [self.conversation_id, self.call_id, self.other_id]
    }
}

/// A field [`Message::slot`] found: its bit among the fields, its name, and its value.
type Field<'m, 'a> = (u32, &'static str, &'m mut Option<&'a str>);

/// Sets `field` to the JSON text `value` (`null` leaves it unset); `Err` with the field's name
/// when `seen` says it was given before, under this name or another.
fn put<'a>(
    (bit, name, slot): Field<'_, 'a>,
    value: &'a str,
    seen: &mut u32,
) -> Result<(), &'static str> {
    if *seen & bit != 0 {
        return if bit & FIRST_KEPT != 0 {
            Ok(())
        } else {
            Err(name)
        };
    }
    *seen |= bit;
    *slot = (value != "null").then_some(value);
    Ok(())
}

impl<'de> de::Deserialize<'de> for Message<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MessageVisitor)
    }
}

struct MessageVisitor;

impl<'de> Visitor<'de> for MessageVisitor {
    type Value = Message<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a message object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Message<'de>, A::Error> {
        let mut m = Message::default();
        let mut seen = 0;
        while let Some(Key(key)) = map.next_key()? {
            let Some(field) = m.slot(&key) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let value: &'de RawValue = map.next_value()?;
            put(field, value.get(), &mut seen).map_err(de::Error::duplicate_field)?;
        }
        m.settle();
        Ok(m)
    }
}

/// A key, borrowed unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message's fields, in order.
    fn fields<'a>(m: &Message<'a>) -> [Option<&'a str>; 23] {
        [
            m.role,
            m.speaker_role,
            m.item_type,
            m.speaker,
            m.participant_id,
            m.name,
            m.text,
            m.transcript,
            m.messages,
            m.id,
            m.conversation_id,
            m.call_id,
            m.other_id,
            m.start,
            m.start_millis,
            m.start_timestamp_usec,
            m.end,
            m.end_millis,
            m.words,
            m.sentiment,
            m.sentiment_lowercase,
            m.sentiment_is_positive,
            m.sentiment_is_negative,
        ]
    }

    #[test]
    fn the_flat_reader_and_serde_read_every_field_alike() {
        let lines = [
            r#"{"role":"agent","participantRole":"AGENT","Type":"MESSAGE","author":"Sam","ParticipantId":"p1","user":"u","DisplayText":"hi","transcript":"t","id":7,"conversationId":"c","call_id":null,"timestamp":"2020-01-01T00:00:00Z","offset_ms":5,"start_timestamp_usec":1,"SegmentEndTime":2.5,"endMs":9,"Sentiment":"NEGATIVE","sentiment":{"score":-0.5},"SentimentIsPositive":0,"SentimentIsNegative":true}"#,
            r#"{"speaker":"Customer","content":"a \"quoted\" \u00e9 word\n","unknown":[1,{"x":2}],"start":1.5}"#,
            r#"{"role":null,"text":"x"}"#,
            r#"{"ticket_id":"T-1","session_id":"s","text":"x"}"#,
            r#"{}"#,
        ];
        for line in lines {
            let flat = Message::read(line).unwrap();
            let serde: Message = serde_json::from_str(line).unwrap();
            assert_eq!(fields(&flat), fields(&serde), "{line}");
        }
        let m = Message::read(lines[0]).unwrap();
        assert_eq!((m.text, m.call_id, m.id), (Some("\"hi\""), None, Some("7")));
        // Of two other names of the conversation's id, the first written is its id.
        let m = Message::read(lines[3]).unwrap();
        assert_eq!(m.conversation().as_deref(), Some("T-1"));
    }

    #[test]
    fn a_field_given_twice_under_any_of_its_names_is_an_error() {
        for line in [
            r#"{"text":"a","content":"b"}"#,
            r#"{"text":"a","unknown":{"nested":1},"body":"b"}"#,
            r#"{"role":null,"role":"agent"}"#,
        ] {
            let err = Message::read(line).unwrap_err().to_string();
            assert!(err.starts_with("duplicate field `"), "{line}: {err}");
        }
        // Unknown keys may repeat.
        assert!(Message::read(r#"{"x":1,"x":2,"text":"a"}"#).is_ok());
    }
}
