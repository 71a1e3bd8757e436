//! Checks a rule spec and turns it into a [`Rule`]: id, kind, messages and defaults here, what it
//! scores in [`scoring`], what it looks for in [`search`]; each error with its file, line and
//! column and a hint how to fix it.

mod keys;
mod regexes;
mod scoring;
mod search;
mod values;

pub(crate) use scoring::default_points;

use super::error::{RuleError, SourceFile};
use super::lexicon::Lexicons;
use super::model::{Count, Look};
use super::schema::{Kind, PackSpec, RuleSpec, Severity, Speaker};
use super::template::PLACEHOLDERS;
use super::{Examples, Origin, Rule, Target};
use search::Checker;

/// Whether `id` is `<category>/<name>` in kebab-case.
fn valid_id(id: &str) -> bool {
    let kebab = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    matches!(id.split_once('/'), Some((c, n)) if kebab(c) && kebab(n))
}

/// Checks one rule spec from `file`, whose `id:` line is searched from byte `from` on (so that
/// a repeated id is found at its own place). Returns the rule and the offset of its id.
pub(super) fn check(
    spec: RuleSpec,
    file: &SourceFile,
    from: usize,
    fillers: &[String],
    lexicons: &Lexicons,
) -> Result<(Rule, usize), RuleError> {
    let at = file.rule_offset(&spec.id, from);
    let c = Checker {
        file,
        at,
        path: Vec::new(),
        fillers,
        lexicons,
    };
    if !valid_id(&spec.id) {
        return Err(c.fail_written(
            &spec.id,
            format!(
                "rule id `{}` is not `<category>/<name>` in kebab-case",
                spec.id
            ),
            "write ids like `ownership/not-my-department`: words of lowercase ASCII letters and digits joined by `-`, category first (`empatia/disculpa` for `empatía/disculpa`)",
        ));
    }
    let category = spec.id.split('/').next().unwrap_or_default().to_string();
    let roles = c.roles(spec.speaker.as_ref(), Speaker::Agent.roles())?;
    let target = target(&c, &spec, roles)?;
    // A `when` rule judges the speakers its conditions look at, which may not be its own.
    let roles = match &target {
        Target::When(condition) => condition.roles(),
        Target::Find { .. } => roles,
    };
    scoring::check(&c, &spec)?;
    check_replace(&c, &spec)?;
    check_message(&c, &spec)?;
    let severity = match (spec.kind, spec.severity) {
        (_, Some(s)) => s,
        (Kind::Reward | Kind::Tag, None) => Severity::Info,
        (_, None) => Severity::Warning,
    };
    let points_given = spec.points.is_some();
    let points = spec
        .points
        .unwrap_or(default_points(spec.kind, severity, roles));
    let message = spec
        .message
        .clone()
        .unwrap_or_else(|| default_message(spec.kind, &target));
    let (line, column) = file.position(at);
    let examples = spec.examples.unwrap_or_default();
    Ok((
        Rule {
            id: spec.id,
            category,
            kind: spec.kind,
            severity,
            roles,
            target,
            min_turns: spec.min_turns.unwrap_or(1),
            points,
            points_given,
            max_hits: spec.max_hits,
            auto_fail: spec.auto_fail,
            message,
            suggestion: spec.suggestion,
            replace: spec.replace,
            link: spec.link,
            description: spec.description,
            examples: Examples {
                hit: examples.hit,
                clean: examples.clean,
            },
            origin: Origin {
                file: file.name.to_string(),
                line,
                column,
            },
        },
        at,
    ))
}

