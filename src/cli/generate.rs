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

/// Writes the man page (roff, section 1) of talklint, or of one of its commands
/// (`talklint-check`, which the main page's SEE ALSO names), to standard output.
pub(super) fn man(command: Option<&str>) -> Result<Outcome, CliError> {
    let mut cli = Cli::command();
    cli.build();
    // Built, a command's page is named `talklint-check`.
    let page = match command.and_then(|name| cli.find_subcommand(name)) {
        Some(sub) => sub.clone(),
        None => cli,
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_shown_has_a_man_page() {
        let shown: Vec<String> = (Cli::command().get_subcommands())
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name().to_string())
            .collect();
        assert_eq!(shown, super::super::args::MAN_PAGES);
    }
}
