//! What a JSON file's keys say besides its shape: a page of Twilio messages saved without its
//! `meta` block, and a file holding the turn lists of two shapes (one of them is not read).

use super::json_shapes::Shape;
use crate::transcript::Format;
use serde::Deserialize;
use serde_json::value::RawValue;

/// Whether the first item of the list `messages` carries Twilio's `conversation_sid` (a page of
/// Twilio Conversations messages saved without its `meta` block).
pub(super) fn twilio_messages(messages: Option<&RawValue>) -> bool {
    #[derive(Deserialize)]
    struct Sid<'a> {
        #[serde(borrow)]
        conversation_sid: Option<&'a RawValue>,
    }
    // Only the first item is read: the list is read whole once, by the shape chosen.
    let first_has_sid = |raw: &RawValue| {
        let Some(items) = raw.get().trim_start().strip_prefix('[') else {
            return false;
        };
        // A struct reads a list too, by position: only an object is a Twilio message.
        if !items.trim_start().starts_with('{') {
            return false;
        }
        let mut stream = serde_json::Deserializer::from_str(items).into_iter::<Sid>();
        matches!(stream.next(), Some(Ok(m)) if m.conversation_sid.is_some())
    };
    messages.is_some_and(first_has_sid)
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
