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
    let in_flow = matches!(
        (what, opening),
        ("parsing a flow sequence", '[') | ("parsing a flow mapping", '{')
    );
    let stopped = said.starts_with("did not find expected ',' or ");
    // The line the parser stopped at: a quote left open after it is none of its business.
    let stopped_at = (noticed.split_once(", column "))
        .and_then(|(l, _)| l.parse().ok())
        .unwrap_or(0);
    if in_flow
        && stopped
        && let Some((quote_at, quote)) = quote_left_open(source, at, stopped_at)
    {
        let inside = inside(quote);
        return Some(Unclosed {
            at: quote_at,
            message: format!(
                "this `{quote}` string is not closed on its line, so what follows it, a closing \
                 bracket too, is read as its text (the parser: {said} at line {noticed})"
            ),
            hint: Some(format!(
                "end the string with `{quote}` where it ends; {inside}"
            )),
        });
    }
    match (what, opening) {
        _ if in_flow && stopped && never_closed(source, at) => Some(Unclosed {
            at,
            message: format!(
                "this `{opening}` is never closed (the parser: {said} at line {noticed})"
            ),
            hint: None,
        }),
        ("scanning a quoted scalar", '"' | '\'') if said == "found unexpected end of stream" => {
            let inside = inside(opening);
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

/// How a quote is written inside a string it quotes.
fn inside(quote: char) -> &'static str {
    match quote {
        '"' => "a `\"` inside it is written `\\\"`",
        _ => "a `'` inside it is written `''`",
    }
}

/// The first quote left open at the end of its line (see [`Flow::left_open`]) from the
/// bracket at 1-based `line` and `column` on, on a line before `stopped`, where the parser
/// stopped: its line, column and character.
fn quote_left_open(
    source: &str,
    (line, column): (usize, usize),
    stopped: usize,
) -> Option<((usize, usize), char)> {
    let mut flow = Flow::default();
    let first = source.lines().nth(line - 1)?;
    let from = first.char_indices().nth(column - 1).map_or(0, |(i, _)| i);
    let lines =
        std::iter::once((from, &first[from..])).chain(source.lines().skip(line).map(|l| (0, l)));
    for (n, (shift, text)) in lines.enumerate().take(stopped.saturating_sub(line)) {
        flow.brackets(text).for_each(drop);
        if let Some((at, quote)) = flow.left_open() {
            let whole = source.lines().nth(line - 1 + n)?;
            let column = whole[..shift + at].chars().count() + 1;
            return Some(((line + n, column), char::from(quote)));
        }
    }
    None
}

/// What to say of the parser's error at 1-based `line` and `column` when a quoted string ends
/// just before it and text goes on there (`message: "He said "calm down" to me"`): a quote
/// inside a string ends it. The message and the hint.
pub(super) fn ended_early(
    source: &str,
    (line, column): (usize, usize),
) -> Option<(String, String)> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let mut chars = text.chars().skip(column.checked_sub(2)?);
    let quote = chars.next().filter(|c| matches!(c, '"' | '\''))?;
    let next = chars.next()?;
    if next.is_whitespace() || matches!(next, ',' | ']' | '}' | ':' | '#') {
        return None;
    }
    let other = if quote == '"' { '\'' } else { '"' };
    Some((
        format!("the `{quote}` just before ends the string it closes, and text goes on after it"),
        format!(
            "{}, or quote the string with `{other}`",
            inside(quote).replace("inside it", "inside a string")
        ),
    ))
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
    fn a_quote_left_open_in_a_list_is_named_not_the_list() {
        let (line, column, message) =
            error("rules:\n  - phrases: [\"calm\", \"relax]\n    message: \"hi\"\n");
        assert_eq!((line, column), (2, 23), "{message}");
        assert!(
            message.starts_with("this `\"` string is not closed on its line"),
            "{message}"
        );
        // After a tag or an anchor, a quote still opens its node.
        for source in [
            "a: [!!str \"x, y]\nb: \"z\"\n",
            "a: [&n \"x, y]\nb: \"z\"\n",
        ] {
            let (line, _, message) = error(source);
            assert_eq!(line, 1, "{source}: {message}");
            assert!(
                message.starts_with("this `\"` string is not closed"),
                "{message}"
            );
        }
        // Not a quote past where the parser stopped, nor one inside plain text: the list.
        for source in [
            "a: [\"x\", \"y\"\nb: wait 'til later\n",
            "a: [rock 'n roll,\n  \"x\"\nb: 1\n",
        ] {
            let (line, column, message) = error(source);
            assert_eq!((line, column), (1, 4), "{source}: {message}");
            assert!(message.starts_with("this `[` is never closed"), "{message}");
        }
    }

    #[test]
    fn a_quote_inside_a_string_is_said_to_end_it() {
        for (source, at, hint) in [
            (
                "message: \"He said \"calm down\" to me\"\n",
                (1, 20),
                "`\\\"`",
            ),
            ("message: 'it's late'\n", (1, 14), "`''`"),
        ] {
            let e = from_str::<serde_yaml::Value>(source).unwrap_err();
            assert_eq!((e.line, e.column), at, "{}", e.message);
            assert!(
                e.message.contains("just before ends the string"),
                "{}",
                e.message
            );
            assert!(e.help().contains(hint), "{}", e.help());
        }
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
