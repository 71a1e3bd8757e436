//! Each rule's message template, escaped as the inside of a JSON string once per run. A finding
//! then copies the escaped text and escapes only what fills the placeholders, and the JSON report
//! copies the match it quoted instead of escaping it a second time for its `match` key.

use super::Message;
use super::escape::{escape_into, json_message};
use crate::rules::{Rule, TemplatePiece, fold, needs_folding};
use std::ops::Range;

/// A rule's message template with its text escaped.
#[derive(Debug)]
pub(super) struct JsonTemplate {
    /// The rule's id and template as written: a message of another rule is written as it is.
    id: String,
    message: String,
    pieces: Vec<Piece>,
}

#[derive(Debug)]
enum Piece {
    Escaped(Box<[u8]>),
    Match,
    Trigger,
    Speaker,
    Measured,
}

/// A match a message quoted unfolded, and where its escaped bytes were written.
pub(super) struct Quoted<'m> {
    pub text: &'m str,
    pub at: Range<usize>,
}

impl JsonTemplate {
    pub(super) fn new(rule: &Rule) -> JsonTemplate {
        let mut pieces = Vec::new();
        let mut text = Vec::new();
        for piece in rule.template() {
            let fill = match piece {
                TemplatePiece::Text(t) => {
                    escape_into::<false>(&mut text, t);
                    continue;
                }
                TemplatePiece::Match => Piece::Match,
                TemplatePiece::Trigger => Piece::Trigger,
                TemplatePiece::Speaker => Piece::Speaker,
                TemplatePiece::Measured => Piece::Measured,
            };
            if !text.is_empty() {
                pieces.push(Piece::Escaped(std::mem::take(&mut text).into()));
            }
            pieces.push(fill);
        }
        if !text.is_empty() {
            pieces.push(Piece::Escaped(text.into()));
        }
        JsonTemplate {
            id: rule.id.clone(),
            message: rule.message.clone(),
            pieces,
        }
    }
}

/// Writes `message` as a JSON string, through `template` when it is the message's; returns the
/// match it quoted unfolded, if any.
pub(super) fn write_message<'m>(
    template: Option<&JsonTemplate>,
    out: &mut Vec<u8>,
    message: &Message<'m>,
) -> Option<Quoted<'m>> {
    let (template, fills) = match (template, message) {
        (Some(template), &Message::Template { rule, fills })
            if rule.id == template.id && rule.message == template.message =>
        {
            (template, fills)
        }
        _ => {
            json_message(out, message);
            return None;
        }
    };
    out.push(b'"');
    let mut quoted = None;
    for piece in &template.pieces {
        match piece {
            Piece::Escaped(bytes) => out.extend_from_slice(bytes),
            Piece::Match => {
                let at = fill_quote(out, fills.matched.unwrap_or(""));
                quoted = fills.matched.zip(at).map(|(text, at)| Quoted { text, at });
            }
            Piece::Trigger => {
                fill_quote(out, fills.trigger.unwrap_or(""));
            }
            Piece::Speaker => escape_into::<false>(out, fills.speaker),
            // Digits, a point and ` s`: nothing to escape.
            Piece::Measured => {
                if let Some(m) = fills.measured {
                    out.extend_from_slice(m.to_string().as_bytes());
                }
            }
        }
    }
    out.push(b'"');
    quoted
}

/// Writes quoted text escaped, folded when it needs it; where it was written when it did not.
fn fill_quote(out: &mut Vec<u8>, text: &str) -> Option<Range<usize>> {
    if needs_folding(text) {
        fold(text, &mut |piece| escape_into::<false>(out, piece));
        return None;
    }
    let start = out.len();
    escape_into::<false>(out, text);
    Some(start..out.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Fills;
    use crate::rules::load::one_file;

    /// Through its rule's template, a message writes the same bytes as a piece at a time, and
    /// names where it wrote the match when the match needed no folding.
    #[test]
    fn a_template_writes_what_the_message_writes() {
        let yaml = "rules:\n  - id: t/x\n    phrases: ['no']\n    after: {phrases: ['hi'], within_turns: 1}\n    message: \"{speaker} said “{match}” {id} \\\\ {x\"\n  - id: t/y\n    phrases: ['no']\n";
        let set = one_file(yaml);
        let template = JsonTemplate::new(&set.rules[0]);
        for matched in ["plain", "say \"no\"\n\tnow", "a\u{1}b  c\\", " é "] {
            let message = |rule| Message::Template {
                rule,
                fills: Fills {
                    matched: Some(matched),
                    trigger: None,
                    speaker: "Agent \"A\"",
                    measured: None,
                },
            };
            let m = message(&set.rules[0]);
            let mut expected = Vec::new();
            json_message(&mut expected, &m);
            let mut out = b"x".to_vec();
            let quoted = write_message(Some(&template), &mut out, &m);
            assert_eq!(out[1..], expected, "{matched:?}");
            let unfolded = !needs_folding(matched);
            assert_eq!(quoted.is_some(), unfolded, "{matched:?}");
            if let Some(q) = quoted {
                assert!(std::ptr::eq(q.text, matched));
                let mut escaped = Vec::new();
                super::super::escape::json_string(&mut escaped, matched);
                assert_eq!(out[q.at], escaped[1..escaped.len() - 1]);
            }
            // A message of another rule is written as it is, and quotes nothing to reuse.
            let other = message(&set.rules[1]);
            let (mut plain, mut through) = (Vec::new(), Vec::new());
            json_message(&mut plain, &other);
            assert!(write_message(Some(&template), &mut through, &other).is_none());
            assert_eq!(through, plain);
        }
    }
}
