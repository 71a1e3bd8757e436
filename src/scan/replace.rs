//! Writing a fixed file back (`--fix`) so that a failed write loses nothing: the new text goes
//! into a file beside it and is renamed over it; where that cannot be done (a read-only or
//! sticky folder, a file with hard links, whose other names would keep the old text), the file
//! is written in place and, if that write fails, its old bytes are written back.

use crate::beside::{create_beside, discard, no_room_beside, rename_over};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

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
    // A FIFO or device would block or be replaced by a file.
    if !fs::metadata(&target).map_err(unchanged)?.is_file() {
        return Err("it is not a regular file; it is unchanged".into());
    }
    // Writable as it is: a rename would replace a read-only file too.
    let original = OpenOptions::new()
        .write(true)
        .open(&target)
        .map_err(unchanged)?;
    // Another program's edit since the file was read is not overwritten.
    if fs::read(&target).map_err(unchanged)? != old {
        return Err("it changed while it was checked, and is left as it is: run again".into());
    }
    let meta = original.metadata().map_err(unchanged)?;
    if links(&meta) > 1 {
        return in_place(&target, old, new);
    }
    // Only its owner may read it until it gets the target's permissions.
    let (temp, mut file) = match create_beside(&target, 0o600) {
        Ok(made) => made,
        Err(e) if no_room_beside(&e) => return in_place(&target, old, new),
        Err(e) => return Err(unchanged(e)),
    };
    let written = (|| {
        file.write_all(new)?;
        keep_owner(&file, &meta);
        file.set_permissions(meta.permissions())?;
        file.sync_all()?;
        rename_over(&temp, &target)
    })();
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            discard(&temp);
            // Renaming over another user's file in a sticky folder, or over a file mounted on
            // its own (a container's `-v file:file`), is refused.
            if no_room_beside(&e) {
                return in_place(&target, old, new);
            }
            Err(unchanged(e))
        }
    }
}

/// Writes `new` over the file; if that fails, writes `old` back. A signal waits for each write
/// to end (both hold the list [`crate::interrupt`] cleans up by), so Ctrl-C never leaves the
/// file cut short, and no write starts once one has come.
fn in_place(target: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
    let write = |bytes: &[u8]| crate::interrupt::settle(&[], || fs::write(target, bytes));
    let Err(e) = write(new) else {
        return Ok(());
    };
    match write(old) {
        Ok(()) => Err(format!(
            "{e}; the file is unchanged (its old text was written back)"
        )),
        Err(again) => Err(format!(
            "{e}, and writing its old text back failed too ({again}): the file may be cut short"
        )),
    }
}

/// The number of names the file has.
fn links(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    return std::os::unix::fs::MetadataExt::nlink(meta);
    #[cfg(not(unix))]
    return 1;
}

/// Gives `file` the owner and group of the file it replaces, as far as this user may: root sets
/// both; another user owns it, and keeps the group when it is one of theirs.
fn keep_owner(file: &File, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = fchown(file, None, Some(meta.gid()));
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "edited meanwhile").unwrap();
        let err = replace(&path, b"as read", b"fixed").unwrap_err();
        assert!(err.contains("changed while it was checked"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }

    #[test]
    fn a_fifo_is_no_file_to_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|s| s.success()) {
            return eprintln!("skipped: mkfifo cannot run");
        }
        let err = replace(&path, b"", b"new").unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
    }
}
