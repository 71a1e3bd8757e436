//! A run stopped by a signal (Ctrl-C, `kill`, a closed terminal) leaves no file it was making:
//! the files written beside others to be renamed over them (a report's, a fixed transcript's)
//! and the empty placeholder a new report's path holds are listed here while they exist, and
//! one thread, waiting for SIGINT, SIGTERM and SIGHUP, removes them before the signal ends the
//! process as it would have (a shell still reads 130 after Ctrl-C).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The files this run made that are not finished: removed on a signal.
static MADE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn made() -> MutexGuard<'static, Vec<PathBuf>> {
    // A thread that panicked holding the list left it whole: it is only pushed to and retained.
    MADE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Lists `path`, a file just made, for removal if the run is stopped.
pub(crate) fn listen_for(path: &Path) {
    made().push(path.to_path_buf());
}

/// Takes `path` off the list: a signal leaves it.
pub(crate) fn keep(path: &Path) {
    made().retain(|p| p != path);
}

/// Runs `settle` (a rename that finishes a file, a removal) with the list held, then takes
/// `paths` off it if it succeeded: a signal removes them before `settle` runs, or leaves them
/// after.
pub(crate) fn settle<T, E>(paths: &[&Path], settle: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    let mut made = made();
    let settled = settle();
    if settled.is_ok() {
        made.retain(|p| !paths.contains(&p.as_path()));
    }
    settled
}

/// Starts the thread that cleans up after a signal. Called once, before any other thread
/// starts: threads inherit the signals blocked here, so only that thread receives them. A
/// signal ignored when the run began (a background job's SIGINT, `nohup`'s SIGHUP) stays
/// ignored.
#[cfg(unix)]
pub(crate) fn watch() {
    // SAFETY: the sigset and sigaction values are plain data, zeroed then set by libc; each call
    // gets pointers to values that outlive it.
    let signals = unsafe {
        let mut signals: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut signals);
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            let mut was: libc::sigaction = std::mem::zeroed();
            let read = libc::sigaction(signal, std::ptr::null(), &mut was) == 0;
            if read && was.sa_sigaction != libc::SIG_IGN {
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
}

#[cfg(not(unix))]
pub(crate) fn watch() {}

/// Waits for one of `signals`, removes the files made, and ends the process by that signal.
#[cfg(unix)]
fn wait_and_clean(signals: libc::sigset_t) {
    let mut signal = 0;
    // SAFETY: `signals` and `signal` outlive the calls.
    if unsafe { libc::sigwait(&signals, &mut signal) } != 0 {
        // It cannot wait (a set libc refuses): the signals end the run here, as before.
        unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &signals, std::ptr::null_mut()) };
        loop {
            std::thread::park();
        }
    }
    let made = made();
    for path in made.iter() {
        let _ = std::fs::remove_file(path);
    }
    // The list stays held: no report is renamed into place while the process ends.
    // SAFETY: the signal's default action is restored and it is unblocked in this thread only,
    // then raised here: it ends the process as it would have without this thread.
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
