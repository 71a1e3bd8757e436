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

/// Deserializes `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
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
