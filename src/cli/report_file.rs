//! A report file named by `-o` or `--output-*`: written beside its path and renamed over it once
//! the report is whole, so a run that stops early (a bad report given to `merge`, a full disk)
//! leaves last run's report as it was, never half of a new one.

use super::CliError;
use crate::beside::{create_beside, no_room_beside, remove};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Write buffer of a report file: large, so that a 100 MB report takes hundreds of writes, not
/// tens of thousands.
const REPORT_BUFFER: usize = 1 << 20;

/// A report being written; dropped without [`ReportFile::finish`], it leaves nothing behind.
pub(super) struct ReportFile {
    writer: BufWriter<File>,
    /// The file being written and the path it is renamed to (a symbolic link's target, for a
    /// link to a regular file); `None` when it is written at its path (not a regular file
    /// there: `/dev/null`, a FIFO).
    beside: Option<(PathBuf, PathBuf)>,
    /// Whether the path was made, empty, for this report (removed again if the report is not
    /// finished): the run's walk finds it there and skips it as this run's report.
    placeholder: bool,
    /// The file at the path when the report began, as [`same_file`] tells files apart: a copy
    /// over it goes to that file only.
    target: Option<std::fs::Metadata>,
    /// The path as named, which an error writing the report names (a run may write several).
    name: String,
}

impl ReportFile {
    /// Starts the report to be written at `path`.
    pub(super) fn create(path: &Path) -> Result<ReportFile, CliError> {
        let failed = |source| CliError::CreateReport {
            path: path.display().to_string(),
            source,
        };
        // A folder it names that is not there yet is made, as ruff's `--output-file` makes it
        // (its `..` taken already: `output_name::settled`).
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            crate::interrupt::make_folders(folder).map_err(|e| failed(not_a_folder(folder, e)))?;
        }
        // A symbolic link to a regular file keeps pointing at it: the report replaces the file
        // it points to, written beside that file.
        let name = path.display().to_string();
        let linked = linked_file(path);
        let path = linked.as_deref().unwrap_or(path);
        // A new file rather than a truncated one, also for speed: ext4 flushes a file truncated
        // to zero and rewritten when it is closed (its `auto_da_alloc` heuristic).
        let (replaceable, placeholder) = match std::fs::symlink_metadata(path) {
            Ok(meta) => (meta.is_file(), false),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let made = crate::interrupt::make(|| {
                    let file = File::options().write(true).create_new(true).open(path)?;
                    Ok((path.to_path_buf(), file))
                });
                (true, made.is_ok())
            }
            Err(_) => (false, false),
        };
        let target = std::fs::symlink_metadata(path).ok().filter(|m| m.is_file());
        let made = replaceable
            .then(|| create_beside(path, 0o666))
            .and_then(Result::ok);
        // Without a file beside it, the report is written in place: a signal leaves it.
        if placeholder && made.is_none() {
            crate::interrupt::forget(path);
        }
        let (file, beside) = match made {
            Some((temp, file)) => (file, Some((temp, path.to_path_buf()))),
            // Where no file can be made beside it (a read-only folder), the report is
            // written in place, as before.
            None => (File::create(path).map_err(failed)?, None),
        };
        let report = ReportFile {
            writer: BufWriter::with_capacity(REPORT_BUFFER, file),
            beside,
            placeholder,
            target,
            name,
        };
        // Dropped on failure, the report removes what it made.
        if let (Some(old), Some(_)) = (&report.target, &report.beside) {
            keep_access(report.writer.get_ref(), old).map_err(failed)?;
        }
        Ok(report)
    }

    /// `e`, naming the report it happened to; of the same kind, so that a closed pipe is still
    /// one.
    fn named(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.name))
    }

    /// Ends the report: the last bytes written, and the file renamed over its path.
    pub(super) fn finish(mut self) -> Result<(), CliError> {
        let flushed = self.writer.flush().map_err(|e| self.named(e));
        flushed.map_err(CliError::WriteReport)?;
        if let Some((temp, path)) = &self.beside {
            // Where the folder refuses the rename (another user's file in a sticky folder, a
            // file mounted on its own), the report is copied over the file instead. On failure,
            // dropping `self` removes what this report made.
            let moved = crate::interrupt::settle(&[temp, path], || {
                std::fs::rename(temp, path).or_else(|e| match no_room_beside(&e) {
                    // A copy leaves the file written beside.
                    true => copy_into(temp, path, self.target.as_ref()).map(|()| {
                        let _ = std::fs::remove_file(temp);
                    }),
                    false => Err(e),
                })
            });
            moved.map_err(|source| CliError::CreateReport {
                path: path.display().to_string(),
                source,
            })?;
        }
        self.beside = None;
        Ok(())
    }
}

