//! SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards: the rules with their help in
//! `tool.driver.rules`, each id once ([`driver`]), one result per problem finding (rewards are
//! not problems) with its level, message, region (columns in code points) and matched text,
//! and one per conversation that fails (`talklint/score`, listed after the rules); a warning
//! notification per warning of a conversation (at the line and column it starts with, a
//! directive's) and an error notification per file that could not be read, in the run's
//! invocation; each tagged conversation's tags in the run's property bag. Results are streamed
//! like the other formats.

use super::escape::{int, json_string, json_strings, measure};
use super::rule_ids::RuleIds;
use super::sarif_fingerprint::Fingerprints;
use super::sarif_snippet::Snippets;
use super::template::{JsonTemplate, write_message};
use super::unapplied::Needs;
use super::{Conversation, FileError, Finding, Printer, Skipped, Totals};
use crate::rules::{Kind, RuleSet, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// Parts a conversation's rendering: its results, then its warnings' notifications, then its
/// tags. Control bytes are never in JSON text (strings write them escaped).
const NOTIFICATIONS: u8 = 0;
const TAGS: u8 = 1;

/// The SARIF printer: the document's head is made from the rules once.
pub(super) struct Sarif {
    head: String,
    /// Each rule's message template, by rule index.
    messages: Vec<JsonTemplate>,
    /// Whether each rule (by index) fails a conversation it hits.
    auto_fail: Vec<bool>,
    needs: Needs,
    /// Each rule id once: where a rule (by index) is in `tool.driver.rules`.
    ids: RuleIds,
    /// Whether a result was written (the first one has no leading comma).
    wrote_result: AtomicBool,
    /// The conversations' warning notifications, each with a leading comma, in input order.
    warnings: Mutex<Vec<u8>>,
    /// The tags of each conversation that has some, each with a leading comma, in input order.
    tags: Mutex<Vec<u8>>,
}

impl Sarif {
    pub(super) fn new(rules: &RuleSet) -> Sarif {
        let ids = RuleIds::new(rules);
        Sarif {
            head: driver::head(rules, &ids),
            messages: rules.rules.iter().map(JsonTemplate::new).collect(),
            auto_fail: super::auto_fail(rules),
            needs: Needs::new(rules),
            ids,
            wrote_result: AtomicBool::new(false),
            warnings: Mutex::new(Vec::new()),
            tags: Mutex::new(Vec::new()),
        }
    }
}

impl Printer for Sarif {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(self.head.as_bytes())
    }

    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        let path = uri(c.path);
        // Suppressed problems (shown with `--show-suppressed`) carry SARIF `suppressions`.
        let problem = |f: &&Finding| matches!(f.kind, Kind::Forbid | Kind::Require);
        let mut snippets = Snippets::new(c, source);
        let mut fingerprints = Fingerprints::default();
        for f in c.findings.iter().filter(problem) {
            out.extend_from_slice(b",\n");
            let snippet = snippets.of(f);
            let result = Result {
                uri: &path,
                snippet: snippet.as_deref(),
                message: self.messages.get(f.rule_index),
                rule_index: self.ids.place(f.rule_index),
                fingerprint: fingerprints.of(c, f),
            };
            result.write(c, f, out);
        }
        if !c.passed {
            out.extend_from_slice(b",\n");
            let failed = score::result(c, &path, &self.auto_fail, self.ids.representatives().len());
            out.extend_from_slice(failed.to_string().as_bytes());
        }
        // Its warnings, a note of the rules it could not apply (SPEC §2.1: the report says so)
        // and one that no agent's words were judged, as notifications.
        let unapplied = self.needs.said(c);
        let unjudged = super::unjudged(c);
        if !c.warnings.is_empty() || unapplied.is_some() || unjudged.is_some() {
            out.push(NOTIFICATIONS);
            let said = (c.warnings.iter().map(|w| ("warning", w.as_str())))
                .chain(unapplied.as_deref().map(|n| ("note", n)))
                .chain(unjudged.map(|n| ("note", n)));
            for (level, text) in said {
                let place = super::model::place_in(text);
                let mut notice = notification(level, text, c.path, place);
                if let Some(name) = c.name() {
                    notice["properties"] = json!({"conversation": name});
                }
                out.push(b',');
                out.extend_from_slice(notice.to_string().as_bytes());
            }
        }
        if !c.tags.is_empty() {
            // A tag is no problem, so no result; a conversation of tags alone has them here.
            out.push(TAGS);
            out.extend_from_slice(b",{\"artifactLocation\":{\"uri\":");
            json_string(out, &path);
            out.push(b'}');
            if let Some(name) = c.name() {
                out.extend_from_slice(b",\"conversation\":");
                json_string(out, &name);
            }
            out.extend_from_slice(b",\"tags\":");
            json_strings::<false>(out, c.tags.iter().copied());
            out.push(b'}');
        }
    }

    /// Results come with a leading comma; the document's first result goes without. The
    /// warnings' notifications are kept for the invocation, in the order conversations come.
    fn parts<'r>(&self, rendered: &'r [u8], _index: usize) -> [&'r [u8]; 2] {
        let rendered = match memchr::memchr(TAGS, rendered) {
            Some(at) => {
                let mut tags = self.tags.lock().unwrap_or_else(PoisonError::into_inner);
                tags.extend_from_slice(&rendered[at + 1..]);
                &rendered[..at]
            }
            None => rendered,
        };
        let rendered = match memchr::memchr(NOTIFICATIONS, rendered) {
            Some(at) => {
                let mut warnings = self.warnings.lock().unwrap_or_else(PoisonError::into_inner);
                warnings.extend_from_slice(&rendered[at + 1..]);
                &rendered[..at]
            }
            None => rendered,
        };
        if rendered.is_empty() {
            return [b"", rendered];
        }
        let first = !self.wrote_result.swap(true, Ordering::Relaxed);
        [b"", if first { &rendered[1..] } else { rendered }]
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        w.write_all(b"]")?;
        let warnings =
            std::mem::take(&mut *self.warnings.lock().unwrap_or_else(PoisonError::into_inner));
        w.write_all(&invocation(&warnings, totals.skipped, totals.errors))?;
        let tags = std::mem::take(&mut *self.tags.lock().unwrap_or_else(PoisonError::into_inner));
        if let Some(tags) = tags.get(1..) {
            // The run's property bag: each conversation's tags, as the JSON report lists them.
            w.write_all(b",\"properties\":{\"conversationTags\":[")?;
            w.write_all(tags)?;
            w.write_all(b"]}")?;
        }
        w.write_all(b"}]}\n")
    }
}

