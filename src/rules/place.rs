//! Where a config's keys and values, or a rule's examples, are written, for messages made after
//! the YAML was read (serde keeps no places): the first whole occurrence outside comments, or a
//! double-quoted string that decodes to it. Lines end as YAML's do, at `\r\n`, `\r` or `\n`, so
//! a place in a file of classic Mac OS line ends is on the line its parser's errors name.

use super::double_quoted::char_written_at;
use std::ops::Range;

/// The line and column of the first `key` in a config's `text` written as a whole YAML key or
/// value, outside comments: in quotes (`'tone/calm'`), or plain between delimiters (a blank, `[`,
/// `{` or `,` before it; a blank, `,`, `]`, `}` or `:` after it). `ORD-[0-9]{6` is not found in
/// `'ORD-[0-9]{6}'`, nor `[` at the flow list of `['[']`.
pub(crate) fn locate(key: &str, text: &str) -> Option<(usize, usize)> {
    let at = whole(key, text).next()?;
    Some(position(text, at))
}

/// `:line:column` of a place found, to follow a file's name in a message; nothing when none was.
pub(crate) fn suffix(at: Option<(usize, usize)>) -> String {
    at.map_or_else(String::new, |(line, column)| format!(":{line}:{column}"))
}

/// As [`locate`], for the first `key` after the first `anchor`: a name in the list of a key
/// (`per_path_disable: {"x/**": [respct]}`) that another key's list may hold too.
pub(crate) fn locate_after(anchor: &str, key: &str, text: &str) -> Option<(usize, usize)> {
    let from = whole(anchor, text).next()?;
    let at = whole(key, text).find(|&at| at > from)?;
    Some(position(text, at))
}

/// Where `key` is written whole in `text`, outside comments, as [`locate`] reads it (an empty
/// `key` where it is written `""` or `''`).
fn whole<'t>(key: &'t str, text: &'t str) -> impl Iterator<Item = usize> + 't {
    let whole = move |&(at, _): &(usize, &str)| {
        let before = text[..at].bytes().next_back();
        let after = text.as_bytes().get(at + key.len()).copied();
        let quoted = matches!(before, Some(q @ (b'\'' | b'"')) if after == Some(q));
        let plain = before
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'[' | b'{' | b','))
            && after.is_none_or(|b| {
                matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}' | b':')
            });
        // An empty key is found only as quotes with nothing between them (`disable: [""]`).
        (quoted || plain && !key.is_empty()) && !in_comment(text, at)
    };
    text.match_indices(key).filter(whole).map(|(at, _)| at)
}

/// The line and column of a rule's example in its rule file's `text`, for `talklint test`: the
/// rule's id is on line `rule_line`, and the example is listed under `examples:` in `list`
/// (`hit` or `clean`). That is where the example's first line is written whole, else where a
/// double-quoted string in the list that decodes to the example opens (one written with
/// escapes), else the `list:` key; `None` when the rule's lines hold none of them.
pub(crate) fn locate_example(
    text: &str,
    rule_line: usize,
    list: &str,
    example: &str,
) -> Option<(usize, usize)> {
    let rule = rule_lines(text, rule_line)?;
    let key = |name: &str, from: usize, to: usize| {
        let mut found = whole(name, &text[from..to]);
        found
            .find(|at| text[from + at + name.len()..].starts_with([':', '"', '\'']))
            .map(|at| from + at)
    };
    let examples = key("examples", rule.start, rule.end)?;
    let start = key(list, examples, rule.end)?;
    let other = if list == "hit" { "clean" } else { "hit" };
    let end = key(other, start, rule.end).unwrap_or(rule.end);
    let first = example.lines().next().unwrap_or_default();
    // An item's start: after `- `, `[` or `,` (and a quote), or a block scalar's line; not the
    // same words inside an earlier example.
    let item_start = |at: &usize| {
        let line_start = text[..start + at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = &text[line_start..start + at];
        let before = line.trim_end_matches(['"', '\'']).trim_end();
        // A `,` parts items only in a flow list (`[…, …]`), outside quotes.
        let in_flow = || {
            let outside = before.matches(['"', '\'']).count().is_multiple_of(2);
            outside && before.contains('[')
        };
        before.is_empty() || before.ends_with(['-', '[']) || (before.ends_with(',') && in_flow())
    };
    let found = whole(first, &text[start..end]).find(item_start);
    let escaped = || char_written_at(text, start, example, 0).filter(|&at| at < end);
    let at = found.map(|at| start + at).or_else(escaped).unwrap_or(start);
    Some(position(text, at))
}

/// The line and column of `phrase` in the rule whose id is on line `rule_line` of the YAML rule
/// file `text`: where it is written whole (quoted or plain, outside comments), else where a
/// double-quoted string that decodes to it opens (a phrase written with escapes, `"h\\(llo"`);
/// `None` when the rule's lines show it neither way (a string folded over lines).
pub(crate) fn locate_in_rule(text: &str, rule_line: usize, phrase: &str) -> Option<(usize, usize)> {
    let rule = rule_lines(text, rule_line)?;
    let written = whole(phrase, &text[rule.clone()])
        .next()
        .map(|at| rule.start + at);
    let escaped = || char_written_at(text, rule.start, phrase, 0).filter(|&at| at < rule.end);
    Some(position(text, written.or_else(escaped)?))
}

/// The 1-based line and column (in characters) of byte `at` of YAML `text`, its lines ending at
/// `\r\n`, `\r` or `\n`; a byte-order mark opening the text is no column.
pub(crate) fn position(text: &str, at: usize) -> (usize, usize) {
    Lines::new(text).position(at)
}

/// Places in a text asked for in order, each line counted on from the place before: a rule
/// file's rules are placed so (counting from the start for each made a file of thousands of
/// rules load in quadratic time).
pub(crate) struct Lines<'t> {
    text: &'t str,
    /// The byte last asked for, and how many lines end before it.
    at: usize,
    ends: usize,
}