/// The regular file a symbolic link at `path` leads to, if it is one.
fn linked_file(path: &Path) -> Option<PathBuf> {
    let link = std::fs::symlink_metadata(path).ok()?;
    let file = link
        .file_type()
        .is_symlink()
        .then(|| std::fs::canonicalize(path).ok())??;
    std::fs::metadata(&file)
        .is_ok_and(|m| m.is_file())
        .then_some(file)
}

/// `e`, the error making `folder`, saying which of its folders is a file where it is one: that
/// folder was named, and the system says only "File exists".
fn not_a_folder(folder: &Path, e: io::Error) -> io::Error {
    let file = folder
        .ancestors()
        .find(|a| std::fs::metadata(a).is_ok_and(|m| !m.is_dir()));
    match file {
        Some(file) => io::Error::new(
            e.kind(),
            format!("{} is a file, not a folder", file.display()),
        ),
        None => e,
    }
}

/// Gives the report written beside a file the access of that file, which it replaces: its
/// permissions (a report quotes transcripts, and one kept `chmod 600` stays private), and its
/// group where this user may give it (a member's group; another group is left as made).
fn keep_access(file: &File, old: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let group = rustix::fs::Gid::from_raw(old.gid());
        let _ = rustix::fs::fchown(file, None, Some(group));
    }
    Ok(())
}

/// Writes the bytes of `from` over the file at `to`, keeping its permissions and owner (which
/// `fs::copy` would set, and another user may not). Only over the file that was there when the
/// report began (`seen`), and never through a symbolic link: the folder is shared, and its
/// other users may put another file or a link in its place meanwhile.
fn copy_into(from: &Path, to: &Path, seen: Option<&std::fs::Metadata>) -> io::Result<()> {
    let mut options = File::options();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        // Not blocking on a FIFO put in its place: the copy runs holding the list a signal's
        // cleanup needs.
        (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32,
    );
    let mut target = options.open(to)?;
    let now = target.metadata()?;
    if !seen.is_some_and(|seen| same_file(seen, &now)) {
        let why = "another file took the report's place while it was written; it is left as it is";
        return Err(io::Error::other(why));
    }
    target.set_len(0)?;
    io::copy(&mut File::open(from)?, &mut target).map(drop)
}

/// Whether two files' metadata are of one file (device and inode on Unix).
pub(super) fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

impl Write for ReportFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf).map_err(|e| self.named(e))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf).map_err(|e| self.named(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush().map_err(|e| self.named(e))
    }
}

impl Drop for ReportFile {
    fn drop(&mut self) {
        if let Some((temp, path)) = &self.beside {
            let made: &[&Path] = match self.placeholder {
                true => &[temp, path],
                false => &[temp],
            };
            let _ = crate::interrupt::settle(made, || {
                made.iter().map(|p| remove(p)).fold(Ok(()), io::Result::and)
            });
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::copy_into;
    use std::fs;

    #[test]
    fn a_copy_goes_only_to_the_file_first_seen_and_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (report, path) = (dir.path().join("new"), dir.path().join("shared.json"));
        fs::write(&report, "report").unwrap();
        fs::write(&path, "old").unwrap();
        let seen = fs::metadata(&path).unwrap();
        // Another file in its place (made while the first still is, so not on its inode):
        // left as it is.
        let other = dir.path().join("other");
        fs::write(&other, "someone else's").unwrap();
        fs::rename(&other, &path).unwrap();
        assert!(copy_into(&report, &path, Some(&seen)).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's");
        // A link in its place, to a file of theirs: not followed.
        let theirs = dir.path().join("secret");
        fs::write(&theirs, "secret").unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&theirs, &path).unwrap();
        let seen_theirs = fs::metadata(&theirs).unwrap();
        assert!(copy_into(&report, &path, Some(&seen_theirs)).is_err());
        assert_eq!(fs::read_to_string(&theirs).unwrap(), "secret");
        // The same file: written over, shorter than it was.
        fs::remove_file(&path).unwrap();
        fs::write(&path, "a longer old report").unwrap();
        let seen = fs::metadata(&path).unwrap();
        copy_into(&report, &path, Some(&seen)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "report");
    }
}
