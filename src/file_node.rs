//! Which names are one file: its device and inode, read through links, so that a link and its
//! target, two hard links, or one pipe named twice are told to be the same (`check` reads such a
//! file once, `merge` reads a pipe once).

/// A file's device and inode.
pub(crate) type Node = (u64, u64);

/// The device and inode of the file `path` names, through links; `None` where it cannot be
/// read, and on systems without inodes.
#[cfg(unix)]
pub(crate) fn node(path: &std::path::Path) -> Option<Node> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub(crate) fn node(_: &std::path::Path) -> Option<Node> {
    None
}

/// The device and inode of the pipe (a FIFO, `<(…)`) `path` names; `None` for any other file.
#[cfg(unix)]
pub(crate) fn pipe(path: &std::path::Path) -> Option<Node> {
    use std::os::unix::fs::FileTypeExt;
    let is_fifo = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo());
    is_fifo.then(|| node(path)).flatten()
}

#[cfg(not(unix))]
pub(crate) fn pipe(_: &std::path::Path) -> Option<Node> {
    None
}
