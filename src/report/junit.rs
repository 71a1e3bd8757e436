//! JUnit XML (`--format junit`) for CI test tabs: a test suite per conversation (named by its
//! file, and its id or place in a file of several) with one test case, a failure carrying the findings
//! when the conversation failed or has problems at or above `--fail-on`, the conversation's
//! warnings in the case's `<system-out>`, a suite in error for each file that could not be read
//! (named with its line too where a file has several, as a stream's broken lines are), and a
//! skipped suite for each transcript skipped (too large, binary, no turns).

use super::unapplied::Needs;
use super::{Conversation, Printer, PrinterOptions, Totals, plural};
use crate::rules::{RuleSet, Severity};
use crate::text::controls::{escape_controls, escape_name};
use std::collections::HashMap;
use std::io::{self, Write};

/// The JUnit printer: a conversation fails when it failed or has a problem at or above
/// `fail_at`.
pub(super) struct Junit {
    fail_at: Option<Severity>,
    /// By rule index: whether a hit fails the conversation whatever its score.
    auto_fail: Vec<bool>,
    needs: Needs,
}

impl Junit {
    pub(super) fn new(rules: &RuleSet, opts: PrinterOptions) -> Junit {
        Junit {
            fail_at: opts.fail_at,
            auto_fail: super::auto_fail(rules),
            needs: Needs::new(rules),
        }
    }
}

impl Printer for Junit {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"talklint\">\n")
    }

    fn conversation(&self, c: &Conversation, _source: &str, out: &mut Vec<u8>) {
        let failed = super::fails(c, self.fail_at);
        conversation(
            c,
            failed.then(|| super::why_failed(c, &self.auto_fail)),
            self.needs.said(c),
            out,
        );
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let mut out = Vec::new();
        let mut per_path = HashMap::<&str, usize>::new();
        for e in totals.errors {
            *per_path.entry(&e.path).or_default() += 1;
        }
        // A transcript skipped is a skipped test (too large, no turns): never silent in the CI
        // tab.
        for s in totals.skipped.iter().filter(|s| s.unchecked_transcript()) {
            file_suite(&s.path, s.line, Case::Skipped, &s.reason, &mut out);
        }
        for e in totals.errors {
            let line = (per_path[e.path.as_str()] > 1).then(|| e.place()).flatten();
            let line = line.map(|(line, _)| line);
            file_suite(&e.path, line, Case::Error, &e.message, &mut out);
        }
        w.write_all(&out)?;
        w.write_all(b"</testsuites>\n")
    }
}

/// How a file that was not checked stands in the report.
#[derive(Clone, Copy)]
enum Case {
    /// It could not be read: its case is in error.
    Error,
    /// It was skipped (too large, binary, no turns): its case is skipped.
    Skipped,
}

/// A file that was not checked: a suite of its own whose one case is in error or skipped, with
/// `message`, named by its path, and `:` and its `line` when that tells it from the path's other
/// entries (`<stdin>:7`, one of a stream's lines).
fn file_suite(path: &str, line: Option<usize>, case: Case, message: &str, out: &mut Vec<u8>) {
    let name = |out: &mut Vec<u8>| {
        attribute_into(out, path);
        if let Some(line) = line {
            out.push(b':');
            out.extend_from_slice(itoa::Buffer::new().format(line).as_bytes());
        }
    };
    out.extend_from_slice(b"  <testsuite name=\"");
    name(out);
    out.extend_from_slice(match case {
        Case::Error => b"\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"",
        Case::Skipped => {
            b"\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\">\n    <testcase classname=\""
        }
    });
    attribute_into(out, path);
    out.extend_from_slice(b"\" name=\"");
    name(out);
    out.extend_from_slice(match case {
        Case::Error => b"\">\n      <error message=\"",
        Case::Skipped => b"\">\n      <skipped message=\"",
    });
    attribute_into(out, message);
    out.extend_from_slice(match case {
        Case::Error => b"\" type=\"talklint\"/>\n    </testcase>\n  </testsuite>\n",
        Case::Skipped => b"\"/>\n    </testcase>\n  </testsuite>\n",
    });
}

/// Appends a conversation's name, as an attribute: its file, and `#` and its id when it has one,
/// else `#` and its place in the file in parentheses, `#(2)`, when that tells it from others
/// without an id (CI viewers merge or drop suites that share a name). The parentheses keep a
/// place apart from an id that is a number (`#2`), in a file as in a stream, whose later ids are
/// not known when a conversation is named.
fn name_into(out: &mut Vec<u8>, c: &Conversation) {
    attribute_into(out, c.path);
    attribute_into(out, &c.suffix());
}

/// Appends `text` escaped for a double-quoted attribute: as [`xml_into`], with tabs and line
/// breaks as character references, which a parser's attribute normalisation leaves as they
/// are (a raw one it reads as a space).
fn attribute_into(out: &mut Vec<u8>, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['\t', '\n', '\r']) {
        xml_into(out, &rest[..at]);
        out.extend_from_slice(match rest.as_bytes()[at] {
            b'\t' => b"&#9;",
            b'\n' => b"&#10;",
            _ => b"&#13;",
        });
        rest = &rest[at + 1..];
    }
    xml_into(out, rest);
}

