//! Which findings a file's inline directives and the config's `per_path_disable` suppress (SPEC
//! §8). Each directive becomes a byte range of the source and a set of rules; a finding is
//! suppressed when it starts inside a range that names its rule. The engine then leaves it out
//! of the score; reports show it only with `--show-suppressed`.

use crate::rules::RuleSet;
use crate::transcript::{Action, Directive, RuleName, Transcript};
use places::Places;
use std::ops::Range;

mod ends;
mod places;

/// Why a finding is suppressed (SARIF's suppression kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Suppression {
    /// A directive in the file.
    InSource,
    /// The config's `per_path_disable`.
    External,
    /// A finding of the `--baseline` report.
    Baseline,
}

impl Suppression {
    /// Its name in SARIF.
    pub(crate) fn sarif_kind(self) -> &'static str {
        match self {
            Suppression::InSource => "inSource",
            Suppression::External | Suppression::Baseline => "external",
        }
    }
}

/// What the command line and config ask of suppressions.
#[derive(Debug, Clone, Default)]
pub struct SuppressOptions {
    /// Report suppressed findings, marked (`--show-suppressed`).
    pub show: bool,
    /// Warn about directives that suppressed nothing (`--warn-unused-ignores`).
    pub warn_unused: bool,
    /// `per_path_disable`: a glob over the file's path below its config's folder, and the rules
    /// it turns off.
    pub per_path: Vec<(globset::GlobMatcher, Vec<usize>)>,
}

impl SuppressOptions {
    /// The rules `per_path_disable` turns off for `path`, if any entry matches it (or a folder
    /// it is in: each glob is compiled to match what is below a folder it names).
    pub(crate) fn per_path(&self, path: &str) -> Option<Vec<usize>> {
        let mut picked: Option<Vec<usize>> = None;
        for (_, rules) in self.per_path.iter().filter(|(g, _)| g.is_match(path)) {
            picked.get_or_insert_default().extend(rules);
        }
        picked
    }
}

/// One place where a directive turns some rules off.
#[derive(Debug)]
struct Entry {
    /// Rule indices; `None` is every rule.
    rules: Option<Vec<usize>>,
    range: Range<usize>,
    /// The directive: an index into the file's list.
    directive: usize,
}

/// A file's suppressions.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    entries: Vec<Entry>,
    /// The rules `per_path_disable` turns off, and the whole source they are off in.
    per_path: Option<(Vec<usize>, Range<usize>)>,
    /// The directives' ranges that turn every rule off, and those of each rule (by its index): a
    /// finding is looked up by a binary search in the two its rule reads, however many ranges a
    /// file holds (a directive on every line, each left open to its end).
    every: Ranges,
    by_rule: Vec<Ranges>,
    /// The `ignore`s' ranges alone, of every rule and of each: a finding over two lines is
    /// ignored by the directive at the end of its last line too, as ruff's `noqa` on a string's
    /// last line.
    ignored_every: Ranges,
    ignored_by_rule: Vec<Ranges>,
    /// The bare `disable`s' ranges, and where each rule is turned back on inside them (an
    /// `enable` that names it, up to its next `disable`).
    disabled: Ranges,
    holes: Vec<Ranges>,
    /// The findings a directive covers, as (rule, byte): which directives were used is told from
    /// them once, at the end.
    covered: Vec<(usize, usize)>,
    /// Directives that name no loaded rule or category.
    pub warnings: Vec<String>,
    /// The `enable` directives (by index) that end no `disable`.
    stray_enables: Vec<usize>,
}

/// Byte ranges in order of their starts, and the furthest end of each prefix of that order:
/// whether one covers a byte is a binary search.
#[derive(Debug, Default)]
struct Ranges {
    list: Vec<Range<usize>>,
    reach: Vec<usize>,
}

impl Ranges {
    fn new(mut list: Vec<Range<usize>>) -> Ranges {
        list.sort_by_key(|r| r.start);
        let reach = (list.iter())
            .scan(0, |far, r| {
                *far = r.end.max(*far);
                Some(*far)
            })
            .collect();
        Ranges { list, reach }
    }

    /// Whether a range covers byte `at`: one that starts at or before it and ends after it.
    fn covers(&self, at: usize) -> bool {
        let k = self.list.partition_point(|r| r.start <= at);
        k > 0 && self.reach[k - 1] > at
    }
}

/// The rules `names` select: ids, categories or `category/*`; an empty list is every rule.
/// Names that select nothing are returned apart.
pub(crate) fn select<'n, N: AsRef<str>>(
    names: &'n [N],
    rules: &RuleSet,
) -> (Option<Vec<usize>>, Vec<&'n N>) {
    if names.is_empty() {
        return (None, Vec::new());
    }
    let mut picked = Vec::new();
    let mut unknown = Vec::new();
    for given in names {
        let (before, name) = (picked.len(), given.as_ref());
        picked.extend(
            (0..rules.rules.len())
                .filter(|&i| selects(name, &rules.rules[i].id, &rules.rules[i].category)),
        );
        if picked.len() == before {
            unknown.push(given);
        }
    }
    (Some(picked), unknown)
}

