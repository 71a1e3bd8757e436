//! A path as a run names it to its user: from the current folder, as ruff and cargo name
//! files, with `..` where it lies beside it. A discovered config and the files it names were
//! named whole (`/home/qa/calls/talklint.yaml`) where the rule files given with `-r` were not.

use std::path::{Component, Path, PathBuf};

/// `path` (absolute) as a path from `cwd`, with `..` where it lies beside it (`../talklint.yaml`,
/// as a walk of `..` names the files there); absolute where the two share no folder but the
/// root (`/`, or Windows' `C:\`).
pub(super) fn from(cwd: &Path, path: &Path) -> PathBuf {
    let shared = (cwd.components().zip(path.components()))
        .take_while(|(a, b)| a == b)
        .count();
    let mut folders = cwd.components().take(shared);
    if !folders.any(|c| matches!(c, Component::Normal(_))) {
        return path.to_path_buf();
    }
    let up = cwd.components().skip(shared).map(|_| Component::ParentDir);
    up.chain(path.components().skip(shared)).collect()
}

#[cfg(test)]
mod tests {
    use super::from;
    use std::path::Path;

    #[test]
    fn a_path_is_named_from_the_current_folder_or_whole() {
        let cwd = Path::new("/srv/qa/calls");
        let named = |path: &str| from(cwd, Path::new(path)).display().to_string();
        assert_eq!(named("/srv/qa/calls/talklint.yaml"), "talklint.yaml");
        assert_eq!(named("/srv/qa/talklint.yaml"), "../talklint.yaml");
        assert_eq!(named("/srv/packs/es.yaml"), "../../packs/es.yaml");
        // Sharing only the root, it is named whole.
        assert_eq!(named("/etc/talklint.yaml"), "/etc/talklint.yaml");
    }
}
