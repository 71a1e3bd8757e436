//! A config's globs are anchored at the folder that holds it, as in ruff: its `include`,
//! `exclude` and `per_path_disable` match a file's path below that folder, whatever folder
//! talklint runs in and however the file was named (walked, named, or `--stdin-filename`).

use globset::GlobSet;
use std::path::{Component, Path, PathBuf};

/// Globs with the patterns they were compiled from, to name the one that matched.
#[derive(Debug, Clone)]
pub(crate) struct Globs {
    set: GlobSet,
    patterns: Vec<String>,
}

impl Globs {
    /// `set`, compiled from `patterns` in their order.
    pub(crate) fn new(set: GlobSet, patterns: Vec<String>) -> Globs {
        Globs { set, patterns }
    }

    pub(crate) fn is_match(&self, path: &str) -> bool {
        self.set.is_match(path)
    }

    /// The first pattern that matches `path` or a folder above it (`..` aside): for a path not
    /// reached by a walk that pruned its folders.
    pub(crate) fn matching(&self, path: &str) -> Option<&str> {
        let folders = path.match_indices('/').map(|(at, _)| &path[..at]);
        let first = folders
            .chain([path])
            .filter(|p| !p.is_empty() && *p != "..")
            .find_map(|p| self.set.matches(p).into_iter().min())?;
        self.patterns.get(first).map(String::as_str)
    }
}

/// A config's folder, and its `include` and `exclude` globs.
#[derive(Debug)]
pub(crate) struct Scope {
    /// The config's folder, absolute and lexically normal.
    pub(crate) folder: PathBuf,
    /// The config file, as skip reasons name it.
    pub(crate) origin: String,
    pub(crate) include: Option<GlobSet>,
    /// `exclude`, and `include`'s `!GLOB`s.
    pub(crate) exclude: Option<Globs>,
}

impl Scope {
    /// Whether the config chooses files at all.
    pub(crate) fn selects(&self) -> bool {
        self.include.is_some() || self.exclude.is_some()
    }

    /// `file` (absolute, lexically normal) as the config's globs see it: its path below the
    /// config's folder, `/`-separated, or from that folder (`../a/b.txt`) when outside it.
    pub(crate) fn below(&self, file: &Path) -> String {
        let shared = (self.folder.components())
            .zip(file.components())
            .take_while(|(a, b)| a == b)
            .count();
        let up = self.folder.components().count() - shared;
        let down = file.components().skip(shared).filter_map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy()),
            _ => None,
        });
        let parts: Vec<_> = std::iter::repeat_n("..".into(), up).chain(down).collect();
        parts.join("/")
    }

    /// Whether `include` takes the file `below` the folder, if the config has an `include`.
    pub(crate) fn includes(&self, below: &str) -> Option<bool> {
        self.include.as_ref().map(|i| i.is_match(below))
    }

    /// Whether `exclude` leaves out the file or folder `below` the config's folder itself (a
    /// walk has pruned the folders above it already).
    pub(crate) fn excludes(&self, below: &str) -> bool {
        self.exclude.as_ref().is_some_and(|x| x.is_match(below))
    }

    /// The `exclude` glob that leaves out the path `below` the config's folder or a folder
    /// above it: for a path not reached by a walk from the config's folder.
    pub(crate) fn excluding(&self, below: &str) -> Option<&str> {
        self.exclude.as_ref()?.matching(below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(folder: &str) -> Scope {
        Scope {
            folder: folder.into(),
            origin: String::new(),
            include: None,
            exclude: None,
        }
    }

    #[test]
    fn a_file_is_seen_from_the_config_folder() {
        let s = scope("/p/team");
        assert_eq!(s.below(Path::new("/p/team/a/b.txt")), "a/b.txt");
        assert_eq!(s.below(Path::new("/p/other/b.txt")), "../other/b.txt");
        assert_eq!(s.below(Path::new("/b.txt")), "../../b.txt");
        assert_eq!(scope("/").below(Path::new("/p/b.txt")), "p/b.txt");
    }
}
