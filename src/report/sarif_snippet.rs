//! SARIF's `region.snippet` is "the portion of the artifact contents within the specified
//! region" (SARIF 2.1.0, 3.30.13): the file's text from the match's first byte to its last, as
//! written (`calm&nbsp;down`, a JSON escape, the code a Markdown match reads over), not the
//! match as it reads, which the message quotes. With `--redact`, its personal data is masked as
//! a human snippet's is. A report read back by `merge` has no file, and its stand-in text there
//! is the match.

use super::{Conversation, Finding};
use crate::redact::{Span, mask_range};
use std::borrow::Cow;

/// The snippets of one conversation's findings.
pub(super) struct Snippets<'c> {
    c: &'c Conversation<'c>,
    source: &'c str,
    /// With `--redact`, the personal data of the conversation's turns, found once.
    personal: Option<Cow<'c, [Span]>>,
}

impl<'c> Snippets<'c> {
    pub(super) fn new(c: &'c Conversation<'c>, source: &'c str) -> Snippets<'c> {
        Snippets {
            c,
            source,
            personal: None,
        }
    }

    /// The snippet of `f`: the file's text in its region, or its match where the region holds
    /// none; `None` for a finding with no match (a missing `require`).
    pub(super) fn of<'f>(&mut self, f: &'f Finding) -> Option<Cow<'f, str>>
    where
        'c: 'f,
    {
        let matched = f.matched.as_ref()?;
        let range = f.span.0..f.span.1;
        let Some(written) = self.source.get(range.clone()).filter(|w| !w.is_empty()) else {
            return Some(Cow::Borrowed(matched));
        };
        let Some(r) = self.c.redactor else {
            return Some(Cow::Borrowed(written));
        };
        let (c, source) = (self.c, self.source);
        let turns = self.personal.get_or_insert_with(|| match c.file_personal {
            Some(all) => Cow::Borrowed(all),
            None => Cow::Owned(r.conversation_spans(&c.transcript.turns, source)),
        });
        let spans = r.shown_spans(source, range.clone(), turns);
        Some(Cow::Owned(mask_range(source, &spans, range).into_owned()))
    }
}
