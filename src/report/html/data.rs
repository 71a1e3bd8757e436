//! One conversation as the HTML page's data: a line of JSON that the page's script turns into
//! DOM nodes (as text, never as markup) when the conversation is first shown, and filters and
//! sorts on. Rendering a conversation is cheaper as data than as markup, and a browser parses
//! 10,000 conversations of data far faster than 10,000 conversations of elements.
//!
//! The shape, with short keys because every turn of every conversation is written:
//! `{"p": path, "i": id?, "s": score, "ok": 0|1, "a": agent?, "as": [agent]?, "g": 1?, "top": rule?, "w": [warning]?,
//!   "f": [[rule, turn, points, message, 1?], …], "t": [[role, start_ms|null, label|null, named,
//!   [segment, …]], …]}` where `rule` indexes the page's rule table, `turn` indexes `t` (from 0),
//! a finding's fifth item, 1, marks it suppressed (`--show-suppressed`: shown, counted nowhere),
//! `as` lists every named agent when there are two or more (`a` is the first), `g` marks an agent
//! guessed from what the speakers say (JSON's `agent_guessed`), `role` indexes
//! [`ROLES`], `named` is 1 when the label is a person's name, and a segment is
//! plain text or `[finding, text]`, a match of the finding with that index in `f`.

use super::super::escape::{int, json_strings, markup_json_string as string};
use super::super::{Conversation, Finding};
use crate::redact::{Span, mask_range, widen};
use crate::transcript::{Role, roles};
use std::ops::Range;

/// The roles in the order the data numbers them (the page's script names them in this order).
pub(super) const ROLES: [Role; 6] = [
    Role::Agent,
    Role::Customer,
    Role::Bot,
    Role::System,
    Role::Unknown,
    Role::Any,
];

/// Writes one conversation as a JSON object on a line of its own.
pub(super) fn conversation(
    c: &Conversation,
    source: &str,
    unapplied: Option<String>,
    out: &mut Vec<u8>,
) {
    out.extend_from_slice(b"{\"p\":");
    string(out, c.path);
    if let Some(id) = c.id {
        out.extend_from_slice(b",\"i\":");
        string(out, id);
    }
    out.extend_from_slice(b",\"s\":");
    int(out, c.score);
    out.extend_from_slice(if c.passed { b",\"ok\":1" } else { b",\"ok\":0" });
    if let Some(agent) = c.agent {
        out.extend_from_slice(b",\"a\":");
        string(out, agent);
    }
    if !c.agents.is_empty() {
        out.extend_from_slice(b",\"as\":");
        json_strings::<true>(out, c.agents.iter().copied());
    }
    if c.agent_guessed {
        out.extend_from_slice(b",\"g\":1");
    }
    if let Some(top) = super::super::rank::problems(&c.findings).first() {
        out.extend_from_slice(b",\"top\":");
        int(out, top.rule);
    }
    if !c.warnings.is_empty() {
        out.extend_from_slice(b",\"w\":");
        json_strings::<true>(out, c.warnings.iter().map(String::as_str));
    }
    // The rules it could not apply, as the human report says it (SPEC §2.1).
    if let Some(why) = unapplied {
        out.extend_from_slice(b",\"na\":");
        json_strings::<true>(out, std::iter::once(why.as_str()));
    }
    out.extend_from_slice(b",\"f\":[");
    for (i, f) in c.findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        int(out, f.rule_index);
        out.push(b',');
        int(out, f.turn - 1);
        out.push(b',');
        int(out, f.points);
        out.push(b',');
        string(out, &f.message.text());
        if f.suppressed.is_some() {
            out.extend_from_slice(b",1");
        }
        out.push(b']');
    }
    out.extend_from_slice(b"],\"t\":[");
    // Findings come in turn order: walk them beside the turns.
    let mut findings = 0;
    // Whether each speaker's label is a name, worked out once per speaker, not per turn.
    let mut named: Vec<(&str, bool)> = Vec::new();
    for (t, turn) in c.transcript.turns.iter().enumerate() {
        let here = c.findings[findings..]
            .iter()
            .take_while(|f| f.turn == t + 1)
            .count();
        if t > 0 {
            out.push(b',');
        }
        out.push(b'[');
        int(out, ROLES.iter().position(|&r| r == turn.role).unwrap_or(4));
        out.push(b',');
        match turn.start_ms {
            Some(ms) => int(out, ms),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b',');
        match turn.speaker.as_deref() {
            Some(label) => {
                string(out, label);
                let is_name = match named.iter().find(|(l, _)| *l == label) {
                    Some(&(_, is_name)) => is_name,
                    None => {
                        let is_name = roles::is_name(label);
                        named.push((label, is_name));
                        is_name
                    }
                };
                out.extend_from_slice(if is_name { b",1" } else { b",0" });
            }
            None => out.extend_from_slice(b"null,0"),
        }
        out.extend_from_slice(b",[");
        let text = turn.text(source);
        let personal = c.redactor.map(|r| r.spans(text)).unwrap_or_default();
        let here_findings = &c.findings[findings..findings + here];
        segments(out, text, &personal, here_findings, findings);
        out.extend_from_slice(b"]]");
        findings += here;
    }
    out.extend_from_slice(b"]}\n");
}

