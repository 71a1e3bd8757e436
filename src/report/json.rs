//! JSON and JSONL output (SPEC §6). The JSON document is streamed: conversations are written as
//! they are scanned, and the skipped files, errors and summary close the object, so memory does
//! not grow with the number of conversations.
//!
//! Conversations and findings are written by hand rather than through serde: a large scan writes
//! millions of findings, and this is several times faster. A test checks the output against the
//! serde form of the same types.

use super::escape::{int, json_string, measure, write_json};
use super::template::{JsonTemplate, write_message};
use super::{Conversation, FileError, Finding, Printer, Skipped, Summary, Totals};
use crate::rules::{Kind, RuleSet, Severity};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize, schemars::JsonSchema)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "talklint",
    version: env!("CARGO_PKG_VERSION"),
};

/// The JSON document as [`Json`] writes it (by hand, a piece at a time): its schema, not its
/// serialization, is what this type is for (`talklint schema report`).
#[derive(schemars::JsonSchema)]
#[schemars(title = "talklint JSON report")]
#[expect(dead_code, reason = "a shape for the schema; never built")]
pub(crate) struct Document<'a> {
    /// The report format's version.
    version: u32,
    tool: Tool,
    conversations: Vec<Conversation<'a>>,
    skipped: Vec<Skipped>,
    errors: Vec<FileError>,
    summary: Summary,
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn opt_int(out: &mut Vec<u8>, n: Option<u64>) {
    match n {
        Some(n) => int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// What a rule's findings write alike, escaped once per run instead of once per finding: the
/// keys before `points`, the message template and the keys after `match`.
#[derive(Debug)]
pub struct RuleParts {
    head: Vec<u8>,
    message: Option<JsonTemplate>,
    tail: Vec<u8>,
}

impl RuleParts {
    fn of(f: &Finding) -> RuleParts {
        RuleParts::new(f.rule, f.kind, f.severity, f.category, f.suggestion, f.link)
    }

    fn new(
        id: &str,
        kind: Kind,
        severity: Severity,
        category: &str,
        suggestion: Option<&str>,
        link: Option<&str>,
    ) -> RuleParts {
        let mut head = b"{\"rule\":".to_vec();
        json_string(&mut head, id);
        head.extend_from_slice(b",\"kind\":\"");
        head.extend_from_slice(kind.name().as_bytes());
        head.extend_from_slice(b"\",\"severity\":\"");
        head.extend_from_slice(severity.name().as_bytes());
        head.extend_from_slice(b"\",\"category\":");
        json_string(&mut head, category);
        head.extend_from_slice(b",\"points\":");
        let mut tail = b",\"suggestion\":".to_vec();
        opt_string(&mut tail, suggestion);
        if let Some(link) = link {
            tail.extend_from_slice(b",\"link\":");
            json_string(&mut tail, link);
        }
        tail.push(b'}');
        RuleParts {
            head,
            message: None,
            tail,
        }
    }
}

/// The constant parts of every rule's findings, by rule index.
fn rule_parts(rules: &RuleSet) -> Vec<RuleParts> {
    let parts = |r: &crate::rules::Rule| {
        let (suggestion, link) = (r.suggestion.as_deref(), r.link.as_deref());
        RuleParts {
            message: Some(JsonTemplate::new(r)),
            ..RuleParts::new(&r.id, r.kind, r.severity, &r.category, suggestion, link)
        }
    };
    rules.rules.iter().map(parts).collect()
}

fn finding(out: &mut Vec<u8>, f: &Finding, rule: &RuleParts) {
    out.extend_from_slice(&rule.head);
    int(out, f.points);
    out.extend_from_slice(b",\"message\":");
    let quoted = write_message(rule.message.as_ref(), out, &f.message);
    out.extend_from_slice(b",\"turn\":");
    int(out, f.turn);
    out.extend_from_slice(b",\"role\":\"");
    out.extend_from_slice(f.role.name().as_bytes());
    out.extend_from_slice(b"\",\"speaker\":");
    opt_string(out, f.speaker);
    if let Some(agent) = f.agent {
        out.extend_from_slice(b",\"agent\":");
        json_string(out, agent);
    }
    out.extend_from_slice(b",\"line\":");
    int(out, f.line);
    out.extend_from_slice(b",\"column\":");
    int(out, f.column);
    out.extend_from_slice(b",\"end_line\":");
    int(out, f.end_line);
    out.extend_from_slice(b",\"end_column\":");
    int(out, f.end_column);
    out.extend_from_slice(b",\"start_ms\":");
    opt_int(out, f.start_ms);
    if let Some(m) = f.measured {
        out.extend_from_slice(b",\"measured\":");
        measure(out, m);
    }
    out.extend_from_slice(b",\"match\":");
    match (f.matched.as_deref(), quoted) {
        // The message quoted this very text unfolded: its escaped bytes are already written.
        (Some(matched), Some(q)) if std::ptr::eq(matched, q.text) => {
            out.push(b'"');
            out.extend_from_within(q.at);
            out.push(b'"');
        }
        (matched, _) => opt_string(out, matched),
    }
    if let Some(by) = f.suppressed_by() {
        out.extend_from_slice(b",\"suppressed\":true,\"suppressed_by\":\"");
        out.extend_from_slice(by.as_bytes());
        out.push(b'"');
    }
    out.extend_from_slice(&rule.tail);
}

/// The JSON document (SPEC §6).
pub(super) struct Json {
    rules: Vec<RuleParts>,
}

/// One conversation per line, `{"skipped": …}` and `{"error": …}` lines as they occur, and a
/// last `{"summary": …}` line.
pub(super) struct Jsonl {
    rules: Vec<RuleParts>,
}

impl Json {
    pub(super) fn new(rules: &RuleSet) -> Json {
        Json {
            rules: rule_parts(rules),
        }
    }
}

impl Jsonl {
    pub(super) fn new(rules: &RuleSet) -> Jsonl {
        Jsonl {
            rules: rule_parts(rules),
        }
    }
}

/// What JSON and JSONL share: the conversation objects.
const RENDERING: &str = "json conversation";

impl Printer for Json {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(b"{\"version\":1,\"tool\":")?;
        write_json(w, &TOOL)?;
        w.write_all(b",\"conversations\":[\n")
    }

    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        conversation(c, &self.rules, out);
    }

    fn parts<'r>(&self, rendered: &'r [u8], index: usize) -> [&'r [u8]; 2] {
        [if index > 0 { b",\n" } else { b"" }, rendered]
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        w.write_all(b"],\"skipped\":")?;
        write_json(w, totals.skipped)?;
        w.write_all(b",\"errors\":")?;
        write_json(w, totals.errors)?;
        w.write_all(b",\"summary\":")?;
        write_json(w, totals.summary)?;
        w.write_all(b"}\n")
    }

    fn rendering_key(&self) -> Option<&'static str> {
        Some(RENDERING)
    }
}

