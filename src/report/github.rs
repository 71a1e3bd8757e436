//! GitHub Actions workflow commands (`--format github`): one `::error`/`::warning`/`::notice`
//! line per problem finding, one `::warning` per warning of a conversation (speakers with no
//! role, no turns, a misspelt directive…), and one `::error` per file that could not be read,
//! which GitHub shows as annotations on the file and line.

use super::{Conversation, FileError, Printer, Skipped};
use crate::rules::Severity;
use std::io::{self, Write};

/// The GitHub annotations printer.
pub(super) struct Github;

impl Printer for Github {
    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        conversation(c, out);
    }

    /// A file that could not be read is an error annotation on it, at its place if known.
    fn event(
        &self,
        w: &mut dyn Write,
        _skipped: Option<&Skipped>,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        let Some(e) = error else {
            return Ok(());
        };
        let place = e
            .place()
            .map(|(line, column)| format!(",line={line},col={column}"))
            .unwrap_or_default();
        let file = property(&e.path);
        writeln!(
            w,
            "::error file={file}{place},title=talklint::{}",
            data(&e.message)
        )
    }
}

/// Escapes a command's message as GitHub documents: `%`, CR and LF; control characters from
/// input (a CI log is a terminal too) are shown escaped.
fn data(text: &str) -> String {
    crate::text::controls::escape_controls(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: as data, plus `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

fn conversation(c: &Conversation, out: &mut Vec<u8>) {
    // A warning is about the conversation, at no line: named by its id in a file of several.
    let id = c.id.map(|id| format!("{id}: ")).unwrap_or_default();
    for w in c.warnings {
        let _ = writeln!(
            out,
            "::warning file={}::{}",
            property(c.path),
            data(&format!("{id}{w}"))
        );
    }
    for f in c.findings.iter().filter(|f| f.is_problem()) {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.to_string();
        if let Some(s) = f.suggestion {
            message.push_str("\nhelp: ");
            message.push_str(s);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(c.path),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            property(f.rule),
            data(&message)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_github() {
        assert_eq!(data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
