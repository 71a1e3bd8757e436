//! The progress line of a long scan on a terminal: drawn on standard error once the scan is
//! large, and hidden while a chunk's report lines and messages are written, so that none is
//! left among them where standard output is the same terminal.

use indicatif::{ProgressBar, ProgressStyle};

/// A scan draws its progress line once it has checked this many files.
const PROGRESS_AFTER: usize = 2048;

pub(super) struct Progress {
    /// Whether the line may be drawn (`ScanOptions::progress`).
    wanted: bool,
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(wanted: bool) -> Progress {
        Progress { wanted, bar: None }
    }

    /// Shows that `checked` files are checked, drawing the line once they are many.
    pub fn checked(&mut self, checked: usize) {
        if self.wanted && self.bar.is_none() && checked >= PROGRESS_AFTER {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {human_pos} files checked ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(checked as u64);
        }
    }

    /// Runs `write` with the line hidden, and draws it again after.
    pub fn hidden<R>(&self, write: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