impl Printer for Jsonl {
    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        conversation(c, &self.rules, out);
    }

    fn event(
        &self,
        w: &mut dyn Write,
        skipped: Option<&Skipped>,
        error: Option<&FileError>,
    ) -> io::Result<()> {
        #[derive(Serialize)]
        struct Event<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<&'a Skipped>,
            #[serde(skip_serializing_if = "Option::is_none")]
            error: Option<&'a FileError>,
        }
        if skipped.is_none() && error.is_none() {
            return Ok(());
        }
        write_json(w, &Event { skipped, error })?;
        w.write_all(b"\n")
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        #[derive(Serialize)]
        struct Last<'a> {
            summary: &'a Summary,
        }
        let last = Last {
            summary: totals.summary,
        };
        write_json(w, &last)?;
        w.write_all(b"\n")
    }

    fn rendering_key(&self) -> Option<&'static str> {
        Some(RENDERING)
    }
}

/// Writes `,"key":[…]` for a list of strings that is not empty.
fn strings<'s>(out: &mut Vec<u8>, key: &str, list: impl ExactSizeIterator<Item = &'s str>) {
    if list.len() == 0 {
        return;
    }
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":[");
    for (i, s) in list.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_string(out, s);
    }
    out.push(b']');
}

/// Writes one conversation object and a line break.
fn conversation(c: &Conversation, rules: &[RuleParts], out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"path\":");
    json_string(out, c.path);
    out.extend_from_slice(b",\"id\":");
    opt_string(out, c.id);
    // Only a conversation without an id has one.
    if let Some(place) = c.number {
        out.extend_from_slice(b",\"place\":");
        int(out, place);
    }
    out.extend_from_slice(b",\"format\":");
    json_string(out, c.format);
    out.extend_from_slice(b",\"turns\":");
    int(out, c.turns);
    out.extend_from_slice(b",\"unknown_turns\":");
    int(out, c.unknown_turns);
    if c.agent_guessed {
        out.extend_from_slice(b",\"agent_guessed\":true");
    }
    if c.no_agent_turn {
        out.extend_from_slice(b",\"no_agent_turn\":true");
    }
    if c.baselined > 0 {
        out.extend_from_slice(b",\"baselined\":");
        int(out, c.baselined);
    }
    if let Some(agent) = c.agent {
        out.extend_from_slice(b",\"agent\":");
        json_string(out, agent);
    }
    strings(out, "agents", c.agents.iter().copied());
    out.extend_from_slice(b",\"score\":");
    int(out, c.score);
    out.extend_from_slice(b",\"passed\":");
    out.extend_from_slice(if c.passed { b"true" } else { b"false" });
    if let Some(needed) = c.needed {
        out.extend_from_slice(b",\"needed\":");
        int(out, needed);
    }
    out.extend_from_slice(b",\"findings\":[");
    for (i, f) in c.findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match rules.get(f.rule_index) {
            Some(parts) => finding(out, f, parts),
            // A printer made without the rules' parts renders each finding's own.
            None => finding(out, f, &RuleParts::of(f)),
        }
    }
    out.push(b']');
    strings(out, "tags", c.tags.iter().copied());
    strings(out, "not_applied", c.not_applied.iter().copied());
    strings(out, "warnings", c.warnings.iter().map(String::as_str));
    out.extend_from_slice(b"}\n");
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
