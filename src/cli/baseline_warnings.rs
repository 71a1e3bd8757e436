//! What a run says of its `--baseline` when it ends: a baseline that names no file there is,
//! findings of it no longer found, and findings of files no longer there.

use crate::baseline::Gone;
use crate::report::{Summary, plural};
use crate::text::controls::escape_name;
use std::collections::BTreeMap;

/// Says on standard error when the baseline holds findings no longer found, or findings of files
/// no longer there, or holds no conversation or names none of the files checked (every finding
/// of them is then new).
pub(super) fn warn(b: &crate::baseline::Baseline, totals: &Summary) {
    let names_none = b.names_no_file_there();
    if totals.conversations > 0 && b.holds_nothing() {
        super::stderr::warning(&format!(
            "the baseline {} holds no conversation (the run that made it checked none), so \
             every finding counts as new; {}",
            b.name,
            crate::baseline::make(&b.name),
        ));
    }
    if totals.files > 0 && names_none {
        super::stderr::warning(&format!(
            "the baseline {} names no file there is, so every finding counts as new: its paths \
             are read from the folder it is in; {}, and again after files move",
            b.name,
            crate::baseline::make(&b.name),
        ));
    }
    let findings = |n: usize| {
        let verb = if n == 1 { "is" } else { "are" };
        format!(
            "{} of the baseline {} {verb}",
            plural(n, "finding", "findings"),
            b.name
        )
    };
    let (files, held) = b.files_gone();
    if held > 0 && !names_none {
        let names = files
            .iter()
            .map(|p| escape_name(&p.display().to_string()).into_owned());
        super::stderr::warning(&format!(
            "{} of files no longer there ({}): make it again to keep it current",
            findings(held),
            first_few(names.collect()),
        ));
    }
    let gone = b.gone();
    if !gone.is_empty() {
        super::stderr::warning(&format!(
            "{} no longer found in the conversations checked ({}; held at {}): make it again \
             to keep it current",
            findings(gone.len()),
            first_few(rules_most_first(&gone)),
            first_few(gone.iter().map(place).collect()),
        ));
    }
}

/// The rules of findings no longer found, the one that lost the most first (what was fixed, or
/// reworded past the rule), each with its count past one.
fn rules_most_first(gone: &[Gone]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for g in gone {
        *counts.entry(&g.rule).or_default() += 1;
    }
    let mut rules: Vec<(&str, usize)> = counts.into_iter().collect();
    rules.sort_by_key(|&(rule, n)| (std::cmp::Reverse(n), rule));
    (rules.into_iter())
        .map(|(rule, n)| match n {
            1 => rule.to_string(),
            n => format!("{rule} ×{n}"),
        })
        .collect()
}

/// Where a finding no longer found was: `calls/a.txt:4:12`.
fn place(g: &Gone) -> String {
    format!("{}:{}:{}", escape_name(&g.path), g.line, g.column)
}

/// The first three of `names`, and how many more there are.
fn first_few(names: Vec<String>) -> String {
    let more = match names.len() {
        0..=3 => String::new(),
        n => format!(" and {} more", n - 3),
    };
    format!("{}{more}", names[..names.len().min(3)].join(", "))
}
