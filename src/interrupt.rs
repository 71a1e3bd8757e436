//! A run stopped by a signal (Ctrl-C, `kill`, a closed terminal) leaves no file it was making:
//! the files written beside others to be renamed over them (a report's, a fixed transcript's),
//! the empty placeholder a new report's path holds and the folders made for it are listed here
//! while they exist, and
//! one thread, waiting for SIGINT, SIGTERM and SIGHUP, removes them before the signal ends the
//! process as it would have (a shell still reads 130 after Ctrl-C). Once a signal has come, no
//! file is made or renamed into place: a report of input cut short by the same Ctrl-C never
//! replaces last run's.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// A file or folder this run made and has not finished.
struct Unfinished {
    path: PathBuf,
    /// The file it is ([`identity`]).
    made: Option<(u64, u64)>,
    /// A folder, removed only once empty.
    folder: bool,
}

/// The files this run made that are not finished: removed on a signal, if still the file made
/// (another run may have put its own report at a placeholder's path meanwhile).
static UNFINISHED: Mutex<Vec<Unfinished>> = Mutex::new(Vec::new());

/// Set as soon as a signal is received: the run is ending.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// The list, held; waits forever instead once a signal has come, as the process is ending.
fn unfinished() -> MutexGuard<'static, Vec<Unfinished>> {
    // A thread that panicked holding the list left it whole: it is only pushed to and retained.
    let list = UNFINISHED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if STOPPING.load(Ordering::SeqCst) || signal_pending() {
        drop(list);
        loop {
            std::thread::park();
        }
    }
    list
}

/// Makes a file with `make`, which gives its path with what it made, and lists the path, in
/// one step: a signal finds the file listed, or not made.
pub(crate) fn make<T>(make: impl FnOnce() -> io::Result<(PathBuf, T)>) -> io::Result<(PathBuf, T)> {
    let mut list = unfinished();
    let made = make()?;
    list.push(Unfinished {
        made: identity(&made.0),
        path: made.0.clone(),
        folder: false,
    });
    Ok(made)
}

/// Makes `folder` and the folders above it that are missing, and lists those made, in one
/// step: a signal removes them again once the files made in them are removed, if empty.
pub(crate) fn make_folders(folder: &Path) -> io::Result<()> {
    let mut list = unfinished();
    let missing: Vec<&Path> = folder.ancestors().take_while(|f| !f.exists()).collect();
    std::fs::create_dir_all(folder)?;
    for f in missing.into_iter().rev() {
        list.push(Unfinished {
            made: identity(f),
            path: f.to_path_buf(),
            folder: true,
        });
    }
    Ok(())
}

/// The device and inode of the file at `path`, not following a link.
fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(path).ok()?;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Takes `path` off the list: a signal leaves it.
pub(crate) fn forget(path: &Path) {
    unfinished().retain(|u| u.path != path);
}

/// Runs `settle` (a rename that finishes a file, a removal) with the list held, then takes
/// `paths` off it if it succeeded: a signal removes them before `settle` runs, or leaves them
/// after.
pub(crate) fn settle<T, E>(paths: &[&Path], settle: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    let mut list = unfinished();
    let settled = settle();
    if settled.is_ok() {
        list.retain(|u| !paths.contains(&u.path.as_path()));
    }
    settled
}

/// The signals a run cleans up after.
#[cfg(unix)]
const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// Starts the thread that cleans up after a signal, once however often it is called. Call it
/// before any other thread starts: threads inherit the signals blocked here, so that only that
/// thread receives them. A signal ignored or blocked when the run began (a background job's
/// SIGINT, `nohup`'s SIGHUP) stays so.
#[cfg(unix)]
pub(crate) fn watch() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // SAFETY: the sigset and sigaction values are plain data, zeroed then set by libc; each
        // call gets pointers to values that outlive it.
        let signals = unsafe {
            let mut blocked: libc::sigset_t = std::mem::zeroed();
            libc::pthread_sigmask(libc::SIG_BLOCK, std::ptr::null(), &mut blocked);
            let mut signals: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut signals);
            for signal in SIGNALS {
                let mut was: libc::sigaction = std::mem::zeroed();
                let read = libc::sigaction(signal, std::ptr::null(), &mut was) == 0;
                if read
                    && was.sa_sigaction != libc::SIG_IGN
                    && libc::sigismember(&blocked, signal) == 0
                {
                    libc::sigaddset(&mut signals, signal);
                }
            }
            if libc::pthread_sigmask(libc::SIG_BLOCK, &signals, std::ptr::null_mut()) != 0 {
                return;
            }
            signals
        };
        let waiting = std::thread::Builder::new()
            .name("signals".into())
            .stack_size(64 << 10)
            .spawn(move || wait_and_clean(signals));
        if waiting.is_err() {
            // No thread to receive them: the signals end the run as before.
            // SAFETY: as above.
            unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &signals, std::ptr::null_mut()) };
        }
    });
}

#[cfg(not(unix))]
pub(crate) fn watch() {}

/// Whether one of the watched signals has come and waits for the signal thread.
#[cfg(unix)]
fn signal_pending() -> bool {
    // SAFETY: `pending` is plain data that outlives the calls.
    unsafe {
        let mut pending: libc::sigset_t = std::mem::zeroed();
        libc::sigpending(&mut pending) == 0
            && SIGNALS.iter().any(|&s| libc::sigismember(&pending, s) == 1)
    }
}

#[cfg(not(unix))]
fn signal_pending() -> bool {
    false
}

/// Waits for one of `signals`, removes the unfinished files, and ends the process by that
/// signal.
#[cfg(unix)]
fn wait_and_clean(signals: libc::sigset_t) {
    let mut signal = 0;
    // SAFETY: `signals` and `signal` outlive each call. Some systems' `sigwait` returns 0 for
    // an interruption without setting `signal`: only a signal of the set ends the wait.
    while unsafe {
        libc::sigwait(&signals, &mut signal) != 0 || libc::sigismember(&signals, signal) != 1
    } {}
    STOPPING.store(true, Ordering::SeqCst);
    // Taken directly, not through `unfinished()`, which waits forever once stopping.
    let list = UNFINISHED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Latest first: the files made in a folder go before it.
    for u in list.iter().rev().filter(|u| identity(&u.path) == u.made) {
        let _ = match u.folder {
            true => std::fs::remove_dir(&u.path),
            false => std::fs::remove_file(&u.path),
        };
    }
    // The list stays held: no report is renamed into place while the process ends.
    // SAFETY: the signal's default action is restored and it is unblocked in this thread only,
    // then raised here: it ends the process as it would have without this thread; the sigset is
    // plain data that outlives the calls.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        let mut one: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut one);
        libc::sigaddset(&mut one, signal);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &one, std::ptr::null_mut());
        libc::raise(signal);
    }
    std::process::exit(128 + signal);
}
