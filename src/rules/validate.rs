//! Checks a rule spec and turns it into a [`Rule`]: id, phrases, regexes, window and defaults,
//! each error with its file, line and column and a hint how to fix it.

use super::error::{RuleError, SourceFile};
use super::phrase;
use super::schema::{Kind, PackSpec, RuleSpec, Severity, Speaker, WindowSpec};
use super::{Examples, Origin, Phrase, Rule, RuleRegex, Window};

/// The points of a rule that does not set them: by kind, and for `forbid` by severity.
pub(crate) fn default_points(kind: Kind, severity: Severity) -> i32 {
    match (kind, severity) {
        (Kind::Reward, _) => 5,
        (Kind::Require, _) => -10,
        (Kind::Forbid, Severity::Error) => -10,
        (Kind::Forbid, Severity::Warning) => -5,
        (Kind::Forbid, Severity::Info) => -1,
    }
}

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

/// Checks a rule regex, to be compiled case-insensitive and multi-line (`^`/`$` at line starts and ends), with
/// ASCII meanings of `\b`, `\w`, `\s` and case (as phrase matching has, and as `rg --no-unicode`),
/// which keeps it on the regex crate's fast engines: Unicode word boundaries and case folding are
/// 40–100x slower there. The flags are written into the pattern (`(?m-u)`) so that the matcher's
/// `RegexSet` compiles it the same way. A pattern that is only valid in Unicode mode (a class with
/// a non-ASCII character) stays Unicode; `(?u)` opts back in anywhere.
fn checked_regex(written: &str) -> Result<RuleRegex, regex::Error> {
    let compiles = |p: String| {
        regex::RegexBuilder::new(&p)
            .case_insensitive(true)
            .build()
            .map(|_| p)
    };
    let pattern =
        compiles(format!("(?m-u){written}")).or_else(|_| compiles(format!("(?m){written}")))?;
    Ok(RuleRegex {
        written: written.to_string(),
        pattern,
    })
}

