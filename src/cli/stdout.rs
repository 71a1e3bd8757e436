//! Where `--diff` writes its patches: standard output, whose every failure is one. Rust's
//! `io::stdout()` takes a write that fails with EBADF as done, so a diff written to a standard
//! output opened for reading (`1</dev/null`) or closed (`>&-`) vanished, and `--diff` exited 1
//! as if it had shown what it would change.

use std::io::{self, Write};

/// Standard output, for diffs: on Unix a duplicate of its descriptor written as a file, so
/// that EBADF is an error as ENOSPC (`/dev/full`) is; elsewhere Rust's standard output.
pub(super) struct DiffOut {
    /// The duplicate, or why there is none.
    #[cfg(unix)]
    out: io::Result<std::fs::File>,
}

#[cfg(unix)]
impl DiffOut {
    pub(super) fn new() -> DiffOut {
        use std::os::fd::AsFd;
        let out = io::stdout().as_fd().try_clone_to_owned();
        DiffOut {
            out: out.map(std::fs::File::from),
        }
    }

    /// Writes `diff` whole.
    pub(super) fn write(&mut self, diff: &str) -> io::Result<()> {
        match &mut self.out {
            Ok(out) => out.write_all(diff.as_bytes()),
            Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
        }
    }
}

#[cfg(not(unix))]
impl DiffOut {
    pub(super) fn new() -> DiffOut {
        DiffOut {}
    }

    /// Writes `diff` whole.
    pub(super) fn write(&mut self, diff: &str) -> io::Result<()> {
        // Not `print!`, which panics on a closed pipe (`talklint --diff | head`).
        let mut out = io::stdout().lock();
        out.write_all(diff.as_bytes()).and_then(|()| out.flush())
    }
}

/// Why a diff could not be written, as an error's message says it: EBADF, which says "Bad file
/// descriptor", in words.
pub(super) fn failure(e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(rustix::io::Errno::BADF.raw_os_error()) {
        return "it is closed, or open for reading only\n  help: send standard output to a file \
                or a pipe: `talklint check --diff … > fixes.patch`"
            .into();
    }
    e.to_string()
}
