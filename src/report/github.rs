//! GitHub Actions workflow commands (`--format github`): one `::error`/`::warning`/`::notice`
//! line per problem finding, one `::error` per conversation that fails (its score and why, as a
//! conversation may fail with no finding at `--fail-on`), one `::warning` per warning of a
//! conversation (speakers with no role, no turns, a misspelt directive… at its line and column
//! when it names them), a `::notice` of the rules it could not apply, one `::error` per file
//! that could not be read and a `::notice` per transcript skipped, which GitHub shows as annotations on
//! the file and line. A conversation's tags, which are no problems, are a plain line of the job's
//! log.

use super::unapplied::Needs;
use super::{Conversation, FileError, Printer, Skipped, Totals};
use crate::rules::{RuleSet, Severity};
use std::io::{self, Write};

/// The GitHub annotations printer.
pub(super) struct Github {
    /// Whether each rule (by index) fails a conversation it hits.
    auto_fail: Vec<bool>,
    needs: Needs,
}

impl Github {
    pub(super) fn new(rules: &RuleSet) -> Github {
        Github {
            auto_fail: super::auto_fail(rules),
            needs: Needs::new(rules),
        }
    }
}

impl Printer for Github {
    /// A transcript not checked is never silent in the job (one too large to read, one with no
    /// turns): a notice, as it fails nothing; after the annotations, in the report's order of
    /// skipped files, which `merge` keeps.
    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        for s in totals.skipped.iter().filter(|s| s.unchecked_transcript()) {
            let place = (s.line)
                .map(|line| format!(",line={line}"))
                .unwrap_or_default();
            writeln!(
                w,
                "::notice file={}{place},title=talklint skipped::{}",
                property(&s.path),
                data(&s.reason)
            )?;
        }
        Ok(())
    }

    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        conversation(c, &self.auto_fail, self.needs.said(c), out);
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
    let encoded = (text.replace('%', "%25"))
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::text::controls::escape_controls(&encoded).into_owned()
}

/// Escapes a command property: as data, plus `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

fn conversation(
    c: &Conversation,
    auto_fail: &[bool],
    unapplied: Option<String>,
    out: &mut Vec<u8>,
) {
    // A warning is about the conversation, named by its id in a file of several; at its line
    // and column when it starts with them (a directive's).
    let suffix = c.suffix();
    let id = match suffix.strip_prefix('#') {
        Some(name) => format!("{name}: "),
        None => String::new(),
    };
    for w in c.warnings {
        let place = super::model::place_in(w)
            .map(|(line, column)| format!(",line={line},col={column}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "::warning file={}{place}::{}",
            property(c.path),
            data(&format!("{id}{w}"))
        );
    }
    // Rules the conversation could not judge (timing on an untimed transcript): said, as
    // SPEC §2.1 asks, so that a pass is not read as their pass.
    // Nor is a pass where no agent spoke read as the agent's.
    for why in unapplied
        .into_iter()
        .chain(super::unjudged(c).map(String::from))
    {
        let _ = writeln!(
            out,
            "::notice file={},title=talklint::{}",
            property(c.path),
            data(&format!("{id}{why}"))
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
        // GitHub takes columns only on a span within one line.
        let place = match f.line == f.end_line {
            true => format!(
                "line={},col={},endLine={},endColumn={}",
                f.line, f.column, f.end_line, f.end_column
            ),
            false => format!("line={},endLine={}", f.line, f.end_line),
        };
        let _ = writeln!(
            out,
            "::{command} file={},{place},title={}::{}",
            property(c.path),
            property(f.rule),
            data(&message)
        );
    }
    // A tag is no problem, so no annotation: a plain line of the job's log shows it, opening
    // with `talklint:` so that no path reads as a workflow command.
    if !c.tags.is_empty() {
        let _ = writeln!(
            out,
            "talklint: {}: tags: {}",
            crate::text::controls::escape_name(&format!("{}{suffix}", c.path)),
            c.tags.join(", ")
        );
    }
    if !c.passed {
        let _ = writeln!(
            out,
            "::error file={},title=talklint score::{}",
            property(c.path),
            data(&format!("{id}{}", super::failed_score(c, auto_fail)))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_github() {
        assert_eq!(data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(data("a\rb\x1bc"), "a%0Db\\x1bc", "CR as GitHub encodes it");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
