//! Where a run's config is: the nearest of [`NAMES`] from a folder upward, one per folder.

use super::{ConfigError, NAMES};
use std::path::{Path, PathBuf};

/// Finds the nearest config file from `start` upward; two in one folder are an error.
pub fn discover(start: &Path) -> Result<Option<PathBuf>, ConfigError> {
    for dir in start.ancestors() {
        if let Some(found) = in_folder(dir)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The config file in `dir`, if there is one; two are an error that names both, and so is a
/// link to no file (a team's config linked from a share not mounted), which would leave the run
/// to the built-in pack in silence.
pub fn in_folder(dir: &Path) -> Result<Option<PathBuf>, ConfigError> {
    let mut found = NAMES.iter().map(|n| dir.join(n)).filter(|p| {
        p.is_file() || std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
    });
    let first = found.next();
    if let Some(link) = first.as_ref().filter(|p| !p.exists()) {
        let target = std::fs::read_link(link).unwrap_or_default();
        return Err(ConfigError::Read {
            path: link.display().to_string(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("a link to no file: its target {} is gone", target.display()),
            ),
        });
    }
    match (first, found.next()) {
        (Some(first), Some(second)) => Err(ConfigError::TwoInOneFolder {
            first: first.display().to_string(),
            second: second.display().to_string(),
        }),
        (first, _) => Ok(first),
    }
}
