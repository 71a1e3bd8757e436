//! Whether an ignore file above a file named on the command line ignores it: `--force-exclude`
//! leaves such a file out as the walk would (ruff's hook leaves out what its walk would skip,
//! and a pre-commit hook names every staged file). The precedence is the walk's (the `ignore`
//! crate's): `.talklintignore` at any level decides before `.ignore`, which decides before git's
//! excludes; among files of one kind the nearest folder's decides.

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::path::{Path, PathBuf};

/// Why an ignore file leaves out `file` (absolute and lexically normal): the glob and the file
/// it is written in; `None` when none does, or a `!` glob keeps it.
pub(super) fn ignoring(file: &Path) -> Option<String> {
    let folders: Vec<&Path> = file.ancestors().skip(1).collect();
    let repo = folders.iter().position(|dir| dir.join(".git").exists());
    // Git's own excludes apply inside a repository, up to its top folder.
    let git = |name: &str| match repo {
        Some(top) => folders[..=top].iter().map(|dir| dir.join(name)).collect(),
        None => Vec::new(),
    };
    let everywhere = |name: &str| folders.iter().map(|dir| dir.join(name)).collect::<Vec<_>>();
    let info_exclude = repo.map(|top| folders[top].join(".git/info/exclude"));
    let kinds: [Vec<PathBuf>; 4] = [
        everywhere(super::walk::IGNORE_FILE),
        everywhere(".ignore"),
        git(".gitignore"),
        info_exclude.into_iter().collect(),
    ];
    for files in &kinds {
        for path in files.iter().filter(|p| p.is_file()) {
            match matcher(path).matched_path_or_any_parents(file, false) {
                Match::Ignore(glob) => {
                    return Some(format!("`{}` in {}", glob.original(), path.display()));
                }
                Match::Whitelist(_) => return None,
                Match::None => {}
            }
        }
    }
    // Git's global excludes, matched below the repository's top folder.
    let global = repo.map(|top| GitignoreBuilder::new(folders[top]).build_global().0)?;
    match global.matched_path_or_any_parents(file, false) {
        Match::Ignore(glob) => Some(format!("`{}` in git's global excludes", glob.original())),
        _ => None,
    }
}

/// The globs of the ignore file at `path`, matching below its folder (`.git/info/exclude`
/// below the repository's). A bad glob is reported by the walk; the good ones apply here.
fn matcher(path: &Path) -> Gitignore {
    let root = match path.parent() {
        Some(info) if path.ends_with(".git/info/exclude") => {
            info.parent().and_then(Path::parent).unwrap_or(info)
        }
        Some(dir) => dir,
        None => Path::new("/"),
    };
    let mut builder = GitignoreBuilder::new(root);
    builder.add(path);
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}
