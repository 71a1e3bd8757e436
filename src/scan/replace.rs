//! Writing a fixed file back (`--fix`) so that a failed write loses nothing: the new text goes
//! into a file beside it and is renamed over it; where that cannot be done (a read-only or
//! sticky folder, a file with hard links, whose other names would keep the old text), the file
//! is written in place and, if that write fails, its old bytes are written back.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Replaces the file at `path` (a symbolic link's target), whose bytes were `old`, with `new`;
/// on failure, says why and whether the file is unchanged.
pub(super) fn replace(path: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
    let unchanged = |e: io::Error| {
        format!(
            "{e}; the file is unchanged (check that it and its folder are writable, and that \
             the disk has room)"
        )
    };
    let target = fs::canonicalize(path).map_err(unchanged)?;
    // Writable as it is: a rename would replace a read-only file too.
    let original = OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(unchanged)?;
    let meta = original.metadata().map_err(unchanged)?;
    if links(&meta) > 1 {
        return in_place(&target, old, new);
    }
    let temp = target.with_file_name(temp_name());
    let mut file = match create_private(&temp) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return in_place(&target, old, new);
        }
        Err(e) => return Err(unchanged(e)),
    };
    let written = (|| {
        file.write_all(new)?;
        keep_owner(&file, &meta);
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        fs::rename(&temp, &target)
    })();
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            // Renaming over another user's file in a sticky folder is refused.
            if e.kind() == io::ErrorKind::PermissionDenied {
                return in_place(&target, old, new);
            }
            Err(unchanged(e))
        }
    }
}

/// Writes `new` over the file; if that fails, writes `old` back.
fn in_place(target: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
    let Err(e) = fs::write(target, new) else {
        return Ok(());
    };
    match fs::write(target, old) {
        Ok(()) => Err(format!(
            "{e}; the file is unchanged (its old text was written back)"
        )),
        Err(again) => Err(format!(
            "{e}, and writing its old text back failed too ({again}): the file may be cut short"
        )),
    }
}

/// A name for a new file beside the target: short (a long file name stays within the limit),
/// hidden (a walk skips it), and this run's own.
fn temp_name() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(".talklint-{}-{n}.tmp", std::process::id())
}

/// A new file only its owner may read until it gets the target's permissions.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The number of names the file has.
fn links(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    return std::os::unix::fs::MetadataExt::nlink(meta);
    #[cfg(not(unix))]
    return 1;
}

/// Gives `file` the owner and group of the file it replaces, as far as this user may: root sets
/// both; another user keeps the group when it is one of theirs.
fn keep_owner(file: &File, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = fchown(file, None, Some(meta.gid()));
        }
    }
}
