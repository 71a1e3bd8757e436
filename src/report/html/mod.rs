//! One self-contained HTML page (`--format html`) for a QA lead reviewing a scan: the totals,
//! charts and agent table at the top, then every conversation, whole, with each finding
//! highlighted in its turn; filters, search and sorting in the page, kept in the URL's `#` so
//! that a view can be shared. The page fetches nothing and needs no framework.
//!
//! Conversations stream into the page as they are scanned, as data ([`data`]) in one HTML
//! comment, a line each: Chromium reads 64 MB of comment in 1.3 s, of
//! `<script type="application/json">` in 3.4 s (10,000 generated conversations, measured), and
//! the data holds no `>`, so nothing in it can end the comment. The page's script (`page.js`) builds the elements of the
//! conversations in view, a page of them at a time, and a conversation's turns when it is
//! opened, always as text nodes, so that no transcript text is ever markup. The overview
//! ([`overview`], [`charts`]) is written after the last conversation; a line saying the report
//! is being read is shown until then.

mod charts;
mod data;
mod overview;

use super::escape::markup_json_string;
use super::rule_ids::RuleIds;
use super::unapplied::Needs;
use super::{Conversation, Printer, Summary, Totals};
use crate::rules::{Kind, RuleSet, Severity};
use std::collections::BTreeMap;
use std::io::{self, Write};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// What the page shows of a rule.
struct RuleInfo {
    id: String,
    category: String,
    kind: Kind,
    severity: Severity,
    suggestion: Option<String>,
    /// The index of the first rule with its id, which stands for the id where the page names
    /// rules by id (filter, charts, agent table): with nested configs, an id can have several
    /// entries (another severity, …), the run's config's first.
    first: usize,
}

impl RuleInfo {
    fn is_problem(&self) -> bool {
        matches!(self.kind, Kind::Forbid | Kind::Require)
    }
}

/// Counts by rule index summed by rule id, under the index of the rule that stands for each id
/// ([`RuleInfo::first`]); ids counted nothing are left out.
fn count_by_id(
    counts: impl IntoIterator<Item = (usize, usize)>,
    rules: &[RuleInfo],
) -> BTreeMap<usize, usize> {
    let mut by_id = BTreeMap::new();
    for (rule, n) in counts.into_iter().filter(|c| c.1 > 0) {
        if let Some(r) = rules.get(rule) {
            *by_id.entry(r.first).or_default() += n;
        }
    }
    by_id
}

/// Each rule id the scan found, by the rule that stands for it, with its findings.
fn found<'r>(s: &Summary, rules: &'r [RuleInfo]) -> Vec<(&'r RuleInfo, usize)> {
    let counts = count_by_id(s.stats.per_rule.iter().copied().enumerate(), rules);
    counts
        .into_iter()
        .map(|(rule, n)| (&rules[rule], n))
        .collect()
}

/// The HTML printer: the rules name the findings, bars and filters.
pub(super) struct Html {
    /// By rule index.
    rules: Vec<RuleInfo>,
    needs: Needs,
}

impl Html {
    pub(super) fn new(rules: &RuleSet) -> Html {
        let ids = RuleIds::new(rules);
        Html {
            rules: (rules.rules.iter().enumerate())
                .map(|(i, r)| RuleInfo {
                    id: r.id.clone(),
                    category: r.category.clone(),
                    kind: r.kind,
                    severity: r.severity,
                    suggestion: r.suggestion.clone(),
                    first: ids.first_of(i),
                })
                .collect(),
            needs: Needs::new(rules),
        }
    }
}

impl Printer for Html {
    fn start(&self, w: &mut dyn Write) -> io::Result<()> {
        write!(
            w,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>talklint report</title><style>{STYLE}</style></head>\n<body>\n\
             <p id=\"tl-loading\" class=\"loading\">talklint report: reading the conversations…</p>\n\
             <!--\n"
        )
    }

    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        data::conversation(c, source, self.needs.said(c), out);
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let s = totals.summary;
        let mut page = String::from("-->\n<main class=\"page\"><header><h1>talklint report</h1>");
        overview::cards(&mut page, s);
        page.push_str(
            "</header>\n<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">Findings</h2>",
        );
        charts::charts(&mut page, s, &self.rules);
        page.push_str("</section>\n");
        overview::agents(&mut page, s, &self.rules);
        overview::not_checked(&mut page, totals.skipped, totals.errors);
        page.push_str(
            "\n<section id=\"conversations\" aria-labelledby=\"h-conversations\">\
             <h2 id=\"h-conversations\">Conversations</h2>",
        );
        overview::filters(&mut page, s, &self.rules);
        page.push_str(
            "<p id=\"tl-count\" role=\"status\"></p><ol id=\"tl-list\" class=\"convs\"></ol>\
             <p><button type=\"button\" id=\"tl-more\" hidden>Show more</button></p>\
             <noscript><p>The conversations are shown by the page's script, which this browser \
             does not run; the totals above are complete, and <code>--format json</code> or \
             <code>csv</code> give every finding.</p></noscript></section>\n</main>\n",
        );
        w.write_all(page.as_bytes())?;
        let mut rules = Vec::from(&b"<script type=\"application/json\" id=\"tl-rules\">["[..]);
        for (i, r) in self.rules.iter().enumerate() {
            if i > 0 {
                rules.push(b',');
            }
            rules.push(b'[');
            for field in [
                r.id.as_str(),
                &r.category,
                charts::class(r.kind, r.severity),
                r.kind.name(),
            ] {
                markup_json_string(&mut rules, field);
                rules.push(b',');
            }
            match &r.suggestion {
                Some(help) => markup_json_string(&mut rules, help),
                None => rules.extend_from_slice(b"null"),
            }
            rules.push(b']');
        }
        rules.extend_from_slice(b"]</script>\n");
        w.write_all(&rules)?;
        write!(w, "<script>{SCRIPT}</script>\n</body></html>\n")
    }
}
