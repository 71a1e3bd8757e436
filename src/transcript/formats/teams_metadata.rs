//! Microsoft Teams' `metadataContent` transcript (Graph `callTranscript`): WebVTT whose cue
//! payloads are JSON objects, `{"speakerName": "…", "spokenText": "…", …}`. Read as captions, a
//! cue would be one speakerless turn of JSON, its keys matched by rules; so a cue that holds such
//! an object is its `speakerName` saying its `spokenText`, mapped back to the file. A cue that
//! looks like one but cannot be read stays caption text, with a warning (SPEC §7).

use super::json_text::{json_error, label, text_of};
use crate::transcript::{Decoded, ParseError, TurnText};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// The keys of a metadata cue that talklint reads, each `Some` when present (`null` too); the
/// times and language are not read (the cue's own timing line times it).
#[derive(Deserialize)]
struct Metadata<'a> {
    #[serde(borrow, default, rename = "speakerName", deserialize_with = "present")]
    speaker_name: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "spokenText", deserialize_with = "present")]
    spoken_text: Option<&'a RawValue>,
}

/// A key's value, whatever it is: `null` is a value present, not a key missing.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// Whether `text`, what follows an object's `{` and its spaces, opens with a key (a JSON string
/// then `:`), as an object of metadata does: `"laughs"}` is no key, `"speakerName": "Jo` is.
fn opens_with_key(text: &str) -> bool {
    let Some(body) = text.strip_prefix('"') else {
        return false;
    };
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return body[i + 1..].trim_start().starts_with(':'),
            _ => {}
        }
    }
    false
}

/// A cue's speaker and text.
pub(super) type Said<'a> = (Option<Cow<'a, str>>, Decoded);

/// The metadata cues of one file that could not be read.
#[derive(Default)]
pub(super) struct MetadataCues {
    /// Cues whose JSON cannot be read, and cues without a `spokenText` string.
    broken: Unread,
    textless: Unread,
}

/// The first cue of one kind that could not be read (where, and why), and how many there were.
#[derive(Default)]
struct Unread {
    first: Option<ParseError>,
    count: usize,
}

impl Unread {
    fn add(&mut self, e: ParseError) {
        self.first.get_or_insert(e);
        self.count += 1;
    }

    /// The warning for these cues: where the first is, why it is not read, and how many more.
    fn warning(self) -> Option<String> {
        let at = self.first?;
        let more = super::more_like(self.count - 1, "cue");
        Some(format!(
            "line {}, column {}: this cue looks like Teams' JSON metadata, but {}: it is read as \
             caption text, JSON and all; write it as Teams does, one JSON object with a \
             `spokenText` string and a `speakerName`{more}",
            at.line, at.column, at.message
        ))
    }
}

impl MetadataCues {
    /// The speaker and text of a cue whose payload (lines of (number, start, text) in `source`)
    /// is a metadata object; `None` when it is not, and the cue is caption text. A payload that
    /// looks like metadata but cannot be read (an object with `speakerName` or `spokenText` and no
    /// `spokenText` string, or JSON that breaks off after a key) is counted for the warning;
    /// anything else (`{"laughs"}`, `{"a": 1}`) is caption text, said nothing of.
    pub(super) fn read<'a>(
        &mut self,
        source: &'a str,
        payload: &[(usize, usize, &str)],
    ) -> Option<Said<'a>> {
        let (&(line, start, _), &(_, last_start, last)) = (payload.first()?, payload.last()?);
        let json = &source[start..last_start + last.len()];
        let opened = json.trim_start().strip_prefix('{')?.trim_start();
        if !opened.starts_with('"') {
            return None;
        }
        let m: Metadata = match serde_json::from_str::<Metadata>(json) {
            Ok(m) if m.speaker_name.is_none() && m.spoken_text.is_none() => return None,
            Ok(m) => m,
            Err(_) if !opens_with_key(opened) => return None,
            Err(e) => {
                let mut e = json_error(&e, json, line - 1);
                e.message = format!("its JSON cannot be read ({})", e.message);
                self.broken.add(e);
                return None;
            }
        };
        let Some(text) = m.spoken_text.and_then(|raw| text_of(source, raw.get())) else {
            let column = json[..json.len() - json.trim_start().len()].chars().count() + 1;
            self.textless.add(ParseError::at(
                line,
                column,
                "it has no `spokenText` string",
            ));
            return None;
        };
        let speaker = m.speaker_name.and_then(|raw| label(raw.get(), &[]));
        let text = match text {
            TurnText::Source(range) => {
                let mut d = Decoded::default();
                d.push_verbatim(&source[range.clone()], range.start);
                d
            }
            TurnText::Decoded(d) => d,
        };
        Some((speaker, text))
    }

    /// A warning for each kind of cue that looked like metadata but was read as caption text:
    /// where the first is, why, and how many more.
    pub(super) fn warnings(self) -> impl Iterator<Item = String> {
        [self.broken, self.textless]
            .into_iter()
            .filter_map(Unread::warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(payload: &str) -> (Option<(Option<String>, String)>, Vec<String>) {
        let source = format!("WEBVTT\n\n0:0:0.0 --> 0:0:1.0\n{payload}\n");
        let start = source.find(payload).unwrap();
        let mut cues = MetadataCues::default();
        let said = cues
            .read(&source, &[(4, start, payload)])
            .map(|(s, d)| (s.map(String::from), d.text));
        (said, cues.warnings().collect())
    }

    #[test]
    fn a_metadata_cue_is_its_speaker_and_spoken_text() {
        let (said, warnings) = read(r#"{"speakerName":"Jo \"J\" Li","spokenText":"Hi \u00e9"}"#);
        assert_eq!(said, Some((Some("Jo \"J\" Li".into()), "Hi é".into())));
        assert!(warnings.is_empty());
        assert_eq!(read(r#"{"spokenText":"Hi"}"#).0, Some((None, "Hi".into())));
    }

    #[test]
    fn other_payloads_are_caption_text() {
        for caption in [
            "{laughs}",
            "Hello {\"x\"}",
            "{ }",
            r#"{"laughs"}"#,
            r#"{ "a\": b" }"#,
            r#"{"a": 1}"#,
        ] {
            assert_eq!(read(caption), (None, vec![]), "{caption}");
        }
        let (said, warnings) = read(r#"{"speakerName":"A","spokenText":7}"#);
        assert_eq!(said, None);
        assert!(
            warnings[0].starts_with("line 4, column 1: this cue looks like Teams' JSON metadata, but it has no `spokenText` string"),
            "{warnings:?}"
        );
        let (_, warnings) = read(r#"{"speakerName":"A","spokenText":"cut"#);
        assert!(
            warnings[0].starts_with(
                "line 4, column 36: this cue looks like Teams' JSON metadata, but its JSON cannot \
                 be read (the JSON ends inside a string"
            ),
            "{warnings:?}"
        );
    }
}
