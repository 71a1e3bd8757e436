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

    pub fn regexes(&self, list: &OneOrMany<String>) -> Result<Vec<RuleRegex>, RuleError> {
        list.clone()
            .into_vec()
            .iter()
            .map(|r| {
                written_as_meant(r).map_err(|u| self.unmeant(r, u))?;
                let regex = checked_regex(r).map_err(|e| {
                    self.fail_written(
                        r,
                        format!("invalid regex `{r}`: {}", crate::rules::regex_reason(&e)),
                        "regexes use Rust `regex` syntax (no look-around or backreferences); in YAML prefer single quotes so `\\b` stays a backslash",
                    )
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
