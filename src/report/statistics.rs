//! `--statistics`: problems, rewards and tags per rule and per category, mean score per agent,
//! and the score distribution, from the totals the scan accumulated.

use super::Summary;
use crate::rules::{Kind, Rule, RuleSet};
use crate::text::controls::escape_name;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub fn print(w: &mut dyn Write, s: &Summary, rules: &RuleSet) -> io::Result<()> {
    // Problems apart from rewards and tags: a category's praise is no count of what went wrong.
    // Problems are listed always, as findings were (a scan with none says so under the heading);
    // rewards and tags where there are some.
    for (group, kinds, always) in [
        ("Problems", &[Kind::Forbid, Kind::Require][..], true),
        ("Rewards", &[Kind::Reward][..], false),
        ("Tags", &[Kind::Tag][..], false),
    ] {
        // By id: with nested configs, one id can have several entries (another severity, …).
        let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
        let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, n) in s.stats.per_rule.iter().enumerate() {
            let counted = |r: &&Rule| *n > 0 && kinds.contains(&r.kind);
            if let Some(r) = rules.rules.get(i).filter(counted) {
                *per_rule.entry(&r.id).or_default() += n;
                *per_category.entry(&r.category).or_default() += n;
            }
        }
        if per_rule.is_empty() && !always {
            continue;
        }
        counts(w, &format!("{group} per rule:"), per_rule)?;
        counts(w, &format!("{group} per category:"), per_category)?;
    }
    if !s.stats.agents.is_empty() {
        writeln!(w, "\nMean score per agent (conversations):")?;
        for a in s.stats.agents.values() {
            let agent = escape_name(&a.name);
            let mean = a.score_total as f64 / a.conversations as f64;
            writeln!(w, "{mean:>9.1}  {agent} ({})", a.conversations)?;
        }
    }
    let timed: Vec<_> = s.stats.agents.values().filter(|a| a.timed > 0).collect();
    if !timed.is_empty() {
        writeln!(
            w,
            "\nTiming per agent (timed conversations): talk share, silence and agent interruptions per call"
        )?;
        for a in timed {
            let (agent, m) = (escape_name(&a.name), &a.measures);
            let share = 100.0 * m.agent_talk_ms as f64 / m.talk_ms.max(1) as f64;
            let per_call = |v: f64| v / a.timed as f64;
            writeln!(
                w,
                "{share:>8.1}%  {agent} ({}): {:.1} s silence, {:.1} agent interruptions",
                a.timed,
                per_call(m.silence_ms as f64 / 1000.0),
                per_call(m.agent_interruptions as f64),
            )?;
        }
    }
    writeln!(w, "\nScore distribution (conversations):")?;
    for (decile, n) in s.stats.scores.iter().enumerate() {
        let label = if decile == 10 {
            "100".to_string()
        } else {
            format!("{}-{}", decile * 10, decile * 10 + 9)
        };
        writeln!(w, "{label:>9}  {n}")?;
    }
    Ok(())
}

/// A heading, then each count of `by_name`, most first (then by name).
fn counts(w: &mut dyn Write, heading: &str, by_name: BTreeMap<&str, usize>) -> io::Result<()> {
    writeln!(w, "\n{heading}")?;
    let mut counted: Vec<(&str, usize)> = by_name.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (name, n) in counted {
        writeln!(w, "{n:>9}  {name}")?;
    }
    Ok(())
}
