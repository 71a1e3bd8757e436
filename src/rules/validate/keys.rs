//! Where a rule's keys are written, for errors found after serde read the rule (serde keeps no
//! places): a key of one mapping of the rule (the rule's own, a `when` condition's, an `after`'s,
//! a `window`'s), not the same word in another mapping, a string, a phrase or a comment.
//!
//! A small reader of YAML's layout, block and flow: it finds a node's entries (a mapping's keys,
//! a list's items) by indentation and brackets, skipping quoted strings, comments and block
//! scalars. A layout it cannot follow finds nothing, and the error falls back to the first
//! occurrence of the key's name after the rule's id.

use super::super::error::RuleError;
use super::search::Checker;

impl Checker<'_> {
    /// An error at the key `key` of the mapping being checked (see [`Checker::fail_in`]).
    pub fn fail(&self, key: &str, message: String, hint: &str) -> RuleError {
        self.fail_in(&[key], message, hint)
    }

    /// An error at the key `path` leads to from the mapping being checked (`["window",
    /// "first_turns"]`), else at the last key of it found; without one, at the first `path`'s
    /// last name written after the rule's id.
    pub fn fail_in(&self, path: &[&str], message: String, hint: &str) -> RuleError {
        self.fail_placed(path, false, message, hint)
    }

    /// An error about the value of the key `path` leads to (`first_percent: 150`): at that
    /// value, as serde places a value of the wrong type, else where [`Checker::fail_in`] would
    /// place it. An error about the key itself (one that does not belong) stays at the key.
    pub fn fail_value(&self, path: &[&str], message: String, hint: &str) -> RuleError {
        self.fail_placed(path, true, message, hint)
    }

    /// An error at the first `written` in the value of `key` (a placeholder in `message:`):
    /// searched only until the next key of the mapping, else at the key.
    pub fn fail_within(&self, key: &str, written: &str, message: String, hint: &str) -> RuleError {
        let text = self.file.text;
        let at_key = self.node().and_then(|n| key_of(text, n, key));
        let Some((at, value)) = at_key.and_then(|at| Some((at, value_of(text, at)?))) else {
            return self.fail(key, message, hint);
        };
        // The value ends where a line is indented no deeper than its key.
        let indent = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
        let deeper =
            |line: &str| line.trim().is_empty() || line.len() - line.trim_start().len() > indent;
        let rest = &text[value..];
        let end = (rest.match_indices('\n'))
            .map(|(i, _)| i + 1)
            .find(|&i| !deeper(rest[i..].split('\n').next().unwrap_or_default()))
            .unwrap_or(rest.len());
        match rest[..end].find(written) {
            Some(i) => self
                .file
                .error_here(value + i, message, Some(hint.to_string())),
            None => self.fail(key, message, hint),
        }
    }

    fn fail_placed(&self, path: &[&str], value: bool, message: String, hint: &str) -> RuleError {
        let text = self.file.text;
        let mut node = self.node();
        let mut found = None;
        let mut whole = true;
        for key in path {
            let Some(at) = node.and_then(|n| key_of(text, n, key)) else {
                whole = false;
                break;
            };
            found = Some(at);
            node = value_of(text, at);
        }
        if value && whole {
            found = node.or(found);
        }
        let hint = Some(hint.to_string());
        match found {
            Some(at) => self.file.error_here(at, message, hint),
            None => {
                let last = path.last().copied().unwrap_or_default();
                self.file.error_at(self.from(), last, message, hint)
            }
        }
    }

    /// The checker of the mapping that is the value of `key` in the one being checked (`after`,
    /// `not`), or of item `item` of the list that is (`all`, `any`): errors about its keys and
    /// phrases are searched for from there.
    pub fn child(&self, key: &'static str, item: Option<usize>) -> Self {
        let mut path = self.path.clone();
        path.push((key, item));
        Checker {
            file: self.file,
            at: self.at,
            path,
            fillers: self.fillers,
            lexicons: self.lexicons,
        }
    }

    /// Where what is written in the mapping checked is searched for from: the mapping's place,
    /// else the rule's id.
    pub fn from(&self) -> usize {
        match self.path.is_empty() {
            true => self.at,
            false => self.node().unwrap_or(self.at),
        }
    }

    /// Byte offset of the mapping checked, found from the rule's by the path to it.
    fn node(&self) -> Option<usize> {
        let text = self.file.text;
        let mut node = rule_node(text, self.at)?;
        for &(key, item) in &self.path {
            node = value_of(text, key_of(text, node, key)?)?;
            if let Some(i) = item {
                node = entries(text, node).into_iter().nth(i)?;
            }
        }
        Some(node)
    }
}

/// The node of the rule whose id is written at byte `id` of a rule file's `text`: the item of
/// the top-level `rules:` list that holds it.
fn rule_node(text: &str, id: usize) -> Option<usize> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let root = next_node(text, bom)?;
    let root = match text[root..].strip_prefix("---") {
        Some(_) => next_node(text, text[root..].find('\n')? + root)?,
        None => root,
    };
    let rules = value_of(text, key_of(text, root, "rules")?)?;
    entries(text, rules).into_iter().rfind(|&item| item <= id)
}

/// Byte offset of `key` written as a key of the mapping whose node starts at `map`.
fn key_of(text: &str, map: usize, key: &str) -> Option<usize> {
    let named = |&at: &usize| {
        let rest = &text[at..];
        let name = match rest.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => rest[1..].split(q as char).next(),
            _ => rest.split(':').next().map(str::trim_end),
        };
        name == Some(key)
    };
    entries(text, map).into_iter().find(named)
}

