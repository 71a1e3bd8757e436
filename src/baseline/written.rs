//! What a baseline reads of a JSON or JSONL report: each conversation's file, id and the
//! problems it held, and nothing else, so that a report of any later version still loads.

use super::BaselineError;
use crate::report::Finding;
use crate::suppress::Suppression;
use serde::Deserialize;

/// A conversation of a report, as far as a baseline reads it.
#[derive(Deserialize)]
pub(super) struct Written {
    pub(super) path: String,
    pub(super) id: Option<String>,
    pub(super) findings: Vec<WrittenFinding>,
}

#[derive(Deserialize)]
pub(super) struct WrittenFinding {
    pub(super) rule: String,
    kind: String,
    #[serde(rename = "match")]
    pub(super) matched: Option<String>,
    #[serde(default)]
    suppressed: bool,
    /// What suppressed it (`directive`, `per_path_disable`, `baseline`); reports before this
    /// field wrote only `suppressed`.
    #[serde(default)]
    suppressed_by: Option<String>,
    #[serde(default)]
    pub(super) line: usize,
    #[serde(default)]
    pub(super) column: usize,
}

impl WrittenFinding {
    /// Whether the finding is a problem the baseline knows: a forbid or require hit that counted,
    /// or that the report's own `--baseline` left out (shown with `--show-suppressed`), so that
    /// a baseline made again from such a report keeps the problems the last one knew. One that a
    /// directive or `per_path_disable` suppressed is not: they still suppress it.
    pub(super) fn is_known_problem(&self) -> bool {
        let counted = !self.suppressed
            || self
                .suppressed_by
                .as_deref()
                .and_then(Finding::suppression_named)
                == Some(Suppression::Baseline);
        // A baseline knows problems: rewards and tags are never held against a file.
        counted && matches!(self.kind.as_str(), "forbid" | "require")
    }
}

/// A JSON report: its conversations.
#[derive(Deserialize)]
pub(super) struct Report {
    pub(super) conversations: Vec<Written>,
}

/// The conversations of a JSONL report: every line a conversation, a summary, a skipped file or
/// an error, and at least one conversation or summary, so that a one-line transcript or other
/// JSON file is not taken for a report (and then left out of the scan as the baseline).
pub(super) fn jsonl(
    text: &str,
    name: &str,
    not_report: impl Fn(usize, &str, serde_json::Error) -> BaselineError,
) -> Result<Vec<Written>, BaselineError> {
    let other = |line: usize, message: &str| BaselineError::NotReport {
        name: name.to_string(),
        line,
        column: 1,
        message: message.to_string(),
    };
    let (mut all, mut summaries) = (Vec::new(), 0);
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = |e| not_report(i + 1, line, e);
        let value: serde_json::Value = serde_json::from_str(line).map_err(at)?;
        let Some(object) = value.as_object() else {
            return Err(other(
                i + 1,
                "the line is no object, as each line of a JSONL report is",
            ));
        };
        if object.contains_key("findings") {
            all.push(serde_json::from_value(value).map_err(at)?);
        } else if object.len() == 1 && object.contains_key("summary") {
            summaries += 1;
        } else if !(object.len() == 1
            && (object.contains_key("skipped") || object.contains_key("error")))
        {
            return Err(other(
                i + 1,
                "the line is no conversation, summary, skipped file or error of a report",
            ));
        }
    }
    if all.is_empty() && summaries == 0 {
        return Err(other(1, "it holds no conversation or summary line"));
    }
    Ok(all)
}
