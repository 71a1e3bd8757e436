//! The top of the HTML page, written once the scan is done: the totals, the agent table, and
//! the filter form the page's script drives (the charts between them are in [`super::charts`]).

use super::super::escape::html;
use super::super::rank::{self, Problem};
use super::super::{FileError, Skipped, Summary, plural};
use super::RuleInfo;
use crate::rules::Kind;
use crate::text::controls::escape_name;
use std::fmt::Write as _;

/// `#key=value&…` with each value percent-encoded, as the page's script reads its filters.
pub(super) fn filter_link(pairs: &[(&str, &str)]) -> String {
    let mut s = String::from("#");
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            s.push('&');
        }
        s.push_str(key);
        s.push('=');
        for b in value.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                s.push(char::from(b));
            } else {
                let _ = write!(s, "%{b:02X}");
            }
        }
    }
    s
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// The totals, as a list of cards.
pub(super) fn cards(page: &mut String, s: &Summary) {
    page.push_str("<dl class=\"cards\">");
    let mut cards = vec![
        ("conversations", s.conversations.to_string()),
        ("pass rate", percent(s.passed, s.conversations)),
        ("failed", s.failed.to_string()),
        (
            "mean score",
            s.mean_score.map_or("–".into(), |m| format!("{m:.1}")),
        ),
        ("errors", s.findings.error.to_string()),
        ("warnings", s.findings.warning.to_string()),
        ("info", s.findings.info.to_string()),
        ("rewards", s.findings.reward.to_string()),
        ("tags", s.findings.tag.to_string()),
        (
            "files skipped / unreadable",
            format!("{} / {}", s.skipped, s.errors),
        ),
    ];
    // Scores rise once a baseline holds known problems back: the page says how many it did.
    if s.baselined > 0 {
        cards.push(("held back by the baseline", s.baselined.to_string()));
    }
    // A conversation without an agent turn passes on no agent's words, and one whose agent was
    // guessed may be judged on the wrong speaker's: the page counts them, as the summary line
    // of human output does.
    if s.no_agent_turn > 0 {
        cards.push(("no agent turn", s.no_agent_turn.to_string()));
    }
    if s.agent_guessed > 0 {
        cards.push(("agent guessed", s.agent_guessed.to_string()));
    }
    for (label, value) in cards {
        let _ = write!(
            page,
            "<div class=\"card\" data-stat=\"{label}\"><dt>{label}</dt><dd>{}</dd></div>",
            html(&value)
        );
    }
    page.push_str("</dl>");
}

/// Per named agent: conversations, mean score, pass rate, top problems and tags.
pub(super) fn agents(page: &mut String, s: &Summary, rules: &[RuleInfo]) {
    if s.stats.agents.is_empty() {
        return;
    }
    // A tags column only when the scan tagged something.
    let tags = s.findings.tag > 0;
    page.push_str(
        "<section aria-labelledby=\"h-agents\"><h2 id=\"h-agents\">Agents</h2>\
         <table class=\"agents\"><thead><tr><th scope=\"col\">agent</th>\
         <th scope=\"col\" class=\"num\">conversations</th><th scope=\"col\" class=\"num\">mean score</th>\
         <th scope=\"col\" class=\"num\">pass rate</th><th scope=\"col\">top problems</th>",
    );
    page.push_str(if tags {
        "<th scope=\"col\">tags</th></tr></thead><tbody>"
    } else {
        "</tr></thead><tbody>"
    });
    for a in s.stats.agents.values() {
        let name = &a.name;
        let mean = a.score_total as f64 / a.conversations.max(1) as f64;
        let _ = write!(
            page,
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td>\
             <td class=\"num\">{mean:.1}</td><td class=\"num\">{}</td><td>",
            html(&filter_link(&[("agent", name)])),
            html(name),
            a.conversations,
            percent(a.passed, a.conversations),
        );
        let problems: Vec<Problem> = a
            .problems
            .iter()
            .filter_map(|(&rule, &tally)| {
                let severity = rules.get(rule)?.severity;
                Some(Problem {
                    rule,
                    severity,
                    tally,
                })
            })
            .collect();
        // A rule of two entries (a nested config's severity) is one rule, at its worst.
        for p in rank::merge_by_id(&problems, |i| rules[i].first)
            .iter()
            .take(3)
        {
            let r = &rules[p.rule];
            let _ = write!(
                page,
                "<a class=\"pill {}\" href=\"{}\" title=\"{}, {} points lost\">{}</a> ",
                p.severity.name(),
                html(&filter_link(&[("agent", name), ("rule", &r.id)])),
                crate::report::plural(p.tally.findings, "finding", "findings"),
                p.tally.points_lost,
                html(&r.id),
            );
        }
        if tags {
            page.push_str("</td><td>");
        }
        for (rule, n) in super::count_by_id(a.tags.iter().map(|(&r, &n)| (r, n)), rules) {
            let r = &rules[rule];
            let _ = write!(
                page,
                "<a class=\"badge\" href=\"{}\" title=\"{}\">{} ×{n}</a> ",
                html(&filter_link(&[("agent", name), ("tag", &r.id)])),
                plural(n, "conversation", "conversations"),
                html(&r.id),
            );
        }
        page.push_str("</td></tr>");
    }
    page.push_str("</tbody></table></section>");
}