/// Appends `text` escaped for XML content and double-quoted attributes, the characters XML 1.0
/// cannot carry (control characters other than tab and line breaks, U+FFFE, U+FFFF) written as
/// the human report writes them (`\x1b`): dropped, `a\x1bb.txt` named another file.
fn xml_into(out: &mut Vec<u8>, text: &str) {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r')
            || (*c as u32 >= 0x20 && !matches!(c, '\u{fffe}' | '\u{ffff}'))
    };
    // Only control bytes and the 0xEF lead byte of U+FFFE/U+FFFF can need escaping.
    let suspect = |b: &u8| *b < 0x20 || *b == 0xEF;
    if !text.as_bytes().iter().any(suspect) || text.chars().all(|c| allowed(&c)) {
        return super::escape::html_into(out, text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match allowed(&c) {
            true => shown.push(c),
            // U+FFFE and U+FFFF, which a terminal takes, are written as the others would be.
            false if !c.is_control() => shown.push_str(&format!("\\u{{{:x}}}", c as u32)),
            false => shown.push_str(&escape_name(c.encode_utf8(&mut [0; 4]))),
        }
    }
    super::escape::html_into(out, &shown);
}

/// One suite for the conversation with one case, failed (with why, if not only for its
/// problems) or not; named by its file, and its id or place in a file of several, so that no two
/// suites share a name.
fn conversation(
    c: &Conversation,
    failed: Option<Vec<String>>,
    unapplied: Option<String>,
    out: &mut Vec<u8>,
) {
    let mut numbers = itoa::Buffer::new();
    out.extend_from_slice(b"  <testsuite name=\"");
    name_into(out, c);
    // A conversation with no agent turn that passed had nothing judged: its case is skipped,
    // as the human summary says "none judged", never a silent pass.
    let unjudged = failed.is_none().then(|| super::unjudged(c)).flatten();
    out.extend_from_slice(b"\" tests=\"1\" failures=\"");
    out.push(if failed.is_some() { b'1' } else { b'0' });
    out.extend_from_slice(match unjudged {
        Some(_) => b"\" errors=\"0\" skipped=\"1\">\n",
        None => b"\" errors=\"0\">\n",
    });
    if !c.tags.is_empty() {
        out.extend_from_slice(b"    <properties>\n");
        for tag in &c.tags {
            out.extend_from_slice(b"      <property name=\"tag\" value=\"");
            attribute_into(out, tag);
            out.extend_from_slice(b"\"/>\n");
        }
        out.extend_from_slice(b"    </properties>\n");
    }
    out.extend_from_slice(b"    <testcase classname=\"");
    attribute_into(out, c.path);
    out.extend_from_slice(b"\" name=\"");
    name_into(out, c);
    out.extend_from_slice(b"\">");
    if let Some(why) = failed {
        let problems = c.findings.iter().filter(|f| f.is_problem());
        out.extend_from_slice(b"\n      <failure message=\"score ");
        out.extend_from_slice(numbers.format(c.score).as_bytes());
        out.extend_from_slice(b" (");
        let count = problems.clone().count();
        out.extend_from_slice(plural(count, "problem", "problems").as_bytes());
        for reason in why {
            out.extend_from_slice(b"; ");
            attribute_into(out, &reason);
        }
        out.extend_from_slice(b")\" type=\"talklint\">");
        // The failure's text is read as a terminal shows it: control characters escaped, as
        // in the human report (a CR in a path read back as a line break, others dropped).
        for f in problems {
            out.push(b'\n');
            xml_into(out, &escape_name(c.path));
            out.push(b':');
            out.extend_from_slice(numbers.format(f.line).as_bytes());
            out.push(b':');
            out.extend_from_slice(numbers.format(f.column).as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(f.severity.name().as_bytes());
            out.extend_from_slice(b" [");
            xml_into(out, f.rule);
            out.extend_from_slice(b"] ");
            xml_into(out, &escape_controls(&f.message.text()));
        }
        out.extend_from_slice(b"\n      </failure>\n    ");
    }
    if let Some(why) = unjudged {
        out.extend_from_slice(b"\n      <skipped message=\"");
        attribute_into(out, why);
        out.extend_from_slice(b"\"/>\n    ");
    }
    // In the case, not the suite: JUnit 5, Surefire and GitLab write and show it there.
    if !c.warnings.is_empty() || unapplied.is_some() {
        out.extend_from_slice(b"\n      <system-out>");
        for w in c.warnings {
            out.extend_from_slice(b"\nwarning: ");
            xml_into(out, &escape_controls(w));
        }
        if let Some(unapplied) = unapplied {
            out.extend_from_slice(b"\nnote: ");
            xml_into(out, &unapplied);
        }
        out.extend_from_slice(b"\n      </system-out>\n    ");
    }
    out.extend_from_slice(b"</testcase>\n  </testsuite>\n");
}
