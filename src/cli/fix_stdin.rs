//! `--fix` on standard input, as an editor filters a buffer through it (`:%!talklint check
//! --fix -`): standard input is read whole first, and written back out to standard output once
//! checked, fixed where a fix applies and as it was read otherwise (never nothing, which would
//! empty the buffer), while the report goes to standard error, as ruff's does. `--diff` reads it
//! whole too, to show its diff.

use super::CliError;
use super::settings::CheckSettings;
use super::stdout::Stdout;
use crate::scan;
use std::io::Read;
use std::sync::Arc;

/// Standard input read whole for a run that fixes (or diffs) it, and handed to the scan; `None`
/// when the run does not fix standard input, or it could not be read (the scan then says why).
pub(super) fn read(s: &mut CheckSettings) -> Option<Arc<[u8]>> {
    s.scan.fix?;
    if !scan::roots(&s.scan).iter().any(|p| scan::is_stdin(p)) {
        return None;
    }
    let mut text = Vec::new();
    std::io::stdin().lock().read_to_end(&mut text).ok()?;
    let text: Arc<[u8]> = text.into();
    s.scan.stdin_given = Some(Arc::clone(&text));
    Some(text)
}

/// Writes standard input back out: its `fixed` text, else as it was `read`.
pub(super) fn write_out(read: &[u8], fixed: Option<&str>) -> Result<(), CliError> {
    let text = fixed.map_or(read, str::as_bytes);
    Stdout::print(text, CliError::WriteText)
}