/// Byte offset of the value node of the key written at `key`: after its `:`, on its line or
/// the next line that holds one.
fn value_of(text: &str, key: usize) -> Option<usize> {
    let skip = match text.as_bytes().get(key) {
        Some(&q @ (b'"' | b'\'')) => text[key + 1..].find(q as char)? + 2,
        _ => 0,
    };
    let colon = key + skip + text[key + skip..].find(':')?;
    next_node(text, colon + 1)
}

/// The first byte at or after `from` that opens a node: not a blank, a line break or a comment.
fn next_node(text: &str, mut from: usize) -> Option<usize> {
    loop {
        let rest = text.get(from..)?;
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        from += rest.len() - trimmed.len();
        match trimmed.as_bytes().first()? {
            b'#' => from += trimmed.find('\n')?,
            _ => return Some(from),
        }
    }
}

/// The entries of the node at `node`: a mapping's keys, a list's items; none for a scalar.
fn entries(text: &str, node: usize) -> Vec<usize> {
    match text.as_bytes().get(node) {
        Some(b'{' | b'[') => flow_entries(text, node),
        Some(b'-') if text[node + 1..].starts_with([' ', '\n', '\r']) => block_entries(text, node),
        Some(&q @ (b'"' | b'\'')) => {
            // A quoted key opens a mapping; else the node is a quoted scalar.
            let close = text[node + 1..].find(q as char).map(|i| node + 2 + i);
            let after = close.map(|c| text[c..].trim_start_matches([' ', '\t']));
            match after.is_some_and(|a| a.starts_with(':')) {
                true => block_entries(text, node),
                false => Vec::new(),
            }
        }
        Some(_)
            if text[node..]
                .split('\n')
                .next()
                .is_some_and(|l| l.contains(':')) =>
        {
            block_entries(text, node)
        }
        _ => Vec::new(),
    }
}

/// Quotes, brackets and comments read so far.
#[derive(Default)]
struct Scan {
    quote: Option<u8>,
    depth: usize,
    /// The last byte read that was not a blank.
    last: u8,
}

impl Scan {
    /// Reads byte `b` (with the byte after it); true when it opens a comment.
    fn read(&mut self, b: u8, next: Option<u8>, after_blank: bool) -> bool {
        match self.quote {
            Some(b'\'') if b == b'\'' && next == Some(b'\'') => return false,
            Some(q) if b == q => self.quote = None,
            Some(_) => return false,
            None if b == b'#' && after_blank => return true,
            None if matches!(b, b'\'' | b'"')
                && matches!(self.last, 0 | b'[' | b'{' | b',' | b':' | b'-' | b'?') =>
            {
                self.quote = Some(b)
            }
            None if matches!(b, b'[' | b'{') => self.depth += 1,
            None if matches!(b, b']' | b'}') => self.depth = self.depth.saturating_sub(1),
            None => {}
        }
        if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            self.last = b;
        }
        false
    }
}

/// The entries of the flow mapping or list opened at `open`: where each one starts, after the
/// bracket or a comma of this level.
fn flow_entries(text: &str, open: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (mut scan, mut out, mut expect) = (Scan::default(), Vec::new(), true);
    let mut i = open;
    while let Some(&b) = bytes.get(i) {
        let after_blank = i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n');
        let top = scan.quote.is_none() && scan.depth == 1;
        if top && expect && !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'#' | b']' | b'}') {
            out.push(i);
            expect = false;
        }
        if scan.read(b, bytes.get(i + 1).copied(), after_blank) {
            i += text[i..].find('\n').unwrap_or(text.len() - i);
            continue;
        }
        match scan.depth {
            0 => break,
            1 if b == b',' && scan.quote.is_none() => expect = true,
            _ => {}
        }
        i += 1;
    }
    out
}

/// The entries of the block mapping or list whose first entry starts at `first`: those written
/// at its column, on later lines, before a line indented less (a list at the column of a
/// mapping's keys is a key's value).
fn block_entries(text: &str, first: usize) -> Vec<usize> {
    let line_start = text[..first].rfind('\n').map_or(0, |n| n + 1);
    let column = first - line_start;
    let list = text.as_bytes()[first] == b'-';
    let mut out = vec![first];
    let mut scan = Scan::default();
    // Lines indented past this are a block scalar's (`|`, `>`), read as text.
    let mut scalar_above: Option<usize> = None;
    let mut start = line_start;
    for line in text[line_start..].split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let blank = body.trim().is_empty() || body.starts_with('#');
        let in_value = scan.quote.is_some() || scan.depth > 0;
        let first_line = start == line_start;
        if !first_line && scalar_above.is_some_and(|i| blank || indent > i) {
            start += line.len();
            continue;
        }
        if !first_line && !blank && !in_value {
            scalar_above = None;
            let dash = body.starts_with('-') && body[1..].starts_with([' ', '\n', '\r']);
            if indent < column || (indent == column && list && !dash) {
                break;
            }
            if indent == column && list == dash {
                out.push(start + indent);
            }
        }
        let skip = if first_line { column } else { 0 };
        let bytes = line.as_bytes();
        for i in skip..bytes.len() {
            let after_blank = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
            if scan.read(bytes[i], bytes.get(i + 1).copied(), after_blank) {
                break;
            }
        }
        let value = line.split(" #").next().unwrap_or(line).trim_end();
        let indicator = value.rsplit([' ', ':']).next().unwrap_or_default();
        if scan.quote.is_none() && scan.depth == 0 && indicator.starts_with(['|', '>']) {
            scalar_above = Some(line.len() - line.trim_start_matches([' ', '-']).len());
        }
        start += line.len();
    }
    // An item's node is after its `- `.
    match list {
        true => out
            .into_iter()
            .filter_map(|at| next_node(text, at + 1))
            .collect(),
        false => out,
    }
}
