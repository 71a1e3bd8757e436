//! The one place that calls the YAML library (`serde_yaml` is archived upstream: switching to a
//! maintained fork is a change here only).

use serde::de::DeserializeOwned;

/// A YAML error with its 1-based line and column when the library knows them.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What a tab where YAML wants indentation is called.
const TAB: &str = "a tab character: YAML indents with spaces only";

/// Whether the 1-based `line` and `column` of `source` hold a tab.
fn tab_at(source: &str, line: usize, column: usize) -> bool {
    source
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)))
        == Some('\t')
}

/// Deserializes `source` into `T`. A UTF-8 byte-order mark (Windows editors write one) is not
/// part of the document: the library read it as text before a second document.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    too_deep(source)?;
    serde_yaml::from_str(source).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let text = e.to_string();
        // The library appends " at line N column M"; we report the position separately.
        let mut message = text.split(" at line ").next().unwrap_or(&text).to_string();
        if tab_at(source, line, column) {
            // The parser says "found character that cannot start any token" or "a tab character
            // that violates indentation": name the character.
            message = TAB.into();
        }
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// Deepest nesting a rule or config file may have: far more than any needs. The library refuses
/// deeper documents too, but only after parsing them (100,000 levels in 200 KB took 54 s).
const MAX_DEPTH: usize = 64;

/// Refuses text nested deeper than [`MAX_DEPTH`], by a linear scan for flow collections (`[`,
/// `{` outside quotes and comments) and block sequences opened on one line (`- - - x`). Block
/// nesting by indentation is bounded by the line length already.
fn too_deep(text: &str) -> Result<(), YamlError> {
    let fail = |line: usize, column: usize| YamlError {
        line,
        column,
        message: format!("nested more than {MAX_DEPTH} levels deep"),
    };
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, line) in text.lines().enumerate() {
        let dashes = line
            .trim_start()
            .split_inclusive(' ')
            .take_while(|w| *w == "- ")
            .count();
        if dashes > MAX_DEPTH {
            return Err(fail(i + 1, 1));
        }
        let mut escaped = false;
        let mut previous = ' ';
        for (column, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some('"'), '\\') => escaped = !escaped,
                (Some(q), c) if c == q && !escaped => quote = None,
                (Some(_), _) => escaped = false,
                (None, '#') if previous == ' ' => break,
                (None, '"' | '\'') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(c);
                }
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(fail(i + 1, column + 1));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
    }
    Ok(())
}

impl YamlError {
    /// How to fix it, by what went wrong: the library's messages already list the keys or values
    /// a place allows.
    pub fn hint(&self) -> &'static str {
        if self.message == TAB {
            "replace the tab with spaces (set your editor to insert spaces in YAML files)"
        } else if self.message.contains("unknown field") {
            "remove or rename the key: the message lists the keys this place may hold"
        } else if self.message.contains("unknown variant") {
            "use one of the values the message lists"
        } else if self.message.starts_with("nested more than") {
            "flatten the document: rules and configs need only a few levels"
        } else if self.message.contains("invalid type") {
            "write the kind of value the message expects here"
        } else {
            "check the YAML syntax at this place"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_are_named_with_their_fix() {
        let cases = [
            ("rules:\n\t- id: a/b\n", 2),
            ("rules:\n  - id: a/b\n\tphrases: [x]\n", 3),
        ];
        for (source, line) in cases {
            let e = from_str::<serde_yaml::Value>(source).unwrap_err();
            assert_eq!((e.message.as_str(), e.line), (TAB, line));
            assert!(e.hint().starts_with("replace the tab with spaces"));
        }
    }
}