/// Checks one rule spec from `file`, whose `id:` line is searched from byte `from` on (so that
/// a repeated id is found at its own place). Returns the rule and the offset of its id.
pub(super) fn check(
    spec: RuleSpec,
    file: &SourceFile,
    from: usize,
    fillers: &[String],
) -> Result<(Rule, usize), RuleError> {
    let at = file.rule_offset(&spec.id, from);
    let fail = |needle: &str, message: String, hint: &str| {
        Err(file.error_at(at, needle, message, Some(hint.to_string())))
    };
    if !valid_id(&spec.id) {
        return fail(
            &spec.id,
            format!(
                "rule id `{}` is not `<category>/<name>` in kebab-case",
                spec.id
            ),
            "write ids like `ownership/not-my-department`: lowercase words joined by `-`, category first",
        );
    }
    let category = spec.id.split('/').next().unwrap_or_default().to_string();
    let parse_all = |list: &[String], key: &str| -> Result<Vec<Phrase>, RuleError> {
        let mut out = Vec::new();
        for p in list {
            match phrase::parse(p, fillers) {
                Ok(pattern) => out.push(Phrase {
                    text: p.clone(),
                    pattern,
                }),
                Err(e) => {
                    let mut err = file.error_at(at, p, format!("{key} \"{p}\": {}", e.message), Some(
                        "phrases are words with `(a|b)` alternatives, `[opt]` optional words and `*` for one word; fillers (um, uh, …) are ignored".into(),
                    ));
                    if file.text[at..].contains(p.as_str()) {
                        err.column += p.chars().take(e.at).count();
                    }
                    return Err(err);
                }
            }
        }
        Ok(out)
    };
    let phrases = parse_all(&spec.phrases, "phrase")?;
    let unless = parse_all(&spec.unless, "unless phrase")?;
    let mut regex = Vec::new();
    for r in spec.regex.clone().into_vec() {
        match checked_regex(&r) {
            Ok(re) => regex.push(re),
            Err(e) => {
                let first = e.to_string();
                let last = first.lines().last().unwrap_or(&first).trim();
                let detail = last.strip_prefix("error: ").unwrap_or(last).to_string();
                return fail(
                    &r,
                    format!("invalid regex `{r}`: {detail}"),
                    "regexes use Rust `regex` syntax (no look-around or backreferences); in YAML prefer single quotes so `\\b` stays a backslash",
                );
            }
        }
    }
    if phrases.is_empty() && regex.is_empty() {
        return fail(
            "id:",
            format!(
                "rule `{}` has no `phrases` and no `regex`, so it can never match",
                spec.id
            ),
            "add at least one phrase",
        );
    }
    let window = match spec.window.as_ref().map(window) {
        None => None,
        Some(Ok(w)) => Some(w),
        Some(Err(msg)) => {
            return fail(
                "window",
                msg,
                "write one of `first_turns: N`, `last_turns: N`, `first_seconds: S`, `last_seconds: S`",
            );
        }
    };
    if spec.min_turns.is_some() && spec.kind != Kind::Require {
        return fail(
            "min_turns",
            "`min_turns` only applies to `kind: require` rules".into(),
            "remove it, or make the rule a require rule",
        );
    }
    if spec.max_hits == Some(0) {
        return fail(
            "max_hits",
            "`max_hits: 0` would count no hit".into(),
            "use `points: 0` for a rule that should not score, or a cap of 1 or more",
        );
    }
    let severity = match (spec.kind, spec.severity) {
        (_, Some(s)) => s,
        (Kind::Reward, None) => Severity::Info,
        (_, None) => Severity::Warning,
    };
    let points_given = spec.points.is_some();
    let points = spec.points.unwrap_or(default_points(spec.kind, severity));
    let roles = spec.speaker.clone().map_or(Speaker::Agent.roles(), |s| {
        s.into_vec().iter().fold(0, |acc, s| acc | s.roles())
    });
    let message = spec.message.clone().unwrap_or_else(|| match spec.kind {
        Kind::Forbid => "Avoid “{match}”".into(),
        Kind::Reward => "Good: “{match}”".into(),
        Kind::Require => "Missing required language ({id})".into(),
    });
    let (line, column) = file.position(at);
    let examples = spec.examples.unwrap_or_default();
    Ok((
        Rule {
            id: spec.id,
            category,
            kind: spec.kind,
            severity,
            roles,
            phrases,
            regex,
            unless,
            window,
            min_turns: spec.min_turns.unwrap_or(1),
            points,
            points_given,
            max_hits: spec.max_hits,
            auto_fail: spec.auto_fail,
            message,
            suggestion: spec.suggestion,
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

fn window(w: &WindowSpec) -> Result<Window, String> {
    let set = [
        w.first_turns.is_some(),
        w.last_turns.is_some(),
        w.first_seconds.is_some(),
        w.last_seconds.is_some(),
    ];
    if set.iter().filter(|s| **s).count() != 1 {
        return Err(
            "a window needs exactly one of first_turns, last_turns, first_seconds, last_seconds"
                .into(),
        );
    }
    let secs = |s: f64| -> Result<u64, String> {
        if s.is_finite() && s > 0.0 {
            Ok((s * 1000.0).round() as u64)
        } else {
            Err(format!("window seconds must be positive, not {s}"))
        }
    };
    let turns = |n: usize| {
        if n == 0 {
            Err("a window of 0 turns holds nothing".to_string())
        } else {
            Ok(n)
        }
    };
    Ok(
        match (w.first_turns, w.last_turns, w.first_seconds, w.last_seconds) {
            (Some(n), ..) => Window::FirstTurns(turns(n)?),
            (_, Some(n), ..) => Window::LastTurns(turns(n)?),
            (_, _, Some(s), _) => Window::FirstSeconds(secs(s)?),
            (.., Some(s)) => Window::LastSeconds(secs(s)?),
            _ => unreachable!("exactly one window key is set"),
        },
    )
}

/// Parses a rule file's text into its specs.
pub(super) fn parse_pack(file: &SourceFile) -> Result<PackSpec, RuleError> {
    crate::yaml::from_str::<PackSpec>(file.text).map_err(|e| RuleError {
        file: file.name.to_string(),
        line: e.line,
        column: e.column,
        hint: Some(e.hint().to_string()),
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
