//! Which parser reads a file: `--input-format` when given, else the extension, else the content.

use std::path::Path;

/// An input format; [`Format::about`] says what each one reads (and `--input-format`'s help shows
/// it).
#[expect(missing_docs, reason = "Format::about describes every format")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Vtt,
    Srt,
    Sbv,
    Csv,
    AwsTranscribe,
    AwsCallAnalytics,
    AwsPca,
    Deepgram,
    Assemblyai,
    Whisper,
    GoogleStt,
    GoogleCcai,
    Genesys,
    Twilio,
    Zendesk,
    Intercom,
}

impl Format {
    /// Every format, in the order `--input-format` lists them.
    pub const ALL: [Format; 19] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Vtt,
        Format::Srt,
        Format::Sbv,
        Format::Csv,
        Format::AwsTranscribe,
        Format::AwsCallAnalytics,
        Format::AwsPca,
        Format::Deepgram,
        Format::Assemblyai,
        Format::Whisper,
        Format::GoogleStt,
        Format::GoogleCcai,
        Format::Genesys,
        Format::Twilio,
        Format::Zendesk,
        Format::Intercom,
    ];

    /// What the format reads, in a line.
    pub fn about(self) -> &'static str {
        match self {
            Format::Text => "`Agent: …` lines, Markdown scripts, or unlabelled text.",
            Format::Json => "Chat JSON: an array of messages or `{\"messages\": […]}`.",
            Format::Jsonl => "One chat message per line.",
            Format::Vtt => "WebVTT captions (Teams, Zoom).",
            Format::Srt => "SubRip captions.",
            Format::Sbv => "YouTube SubViewer captions (`0:00:01.000,0:00:04.000` timings).",
            Format::Csv => {
                "One row per message; a conversation-id column splits a file into conversations."
            }
            Format::AwsTranscribe => {
                "AWS Transcribe batch output: `results.items` with speaker labels, or `audio_segments`."
            }
            Format::AwsCallAnalytics => {
                "AWS Transcribe Call Analytics, Amazon Connect Contact Lens (calls and chats) and Connect chat transcripts: `Transcript[]` with `ParticipantRole`/`ParticipantId`."
            }
            Format::AwsPca => "The AWS Post-Call Analytics parser's `SpeechSegments`.",
            Format::Deepgram => {
                "Deepgram `/v1/listen`: `results.utterances`, or the words of `results.channels`."
            }
            Format::Assemblyai => {
                "AssemblyAI: `utterances`, or `words` with speakers (times in milliseconds)."
            }
            Format::Whisper => "OpenAI Whisper, `verbose_json` and `diarized_json`: `segments`.",
            Format::GoogleStt => {
                "Google Speech-to-Text v1/v2: `results[].alternatives[]`, words with speaker tags."
            }
            Format::GoogleCcai => {
                "Google CCAI Insights: `entries[]` (upload format) or `transcript.transcript_segments[]`."
            }
            Format::Genesys => {
                "Genesys Cloud speech and text analytics: `transcripts[].phrases[]`."
            }
            Format::Twilio => {
                "Twilio Conversations messages (`messages[]` with `conversation_sid`)."
            }
            Format::Zendesk => "Zendesk ticket comments (`comments[]`; internal notes skipped).",
            Format::Intercom => {
                "Intercom conversation: `source` and `conversation_parts` (HTML stripped)."
            }
        }
    }

    /// The format's name in `--input-format` and reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Sbv => "sbv",
            Format::Csv => "csv",
            Format::AwsTranscribe => "aws-transcribe",
            Format::AwsCallAnalytics => "aws-call-analytics",
            Format::AwsPca => "aws-pca",
            Format::Deepgram => "deepgram",
            Format::Assemblyai => "assemblyai",
            Format::Whisper => "whisper",
            Format::GoogleStt => "google-stt",
            Format::GoogleCcai => "google-ccai",
            Format::Genesys => "genesys",
            Format::Twilio => "twilio",
            Format::Zendesk => "zendesk",
            Format::Intercom => "intercom",
        }
    }

    /// The format a file extension stands for.
    pub fn from_extension(path: &Path) -> Option<Format> {
        // Lowercased in a small buffer: every file of a scan asks this, twice.
        let ext = crate::file_name::extension(path)?.as_encoded_bytes();
        let mut lower = [0u8; 10];
        let lower = lower.get_mut(..ext.len())?;
        lower.copy_from_slice(ext);
        lower.make_ascii_lowercase();
        Some(match &*lower {
            b"txt" | b"text" | b"md" | b"markdown" | b"transcript" => Format::Text,
            b"json" | b"jsonc" => Format::Json,
            b"jsonl" | b"ndjson" => Format::Jsonl,
            b"vtt" | b"webvtt" => Format::Vtt,
            b"srt" => Format::Srt,
            b"sbv" => Format::Sbv,
            b"csv" | b"tsv" => Format::Csv,
            _ => return None,
        })
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// The format of `--input-format` name `name` (`text`, `aws-transcribe`, …); the error
    /// lists the names.
    fn from_str(name: &str) -> Result<Format, String> {
        let known = || Format::ALL.map(Format::name).join(", ");
        (Format::ALL.into_iter().find(|f| f.name() == name)).ok_or_else(|| {
            format!(
                "no transcript format is named `{name}`: use one of {}",
                known()
            )
        })
    }
}

