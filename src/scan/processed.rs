//! What one input's work gives the writing stage: each output's rendering of its conversations,
//! and what goes into the totals; an input not read gives its skip or its error alone.

use super::fix::Fixed;
use super::read::NotRead;
use crate::report::{FileError, Skipped};

/// One output's rendering of one file's conversations: back to back, `cuts[i]` where
/// conversation `i` ends.
pub(super) struct Rendered {
    pub bytes: Vec<u8>,
    pub cuts: Vec<usize>,
}

/// One input's result: rendered output and what goes into the totals (its conversations went
/// into the [`Summary`] of its part of the chunk as they were checked).
pub(super) struct Processed {
    /// The files it counts for: 1, or 0 for a stream's pieces after its first.
    pub files: usize,
    /// Per output: the rendered conversations back to back, and where each one ends.
    pub rendered: Vec<Rendered>,
    pub skipped: Option<Skipped>,
    pub error: Option<FileError>,
    /// What `--fix` or `--diff` did to the file.
    pub fixed: Option<Fixed>,
    /// The warnings of a file skipped for having no turns (a conversation carries its own into
    /// the reports): said on standard error as they happen, as file errors are.
    pub warnings: Vec<String>,
}

impl From<NotRead> for Processed {
    fn from(not_read: NotRead) -> Self {
        let (skipped, error) = match not_read {
            NotRead::Skipped(s) => (Some(s), None),
            NotRead::Error(e) => (None, Some(e)),
        };
        Processed {
            files: 1,
            rendered: Vec::new(),
            skipped,
            error,
            fixed: None,
            warnings: Vec::new(),
        }
    }
}
