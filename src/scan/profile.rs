//! Configs nearer to a file than the run's own: a `talklint.yaml` in a scanned folder (or above a
//! path given) applies to the files under it, the nearest one winning as in ruff. Each brings its
//! own rules, engine, roles, scoring and `per_path_disable`, compiled once per config before the
//! scan; the scan looks each file's profile up by its folder. A run without such configs has no
//! profiles, and its files cost no lookup.

use crate::engine::Engine;
use crate::rules::{Rule, RuleSet};
use crate::suppress::SuppressOptions;
use crate::transcript::ParseOptions;
use globset::GlobSet;
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
}

/// A nested config's `include` and `exclude`, matched against the path below its folder.
#[derive(Debug)]
pub(crate) struct Selection {
    pub(crate) include: Option<GlobSet>,
    pub(crate) exclude: Option<GlobSet>,
}

/// A nested config's profile, where it applies, and where its rules are in the reports.
#[derive(Debug)]
pub(crate) struct Nested {
    pub(crate) profile: Profile,
    pub(crate) selection: Selection,
    /// The config's folder, absolute and lexically normal.
    pub(crate) folder: PathBuf,
    /// For each rule of `profile.rules`, its index in the reports' rule list.
    pub(crate) report_index: Vec<usize>,
}

/// The nested configs of a run.
#[derive(Debug, Default, Clone)]
pub(crate) struct Profiles {
    /// Each config folder (absolute, lexically normal): the index of its profile in `nested`,
    /// or `None` for the run's own config.
    folders: Arc<HashMap<PathBuf, Option<usize>>>,
    nested: Arc<Vec<Nested>>,
    /// What relative paths are relative to.
    cwd: PathBuf,
}

/// A file's profile, and the file's path below the profile's config folder (what that config's
/// `per_path_disable`, `include` and `exclude` globs match).
pub(crate) struct Found<'a> {
    pub(crate) nested: &'a Nested,
    pub(crate) below: String,
}

impl Profiles {
    /// The profiles of `configs` (config folder, profile and selection; nested configs only),
    /// beside the run's own config in `run_folder`, and the rule list reports use when there are
    /// any: the run's rules followed by each other rule that reports would not show alike
    /// (another severity, message, …). Paths are absolute.
    pub(crate) fn new(
        cwd: PathBuf,
        run_folder: Option<PathBuf>,
        run_rules: &RuleSet,
        configs: Vec<(PathBuf, Profile, Selection)>,
    ) -> (Profiles, Option<RuleSet>) {
        if configs.is_empty() {
            return (Profiles::default(), None);
        }
        let mut catalog = run_rules.clone();
        let mut folders: HashMap<PathBuf, Option<usize>> = HashMap::new();
        if let Some(folder) = run_folder {
            folders.insert(normal(&folder), None);
        }
        let mut nested = Vec::with_capacity(configs.len());
        for (folder, profile, selection) in configs {
            let report_index = profile
                .rules
                .rules
                .iter()
                .map(|rule| {
                    catalog
                        .rules
                        .iter()
                        .position(|r| reported_alike(r, rule))
                        .unwrap_or_else(|| {
                            catalog.rules.push(rule.clone());
                            catalog.rules.len() - 1
                        })
                })
                .collect();
            let folder = normal(&folder);
            folders.insert(folder.clone(), Some(nested.len()));
            nested.push(Nested {
                profile,
                selection,
                folder,
                report_index,
            });
        }
        let profiles = Profiles {
            folders: Arc::new(folders),
            nested: Arc::new(nested),
            cwd,
        };
        (profiles, Some(catalog))
    }

    /// Whether there are no nested configs.
    pub(crate) fn is_empty(&self) -> bool {
        self.nested.is_empty()
    }

    /// The nested profile of the file at `path`, if its nearest config is not the run's own.
    pub(crate) fn find(&self, path: &Path) -> Option<Found<'_>> {
        if self.is_empty() {
            return None;
        }
        let file = normal(&self.cwd.join(path));
        let folder = file.parent()?;
        let index = folder.ancestors().find_map(|f| self.folders.get(f))?;
        let nested = self.nested.get((*index)?)?;
        let below = file.strip_prefix(&nested.folder).unwrap_or(&file);
        Some(Found {
            nested,
            below: below.to_string_lossy().replace('\\', "/"),
        })
    }
}

impl Found<'_> {
    /// Whether the nested config's `include` takes the file (and so reads it whatever its
    /// extension), if it has one.
    pub(crate) fn included(&self) -> Option<bool> {
        let include = self.nested.selection.include.as_ref();
        include.map(|i| i.is_match(&self.below))
    }

    /// Whether the nested config's `exclude` leaves the file or folder out.
    pub(crate) fn excludes(&self) -> bool {
        let exclude = self.nested.selection.exclude.as_ref();
        exclude.is_some_and(|x| x.is_match(&self.below))
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

/// Absolute `path` with `.` dropped and `..` taken lexically, so that one folder has one
/// spelling.
pub(crate) fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
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
    }
}
