//! Checks a rule's regexes: written as meant (no control character a YAML escape made), valid,
//! and matching some text. Each error points at the regex.

use super::super::double_quoted::char_written_at;
use super::super::error::RuleError;
use super::super::model::RuleRegex;
use super::super::schema::OneOrMany;
use super::search::Checker;
use super::values::{Unmeant, checked_regex, never_reports, written_as_meant};

impl Checker<'_> {
    /// The error of a regex not written as meant: at the character it is about, where that
    /// is found written (an escape in a double-quoted string), else at the `regex` key.
    fn unmeant(&self, regex: &str, u: Unmeant) -> RuleError {
        let hint = Some(u.hint);
        let at = u
            .char_at
            .and_then(|i| char_written_at(self.file.text, self.from(), regex, i));
        match at {
            Some(at) => self.file.error_here(at, u.message, hint),
            None => self.file.error_at(self.from(), "regex", u.message, hint),
        }
    }

    /// Where the mistake of the regex `r` that does not compile is written in the file (the
    /// `(` left open, not the string's start), after the rule's `regex` key: in a double-quoted
    /// string at its character or escape, else where the regex is written as it reads.
    fn fault_written_at(&self, r: &str) -> Option<usize> {
        let fault = match regex_syntax::Parser::new().parse(r) {
            Err(regex_syntax::Error::Parse(e)) => e.span().start.offset,
            Err(regex_syntax::Error::Translate(e)) => e.span().start.offset,
            _ => return None,
        };
        let index = r.get(..fault)?.chars().count();
        // From the rule's `regex` key: a message above it may quote the same text.
        let text = self.file.text;
        let from = self.from() + text.get(self.from()..)?.find("regex")?;
        char_written_at(text, from, r, index)
            .or_else(|| Some(from + text.get(from..)?.find(r)? + fault))
    }

    pub fn regexes(&self, list: &OneOrMany<String>) -> Result<Vec<RuleRegex>, RuleError> {
        list.clone()
            .into_vec()
            .iter()
            .map(|r| {
                written_as_meant(r).map_err(|u| self.unmeant(r, u))?;
                let regex = checked_regex(r).map_err(|e| {
                    let message =
                        format!("invalid regex `{r}`: {}", crate::rules::regex_reason(&e));
                    let hint = "regexes use Rust `regex` syntax (no look-around or backreferences); in YAML prefer single quotes so `\\b` stays a backslash";
                    match self.fault_written_at(r) {
                        Some(at) => self.file.error_here(at, message, Some(hint.into())),
                        None => self.fail_written(r, message, hint),
                    }
                })?;
                if let Some(why) = never_reports(&regex.pattern) {
                    return Err(self.fail_written(
                        r,
                        format!("the regex `{r}` {why}, so it never reports"),
                        "write the text to look for, after any place: `^thanks`, `\\bsorry\\b`",
                    ));
                }
                Ok(regex)
            })
            .collect()
    }
}
