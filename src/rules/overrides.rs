//! The config's `disable` and `severity` applied to loaded rules, with a warning for each entry
//! that names no rule it can change.

use super::load::Overrides;
use super::place::{locate, locate_after, suffix};
use super::{Kind, Rule, Severity, validate};

/// `:line:column` of the first place `key` is written in `text` (the config) as a whole name
/// after the key `list` (`disable`, `severity`), not as part of a longer one, or nothing.
pub(super) fn place_of(list: &str, key: &str, text: &str) -> String {
    suffix(locate_after(list, key, text).or_else(|| locate(key, text)))
}

/// Drops disabled rules and changes severities (and the points that follow from them, where a
/// rule does not set its own; turning one down to `info` lifts its `auto_fail`). Rewards and
/// tags keep `info` (a category's severity changes its problems only). An id or category that
/// matches no loaded rule, or only rewards and tags for a severity, is a warning (a typo, or a
/// rule of a pack that `--rules` replaced).
pub(super) fn apply_overrides(
    checked: &mut Vec<Rule>,
    o: &Overrides,
) -> (Vec<String>, Vec<(String, String)>) {
    let matches = |key: &str, r: &Rule| crate::suppress::selects(key, &r.id, &r.category);
    let has_severity = |r: &Rule| !matches!(r.kind, Kind::Reward | Kind::Tag);
    let at = |list, key: &str| format!("{}{}: `{key}`", o.origin, place_of(list, key, &o.text));
    let disabled = o.disable.iter().map(|key| ("disable", key));
    let mut warnings: Vec<String> = (disabled.chain(o.severity.keys().map(|k| ("severity", k))))
        .filter(|(_, key)| !checked.iter().any(|c| matches(key, c)))
        .map(|(list, key)| {
            format!(
                "{} names no loaded rule or category{}; `talklint rules` lists them",
                at(list, key),
                crate::suggest::rule_like(key, checked)
            )
        })
        .collect();
    let only_rewards = o.severity.keys().filter(|key| {
        let mut named = checked.iter().filter(|c| matches(key, c)).peekable();
        named.peek().is_some() && !named.any(has_severity)
    });
    warnings.extend(only_rewards.map(|key| {
        format!(
            "{} names only rewards and tags, whose severity is always info; change their \
             `points:` in a rule file instead",
            at("severity", key)
        )
    }));
    let is_disabled = |c: &Rule| o.disable.iter().any(|k| matches(k, c));
    let only_disabled = o.severity.keys().filter(|key| {
        let mut named = checked.iter().filter(|c| matches(key, c)).peekable();
        named.peek().is_some() && named.all(is_disabled)
    });
    warnings.extend(only_disabled.map(|key| {
        format!(
            "{} names only rules that `disable` turns off, so it changes nothing",
            at("severity", key)
        )
    }));
    let disabled: Vec<(String, String)> = (checked.iter().filter(|c| is_disabled(c)))
        .map(|c| (c.id.clone(), c.category.clone()))
        .collect();
    checked.retain(|c| !is_disabled(c));
    if checked.is_empty() && !disabled.is_empty() {
        warnings.push(format!(
            "{}{}: `disable` turns off all {} rules loaded, so nothing can be found and every \
             conversation passes; disable fewer",
            o.origin,
            place_of("disable", &o.disable[0], &o.text),
            disabled.len(),
        ));
    }
    for r in checked.iter_mut().filter(|r| has_severity(r)) {
        // A rule's own id wins over its category, however that is written.
        let category = [r.category.clone(), format!("{}/*", r.category)];
        let by_category = || category.iter().find_map(|c| o.severity.get(c));
        if let Some(s) = o.severity.get(&r.id).or_else(by_category) {
            // A rule a team turns down to `info` is noted, not failed on: its hits no longer
            // fail a conversation whatever its score. One written at `info` keeps its own
            // `auto_fail`, and so a report's severity, which `merge` compares, says which.
            r.auto_fail &= *s != Severity::Info || r.severity == Severity::Info;
            r.severity = *s;
            if !r.points_given {
                r.points = validate::default_points(r.kind, *s, r.roles);
            }
        }
    }
    (warnings, disabled)
}
