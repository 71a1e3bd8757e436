//! Which baseline a run reads: `--baseline FILE`, else the one its config names (`baseline:`,
//! relative to the config's folder), unless `--no-baseline` says none, as when the baseline is
//! made again.

use super::args::CheckArgs;
use crate::config::Config;
use std::path::{Path, PathBuf};

/// The baseline of a run whose config, `config`, is the file `config_file` (none without one).
pub(super) fn path(
    args: &CheckArgs,
    config: &Config,
    config_file: Option<&Path>,
) -> Option<PathBuf> {
    if args.no_baseline {
        return None;
    }
    if let Some(given) = &args.baseline {
        return Some(given.clone());
    }
    let named = config.baseline.as_ref()?;
    let folder = config_file.and_then(Path::parent).unwrap_or(Path::new(""));
    Some(folder.join(named))
}
