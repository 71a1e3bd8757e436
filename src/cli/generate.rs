//! `talklint completions SHELL` and `talklint man`: shell completions and a man page, generated
//! from the one clap definition of the command line so they never drift from it.

use super::args::Cli;
use super::stdout::Stdout;
use super::{CliError, Outcome};
use clap::CommandFactory;
use std::io;

/// Writes the completion script for `shell` to standard output.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<Outcome, CliError> {
    let mut cmd = shown(&Cli::command());
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "talklint", &mut out);
    write(&out)
}

/// `cmd` with only what its help shows: the bash and zsh generators offer hidden flags too,
/// such as the flags of `check` that `eval` refuses. (Its names are leaked, a few bytes once:
/// clap builds a command of `'static` names, and the process ends when the script is written.)
fn shown(cmd: &clap::Command) -> clap::Command {
    let name: &'static str = cmd.get_name().to_string().leak();
    let mut out = clap::Command::new(name)
        .args(cmd.get_arguments().filter(|a| !a.is_hide_set()).cloned())
        .subcommands(
            cmd.get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(shown),
        );
    if let Some(about) = cmd.get_about() {
        out = out.about(about.clone());
    }
    if let Some(version) = cmd.get_version() {
        let version: &'static str = version.to_string().leak();
        out = out.version(version);
    }
    out
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
    // A check's exit status is part of the contract: its page, merge's and the main one say it.
    let exits = matches!(page.get_name(), "check" | "merge") || page.has_subcommands();
    // Every page's header names the program and its version, not the command alone.
    let man = clap_mangen::Man::new(page).source(format!("talklint {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    render(&man, exits, &mut out).map_err(CliError::WriteReport)?;
    write(&out)
}

/// `man`'s page, as clap_mangen renders one, with EXIT STATUS and ENVIRONMENT sections where
/// `exits`: before the VERSION section, as man pages order them, or last.
fn render(man: &clap_mangen::Man, exits: bool, out: &mut Vec<u8>) -> io::Result<()> {
    man.render(out)?;
    if exits {
        let at = (out.windows(12).position(|w| w == b"\n.SH VERSION")).map_or(out.len(), |i| i + 1);
        out.splice(at..at, [EXIT_STATUS, ENVIRONMENT].concat().bytes());
    }
    Ok(())
}

/// The exit status of `check` and `merge` (SPEC §1), in roff.
const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Nothing at or above \-\-fail\-on was found, and no conversation failed.
.TP
\fB1\fR
Findings at or above \-\-fail\-on, or failed conversations (\-\-fail\-on never spares findings only; \-\-exit\-zero: never 1).
.TP
\fB2\fR
Usage, config or rule errors, or an input that could not be read or parsed; the rest of the scan is still checked and reported.
"#;

/// The variables `check` and `merge` read (SPEC §1: honour `NO_COLOR`), in roff.
const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
Set and not empty, whatever its value: no colour with \-\-color auto.
.TP
\fBCLICOLOR_FORCE\fR, \fBFORCE_COLOR\fR
Set, not empty and not 0: colour with \-\-color auto, on a terminal or not.
.TP
\fBTERM\fR
dumb: no colour with \-\-color auto, and no progress line.
.TP
\fBCI\fR
Set: no progress line.
"#;

fn write(bytes: &[u8]) -> Result<Outcome, CliError> {
    Stdout::print(bytes, CliError::WriteReport).map(|()| Outcome::Clean)
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
