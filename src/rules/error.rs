//! Rule file problems, located: every error names the file, line and column, and says how to fix
//! it.

use std::fmt;

/// A rule file problem: where, what, and how to fix it.
#[derive(Debug, Clone, thiserror::Error)]
pub struct RuleError {
    /// The rule file, as its name was given.
    pub file: String,
    /// 1-based line and column (in characters); 0 for an error of no place in the file, such as
    /// a file that does not exist.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message)?,
            line => write!(f, "{}:{line}:{}: {}", self.file, self.column, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

impl RuleError {
    /// The error of a rule file that is not UTF-8.
    pub(crate) fn encoding(file: String, bad: crate::utf8_file::BadEncoding) -> RuleError {
        RuleError {
            file,
            line: bad.line,
            column: bad.column,
            message: bad.message,
            hint: Some(bad.hint.into()),
        }
    }

    /// The error of `file` as a whole, which has no place to point at: one that does not exist.
    pub(crate) fn of_no_place(file: &str, message: String, hint: String) -> RuleError {
        RuleError {
            file: file.to_string(),
            line: 0,
            column: 0,
            message,
            hint: Some(hint),
        }
    }

    /// An error about a whole file (its first line).
    pub(crate) fn in_file(file: &str, message: String, hint: &str) -> RuleError {
        RuleError {
            file: file.to_string(),
            line: 1,
            column: 1,
            message,
            hint: Some(hint.to_string()),
        }
    }
}

/// A rule file's text and name, for locating errors found after parsing.
pub(crate) struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl SourceFile<'_> {
    /// 1-based line and column of byte `at`, lines ending at `\r\n`, `\r` or `\n` as YAML's do;
    /// a byte-order mark opening the file is no column.
    pub fn position(&self, at: usize) -> (usize, usize) {
        super::place::position(self.text, at)
    }

    /// An error at the first occurrence of `needle` at or after byte `from` (else at `from`); an
    /// empty `needle` is found where an empty string is written, `""` or `''`.
    pub fn error_at(
        &self,
        from: usize,
        needle: &str,
        message: String,
        hint: Option<String>,
    ) -> RuleError {
        let rest = &self.text[from.min(self.text.len())..];
        let found = match needle {
            "" => [rest.find("\"\""), rest.find("''")]
                .into_iter()
                .flatten()
                .min(),
            _ => rest.find(needle),
        };
        self.error_here(found.map_or(from, |i| from + i), message, hint)
    }

    /// An error at byte `at`.
    pub fn error_here(&self, at: usize, message: String, hint: Option<String>) -> RuleError {
        let (line, column) = self.position(at);
        RuleError {
            file: self.name.to_string(),
            line,
            column,
            message,
            hint,
        }
    }

    /// Byte offset of the id of the rule with `id` on an `id:` line at or after `from`, or `from`.
    pub fn rule_offset(&self, id: &str, from: usize) -> usize {
        let mut pos = from;
        while let Some(i) = self.text.get(pos..).and_then(|t| t.find(id)) {
            let at = pos + i;
            let line_start = self.text[..at].rfind(['\n', '\r']).map_or(0, |n| n + 1);
            if self.text[line_start..at].contains("id:") {
                return at;
            }
            // An empty id matches everywhere: step over one character so the search ends.
            let step = id
                .len()
                .max(self.text[at..].chars().next().map_or(1, char::len_utf8));
            pos = at + step;
        }
        from
    }
}

/// `text` to quote in a message: whole when short, else its first 60 characters and `…` (the
/// line and column already point at it).
pub(crate) fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(60) {
        Some((cut, _)) if text.chars().count() > 80 => format!("{}…", &text[..cut]).into(),
        _ => text.into(),
    }
}

/// What is wrong with a regex, in one line: the last line of the regex crate's message, which
/// otherwise repeats the pattern and draws a caret under it.
pub(crate) fn regex_reason(e: &regex::Error) -> String {
    let whole = e.to_string();
    let last = whole.lines().last().unwrap_or(&whole).trim();
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}
