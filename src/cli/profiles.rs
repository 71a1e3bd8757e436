//! Configs nearer to the scanned files than the run's own, as in ruff: before the scan, each
//! folder it walks and the folders above each path given are searched for a config, and each one
//! found is compiled once into the profile of the files under it. An explicit `--config` (or
//! `--no-config`) turns the search off.

use super::CliError;
use super::args::CheckArgs;
use super::broken_config;
use super::engines::Engines;
use super::globs::{check_globs, scope};
use super::settings::profile;
use crate::config::{self, ConfigError, Loaded};
use crate::rules::{RuleSet, place};
use crate::scan::{self, Profiles, ScanOptions, normal};
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// What nested configs ask of the run's reports: masking (`redact: true`), and the
/// `redact_patterns` they add. A report holds the files of every folder, so a folder that asks
/// for masking has the whole run's reports masked: masking more never leaks.
#[derive(Default)]
pub(super) struct Masking {
    pub(super) on: bool,
    pub(super) patterns: Vec<String>,
}

/// The profiles of the configs `scan` finds besides the run's own (`run`, whose rules are
/// `run_rules`), the reports' rule list when there are any, and the masking they ask for.
pub(super) fn nested(
    args: &CheckArgs,
    run: &Loaded,
    scan: &ScanOptions,
    run_rules: &RuleSet,
    engines: &mut Engines,
) -> Result<(Profiles, Option<RuleSet>, Masking), CliError> {
    let mut masking = Masking::default();
    if !searched(args) {
        return Ok((scan.profiles.clone(), None, masking));
    }
    let cwd = scan.profiles.cwd();
    // Each config found, with the mistake that kept it from being found cleanly (a link to no
    // file, two configs in one folder): that folder's files are not checked, the others are.
    let mut found: BTreeMap<PathBuf, Option<ConfigError>> = BTreeMap::new();
    let mut add = |config: Result<Option<PathBuf>, ConfigError>, keep: &dyn Fn(&Path) -> bool| {
        let (path, error) = match config {
            Ok(found) => (found, None),
            Err(e) => (Some(PathBuf::from(misplaced(&e))), Some(e)),
        };
        if let Some(path) = path.filter(|p| keep(p)) {
            found.insert(path, error);
        }
    };
    // Standard input is looked up where `--stdin-filename` puts it.
    let stdin = scan.stdin_filename.as_ref();
    let roots = scan::roots(scan);
    let named = (roots.iter()).map(|r| {
        if scan::is_stdin(r) {
            stdin.map(Path::new)
        } else {
            Some(r.as_path())
        }
    });
    for root in named.flatten() {
        let root = normal(&cwd.join(root));
        let folder = if root.is_dir() {
            Some(&*root)
        } else {
            root.parent()
        };
        if let Some(folder) = folder {
            add(config::discover(folder), &|_| true);
        }
    }
    for walked in scan::folders(scan) {
        let config = config::in_folder(&normal(&cwd.join(&walked.folder)));
        // One that an exclude glob leaves out with its folder's files (`old/**`) is not read,
        // as they are not checked: a stale one stopped every run.
        let left_out = |path: &Path| {
            let files = || FILES.iter().all(|f| walked.leaves_out(OsStr::new(f), scan));
            path.file_name().is_some_and(|n| walked.leaves_out(n, scan)) && files()
        };
        add(config, &|path| !left_out(path));
    }
    let run_path = run.path.as_deref().map(|p| normal(&cwd.join(p)));
    // Outer configs first: one in a folder an outer config excludes is not read (its files
    // are not checked), as a walk from the outer folder would not reach it.
    let mut found: Vec<_> = found
        .into_iter()
        .filter(|(p, _)| Some(p) != run_path.as_ref())
        .collect();
    found.sort_by_key(|(p, _)| p.components().count());
    let mut configs: Vec<(_, scan::Scope)> = Vec::new();
    let mut broken: Vec<scan::Broken> = Vec::new();
    for (path, mistake) in found {
        let folder = path.parent().unwrap_or(&path);
        // The folder above it, or the config with its folder's files.
        let excluded = |(_, outer): &(_, scan::Scope)| {
            let left_out = |p: &Path| outer.excluding(&outer.below(p)).is_some();
            let with_files =
                || left_out(&path) && FILES.iter().all(|name| left_out(&folder.join(name)));
            folder.starts_with(&outer.folder) && (left_out(folder) || with_files())
        };
        if configs.iter().any(excluded) {
            continue;
        }
        let loaded = match mistake {
            Some(e) => Err(e.into()),
            None => load(args, (&path, cwd), run_path.as_deref(), engines),
        };
        match loaded {
            Ok((loaded, profile, scope)) => {
                masking.on |= loaded.config.redact;
                (masking.patterns).extend(loaded.config.redact_patterns.iter().cloned());
                configs.push((profile, scope));
            }
            // One team's mistake does not stop the others' files from being checked.
            Err(err) => broken.push(broken_config::of(&path, cwd, &err)),
        }
    }
    let (profiles, catalog) = scan.profiles.with_nested(run_rules, configs, broken);
    Ok((profiles, catalog, masking))
}

