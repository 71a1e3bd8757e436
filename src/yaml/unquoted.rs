//! Values YAML reads as something other than the text they were meant to be: a value that opens
//! with `{` (`message: {match} no se dice`) is a mapping, and a list item with a `: ` in it
//! (`phrases: [Agente: cálmese]`) is one too. The parser's words for these ("did not find
//! expected key", "invalid type: map") name neither the cause nor the fix, which is to quote it.

/// The message and hint for an error at `line` and `column` (1-based) of `source` whose parser
/// message is `message`, where the line holds such a value; `None` where it holds none.
pub(super) fn misread(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(String, String)> {
    let map = message.contains("invalid type: map");
    if !map && !super::indentation::MISPLACED.contains(&message) {
        return None;
    }
    let text = source.lines().nth(line.checked_sub(1)?)?;
    // serde's path to the value (`rules[0].message: `) stays in front.
    let path = match message.find("invalid type") {
        Some(at) => &message[..at],
        None => "",
    };
    let (key, value) = text
        .trim_start()
        .trim_start_matches("- ")
        .split_once(": ")?;
    let value = value.trim();
    // A mapping where text is wanted, or a template's placeholder (`{match} …`) opening a value:
    // `near: {phrases: [x], words: 8}` is a mapping meant as one.
    let placeholder = value
        .strip_prefix('{')
        .and_then(|v| v.split_once('}'))
        .is_some_and(|(name, _)| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
    if value.starts_with('{') && (placeholder || message.contains("expected a string")) {
        let said = format!(
            "{path}`{value}` is read as a YAML mapping, as a value that opens with `{{` is, not \
             as text (the parser: {})",
            message.strip_prefix(path).unwrap_or(message)
        );
        return Some((said, format!("quote the value: `{key}: \"{value}\"`")));
    }
    // A list item at the column, up to its `,` or `]`.
    let from = text.char_indices().nth(column.checked_sub(1)?)?.0;
    let item = text[from..].split([',', ']']).next()?.trim();
    if !(map && value.starts_with('[') && item.contains(": ")) {
        return None;
    }
    let said = format!(
        "{path}`{item}` is read as a YAML mapping, for the `: ` in it, not as text (the parser: {})",
        message.strip_prefix(path).unwrap_or(message)
    );
    Some((said, format!("quote the item: `\"{item}\"`")))
}
