//! JUnit XML (`--format junit`) for CI test tabs: a test suite per file, a test case per
//! conversation, and a failure carrying the findings when the conversation failed or has
//! problems at or above `--fail-on`.

use super::Conversation;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Escapes text for XML content and attributes, dropping the characters XML 1.0 cannot carry.
fn xml(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r')
            || (*c as u32 >= 0x20 && !matches!(c, '\u{fffe}' | '\u{ffff}'))
    };
    if text.chars().all(|c| allowed(&c)) {
        return super::html::escape(text);
    }
    super::html::escape(&text.chars().filter(allowed).collect::<String>())
}

pub fn start(w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"talklint\">\n")
}

/// One suite for the conversation's file with one case; `fails` decides a failure.
pub fn conversation(c: &Conversation, fails: &dyn Fn(&Conversation) -> bool, out: &mut Vec<u8>) {
    let failed = fails(c);
    let name =
        c.id.map_or_else(|| c.path.to_string(), |id| format!("{}#{id}", c.path));
    let mut s = String::new();
    let _ = write!(
        s,
        "  <testsuite name=\"{}\" tests=\"1\" failures=\"{}\" errors=\"0\">\n    <testcase classname=\"{}\" name=\"{}\">",
        xml(c.path),
        u8::from(failed),
        xml(c.path),
        xml(&name)
    );
    if failed {
        let problems: Vec<_> = c.findings.iter().filter(|f| f.is_problem()).collect();
        let _ = write!(
            s,
            "\n      <failure message=\"score {} ({} problems)\" type=\"talklint\">",
            c.score,
            problems.len()
        );
        for f in problems {
            let _ = write!(
                s,
                "\n{}:{}:{}: {} [{}] {}",
                xml(c.path),
                f.line,
                f.column,
                f.severity.name(),
                xml(f.rule),
                xml(&f.message)
            );
        }
        s.push_str("\n      </failure>\n    ");
    }
    s.push_str("</testcase>\n  </testsuite>\n");
    out.extend_from_slice(s.as_bytes());
}

pub fn finish(w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"</testsuites>\n")
}
