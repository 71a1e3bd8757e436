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

/// Deserializes `text` into `T`. A UTF-8 byte-order mark (Windows editors write one) is not
/// part of the document: the library read it as text before a second document.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let text = e.to_string();
        // The library appends " at line N column M"; we report the position separately.
        let message = text.split(" at line ").next().unwrap_or(&text).to_string();
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
        if self.message.contains("unknown field") {
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
