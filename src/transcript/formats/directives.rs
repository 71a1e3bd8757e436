//! Suppression directives in text transcripts and scripts (SPEC §8): `<!-- talklint: … -->`, or
//! a line whose first non-blank characters are `#`, `//` or `--` then `talklint:`. They are found
//! while the text is parsed, so that directive text never becomes turn text; which findings they
//! suppress is decided later, against the loaded rules (`crate::suppress`).

use super::lines::lines;
use std::ops::Range;

/// What a directive asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `ignore`: the next turn (own line) or this line's turn (end of line).
    Ignore,
    /// `ignore-file`: the whole file.
    IgnoreFile,
    /// `disable`: from here to the next `enable` of the same rules, or the end of the file.
    Disable,
    /// `enable`: ends a `disable`.
    Enable,
}

/// One directive, where it stands in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it asks for.
    pub action: Action,
    /// Rule ids, categories or `category/*` as written; empty means every rule.
    pub rules: Vec<String>,
    /// Whether the directive is alone on its line (else it ends a line of text).
    pub own_line: bool,
    /// 1-based line of the directive.
    pub line: usize,
    /// 1-based column (in characters) of the directive.
    pub column: usize,
    /// Byte offset of the directive in the source.
    pub at: usize,
    /// The bytes of its line, without the line break.
    pub line_range: Range<usize>,
}

/// A file's directives, and a warning for each one that cannot be read.
#[derive(Debug, Clone, Default)]
pub struct Directives {
    /// In the order written.
    pub list: Vec<Directive>,
    /// One per directive that cannot be read, and in Markdown for a comment or code fence never
    /// closed: its byte offset, and `line L, column C: …`. Sorted by offset.
    pub warnings: Vec<(usize, String)>,
}

/// The directives of `source`, and the byte ranges that are directive text (never turn text).
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub directives: Directives,
    pub hidden: Vec<Range<usize>>,
}

/// What follows a directive's comment marker (`#`, `//`, `--`, `<!--`).
pub(crate) const KEY: &str = "talklint:";

/// Finds every directive in `source`.
pub(crate) fn find(source: &str) -> Found {
    let mut found = Found::default();
    // `alklint`: a directive, or one written `Talklint:` or without its colon.
    if memchr::memmem::find(source.as_bytes(), b"alklint").is_none() {
        return found;
    }
    for line in lines(source) {
        let Some((body, own_line, hidden)) = locate(line.text) else {
            if let Some(at) = near_miss(line.text) {
                // Meant as a directive: not spoken, and said why it does nothing.
                let next_line = (line.start + line.text.len() + 1).min(source.len());
                found.hidden.push(line.start..next_line);
                let column = line.text[..at].chars().count() + 1;
                found.directives.warnings.push((
                    line.start + at,
                    format!(
                        "line {}, column {column}: not read as a directive: write `talklint:` in \
                         lower case, with its colon (`# talklint: ignore RULE`)",
                        line.number
                    ),
                ));
            }
            continue;
        };
        let body_at = body.as_ptr() as usize - line.text.as_ptr() as usize;
        let column = line.text[..hidden.start].chars().count() + 1;
        let next_line = (line.start + line.text.len() + 1).min(source.len());
        found.hidden.push(if own_line {
            line.start..next_line
        } else {
            line.start + hidden.start..line.start + hidden.end
        });
        match parse_body(body) {
            Ok((action, rules)) => found.directives.list.push(Directive {
                action,
                rules,
                own_line,
                line: line.number,
                column,
                at: line.start + body_at,
                line_range: line.start..line.start + line.text.len(),
            }),
            Err(message) => found.directives.warnings.push((
                line.start + body_at,
                format!("line {}, column {column}: {message}", line.number),
            )),
        }
    }
    found
}

/// The directive's words in `line`, whether it stands alone there, and the bytes it takes.
fn locate(line: &str) -> Option<(&str, bool, Range<usize>)> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    for prefix in ["#", "//", "--"] {
        if let Some(after) = rest.strip_prefix(prefix)
            && let Some(body) = after.trim_start().strip_prefix(KEY)
        {
            return Some((body.trim(), true, lead..line.len()));
        }
    }
    let open = memchr::memmem::find(line.as_bytes(), b"<!--")?;
    let inner = line[open + 4..].trim_start().strip_prefix(KEY)?;
    let inner_at = line.len() - inner.len();
    let close = inner.find("-->").map_or(line.len(), |c| inner_at + c + 3);
    let body = line[inner_at..close].trim_end_matches("-->").trim();
    let own_line = line[..open].trim().is_empty() && line[close..].trim().is_empty();
    Some((body, own_line, open..close))
}

