//! Checks a rule spec and turns it into a [`Rule`]: id, kind, messages and defaults here, what it
//! scores in [`scoring`], what it looks for in [`search`]; each error with its file, line and
//! column and a hint how to fix it.

mod keys;
mod measures;
mod message;
mod regexes;
mod scoring;
mod search;
mod values;

pub(crate) use scoring::default_points;

use super::error::{RuleError, SourceFile};
use super::lexicon::Lexicons;
use super::model::Look;
use super::place::Lines;
use super::schema::{Kind, PackSpec, RuleSpec, Severity, Speaker};
use super::{Examples, Origin, RESERVED_CATEGORY as RESERVED, Rule, Target};
use measures::Measure;
use message::{check_message, default_message};
use search::Checker;

/// Whether `id` is `<category>/<name>` in kebab-case.
pub(crate) fn valid_id(id: &str) -> bool {
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

/// `id` written as a valid one, where it can be: accents dropped (`empatía` as `empatia`), `ß`
/// as `ss`, lowercase, and each run of other characters one `-` (`Höflichkeit/Straße` as
/// `hoflichkeit/strasse`, `QA/Not My Job` as `qa/not-my-job`).
fn kebab_id(id: &str) -> Option<String> {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let (category, name) = id.split_once('/')?;
    let kebab = |part: &str| {
        let plain = part
            .nfd()
            .filter(|&c| !is_combining_mark(c))
            .collect::<String>();
        let words = plain.replace(['ß', 'ẞ'], "ss").to_lowercase();
        let words = words.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()));
        words
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    let id = format!("{}/{}", kebab(category), kebab(name));
    valid_id(&id).then_some(id)
}

/// Checks one rule spec from `file`, whose `id:` line is searched from byte `from` on (so that
/// a repeated id is found at its own place) and placed by `lines`, which counts the file's
/// lines. Returns the rule and the offset of its id.
pub(super) fn check(
    spec: RuleSpec,
    (file, lines): (&SourceFile, &mut Lines),
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
            &format!(
                "write ids like `ownership/not-my-department`: words of lowercase ASCII letters \
                 and digits joined by `-`, category first{}",
                kebab_id(&spec.id).map_or_else(String::new, |id| format!(" (`{id}`)"))
            ),
        ));
    }
    let (category, name) = spec.id.split_once('/').unwrap_or_default();
    if category == RESERVED {
        return Err(c.fail_written(
            &spec.id,
            format!(
                "rule id `{}` is in the `{RESERVED}/` category, which talklint keeps for its own results (`{RESERVED}/score`, a failing conversation's SARIF result)",
                spec.id
            ),
            &format!("rename the rule into a category of your own, such as `qa/{name}`"),
        ));
    }
    let category = category.to_string();
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
    let (line, column) = lines.position(at);
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
            (spec.unless.is_some(), "unless"),
            (spec.near.is_some(), "near"),
            (spec.not_near.is_some(), "not_near"),
            (spec.window.is_some(), "window"),
            (spec.timing.is_some(), "timing"),
            (spec.sentiment.is_some(), "sentiment"),
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
        spec.unless.as_deref(),
        spec.near.as_ref(),
        spec.not_near.as_ref(),
        Measure {
            timing: spec.timing.as_ref(),
            sentiment: spec.sentiment.as_ref(),
        },
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
            "add at least one phrase, or a `when` condition, `timing` or `sentiment`",
        ));
    }
    let after = spec.after.as_ref().map(|a| c.after(a, roles)).transpose()?;
    // A silence or a labelled turn answers a trigger as a phrase does (`after` a hold, a
    // silence of 30 s); a count is of the whole conversation, not of one trigger's window.
    if after.is_some() && find.count.is_some() {
        return Err(c.fail(
            "after",
            "`after` answers each trigger with what follows it; it cannot be combined with `count`, which counts the whole conversation".into(),
            "remove `count`, or write the rule as `when: {all: [...]}` with a counted condition and the trigger's condition",
        ));
    }
    Ok(Target::Find { find, after })
}

/// `replace:` only on forbid rules' phrase matches, never empty, on one line, with no
/// placeholder.
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
    // A message's placeholders fill nothing here: `{match}, please` was written as is.
    let placeholder = (crate::rules::template::PLACEHOLDERS.iter())
        .map(|name| format!("{{{name}}}"))
        .find(|p| replace.contains(p.as_str()));
    if let Some(p) = placeholder {
        return Err(c.fail_value(
            &["replace"],
            format!("`replace` holds `{p}`, which a fix would write as is: a replacement is the words written, with no placeholders"),
            "write the words that replace the match (the case of its first letter follows the match's)",
        ));
    }
    if let Some(group) = capture_reference(replace, spec) {
        return Err(c.fail_value(
            &["replace"],
            format!("`replace` holds `{group}`, a group of the rule's regex, which a fix would write as is: a replacement is the words written"),
            "write the words that replace the match, or a rule for each spelling with its own `replace`",
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

/// Parses a rule file's text into its specs.
pub(super) fn parse_pack(file: &SourceFile) -> Result<PackSpec, RuleError> {
    // The built-in pack's own text, not a file named like it.
    let built_in = (super::builtin::FILES.iter()).any(|(_, text)| std::ptr::eq(*text, file.text));
    let parsed = match built_in {
        true => crate::yaml::from_shallow_str::<PackSpec>(file.text),
        false => crate::yaml::from_str::<PackSpec>(file.text),
    };
    parsed.map_err(|e| RuleError {
        file: file.name.to_string(),
        line: e.line,
        column: e.column,
        hint: Some(e.help()),
        message: e.message,
    })
}

/// The first reference in `replace` to a capture group of one of the rule's regexes (`$1`, `$0`,
/// `${1}`, `${name}`, `$name`, `\1`), as other tools' replacements expand them: a fix wrote `$1`. A `$`
/// before a number that is no group of them, or before a decimal point or a thousands
/// separator, is money (`a $5 credit`, `$1.99`).
fn capture_reference(replace: &str, spec: &RuleSpec) -> Option<String> {
    let regexes = spec.regex.clone().into_vec();
    if regexes.is_empty() || !replace.contains(['$', '\\']) {
        return None;
    }
    let groups: Vec<regex::Regex> = regexes
        .iter()
        .filter_map(|r| regex::Regex::new(r).ok())
        .collect();
    let most = groups.iter().map(|r| r.captures_len() - 1).max()?;
    let names: Vec<&str> = groups
        .iter()
        .flat_map(|r| r.capture_names().flatten())
        .collect();
    // `$0`, the whole match, only where the regex has groups: else it is as likely money.
    let numbered = |n: &str| n.parse::<usize>().is_ok_and(|n| n <= most && most > 0);
    replace.match_indices(['$', '\\']).find_map(|(i, mark)| {
        let rest = &replace[i + 1..];
        if mark == "$" && rest.starts_with('{') {
            let name = &rest[1..rest.find('}')?];
            return (numbered(name) || names.contains(&name)).then(|| format!("${{{name}}}"));
        }
        if mark == "$" {
            let name = &rest[..rest
                .bytes()
                .take_while(|&b| b.is_ascii_alphanumeric() || b == b'_')
                .count()];
            if names.contains(&name) {
                return Some(format!("${name}"));
            }
        }
        let n = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
        // `$1.99`, `$1,000`: money.
        let amount = mark == "$" && rest[n.len()..].starts_with(['.', ',']);
        (numbered(n) && !amount).then(|| format!("{mark}{n}"))
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
