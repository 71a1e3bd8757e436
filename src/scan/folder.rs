//! Files opened relative to their folder: the walk opens each folder once, and a file in it is
//! opened by its name alone, so the kernel looks up one name instead of every folder of its path
//! (on a scan of 200,000 small files, path lookup was about a third of `open`'s time).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

#[cfg(unix)]
type Handle = std::sync::Arc<std::os::fd::OwnedFd>;
#[cfg(not(unix))]
type Handle = ();

/// An open folder that walked files are opened from.
#[derive(Debug, Clone)]
pub(super) struct Folder(Handle);

impl Folder {
    /// `path` opened as a folder; `None` when it cannot be (its files are then opened by path).
    #[cfg(unix)]
    fn open(path: &Path) -> Option<Folder> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(path, flags, Mode::empty()).ok()?;
        Some(Folder(std::sync::Arc::new(fd)))
    }

    #[cfg(not(unix))]
    fn open(_: &Path) -> Option<Folder> {
        None
    }
}

/// Opens the file at `path` for reading: by its name in `folder` (its folder) when given, else
/// by its path. Errors are the ones opening by path gives.
///
/// A file found in a folder is the regular file the walk saw, unless it was swapped since: it
/// is opened without following a link (an error) or waiting for a named pipe's writer (read as
/// empty), so a swap never makes the scan read elsewhere or hang.
pub(super) fn open(path: &Path, folder: Option<&Folder>) -> io::Result<File> {
    #[cfg(unix)]
    if let (Some(Folder(dir)), Some(name)) = (folder, crate::file_name::name(path)) {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW | OFlags::NONBLOCK;
        return Ok(File::from(rustix::fs::openat(
            &**dir,
            name,
            flags,
            Mode::empty(),
        )?));
    }
    #[cfg(not(unix))]
    let _ = folder;
    File::open(path)
}

/// The size of the regular file at `path`, asked of it by its name in `folder` when given,
/// without following a link (one system call, and no file opened); none for anything else.
pub(super) fn regular_size(path: &Path, folder: Option<&Folder>) -> Option<u64> {
    #[cfg(unix)]
    if let (Some(Folder(dir)), Some(name)) = (folder, crate::file_name::name(path)) {
        use rustix::fs::{AtFlags, FileType, statat};
        let stat = statat(&**dir, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
        let regular = FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile;
        return regular.then(|| u64::try_from(stat.st_size).ok()).flatten();
    }
    #[cfg(not(unix))]
    let _ = folder;
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then_some(meta.len())
}

/// The folders a walk is in, by depth, each opened when the first of its files is.
#[derive(Debug, Default)]
pub(super) struct Folders {
    /// The folder entered at each depth, and once asked for, what opening it gave.
    entered: Vec<(PathBuf, Option<Option<Folder>>)>,
}

impl Folders {
    /// The walk entered the folder `path` at `depth`: it has left those deeper than that.
    pub(super) fn enter(&mut self, depth: usize, path: &Path) {
        self.entered.truncate(depth);
        self.entered.push((path.to_path_buf(), None));
    }

    /// The folder of a file the walk found at `depth`.
    pub(super) fn of(&mut self, depth: usize) -> Option<Folder> {
        let (path, folder) = self.entered.get_mut(depth.checked_sub(1)?)?;
        folder.get_or_insert_with(|| Folder::open(path)).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_opens_by_name_in_its_folder_with_the_errors_of_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("calls");
        std::fs::create_dir(&nested).unwrap();
        std::fs::write(nested.join("a.txt"), "Agent: hi").unwrap();
        let mut folders = Folders::default();
        folders.enter(0, dir.path());
        folders.enter(1, &nested);
        let folder = folders.of(2);
        assert_eq!(folder.is_some(), cfg!(unix));
        let read = |name: &str| {
            let mut text = String::new();
            io::Read::read_to_string(&mut open(&nested.join(name), folder.as_ref())?, &mut text)?;
            Ok::<_, io::Error>(text)
        };
        assert_eq!(read("a.txt").unwrap(), "Agent: hi");
        let size = |name: &str| regular_size(&nested.join(name), folder.as_ref());
        assert_eq!((size("a.txt"), size("missing.txt")), (Some(9), None));
        let by_path = File::open(nested.join("missing.txt")).unwrap_err();
        assert_eq!(
            read("missing.txt").unwrap_err().to_string(),
            by_path.to_string()
        );
        // A file swapped for a link or a named pipe after the walk saw it: not followed, and
        // read without waiting for a writer.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(nested.join("a.txt"), nested.join("link.txt")).unwrap();
            assert!(read("link.txt").is_err());
            let fifo = nested.join("pipe.txt");
            rustix::fs::mknodat(
                rustix::fs::CWD,
                &fifo,
                rustix::fs::FileType::Fifo,
                rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
                0,
            )
            .unwrap();
            assert_eq!(read("pipe.txt").unwrap(), "");
            assert_eq!((size("link.txt"), size("pipe.txt")), (None, None));
        }
        // Back up a level: a file at depth 1 is in the first folder.
        folders.enter(1, &dir.path().join("other"));
        assert_eq!(folders.of(1).is_some(), cfg!(unix));
        assert!(folders.of(0).is_none());
    }
}
