//! How documentation examples and hand edits break JSON, said in the file's words: a comment, a
//! stray bracket or a second document after the first, a bare value, and a comma before a closing
//! bracket; serde_json's own words for these name neither the cause nor the fix.

use crate::text::lines::LineCursor;
use crate::transcript::ParseError;

/// Says what is wrong in the ways documentation examples break JSON: comments, text after the
/// document (a stray `}`), and a trailing comma.
pub fn explain(source: &str, mut e: ParseError) -> ParseError {
    let line = source.lines().nth(e.line - 1).unwrap_or("");
    let rest: String = line.chars().skip(e.column - 1).collect();
    if let Some(comma) = trailing_comma(source, &e, 1) {
        return comma;
    }
    if rest.trim_start().starts_with("//") || rest.trim_start().starts_with("/*") {
        e.message =
            "JSON has no comments: remove the `//` or `/* */` comment, or name the file `.jsonc` \
             (on standard input, --stdin-filename NAME.jsonc)"
                .to_string();
    } else if e.message.starts_with("trailing characters")
        && source
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '"')
    {
        // A whole "document" that is a bare number or string (an SRT file's cue number `1`).
        let line = source.trim_start().lines().next().unwrap_or("").trim();
        let opening: String = line.chars().take(40).collect();
        e.message = format!(
            "this file does not look like JSON: it opens with `{opening}`, a bare value, and text \
             follows it; if it is another format (SRT captions open with a cue number), name that \
             format with --input-format"
        );
    } else if e.message.starts_with("expected a JSON value") && (e.line, e.column) == (1, 1) {
        // A file of another format named `.json`: its first line says which.
        let line = source
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("")
            .trim();
        let opening: String = line.chars().take(40).collect();
        let format = if line.starts_with("WEBVTT") {
            "it looks like WebVTT captions: name the file `.vtt`, or read it with --input-format vtt"
        } else if line.contains(',') || line.contains(';') || line.contains('\t') {
            "if it is CSV, name the file `.csv`, or read it with --input-format csv"
        } else {
            "if it is a text transcript (`Agent: …`), name the file `.txt`, or read it with \
             --input-format text"
        };
        e.message =
            format!("this file does not look like JSON: it opens with `{opening}`; {format}");
    } else if e.message.starts_with("trailing characters") {
        e.message = format!(
            "text after the end of the JSON document (`{}`): a stray bracket or a second document; \
             remove it, or write one document per line as JSONL",
            rest.trim()
        );
    }
    e
}

/// The error at a comma that closes a list or an object with nothing after it (`"id": 7,` then
/// `}`), which JSON does not allow, where serde_json's error `e` in `source` stands at the
/// bracket that a value or a key was expected. `source` is the file from line `first` on (a
/// line of JSON Lines), and `e` is placed in the file.
pub fn trailing_comma(source: &str, e: &ParseError, first: usize) -> Option<ParseError> {
    let line_start = match e.line.checked_sub(first)? {
        0 => 0,
        n => memchr::memchr_iter(b'\n', source.as_bytes()).nth(n - 1)? + 1,
    };
    let in_line = source[line_start..].char_indices().nth(e.column - 1)?.0;
    let (comma, closing) = crate::json_comma::before_bracket(source, line_start + in_line)?;
    let (line, column) = LineCursor::new(source).position(comma);
    Some(ParseError::at(
        line + first - 1,
        column,
        format!(
            "a comma before the `{closing}` at line {}, column {}, with nothing after it: JSON \
             allows no trailing comma; remove it",
            e.line, e.column
        ),
    ))
}
