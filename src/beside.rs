//! A new file beside another, to be renamed over it once it is whole: how `--fix` rewrites a
//! transcript and how a report file replaces last run's, with no moment when either is cut short.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number in the next new file's name.
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A new file beside `target`, made with `mode` (less the umask). Its name is short (a long
/// file name stays within the limit), hidden (a walk skips it), and new: a name a killed run
/// left behind is passed over.
pub(crate) fn create_beside(target: &Path, mode: u32) -> io::Result<(PathBuf, File)> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let temp = target.with_file_name(format!(".talklint-{}-{n}.tmp", std::process::id()));
        match options.open(&temp) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            opened => return opened.map(|file| (temp, file)),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_name_a_killed_run_left_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let next = NEXT.load(Ordering::Relaxed);
        for n in next..next + 3 {
            let leftover = format!(".talklint-{}-{n}.tmp", std::process::id());
            std::fs::write(dir.path().join(leftover), "left").unwrap();
        }
        let (temp, _) = create_beside(&path, 0o600).unwrap();
        assert_eq!(std::fs::read(&temp).unwrap(), b"");
        assert_eq!(temp.parent(), Some(dir.path()));
    }
}
