//! Which findings a file's inline directives and the config's `per_path_disable` suppress (SPEC
//! §8). Each directive becomes a byte range of the source and a set of rules; a finding is
//! suppressed when it starts inside a range that names its rule. The engine then leaves it out
//! of the score; reports show it only with `--show-suppressed`.

use crate::rules::RuleSet;
use crate::transcript::{Action, Directive, Transcript};
use std::ops::Range;

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
    /// The rules `per_path_disable` turns off for `path`, if any entry matches it.
    pub(crate) fn per_path(&self, path: &str) -> Option<Vec<usize>> {
        let mut picked: Option<Vec<usize>> = None;
        for (_, rules) in self.per_path.iter().filter(|(g, _)| g.is_match(path)) {
            picked.get_or_insert_default().extend(rules);
        }
        picked
    }
}

/// One place where some rules are off.
#[derive(Debug)]
struct Entry {
    /// Rule indices; `None` is every rule.
    rules: Option<Vec<usize>>,
    range: Range<usize>,
    /// The directive (an index into the file's list), or `None` for `per_path_disable`.
    directive: Option<usize>,
    used: bool,
}

/// A file's suppressions.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    entries: Vec<Entry>,
    /// The entries' indices by where their ranges start, and the furthest end of each prefix of
    /// that order: a finding is looked up by a search, back only as far as a range reaches it
    /// (a file may hold a directive on every line).
    by_start: Vec<usize>,
    reach: Vec<usize>,
    /// Directives that name no loaded rule or category.
    pub warnings: Vec<String>,
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
        let category = name.strip_suffix("/*").unwrap_or(name);
        picked.extend(
            (0..rules.rules.len())
                .filter(|&i| rules.rules[i].id == name || rules.rules[i].category == category),
        );
        if picked.len() == before {
            unknown.push(given);
        }
    }
    (Some(picked), unknown)
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
        let mut s = Suppressions::default();
        if let Some(picked) = per_path {
            s.entries.push(Entry {
                rules: Some(picked),
                range: 0..source.len(),
                directive: None,
                used: false,
            });
        }
        let places = Places::new(transcript, source, directives);
        for (i, d) in directives.iter().enumerate() {
            let (picked, unknown) = select(&d.rules, rules);
            for unknown in unknown {
                let name = &unknown.name;
                s.warnings.push(format!(
                    "line {}, column {}: `{name}` in a talklint directive is no loaded rule or \
                     category{}; write a rule id, a category or `category/*` (`talklint rules` \
                     lists them)",
                    d.line,
                    unknown.column,
                    crate::suggest::rule_like(name, &rules.rules)
                ));
            }
            let range = match d.action {
                Action::Enable => continue,
                Action::IgnoreFile => 0..source.len(),
                Action::Ignore => places.ignored(d),
                Action::Disable => d.at..enable_after(directives, i).unwrap_or(source.len()),
            };
            s.entries.push(Entry {
                rules: picked,
                range,
                directive: Some(i),
                used: false,
            });
        }
        s.by_start = (0..s.entries.len()).collect();
        s.by_start.sort_by_key(|&i| s.entries[i].range.start);
        s.reach = (s.by_start.iter())
            .scan(0, |far, &i| {
                *far = s.entries[i].range.end.max(*far);
                Some(*far)
            })
            .collect();
        s
    }

    /// Whether a finding of `rule` starting at byte `at` of the source is suppressed, and why;
    /// the suppressions that cover it count as used.
    pub(crate) fn check(&mut self, rule: usize, at: usize) -> Option<Suppression> {
        // The first entry made that covers it says why.
        let mut first: Option<usize> = None;
        let mut k = (self.by_start).partition_point(|&i| self.entries[i].range.start <= at);
        while k > 0 && self.reach[k - 1] > at {
            k -= 1;
            let i = self.by_start[k];
            let e = &mut self.entries[i];
            if e.range.contains(&at) && e.rules.as_ref().is_none_or(|r| r.contains(&rule)) {
                e.used = true;
                first = Some(first.map_or(i, |f| f.min(i)));
            }
        }
        first.map(|i| match self.entries[i].directive {
            Some(_) => Suppression::InSource,
            None => Suppression::External,
        })
    }

    /// A warning for each directive that suppressed nothing (`--warn-unused-ignores`).
    pub(crate) fn unused(&self, directives: &[Directive]) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| !e.used)
            .filter_map(|e| e.directive.and_then(|i| directives.get(i)))
            .map(|d| {
                format!(
                    "line {}, column {}: unused directive (nothing to suppress); remove it",
                    d.line, d.column
                )
            })
            .collect()
    }
}

/// Where the `enable` that ends `directives[i]` (a `disable`) stands: the next `enable` that
/// names one of its rules, or any rule when either names none.
fn enable_after(directives: &[Directive], i: usize) -> Option<usize> {
    let d = &directives[i];
    directives[i + 1..]
        .iter()
        .find(|e| {
            e.action == Action::Enable
                && (e.rules.is_empty()
                    || d.rules.is_empty()
                    || (e.rules.iter()).any(|r| d.rules.iter().any(|n| n.name == r.name)))
        })
        .map(|e| e.at)
}

