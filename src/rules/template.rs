//! A rule's message template read into its pieces: text as written, and the placeholders a
//! finding fills. Reports read the pieces once per rule and per run, so a finding's message is
//! written without reading its template again.

use super::{Measure, Rule};

/// The placeholders a message may hold, as `{name}`: rule validation refuses any other name.
pub(crate) const PLACEHOLDERS: [&str; 5] = ["match", "trigger", "speaker", "measured", "id"];

/// What fills a finding's message.
#[derive(Debug, Clone, Copy)]
pub struct Fills<'a> {
    /// The matched text; `None` for a missing `require`, a condition or a measure.
    pub matched: Option<&'a str>,
    /// An unanswered trigger's text (a `require` rule with `after`).
    pub trigger: Option<&'a str>,
    /// The turn's speaker, or its role's name.
    pub speaker: &'a str,
    /// What a timing event measured.
    pub measured: Option<Measure>,
}

/// A piece of a message template, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplatePiece<'a> {
    /// Text written as it is (`{id}` and a `{` that opens no placeholder included).
    Text(&'a str),
    /// `{match}`: the matched text, whitespace runs folded.
    Match,
    /// `{trigger}`: the trigger's matched text, whitespace runs folded.
    Trigger,
    /// `{speaker}`: the turn's speaker.
    Speaker,
    /// `{measured}`: what a timing event measured (`18.25 s`, or a share: `0.8235`).
    Measured,
}

/// The pieces of a template (see [`Rule::template`]).
pub struct Pieces<'a> {
    rest: &'a str,
    id: &'a str,
    /// The placeholder found after the text last returned.
    next_fill: Option<TemplatePiece<'a>>,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = TemplatePiece<'a>;

    fn next(&mut self) -> Option<TemplatePiece<'a>> {
        if let Some(fill) = self.next_fill.take() {
            return Some(fill);
        }
        if self.rest.is_empty() {
            return None;
        }
        let Some(open) = memchr::memchr(b'{', self.rest.as_bytes()) else {
            return Some(TemplatePiece::Text(std::mem::take(&mut self.rest)));
        };
        let (text, at) = self.rest.split_at(open);
        let named = PLACEHOLDERS
            .iter()
            .find(|name| at[1..].starts_with(*name) && at[1 + name.len()..].starts_with('}'));
        let (fill, len) = match named {
            Some(&name) => {
                let fill = match name {
                    "match" => TemplatePiece::Match,
                    "trigger" => TemplatePiece::Trigger,
                    "speaker" => TemplatePiece::Speaker,
                    "measured" => TemplatePiece::Measured,
                    _ => TemplatePiece::Text(self.id),
                };
                (fill, name.len() + 2)
            }
            None => (TemplatePiece::Text("{"), 1),
        };
        self.rest = &at[len..];
        if text.is_empty() {
            return Some(fill);
        }
        self.next_fill = Some(fill);
        Some(TemplatePiece::Text(text))
    }
}

impl Rule {
    /// The pieces of the rule's message template, in order.
    pub fn template(&self) -> Pieces<'_> {
        Pieces {
            rest: &self.message,
            id: &self.id,
            next_fill: None,
        }
    }

    /// The message of a finding, with `{match}` and `{trigger}` (whitespace runs folded),
    /// `{speaker}`, `{measured}` and `{id}` filled in. Messages without placeholders are
    /// borrowed.
    pub fn message(&self, fills: &Fills) -> std::borrow::Cow<'_, str> {
        if memchr::memchr(b'{', self.message.as_bytes()).is_none() {
            return std::borrow::Cow::Borrowed(&self.message);
        }
        let mut out = String::with_capacity(self.message.len() + 32);
        self.message_pieces(fills, &mut |piece| out.push_str(piece));
        std::borrow::Cow::Owned(out)
    }

    /// The message of [`Rule::message`], a piece at a time: what a report writes straight into
    /// its output, with no string of its own.
    pub fn message_pieces(&self, fills: &Fills, piece: &mut dyn FnMut(&str)) {
        for p in self.template() {
            match p {
                TemplatePiece::Text(text) => piece(text),
                TemplatePiece::Match => quote(fills.matched.unwrap_or(""), piece),
                TemplatePiece::Trigger => quote(fills.trigger.unwrap_or(""), piece),
                TemplatePiece::Speaker => piece(fills.speaker),
                TemplatePiece::Measured => {
                    if let Some(m) = fills.measured {
                        piece(&m.to_string());
                    }
                }
            }
        }
    }
}

/// Writes quoted text, its whitespace runs folded when it has any (a match may span a line
/// break).
fn quote(text: &str, piece: &mut dyn FnMut(&str)) {
    if needs_folding(text) {
        fold(text, piece);
    } else {
        piece(text);
    }
}

/// Writes `text` with each run of white space as one space, and none at either end.
pub fn fold(text: &str, piece: &mut dyn FnMut(&str)) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            piece(" ");
        }
        piece(word);
    }
}

/// Whether text has white space other than single spaces (a match across a line break).
pub fn needs_folding(text: &str) -> bool {
    // One test per byte for the usual letters: only a space or a control looks further.
    let mut after_space = false;
    for &c in text.as_bytes() {
        if c <= b' ' {
            if c == b' ' {
                if after_space {
                    return true;
                }
                after_space = true;
                continue;
            }
            if matches!(c, b'\n' | b'\r' | b'\t') {
                return true;
            }
        }
        after_space = false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::load::one_file;

    #[test]
    fn folding_is_needed_for_line_breaks_tabs_and_double_spaces() {
        assert!(!needs_folding("i can offer you"));
        assert!(!needs_folding(" one space at each end "));
        assert!(needs_folding("two  spaces"));
        assert!(needs_folding("a line\nbreak"));
        assert!(needs_folding("a\r\nb"));
        assert!(needs_folding("tab\there"));
        assert!(needs_folding("ends in two  "));
        assert!(!needs_folding("\u{a0}\u{a0}non-breaking"));
    }

    proptest::proptest! {
        /// The byte loop answers as the plain definition does: a line break or tab anywhere, or
        /// a space followed by a space.
        #[test]
        fn folding_reads_as_its_definition(text in "[ a\\t\\n\\r\u{a0}\u{1}]{0,12}") {
            let b = text.as_bytes();
            let defined = b.iter().any(|c| matches!(c, b'\n' | b'\r' | b'\t'))
                || b.windows(2).any(|w| w == b"  ");
            proptest::prop_assert_eq!(needs_folding(&text), defined);
        }
    }

    #[test]
    fn a_template_reads_into_text_and_placeholders() {
        let yaml = "rules:\n  - id: t/x\n    phrases: ['no']\n    message: \"{{speaker}: {match}\"\n  - id: t/y\n    kind: require\n    phrases: ['no']\n    after: {phrases: ['hi'], within_turns: 1}\n    message: \"{trigger} {id}{x y}{\"\n";
        let set = one_file(yaml);
        let pieces: Vec<_> = set.rules.iter().flat_map(|r| r.template()).collect();
        use TemplatePiece::*;
        assert_eq!(
            pieces,
            [
                Text("{"),
                Speaker,
                Text(": "),
                Match,
                Trigger,
                Text(" "),
                Text("t/y"),
                Text("{"),
                Text("x y}"),
                Text("{"),
            ]
        );
    }
}