impl<'t> Lines<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Lines {
            text,
            at: 0,
            ends: 0,
        }
    }

    /// See [`position`].
    pub(crate) fn position(&mut self, at: usize) -> (usize, usize) {
        let text = self.text;
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if at < self.at {
            (self.at, self.ends) = (0, 0);
        }
        let bytes = text.as_bytes();
        // A `\r` ends a line unless a `\n` follows it, which ends that line.
        self.ends += memchr::memchr2_iter(b'\n', b'\r', &bytes[self.at..at])
            .map(|i| self.at + i)
            .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
            .count();
        self.at = at;
        let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
        let bom = line_start == 0 && at > 0 && text.starts_with('\u{feff}');
        let column = text[line_start..at].chars().count() + 1 - usize::from(bom);
        (self.ends + 1, column)
    }
}

/// The lines of YAML `text`, each with its line end (`\r\n`, `\r` or `\n`) if it has one.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let bytes = rest.as_bytes();
        let end = match memchr::memchr2(b'\n', b'\r', bytes) {
            Some(i) if bytes[i..].starts_with(b"\r\n") => i + 2,
            Some(i) => i + 1,
            None if rest.is_empty() => return None,
            None => rest.len(),
        };
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// The bytes of the rule whose id is on line `line` (from 1) of `text`: that line, and each
/// next line indented past its `id` key, blank lines and comments among them.
fn rule_lines(text: &str, line: usize) -> Option<Range<usize>> {
    let from: usize = lines(text).take(line.checked_sub(1)?).map(str::len).sum();
    let mut rest = lines(&text[from..]);
    let id_line = rest.next()?;
    let indent = id_line.find("id")?;
    let mut end = from + id_line.len();
    for line in rest {
        let body = line.trim_start_matches(' ');
        let blank = body.trim().is_empty() || body.starts_with('#');
        if !blank && line.len() - body.len() < indent {
            break;
        }
        end += line.len();
    }
    Some(from..end)
}

/// The line and column of the top-level key `key` in a config's `text`: a line that opens with
/// `key:`. A value spelled like the key (`exclude: [rules]`) is not it.
pub(crate) fn locate_key(key: &str, text: &str) -> Option<(usize, usize)> {
    // `key:`, also quoted (`"key":`) or with blanks before the colon.
    let opens = |line: &str| {
        let line = line.trim_start_matches('\u{feff}');
        let named = |q: &str| line.strip_prefix(q)?.strip_prefix(key)?.strip_prefix(q);
        ["", "\"", "'"]
            .into_iter()
            .find_map(named)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
    };
    let number = lines(text).position(opens)?;
    Some((number + 1, 1))
}

