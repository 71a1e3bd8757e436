//! The page's charts, written once the scan is done: scores, problems by category and by rule,
//! rewards and tags, each apart. Charts are HTML tables, not SVG: their labels are text at the
//! page's own size (an SVG scaled to its box drew them at about 9 px), a label cut to fit keeps
//! the full rule id in its tooltip and for screen readers, bars take the colour of their
//! severity, and each label links to the conversations it counts.

use super::super::Summary;
use super::super::escape::html;
use super::super::rank::{self, Problem, RuleTally};
use super::RuleInfo;
use super::overview::filter_link;
use crate::report::plural;
use crate::rules::{Kind, Severity};
use std::fmt::Write as _;

/// One bar: its label (a link to the filtered list when `href` is set), what its tooltip says,
/// and its parts, stacked, as (CSS class, value).
struct Bar {
    label: String,
    href: Option<String>,
    tooltip: String,
    parts: Vec<(&'static str, f64)>,
    value: String,
}

/// A chart: a table of labelled bars (`what` names the labels), each as long as its total
/// relative to the longest.
fn chart(page: &mut String, [title, note, what]: [&str; 3], bars: &[Bar]) {
    if bars.is_empty() {
        return;
    }
    let max = bars
        .iter()
        .map(|b| b.parts.iter().map(|p| p.1).sum::<f64>())
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let _ = write!(
        page,
        "<figure class=\"chart\"><figcaption><h3>{}</h3><p>{}</p></figcaption><table class=\"bars\">\
         <thead><tr><th scope=\"col\">{what}</th><th scope=\"col\">count</th></tr></thead><tbody>",
        html(title),
        html(note),
    );
    for bar in bars {
        let label = html(&bar.label);
        let tooltip = html(&bar.tooltip);
        page.push_str("<tr><th scope=\"row\">");
        match &bar.href {
            Some(href) => {
                let _ = write!(
                    page,
                    "<a href=\"{}\" title=\"{tooltip}\">{label}</a>",
                    html(href)
                );
            }
            None => {
                let _ = write!(page, "<span title=\"{tooltip}\">{label}</span>");
            }
        }
        page.push_str("</th><td><span class=\"track\">");
        for (class, value) in bar.parts.iter().filter(|p| p.1 > 0.0) {
            let _ = write!(
                page,
                "<span class=\"bar {class}\" style=\"width:{:.1}%\"></span>",
                100.0 * value / max
            );
        }
        let _ = write!(page, "</span> {}</td></tr>", html(&bar.value));
    }
    page.push_str("</tbody></table></figure>");
}

/// The CSS class that colours a rule's findings.
pub(super) fn class(kind: Kind, severity: Severity) -> &'static str {
    match (kind, severity) {
        (Kind::Reward, _) => "reward",
        (Kind::Tag, _) => "tag",
        (_, severity) => severity.name(),
    }
}

/// The rules' problems over the scan, top first.
fn ranked_problems(s: &Summary, rules: &[RuleInfo]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = s
        .stats
        .per_rule
        .iter()
        .enumerate()
        .filter(|(i, n)| **n > 0 && rules.get(*i).is_some_and(RuleInfo::is_problem))
        .map(|(i, n)| Problem {
            rule: i,
            severity: rules[i].severity,
            tally: RuleTally {
                findings: *n,
                points_lost: s.stats.points_lost.get(i).copied().unwrap_or(0),
            },
        })
        .collect();
    rank::rank(&mut problems);
    problems
}

