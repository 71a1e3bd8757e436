//! `talklint init`: writes a starter `talklint.yaml` in the current folder.

use super::{CliError, Outcome};
use crate::config;
use std::io::Write;
use std::path::Path;

pub(super) fn run() -> Result<Outcome, CliError> {
    // Any config already here, by any name: a second one would make the folder an error. A
    // link counts, even one to nothing, which writing would follow out of the folder.
    let here = |p: &&Path| p.symlink_metadata().is_ok();
    if let Some(existing) = config::NAMES.iter().map(Path::new).find(here) {
        return Err(CliError::ConfigExists(existing.display().to_string()));
    }
    let path = Path::new(config::NAMES[0]);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(config::STARTER.as_bytes()));
    written.map_err(|source| CliError::WriteConfig {
        path: path.display().to_string(),
        source,
    })?;
    super::print(&format!(
        "Wrote {}. Edit it, then run `talklint check`.\n",
        path.display()
    ))?;
    Ok(Outcome::Clean)
}