/// The config file a discovery mistake is on (the first of two in one folder).
fn misplaced(e: &ConfigError) -> &str {
    match e {
        ConfigError::Read { path, .. } | ConfigError::Invalid { path, .. } => path,
        ConfigError::TwoInOneFolder { first, .. } => first,
    }
}

/// The nested config at `path` (absolute) run from `cwd`, what it gives its files and where;
/// it and the files it names are named from `cwd`, as the run's config is.
fn load(
    args: &CheckArgs,
    (path, cwd): (&Path, &Path),
    run_path: Option<&Path>,
    engines: &mut Engines,
) -> Result<(Loaded, scan::Profile, scan::Scope), CliError> {
    let named = super::from_cwd::from(cwd, path);
    let loaded = config::load(&named)?;
    check_globs(&loaded)?;
    let run_named = run_path.map(|p| super::from_cwd::from(cwd, p));
    warn_run_keys(&named, &loaded, run_named.as_deref());
    // A bad pattern is an error at its place, as in the run's config.
    super::settings::redactor(false, &loaded)?;
    let profile = profile(args, &loaded, engines)?;
    let scope = scope(&loaded, path)?;
    Ok((loaded, profile, scope))
}

/// Names that stand for a folder's transcripts: a glob that excludes a config with both of them
/// (`old/**`, `old/*`) leaves out the folder's files, where one that names the config's kind of
/// file (`*.yaml`) or some of the files (`old/?`, `old/[!_]*`) does not.
const FILES: [&str; 2] = ["a.txt", "_.json"];

/// Whether configs nearer the files are looked for: unless a config is given (`--config`) or
/// none is (`--no-config`).
pub(super) fn searched(args: &CheckArgs) -> bool {
    let given = &args.rule_args.config;
    !given.no_config && given.config.is_none()
}

/// Warns about the keys of a nested config that only the run's config sets: they apply to the
/// whole run, not to some of its files. The warning is placed at the first of them.
fn warn_run_keys(path: &Path, loaded: &Loaded, run: Option<&Path>) {
    let c = &loaded.config;
    let set = [
        ("baseline", c.baseline.is_some()),
        ("fail_on", c.fail_on.is_some()),
        ("max_filesize", c.max_filesize.is_some()),
    ];
    // Those it writes itself: one it takes from a config it extends is no mistake of its own.
    let written = config::written_keys(&loaded.text);
    let set: Vec<&str> = (set
        .iter()
        .filter(|(k, on)| *on && written.iter().any(|w| w == k)))
    .map(|(k, _)| *k)
    .collect();
    let Some(first) = set.first() else {
        return;
    };
    let place = place::suffix(place::locate(first, &loaded.text));
    let keys: Vec<String> = set.iter().map(|k| format!("`{k}`")).collect();
    let run = run.map_or_else(
        || "a config in the current folder or above".to_string(),
        |p| p.display().to_string(),
    );
    let (applies, is, it) = match keys.len() {
        1 => ("applies", "is", "it"),
        _ => ("apply", "are", "them"),
    };
    super::stderr::warning(&format!(
        "{}{place}: {} {applies} to the whole run and {is} read only from the run's config \
         ({run}); move {it} there, or pass this config with --config",
        path.display(),
        keys.join(", "),
    ));
}
