//! The words of a directive: its verb, the rules it names, and the reason that may follow them
//! (`ignore a/b, c -- said in turn 2`).

use super::Action;

/// A directive that cannot be read: the word a warning points at (a slice of the directive's
/// words), and what is wrong.
pub(super) struct Unread<'a> {
    pub word: &'a str,
    pub message: String,
}

/// `ignore a, b` → (Ignore, `ignore`, [`a`, `b`]): the verb and names are slices of `body`.
pub(super) fn parse_body(body: &str) -> Result<(Action, &str, Vec<&str>), Unread<'_>> {
    let (verb, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let action = match verb {
        "ignore" => Action::Ignore,
        "ignore-file" => Action::IgnoreFile,
        "disable" => Action::Disable,
        "enable" => Action::Enable,
        other => {
            return Err(Unread {
                word: verb,
                message: format!(
                    "unknown directive `talklint: {other}`; write `talklint: ignore RULE`, \
                     `ignore-file RULE`, `disable RULE` or `enable RULE`"
                ),
            });
        }
    };
    // A reason after `--` (as ESLint writes one: `ignore a/b -- said in turn 2`) names no
    // rule: its words were read as rule names, and one that was a category widened the ignore.
    let rest = reasonless(rest);
    let rules: Vec<&str> = rest
        .split([',', ' ', '\t'])
        .filter(|r| !r.is_empty())
        .collect();
    // Separators alone are a list that lost its names, not a bare verb that means every rule.
    let list = rest.trim();
    if rules.is_empty() && !list.is_empty() {
        return Err(Unread {
            word: list,
            message: format!(
                "`talklint: {verb} {list}` names no rule; write rule ids, categories or \
                 `category/*` between the commas, or `talklint: {verb}` alone for every rule"
            ),
        });
    }
    Ok((action, verb, rules))
}

/// A directive's names without the reason that may follow them: what comes after a word of
/// dashes alone (`--`, `---`, or an en or em dash: `a/b -- why`, `-- why`), as ESLint reads it.
fn reasonless(names: &str) -> &str {
    let dashes = |w: &str| (w.len() >= 2 && w.bytes().all(|b| b == b'-')) || matches!(w, "—" | "–");
    let mut at = 0;
    for word in names.split_inclusive(char::is_whitespace) {
        if dashes(word.trim_end()) {
            return &names[..at];
        }
        at += word.len();
    }
    names
}