/// The run's `invocations`: the `warnings` notifications (each written with a leading comma),
/// a note per transcript skipped (too large, binary, no turns: never silent), then one error
/// notification per file that could not be read, at its place when known. Execution failed
/// only when a file could not be read.
fn invocation(warnings: &[u8], skipped: &[Skipped], errors: &[FileError]) -> Vec<u8> {
    let mut notifications = warnings.to_vec();
    for s in skipped.iter().filter(|s| s.unchecked_transcript()) {
        notifications.push(b',');
        let place = s.line.map(|line| (line, 1));
        let note = notification("note", &format!("skipped: {}", s.reason), &s.path, place);
        notifications.extend_from_slice(note.to_string().as_bytes());
    }
    for e in errors {
        notifications.push(b',');
        let error = notification("error", &e.message, &e.path, e.place());
        notifications.extend_from_slice(error.to_string().as_bytes());
    }
    let mut out = b",\"invocations\":[{\"executionSuccessful\":".to_vec();
    out.extend_from_slice(if errors.is_empty() { b"true" } else { b"false" });
    out.extend_from_slice(b",\"toolExecutionNotifications\":[");
    out.extend_from_slice(notifications.get(1..).unwrap_or_default());
    out.extend_from_slice(b"]}]");
    out
}

/// A notification of `level` about the file at `path`, at `place` (line, column) when known.
fn notification(level: &str, message: &str, path: &str, place: Option<(usize, usize)>) -> Value {
    let mut location = json!({"artifactLocation": {"uri": uri(path)}});
    if let Some((line, column)) = place {
        location["region"] = json!({"startLine": line, "startColumn": column});
    }
    json!({
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
    })
}

