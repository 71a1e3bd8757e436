//! Standard output as a file, whose every failed write is one. Rust's `io::stdout()` takes a
//! write that fails with EBADF as done, so a report, diff or listing written to a standard
//! output opened for reading (`1</dev/null`) or closed (`>&-`) vanished, and the run exited as
//! if it had shown it.

use std::io::{self, Write};

/// Standard output: on Unix a duplicate of its descriptor written as a file, so that EBADF is
/// an error as ENOSPC (`/dev/full`) is; elsewhere Rust's standard output. Unbuffered: wrap it
/// in a `BufWriter` for many small writes.
pub(super) struct Stdout {
    /// The duplicate, made at the first write, or why there is none.
    #[cfg(unix)]
    out: Option<io::Result<std::fs::File>>,
}

impl Stdout {
    pub(super) fn new() -> Stdout {
        Stdout {
            #[cfg(unix)]
            out: None,
        }
    }

    /// Writes `bytes` whole: a closed pipe is a quiet end (`talklint … | head`), any other
    /// failure `as_error`'s.
    pub(super) fn print<E>(bytes: &[u8], as_error: impl FnOnce(io::Error) -> E) -> Result<(), E> {
        match Stdout::new().write_all(bytes) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(as_error(e)),
            _ => Ok(()),
        }
    }
}

#[cfg(unix)]
impl Stdout {
    fn file(&mut self) -> io::Result<&mut std::fs::File> {
        let out = self.out.get_or_insert_with(duplicate);
        out.as_mut().map_err(|e| again(e))
    }
}

/// `e` once more, for each write it fails: its OS code kept for [`failure`] to read.
pub(super) fn again(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

/// Standard output for a report's stream of writes, buffered: the descriptor's duplicate itself
/// where it can be made, so that the buffer passes a vectored write to it whole, as it does to
/// `io::stdout()` (through [`Stdout`], which cannot say it takes them, each would be copied).
pub(super) fn buffered() -> io::BufWriter<Box<dyn Write>> {
    #[cfg(unix)]
    let out: Box<dyn Write> = match duplicate() {
        Ok(file) => Box::new(file),
        // Which fails each write as the duplicate failed.
        Err(_) => Box::new(Stdout::new()),
    };
    #[cfg(not(unix))]
    let out: Box<dyn Write> = Box::new(io::stdout());
    io::BufWriter::with_capacity(1 << 16, out)
}

/// A duplicate of standard output's descriptor, as a file.
#[cfg(unix)]
pub(super) fn duplicate() -> io::Result<std::fs::File> {
    use std::os::fd::AsFd;
    let out = io::stdout().as_fd().try_clone_to_owned();
    out.map(std::fs::File::from)
}

#[cfg(unix)]
impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(not(unix))]
impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        io::stdout().lock().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stdout().lock().flush()
    }
}

/// Ends the process as clap's `e.exit()` does, but when `--help` or `--version` cannot be
/// written to standard output (which clap's own write would take as done, or fail without a
/// word): then it says so, and exits 2, as every other listing does.
pub(super) fn exit_showing(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit()
    }
    // A write of no bytes finds a descriptor open for reading only, which clap's does not.
    #[cfg(unix)]
    let refused = duplicate().and_then(|mut out| out.write(&[])).err();
    #[cfg(not(unix))]
    let refused: Option<io::Error> = None;
    match refused.map_or_else(|| e.print(), Err) {
        Err(failed) if failed.kind() != io::ErrorKind::BrokenPipe => {
            let error = super::CliError::WriteReport(failed);
            super::stderr::line(&format!("error: {error}"));
            std::process::exit(2)
        }
        _ => std::process::exit(0),
    }
}

/// Why standard output could not be written, as an error's message says it: EBADF, which says
/// "Bad file descriptor", in words.
pub(super) fn failure(e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(rustix::io::Errno::BADF.raw_os_error()) {
        return "standard output is closed, or open for reading only\n  help: send standard \
                output to a file or a pipe: `talklint … > out.txt`"
            .into();
    }
    e.to_string()
}
