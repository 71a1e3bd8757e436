//! A new file beside another, to be renamed over it once it is whole: how `--fix` rewrites a
//! transcript and how a report file replaces last run's, with no moment when either is cut short.
//! Until it is renamed or removed, a run stopped by a signal removes it ([`crate::interrupt`]).

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number in the next new file's name.
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A new file beside `target`, made with `mode` (less the umask). Its name is short (a long
/// file name stays within the limit), hidden (a walk skips it), and new: a name a killed run
/// left behind is passed over. End it with [`rename_over`] or [`discard`], or with a rename of
/// its own inside [`crate::interrupt::settle`].
pub(crate) fn create_beside(target: &Path, mode: u32) -> io::Result<(PathBuf, File)> {
    crate::interrupt::make(|| create_numbered(target, mode, &NEXT))
}

/// Renames `temp`, made by [`create_beside`], over `target`.
pub(crate) fn rename_over(temp: &Path, target: &Path) -> io::Result<()> {
    crate::interrupt::settle(&[temp], || std::fs::rename(temp, target))
}

/// Removes `temp`, made by [`create_beside`] and not renamed.
pub(crate) fn discard(temp: &Path) {
    let _ = crate::interrupt::settle(&[temp], || remove(temp));
}

/// Removes the file at `path`: done when it is gone, whoever removed it.
pub(crate) fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// [`create_beside`], its names numbered by `next`.
fn create_numbered(target: &Path, mode: u32, next: &AtomicUsize) -> io::Result<(PathBuf, File)> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    loop {
        let n = next.fetch_add(1, Ordering::Relaxed);
        let temp = target.with_file_name(format!(".talklint-{}-{n}.tmp", std::process::id()));
        match options.open(&temp) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            opened => return opened.map(|file| (temp, file)),
        }
    }
}

/// Whether a failure to make or rename a file beside the target means writing in place instead:
/// the folder refuses new files or renames there, not the disk.
pub(crate) fn no_room_beside(e: &io::Error) -> bool {
    use io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem, ResourceBusy};
    matches!(
        e.kind(),
        PermissionDenied | ReadOnlyFilesystem | ResourceBusy
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_name_a_killed_run_left_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        for n in 0..3 {
            let leftover = format!(".talklint-{}-{n}.tmp", std::process::id());
            std::fs::write(dir.path().join(leftover), "left").unwrap();
        }
        let next = AtomicUsize::new(0);
        let (temp, _) = create_numbered(&path, 0o600, &next).unwrap();
        let name = format!(".talklint-{}-3.tmp", std::process::id());
        assert_eq!(temp, dir.path().join(name));
        assert_eq!(std::fs::read(&temp).unwrap(), b"");
    }
}
