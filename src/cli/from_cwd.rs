//! A path as a run names it to its user: from the current folder, as ruff and cargo name
//! files, with `..` where it lies beside it. A discovered config and the files it names were
//! named whole (`/home/qa/calls/talklint.yaml`) where the rule files given with `-r` were not.

use std::path::{Component, Path, PathBuf};

/// `path` (absolute) as a path from `cwd`, with `..` where it lies beside it (`../talklint.yaml`,
/// as a walk of `..` names the files there); absolute where the two share no folder but `/`.
pub(super) fn from(cwd: &Path, path: &Path) -> PathBuf {
    let shared = (cwd.components().zip(path.components()))
        .take_while(|(a, b)| a == b)
        .count();
    if shared <= 1 {
        return path.to_path_buf();
    }
    let up = cwd.components().skip(shared).map(|_| Component::ParentDir);
    up.chain(path.components().skip(shared)).collect()
}