/// Whether `name` in a directive or a config's `disable`, `severity` or `per_path_disable` (a
/// rule id, a category or `category/*`) names the rule `id` of `category`.
pub(crate) fn selects(name: &str, id: &str, category: &str) -> bool {
    id == name || category == name.strip_suffix("/*").unwrap_or(name)
}

/// Whether `name` names a rule the config disabled: known, though it can suppress nothing.
fn is_disabled(name: &str, rules: &RuleSet) -> bool {
    (rules.disabled.iter()).any(|(id, category)| selects(name, id, category))
}

/// A warning for each name in directive `d` that selects no loaded rule, unless the config
/// disabled the rule it names.
fn unknown_names<'a>(
    d: &'a Directive,
    unknown: Vec<&'a RuleName>,
    rules: &'a RuleSet,
) -> impl Iterator<Item = String> + 'a {
    (unknown.into_iter().filter(|u| !is_disabled(&u.name, rules))).map(move |unknown| {
        let name = &unknown.name;
        format!(
            "line {}, column {}: `{name}` in a talklint directive is no loaded rule or \
             category{}; write a rule id, a category or `category/*` (`talklint rules` \
             lists them)",
            d.line,
            unknown.column,
            crate::suggest::rule_like(name, &rules.rules)
        )
    })
}

impl Suppressions {
    /// The suppressions of `directives` (found in `source`, which `transcript` was parsed
    /// from), and of `per_path` (the rules `per_path_disable` turns off for this file).
    pub(crate) fn new(
        directives: &[Directive],
        transcript: &Transcript,
        source: &str,
        rules: &RuleSet,
        per_path: Option<Vec<usize>>,
    ) -> Suppressions {
        let mut s = Suppressions {
            per_path: per_path.map(|picked| (picked, 0..source.len())),
            ..Suppressions::default()
        };
        let mut places = Places::new(transcript, source, directives);
        let picks: Vec<Option<Vec<usize>>> = (directives.iter())
            .map(|d| {
                let (picked, unknown) = select(&d.rules, rules);
                s.warnings.extend(unknown_names(d, unknown, rules));
                picked
            })
            .collect();
        let mut spans = ends::spans(directives, &picks, rules.rules.len());
        let mut ends_one = vec![false; directives.len()];
        let rule_count = rules.rules.len();
        let (mut every, mut by_rule) = (Vec::new(), vec![Vec::new(); rule_count]);
        let (mut ignored_every, mut ignored_by_rule) = (Vec::new(), vec![Vec::new(); rule_count]);
        let (mut disabled, mut holes) = (Vec::new(), vec![Vec::new(); rule_count]);
        // The `enable`s that name rules, with them: whether one turns a rule back on is told
        // once the holes are known.
        let mut named_enables = Vec::new();
        for (i, (d, picked)) in directives.iter().zip(picks).enumerate() {
            // From the directive to the one a span ends at, or to the end of the file.
            let reach = |end: Option<usize>| d.at..end.map_or(source.len(), |e| directives[e].at);
            let placed = std::mem::take(&mut spans[i]).into_iter();
            let covered = match d.action {
                Action::Enable => {
                    for (rules, end) in placed {
                        let hole = reach(end);
                        (rules.iter().flatten()).for_each(|&r| holes[r].push(hole.clone()));
                    }
                    named_enables.extend(picked.map(|rules| (i, rules)));
                    continue;
                }
                Action::IgnoreFile => vec![(picked, 0..source.len())],
                Action::Ignore => vec![(picked, places.ignored(d))],
                Action::Disable => (placed
                    .inspect(|(_, end)| end.iter().for_each(|&e| ends_one[e] = true)))
                .map(|(rules, end)| (rules, reach(end)))
                .collect(),
            };
            for (picked, range) in covered {
                if d.action == Action::Ignore {
                    match &picked {
                        None => ignored_every.push(range.clone()),
                        Some(list) => {
                            (list.iter()).for_each(|&r| ignored_by_rule[r].push(range.clone()))
                        }
                    }
                }
                match &picked {
                    // A bare `disable` is the one kind that an `enable` of some rules holes.
                    None if d.action == Action::Disable => disabled.push(range.clone()),
                    None => every.push(range.clone()),
                    Some(list) => list.iter().for_each(|&r| by_rule[r].push(range.clone())),
                }
                s.entries.push(Entry {
                    rules: picked,
                    range,
                    directive: i,
                });
            }
        }
        let disabled = Ranges::new(disabled);
        let holes: Vec<Ranges> = holes.into_iter().map(Ranges::new).collect();
        // An `enable` of some rules inside a bare `disable` is used when one of them was off
        // just before it (not turned back on by an earlier `enable`).
        for (i, rules) in named_enables {
            let before = directives[i].at.saturating_sub(1);
            let off = |r: &usize| disabled.covers(before) && !holes[*r].covers(before);
            ends_one[i] |= rules.iter().any(off);
        }
        s.stray_enables = (0..directives.len())
            .filter(|&i| directives[i].action == Action::Enable && !ends_one[i])
            .collect();
        s.disabled = disabled;
        s.holes = holes;
        s.every = Ranges::new(every);
        s.by_rule = by_rule.into_iter().map(Ranges::new).collect();
        s.ignored_every = Ranges::new(ignored_every);
        s.ignored_by_rule = ignored_by_rule.into_iter().map(Ranges::new).collect();
        s
    }

