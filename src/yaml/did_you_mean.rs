//! "did you mean": a misspelt key or value named with the closest one the place allows, and a
//! role word of another language (`cliente`, `Berater`) with the role it names.

/// What [`did_you_mean`] writes before the name it suggests.
pub(super) const SUGGESTED: &str = "did you mean";

/// serde's "unknown field `severty`, expected one of `id`, `severity`, …" (or "unknown variant")
/// as "unknown field `severty`, did you mean `severity`?", when one expected name is close, or
/// is the only one that starts with the name written.
pub(super) fn did_you_mean(message: &str) -> Option<String> {
    // A rule file's messages start with where the key is (`rules[0]: `).
    let at = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|p| Some(message.find(p)? + p.len()))?;
    let (word, expected) = message[at..].split_once('`')?;
    // The expected names are the backquoted parts: every other piece between backquotes.
    let known = expected.split('`').skip(1).step_by(2);
    if let Some(parent) = nested_in(word, known.clone()) {
        return Some(format!(
            "{}{word}`, which {GOES_UNDER} `{parent}:` (`{parent}: {{{word}: …}}`)",
            &message[..at]
        ));
    }
    // A name of another tool's rules means that name, however close a typo would be.
    let name = (peer_spelling(word, known.clone()))
        .or_else(|| crate::suggest::closest(word, known.clone()))
        .or_else(|| shortened(word, known.clone()));
    if let Some(name) = name {
        return Some(format!("{}{word}`, {SUGGESTED} `{name}`?", &message[..at]));
    }
    // A role word is offered its role, and the values the place allows stay listed.
    let name = role_word(word, known)?;
    Some(format!(
        "{}{word}`, {SUGGESTED} `{name}`? ({})",
        &message[..at],
        expected.trim_start_matches([',', ' '])
    ))
}

/// What [`did_you_mean`] writes of a key of a mapping written one level too high.
pub(super) const GOES_UNDER: &str = "goes under";

/// The key among `known` whose mapping holds the key `word`, written beside it instead:
/// `first_percent: 20` on a rule for `window: {first_percent: 20}`.
fn nested_in<'a>(word: &str, mut known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let parent = match word {
        "first_turns" | "last_turns" | "first_seconds" | "last_seconds" | "first_percent"
        | "last_percent" | "between_seconds" | "between_percent" | "percent_of" => "window",
        "silence_seconds"
        | "interrupts_seconds"
        | "interrupts_total_seconds"
        | "talk_share_above"
        | "talk_share_below"
        | "turn_seconds_above" => "timing",
        "within_turns" | "within_seconds" => "after",
        "min" | "max" => "count",
        _ => return None,
    };
    known.find(|k| *k == parent)
}

/// The one name among `known` that `word` (four letters or more) is the start of: `suggest` for
/// `suggestion`, `desc` for `description`, too far apart to be a typo.
fn shortened<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if word.chars().count() < 4 {
        return None;
    }
    let mut starting = known.filter(|k| k.starts_with(word));
    let one = starting.next()?;
    starting.next().is_none().then_some(one)
}

/// The name among `known` of what `word` is in the rules of Vale or semgrep, which a team
/// moving its style writes first: Vale's `tokens` are `phrases`, `swap` is `replace`, `level`
/// is `severity`, `exceptions` are `unless`; a `suggestion` level is `info`; an `existence` or
/// `substitution` check is a `forbid` rule; a condition's `and` (AWS's `AND`) is `all`, and
/// `or` (semgrep's `pattern-either`) is `any`.
fn peer_spelling<'a>(word: &str, mut known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let name = match word {
        "tokens" | "pattern" | "patterns" => "phrases",
        "swap" | "fix" => "replace",
        "level" => "severity",
        "exceptions" | "pattern-not" => "unless",
        "raw" | "pattern-regex" => "regex",
        "msg" => "message",
        "suggestion" => "info",
        "existence" | "substitution" => "forbid",
        // A condition's `and` and `or` (AWS's, Verint's), and semgrep's `pattern-either`.
        "and" | "AND" => "all",
        "or" | "OR" | "pattern-either" => "any",
        _ => return None,
    };
    known.find(|k| *k == name)
}

/// The role among `known` that `word` names in a label of another language (`cliente`,
/// `Berater`), as a speaker's label would be read.
fn role_word<'a>(word: &str, mut known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let role = crate::transcript::Roles::default().role_of(word).name();
    known.find(|k| *k == role)
}
