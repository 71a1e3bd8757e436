//! `talklint init`: writes a starter `talklint.yaml` in the current folder.

use super::{CliError, Outcome};
use crate::config;
use std::path::Path;

pub(super) fn run() -> Result<Outcome, CliError> {
    // Any config already here, by any name: a second one would make the folder an error.
    if let Some(existing) = config::NAMES.iter().map(Path::new).find(|p| p.exists()) {
        return Err(CliError::ConfigExists(existing.display().to_string()));
    }
    let path = Path::new(config::NAMES[0]);
    std::fs::write(path, config::STARTER).map_err(|source| CliError::WriteConfig {
        path: path.display().to_string(),
        source,
    })?;
    super::print(&format!(
        "Wrote {}. Edit it, then run `talklint check`.\n",
        path.display()
    ))?;
    Ok(Outcome::Clean)
}
