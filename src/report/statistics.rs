//! `--statistics`: findings per rule and per category, mean score per agent, and the score
//! distribution, from the totals the scan accumulated.

use super::Summary;
use crate::rules::RuleSet;
use crate::text::controls::escape_name;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub fn print(w: &mut dyn Write, s: &Summary, rules: &RuleSet) -> io::Result<()> {
    // By id: with nested configs, one id can have several entries (another severity, …).
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in s.stats.per_rule.iter().enumerate() {
        if let Some(r) = rules.rules.get(i).filter(|_| *n > 0) {
            *by_id.entry(&r.id).or_default() += n;
        }
    }
    let mut per_rule: Vec<(usize, &str)> = by_id.into_iter().map(|(id, n)| (n, id)).collect();
    per_rule.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in s.stats.per_rule.iter().enumerate() {
        if let Some(r) = rules.rules.get(i).filter(|_| *n > 0) {
            *per_category.entry(&r.category).or_default() += n;
        }
    }
    writeln!(w, "\nFindings per rule:")?;
    for (n, id) in &per_rule {
        writeln!(w, "{n:>9}  {id}")?;
    }
    writeln!(w, "\nFindings per category:")?;
    let mut categories: Vec<(&str, usize)> = per_category.into_iter().collect();
    categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (category, n) in categories {
        writeln!(w, "{n:>9}  {category}")?;
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