/// What the rule looks for: a `when` condition, or a search with an optional `after`.
fn target(c: &Checker, spec: &RuleSpec, roles: u8) -> Result<Target, RuleError> {
    if let Some(when) = &spec.when {
        let search_keys = [
            (!spec.phrases.is_empty(), "phrases"),
            (!spec.regex.clone().into_vec().is_empty(), "regex"),
            (!spec.unless.is_empty(), "unless"),
            (spec.near.is_some(), "near"),
            (spec.not_near.is_some(), "not_near"),
            (spec.window.is_some(), "window"),
            (spec.timing.is_some(), "timing"),
            (spec.count.is_some(), "count"),
            (spec.after.is_some(), "after"),
        ];
        if let Some((_, key)) = search_keys.iter().find(|(set, _)| *set) {
            let help = match *key {
                // Conditions hold no sequence: an answer to a trigger is a rule of its own.
                "after" => {
                    "a sequence is no `when` condition: write it as a rule of its own (`phrases` and `after`, without `when`)"
                }
                _ => "move it into one of the `when` conditions",
            };
            return Err(c.fail(
                key,
                format!("a rule with `when` cannot also have `{key}`"),
                help,
            ));
        }
        return Ok(Target::When(c.child("when", None).condition(when, roles)?));
    }
    let find = c.find(
        roles,
        &spec.phrases,
        &spec.regex,
        &spec.unless,
        spec.near.as_ref(),
        spec.not_near.as_ref(),
        spec.timing.as_ref(),
        spec.window.as_ref(),
        spec.count.as_ref(),
    )?;
    if matches!(&find.look, Look::Words(w) if w.phrases.is_empty() && w.regex.is_empty()) {
        return Err(c.fail(
            "id",
            format!(
                "rule `{}` has no `phrases` and no `regex`, so it can never match",
                spec.id
            ),
            "add at least one phrase, or a `when` condition or `timing`",
        ));
    }
    let after = spec.after.as_ref().map(|a| c.after(a, roles)).transpose()?;
    if after.is_some() && (find.count.is_some() || matches!(find.look, Look::Timing(_))) {
        return Err(c.fail(
            "after",
            "`after` answers a trigger with phrases; it cannot be combined with `count` or `timing`".into(),
            "keep `after` with `phrases` or `regex`",
        ));
    }
    Ok(Target::Find { find, after })
}

/// A message's `{name}` is a placeholder it knows, `{trigger}` has a trigger to fill it (a
/// `require` rule's `after:`) and `{measured}` a measure (a timing rule's event): a misspelt one
/// (`{mtch}`) would be printed as written in every finding, an unfilled one as nothing.
fn check_message(c: &Checker, spec: &RuleSpec) -> Result<(), RuleError> {
    let Some(message) = &spec.message else {
        return Ok(());
    };
    let names = message.split('{').skip(1).filter_map(|rest| {
        let name = &rest[..rest.find('}')?];
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        (!name.is_empty() && name.bytes().all(word)).then_some(name)
    });
    for name in names {
        if !PLACEHOLDERS.contains(&name) {
            return Err(c.fail(
                "message",
                match crate::suggest::closest(name, PLACEHOLDERS.iter().copied()) {
                    Some(k) => format!(
                        "unknown placeholder `{{{name}}}` in the message (did you mean `{{{k}}}`?)"
                    ),
                    None => format!("unknown placeholder `{{{name}}}` in the message"),
                },
                "a message may hold `{match}`, `{trigger}`, `{speaker}`, `{measured}` and `{id}`",
            ));
        }
        let no_match = match (spec.kind, spec.after.is_some(), spec.timing.is_some()) {
            (Kind::Require, true, _) => Some((
                "a require rule reports a trigger left unanswered",
                "remove `{match}`: `{trigger}` quotes the trigger",
            )),
            (Kind::Require, false, _) => Some((
                "a require rule reports language that is missing",
                "remove `{match}`, and say in words what is missing",
            )),
            (_, _, true) => Some((
                "a timing rule reports a measure of time",
                "remove `{match}`: without a message, the rule's says what was measured",
            )),
            _ if spec.count.as_ref().is_some_and(|n| n.min == Some(0)) => Some((
                "a count from `min: 0` holds with no match at all",
                "remove `{match}`, and say in words what the rule counts",
            )),
            _ if spec.when.as_ref().is_some_and(|w| !w.searches_words()) => Some((
                "no condition of this `when` searches for words outside a `not`",
                "remove `{match}`, and say in words what the conditions found",
            )),
            _ if spec.when.as_ref().is_some_and(|w| !w.quotes_words()) => Some((
                "this `when` can hold with no match to quote (through an `any` whose other condition searches for no words, or a count from `min: 0`, which holds with no match at all)",
                "remove `{match}`, and say in words what the conditions count",
            )),
            _ => None,
        };
        if let (true, Some((what, hint))) = (name == "match", no_match) {
            return Err(c.fail(
                "message",
                format!("`{{match}}` in the message of a rule with no match: {what}, so it would read as nothing"),
                hint,
            ));
        }
        let measures = spec.timing.is_some() && spec.kind != Kind::Require && spec.count.is_none();
        if name == "measured" && !measures {
            return Err(c.fail(
                "message",
                "`{measured}` in the message of a rule whose findings measure nothing: only a forbid, reward or tag rule with `timing:` and no `count` has one measure per finding".into(),
                "remove `{measured}`, or say in words what the rule looks for",
            ));
        }
        if name == "trigger" && spec.after.is_none() {
            return Err(c.fail(
                "message",
                "`{trigger}` in the message of a rule without `after`: there is no trigger to fill it".into(),
                "remove `{trigger}`, or give the rule an `after:` trigger",
            ));
        }
        // Only a require rule's finding is at a trigger (SPEC §4, `after`); a forbid or reward
        // finding is at its own match, found in a trigger's window.
        if name == "trigger" && spec.kind != Kind::Require {
            return Err(c.fail(
                "message",
                "`{trigger}` in the message of a rule that is no `require`: its findings are at its own matches, not at a trigger, so it would read as nothing".into(),
                "use `{match}`, and say in words what the trigger was",
            ));
        }
    }
    Ok(())
}

