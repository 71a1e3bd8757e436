//! One file's bytes checked as a scan checks them (binary test, decoding, parsing, suppression,
//! fixes, the engine, every report's rendering) without walking the disk or writing: the way the
//! fuzz targets ([`crate::fuzzing`]) reach the scan.

use super::file::check;
use super::read::Reading;
use super::{Context, ScanOptions};
use crate::engine::{Engine, Scratch};
use crate::report::{Printer, Summary};
use crate::rules::RuleSet;
use std::path::Path;

/// Checks `bytes` as the file `path` (whose extension picks the format unless
/// `opts.input_format` names one) and renders it with every printer; gives the file's totals.
pub(crate) fn check_bytes(
    bytes: &[u8],
    path: &Path,
    opts: &ScanOptions,
    engine: &Engine,
    rules: &RuleSet,
    printers: &[&dyn Printer],
) -> Summary {
    let renders: Vec<usize> = (0..printers.len()).collect();
    let ctx = Context::new(engine, rules, printers, &renders, opts);
    let reading = Reading {
        display: path.display().to_string(),
        path: path.to_path_buf(),
        format: opts.input_format,
        first_line: 1,
        // As a file on disk, so that `--diff` works out its fixes (it writes nothing).
        on_disk: true,
        piece: false,
        again: None,
        earlier: 0,
    };
    let mut totals = Summary::default();
    check(
        &reading,
        None,
        bytes,
        &ctx,
        &mut Scratch::default(),
        &mut totals,
    );
    totals
}
