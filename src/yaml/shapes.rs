//! The help for a value of the wrong shape, where the place says what goes there: a key serde
//! found missing, with an example, and a string where a list of strings goes, as that list.

/// How to write a rule file's key that serde found missing ("missing field `id`"), with an
/// example.
pub(super) fn missing_field(message: &str) -> Option<String> {
    let at = message.find("missing field `")? + "missing field `".len();
    let name = message[at..].split('`').next()?;
    Some(match name {
        "id" => "every rule starts with its id, `<category>/<name>` in kebab-case: \
                 `- id: courtesy/no-problem`"
            .into(),
        "words" => "`near` and `not_near` need `words: N`, how many words may lie between the \
                    two matches: `near: {phrases: [refund], words: 8}`"
            .into(),
        "phrases" => "`near` and `not_near` need the `phrases` to look for nearby: \
                      `near: {phrases: [refund], words: 8}`"
            .into(),
        _ => format!("add `{name}: …` here"),
    })
}

/// The help for a string written where a list of strings goes (`phrases: "calm down"`): the
/// list of it; not for a list of mappings (`rules:`, `all:`), nor a string of lines or one
/// shortened in the message.
pub(super) fn one_item_list(message: &str) -> Option<String> {
    const LISTS_OF_STRINGS: [&str; 10] = [
        "phrases",
        "unless",
        "regex",
        "hit",
        "clean",
        "exclude",
        "fillers",
        "disable",
        "include",
        "redact_patterns",
    ];
    // The entries of a lexicon and the rules a glob turns off (top-level keys whose own keys
    // are names and globs, which may hold dots) are lists of strings too.
    const UNDER: [&str; 2] = ["lexicons.", "per_path_disable."];
    let head = message.strip_suffix(", expected a list")?;
    let (path, string) = head.split_once(": invalid type: string ")?;
    let key = path.rsplit('.').next()?;
    let listed = LISTS_OF_STRINGS.contains(&key) || UNDER.iter().any(|u| path.starts_with(u));
    let one_line = !string.contains("\\n") && !string.ends_with(" characters)");
    (listed && one_line).then(|| {
        format!(
            "write a list, of one item here: `[{string}]` (or one `- ` item a line below the key)"
        )
    })
}
