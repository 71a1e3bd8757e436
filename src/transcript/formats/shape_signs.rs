//! What a JSON file's keys say besides its shape: a page of Twilio messages saved without its
//! `meta` block, Deepgram's utterances saved without their `results`, and a file holding the
//! turn lists of two shapes (one of them is not read).

use super::json_shapes::Shape;
use crate::transcript::Format;
use serde::Deserialize;
use serde_json::value::RawValue;

/// The first item of the JSON list `list`, read as `T`, where it is an object: only it is read,
/// as the list is read whole once, by the shape chosen. (A struct reads a list too, by position,
/// so an item that is no object is none.)
fn first_object<'a, T: Deserialize<'a>>(list: &'a RawValue) -> Option<T> {
    let items = list.get().trim_start().strip_prefix('[')?;
    if !items.trim_start().starts_with('{') {
        return None;
    }
    serde_json::Deserializer::from_str(items)
        .into_iter::<T>()
        .next()?
        .ok()
}

/// Whether the first item of the list `messages` carries Twilio's `conversation_sid` (a page of
/// Twilio Conversations messages saved without its `meta` block).
pub(super) fn twilio_messages(messages: Option<&RawValue>) -> bool {
    #[derive(Deserialize)]
    struct Sid<'a> {
        #[serde(borrow)]
        conversation_sid: Option<&'a RawValue>,
    }
    let first = messages.and_then(first_object::<Sid>);
    first.is_some_and(|m| m.conversation_sid.is_some())
}

/// Whether the first of `utterances` writes its words as Deepgram does, in `transcript`
/// (AssemblyAI's write `text`).
pub(super) fn deepgram_utterances(utterances: &RawValue) -> bool {
    #[derive(Deserialize)]
    struct Keys {
        transcript: Option<serde::de::IgnoredAny>,
        text: Option<serde::de::IgnoredAny>,
    }
    let first = first_object::<Keys>(utterances);
    first.is_some_and(|k| k.transcript.is_some() && k.text.is_none())
}

/// The warning for a file that holds the turn lists of two shapes or more (`messages` and
/// `comments`): which one the keys chose as `format` and which lists are not read.
pub(super) fn two_shapes(shape: &Shape, format: Format) -> Option<String> {
    let lists = [
        (
            shape.conversation_parts,
            "conversation_parts",
            Format::Intercom,
        ),
        (shape.comments, "comments", Format::Zendesk),
        (shape.transcripts, "transcripts", Format::Genesys),
        (shape.aws_transcript, "Transcript", Format::AwsCallAnalytics),
        (shape.speech_segments, "SpeechSegments", Format::AwsPca),
        (shape.messages, "messages", Format::Json),
        (shape.entries, "entries", Format::GoogleCcai),
    ];
    let read = if format == Format::Twilio {
        Format::Json
    } else {
        format
    };
    let present = |&&(raw, _, _): &&(Option<&RawValue>, &str, Format)| raw.is_some();
    let (_, key, _) = lists.iter().filter(present).find(|l| l.2 == read)?;
    let unread: Vec<String> = lists
        .iter()
        .filter(present)
        .filter(|l| l.2 != read)
        .map(|l| format!("`{}`", l.1))
        .collect();
    if unread.is_empty() {
        return None;
    }
    Some(format!(
        "line 1, column 1: this file has `{key}` and {unread}, the lists of two kinds of \
         transcript: it is read as {} by `{key}`, and {unread} {} not read; name the shape to \
         read with --input-format",
        format.name(),
        match unread.len() {
            1 => "is",
            _ => "are",
        },
        unread = unread.join(" and "),
    ))
}