/// `replace:` only on forbid rules' phrase matches, never empty, on one line.
fn check_replace(c: &Checker, spec: &RuleSpec) -> Result<(), RuleError> {
    let Some(replace) = &spec.replace else {
        return Ok(());
    };
    let kind = spec.kind.name();
    if spec.kind != Kind::Forbid {
        return Err(c.fail(
            "replace",
            format!("`replace` on a {kind} rule: only forbid rules' matches are replaced"),
            "remove `replace`, or put it on a `kind: forbid` rule",
        ));
    }
    if spec.when.is_some() {
        return Err(c.fail(
            "replace",
            "`replace` on a rule with `when`: a condition has no match to replace".into(),
            "remove `replace`, or write the rule with `phrases` instead of `when`",
        ));
    }
    if replace.trim().is_empty() {
        return Err(c.fail(
            "replace",
            "`replace` is empty: a fix would delete the match".into(),
            "write the better wording, or remove `replace`",
        ));
    }
    if replace.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(c.fail(
            "replace",
            "`replace` holds a line break: a fix would start a line, which a transcript reads as a new turn (`Customer: …`)".into(),
            "write the replacement on one line (in YAML, a `|` block keeps line breaks; use a quoted string)",
        ));
    }
    Ok(())
}

/// The message of a rule that gives none: the match where there is one, else what a timing rule
/// looks for and what it measured, or what was counted.
fn default_message(kind: Kind, target: &Target) -> String {
    let measure = match target {
        Target::Find { find, .. } => match (&find.look, &find.count) {
            (Look::Timing(t), _) => Some(t.describe()),
            // A count from 0 holds with no match to quote.
            (Look::Words(_), Some(Count { min: 0, max })) => Some(match max {
                Some(0) => "No match of its phrases".to_string(),
                Some(1) => "At most 1 match of its phrases".to_string(),
                Some(n) => format!("At most {n} matches of its phrases"),
                None => "Any number of matches of its phrases".to_string(),
            }),
            (Look::Words(_), _) => None,
        },
        Target::When(_) => None,
    };
    let matched = matches!(target, Target::Find { .. }) && measure.is_none();
    let answers = matches!(target, Target::Find { after: Some(_), .. });
    let timed = matches!(target, Target::Find { find, .. } if matches!(find.look, Look::Timing(_)));
    let counted = matches!(target, Target::Find { find, .. } if find.count.is_some());
    match (kind, matched, measure) {
        (Kind::Require, _, _) if answers => "No answer to “{trigger}” ({id})".into(),
        // A required measure of time that did not hold: no language was missing.
        (Kind::Require, _, Some(measure)) if timed => format!("No {measure} ({{id}})"),
        (Kind::Forbid, true, _) => "Avoid “{match}”".into(),
        (Kind::Reward, true, _) => "Good: “{match}”".into(),
        (Kind::Tag, true, _) => "{id}: “{match}”".into(),
        (Kind::Require, _, _) => "Missing required language ({id})".into(),
        // Each event of a timing rule that counts none is a finding: say what it measured.
        (_, _, Some(measure)) if timed && !counted => format!("{measure}: {{measured}} ({{id}})"),
        (_, _, Some(measure)) => format!("{measure} ({{id}})"),
        (_, _, None) => "{id}".into(),
    }
}

/// Parses a rule file's text into its specs.
pub(super) fn parse_pack(file: &SourceFile) -> Result<PackSpec, RuleError> {
    crate::yaml::from_str::<PackSpec>(file.text).map_err(|e| RuleError {
        file: file.name.to_string(),
        line: e.line,
        column: e.column,
        hint: Some(e.help()),
        message: e.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_category_slash_kebab_name() {
        assert!(valid_id("ownership/not-my-department"));
        assert!(valid_id("a1/b-2"));
        assert!(!valid_id("Ownership/x"));
        assert!(!valid_id("ownership"));
        assert!(!valid_id("a/b/c"));
        assert!(!valid_id("a/-b"));
    }
}
