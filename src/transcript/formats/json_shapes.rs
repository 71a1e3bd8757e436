//! Which JSON transcript a file is. Speech-to-text engines, contact-center platforms and chat
//! tools each write their own shape; the top-level keys tell them apart (`results.items` is AWS
//! Transcribe, `transcripts[].phrases` Genesys, …). A shape nobody writes is an error that lists
//! the shapes talklint reads, never a guess.

use super::chat_exports;
use super::chat_json::{Writer, parse_messages};
use super::json_mistakes;
use super::json_text::{Unit, conversation_id, from_part, json_error};
use super::pca;
use super::shape_signs;
use super::speech_words;
use super::undiarised;
use crate::text::lines::LineCursor;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{Format, ParseError, ParseOptions, Parsed, Transcript};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The top-level keys that identify a shape; every other key is ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Shape<'a> {
    #[serde(borrow, alias = "turns", alias = "conversation", alias = "dialog")]
    pub messages: Option<&'a RawValue>,
    /// A chat's message list, or Google CCAI's `{transcript_segments: […]}`.
    #[serde(borrow)]
    pub transcript: Option<&'a RawValue>,
    /// Call Analytics / Contact Lens / Connect chat turns.
    #[serde(borrow, rename = "Transcript")]
    pub aws_transcript: Option<&'a RawValue>,
    #[serde(borrow, rename = "Participants")]
    pub participants: Option<&'a RawValue>,
    #[serde(borrow)]
    pub entries: Option<&'a RawValue>,
    #[serde(borrow, rename = "SpeechSegments")]
    pub speech_segments: Option<&'a RawValue>,
    /// AWS PCA: its `SpeakerLabels` give each speaker's role in Call Analytics mode.
    #[serde(borrow, rename = "ConversationAnalytics")]
    pub conversation_analytics: Option<&'a RawValue>,
    #[serde(borrow)]
    pub segments: Option<&'a RawValue>,
    #[serde(borrow)]
    pub utterances: Option<&'a RawValue>,
    /// Deepgram's, in its `results` object saved on its own.
    #[serde(borrow)]
    pub channels: Option<&'a RawValue>,
    #[serde(borrow)]
    pub words: Option<&'a RawValue>,
    /// AWS Transcribe and Deepgram (objects), Google Speech-to-Text (an array).
    #[serde(borrow)]
    pub results: Option<&'a RawValue>,
    /// Genesys: one transcript per communication.
    #[serde(borrow)]
    pub transcripts: Option<&'a RawValue>,
    #[serde(borrow)]
    pub conversation_parts: Option<&'a RawValue>,
    #[serde(borrow)]
    pub comments: Option<&'a RawValue>,
    /// Twilio's paging block next to `messages`.
    #[serde(borrow)]
    pub meta: Option<&'a RawValue>,
    #[serde(borrow)]
    pub id: Option<&'a RawValue>,
    #[serde(borrow, alias = "conversationId")]
    pub conversation_id: Option<&'a RawValue>,
    #[serde(borrow, alias = "JobName")]
    #[serde(rename = "jobName")]
    pub job_name: Option<&'a RawValue>,
    #[serde(borrow)]
    pub call_id: Option<&'a RawValue>,
    #[serde(borrow, rename = "CustomerMetadata")]
    pub customer_metadata: Option<&'a RawValue>,
}

