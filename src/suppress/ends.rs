//! Where each `disable` directive ends, rule by rule, and where an `enable` of some rules
//! turns them back on inside a bare `disable`: `disable a, b` then `enable a` turns `a` back on
//! and leaves `b` off, as an `enable` of one rule after a bare `disable` turns that rule alone
//! back on. A bare `disable` stays one span of every rule, with holes for the rules turned back
//! on, so the work is linear in the directives and the rules they name, however many rules
//! are loaded.

use crate::transcript::{Action, Directive};

/// The rules a directive covers from its place up to another directive (by its index in the
/// directives), or to the end of the file (`None`); `None` rules are every rule.
pub(super) type Span = (Option<Vec<usize>>, Option<usize>);

/// For each directive: the spans of a `disable` (one of every rule for a bare one; a rule
/// comes back on at the first later `enable` that selects it or names no rule), and the holes
/// of an `enable` that names rules (each rule is back on from it to its next `disable`, bare or
/// not, inside whatever bare `disable` is around it); nothing for the others. `picks` are the
/// rules each directive selects (`None`: it names none), `rules` how many are loaded.
///
/// One pass back over the list keeps the next `enable` and `disable` of every rule and of each
/// rule (a search forward from every `disable` took 30 s for 200,000 of them).
pub(super) fn spans(
    directives: &[Directive],
    picks: &[Option<Vec<usize>>],
    rules: usize,
) -> Vec<Vec<Span>> {
    let mut out = vec![Vec::new(); directives.len()];
    let (mut next_enable_of_all, mut next_disable_of_all) = (None, None);
    let mut next_enable: Vec<Option<usize>> = vec![None; rules];
    let mut next_disable: Vec<Option<usize>> = vec![None; rules];
    for (i, d) in directives.iter().enumerate().rev() {
        match (d.action, &picks[i]) {
            (Action::Enable, None) => next_enable_of_all = Some(i),
            (Action::Enable, Some(picked)) => {
                let end = |r: usize| earliest(next_disable[r], next_disable_of_all);
                out[i] = grouped(picked.iter().map(|&r| (end(r), r)).collect());
                picked.iter().for_each(|&r| next_enable[r] = Some(i));
            }
            (Action::Disable, None) => {
                out[i] = vec![(None, next_enable_of_all)];
                next_disable_of_all = Some(i);
            }
            // Names that select no loaded rule: a span of none, which `--warn-unused-ignores`
            // reports.
            (Action::Disable, Some(picked)) if picked.is_empty() => {
                out[i] = vec![(Some(Vec::new()), next_enable_of_all)];
            }
            (Action::Disable, Some(picked)) => {
                let end = |r: usize| earliest(next_enable[r], next_enable_of_all);
                out[i] = grouped(picked.iter().map(|&r| (end(r), r)).collect());
                picked.iter().for_each(|&r| next_disable[r] = Some(i));
            }
            (Action::Ignore | Action::IgnoreFile, _) => {}
        }
    }
    out
}

/// The earlier of two directives, where `None` is the end of the file.
fn earliest(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    a.into_iter().chain(b).min()
}

/// `(end, rule)` pairs gathered into one span per end.
fn grouped(mut ends: Vec<(Option<usize>, usize)>) -> Vec<Span> {
    ends.sort_unstable();
    let mut spans: Vec<Span> = Vec::new();
    for (end, rule) in ends {
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
