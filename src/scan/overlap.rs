//! Paths given that overlap (a file named twice or by a link, a file named beside a folder that
//! holds it, a folder inside another folder given): the walk reads each file once, where it is
//! first named or found.

use super::shown_path::shown;
use super::walk::{Input, is_stdin};
use crate::file_node::{Node, node};
use crate::report::Skipped;
use std::path::{Path, PathBuf};

/// Paths given that overlap: files named beside a folder that holds them, folders inside other
/// folders given. The walk then leaves out a named file (it is read where it is named) and a file
/// an earlier folder's walk found, so that every file is read once. Folders given that share an
/// ignore file (theirs, or one of a parent folder) would each report its error: it is reported
/// once.
#[derive(Default)]
pub(super) struct Overlap {
    /// Files named that a folder given holds (canonical paths), and those named again by
    /// another name (listed as skipped, so not again as the walk finds them).
    named: std::collections::HashSet<PathBuf>,
    /// The files those names lead to (a link's target), by device and inode, with the name
    /// each is read by: the walk lists such a file under its own name as skipped.
    named_nodes: std::collections::HashMap<Node, String>,
    /// Whether a folder given lies in another, and the files walked so far if so.
    nested: bool,
    walked: std::collections::HashSet<PathBuf>,
    /// Whether several folders are given, and the walk errors reported so far if so.
    several: bool,
    failed: std::collections::HashSet<(PathBuf, String)>,
}

impl Overlap {
    /// The overlap of the distinct `roots`, and of the files named `again` by another name;
    /// `read` says whether a file named is read (not left out by `--force-exclude`).
    pub(super) fn of(roots: &[PathBuf], again: &[Input], read: impl Fn(&Path) -> bool) -> Overlap {
        // A folder by its canonical path; a file by its folder's and its name, as the walk
        // lists it (a link named is that link, not its target).
        let canonical: Vec<(&PathBuf, PathBuf, bool)> = roots
            .iter()
            .filter(|root| !is_stdin(root))
            .filter_map(|root| {
                let folder = std::fs::canonicalize(root).ok().filter(|c| c.is_dir());
                match folder {
                    Some(c) => Some((root, c, true)),
                    None => Some((root, identity(root)?, false)),
                }
            })
            .collect();
        let folders: Vec<&PathBuf> = (canonical.iter()).filter(|c| c.2).map(|c| &c.1).collect();
        let inside = |path: &PathBuf| folders.iter().any(|f| *f != path && path.starts_with(f));
        let named_files = || (canonical.iter()).filter(|(_, c, is_dir)| !is_dir && inside(c));
        let again = again.iter().filter_map(|input| match input {
            Input::Skip(s) => identity(Path::new(&s.path)).filter(inside),
            _ => None,
        });
        Overlap {
            named: named_files()
                .map(|(_, c, _)| c.clone())
                .chain(again)
                .collect(),
            // Every file named and read, inside a folder given or not (a link outside it to a
            // file in it), where a folder is walked.
            named_nodes: (canonical.iter())
                .filter(|(root, _, is_dir)| !is_dir && !folders.is_empty() && read(root))
                .filter_map(|(root, ..)| Some((node(root)?, shown(root))))
                .collect(),
            nested: folders.iter().any(|f| inside(f)),
            walked: Default::default(),
            several: folders.len() > 1,
            failed: Default::default(),
        }
    }

    /// What of a walk's `input` is read or listed here: not a named file, nor one walked
    /// before; a file a name given leads to (a link's target), under its own name, is listed as
    /// skipped, as it is read by that name.
    pub(super) fn first_time(&mut self, input: Input) -> Option<Input> {
        if self.named.is_empty() && self.named_nodes.is_empty() && !self.several {
            return Some(input);
        }
        let path = match &input {
            Input::File { path, .. } => path.as_path(),
            Input::Skip(s) => Path::new(&s.path),
            Input::Error(e) => {
                let Some(canonical) = identity(Path::new(&e.path)) else {
                    return Some(input);
                };
                let first = !self.several || self.failed.insert((canonical, e.message.clone()));
                return first.then_some(input);
            }
            _ => return Some(input),
        };
        let Some(canonical) = identity(path) else {
            return Some(input);
        };
        if self.named.contains(&canonical) || (self.nested && !self.walked.insert(canonical)) {
            return None;
        }
        let read_by = match &input {
            Input::File { path, .. } if !self.named_nodes.is_empty() => {
                node(path).and_then(|n| self.named_nodes.get(&n))
            }
            _ => None,
        };
        match read_by {
            Some(name) => Some(read_as(path, name)),
            None => Some(input),
        }
    }
}

/// The paths given, each file or folder once, where first named (`a.txt ./a.txt` is one), and
/// standard input once; and an entry for each file named again by another name (a link to it):
/// skipped, with the name it is read by, so that every path named is in the report.
pub(super) fn distinct(roots: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<Input>) {
    let mut seen = std::collections::HashMap::new();
    let mut stdin_seen = false;
    let mut again: Vec<Input> = Vec::new();
    let roots = roots
        .into_iter()
        .filter(|root| {
            if is_stdin(root) {
                return !std::mem::replace(&mut stdin_seen, true);
            }
            let Some(c) = same(root) else {
                return true;
            };
            let name = identity(root);
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

/// What two names of one file or folder share: its device and inode (a link and its target, two
/// hard links), else its canonical path, or the path made absolute where there is none (two
/// namings of a path that does not exist are one error).
#[derive(PartialEq, Eq, Hash)]
enum Same {
    Node(Node),
    Path(PathBuf),
}

fn same(root: &Path) -> Option<Same> {
    if let Some(n) = node(root) {
        return Some(Same::Node(n));
    }
    let path = std::fs::canonicalize(root).or_else(|_| std::path::absolute(root));
    path.ok().map(Same::Path)
}

/// The entry of file `root`, named after `first` by another name (a link to it, or its target
/// after a link, or a hard link): skipped, as it is read as `first`. A folder named again is
/// no entry.
fn another_name(root: &Path, first: &Path) -> Option<Input> {
    let is_file = std::fs::metadata(root).is_ok_and(|m| !m.is_dir());
    is_file.then(|| read_as(root, &shown(first)))
}

/// The entry of the file at `path`, read by the name `name`: skipped, saying so.
fn read_as(path: &Path, name: &str) -> Input {
    Input::Skip(Skipped {
        path: shown(path),
        line: None,
        reason: format!("the same file as {name}, which is read"),
    })
}

/// A file's folder's canonical path joined with its name: one path per entry of a folder, so
/// that a link is not its target.
pub(crate) fn identity(path: &Path) -> Option<PathBuf> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name()?;
    match std::fs::canonicalize(folder) {
        Ok(folder) => Some(folder.join(name)),
        // A folder not made yet (`-o out/new/r.json` makes it): the one above it, and the rest.
        Err(_) => Some(identity(folder)?.join(name)),
    }
}