impl Shape<'_> {
    /// The shape these keys identify.
    fn recognise(&self) -> Option<Format> {
        let is_array = |raw: Option<&RawValue>| raw.is_some_and(|r| r.get().starts_with('['));
        Some(if self.conversation_parts.is_some() {
            Format::Intercom
        } else if self.comments.is_some() {
            Format::Zendesk
        } else if self.transcripts.is_some() {
            Format::Genesys
        } else if self.aws_transcript.is_some() {
            Format::AwsCallAnalytics
        } else if self.speech_segments.is_some() {
            Format::AwsPca
        } else if self.messages.is_some()
            && (self.meta.is_some() || shape_signs::twilio_messages(self.messages))
        {
            Format::Twilio
        } else if self.messages.is_some() {
            Format::Json
        } else if self.entries.is_some()
            || self.transcript.is_some_and(|t| t.get().starts_with('{'))
        {
            Format::GoogleCcai
        } else if is_array(self.results) {
            Format::GoogleStt
        } else if let Some(results) = self.results {
            let keys: ResultKeys = serde_json::from_str(results.get()).ok()?;
            if keys.items.is_some() || keys.audio_segments.is_some() {
                Format::AwsTranscribe
            } else if keys.channels.is_some() || keys.utterances.is_some() {
                Format::Deepgram
            } else {
                return None;
            }
        } else if self.deepgram_results_alone() {
            Format::Deepgram
        } else if self.utterances.is_some() || (self.words.is_some() && self.segments.is_none()) {
            Format::Assemblyai
        } else if self.segments.is_some() {
            Format::Whisper
        } else if is_array(self.transcript) {
            Format::Json
        } else {
            return None;
        })
    }

    /// Whether this is Deepgram's `results` object saved on its own: its `channels` beside its
    /// `utterances`, or utterances that write `transcript` (AssemblyAI's write `text`).
    fn deepgram_results_alone(&self) -> bool {
        let Some(utterances) = self.utterances else {
            return false;
        };
        self.channels.is_some() || shape_signs::deepgram_utterances(utterances)
    }

    /// The conversation's own id, from whichever key the shape (read as `format`, from `top`)
    /// keeps it under. A Google CCAI conversation's is the last segment of its resource `name`
    /// (`projects/…/locations/…/conversations/ID`): the id CCAI gives it and shows, short as
    /// other formats' ids are in reports, where the whole name repeats the project and location
    /// of every conversation. `name` is read only here: in another shape it names anything, and
    /// as a key of [`Shape`] it would make a chat file that writes it twice an error.
    fn conversation_id(&self, top: &RawValue, format: Format) -> Option<String> {
        #[derive(Deserialize)]
        struct Contact {
            #[serde(rename = "ContactId")]
            contact_id: Option<String>,
        }
        let contact = || {
            let m: Contact = serde_json::from_str(self.customer_metadata?.get()).ok()?;
            m.contact_id
        };
        #[derive(Deserialize)]
        struct Resource {
            name: Option<String>,
        }
        let resource = || {
            if format != Format::GoogleCcai {
                return None;
            }
            let name = serde_json::from_str::<Resource>(top.get()).ok()?.name?;
            let last = name.rsplit('/').next()?.trim();
            (!last.is_empty()).then(|| last.to_string())
        };
        conversation_id(
            [self.conversation_id, self.id, self.call_id, self.job_name]
                .map(|f| f.map(RawValue::get)),
        )
        .or_else(contact)
        .or_else(resource)
    }
}

/// The keys under `results` that tell AWS Transcribe from Deepgram.
#[derive(Deserialize)]
struct ResultKeys<'a> {
    #[serde(borrow)]
    items: Option<&'a RawValue>,
    #[serde(borrow)]
    audio_segments: Option<&'a RawValue>,
    #[serde(borrow)]
    channels: Option<&'a RawValue>,
    #[serde(borrow)]
    utterances: Option<&'a RawValue>,
}

pub(super) const EXPECTED: &str = "expected an array of messages, or an object with `messages` (chat; Twilio with `meta` or `conversation_sid`), \
    `Transcript` (AWS Call Analytics, Contact Lens, Connect chat), `SpeechSegments` (AWS PCA), \
    `results.items` or `results.audio_segments` (AWS Transcribe), `results.channels` or \
    `results.utterances` (Deepgram), `utterances` or `words` (AssemblyAI), `segments` (Whisper), \
    `results[].alternatives` (Google Speech-to-Text), `entries` or `transcript.transcript_segments` \
    (Google CCAI), `transcripts[].phrases` (Genesys), `comments` (Zendesk) or `conversation_parts` \
    (Intercom)";

/// Parses a JSON transcript: as `format` when it names a shape, else as the shape the keys show.
pub fn parse(source: &str, format: Format, opts: &ParseOptions) -> Result<Parsed, ParseError> {
    let body = source.trim_start_matches('\u{feff}');
    let top: &RawValue = serde_json::from_str(body)
        .map_err(|e| json_mistakes::explain(body, json_error(&e, body, 0)))?;
    if top.get().starts_with('[') {
        if !matches!(format, Format::Json | Format::Twilio) {
            return Err(not_a(format, "an object at the top, not an array"));
        }
        return super::json_lists::parse(source, top.get(), format, opts);
    }
    if !top.get().starts_with('{') {
        return Err(ParseError::at(
            1,
            1,
            format!("unrecognised JSON: {EXPECTED}"),
        ));
    }
    let shape: Shape = from_part(source, top)?;
    let (format, by_keys) = match format {
        Format::Json => match shape.recognise() {
            Some(format) => (format, true),
            // One record of a text transcript in a string, as a JSONL line may hold.
            None => match super::text_record::of_object(source, top.get(), opts, 1) {
                Some(t) => return Ok(one(Format::Json, t?)),
                None => {
                    let message = format!("unrecognised JSON shape: {EXPECTED}");
                    return Err(ParseError::at(1, 1, message));
                }
            },
        },
        named => (named, false),
    };
    // A shape's error names the shape the keys made of the file, which the caller knows as JSON.
    let mut t = read(source, top, &shape, format, opts).map_err(|mut e| {
        if by_keys && format != Format::Json {
            e.message = format!("{} (a `{}` file by its keys)", e.message, format.name());
        }
        e
    })?;
    t.warnings.extend(undiarised::warning(
        format,
        &t.turns,
        opts,
        &mut LineCursor::new(source),
    ));
    assign_diarised_roles(&mut t, source);
    if by_keys {
        t.warnings.extend(shape_signs::two_shapes(&shape, format));
    }
    if t.id.is_none() {
        t.id = shape.conversation_id(top, format);
    }
    Ok(one(format, t))
}