/// The places an `ignore` can point at: the turns (in a dialogue) or the lines (in a file
/// without speaker labels, which is one turn).
struct Places<'a> {
    source: &'a str,
    /// Each turn's bytes in the source, in order; empty for a file without speaker labels.
    turns: Vec<Range<usize>>,
    /// Where own-line directives stand (their lines are skipped when looking for the next line).
    directive_lines: Vec<usize>,
}

impl<'a> Places<'a> {
    fn new(transcript: &Transcript, source: &'a str, directives: &[Directive]) -> Places<'a> {
        let dialogue = transcript.turns.iter().any(|t| t.speaker.is_some());
        let turns = if dialogue {
            transcript
                .turns
                .iter()
                .map(|t| {
                    t.source_offset(0)
                        ..t.source_end(t.text(source).len())
                            .max(t.source_offset(0) + 1)
                })
                .collect()
        } else {
            Vec::new()
        };
        Places {
            source,
            turns,
            directive_lines: directives
                .iter()
                .filter(|d| d.own_line)
                .map(|d| d.line_range.start)
                .collect(),
        }
    }

    /// What an `ignore` covers: on its own line, the next turn (or the next non-blank line);
    /// at the end of a line, that line's turn (or the line).
    fn ignored(&self, d: &Directive) -> Range<usize> {
        let lines = &self.source[d.line_range.end.min(self.source.len())..];
        match (d.own_line, self.turns.is_empty()) {
            // The turns are in order: each is found by a binary search (a file may hold a
            // directive on every line).
            (true, false) => {
                let next = self.turns.partition_point(|t| t.start < d.line_range.end);
                self.turns.get(next).cloned().unwrap_or(0..0)
            }
            (false, false) => {
                let after = self.turns.partition_point(|t| t.start <= d.at);
                match after {
                    0 => d.line_range.clone(),
                    n => self.turns[n - 1].clone(),
                }
            }
            (true, true) => {
                let mut at = d.line_range.end;
                for line in lines.split_inclusive('\n') {
                    let range = at..at + line.trim_end().len();
                    at += line.len();
                    let blank = line.trim().is_empty();
                    if !blank && self.directive_lines.binary_search(&range.start).is_err() {
                        return range;
                    }
                }
                0..0
            }
            (false, true) => d.line_range.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Format, ParseOptions, parse};

    const PACK: &str = "rules:
  - id: ownership/a
    phrases: [alpha]
  - id: ownership/b
    phrases: [beta]
  - id: respect/c
    phrases: [gamma]
";

    /// The rules suppressed at each line's first word of `source` (after a speaker label), as
    /// (line, rule indices).
    fn suppressed(source: &str) -> Vec<(usize, Vec<usize>)> {
        let rules = crate::load_rules(&[("p.yaml".into(), PACK.into())]).unwrap();
        let parsed = parse(source, Format::Text, &ParseOptions::default()).unwrap();
        let list = &parsed.directives.list;
        let mut s = Suppressions::new(list, &parsed.transcripts[0], source, &rules, None);
        let mut at = 0;
        let mut out = Vec::new();
        for (i, line) in source.split_inclusive('\n').enumerate() {
            let word = at + line.find(": ").map_or(0, |i| i + 2);
            let off: Vec<usize> = (0..3).filter(|&r| s.check(r, word).is_some()).collect();
            if !off.is_empty() {
                out.push((i + 1, off));
            }
            at += line.len();
        }
        out
    }

    #[test]
    fn ids_categories_and_wildcards_select_rules() {
        let rules = crate::load_rules(&[("p.yaml".into(), PACK.into())]).unwrap();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(select(&names(&["ownership"]), &rules).0, Some(vec![0, 1]));
        assert_eq!(select(&names(&["ownership/*"]), &rules).0, Some(vec![0, 1]));
        let given = names(&["respect/c", "nope"]);
        let (picked, unknown) = select(&given, &rules);
        assert_eq!((picked, unknown), (Some(vec![2]), vec![&given[1]]));
        assert_eq!(select::<String>(&[], &rules).0, None);
    }

    #[test]
    fn scripts_suppress_lines_and_ranges() {
        let src = "one\n# talklint: ignore respect\n\ntwo\nthree <!-- talklint: ignore ownership/b -->\n// talklint: disable ownership\nfour\n// talklint: enable ownership\nfive\n";
        assert_eq!(
            suppressed(src),
            // The range runs from the `disable` directive up to the `enable` directive.
            [(4, vec![2]), (5, vec![1]), (6, vec![0, 1]), (7, vec![0, 1])]
        );
    }

    #[test]
    fn dialogues_suppress_turns() {
        let src = "Agent: one\n# talklint: ignore\nCustomer: two\nmore of two\nAgent: three <!-- talklint: ignore respect -->\n";
        assert_eq!(
            suppressed(src),
            [(3, vec![0, 1, 2]), (4, vec![0, 1, 2]), (5, vec![2])]
        );
    }
}