/// Whether byte `at` of YAML `text` lies in a comment: after a `#` that opens its line or follows
/// a blank, outside a quoted scalar (which opens a value, after a blank, `[`, `{` or `,`; `''`
/// in single quotes and `\"` in double quotes do not close it).
fn in_comment(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = &text.as_bytes()[line_start..at];
    let (mut quote, mut prev) = (None, b' ');
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        match quote {
            Some(b'\'') if b == b'\'' && line.get(i + 1) == Some(&b'\'') => i += 1,
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'#' && matches!(prev, b' ' | b'\t') => return true,
            None if matches!(b, b'\'' | b'"')
                && matches!(prev, b' ' | b'\t' | b'[' | b'{' | b',') =>
            {
                quote = Some(b)
            }
            None => {}
        }
        prev = b;
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{locate, locate_example, locate_in_rule, locate_key, position};

    #[test]
    fn a_key_is_found_as_a_whole_word_outside_comments() {
        let text = "# disable: [tone/calm]\nrules: [default] # not tone/calm-down\ndisable:\n  - tone/calm-down\n  - 'tone/calm' # tone/calm\n";
        assert_eq!(locate("tone/calm-down", text), Some((4, 5)));
        assert_eq!(locate("tone/calm", text), Some((5, 6)));
        // A `#` inside quotes or a word opens no comment, nor one after an escaped quote.
        assert_eq!(locate("x", "a: 'b # c' x\n"), Some((1, 12)));
        assert_eq!(locate("x", "a: b#c x\n"), Some((1, 8)));
        assert_eq!(locate("x", "a: ['don''t # y', x]\n"), Some((1, 19)));
        assert_eq!(locate("x", "a: [\"say \\\" # y\", x]\n"), Some((1, 19)));
        assert_eq!(locate("nowhere", text), None);
        // A whole value: not the start of a longer one, not a flow list's bracket.
        let patterns = "p:\n  - 'ORD-[0-9]{6}'\n  - 'ORD-[0-9]{6'\nq: ['[']\n";
        assert_eq!(locate("ORD-[0-9]{6", patterns), Some((3, 6)));
        assert_eq!(locate("[", patterns), Some((4, 6)));
        // A key where it opens a line, not a value spelled like it.
        let config = "exclude: [rules]\n# rules: none\nrules: []\n";
        assert_eq!(locate_key("rules", config), Some((3, 1)));
        assert_eq!(locate_key("fillers", config), None);
        assert_eq!(locate_key("rules", "a: 1\n\"rules\" : []\n"), Some((2, 1)));
        assert_eq!(locate_key("rules", "rulesets: []\n"), None);
    }

    #[test]
    fn an_example_is_found_in_its_own_rule_and_list() {
        let text = "rules:\n  - id: a/b\n    examples:\n      clean:\n        - Agent: hi # Agent: yo\n        - |\n          Agent: yo\n          Agent: hi\n      hit: ['Agent: hi', \"Agent: \\\"x\\\"\"]\n  - id: a/c\n    examples: {hit: [\"Agent: yo\"]}\n";
        let at = |list, example| locate_example(text, 2, list, example);
        assert_eq!(at("clean", "Agent: hi"), Some((5, 11)));
        assert_eq!(at("clean", "Agent: yo\nAgent: hi\n"), Some((7, 11)));
        assert_eq!(at("hit", "Agent: hi"), Some((9, 14)));
        // Written with escapes: where its double-quoted string opens.
        assert_eq!(at("hit", "Agent: \"x\""), Some((9, 27)));
        // Not inside an earlier example that holds the same words, after a comma either.
        let comma = "- id: a/b\n  examples:\n    hit:\n      - \"sorry, no wait at all\"\n      - no wait\n";
        assert_eq!(locate_example(comma, 1, "hit", "no wait"), Some((5, 9)));
        let inside =
            "- id: a/b\n  examples:\n    hit:\n      - I said no wait at all\n      - no wait\n";
        assert_eq!(locate_example(inside, 1, "hit", "no wait"), Some((5, 9)));
        // Not in the next rule's examples, and nowhere in a rule without any.
        assert_eq!(at("hit", "Agent: yo"), Some((9, 7)));
        assert_eq!(locate_example(text, 10, "hit", "Agent: yo"), Some((11, 23)));
        assert_eq!(locate_example("- id: a/b\n", 1, "hit", "x"), None);
        assert_eq!(locate_example(text, 0, "hit", "x"), None);
    }

    #[test]
    fn a_phrase_written_with_escapes_is_found_by_its_value() {
        let text = "rules:\n  - id: a/b\n    phrases: [\"h\\\\(llo\"]\n  - id: a/c\n    phrases: [\"h\\\\(i\", \"h\\x5c(o\"]\n";
        assert_eq!(locate_in_rule(text, 2, "h\\(llo"), Some((3, 16)));
        assert_eq!(locate_in_rule(text, 4, "h\\(o"), Some((5, 25)));
        // In its own rule, not the next one.
        assert_eq!(locate_in_rule(text, 2, "h\\(i"), None);
        // Folded over lines, it is not followed.
        let folded = "- id: a/b\n  phrases: [\"h\\\\(\n    llo\"]\n";
        assert_eq!(locate_in_rule(folded, 1, "h\\( llo"), None);
    }

    #[test]
    fn lines_end_at_crlf_cr_or_lf_as_in_yaml() {
        for end in ["\n", "\r\n", "\r"] {
            let lines = [
                "rules:",
                "  - id: a/b",
                "    phrases: ['h\\(i', \"h\\\\(o\"]",
                "    examples: {hit: [\"Agent: x\"]}",
                "",
            ];
            let text = lines.join(end);
            assert_eq!(locate_in_rule(&text, 2, "h\\(i"), Some((3, 16)), "{end:?}");
            assert_eq!(locate_in_rule(&text, 2, "h\\(o"), Some((3, 24)), "{end:?}");
            let example = locate_example(&text, 2, "hit", "Agent: x");
            assert_eq!(example, Some((4, 23)), "{end:?}");
            assert_eq!(locate("a/b", &text), Some((2, 9)), "{end:?}");
            assert_eq!(
                locate_key("rules", &format!("a: 1{end}{text}")),
                Some((2, 1))
            );
        }
        // A byte-order mark is no column; a CR before an LF ends one line with it.
        assert_eq!(position("\u{feff}ab\r\ncd", 4), (1, 2));
        assert_eq!(position("ab\r\ncd", 5), (2, 2));
        assert_eq!(position("é\r\rx", 4), (3, 1));
    }
}
