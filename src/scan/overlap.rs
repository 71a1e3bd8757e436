//! Paths given that overlap (a file named twice or by a link, a file named beside a folder that
//! holds it, a folder inside another folder given): the walk reads each file once, where it is
//! first named or found.

use super::walk::{Input, display};
use crate::report::Skipped;
use std::path::{Path, PathBuf};

/// Paths given that overlap: files named beside a folder that holds them, folders inside other
/// folders given. The walk then leaves out a named file (it is read where it is named) and a file
/// an earlier folder's walk found, so that every file is read once. Folders given that share an
/// ignore file (theirs, or one of a parent folder) would each report its error: it is reported
/// once.
#[derive(Default)]
pub(super) struct Overlap {
    /// Files named that a folder given holds (canonical paths).
    named: std::collections::HashSet<PathBuf>,
    /// Whether a folder given lies in another, and the files walked so far if so.
    nested: bool,
    walked: std::collections::HashSet<PathBuf>,
    /// Whether several folders are given, and the walk errors reported so far if so.
    several: bool,
    failed: std::collections::HashSet<(PathBuf, String)>,
}

impl Overlap {
    pub(super) fn of(roots: &[String]) -> Overlap {
        // A folder by its canonical path; a file by its folder's and its name, as the walk
        // lists it (a link named is that link, not its target).
        let canonical: Vec<(PathBuf, bool)> = roots
            .iter()
            .filter(|root| *root != "-")
            .filter_map(|root| {
                let folder = std::fs::canonicalize(root).ok().filter(|c| c.is_dir());
                match folder {
                    Some(c) => Some((c, true)),
                    None => Some((identity(Path::new(root))?, false)),
                }
            })
            .collect();
        let folders: Vec<&PathBuf> = canonical.iter().filter(|c| c.1).map(|c| &c.0).collect();
        let inside = |path: &PathBuf| folders.iter().any(|f| *f != path && path.starts_with(f));
        Overlap {
            named: canonical
                .iter()
                .filter(|(c, is_dir)| !is_dir && inside(c))
                .map(|(c, _)| c.clone())
                .collect(),
            nested: folders.iter().any(|f| inside(f)),
            walked: Default::default(),
            several: folders.len() > 1,
            failed: Default::default(),
        }
    }

    /// Whether a walk's `input` is read here: not a named file, nor one walked before.
    pub(super) fn first_time(&mut self, input: &Input) -> bool {
        if self.named.is_empty() && !self.several {
            return true;
        }
        let path = match input {
            Input::File { path, .. } => path.as_path(),
            Input::Skip(s) => Path::new(&s.path),
            Input::Error(e) => {
                let Some(canonical) = identity(Path::new(&e.path)) else {
                    return true;
                };
                return !self.several || self.failed.insert((canonical, e.message.clone()));
            }
            _ => return true,
        };
        let Some(canonical) = identity(path) else {
            return true;
        };
        !self.named.contains(&canonical) && (!self.nested || self.walked.insert(canonical))
    }
}

/// The paths given, each file or folder once, where first named (`a.txt ./a.txt` is one), and
/// standard input once; and an entry for each file named again by another name (a link to it):
/// skipped, with the name it is read by, so that every path named is in the report.
pub(super) fn distinct(roots: Vec<String>) -> (Vec<String>, Vec<Input>) {
    let mut seen = std::collections::HashMap::new();
    let mut stdin_seen = false;
    let mut again: Vec<Input> = Vec::new();
    let roots = roots
        .into_iter()
        .filter(|root| {
            if root == "-" {
                return !std::mem::replace(&mut stdin_seen, true);
            }
            let Ok(c) = std::fs::canonicalize(root).or_else(|_| std::path::absolute(root)) else {
                return true;
            };
            let name = identity(Path::new(root));
            match seen.get_mut(&c) {
                None => {
                    seen.insert(c, (root.clone(), vec![name]));
                    true
                }
                Some((first, names)) => {
                    if !names.contains(&name) {
                        again.extend(another_name(root, first));
                        names.push(name);
                    }
                    false
                }
            }
        })
        .collect();
    (roots, again)
}

/// The entry of file `root`, named after `first` by another name (a link to it, or its target
/// after a link): skipped, as it is read as `first`. A folder named again is no entry.
fn another_name(root: &str, first: &str) -> Option<Input> {
    let (path, first_path) = (Path::new(root), Path::new(first));
    let is_file = std::fs::metadata(path).is_ok_and(|m| !m.is_dir());
    is_file.then(|| {
        Input::Skip(Skipped {
            path: display(path),
            line: None,
            reason: format!("the same file as {}, which is read", display(first_path)),
        })
    })
}

/// A file's folder's canonical path joined with its name: one path per entry of a folder, so
/// that a link is not its target.
pub(crate) fn identity(path: &Path) -> Option<PathBuf> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(folder).ok()?.join(path.file_name()?))
}