/// The most files not checked the page lists; `--format json` lists them all.
const NOT_CHECKED_SHOWN: usize = 500;

/// The files that were not checked: those that could not be read first, then those skipped,
/// each with why, so that a reviewer holding only the page knows what it leaves out.
pub(super) fn not_checked(page: &mut String, skipped: &[Skipped], errors: &[FileError]) {
    if skipped.is_empty() && errors.is_empty() {
        return;
    }
    page.push_str(
        "<section aria-labelledby=\"h-not-checked\"><h2 id=\"h-not-checked\">Files not checked</h2>\
         <table class=\"agents\"><thead><tr><th scope=\"col\">file</th><th scope=\"col\">\
         outcome</th><th scope=\"col\">why</th></tr></thead><tbody>",
    );
    let unreadable = errors
        .iter()
        .map(|e| (&e.path, "could not be read", &e.message));
    let skipped = skipped.iter().map(|s| (&s.path, "skipped", &s.reason));
    let all = unreadable.chain(skipped);
    for (path, outcome, why) in all.clone().take(NOT_CHECKED_SHOWN) {
        let _ = write!(
            page,
            "<tr><th scope=\"row\">{}</th><td>{outcome}</td><td>{}</td></tr>",
            // A line break or tab in a name shows as `\x0a`, as on a terminal: a page shows it
            // as a space, and `new⏎line.txt` looked like `new line.txt`.
            html(&escape_name(path)),
            html(why)
        );
    }
    page.push_str("</tbody></table>");
    let more = all.count().saturating_sub(NOT_CHECKED_SHOWN);
    if more > 0 {
        let _ = write!(
            page,
            "<p>… and {}: <code>--format json</code> lists every one.</p>",
            plural(more, "more file", "more files")
        );
    }
    page.push_str("</section>");
}

/// The filter form: every rule, category, tag and agent that occurs, for the page's script.
pub(super) fn filters(page: &mut String, s: &Summary, rules: &[RuleInfo]) {
    let found = super::found(s, rules);
    let option = |page: &mut String, value: &str, label: &str| {
        let _ = write!(
            page,
            "<option value=\"{}\">{}</option>",
            html(value),
            html(label)
        );
    };
    page.push_str(
        "<form id=\"tl-filters\" class=\"filters\" role=\"search\" aria-label=\"Filter and sort the conversations\">\
         <label>Search <input type=\"search\" name=\"q\" placeholder=\"words in turns, paths, names\"></label>\
         <label>Outcome <select name=\"outcome\"><option value=\"\">all</option>\
         <option value=\"failed\">failed</option><option value=\"passed\">passed</option></select></label>\
         <label>Severity <select name=\"sev\"><option value=\"\">any</option>\
         <option value=\"error\">has an error</option><option value=\"warning\">has a warning</option>\
         <option value=\"info\">has an info problem</option><option value=\"none\">no problems</option></select></label>\
         <label>Rule <select name=\"rule\"><option value=\"\">any</option>",
    );
    for (group, kinds) in [
        ("problems", &[Kind::Forbid, Kind::Require][..]),
        ("rewards", &[Kind::Reward][..]),
    ] {
        let mut in_group: Vec<&(&RuleInfo, usize)> = found
            .iter()
            .filter(|(r, _)| kinds.contains(&r.kind))
            .collect();
        in_group.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        if in_group.is_empty() {
            continue;
        }
        let _ = write!(page, "<optgroup label=\"{group}\">");
        for (r, n) in in_group {
            let findings = if *n == 1 { "finding" } else { "findings" };
            option(page, &r.id, &format!("{} ({n} {findings})", r.id));
        }
        page.push_str("</optgroup>");
    }
    page.push_str(
        "</select></label><label>Problem category <select name=\"cat\"><option value=\"\">any</option>",
    );
    let problem = |r: &&(&RuleInfo, usize)| matches!(r.0.kind, Kind::Forbid | Kind::Require);
    let mut categories: Vec<&str> = (found.iter().filter(problem))
        .map(|(r, _)| r.category.as_str())
        .collect();
    categories.sort_unstable();
    categories.dedup();
    for c in categories {
        option(page, c, c);
    }
    page.push_str(
        "</select></label><label>Tag <select name=\"tag\"><option value=\"\">any</option>",
    );
    for (r, n) in found.iter().filter(|(r, _)| r.kind == Kind::Tag) {
        option(page, &r.id, &format!("{} ({n})", r.id));
    }
    page.push_str(
        "</select></label><label>Agent <select name=\"agent\"><option value=\"\">any</option>\
         <option value=\"-\">no name given</option>",
    );
    for a in s.stats.agents.values() {
        option(page, &a.name, &a.name);
    }
    page.push_str(
        "</select></label><label>Sort <select name=\"sort\"><option value=\"\">as scanned</option>\
         <option value=\"score\">score, lowest first</option><option value=\"-score\">score, highest first</option>\
         <option value=\"path\">path</option><option value=\"agent\">agent</option></select></label>\
         <button type=\"reset\">Clear</button></form>",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_links_encode_what_a_hash_parser_would_misread() {
        assert_eq!(
            filter_link(&[("agent", "Ana María & <Co>+1"), ("rule", "a/b-c")]),
            "#agent=Ana%20Mar%C3%ADa%20%26%20%3CCo%3E%2B1&rule=a/b-c"
        );
    }
}
