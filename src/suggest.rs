//! "Did you mean": the known name closest to a mistyped one (a command, a rule id, a category),
//! so that every "unknown name" error can offer the likely fix.

/// The name in `known` closest to `word` by edit distance (transpositions count once) in any
/// case, if it is close enough to be a typo: the same name in other capitals (`QA/MEH`), one edit
/// in a word of three letters or fewer (two would turn `fix` into `id`), two in a longer one, or
/// a quarter of the word for long ids.
pub(crate) fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = match word.chars().count() {
        ..=3 => 1,
        n => 2.max(n / 4),
    };
    let lower = word.to_lowercase();
    known
        .into_iter()
        .filter(|&k| k != word)
        .map(|k| (strsim::damerau_levenshtein(&lower, &k.to_lowercase()), k))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// ` (did you mean `NAME`?)` for the closest known name, or nothing.
pub(crate) fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    asked(closest(word, known))
}

/// ` (did you mean `NAME`?)`, or nothing.
fn asked(name: Option<&str>) -> String {
    name.map_or_else(String::new, |k| format!(" (did you mean `{k}`?)"))
}

/// ` (did you mean …?)` for an unknown rule or category name, from the ids and categories of
/// `rules`; else the one rule whose id ends as the name does after its category, the name
/// written with another category or none (SPEC's own `courtesy/no-problem` is the pack's
/// `enthusiasm/no-problem`; `closed-door` is `ownership/closed-door`).
pub(crate) fn rule_like(name: &str, rules: &[crate::rules::Rule]) -> String {
    let ids = rules.iter().map(|r| r.id.as_str());
    let categories = rules.iter().map(|r| r.category.as_str());
    let moved = || {
        let rest = name.split_once('/').map_or(name, |(_, rest)| rest);
        let ending = |id: &&str| id.split_once('/').is_some_and(|(_, r)| r == rest);
        let mut found = rules.iter().map(|r| r.id.as_str()).filter(ending);
        let one = found.next()?;
        found.next().is_none().then_some(one)
    };
    asked(closest(name, ids.chain(categories)).or_else(moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_name_and_strangers_find_none() {
        let known = ["check", "rules", "ownership/not-my-department"];
        assert_eq!(closest("chekc", known), Some("check"));
        assert_eq!(closest("rule", known), Some("rules"));
        assert_eq!(
            closest("ownership/not-my-departmnet", known),
            Some("ownership/not-my-department")
        );
        assert_eq!(closest("calls", known), None);
        assert_eq!(closest("fix", ["id", "fixes"]), None);
        assert_eq!(closest("ib", ["id", "fixes"]), Some("id"));
        assert_eq!(did_you_mean("xyz", known), "");
        assert_eq!(closest("RULES", known), Some("rules"));
        assert_eq!(closest("rules", known), None, "itself is no typo");
    }
}
