//! A rule's message: the placeholders a written one may hold (each must have something to fill
//! it), and the message of a rule that gives none, which says what was found: the match, the
//! measure, the count reached or the condition that held.

use super::super::Target;
use super::super::error::RuleError;
use super::super::model::{Count, Look};
use super::super::schema::{Kind, RuleSpec};
use super::super::template::PLACEHOLDERS;
use super::search::Checker;
use crate::transcript::Sentiment;

/// A message's `{name}` is a placeholder it knows, `{trigger}` has a trigger to fill it (a
/// `require` rule's `after:`) and `{measured}` a measure (a timing rule's event): a misspelt one
/// (`{mtch}`) would be printed as written in every finding, an unfilled one as nothing.
pub(super) fn check_message(c: &Checker, spec: &RuleSpec) -> Result<(), RuleError> {
    // A suggestion is printed as written: a placeholder in it would be too.
    let suggested = spec.suggestion.as_deref().unwrap_or_default();
    // The first written, of those the suggestion holds.
    let written = (PLACEHOLDERS.iter())
        .filter_map(|p| Some((suggested.find(&format!("{{{p}}}"))?, *p)))
        .min();
    if let Some((_, name)) = written {
        return Err(c.fail(
            "suggestion",
            format!("`{{{name}}}` in the suggestion, which is printed as written: placeholders are filled in the message only"),
            "say it in words in the suggestion, or move the placeholder to `message:`",
        ));
    }
    let Some(message) = &spec.message else {
        return Ok(());
    };
    // An empty message printed a finding as its bare id; so does one of invisible characters.
    let unseen = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    if message.chars().all(unseen) {
        return Err(c.fail(
            "message",
            "the message is empty: each finding would print as its rule's id alone".into(),
            "say what the agent did or missed (`Tells the customer to “calm down”`), or remove \
             `message:` to print the rule's own message",
        ));
    }
    // Vale's and printf's `%s` was printed as written in every finding.
    if message.contains("%s") {
        return Err(c.fail(
            "message",
            "the message holds `%s`, which is printed as written: a message quotes the match with `{match}`".into(),
            "write `{match}` where the match goes (`Write “…”, not “{match}”`)",
        ));
    }
    let names = message.split('{').skip(1).filter_map(|rest| {
        let name = &rest[..rest.find('}')?];
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        (!name.is_empty() && name.bytes().all(word)).then_some(name)
    });
    for name in names {
        // Each error stands at the placeholder, where the message writes it.
        let placeholder = format!("{{{name}}}");
        if !PLACEHOLDERS.contains(&name) {
            return Err(c.fail_within(
                "message",
                &placeholder,
                match crate::suggest::closest(name, PLACEHOLDERS.iter().copied()) {
                    Some(k) => format!(
                        "unknown placeholder `{{{name}}}` in the message (did you mean `{{{k}}}`?)"
                    ),
                    None => format!("unknown placeholder `{{{name}}}` in the message"),
                },
                "a message may hold `{match}`, `{trigger}`, `{speaker}`, `{measured}` and `{id}`",
            ));
        }
        // A sentiment search quotes words only with phrases or a regex in the labelled turn.
        let words = !spec.phrases.is_empty() || !spec.regex.clone().into_vec().is_empty();
        let measured = spec.timing.is_some() || (spec.sentiment.is_some() && !words);
        let no_match = match (spec.kind, spec.after.is_some(), measured) {
            (Kind::Require, true, _) => Some((
                "a require rule reports a trigger left unanswered",
                "remove `{match}`: `{trigger}` quotes the trigger",
            )),
            (Kind::Require, false, _) => Some((
                "a require rule reports language that is missing",
                "remove `{match}`, and say in words what is missing",
            )),
            (_, _, true) => Some((
                "a timing or sentiment rule reports a measure or a turn, not words",
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
            return Err(c.fail_within(
                "message",
                &placeholder,
                format!("`{{match}}` in the message of a rule with no match: {what}, so it would read as nothing"),
                hint,
            ));
        }
        let measures = spec.timing.is_some() && spec.kind != Kind::Require && spec.count.is_none();
        if name == "measured" && !measures {
            return Err(c.fail_within(
                "message",
                &placeholder,
                "`{measured}` in the message of a rule whose findings measure nothing: only a forbid, reward or tag rule with `timing:` and no `count` has one measure per finding".into(),
                "remove `{measured}`, or say in words what the rule looks for",
            ));
        }
        if name == "trigger" && spec.after.is_none() {
            return Err(c.fail_within(
                "message",
                &placeholder,
                "`{trigger}` in the message of a rule without `after`: there is no trigger to fill it".into(),
                "remove `{trigger}`, or give the rule an `after:` trigger",
            ));
        }
        // Only a require rule's finding is at a trigger (SPEC §4, `after`); a forbid or reward
        // finding is at its own match, found in a trigger's window.
        if name == "trigger" && spec.kind != Kind::Require {
            return Err(c.fail_within(
                "message",
                &placeholder,
                "`{trigger}` in the message of a rule that is no `require`: its findings are at its own matches, not at a trigger, so it would read as nothing".into(),
                "use `{match}`, and say in words what the trigger was",
            ));
        }
    }
    Ok(())
}

/// The message of a rule that gives none, saying what was found: the match; what a timing rule
/// measured, or the turn a sentiment rule found; the count a counted rule reached; the condition
/// a `when` rule met (or, for `require`, did not).
pub(super) fn default_message(kind: Kind, target: &Target) -> String {
    let find = match target {
        Target::When(condition) => {
            let met = match kind {
                Kind::Require => "not met",
                _ => "met",
            };
            return format!("Condition {met}: {} ({{id}})", condition.describe());
        }
        Target::Find { after: Some(_), .. } if kind == Kind::Require => {
            return "No answer to “{trigger}” ({id})".into();
        }
        Target::Find { find, .. } => find,
    };
    match (&find.look, find.count) {
        // A required count: what it was to be, not "missing" (too many is no language missing).
        (Look::Words(_), Some(Count { min, max })) if kind == Kind::Require && max.is_some() => {
            let wanted = match (min, max.unwrap_or(min)) {
                (0, max) => format!("at most {max}"),
                (min, max) if min == max => format!("exactly {min}"),
                (min, max) => format!("{min} to {max}"),
            };
            format!("Required count of its phrases not met: {wanted} ({{id}})")
        }
        (Look::Words(_), Some(Count { min, .. })) if kind == Kind::Require && min > 1 => {
            format!("Required count of its phrases not met: at least {min} ({{id}})")
        }
        (Look::Words(_), _) if kind == Kind::Require => "Missing required language ({id})".into(),
        // A count from 0 holds with no match to quote.
        (Look::Words(_), Some(Count { min: 0, max })) => match max {
            Some(0) => "No match of its phrases ({id})".to_string(),
            Some(1) => "At most 1 match of its phrases ({id})".to_string(),
            Some(n) => format!("At most {n} matches of its phrases ({{id}})"),
            None => "Any number of matches of its phrases ({id})".to_string(),
        },
        // A count's finding sits at the match that reached it.
        (Look::Words(_), Some(count)) => {
            format!(
                "{}: “{{match}}” ({{id}})",
                crate::text::capitalised(&count.describe())
            )
        }
        (Look::Words(w), None) => {
            let quoted = match w.sentiment {
                Some(bits) => format!(
                    "“{{match}}” in a turn labelled {}",
                    Sentiment::describe(bits)
                ),
                None => "“{match}”".to_string(),
            };
            match kind {
                Kind::Reward => format!("Good: {quoted}"),
                Kind::Tag => format!("{{id}}: {quoted}"),
                _ => format!("Avoid {quoted}"),
            }
        }
        // A required measure that did not hold: no language was missing.
        (look, _) if kind == Kind::Require => format!("No {} ({{id}})", look.describe()),
        (look, Some(count)) => format!("{}, {} ({{id}})", look.describe(), count.describe()),
        // Each event of a timing rule that counts none is a finding: say what it measured.
        (Look::Timing(t), None) => format!("{}: {{measured}} ({{id}})", t.describe()),
        (look @ Look::Sentiment(_), None) => {
            format!("{} ({{id}})", crate::text::capitalised(&look.describe()))
        }
    }
}