/// Picks the format of `source` named `path`: by content where the content is unmistakable (a
/// `.json` file that is really one object per line, a `.txt` that is WebVTT), else by extension,
/// else text.
pub fn detect(path: &Path, source: &str) -> Format {
    let by_content = sniff(source);
    match (Format::from_extension(path), by_content) {
        (Some(Format::Json), Some(Format::Jsonl)) => Format::Jsonl,
        // A `.jsonl` file of one line is JSONL still; one document over many lines is JSON.
        (Some(Format::Jsonl), Some(Format::Json)) if !first_line_is_an_object(source) => {
            Format::Json
        }
        (Some(Format::Text) | None, Some(sniffed)) => sniffed,
        (Some(ext), _) => ext,
        // CSV is read by its header only where no extension names a format (standard input):
        // a `.txt` whose first line is `Name, Message` is a script.
        (None, None) if super::formats::csv::opens_with_header(source) => Format::Csv,
        (None, None) => Format::Text,
    }
}

/// A format that detection leaves for parsing to settle (see
/// [`detect_and_parse`](super::detect_and_parse)).
pub(super) enum Detected {
    Format(Format),
    /// A `.jsonl` file that opens with an object: JSONL when its first line is a whole JSON
    /// object, else JSON (one document over many lines). Reading it as JSONL reads that line.
    JsonlIfFirstLineIsAnObject,
}

/// What [`detect`] picks, except that a `.jsonl` file opening with an object on its first line
/// is left as [`Detected::JsonlIfFirstLineIsAnObject`]: with no blank line before the object,
/// its line is the first line to both readings.
pub(super) fn detect_deferring(path: &Path, source: &str) -> Detected {
    let text = source.trim_start_matches('\u{feff}');
    if opens_an_object(text) && Format::from_extension(path) == Some(Format::Jsonl) {
        return Detected::JsonlIfFirstLineIsAnObject;
    }
    Detected::Format(detect(path, source))
}

/// Whether `text` starts with `{` and then, after white space, a key or `}`.
fn opens_an_object(text: &str) -> bool {
    text.strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
}

/// The format the content itself announces, if any.
fn sniff(source: &str) -> Option<Format> {
    let text = source.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("WEBVTT") {
        return Some(Format::Vtt);
    }
    let after = |c: char| text[c.len_utf8()..].trim_start();
    if text.starts_with('[') && after('[').starts_with(['{', ']']) {
        return Some(Format::Json);
    }
    if opens_an_object(text) {
        // One object per line: the first line is a complete object and the next starts another.
        let second = lines(text).filter(|l| !l.trim().is_empty()).nth(1);
        if second.is_some_and(|l| l.trim_start().starts_with('{')) && first_line_is_an_object(text)
        {
            return Some(Format::Jsonl);
        }
        return Some(Format::Json);
    }
    let mut lines = lines(text);
    let (first, second) = (lines.next()?.trim(), lines.next()?);
    if first.chars().all(|c| c.is_ascii_digit()) && second.contains("-->") {
        return Some(Format::Srt);
    }
    let sbv_clock = |s: &str| s.contains(':') && super::formats::time::clock_ms(s).is_some();
    if first
        .split_once(',')
        .is_some_and(|(a, b)| sbv_clock(a) && sbv_clock(b))
    {
        return Some(Format::Sbv);
    }
    None
}

