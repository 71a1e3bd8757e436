//! Which parser reads a file: `--input-format` when given, else the extension, else the content.

use std::path::Path;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `Agent: …` lines, Markdown scripts, or unlabelled text.
    Text,
    /// Chat JSON: an array of messages or `{"messages": […]}`.
    Json,
    /// One chat message per line.
    Jsonl,
    /// WebVTT captions (Teams, Zoom).
    Vtt,
    /// SubRip captions.
    Srt,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
        }
    }

    /// The format a file extension stands for.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" | "markdown" | "transcript" => Format::Text,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "vtt" | "webvtt" => Format::Vtt,
            "srt" => Format::Srt,
            _ => return None,
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
        (Some(Format::Jsonl), Some(Format::Json)) => Format::Json,
        (Some(Format::Text) | None, Some(sniffed)) => sniffed,
        (Some(ext), _) => ext,
        (None, None) => Format::Text,
    }
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
    if text.starts_with('{') && after('{').starts_with(['"', '}']) {
        // One object per line: the first line is a complete object and the next starts another.
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or("").trim();
        let second = lines.next().map(str::trim_start);
        if first.ends_with('}')
            && second.is_some_and(|l| l.starts_with('{'))
            && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
        {
            return Some(Format::Jsonl);
        }
        return Some(Format::Json);
    }
    let mut lines = text.lines();
    if let (Some(first), Some(second)) = (lines.next(), lines.next())
        && first.trim().chars().all(|c| c.is_ascii_digit())
        && second.contains("-->")
    {
        return Some(Format::Srt);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_a_misleading_extension() {
        let p = Path::new("a.json");
        assert_eq!(detect(p, "{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(detect(p, "{\"messages\": [\n]}"), Format::Json);
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
    }
}
