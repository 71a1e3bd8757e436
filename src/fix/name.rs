//! The name `--diff` gives a file in its `---`/`+++` headers: its path from the root of the git
//! repository that holds it, as `git diff` names files, so that `git apply` (or `patch -p1`) run
//! at that root applies the diff whatever folder talklint ran in and however the file was named.
//! The path as given could not be used: `a/../x.txt` is refused by `git apply` and `patch`, and
//! `a/x.txt` given from a sub-folder names the file from that folder, not from the root.

use std::path::{Component, Path, PathBuf};

/// The path of the file named `given` (relative to `cwd`, or absolute) in a diff, with `/`
/// between its parts and no leading `/`: from the root of the git repository that holds it (the
/// nearest folder above it with a `.git`); in no repository, from `cwd` when it lies below it,
/// else from the file system's root. Folders are resolved (`..`, links), and so is a link to
/// the file: git stores a link as a link, so a diff of what it leads to names that file, as
/// `--fix` writes it. `given` as it is, less a leading `/`, when its folder cannot be resolved.
pub(super) fn in_diff(given: &str, cwd: &Path) -> String {
    let path = cwd.join(given);
    // A name that does not resolve (no such file, a broken link) is kept as it is.
    let path = path.canonicalize().unwrap_or(path);
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return given.trim_start_matches('/').to_string();
    };
    let Ok(folder) = folder.canonicalize() else {
        return given.trim_start_matches('/').to_string();
    };
    let repository = folder.ancestors().find(|dir| dir.join(".git").exists());
    let cwd = cwd.canonicalize().ok();
    let root = repository
        .or_else(|| cwd.as_deref().filter(|cwd| folder.starts_with(cwd)))
        .map_or_else(PathBuf::new, Path::to_path_buf);
    let below = folder.strip_prefix(&root).unwrap_or(&folder).join(name);
    let parts = below.components().filter_map(|c| match c {
        Component::Normal(part) => Some(part.to_string_lossy()),
        _ => None,
    });
    parts.collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_file_is_named_from_its_repository_root_however_it_was_given() {
        let top = tempfile::tempdir().unwrap();
        let top = top.path().canonicalize().unwrap();
        let repo = top.join("repo");
        fs::create_dir_all(repo.join(".git")).unwrap();
        fs::create_dir_all(repo.join("a/b")).unwrap();
        fs::create_dir_all(repo.join("c")).unwrap();
        let here = repo.join("a/b");
        let absolute = repo.join("c/x.txt").display().to_string();
        let cases = [
            ("../../c/x.txt", "c/x.txt"),
            ("./y.txt", "a/b/y.txt"),
            ("../b/../../c/x.txt", "c/x.txt"),
            (absolute.as_str(), "c/x.txt"),
        ];
        for (given, named) in cases {
            assert_eq!(in_diff(given, &here), named, "{given}");
        }
        // A worktree's or a submodule's `.git` is a file.
        fs::create_dir_all(repo.join("c/sub")).unwrap();
        fs::write(repo.join("c/sub/.git"), "gitdir: ../../.git/modules/sub\n").unwrap();
        assert_eq!(in_diff("../../c/sub/z.txt", &here), "z.txt");
    }

    #[test]
    fn outside_a_repository_from_the_current_folder_or_the_root() {
        let top = tempfile::tempdir().unwrap();
        let top = top.path().canonicalize().unwrap();
        fs::create_dir_all(top.join("a/b")).unwrap();
        fs::create_dir_all(top.join("c")).unwrap();
        let here = top.join("a");
        assert_eq!(in_diff("b/x.txt", &here), "b/x.txt");
        let outside = top.join("c/x.txt").display().to_string();
        let from_root = outside.trim_start_matches('/');
        assert_eq!(in_diff("../c/x.txt", &here), from_root);
        // A name with a line break in it is kept whole (the header quotes it).
        assert_eq!(in_diff("b/new\nline.txt", &here), "b/new\nline.txt");
        // A folder that is not there: the name as given.
        assert_eq!(
            in_diff("/no/such/folder/x.txt", &here),
            "no/such/folder/x.txt"
        );
    }
}
