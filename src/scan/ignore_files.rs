//! Whether an ignore file above a file named on the command line ignores it: `--force-exclude`
//! leaves such a file out as the walk would (ruff's hook leaves out what its walk would skip,
//! and a pre-commit hook names every staged file).

use std::path::Path;

/// The ignore files the walk honours, in the order one folder's files decide: talklint's own
/// first, then ripgrep's `.ignore`, then git's (only inside a git repository).
const IGNORE_FILES: [&str; 3] = [super::walk::IGNORE_FILE, ".ignore", ".gitignore"];

/// Why an ignore file leaves out `file` (absolute and lexically normal): the glob and the file
/// it is written in. The nearest folder's files decide first, as in the walk; a `!` glob that
/// matches keeps the file.
pub(super) fn ignoring(file: &Path) -> Option<String> {
    let in_git = file.ancestors().any(|dir| dir.join(".git").exists());
    for dir in file.ancestors().skip(1) {
        for name in IGNORE_FILES {
            if name == ".gitignore" && !in_git {
                continue;
            }
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            // A bad glob is reported by the walk of its folder; the good ones still apply here.
            let (globs, _) = ignore::gitignore::Gitignore::new(&path);
            match globs.matched_path_or_any_parents(file, false) {
                ignore::Match::Ignore(glob) => {
                    return Some(format!("`{}` in {}", glob.original(), path.display()));
                }
                ignore::Match::Whitelist(_) => return None,
                ignore::Match::None => {}
            }
        }
    }
    None
}
