//! The rules and engines of a run's configs, shared by configs that load the same rules: a
//! monorepo's team configs that only name their agents (`roles:`) or set their scoring each load
//! the built-in pack, and each engine holds megabytes of matcher (200 such configs took 700 MB).

use super::CliError;
use super::rule_set::{self, Rules};
use crate::config::Loaded;
use crate::engine::Engine;
use crate::rules::load::{self, Overrides};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

/// The rule sets loaded so far, with their engines, by the fingerprint of what they were
/// loaded from.
#[derive(Default)]
pub(super) struct Engines {
    loaded: Vec<(u64, Rules, Engine)>,
}

impl Engines {
    /// The rules a config loads (`cli_rules`, else its `rules:`, else the built-in pack) and
    /// their engine: those loaded before from the same files, fillers and overrides, else new
    /// ones (with their warnings, once).
    pub(super) fn load(
        &mut self,
        cli_rules: &[PathBuf],
        cfg: &Loaded,
        strict_import: bool,
    ) -> Result<(Rules, Engine), CliError> {
        let sources = rule_set::sources(cli_rules, cfg)?;
        let files = load::read_sources(&sources).map_err(CliError::Rules)?;
        let overrides = cfg.overrides(strict_import);
        let fillers = cfg.fillers();
        let key = fingerprint(&files, &overrides, &fillers);
        if let Some((_, rules, engine)) = self.loaded.iter().find(|(k, ..)| *k == key) {
            return Ok((rules.clone(), engine.clone()));
        }
        let rules = rule_set::load_files(&files, cfg, overrides, load::load)?;
        let engine = rule_set::engine(&rules.set)?;
        self.loaded.push((key, rules.clone(), engine.clone()));
        Ok((rules, engine))
    }
}

/// A hash of what a rule set is loaded from. The config's name and text, which place its
/// overrides' errors, count only when it has overrides: without any, configs that differ
/// elsewhere load the same rules.
fn fingerprint(files: &[(String, String)], overrides: &Overrides, fillers: &[String]) -> u64 {
    let mut h = DefaultHasher::new();
    files.hash(&mut h);
    fillers.hash(&mut h);
    let o = overrides;
    (&o.disable, &o.severity, &o.lexicons, o.strict_import).hash(&mut h);
    if !(o.disable.is_empty() && o.severity.is_empty() && o.lexicons.is_empty()) {
        (&o.origin, &o.text).hash(&mut h);
    }
    h.finish()
}
