//! Configs nearer to a file than the run's own: a `talklint.yaml` in a scanned folder (or above a
//! path given) applies to the files under it, the nearest one winning as in ruff. Each brings its
//! own rules, engine, roles, scoring and `per_path_disable`, compiled once per config before the
//! scan; the scan looks each file's profile up by its folder. A run without such configs has no
//! profiles, and its files cost no lookup. The run's own config's folder is kept here too: its
//! globs, as every config's, match the path below it ([`Scope`]).

use super::broken::Broken;
use super::run_files::{ReadAs, RunFiles};
use super::scope::Scope;
use crate::engine::Engine;
use crate::rules::{Rule, RuleSet};
use crate::suppress::SuppressOptions;
use crate::transcript::ParseOptions;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// What one config gives the files it applies to.
#[derive(Debug)]
pub(crate) struct Profile {
    pub(crate) rules: RuleSet,
    pub(crate) engine: Engine,
    pub(crate) parse: ParseOptions,
    /// `show` and `warn_unused` as the run's; `per_path` globs match the path below the config's
    /// folder.
    pub(crate) suppress: SuppressOptions,
    /// The config file and the rule files these were read from.
    pub(crate) loaded: RunFiles,
}

/// A nested config's profile, where it applies, and where its rules are in the reports.
#[derive(Debug)]
pub(crate) struct Nested {
    pub(crate) profile: Profile,
    /// Its folder (where it applies), `include` and `exclude`.
    pub(crate) scope: Scope,
    /// For each rule of `profile.rules`, its index in the reports' rule list.
    pub(crate) report_index: Vec<usize>,
}

/// What a config folder gives the files under it.
#[derive(Debug, Clone, Copy)]
enum Governs {
    /// The run's own config.
    Run,
    /// The nested config of this index in `nested`.
    Nested(usize),
    /// A nested config that could not be loaded, with the error entry of this index in `broken`:
    /// its files are not checked.
    Broken(usize),
}

/// The run's config and the nested configs of a run.
#[derive(Debug, Default, Clone)]
pub(crate) struct Profiles {
    /// Each config folder (absolute, lexically normal), and what its config gives its files.
    folders: Arc<HashMap<PathBuf, Governs>>,
    nested: Arc<Vec<Nested>>,
    broken: Arc<Vec<Broken>>,
    /// The run's own config's folder and globs; `None` without a config file.
    run: Option<Arc<Scope>>,
    /// What relative paths are relative to.
    cwd: PathBuf,
    /// The files the run reads besides its inputs: its configs, their rule files, its baseline.
    loaded: Arc<RunFiles>,
}

/// A file's nested profile, and the file's path below its config's folder (what that config's
/// `per_path_disable`, `include` and `exclude` globs match).
pub(crate) struct Found<'a> {
    pub(crate) nested: &'a Nested,
    pub(crate) below: String,
}

impl Profiles {
    /// The run's own config (`run`, with no nested configs yet); relative paths are relative
    /// to `cwd`. `loaded`: the files the run reads besides its inputs.
    pub(crate) fn of_run(cwd: PathBuf, run: Option<Scope>, loaded: RunFiles) -> Profiles {
        Profiles {
            run: run.map(Arc::new),
            cwd,
            loaded: Arc::new(loaded),
            ..Profiles::default()
        }
    }

    /// Adds the file at `path` to the files the run reads, as `read_as`.
    pub(crate) fn also_read(&mut self, path: &Path, read_as: ReadAs) {
        Arc::make_mut(&mut self.loaded).add(path, read_as);
    }