/// A severity as SARIF names a level.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: `/` separators kept, the characters URIs reserve escaped; an
/// absolute path is a `file://` URI (`C:\x` as `file:///C:/x`), which a viewer can open.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    let b = path.as_bytes();
    let drive =
        b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    let path = match (path.starts_with('/'), drive) {
        (true, _) => {
            out.push_str("file://");
            path.to_string()
        }
        (false, true) => {
            out.push_str("file:///");
            out.push_str(&path[..2]);
            path[2..].replace('\\', "/")
        }
        (false, false) => path.to_string(),
    };
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// What a result says besides its finding.
struct Result<'a> {
    /// The file's URI reference.
    uri: &'a str,
    /// The file's text in the region, if the result has one.
    snippet: Option<&'a str>,
    /// The rule's message template.
    message: Option<&'a JsonTemplate>,
    /// The index of its rule's id in `tool.driver.rules`.
    rule_index: usize,
    fingerprint: String,
}

impl Result<'_> {
    /// Writes one result, written by hand (keys in the order serde_json sorts them) because results
    /// are most of a SARIF file: building a `serde_json::Value` for each cost more than the scan.
    fn write(&self, c: &Conversation, f: &Finding, out: &mut Vec<u8>) {
        let (uri, message) = (self.uri, self.message);
        out.extend_from_slice(b"{\"level\":\"");
        out.extend_from_slice(level(f.severity).as_bytes());
        out.extend_from_slice(
            b"\",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":",
        );
        json_string(out, uri);
        out.extend_from_slice(b"},\"region\":{\"endColumn\":");
        // Not before the start on its line; a region over a line break ends where it ends.
        let end_column = match f.end_line == f.line {
            true => f.end_column.max(f.column),
            false => f.end_column,
        };
        int(out, end_column);
        out.extend_from_slice(b",\"endLine\":");
        int(out, f.end_line);
        if let Some(text) = self.snippet {
            out.extend_from_slice(b",\"snippet\":{\"text\":");
            json_string(out, text);
            out.push(b'}');
        }
        out.extend_from_slice(b",\"startColumn\":");
        int(out, f.column);
        out.extend_from_slice(b",\"startLine\":");
        int(out, f.line);
        out.extend_from_slice(b"}}}],\"message\":{\"text\":");
        write_message(message, out, &f.message);
        out.extend_from_slice(b"},\"partialFingerprints\":{\"primaryLocationLineHash\":");
        json_string(out, &self.fingerprint);
        out.extend_from_slice(b"},\"properties\":{");
        if let Some(name) = c.name() {
            out.extend_from_slice(b"\"conversation\":");
            json_string(out, &name);
            out.push(b',');
        }
        if let Some(m) = f.measured {
            out.extend_from_slice(b"\"measured\":");
            measure(out, m);
            out.push(b',');
        }
        out.extend_from_slice(b"\"points\":");
        int(out, f.points);
        out.extend_from_slice(b",\"role\":\"");
        out.extend_from_slice(f.role.name().as_bytes());
        out.push(b'"');
        if !c.tags.is_empty() {
            // SARIF's own property for labels: the conversation's tags.
            out.extend_from_slice(b",\"tags\":");
            json_strings::<false>(out, c.tags.iter().copied());
        }
        out.extend_from_slice(b",\"turn\":");
        int(out, f.turn);
        out.extend_from_slice(b"},\"ruleId\":");
        json_string(out, f.rule);
        out.extend_from_slice(b",\"ruleIndex\":");
        int(out, self.rule_index);
        if let Some(why) = f.suppressed {
            out.extend_from_slice(b",\"suppressions\":[{\"kind\":\"");
            out.extend_from_slice(why.sarif_kind().as_bytes());
            out.extend_from_slice(b"\"}]");
        }
        out.push(b'}');
    }
}

#[path = "sarif_driver.rs"]
mod driver;
#[path = "sarif_score.rs"]
mod score;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("calls/day 1/a#b.txt"), "calls/day%201/a%23b.txt");
        assert_eq!(uri("é.txt"), "%C3%A9.txt");
        assert_eq!(uri("/tmp/a b.txt"), "file:///tmp/a%20b.txt");
        assert_eq!(uri("C:\\calls\\a.txt"), "file:///C:/calls/a.txt");
        assert_eq!(uri("c:x.txt"), "c%3Ax.txt", "a Unix name, not a drive");
    }
}
