//! The parser's messages about a misplaced line, in plain words: how far the line and the one
//! above it are indented, and a `: ` inside an unquoted value that YAML reads as a new key.

/// The parser's messages for a line that fits neither the mapping nor the list it is under.
pub(super) const MISPLACED: [&str; 4] = [
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed in this context",
    "block sequence entries are not allowed in this context",
];

/// What [`indentation`] says a misplaced line does.
pub(super) const FITS_NOTHING: &str = "which fits no mapping or list above it";

/// What [`indentation`] says of a `: ` inside an unquoted value.
pub(super) const COLON_IN_VALUE: &str = "a `: ` inside an unquoted value";

/// The parser's message about a misplaced line (1-based) in plain words: how far it and the line
/// above it are indented. A line indented like the one above, with a second `: `, holds a colon
/// YAML reads as a new key.
pub(super) fn indentation(source: &str, line: usize, message: &str) -> Option<String> {
    if !MISPLACED.contains(&message) {
        return None;
    }
    let lines: Vec<&str> = source.lines().collect();
    let this = *lines.get(line.checked_sub(1)?)?;
    // The column a line's key or value starts in, a list item's `- ` counting as indentation.
    let indent = |l: &str| {
        let mut rest = l.trim_start_matches(' ');
        while let Some(after) = rest.strip_prefix("- ") {
            rest = after.trim_start_matches(' ');
        }
        l.len() - rest.len() + 1
    };
    let above = lines[..line - 1].iter().rev().find(|l| {
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#')
    });
    match above {
        Some(above) if indent(above) != indent(this) => Some(format!(
            "this line is indented to column {} and the line above to column {} (`{}`; a `- ` \
             counts as indentation), {FITS_NOTHING} (the parser: {message})",
            indent(this),
            indent(above),
            above.trim()
        )),
        _ if this.matches(": ").count() > 1 => Some(format!(
            "{COLON_IN_VALUE} starts a second key on this line (the parser: {message})"
        )),
        _ => None,
    }
}
