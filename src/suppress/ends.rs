//! Where each `disable` directive ends, rule by rule: `disable a, b` then `enable a` turns `a`
//! back on and leaves `b` off, as an `enable` of one rule after a bare `disable` turns that
//! rule alone back on.

use crate::transcript::{Action, Directive};

/// The rules a `disable` turns off up to one `enable` (by its index in the directives), or to
/// the end of the file (`None`); `None` rules are every rule.
pub(super) type Span = (Option<Vec<usize>>, Option<usize>);

/// For each directive, the spans of a `disable` (none for the others). A rule a `disable` turns
/// off comes back on at the first later `enable` that selects it or names no rule. `picks` are
/// the rules each directive selects (`None`: it names none), `rules` how many are loaded.
///
/// One pass back over the list keeps the next `enable` of every rule and of each rule (a search
/// forward from every `disable` took 30 s for 200,000 of them). A bare `disable` with no `enable`
/// of single rules before its end is one span of every rule, found without visiting each rule.
pub(super) fn disable_ends(
    directives: &[Directive],
    picks: &[Option<Vec<usize>>],
    rules: usize,
) -> Vec<Vec<Span>> {
    let mut out = vec![Vec::new(); directives.len()];
    let mut next_of_all: Option<usize> = None;
    let mut next_of_rule: Vec<Option<usize>> = vec![None; rules];
    // The nearest `enable` that selects some rules but not all: before it, a bare `disable`
    // ends for every rule at `next_of_all`.
    let mut nearest_named: Option<usize> = None;
    for (i, d) in directives.iter().enumerate().rev() {
        match (d.action, &picks[i]) {
            (Action::Enable, None) => next_of_all = Some(i),
            (Action::Enable, Some(picked)) => {
                picked.iter().for_each(|&r| next_of_rule[r] = Some(i));
                if !picked.is_empty() {
                    nearest_named = Some(i);
                }
            }
            (Action::Disable, None) if nearest_named.is_none_or(|n| Some(n) > next_of_all) => {
                out[i] = vec![(None, next_of_all)];
            }
            // Names that select no loaded rule: a span of none, which `--warn-unused-ignores`
            // reports.
            (Action::Disable, Some(list)) if list.is_empty() => {
                out[i] = vec![(Some(Vec::new()), next_of_all)];
            }
            (Action::Disable, picked) => {
                let end = |r: usize| earliest(next_of_rule[r], next_of_all);
                let mut ends: Vec<(Option<usize>, usize)> = match picked {
                    Some(list) => list.iter().map(|&r| (end(r), r)).collect(),
                    None => (0..rules).map(|r| (end(r), r)).collect(),
                };
                out[i] = grouped(&mut ends);
            }
            (Action::Ignore | Action::IgnoreFile, _) => {}
        }
    }
    out
}

/// The earlier of two `enable`s, where `None` is the end of the file.
fn earliest(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    a.into_iter().chain(b).min()
}

/// `(end, rule)` pairs gathered into one span per end.
fn grouped(ends: &mut [(Option<usize>, usize)]) -> Vec<Span> {
    ends.sort_unstable();
    let mut spans: Vec<Span> = Vec::new();
    for &(end, rule) in ends.iter() {
        match spans.last_mut() {
            Some((Some(list), last)) if *last == end => {
                if list.last() != Some(&rule) {
                    list.push(rule);
                }
            }
            _ => spans.push((Some(vec![rule]), end)),
        }
    }
    spans
}