fn one(format: Format, t: Transcript) -> Parsed {
    Parsed::of(format, vec![t])
}

/// Reads `shape` as `format`.
fn read(
    source: &str,
    top: &RawValue,
    shape: &Shape,
    format: Format,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    fn list<'r>(
        raw: Option<&'r RawValue>,
        format: Format,
        key: &str,
    ) -> Result<&'r RawValue, ParseError> {
        raw.ok_or_else(|| not_a(format, key))
    }
    let messages =
        |raw: &RawValue, unit| parse_messages(source, raw.get(), unit, Writer::Chat, opts);
    let utterances = |raw: &RawValue, unit| {
        parse_messages(
            source,
            raw.get(),
            unit,
            Writer::Speech { channels: false },
            opts,
        )
    };
    match format {
        Format::Json => {
            let raw = list(shape.messages.or(shape.transcript), format, "`messages`")?;
            let t = messages(raw, Unit::Seconds)?;
            match t
                .turns
                .is_empty()
                .then(|| super::textless::of_list(source, raw.get()))
            {
                Some(Some(e)) => Err(e),
                _ => Ok(t),
            }
        }
        Format::Twilio => {
            let mut t = messages(list(shape.messages, format, "`messages`")?, Unit::Seconds)?;
            chat_exports::twilio_roles(&mut t);
            Ok(t)
        }
        Format::AwsCallAnalytics => {
            let mut t = messages(
                list(shape.aws_transcript, format, "`Transcript`")?,
                Unit::Millis,
            )?;
            chat_exports::join_participants(source, shape.participants, &mut t, opts)?;
            chat_exports::role_ids_name_no_one(&mut t);
            Ok(t)
        }
        Format::AwsPca => {
            let mut t = utterances(
                list(shape.speech_segments, format, "`SpeechSegments`")?,
                Unit::Seconds,
            )?;
            pca::speaker_roles(source, shape.conversation_analytics, &mut t, opts)?;
            Ok(t)
        }
        Format::Whisper => utterances(list(shape.segments, format, "`segments`")?, Unit::Seconds),
        Format::GoogleCcai => match (shape.entries, shape.transcript) {
            (Some(entries), _) => messages(entries, Unit::Seconds),
            (None, Some(t)) => {
                #[derive(Deserialize)]
                struct Segments<'a> {
                    // The REST API writes camelCase; client libraries snake_case.
                    #[serde(borrow, alias = "transcriptSegments")]
                    transcript_segments: &'a RawValue,
                }
                let s: Segments = from_part(source, t)?;
                messages(s.transcript_segments, Unit::Seconds)
            }
            (None, None) => Err(not_a(
                format,
                "`entries` or `transcript.transcript_segments`",
            )),
        },
        Format::Assemblyai => match (shape.utterances, shape.words) {
            (Some(u), _) if u.get() != "null" => utterances(u, Unit::Millis),
            (_, Some(words)) => speech_words::assemblyai(source, words, opts),
            _ => Err(not_a(format, "`utterances` or `words`")),
        },
        Format::AwsTranscribe => {
            speech_words::aws_transcribe(source, list(shape.results, format, "`results`")?, opts)
        }
        // Deepgram's `results` object saved on its own is read as the whole file.
        Format::Deepgram => {
            let results = shape.results.unwrap_or(top);
            speech_words::deepgram(source, results, opts)
        }
        Format::GoogleStt => {
            speech_words::google_stt(source, list(shape.results, format, "`results`")?, opts)
        }
        Format::Genesys => {
            list(shape.transcripts, format, "`transcripts[].phrases`")?;
            chat_exports::genesys(source, top, opts)
        }
        Format::Zendesk => {
            list(shape.comments, format, "`comments`")?;
            chat_exports::zendesk(source, top, opts)
        }
        Format::Intercom => {
            list(shape.conversation_parts, format, "`conversation_parts`")?;
            chat_exports::intercom(source, top, opts)
        }
        other => Err(not_a(other, "a JSON shape")),
    }
}

/// The error for a file that lacks what `format` needs.
pub fn not_a(format: Format, missing: &str) -> ParseError {
    let name = format.name();
    // Every name that opens with a vowel letter opens with a vowel sound (`an aws-pca file`).
    let article = match name.as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    };
    ParseError::at(
        1,
        1,
        format!(
            "not {article} {name} file: expected {missing}; use --input-format json to detect \
             the shape"
        ),
    )
}

#[cfg(test)]
#[path = "json_shapes_tests.rs"]
mod tests;
