//! `--fix` on standard input, as an editor filters a buffer through it (`:%!talklint check
//! --fix -`): standard input is read whole first, and written back out to standard output once
//! checked, fixed where a fix applies and as it was read otherwise (never nothing, which would
//! empty the buffer: also when the run fails), while the report goes to standard error, as
//! ruff's does. `--diff` reads it whole too, to show its diff.

use super::CliError;
use super::args::CheckArgs;
use super::settings::CheckSettings;
use super::stdout::Stdout;
use crate::fix::FixMode;
use crate::scan::{self, ScanOptions};
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

/// Whether the run reads standard input.
fn named(scan: &ScanOptions) -> bool {
    reads_stdin(&scan::roots(scan))
}

/// Whether `roots`, the paths a run checks, name standard input.
fn reads_stdin(roots: &[PathBuf]) -> bool {
    roots.iter().any(|p| scan::is_stdin(p))
}

/// Whether the stream a `check` report goes to is a terminal: standard output, or standard error
/// under `--fix -` (`fix`), where standard output holds standard input's text.
pub(super) fn report_on_terminal(fix: bool, scan: &ScanOptions) -> bool {
    use std::io::IsTerminal;
    match fix && named(scan) {
        true => std::io::stderr().is_terminal(),
        false => std::io::stdout().is_terminal(),
    }
}

/// Whether `args` ask to fix standard input (`--fix -`, or `--fix --stdin-filename NAME` with
/// no path).
pub(super) fn asked(args: &CheckArgs) -> bool {
    args.fix && reads_stdin(&scan::roots_of(&args.paths, args.stdin_filename.is_some()))
}

/// Whether a command line that cannot be read asks `check` to fix standard input: `--fix`, and
/// `-` where a path goes (not an option's value, `-o -`) or `--stdin-filename` with no path, and
/// no other command (`talklint rules --fix -`). `takes_value` says whether a word is an option of
/// `check` whose value is the next word; `is_command` whether a word names another command.
pub(super) fn asked_in(
    args: &[std::ffi::OsString],
    takes_value: &dyn Fn(&str) -> bool,
    is_command: &dyn Fn(&str) -> bool,
) -> bool {
    let (mut fix, mut stdin, mut named, mut paths) = (false, false, false, 0);
    let mut words = args.iter().skip(1).map(|w| w.to_str().unwrap_or_default());
    let mut options = true;
    while let Some(word) = words.next() {
        match word {
            "--" if options => options = false,
            "-" => stdin = true,
            "--fix" if options => fix = true,
            _ if options && word.starts_with("--stdin-filename") => {
                named = true;
                if word == "--stdin-filename" {
                    words.next();
                }
            }
            _ if options && word.starts_with('-') => {
                if takes_value(word) {
                    words.next();
                }
            }
            "check" if paths == 0 && options => {}
            _ if paths == 0 && options && is_command(word) => return false,
            _ => paths += 1,
        }
    }
    fix && (stdin || named && paths == 0)
}

/// A run that cannot start (a config with a mistake, a flag refused): under `--fix -`
/// (`fixes_stdin`), standard input still goes back out as it was read, then the run fails with
/// `error`.
pub(super) fn refused<T>(fixes_stdin: bool, error: CliError) -> Result<T, CliError> {
    if fixes_stdin {
        give_back();
    }
    Err(error)
}

/// Writes standard input back out as it is read, for a run under `--fix -` that cannot start:
/// what could be read goes back out, and the run fails with its own error all the same. Not
/// from a terminal, which an editor's filter never is: reading it would wait for a line typed.
pub(super) fn give_back() {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return;
    }
    let mut text = Vec::new();
    let _ = std::io::stdin().lock().read_to_end(&mut text);
    if let Err(e) = write_out(&text, None) {
        super::stderr::line(&format!("error: {e}"));
    }
}

/// Standard input, read whole for a run that fixes (or diffs) it, as the scan reads it.
pub(super) struct Given {
    text: Arc<[u8]>,
    /// `--fix`: the text goes back out on standard output.
    echo: bool,
}

impl Given {
    /// Whether standard output holds standard input's text, not the report.
    pub(super) fn echoes(given: &Option<Given>) -> bool {
        given.as_ref().is_some_and(|g| g.echo)
    }
}

/// Reads standard input whole for a run that fixes (or diffs) it, and hands it to the scan;
/// `None` when the run does not. A report file that is standard output under `--fix -` is
/// refused, as it would be mixed with the text; standard input that cannot be read is an error,
/// after what was read of it is written back out.
pub(super) fn read(s: &mut CheckSettings) -> Result<Option<Given>, CliError> {
    let Some(mode) = s.scan.fix else {
        return Ok(None);
    };
    if !named(&s.scan) {
        return Ok(None);
    }
    let echo = mode == FixMode::Write;
    let reports = s
        .output
        .iter()
        .chain(s.extra_reports.iter().map(|(_, p)| p));
    if let Some(report) = reports.filter(|_| echo).find(|p| writes_stdout(p)) {
        let error = CliError::Usage(format!(
            "{} is standard output, which holds standard input's text under --fix -\n  help: \
             name a file for the report, or leave it to standard error",
            report.display()
        ));
        return refused(true, error);
    }
    let mut text = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut text) {
        if echo {
            write_out(&text, None)?;
        }
        return Err(CliError::ReadStdin(e));
    }
    let text: Arc<[u8]> = text.into();
    s.scan.stdin_given = Some(Arc::clone(&text));
    Ok(Some(Given { text, echo }))
}

/// Whether a report at `path` would go to standard output: `/dev/stdout` or another of its
/// names, or the file or pipe it goes to (not `-`, which under `--fix -` is standard error).
fn writes_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() != "-" && super::check::is_stdout(path)
}

/// Ends a run that read standard input `given`: writes its text back out under `--fix`, its
/// `fixed` text if the run fixed it, else as it was read, whatever the run's `outcome` (whose
/// error, if any, it keeps).
pub(super) fn finish<T>(
    given: Option<Given>,
    fixed: Option<String>,
    outcome: Result<T, CliError>,
) -> Result<T, CliError> {
    match given {
        Some(Given { text, echo: true }) => {
            let written = write_out(&text, fixed.as_deref());
            outcome.and_then(|o| written.map(|()| o))
        }
        _ => outcome,
    }
}

/// Writes standard input back out: its `fixed` text, else as it was `read`.
fn write_out(read: &[u8], fixed: Option<&str>) -> Result<(), CliError> {
    let text = fixed.map_or(read, str::as_bytes);
    Stdout::print(text, CliError::WriteText)
}