    /// Whether a finding of `rule` starting at byte `at` of the source, its last byte at
    /// `last`, is suppressed, and why: `per_path_disable` before a directive; the directives
    /// that cover it count as used. An `ignore` covers a finding that starts or ends in its
    /// range; the other directives, one that starts there.
    pub(crate) fn check(&mut self, rule: usize, at: usize, last: usize) -> Option<Suppression> {
        let covers = |ranges: Option<&Ranges>| ranges.is_some_and(|r| r.covers(at));
        let covered_at = self.every.covers(at)
            || covers(self.by_rule.get(rule))
            || (self.disabled.covers(at) && !covers(self.holes.get(rule)));
        let ignored_last = last > at
            && (self.ignored_every.covers(last)
                || (self.ignored_by_rule.get(rule)).is_some_and(|r| r.covers(last)));
        // Where it is covered, for telling which directives were used.
        let covered = match (covered_at, ignored_last) {
            (true, _) => Some(at),
            (false, true) => Some(last),
            (false, false) => None,
        };
        self.covered.extend(covered.map(|byte| (rule, byte)));
        let in_source = covered.is_some();
        let external = (self.per_path.as_ref())
            .is_some_and(|(rules, range)| range.contains(&at) && rules.contains(&rule));
        match (external, in_source) {
            (true, _) => Some(Suppression::External),
            (false, true) => Some(Suppression::InSource),
            (false, false) => None,
        }
    }

    /// A warning for each directive that suppressed nothing (`--warn-unused-ignores`): none of
    /// the findings it covers was of a rule it names; and for each name of a directive that
    /// suppressed something that itself suppressed nothing (`ignore respect, ownership` where
    /// only `respect` was found), as ruff's RUF100 names the codes unused. `rules` are the
    /// rules its names select from.
    pub(crate) fn unused(&self, directives: &[Directive], rules: &RuleSet) -> Vec<String> {
        let mut covered = self.covered.clone();
        covered.sort_unstable();
        // Where the findings are, of any rule; and those a bare `disable` covers, outside the
        // holes of their rules.
        let mut anywhere: Vec<usize> = covered.iter().map(|&(_, at)| at).collect();
        anywhere.sort_unstable();
        let in_hole = |&(r, at): &(usize, usize)| self.holes.get(r).is_some_and(|h| h.covers(at));
        let mut unholed: Vec<usize> = (covered.iter())
            .filter(|c| !in_hole(c))
            .map(|&(_, at)| at)
            .collect();
        unholed.sort_unstable();
        let any_in = |places: &[usize], range: &Range<usize>| {
            let k = places.partition_point(|&at| at < range.start);
            places.get(k).is_some_and(|&at| at < range.end)
        };
        // Whether a finding of `rule` falls in `range`.
        let found_in = |rule: usize, range: &Range<usize>| {
            let k = covered.partition_point(|&c| c < (rule, range.start));
            (covered.get(k)).is_some_and(|&(r, at)| r == rule && at < range.end)
        };
        // A directive is used when one of its entries (a `disable` has one per place its rules
        // come back on) covers a finding of a rule it names; its entries are side by side.
        let used = |e: &Entry| match &e.rules {
            None if directives
                .get(e.directive)
                .is_some_and(|d| d.action == Action::Disable) =>
            {
                any_in(&unholed, &e.range)
            }
            None => any_in(&anywhere, &e.range),
            Some(rules) => rules.iter().any(|&r| found_in(r, &e.range)),
        };
        // Of a directive that suppressed something, a name none of whose rules it suppressed.
        let name_unused = |entries: &[Entry], name: &RuleName| {
            let (picked, _) = select(std::slice::from_ref(name), rules);
            let picked = picked.unwrap_or_default();
            !picked.is_empty()
                && !(entries.iter()).any(|e| picked.iter().any(|&r| found_in(r, &e.range)))
        };
        let mut said = Vec::new();
        for entries in self.entries.chunk_by(|a, b| a.directive == b.directive) {
            let Some(d) = directives.get(entries[0].directive) else {
                continue;
            };
            if !entries.iter().any(used) {
                said.push(format!(
                    "line {}, column {}: unused directive (nothing to suppress); remove it",
                    d.line, d.column
                ));
                continue;
            }
            if d.rules.len() > 1 {
                said.extend((d.rules.iter()).filter(|n| name_unused(entries, n)).map(|n| {
                    format!(
                        "line {}, column {}: `{}` in this directive suppressed nothing; remove it from the directive",
                        d.line, n.column, n.name
                    )
                }));
            }
        }
        said.into_iter()
            .chain(self.stray_enables.iter().filter_map(|&i| {
                let d = directives.get(i)?;
                Some(format!(
                    "line {}, column {}: unused `enable` (it ends no `disable` before it); remove it",
                    d.line, d.column
                ))
            }))
            .collect()
    }
}

#[cfg(test)]
mod tests;