/// A turn's text as segments, the findings' matches apart: where two matches start together the
/// longer is marked, and a match overlapping one already marked is not (a `require` finding has
/// no match and marks nothing). `first` is the index of `findings[0]` in the conversation.
/// `personal` (`--redact`) is masked in each segment it overlaps.
fn segments(out: &mut Vec<u8>, text: &str, personal: &[Span], findings: &[Finding], first: usize) {
    let key = |f: &Finding| f.turn_range.map(|(s, e)| (s, std::cmp::Reverse(e)));
    let mut ordered: Vec<(usize, &Finding)> = (first..).zip(findings).collect();
    // Findings usually come in that order already.
    if !findings.is_sorted_by_key(key) {
        ordered.sort_by_key(|(_, f)| key(f));
    }
    let mut at = 0;
    let mut written = 0;
    let mut segment = |out: &mut Vec<u8>, finding: Option<usize>, range: Range<usize>| {
        let piece = &mask_range(text, personal, range);
        if written > 0 {
            out.push(b',');
        }
        written += 1;
        match finding {
            Some(i) => {
                out.push(b'[');
                int(out, i);
                out.push(b',');
                string(out, piece);
                out.push(b']');
            }
            None => string(out, piece),
        }
    };
    for (i, f) in ordered {
        let Some((s, e)) = f.turn_range else {
            continue;
        };
        // Personal data the match overlaps is marked with it, whole.
        let (s, e) = widen(personal, s, e);
        if s < at || e > text.len() {
            continue; // overlaps a mark already made
        }
        if s > at {
            segment(out, None, at..s);
        }
        segment(out, Some(i), s..e);
        at = e;
    }
    if at < text.len() || at == 0 {
        segment(out, None, at..text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Kind, Severity};

    /// Where two matches start together the longer is marked, whatever order they come in, and
    /// a match overlapping a mark already made is not marked again.
    #[test]
    fn segments_take_the_longest_match_first() {
        let finding = |range: (usize, usize), rule: &'static str| Finding {
            rule,
            kind: Kind::Forbid,
            severity: Severity::Warning,
            category: "c",
            points: -5,
            message: "m".into(),
            turn: 1,
            role: Role::Agent,
            speaker: None,
            agent: None,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            start_ms: None,
            measured: None,
            matched: None,
            suggestion: None,
            link: None,
            suppressed: None,
            span: (0, 0),
            rule_index: 0,
            turn_range: Some(range),
        };
        let text = "please calm down </script>";
        let short = finding((7, 11), "a/calm");
        let long = finding((7, 16), "b/calm-down");
        let inside = finding((12, 16), "c/down");
        for (order, long_at) in [
            (vec![short.clone(), long.clone(), inside.clone()], 4),
            (vec![long.clone(), short.clone(), inside.clone()], 3),
        ] {
            let mut out = Vec::new();
            segments(&mut out, text, &[], &order, 3);
            let want = format!(r#""please ",[{long_at},"calm down"]," \u003c/script\u003e""#);
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
        let mut out = Vec::new();
        segments(&mut out, "", &[], &[], 0);
        assert_eq!(out, b"\"\"", "an empty turn is one empty segment");
    }
}