/// The charts: scores, problems by category and by rule, rewards, tags.
pub(super) fn charts(page: &mut String, s: &Summary, rules: &[RuleInfo]) {
    page.push_str("<div class=\"charts\">");
    let scores: Vec<Bar> = s
        .stats
        .scores
        .iter()
        .enumerate()
        .map(|(d, n)| {
            let label = match d {
                10 => "100".to_string(),
                _ => format!("{}–{}", d * 10, d * 10 + 9),
            };
            Bar {
                tooltip: format!(
                    "score {label}: {}",
                    plural(*n, "conversation", "conversations")
                ),
                label,
                href: None,
                parts: vec![("score", *n as f64)],
                value: n.to_string(),
            }
        })
        .collect();
    chart(page, ["Scores", "conversations by score", "score"], &scores);
    let problems = ranked_problems(s, rules);
    chart(
        page,
        [
            "Problems by category",
            "errors, warnings and info; rewards and tags apart",
            "category",
        ],
        &category_bars(&problems, rules),
    );
    // A rule of two entries (a nested config's severity) is one bar, stacked by severity.
    let top: Vec<Bar> = rank::merge_by_id(&problems, |i| rules[i].first)
        .iter()
        .take(10)
        .map(|p| {
            let r = &rules[p.rule];
            let parts = (problems.iter())
                .filter(|q| rules[q.rule].first == p.rule)
                .map(|q| (class(r.kind, q.severity), q.tally.findings));
            rule_bar(r, p.tally, ("rule", &r.id), parts.collect())
        })
        .collect();
    chart(
        page,
        [
            "Top problems",
            "worst severity first, then most points lost",
            "rule",
        ],
        &top,
    );
    for (kind, title, note, key) in [
        (
            Kind::Reward,
            "Rewards",
            "good language, most frequent first",
            "rule",
        ),
        (
            Kind::Tag,
            "Tags",
            "conversation labels, most frequent first",
            "tag",
        ),
    ] {
        let mut bars: Vec<(&RuleInfo, usize)> = super::found(s, rules)
            .into_iter()
            .filter(|(r, _)| r.kind == kind)
            .collect();
        bars.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
        let bars: Vec<Bar> = bars
            .iter()
            .take(10)
            .map(|&(r, n)| {
                let tally = RuleTally {
                    findings: n,
                    points_lost: 0,
                };
                rule_bar(r, tally, (key, &r.id), vec![(class(r.kind, r.severity), n)])
            })
            .collect();
        chart(page, [title, note, key], &bars);
    }
    page.push_str("</div>");
}

/// A bar per category, stacked by severity, in the order of the rules' ranking (a category
/// ranks as its worst severity, then its points lost).
fn category_bars(problems: &[Problem], rules: &[RuleInfo]) -> Vec<Bar> {
    // (category, its problems as one, findings by severity from error to info)
    let mut categories: Vec<(&str, Problem, [usize; 3])> = Vec::new();
    for p in problems {
        let name = rules[p.rule].category.as_str();
        let at = match categories.iter().position(|c| c.0 == name) {
            Some(at) => at,
            None => {
                let tally = RuleTally::default();
                categories.push((name, Problem { tally, ..*p }, [0; 3]));
                categories.len() - 1
            }
        };
        let (_, c, by_severity) = &mut categories[at];
        c.severity = c.severity.max(p.severity);
        c.tally.merge(&p.tally);
        by_severity[Severity::Error as usize - p.severity as usize] += p.tally.findings;
    }
    categories.sort_by_key(|c| c.1.key());
    categories
        .iter()
        .map(|(name, c, [e, w, i])| Bar {
            label: name.to_string(),
            href: Some(filter_link(&[("cat", name)])),
            tooltip: format!(
                "{name}: {}, {}, {}; {} points lost",
                plural(*e, "error", "errors"),
                plural(*w, "warning", "warnings"),
                plural(*i, "info", "info"),
                c.tally.points_lost
            ),
            parts: vec![
                ("error", *e as f64),
                ("warning", *w as f64),
                ("info", *i as f64),
            ],
            value: c.tally.findings.to_string(),
        })
        .collect()
}

/// A rule's bar: its findings, stacked by the `parts` they are coloured as (their severity, or
/// reward or tag), with how many each.
fn rule_bar(
    r: &RuleInfo,
    t: RuleTally,
    filter: (&str, &str),
    parts: Vec<(&'static str, usize)>,
) -> Bar {
    // Two entries of one severity (another message) are one part.
    let mut stacked: Vec<(&'static str, usize)> = Vec::new();
    for (class, n) in parts {
        match stacked.iter_mut().find(|s| s.0 == class) {
            Some(s) => s.1 += n,
            None => stacked.push((class, n)),
        }
    }
    let classes: Vec<&str> = stacked.iter().map(|p| p.0).collect();
    let mut tooltip = format!(
        "{} ({}): {}",
        r.id,
        classes.join(", "),
        plural(t.findings, "finding", "findings")
    );
    if t.points_lost > 0 {
        let _ = write!(tooltip, ", {} points lost", t.points_lost);
    }
    Bar {
        label: r.id.clone(),
        href: Some(filter_link(&[filter])),
        tooltip,
        parts: stacked.into_iter().map(|(c, n)| (c, n as f64)).collect(),
        value: match t.points_lost {
            0 => t.findings.to_string(),
            lost => format!("{} (−{lost})", t.findings),
        },
    }
}
