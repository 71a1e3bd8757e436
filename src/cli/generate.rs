//! `talklint completions SHELL` and `talklint man`: shell completions and a man page, generated
//! from the one clap definition of the command line so they never drift from it.

use super::args::Cli;
use super::{CliError, Outcome};
use clap::CommandFactory;
use std::io::{self, Write};

/// Writes the completion script for `shell` to standard output.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<Outcome, CliError> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "talklint", &mut out);
    write(&out)
}

/// Writes the man page (roff, section 1) to standard output.
pub(super) fn man() -> Result<Outcome, CliError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(CliError::WriteReport)?;
    write(&out)
}

fn write(bytes: &[u8]) -> Result<Outcome, CliError> {
    match io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::WriteReport(e)),
        _ => Ok(Outcome::Clean),
    }
}
