//! One self-contained HTML page (`--format html`) for a QA lead: the summary and charts at the
//! top (score distribution, findings by category, top rules, mean score per agent; inline SVG),
//! then every conversation with each finding highlighted in its turn (turns without findings
//! are counted, not shown, so that a large scan stays a page a browser opens).
//!
//! Conversations are streamed into the page as they are scanned; the summary is written last
//! and shown first (CSS `order`). All transcript text is escaped; the page has no script and
//! fetches nothing.

use super::escape::{html, html_into};
use super::{Conversation, Finding, Printer, Summary, Totals};
use crate::rules::{Kind, RuleSet, Severity};
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = "\
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d232a}
.page{display:flex;flex-direction:column;max-width:1100px;margin:0 auto;padding:16px}
.summary{order:-1}
h1{font-size:22px;margin:8px 0 12px}h2{font-size:17px;margin:20px 0 8px}
.cards{display:flex;gap:10px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px;margin-top:12px}
.chart{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:10px}
.chart h3{font-size:14px;margin:0 0 6px}
details.conv{background:#fff;border:1px solid #dde1e6;border-left:5px solid #2e9d57;border-radius:6px;margin:6px 0;padding:6px 10px}
details.conv.fail{border-left-color:#d23c3c}
summary{cursor:pointer}
.turn{margin:4px 0;padding:2px 6px;white-space:pre-wrap}
.role{font-weight:600;margin-right:6px}
.agent .role{color:#1f5fa8}.customer .role{color:#7a4db3}
mark.error{background:#ffd2d2}mark.warning{background:#ffe8b3}mark.info{background:#e3e8ee}mark.reward{background:#c9f0d5}
.finding{margin:2px 0 2px 22px;font-size:13px}
.more{color:#6b7480;font-size:12px;margin:4px 6px}
.finding code{background:#eef1f4;padding:0 3px;border-radius:3px}
.error{color:#b42318}.warning{color:#a15c00}.reward{color:#1e7a43}
.badge{background:#e8e1f5;color:#4b2c85;border-radius:9px;padding:0 7px;font-size:12px;margin-left:4px}
mark.tag{background:#e8e1f5}
";

/// The HTML printer: the rules' ids and categories name the charts' bars.
pub(super) struct Html {
    /// (id, category) of every rule, by index.
    rules: Vec<(String, String)>,
}

impl Html {
    pub(super) fn new(rules: &RuleSet) -> Html {
        Html {
            rules: rules
                .rules
                .iter()
                .map(|r| (r.id.clone(), r.category.clone()))
                .collect(),
        }
    }
}

impl Printer for Html {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        start(w)
    }

    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        conversation(c, source, out);
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        finish(w, totals.summary, &self.rules)
    }
}

fn start(w: &mut dyn Write) -> io::Result<()> {
    write!(
        w,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>talklint report</title><style>{STYLE}</style></head>\n<body><div class=\"page\">\n\
         <section class=\"conversations\"><h2>Conversations</h2>\n"
    )
}

fn class(f: &Finding) -> &'static str {
    match (f.kind, f.severity) {
        (Kind::Reward, _) => "reward",
        (Kind::Tag, _) => "tag",
        (_, Severity::Error) => "error",
        (_, Severity::Warning) => "warning",
        (_, Severity::Info) => "info",
    }
}

/// A turn's text with the findings' matches marked; a reward's mark carries its rule and points
/// in its title (rewards get no line of their own, problems do).
fn marked(out: &mut Vec<u8>, text: &str, findings: &[Finding]) {
    // By position, the longest first where two start together; a require finding has no range
    // and marks nothing. Findings usually come in that order already.
    let key = |f: &&Finding| f.turn_range.map(|(s, e)| (s, std::cmp::Reverse(e)));
    if findings.is_sorted_by_key(|f| key(&f)) {
        return mark_in_order(out, text, findings.iter());
    }
    let mut ordered: Vec<&Finding> = findings.iter().collect();
    ordered.sort_by_key(key);
    mark_in_order(out, text, ordered.into_iter());
}

fn mark_in_order<'f>(
    out: &mut Vec<u8>,
    text: &str,
    findings: impl Iterator<Item = &'f Finding<'f>>,
) {
    let mut at = 0;
    for f in findings {
        let Some((s, e)) = f.turn_range else {
            continue;
        };
        if s < at || e > text.len() {
            continue; // overlaps a mark already made
        }
        html_into(out, &text[at..s]);
        out.extend_from_slice(b"<mark class=\"");
        out.extend_from_slice(class(f).as_bytes());
        out.extend_from_slice(b"\" title=\"");
        html_into(out, f.rule);
        if !f.is_problem() {
            points(out, f.points);
        }
        out.extend_from_slice(b"\">");
        html_into(out, &text[s..e]);
        out.extend_from_slice(b"</mark>");
        at = e;
    }
    html_into(out, &text[at..]);
}

/// ` (+5)`: a finding's points, signed.
fn points(out: &mut Vec<u8>, points: i32) {
    out.extend_from_slice(if points < 0 { b" (-" } else { b" (+" });
    out.extend_from_slice(itoa::Buffer::new().format(points.unsigned_abs()).as_bytes());
    out.push(b')');
}

/// One conversation: a `<details>` entry with the turns that have findings, their matches
/// marked, each problem explained under its turn.
fn conversation(c: &Conversation, source: &str, out: &mut Vec<u8>) {
    let problems = c.findings.iter().filter(|f| f.is_problem()).count();
    let rewards = c.findings.iter().filter(|f| f.kind == Kind::Reward).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let _ = write!(
        out,
        "<details class=\"conv {}\"{}><summary><b>",
        if c.passed { "pass" } else { "fail" },
        // Failed conversations open, so their findings show without a click.
        if c.passed { "" } else { " open" },
    );
    html_into(out, c.path);
    if let Some(id) = c.id {
        out.push(b'#');
        html_into(out, id);
    }
    let _ = write!(
        out,
        "</b> — score {} ({}) · {problems} problem{} · {rewards} reward{}",
        c.score,
        if c.passed { "pass" } else { "FAIL" },
        plural(problems),
        plural(rewards),
    );
    if let Some(agent) = c.agent {
        out.extend_from_slice(" · agent ".as_bytes());
        html_into(out, agent);
    }
    for tag in &c.tags {
        out.extend_from_slice(b" <span class=\"badge\">");
        html_into(out, tag);
        out.extend_from_slice(b"</span>");
    }
    out.extend_from_slice(b"</summary>\n");
    // Only the turns that have findings: a scan of thousands of conversations stays a page a
    // browser opens. Findings come in turn order, a run of them per turn.
    let mut shown = 0;
    for here in c.findings.chunk_by(|a, b| a.turn == b.turn) {
        let Some(turn) = c.transcript.turns.get(here[0].turn - 1) else {
            continue;
        };
        shown += 1;
        out.extend_from_slice(b"<div class=\"turn ");
        out.extend_from_slice(turn.role.name().as_bytes());
        out.extend_from_slice(b"\"><span class=\"role\">");
        html_into(out, turn.speaker.as_deref().unwrap_or(turn.role.name()));
        out.extend_from_slice(b"</span>");
        marked(out, turn.text(source), here);
        out.extend_from_slice(b"</div>\n");
        for f in here.iter().filter(|f| f.is_problem()) {
            out.extend_from_slice(b"<div class=\"finding ");
            out.extend_from_slice(class(f).as_bytes());
            out.extend_from_slice(b"\">");
            out.extend_from_slice(f.severity.name().as_bytes());
            out.extend_from_slice(b" <code>");
            html_into(out, f.rule);
            out.extend_from_slice(b"</code> ");
            html_into(out, &f.message);
            points(out, f.points);
            if let Some(help) = f.suggestion {
                out.extend_from_slice(" — <i>".as_bytes());
                html_into(out, help);
                out.extend_from_slice(b"</i>");
            }
            out.extend_from_slice(b"</div>\n");
        }
    }
    let hidden = c.transcript.turns.len() - shown;
    if hidden > 0 {
        let _ = writeln!(
            out,
            "<div class=\"more\">{hidden} turn{} without findings not shown</div>",
            plural(hidden)
        );
    }
    out.extend_from_slice(b"</details>\n");
}

/// A horizontal bar chart: one labelled bar per (label, value).
fn bars(title: &str, rows: &[(String, f64)], unit: &str) -> String {
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max).max(1.0);
    let height = rows.len() * 22 + 8;
    let mut s = format!(
        "<div class=\"chart\"><h3>{}</h3><svg role=\"img\" aria-label=\"{}\" width=\"100%\" viewBox=\"0 0 420 {height}\">",
        html(title),
        html(title)
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = i * 22 + 4;
        let w = (value / max * 220.0).round();
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">{}</text><rect x=\"170\" y=\"{y}\" width=\"{w}\" height=\"16\" fill=\"#4f7cc4\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"11\">{}{unit}</text>",
            y + 12,
            html(&label.chars().take(28).collect::<String>()),
            175.0 + w,
            y + 12,
            if value.fract() == 0.0 {
                format!("{value}")
            } else {
                format!("{value:.1}")
            },
        );
    }
    s.push_str("</svg></div>");
    s
}

fn finish(w: &mut dyn Write, s: &Summary, rules: &[(String, String)]) -> io::Result<()> {
    let rate = if s.conversations == 0 {
        0.0
    } else {
        100.0 * s.passed as f64 / s.conversations as f64
    };
    let mut page = String::from(
        "</section>\n<section class=\"summary\"><h1>talklint report</h1><div class=\"cards\">",
    );
    for (label, value) in [
        ("conversations", s.conversations.to_string()),
        ("pass rate", format!("{rate:.1}%")),
        ("mean score", format!("{:.1}", s.mean_score)),
        ("errors", s.findings.error.to_string()),
        ("warnings", s.findings.warning.to_string()),
        ("info", s.findings.info.to_string()),
        ("rewards", s.findings.reward.to_string()),
        (
            "files skipped / unreadable",
            format!("{} / {}", s.skipped, s.errors),
        ),
    ] {
        let _ = write!(
            page,
            "<div class=\"card\" data-stat=\"{label}\"><b>{}</b>{label}</div>",
            html(&value)
        );
    }
    page.push_str("</div><div class=\"charts\">");
    let histogram: Vec<(String, f64)> = s
        .stats
        .scores
        .iter()
        .enumerate()
        .map(|(d, n)| {
            (
                if d == 10 {
                    "100".into()
                } else {
                    format!("{}–{}", d * 10, d * 10 + 9)
                },
                *n as f64,
            )
        })
        .collect();
    page.push_str(&bars("Score distribution (conversations)", &histogram, ""));
    let mut categories: Vec<(String, f64)> = Vec::new();
    let mut top: Vec<(String, f64)> = Vec::new();
    for (i, n) in s.stats.per_rule.iter().enumerate().filter(|(_, n)| **n > 0) {
        let Some((id, category)) = rules.get(i) else {
            continue;
        };
        match categories.iter_mut().find(|(c, _)| c == category) {
            Some((_, total)) => *total += *n as f64,
            None => categories.push((category.clone(), *n as f64)),
        }
        top.push((id.clone(), *n as f64));
    }
    categories.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(10);
    page.push_str(&bars("Findings by category", &categories, ""));
    page.push_str(&bars("Top rules (findings)", &top, ""));
    if !s.stats.agents.is_empty() {
        let agents: Vec<(String, f64)> = s
            .stats
            .agents
            .iter()
            .map(|(name, a)| {
                let mean = a.score_total as f64 / a.conversations as f64;
                (format!("{name} ({})", a.conversations), mean)
            })
            .collect();
        page.push_str(&bars("Mean score per agent", &agents, ""));
    }
    page.push_str("</div></section>\n</div></body></html>\n");
    w.write_all(page.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where two matches start together the longer is marked, whatever order they come in, and
    /// a match overlapping a mark already made is not marked again.
    #[test]
    fn marks_take_the_longest_match_first() {
        let finding = |range: (usize, usize), rule: &'static str| Finding {
            rule,
            kind: Kind::Forbid,
            severity: Severity::Warning,
            category: "c",
            points: -5,
            message: "m".into(),
            turn: 1,
            role: crate::transcript::Role::Agent,
            speaker: None,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            start_ms: None,
            matched: None,
            suggestion: None,
            link: None,
            span: (0, 0),
            rule_index: 0,
            turn_range: Some(range),
        };
        let text = "please calm down now";
        let short = finding((7, 11), "a/calm");
        let long = finding((7, 16), "b/calm-down");
        let inside = finding((12, 16), "c/down");
        let want = "please <mark class=\"warning\" title=\"b/calm-down\">calm down</mark> now";
        for order in [
            vec![short.clone(), long.clone(), inside.clone()],
            vec![long.clone(), short.clone(), inside.clone()],
        ] {
            let mut out = Vec::new();
            marked(&mut out, text, &order);
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