/// The lines of `text`, found with the SIMD `memchr` (detection reads a file's first lines, and
/// `str::lines` looks for each line break a byte at a time). A line's `\r` is dropped where
/// `str::lines` would keep it (at the end of the text), which no caller here can tell apart: each
/// trims its line or looks for `-->` in it.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    super::formats::lines::lines(text).map(|line| line.text)
}

/// Whether the first line that is not blank is a whole JSON object.
pub(super) fn first_line_is_an_object(source: &str) -> bool {
    let text = source.trim_start_matches('\u{feff}');
    let first = lines(text)
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let flat = || super::formats::flat_json::fields(first, |_, _| true).is_some();
    first.starts_with('{')
        && first.ends_with('}')
        && (flat() || serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each format is read back from its name, as `--input-format` writes it.
    #[test]
    fn a_format_is_read_from_its_name() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        let unknown = "webvtt".parse::<Format>().unwrap_err();
        assert!(
            unknown.contains("`webvtt`") && unknown.contains("vtt, srt"),
            "{unknown}"
        );
    }

    #[test]
    fn extensions_are_read_in_any_case() {
        let ext = |name: &str| Format::from_extension(Path::new(name));
        assert_eq!(ext("a.JSONL"), Some(Format::Jsonl));
        assert_eq!(ext("a.Transcript"), Some(Format::Text));
        assert_eq!(ext("a.WebVTT"), Some(Format::Vtt));
        assert_eq!(ext("a.transcripts"), None);
        assert_eq!(ext("a.jsonl.bak"), None);
        assert_eq!(ext("jsonl"), None);
    }

    #[test]
    fn content_beats_a_misleading_extension() {
        let p = Path::new("a.json");
        assert_eq!(detect(p, "{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(detect(p, "{\"messages\": [\n]}"), Format::Json);
        // Line breaks of either kind, blank lines between, a last line's `\r`.
        assert_eq!(detect(p, "\r\n{\"a\":1}\r\n\r\n{\"a\":2}\r"), Format::Jsonl);
        assert_eq!(detect(Path::new("a.jsonl"), "{\"a\":1}\r"), Format::Jsonl);
        let srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n";
        assert_eq!(detect(Path::new("a.txt"), srt), Format::Srt);
        assert_eq!(detect(Path::new("a.txt"), "WEBVTT\n\n"), Format::Vtt);
        assert_eq!(detect(Path::new("a.txt"), "Agent: hi"), Format::Text);
        assert_eq!(
            detect(Path::new("a.txt"), "[00:00:01] Agent: hi"),
            Format::Text
        );
        assert_eq!(
            detect(Path::new("a.txt"), "[{\"text\": \"hi\"}]"),
            Format::Json
        );
        assert_eq!(
            detect(Path::new("x"), "1\n00:00:01,000 --> 00:00:02,000\nhi"),
            Format::Srt
        );
        assert_eq!(detect(Path::new("a.vtt"), "garbage"), Format::Vtt);
        // A header that names a text column and a speaker's; not a text line with commas.
        for csv in [
            "speaker,text\nA,hi\n",
            "\u{feff}Role;Message\n",
            "role\tText\nagent\thi",
            "sep=;\nRole;Message\n",
            "role,text,\nagent,hi,\n",
            "Created At (UTC),Sender,Message\n",
        ] {
            assert_eq!(detect(Path::new("-"), csv), Format::Csv, "{csv}");
        }
        // Only where no extension names a format: a `.txt` is a script.
        assert_eq!(detect(Path::new("a.txt"), "Name, Message\n"), Format::Text);
        for text in [
            "Agent: hi, there\n",
            "text,notes\n",
            "speaker,text,hello world!\n",
        ] {
            assert_eq!(detect(Path::new("-"), text), Format::Text, "{text}");
        }
        let record = "{\"id\": 1, \"messages\": []}\n";
        assert_eq!(detect(Path::new("a.jsonl"), record), Format::Jsonl);
        assert_eq!(detect(Path::new("a.json"), record), Format::Json);
        assert_eq!(
            detect(Path::new("a.jsonl"), "{\n\"messages\": []}"),
            Format::Json
        );
    }
}