/// Where a comment line writes a directive that [`locate`] does not read: `talklint` in
/// another case or without its colon, before a directive's verb (`# Talklint: ignore x`,
/// `// talklint ignore x`).
fn near_miss(line: &str) -> Option<usize> {
    let rest = line.trim_start();
    let after = ["#", "//", "--"]
        .into_iter()
        .find_map(|p| rest.strip_prefix(p))?
        .trim_start();
    let at = line.len() - after.len();
    let word = after
        .get(..8)
        .filter(|w| w.eq_ignore_ascii_case("talklint"))?;
    let rest = after[word.len()..]
        .strip_prefix(':')
        .unwrap_or(&after[word.len()..]);
    let verb = rest.trim_start().split(char::is_whitespace).next()?;
    let spaced = rest.starts_with(char::is_whitespace);
    (spaced && ["ignore", "ignore-file", "disable", "enable"].contains(&verb)).then_some(at)
}

/// `ignore a, b` → (Ignore, [a, b]).
fn parse_body(body: &str) -> Result<(Action, Vec<String>), String> {
    let (verb, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let action = match verb {
        "ignore" => Action::Ignore,
        "ignore-file" => Action::IgnoreFile,
        "disable" => Action::Disable,
        "enable" => Action::Enable,
        other => {
            return Err(format!(
                "unknown directive `talklint: {other}`; write `talklint: ignore RULE`, \
                 `ignore-file RULE`, `disable RULE` or `enable RULE`"
            ));
        }
    };
    let rules: Vec<String> = rest
        .split([',', ' ', '\t'])
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    // Separators alone are a list that lost its names, not a bare verb that means every rule.
    if rules.is_empty() && !rest.trim().is_empty() {
        return Err(format!(
            "`talklint: {verb} {}` names no rule; write rule ids, categories or `category/*` \
             between the commas, or `talklint: {verb}` alone for every rule",
            rest.trim()
        ));
    }
    Ok((action, rules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directive_misspelt_is_hidden_and_named() {
        let src = "# Talklint: ignore a\n// talklint ignore b\n# talklint is great\n";
        let f = find(src);
        assert!(f.directives.list.is_empty());
        let lines: Vec<&str> = f.directives.warnings.iter().map(|w| &w.1[..18]).collect();
        assert_eq!(lines, ["line 1, column 3: ", "line 2, column 4: "]);
        assert_eq!(f.hidden, [0..21, 21..42]);
    }

    #[test]
    fn comment_prefixes_and_html_comments() {
        let src = "# talklint: ignore a/b, c\nhi <!-- talklint: ignore -->\n  // talklint: disable x\n-- talklint: enable x\n<!-- talklint: ignore-file y -->\n";
        let f = find(src);
        let got: Vec<(Action, Vec<String>, bool, usize)> = f
            .directives
            .list
            .iter()
            .map(|d| (d.action, d.rules.clone(), d.own_line, d.line))
            .collect();
        assert_eq!(
            got,
            [
                (Action::Ignore, vec!["a/b".into(), "c".into()], true, 1),
                (Action::Ignore, vec![], false, 2),
                (Action::Disable, vec!["x".into()], true, 3),
                (Action::Enable, vec!["x".into()], true, 4),
                (Action::IgnoreFile, vec!["y".into()], true, 5),
            ]
        );
        assert_eq!(&src[f.hidden[0].clone()], "# talklint: ignore a/b, c\n");
        assert_eq!(&src[f.hidden[1].clone()], "<!-- talklint: ignore -->");
        assert_eq!(f.directives.list[1].column, 4);
    }

    #[test]
    fn a_list_of_separators_alone_is_no_directive() {
        let f = find("hi\n# talklint: ignore ,,,\nAgent: x <!-- talklint: disable , -->\n");
        assert!(f.directives.list.is_empty());
        let said: Vec<&str> = f.directives.warnings.iter().map(|w| w.1.as_str()).collect();
        assert!(said[0].starts_with("line 2, column 1: `talklint: ignore ,,,` names no rule"));
        assert!(said[1].starts_with("line 3, column 10: `talklint: disable ,` names no rule"));
        assert_eq!(f.hidden.len(), 2, "still no speech");
    }

    #[test]
    fn unknown_verbs_warn_and_plain_text_is_no_directive() {
        let f = find("# talklint: silence x\nWe say talklint: often.\n# heading\n");
        assert!(f.directives.list.is_empty());
        assert_eq!(f.hidden.len(), 1);
        assert!(
            f.directives.warnings[0]
                .1
                .starts_with("line 1, column 1: unknown directive")
        );
    }
}
