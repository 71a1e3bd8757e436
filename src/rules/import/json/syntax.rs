//! A vendor file's JSON syntax error at the place a user mends it: serde_json names the line and
//! the byte column where it noticed the fault, so a comma after a list's or an object's last item
//! is named at the `]` or `}` after it, and a column after non-ASCII text counts bytes. The error
//! becomes a [`Bad`] at a byte offset, which rule errors turn into a line and a character column,
//! and a trailing comma's error moves onto the comma.

use super::{Bad, bad};
use crate::{json_comma, json_words};

/// The error for serde_json's `e` in reading `body`, a part of the file that starts at byte
/// `start` (after a byte-order mark).
pub(super) fn syntax(start: usize, body: &str, e: &serde_json::Error) -> Bad {
    if let Some((comma, closing)) = json_comma::trailing(body, e) {
        return bad(
            start + comma,
            json_comma::message(closing),
            json_comma::HELP,
        );
    }
    let text = e.to_string();
    let message = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i]);
    bad(
        start + json_comma::serde_offset(body, e.line(), e.column()),
        format!("invalid JSON: {}", json_words::plain(message)),
        json_words::help(message),
    )
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    /// The byte offset and message of the error in reading `text`.
    fn error(text: &str) -> (usize, String) {
        let b = parse(text).unwrap_err();
        (b.at, b.message)
    }

    #[test]
    fn a_trailing_comma_is_named_at_the_comma() {
        let list = "{\"a\": [1,\n]}";
        assert_eq!(error(list).0, 8);
        assert!(error(list).1.contains("before `]`"));
        let object = "{\"a\": 1 , \r\n\t}";
        assert_eq!(
            error(object),
            (
                8,
                "invalid JSON: a comma before `}` with nothing after it".into()
            )
        );
        // After a byte-order mark, the offset is still the file's.
        assert_eq!(error("\u{feff}[1,]").0, 5);
    }

    #[test]
    fn other_errors_are_at_serde_json_s_place_in_bytes() {
        // serde_json says column 8 of `"éé" "x"`: the 8th byte, the second string's quote.
        assert_eq!(
            error("[\"éé\" \"x\"]"),
            (8, "invalid JSON: expected `,` or `]`".into())
        );
        assert_eq!(error("[1,\n").0, 4);
        // A comma before a bracket that does not close its object is no trailing comma.
        assert!(!error("{\"a\": 1,]").1.contains("comma before"));
    }
}
