//! The rules and engines of a run's configs, shared by configs that load the same rules: a
//! monorepo's team configs that only name their agents (`roles:`) or set their scoring each load
//! the built-in pack, and each engine holds megabytes of matcher (200 such configs took 700 MB).

use super::CliError;
use super::rule_set::{self, Rules};
use crate::config::Loaded;
use crate::engine::Engine;
use crate::rules::Severity;
use crate::rules::load::{self, Overrides};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The rule sets loaded so far, with their engines and what they were loaded from.
#[derive(Default)]
pub(super) struct Engines {
    loaded: Vec<(Inputs, Rules, Engine)>,
}

/// All that a rule set is loaded from: the rule files as read, the fillers, and the config's
/// overrides but for its name and text, which only place its warnings and errors.
#[derive(PartialEq)]
struct Inputs {
    files: Vec<(String, String)>,
    fillers: Vec<String>,
    disable: Vec<String>,
    severity: BTreeMap<String, Severity>,
    lexicons: BTreeMap<String, Vec<String>>,
    strict_import: bool,
}

impl Inputs {
    fn of(files: Vec<(String, String)>, o: &Overrides, fillers: Vec<String>) -> Inputs {
        Inputs {
            files,
            fillers,
            disable: o.disable.clone(),
            severity: o.severity.clone(),
            lexicons: o.lexicons.clone(),
            strict_import: o.strict_import,
        }
    }

    /// Whether the config changes the rules: its changes are warned of at its own lines.
    fn overrides(&self) -> bool {
        !(self.disable.is_empty() && self.severity.is_empty() && self.lexicons.is_empty())
    }
}

impl Engines {
    /// The rules a config loads (`cli_rules`, else its `rules:`, else the built-in pack) and
    /// their engine: the engine compiled before from the same inputs, else a new one (with its
    /// warnings, once). The rules are loaded again only for a config that changes them, whose
    /// warnings name its own lines.
    pub(super) fn load(
        &mut self,
        cli_rules: &[PathBuf],
        cfg: &Loaded,
        strict_import: bool,
    ) -> Result<(Rules, Engine), CliError> {
        let sources = rule_set::sources(cli_rules, cfg)?;
        let files = load::read_sources(&sources).map_err(CliError::Rules)?;
        let overrides = cfg.overrides(strict_import);
        let inputs = Inputs::of(files, &overrides, cfg.fillers());
        if let Some((_, rules, engine)) = self.loaded.iter().find(|(i, ..)| *i == inputs) {
            let rules = match inputs.overrides() {
                true => rule_set::load_files(&inputs.files, cfg, overrides, load::load)?,
                false => rules.clone(),
            };
            return Ok((rules, engine.clone()));
        }
        let rules = rule_set::load_files(&inputs.files, cfg, overrides, load::load)?;
        let engine = rule_set::engine(&rules.set)?;
        self.loaded.push((inputs, rules.clone(), engine.clone()));
        Ok((rules, engine))
    }
}
