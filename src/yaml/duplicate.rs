//! Where a mapping's key is written twice. serde refuses a struct's second `fail_on` with
//! "duplicate field", [`super::unique`] a map's second `severity:` key with "duplicate key", and
//! the library places either at the mapping's start (its first key or its `{`), which points at
//! neither: this finds that mapping's keys of the name, outside the mappings nested in it, so the
//! error stands at the second and its help names the first. A key written with no value
//! ([`super::empty`]) is placed so too, at that key.

/// A key written twice in one mapping: where the second stands, and how to fix it.
pub(super) struct Twice {
    /// The 1-based line and column (in characters) of the second.
    pub second: (usize, usize),
    /// "remove one of the two", naming where the first stands.
    pub help: String,
}

/// For serde's "duplicate field `NAME`" or a map's "duplicate key `NAME`", placed by the library
/// at the 1-based `place` where the mapping starts: the second `NAME` of that mapping, and the
/// first's line. A name with a backquote in it is cut there, and so not found.
pub(super) fn written_twice(source: &str, place: (usize, usize), message: &str) -> Option<Twice> {
    let at = ["duplicate field `", super::unique::DUPLICATE_KEY]
        .iter()
        .find_map(|p| Some(message.find(p)? + p.len()))?;
    let name = message[at..].split('`').next()?;
    let keys = keys_named(source, offset(source, place)?, name);
    let mut lines = crate::text::lines::LineCursor::new(source);
    let (first, second) = (
        lines.position(*keys.first()?),
        lines.position(*keys.get(1)?),
    );
    Some(Twice {
        second,
        help: format!(
            "remove one of the two: `{name}` is also written at line {}, column {}",
            first.0, first.1
        ),
    })
}

/// For "`NAME` has no value" (after the library's path to it, `rules[0]: `), placed by the library at the 1-based `place` where the mapping
/// starts: the 1-based line and column of that mapping's key `NAME`.
pub(super) fn empty_key(
    source: &str,
    place: (usize, usize),
    message: &str,
) -> Option<(usize, usize)> {
    let end = message.find(&format!("` {}", super::empty::EMPTY))?;
    let name = &message[message[..end].rfind('`')? + 1..end];
    let key = *keys_named(source, offset(source, place)?, name).first()?;
    Some(crate::text::lines::LineCursor::new(source).position(key))
}

/// The byte offset of the 1-based line and column (in characters) `place`.
fn offset(source: &str, place: (usize, usize)) -> Option<usize> {
    let line_start = match place.0 {
        1 => 0,
        n => memchr::memchr_iter(b'\n', source.as_bytes()).nth(n - 2)? + 1,
    };
    source[line_start..]
        .char_indices()
        .nth(place.1.saturating_sub(1))
        .map(|(i, _)| line_start + i)
}

/// The byte offsets in `text` of the keys named `name` of the mapping that starts at byte
/// `start` (its first key in block style, its `{` in flow style), in order.
fn keys_named(text: &str, start: usize, name: &str) -> Vec<usize> {
    let mut found = Vec::new();
    if text[start..].starts_with('{') {
        flow(text, start + 1, name, &mut found);
    } else {
        block(text, start, name, &mut found);
    }
    found
}

/// A block mapping's keys: those indented as its first (a list item's `- ` before it counts as
/// indentation); a line indented less ends it, and one indented more, or a list item at its
/// indentation (`key:` then `- item`), is inside one of its values.
fn block(text: &str, start: usize, name: &str, found: &mut Vec<usize>) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = start - line_start;
    if key_at(text, start) == Some(name) {
        found.push(start);
    }
    let mut at = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let content = text[at..end].trim_start_matches(' ');
        let lead = end - at - content.len();
        let (blank, item) = (
            content.trim().is_empty(),
            content == "-" || content.starts_with("- "),
        );
        if !blank && !content.starts_with('#') {
            if lead < indent {
                return;
            }
            if lead == indent && !item && key_at(text, at + lead) == Some(name) {
                found.push(at + lead);
            }
        }
        at = end + 1;
    }
}

/// A flow mapping's keys, from just after its `{` to its `}`: the first thing after the `{` and
/// after each `,` outside the brackets and quotes nested in it.
fn flow(text: &str, from: usize, name: &str, found: &mut Vec<usize>) {
    let b = text.as_bytes();
    let (mut depth, mut key_next, mut previous) = (0usize, true, b'{');
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        let spaced = matches!(previous, b' ' | b'\t' | b'\r' | b'\n');
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'#' if spaced => {
                i = text[i..].find('\n').map_or(b.len(), |k| i + k);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return,
            b'}' | b']' => depth -= 1,
            b',' if depth == 0 => key_next = true,
            _ => {
                if depth == 0 && key_next && key_at(text, i) == Some(name) {
                    found.push(i);
                }
                key_next = false;
                let opens_quote = spaced || matches!(previous, b'{' | b'[' | b',' | b':');
                if matches!(c, b'"' | b'\'') && opens_quote {
                    i = quote_end(text, i);
                }
            }
        }
        previous = b[i];
        i += 1;
    }
}

/// The byte of the quote that closes the one at `at` (a `\` escapes in double quotes, and a
/// quote is doubled in single quotes); the text's last byte when none does.
fn quote_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let q = b[at];
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if q == b'"' => i += 1,
            c if c == q && q == b'\'' && b.get(i + 1) == Some(&q) => i += 1,
            c if c == q => return i,
            _ => {}
        }
        i += 1;
    }
    b.len() - 1
}

/// The key written at byte `at`, plain or in quotes, when a `:` follows it.
fn key_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let (key, after) = match rest.as_bytes().first()? {
        &q @ (b'"' | b'\'') => {
            let end = rest[1..].find(char::from(q))? + 1;
            (&rest[1..end], &rest[end + 1..])
        }
        _ => {
            let end = rest.find([':', ',', '}', '\n'])?;
            (rest[..end].trim_end(), &rest[end..])
        }
    };
    after
        .trim_start_matches(' ')
        .starts_with(':')
        .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (line, column) of each key `name` of the mapping at `start` of `text`.
    fn places(text: &str, start: usize, name: &str) -> Vec<(usize, usize)> {
        let mut lines = crate::text::lines::LineCursor::new(text);
        (keys_named(text, start, name).into_iter())
            .map(|at| lines.position(at))
            .collect()
    }

    #[test]
    fn block_keys_of_one_mapping_only() {
        let text = "a: 1\nb:\n  a: 2\n- a: x\n# a: 3\n'a': 4\n";
        assert_eq!(places(text, 0, "a"), [(1, 1), (6, 1)]);
        let rules = "rules:\n  - id: x\n    near: {words: 1}\n    words: 2\n  - words: 3\n";
        assert_eq!(places(rules, 11, "words"), [(4, 5)]);
    }

    #[test]
    fn flow_keys_outside_nested_brackets_and_quotes() {
        let text = "s: {base: 80, x: {base: 1}, y: 'base: 2, base: 3', \"base\": 90,\n  base: 7}\nbase: 0\n";
        assert_eq!(places(text, 3, "base"), [(1, 5), (1, 52), (2, 3)]);
    }
}
