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

/// Deserializes `source` into `T`.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, YamlError> {
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
