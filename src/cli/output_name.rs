//! `-o FILE` whose name says another format than the one written: `-o out.json` without
//! `-f json` writes the human report into a `.json` file, which the next scan of that folder
//! then reads as a transcript and fails on. Said once, as a warning; the file is written. And
//! `-o -`, which is standard output.

use crate::report::OutputFormat;
use std::path::{Path, PathBuf};

/// `-o -` names standard output, as `-` among the paths names standard input (a file named `-`
/// is `-o ./-`); a report's path is [`settled`].
pub(super) fn unless_dash(output: Option<PathBuf>) -> Option<PathBuf> {
    output.filter(|path| path.as_os_str() != "-").map(settled)
}

/// A report's path with its `..` taken lexically where the folder before one is not there yet
/// (`new/../r.json` is `r.json`): the folders it names are made, and no file system can say
/// what such a `..` leads to, nor the guards against writing over an input see it.
pub(super) fn settled(path: PathBuf) -> PathBuf {
    let mut above = PathBuf::new();
    for c in path.components() {
        if c == std::path::Component::ParentDir && !above.as_os_str().is_empty() && !above.exists()
        {
            return crate::scan::normal(&path);
        }
        above.push(c);
    }
    path
}

/// The warning for writing `format` to `output`, when `format` is text for people (human,
/// GitHub annotations) and the file's extension names a report format. A structured format
/// under another structured name (`-f sarif -o results.sarif.json`) is a choice, not a slip.
pub(super) fn mismatch(format: OutputFormat, output: Option<&Path>) -> Option<String> {
    if !matches!(format, OutputFormat::Human | OutputFormat::Github) {
        return None;
    }
    let path = output?;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let named = match ext.as_str() {
        "json" => OutputFormat::Json,
        "jsonl" | "ndjson" => OutputFormat::Jsonl,
        "sarif" => OutputFormat::Sarif,
        "xml" => OutputFormat::Junit,
        "csv" => OutputFormat::Csv,
        "html" | "htm" => OutputFormat::Html,
        _ => return None,
    };
    Some(format!(
        "{}: -o writes the {} format here, not {}: add `-f {}`, or name the file for what it holds",
        path.display(),
        format.name(),
        named.name(),
        named.name(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_under_a_report_name_is_a_mismatch() {
        let said = |format, name: &str| mismatch(format, Some(Path::new(name)));
        let warning = said(OutputFormat::Human, "out.JSON").unwrap();
        assert!(warning.contains("writes the human format here, not json: add `-f json`"));
        assert!(
            said(OutputFormat::Github, "r.xml")
                .unwrap()
                .contains("not junit")
        );
        assert_eq!(said(OutputFormat::Human, "scores.txt"), None);
        assert_eq!(said(OutputFormat::Human, "scores"), None);
        assert_eq!(said(OutputFormat::Json, "out.json"), None);
        assert_eq!(said(OutputFormat::Sarif, "results.sarif.json"), None);
        assert_eq!(mismatch(OutputFormat::Human, None), None);
    }
}
