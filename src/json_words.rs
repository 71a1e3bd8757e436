//! serde_json's words for JSON that stops short or breaks, said with what is missing, and how to
//! mend it: transcripts and cloud rule files both say them so.

/// `message` (serde_json's, without its place) in plain words.
pub(crate) fn plain(message: &str) -> &str {
    match message {
        "EOF while parsing a list" => "the JSON ends inside a list: a `]` is missing",
        "EOF while parsing an object" => "the JSON ends inside an object: a `}` is missing",
        "EOF while parsing a string" => "the JSON ends inside a string: a closing `\"` is missing",
        "EOF while parsing a value" => "the JSON ends where a value should be",
        "expected value" => {
            "expected a JSON value: a string, number, object, list, true, false or null"
        }
        other => other,
    }
}

/// How to mend the fault serde_json names in `message`.
pub(crate) fn help(message: &str) -> &'static str {
    match message {
        "EOF while parsing a list" => "close the list with `]` where it ends",
        "EOF while parsing an object" => "close the object with `}` where it ends",
        "EOF while parsing a string" => "end the string with `\"` where it ends",
        "expected value" => {
            "write a value here; JSON has no comments (`//`, `#`): remove any such line"
        }
        "key must be a string" => {
            "quote the key (`\"Name\": …`); JSON has no comments (`//`, `#`): remove any such line"
        }
        m if m.starts_with("expected `,` or ") => {
            "put a `,` between two items, or close the list or object here"
        }
        _ => "fix the JSON syntax at this place",
    }
}
