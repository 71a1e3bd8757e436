//! `talklint init`: writes a starter `talklint.yaml` in the current folder.

use super::{CliError, Outcome};
use crate::config;
use std::path::Path;

pub(super) fn run() -> Result<Outcome, CliError> {
    let path = Path::new(config::NAMES[0]);
    if path.exists() {
        return Err(CliError::ConfigExists(path.display().to_string()));
    }
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
