//! The config a run uses and the rule set it loads: `--rules`, else the config's `rules:`, else
//! the built-in pack; rule errors that the config caused are named at the config's place.

use super::CliError;
use super::args::{ConfigArgs, RuleArgs};
use crate::config::{self, Loaded};
use crate::rules::load::{self, RuleSource};
use crate::rules::place;
use crate::rules::{RuleError, RuleSet};
use std::io;
use std::path::{Path, PathBuf};

/// The config named on the command line, or the nearest one, or none.
pub(super) fn config(args: &ConfigArgs) -> Result<Loaded, CliError> {
    if args.no_config {
        return Ok(Loaded::default());
    }
    let path = match &args.config {
        Some(p) => Some(p.to_path_buf()),
        None => match std::env::current_dir() {
            // Named from the current folder, as are the rule files it names.
            Ok(d) => config::discover(&d)?.map(|found| super::from_cwd::from(&d, &found)),
            Err(_) => None,
        },
    };
    Ok(path.map_or_else(|| Ok(Loaded::default()), |p| config::load(&p))?)
}

/// The config and the rule set `args` name: `--rules`, else the config's `rules:`, else the
/// built-in pack. Warnings (overrides that name no rule) go to standard error.
pub(super) fn rules(args: &RuleArgs) -> Result<(Loaded, RuleSet), CliError> {
    let cfg = config(&args.config)?;
    let rules = rule_set(&args.rules, &cfg, args.strict_import)?;
    Ok((cfg, rules))
}

/// The rule set from `cli_rules`, else the config's `rules:`, else the built-in pack.
/// `strict_import`: a cloud category that needs a model is an error, not a warning.
pub(super) fn rule_set(
    cli_rules: &[PathBuf],
    cfg: &Loaded,
    strict_import: bool,
) -> Result<RuleSet, CliError> {
    Ok(read(cli_rules, cfg, strict_import)?.set)
}

/// A rule set and the rule files on disk it was read from, as named (relative to the current
/// folder, or absolute).
#[derive(Clone)]
pub(super) struct Rules {
    pub(super) set: RuleSet,
    pub(super) files: Vec<PathBuf>,
}

/// The rule set of [`rule_set`], and its files.
pub(super) fn read(
    cli_rules: &[PathBuf],
    cfg: &Loaded,
    strict_import: bool,
) -> Result<Rules, CliError> {
    let sources = sources(cli_rules, cfg)?;
    load_sources(&sources, cfg, cfg.overrides(strict_import), load::load)
}

/// The rule set `talklint test` tests: every rule of `paths`, else of the config's `rules:`,
/// else of the built-in pack, read with the config's lexicons and fillers but not its `disable`
/// and `severity` ([`load::load_for_test`]).
pub(super) fn for_test(paths: &[PathBuf], cfg: &Loaded) -> Result<RuleSet, CliError> {
    let sources = sources(paths, cfg)?;
    Ok(load_sources(&sources, cfg, cfg.overrides(false), load::load_for_test)?.set)
}

