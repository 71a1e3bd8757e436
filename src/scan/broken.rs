//! A nested config that could not be loaded, as the scan reports it: one error entry on the
//! config where the walk meets its folder, and one on each file under it named on the command
//! line.

use crate::report::FileError;
use std::path::PathBuf;

/// A nested config that could not be loaded (a mistake in it or in the rules it loads, a link
/// to no file, a second config beside it): the files it applies to (those under its folder but
/// for the folders of configs of their own) are not checked, and the report says why, while the
/// rest of the run goes on.
#[derive(Debug)]
pub(crate) struct Broken {
    /// Its folder (absolute, lexically normal).
    pub(crate) folder: PathBuf,
    /// The config file, as reports print paths.
    pub(crate) config: String,
    /// The mistake, with its place (`line 2, column 12: …`) when it is in the config file.
    pub(crate) message: String,
}

impl Broken {
    /// The error entry on the config file, which a walk lists where it meets the config's folder
    /// (whose files it then passes over).
    pub(crate) fn entry(&self) -> FileError {
        FileError {
            path: self.config.clone(),
            line: None,
            message: consequence(&self.message),
        }
    }

    /// The error entry of the file `path` it governs, named on the command line.
    pub(crate) fn on_file(&self, path: &str) -> FileError {
        FileError {
            path: path.into(),
            line: None,
            message: format!(
                "not checked: its config {} has an error: {}",
                self.config, self.message
            ),
        }
    }
}

/// A broken config's `message` with what it means for its files, before its last help (which
/// reads as help for the mistake, not for the files).
fn consequence(message: &str) -> String {
    const NOT_CHECKED: &str = "; the files it applies to are not checked";
    match message.rsplit_once("; help: ") {
        Some((mistake, help)) => format!("{mistake}{NOT_CHECKED}; help: {help}"),
        None => format!("{message}{NOT_CHECKED}"),
    }
}
