//! A finding's message, kept as the rule's template and what fills it until a report writes it:
//! a large scan has millions of findings, and most outputs write each message once, straight
//! into their buffer, so building a string for each would be work thrown away.

use crate::rules::{Fills, Rule};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A finding's message (see [`Rule::message`]).
#[derive(Debug, Clone)]
pub enum Message<'a> {
    /// Written out: a merged report's, or one quoting redacted text.
    Text(Cow<'a, str>),
    /// A rule's template and its fills.
    Template { rule: &'a Rule, fills: Fills<'a> },
}

impl Message<'_> {
    /// Calls `piece` with each piece of the message, in order.
    pub fn pieces(&self, piece: &mut dyn FnMut(&str)) {
        match self {
            Message::Text(text) => piece(text),
            Message::Template { rule, fills } => rule.message_pieces(fills, piece),
        }
    }

    /// The message as one string (borrowed when it is written out, or has no placeholder).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Message::Text(text) => Cow::Borrowed(text),
            Message::Template { rule, fills } => rule.message(fills),
        }
    }
}

impl<'a> From<&'a str> for Message<'a> {
    fn from(text: &'a str) -> Message<'a> {
        Message::Text(Cow::Borrowed(text))
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::load::one_file;

    /// A template's pieces, each escaped as JSON, write what its whole text escaped writes:
    /// quotes, backslashes, controls and folded line breaks in the match included.
    #[test]
    fn a_template_written_in_pieces_reads_as_its_text() {
        let yaml = "rules:\n  - id: t/x\n    phrases: ['no']\n    message: \"{speaker} said “{match}” {id} \\\\ {x\"\n";
        let set = one_file(yaml);
        for matched in ["plain", "say \"no\"\n\tnow", "a\u{1}b  c\\"] {
            let m = Message::Template {
                rule: &set.rules[0],
                fills: Fills {
                    matched: Some(matched),
                    trigger: None,
                    speaker: "Agent \"A\"",
                    measured: None,
                },
            };
            let mut pieces = Vec::new();
            super::super::escape::json_message(&mut pieces, &m);
            let text: String = serde_json::from_slice(&pieces).unwrap();
            assert_eq!(text, m.text(), "{matched:?}");
            assert_eq!(text, m.to_string());
        }
    }
}