/// How rule files are loaded: [`load::load`] or [`load::load_for_test`].
type Load = fn(
    &[load::RuleFile],
    &load::Overrides,
    &[String],
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>>;

/// Where the rules come from: `cli_rules`, else the config's `rules:`, else the built-in pack.
pub(super) fn sources(cli_rules: &[PathBuf], cfg: &Loaded) -> Result<Vec<RuleSource>, CliError> {
    Ok(if !cli_rules.is_empty() {
        // `default` is the built-in pack, as in a config (`./default` is a folder of that name).
        let source = |p: &PathBuf| match p.to_str() {
            Some("default") => {
                if p.exists() {
                    super::stderr::warning(
                        "`default` names the built-in pack, not the file or folder `default` \
                         here; write `./default` for that",
                    );
                }
                RuleSource::Builtin
            }
            _ => RuleSource::Path(p.clone()),
        };
        cli_rules.iter().map(source).collect()
    } else if let Some(list) = &cfg.config.rules {
        let base = cfg.base_dir();
        let missing = |p: &Path| matches!(std::fs::metadata(p), Err(e) if e.kind() == io::ErrorKind::NotFound);
        let mut errors = Vec::new();
        let sources = list
            .iter()
            .filter_map(|s| match s.as_str() {
                "default" => Some(RuleSource::Builtin),
                // Joined to the config's folder, an empty entry would name that folder.
                _ if s.trim().is_empty() => {
                    errors.push(missing_rules(cfg, s));
                    None
                }
                _ if missing(&base.join(s)) => {
                    errors.push(missing_rules(cfg, s));
                    None
                }
                _ => Some(RuleSource::Path(beside(&base, s))),
            })
            .collect();
        if list.is_empty() {
            let (line, column) = place::locate_key("rules", &cfg.text).unwrap_or((1, 1));
            errors.push(RuleError {
                file: cfg.origin(),
                line,
                column,
                message: "`rules: []` loads no rules, so nothing would ever be found".into(),
                hint: Some(
                    "list `default` for the built-in pack and your own files, or remove the key"
                        .into(),
                ),
            });
        }
        if !errors.is_empty() {
            return Err(CliError::Rules(errors));
        }
        sources
    } else {
        vec![RuleSource::Builtin]
    })
}

/// The rules of `sources` loaded by `load` with `overrides` and the config's fillers, and the
/// files read from disk; warnings go to standard error.
fn load_sources(
    sources: &[RuleSource],
    cfg: &Loaded,
    overrides: load::Overrides,
    load: Load,
) -> Result<Rules, CliError> {
    let files = load::read_sources(sources).map_err(CliError::Rules)?;
    load_files(&files, cfg, overrides, load)
}

/// The rules of `files` (as [`load::read_sources`] reads them) loaded as [`load_sources`] does.
pub(super) fn load_files(
    files: &[load::RuleFile],
    cfg: &Loaded,
    overrides: load::Overrides,
    load: Load,
) -> Result<Rules, CliError> {
    let (set, warnings) = load(files, &overrides, &cfg.fillers())
        .map_err(|errors| CliError::Rules(blame_fillers(cfg, files, &overrides, errors)))?;
    for w in warnings {
        super::stderr::warning(&w);
    }
    // The built-in pack's files are named `<default>/…` (see `load::read_sources`), the others
    // by their paths.
    let on_disk = |name: &&String| !name.starts_with(crate::rules::builtin::PREFIX);
    let files = files.iter().map(|(name, _)| name).filter(on_disk);
    Ok(Rules {
        set,
        files: files.map(PathBuf::from).collect(),
    })
}

/// The engine of `rules`, with a warning on standard error for each replacement its own rule
/// would match again (`--fix` would never settle). (Phrases that do not match as they read are
/// warned of when the rules load.)
pub(super) fn engine(rules: &RuleSet) -> Result<crate::engine::Engine, CliError> {
    let engine = crate::engine::Engine::new(rules)?;
    for w in &crate::fix::unsettled(&engine, rules) {
        super::stderr::warning(w);
    }
    Ok(engine)
}

/// Rule errors that the config's `fillers:` caused (the rules load with the built-in fillers),
/// led by an error at that key naming the fillers to blame; else `errors` as they are.
fn blame_fillers(
    cfg: &Loaded,
    files: &[load::RuleFile],
    overrides: &load::Overrides,
    mut errors: Vec<RuleError>,
) -> Vec<RuleError> {
    let Some(written) = &cfg.config.fillers else {
        return errors;
    };
    let builtin = config::builtin_fillers();
    if load::load(files, overrides, &builtin).is_err() {
        return errors;
    }
    let added: Vec<&str> = (written.iter())
        .filter(|f| {
            !crate::text::canon::canonical_words(f)
                .iter()
                .all(|w| builtin.contains(w))
        })
        .map(String::as_str)
        .collect();
    let (line, column) = place::locate_key("fillers", &cfg.text).unwrap_or((1, 1));
    errors.insert(
        0,
        RuleError {
            file: cfg.origin(),
            line,
            column,
            message: format!(
                "`fillers:` leaves phrases with no words to match (below), where the built-in fillers do not; added here: {}",
                added.join(", ")
            ),
            hint: Some("remove from `fillers:` the words those phrases need".into()),
        },
    );
    errors
}

/// The file `entry` names beside a config in `base`, as messages print it: `./packs/es.yaml`
/// names `packs/es.yaml` (from the config's own folder) or `/cfg/packs/es.yaml`, never with a
/// `.` component, and with `..` taken (`../../shared/a.yaml` from `teams/b`, `shared/a.yaml`),
/// so that configs that name one pack each their own way load the same rule file, which
/// reports list once. A `..` after a link to a folder leads out of the folder linked to, so
/// such a path keeps its `..` when taking it would name another file.
fn beside(base: &Path, entry: &str) -> PathBuf {
    let written = base.join(entry);
    let path = crate::scan::normal(&written);
    let same_file = std::fs::canonicalize(&path).ok() == std::fs::canonicalize(&written).ok();
    let path = match same_file {
        true => path,
        false => written
            .components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect(),
    };
    match path.as_os_str().is_empty() {
        true => PathBuf::from("."),
        false => path,
    }
}

/// A config's `rules:` entry that names neither the built-in pack nor a file or folder, at its
/// place in the config.
fn missing_rules(cfg: &Loaded, entry: &str) -> RuleError {
    let (file, text) = cfg.source_of("rules");
    let (line, column) = place::locate(entry, text)
        .or_else(|| place::locate_key("rules", text))
        .unwrap_or((1, 1));
    RuleError {
        file,
        line,
        column,
        message: format!(
            "`{entry}` is no rule file or folder (looked for {}){}",
            beside(&cfg.base_dir(), entry).display(),
            crate::suggest::did_you_mean(entry, ["default"])
        ),
        hint: Some(
            "name `default` (the built-in pack), or a YAML rule file or folder relative to this config"
                .into(),
        ),
    }
}