    /// These profiles with `configs` (profile and scope; nested configs only) and the `broken`
    /// nested configs, and the rule list reports use when there are any configs: the run's rules
    /// (`run_rules`) followed by each other rule that reports would not show alike (another
    /// severity, message, …).
    pub(crate) fn with_nested(
        &self,
        run_rules: &RuleSet,
        configs: Vec<(Profile, Scope)>,
        broken: Vec<Broken>,
    ) -> (Profiles, Option<RuleSet>) {
        if configs.is_empty() && broken.is_empty() {
            return (self.clone(), None);
        }
        let mut catalog = run_rules.clone();
        let mut loaded = RunFiles::clone(&self.loaded);
        let mut folders: HashMap<PathBuf, Governs> = HashMap::new();
        if let Some(run) = &self.run {
            folders.insert(run.folder.clone(), Governs::Run);
        }
        for (i, b) in broken.iter().enumerate() {
            folders.insert(b.folder.clone(), Governs::Broken(i));
        }
        let mut nested = Vec::with_capacity(configs.len());
        // The catalog's entries by rule id: a rule is looked for among its id's only.
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, rule) in catalog.rules.iter().enumerate() {
            by_id.entry(rule.id.clone()).or_default().push(i);
        }
        for (profile, scope) in configs {
            let report_index = profile
                .rules
                .rules
                .iter()
                .map(|rule| {
                    let alike = by_id.entry(rule.id.clone()).or_default();
                    let found =
                        (alike.iter().copied()).find(|&i| reported_alike(&catalog.rules[i], rule));
                    found.unwrap_or_else(|| {
                        catalog.rules.push(rule.clone());
                        alike.push(catalog.rules.len() - 1);
                        catalog.rules.len() - 1
                    })
                })
                .collect();
            folders.insert(scope.folder.clone(), Governs::Nested(nested.len()));
            loaded.extend(&profile.loaded);
            nested.push(Nested {
                profile,
                scope,
                report_index,
            });
        }
        let profiles = Profiles {
            folders: Arc::new(folders),
            nested: Arc::new(nested),
            broken: Arc::new(broken),
            loaded: Arc::new(loaded),
            ..self.clone()
        };
        (profiles, Some(catalog))
    }

    /// What relative paths are relative to.
    pub(crate) fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// What the run reads the file at `path` as, besides its inputs (a config, a rule file, the
    /// baseline or the labels), if it is one of those: met as an input, it is skipped.
    pub(crate) fn loaded(&self, path: &Path) -> Option<ReadAs> {
        self.loaded.read_as(path)
    }

    /// Whether there are no nested configs, loaded or broken.
    pub(crate) fn is_empty(&self) -> bool {
        self.nested.is_empty() && self.broken.is_empty()
    }

    /// `path` (as walked or given) absolute and lexically normal.
    pub(super) fn absolute(&self, path: &Path) -> PathBuf {
        normal(&self.cwd.join(path))
    }

    /// The nested profile of the file at `path`, if its nearest config is not the run's own.
    pub(crate) fn find(&self, path: &Path) -> Option<Found<'_>> {
        if self.is_empty() {
            return None;
        }
        self.find_absolute(&self.absolute(path))
    }

    fn find_absolute(&self, file: &Path) -> Option<Found<'_>> {
        let Governs::Nested(index) = self.nearest(file.parent()?)? else {
            return None;
        };
        let nested = self.nested.get(index)?;
        Some(Found {
            nested,
            below: nested.scope.below(file),
        })
    }

    /// What the config nearest to `folder` (in it or above it) gives its files; `None` where
    /// no config does.
    fn nearest(&self, folder: &Path) -> Option<Governs> {
        folder
            .ancestors()
            .find_map(|f| self.folders.get(f))
            .copied()
    }

    // The broken configs, looked up three ways, each a lookup of `folders` once the path is
    // absolute (none at all without a broken config): over a file (its nearest config, from its
    // folder up), in a folder met by the walk (its own only), and nearest to a folder a walk
    // starts from (from the folder itself up).

    /// Whether a nested config could not be loaded.
    pub(crate) fn any_broken(&self) -> bool {
        !self.broken.is_empty()
    }

    /// The broken config that governs the file at `path`, as given: the file is not checked.
    pub(crate) fn broken_over(&self, path: &Path) -> Option<&Broken> {
        let file = self.any_broken().then(|| self.absolute(path))?;
        self.broken_over_absolute(&file)
    }

    /// [`Profiles::broken_over`] the file at `file`, absolute.
    fn broken_over_absolute(&self, file: &Path) -> Option<&Broken> {
        self.broken_of(self.nearest(file.parent()?)?)
    }

    /// The broken config in the folder at `path`.
    pub(crate) fn broken_in(&self, path: &Path) -> Option<&Broken> {
        let folder = self.any_broken().then(|| self.absolute(path))?;
        self.broken_of(*self.folders.get(&folder)?)
    }

    /// The broken config nearest to the folder at `path`, in it or above it, if that config is
    /// the nearest of all: a folder a walk starts from.
    pub(crate) fn broken_nearest(&self, path: &Path) -> Option<&Broken> {
        let folder = self.any_broken().then(|| self.absolute(path))?;
        self.broken_of(self.nearest(&folder)?)
    }

    fn broken_of(&self, governs: Governs) -> Option<&Broken> {
        match governs {
            Governs::Broken(index) => self.broken.get(index),
            Governs::Run | Governs::Nested(_) => None,
        }
    }

    /// Whether the walked file or folder at `file` (absolute) is under a broken config, and no
    /// config of its own (a folder's) is nearer: the walk leaves it out, and the config's entry
    /// says so.
    fn under_broken(&self, file: &Path) -> bool {
        self.any_broken()
            && !self.folders.contains_key(file)
            && self.broken_over_absolute(file).is_some()
    }

    /// The path of the file at `path` below the run's config's folder, which that config's
    /// `per_path_disable` globs match; `None` without a config file.
    pub(crate) fn below_run(&self, path: &Path) -> Option<String> {
        let run = self.run.as_ref()?;
        Some(run.below(&self.absolute(path)))
    }

    /// The run's config's scope, when it chooses files.
    fn run_selecting(&self) -> Option<&Scope> {
        self.run.as_deref().filter(|run| run.selects())
    }

    /// Whether no config chooses files: the walk need not ask.
    pub(crate) fn select_nothing(&self) -> bool {
        self.run_selecting().is_none() && self.is_empty()
    }

    /// Whether the `exclude` of the run's config, or of the nested config over it, leaves out
    /// the walked file or folder at `path`, or a broken config over it does. The run's config
    /// chooses among all files, a nested one among those under its folder.
    pub(crate) fn excludes(&self, path: &Path) -> bool {
        if self.select_nothing() {
            return false;
        }
        let file = self.absolute(path);
        if self.under_broken(&file) {
            return true;
        }
        self.run_selecting()
            .is_some_and(|run| run.excludes(&run.below(&file)))
            || (self.find_absolute(&file)).is_some_and(|f| f.nested.scope.excludes(&f.below))
    }

    /// Whether the `include` of the run's config, and of the nested config over it, take the
    /// walked file at `path` (each `None` without an `include`).
    pub(crate) fn includes(&self, path: &Path) -> (Option<bool>, Option<bool>) {
        if self.select_nothing() {
            return (None, None);
        }
        let file = self.absolute(path);
        let run = self.run_selecting();
        let by_run = run.and_then(|run| run.includes(&run.below(&file)));
        let nested = self.find_absolute(&file);
        (
            by_run,
            nested.and_then(|f| f.nested.scope.includes(&f.below)),
        )
    }

    /// Why a config's `exclude` leaves out `path` (a file named, standard input's name or a
    /// folder walked from), or a folder above it: the glob and the config.
    pub(crate) fn excluding(&self, path: &Path) -> Option<String> {
        if self.select_nothing() {
            return None;
        }
        let file = self.absolute(path);
        let reason = |glob: &str, scope: &Scope| format!("`{glob}` in {}", scope.origin);
        let by_run = self
            .run_selecting()
            .and_then(|run| Some(reason(run.excluding(&run.below(&file))?, run)));
        by_run.or_else(|| {
            let found = self.find_absolute(&file)?;
            let scope = &found.nested.scope;
            Some(reason(scope.excluding(&found.below)?, scope))
        })
    }
}

/// Whether reports show findings of `a` and `b` alike: then one entry of their rule list serves
/// both.
fn reported_alike(a: &Rule, b: &Rule) -> bool {
    a.id == b.id
        && a.kind == b.kind
        && a.severity == b.severity
        && a.points == b.points
        && a.message == b.message
        && a.suggestion == b.suggestion
        && a.link == b.link
        && a.description == b.description
        && a.origin == b.origin
}

/// `path` with `.` dropped and `..` taken lexically, so that one folder has one spelling; a
/// relative path keeps the `..` that lead it out of its start (`../a`).
pub(crate) fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normal;
    use std::path::Path;

    #[test]
    fn one_folder_has_one_spelling() {
        assert_eq!(normal(Path::new("/a/./b/../c/")), Path::new("/a/c"));
        assert_eq!(normal(Path::new("/a/b/c/../../d")), Path::new("/a/d"));
        assert_eq!(normal(Path::new("/..")), Path::new("/"));
        assert_eq!(normal(Path::new("../a/../../b")), Path::new("../../b"));
        assert_eq!(normal(Path::new("a/b/../../../c")), Path::new("../c"));
    }
}
