//! A `[`, a `{` or a quoted string that is never closed, named where it opens: the parser
//! notices one only where the next key, or the end of the file, cannot go on in it, and names
//! the opening only in the words it adds to its message ("…, while parsing a flow sequence at
//! line 3 column 14"), which the error's place would otherwise leave out.

use super::flow::Flow;

/// An opening never closed: its 1-based line and column (in characters), what to say there,
/// and how to fix it where the hint for the parser's own words would not say.
pub(super) struct Unclosed {
    pub(super) at: (usize, usize),
    pub(super) message: String,
    pub(super) hint: Option<String>,
}

/// The opening in `source` that the library's error `text` (its whole message, places
/// included) is about, when it is never closed. A `[` or `{` whose close is there, with a `,`
/// missing before it, is none: that error stays where the parser noticed it.
pub(super) fn opened(source: &str, text: &str) -> Option<Unclosed> {
    let (problem, context) = text.split_once(", while ")?;
    let (what, place) = context.split_once(" at line ")?;
    let (line, column) = place.split_once(" column ")?;
    let at = (line.parse().ok()?, column.parse().ok()?);
    let (said, noticed) = problem.split_once(" at line ")?;
    let noticed = noticed.replacen(" column ", ", column ", 1);
    let opening = char_at(source, at)?;
    match (what, opening) {
        ("parsing a flow sequence", '[') | ("parsing a flow mapping", '{')
            if said.starts_with("did not find expected ',' or ") && never_closed(source, at) =>
        {
            Some(Unclosed {
                at,
                message: format!(
                    "this `{opening}` is never closed (the parser: {said} at line {noticed})"
                ),
                hint: None,
            })
        }
        ("scanning a quoted scalar", '"' | '\'') if said == "found unexpected end of stream" => {
            let inside = match opening {
                '"' => "a `\"` inside it is written `\\\"`",
                _ => "a `'` inside it is written `''`",
            };
            Some(Unclosed {
                at,
                message: format!(
                    "this `{opening}` string is never closed: the file ends inside it (the parser: {said} at line {noticed})"
                ),
                hint: Some(format!(
                    "end the string with `{opening}` where it ends; {inside}"
                )),
            })
        }
        _ => None,
    }
}

/// The character at 1-based `line` and `column` of `source`.
fn char_at(source: &str, (line, column): (usize, usize)) -> Option<char> {
    source
        .lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(column.checked_sub(1)?)
}

/// Whether the `[` or `{` at `line` and `column` has no bracket that closes it.
fn never_closed(source: &str, (line, column): (usize, usize)) -> bool {
    let mut flow = Flow::default();
    let mut depth = 0usize;
    let mut lines = source.lines().skip(line - 1);
    let first = lines.next().unwrap_or_default();
    let from = first.char_indices().nth(column - 1).map_or(0, |(i, _)| i);
    for text in std::iter::once(&first[from..]).chain(lines) {
        for (_, b) in flow.brackets(text) {
            if matches!(b, b'[' | b'{') {
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return false;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::from_str;

    /// The place and message of the error in reading `source`.
    fn error(source: &str) -> (usize, usize, String) {
        let e = from_str::<serde_yaml::Value>(source).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn an_unclosed_bracket_is_named_where_it_opens() {
        let (line, column, message) = error("a:\n  b: [x, \"]\" # ]\n  c: 1\nd: [y]\n");
        assert_eq!((line, column), (2, 6));
        assert!(message.starts_with("this `[` is never closed (the parser: did not find expected ',' or ']' at line 3, column"), "{message}");
        let (line, column, message) = error("é: {a: 1, b: [don't]\nc: 1\n");
        assert_eq!((line, column), (1, 4), "{message}");
    }

    #[test]
    fn a_missing_comma_in_a_closed_list_stays_where_it_is() {
        let (line, column, message) = error("a: [\"x\" \"y\"]\n");
        assert_eq!((line, column), (1, 9));
        assert_eq!(message, "did not find expected ',' or ']'");
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens() {
        let e = from_str::<serde_yaml::Value>("a: 'it\nb: 1\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 4));
        assert!(
            e.message.starts_with("this `'` string is never closed"),
            "{}",
            e.message
        );
        assert_eq!(
            e.help(),
            "end the string with `'` where it ends; a `'` inside it is written `''`"
        );
    }
}
