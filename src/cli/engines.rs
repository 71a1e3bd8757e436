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
use std::hash::{BuildHasher, RandomState};
use std::path::PathBuf;

/// The engines compiled so far, with what they were loaded from and, once a second config has
/// asked for them, the rules; kept only where nested configs may follow. A run of one config
/// holds no second copy of its rules, and compiles with no file text held.
pub(super) struct Engines {
    loaded: Vec<(Inputs, Option<Rules>, Engine)>,
    shared: bool,
    /// Two hashers of the run's own random keys: a file's two hashes stand for its text.
    keys: [RandomState; 2],
}

/// All that a rule set is loaded from: each rule file's name, length and two hashes of its
/// text (128 bits: no two texts met in a run share them), the fillers, and the config's
/// overrides but for its name and text, which only place its warnings and errors.
#[derive(PartialEq)]
struct Inputs {
    files: Vec<(String, usize, [u64; 2])>,
    fillers: Vec<String>,
    disable: Vec<String>,
    severity: BTreeMap<String, Severity>,
    lexicons: BTreeMap<String, Vec<String>>,
    strict_import: bool,
}

impl Inputs {
    /// Whether the config changes the rules: its changes are warned of at its own lines.
    fn overrides(&self) -> bool {
        !(self.disable.is_empty() && self.severity.is_empty() && self.lexicons.is_empty())
    }
}

impl Engines {
    /// Engines that are `shared` by configs that load the same rules, or loaded for one each.
    pub(super) fn shared(shared: bool) -> Engines {
        Engines {
            loaded: Vec::new(),
            shared,
            keys: [RandomState::new(), RandomState::new()],
        }
    }

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
        if !self.shared {
            return compile(files, cfg, overrides);
        }
        let inputs = self.inputs(&files, &overrides, cfg.fillers());
        if let Some((_, kept, engine)) = self.loaded.iter_mut().find(|(i, ..)| *i == inputs) {
            let rules = match (inputs.overrides(), kept.as_ref()) {
                (false, Some(rules)) => rules.clone(),
                (false, None) => kept
                    .insert(rule_set::load_files(&files, cfg, overrides, load::load)?)
                    .clone(),
                (true, _) => rule_set::load_files(&files, cfg, overrides, load::load)?,
            };
            return Ok((rules, engine.clone()));
        }
        let (rules, engine) = compile(files, cfg, overrides)?;
        self.loaded.push((inputs, None, engine.clone()));
        Ok((rules, engine))
    }

    /// What a rule set is loaded from, as configs are compared by.
    fn inputs(&self, files: &[load::RuleFile], o: &Overrides, fillers: Vec<String>) -> Inputs {
        let hashes = |text: &str| self.keys.each_ref().map(|k| k.hash_one(text));
        Inputs {
            files: (files.iter())
                .map(|(name, text)| (name.clone(), text.len(), hashes(text)))
                .collect(),
            fillers,
            disable: o.disable.clone(),
            severity: o.severity.clone(),
            lexicons: o.lexicons.clone(),
            strict_import: o.strict_import,
        }
    }
}

/// The rules of `files` and their engine, compiled once the files' text is let go: compiling
/// peaks the run's memory.
fn compile(
    files: Vec<load::RuleFile>,
    cfg: &Loaded,
    overrides: Overrides,
) -> Result<(Rules, Engine), CliError> {
    let rules = rule_set::load_files(&files, cfg, overrides, load::load)?;
    drop(files);
    let engine = rule_set::engine(&rules.set)?;
    Ok((rules, engine))
}
