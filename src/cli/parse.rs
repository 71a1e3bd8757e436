//! Reading the command line: `check` is the default subcommand (`talklint calls/` means
//! `talklint check calls/`), and a first word that is a typo of a command is said to be one.

use super::args::Cli;
use clap::{CommandFactory, Parser};
use std::ffi::OsString;

/// The subcommands as clap defines them (with its `help`), and whether each is shown in help:
/// hidden ones are never suggested for a typo.
fn commands() -> Vec<(String, bool)> {
    let mut cli = Cli::command();
    cli.build();
    cli.get_subcommands()
        .map(|c| (c.get_name().to_string(), !c.is_hide_set()))
        .collect()
}

/// Parses arguments, inserting `check` when no subcommand is named. A first word that is no
/// command and no existing path but is close to a command is a usage error that names it
/// (`talklint chekc x`: did you mean `check`?).
pub(crate) fn parse_args(args: impl IntoIterator<Item = OsString>) -> Cli {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let commands = commands();
    command_first(&mut args, &commands);
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let named = commands.iter().any(|(name, _)| name == first)
        || ["-h", "--help", "-V", "--version"].contains(&first);
    if !named {
        if let Some(command) = mistyped_command(first, &commands) {
            // A usage error, exit status 2, as clap gives for a bad flag.
            super::stderr::line(&format!(
                "error: `{first}` is not a talklint command, nor a file or folder here\n  \
                 help: did you mean `{command}`? (to check a path named `{first}`, write \
                 `talklint check ./{first}`)"
            ));
            std::process::exit(2);
        }
        args.insert(1.min(args.len()), "check".into());
    }
    Cli::parse_from(args)
}

/// Moves a command named after options to the front, as git reads its global options:
/// `talklint --no-config rules` is `talklint rules --no-config`. The command is the first word
/// that is neither an option nor an option's value; a folder of that name is checked as
/// `./rules`, as with no options before it.
fn command_first(args: &mut Vec<OsString>, commands: &[(String, bool)]) {
    let mut cli = Cli::command();
    cli.build();
    let Some(check) = cli.find_subcommand("check") else {
        return;
    };
    let takes_value = |word: &str| {
        check.get_arguments().any(|a| {
            let named = word.strip_prefix("--").map_or_else(
                || word.strip_prefix('-').and_then(|s| s.chars().next()) == a.get_short(),
                |long| a.get_long() == Some(long),
            );
            named && a.get_action().takes_values()
        })
    };
    let mut i = 1;
    while let Some(word) = args.get(i).and_then(|a| a.to_str()) {
        if word == "--" || !word.starts_with('-') || word == "-" {
            break;
        }
        // `--flag=value` and `-j4` carry their value; `--flag value` and `-j 4` do not.
        let carried = word.contains('=') || (!word.starts_with("--") && word.len() > 2);
        i += if takes_value(word) && !carried { 2 } else { 1 };
    }
    let named = args
        .get(i)
        .and_then(|a| a.to_str())
        .is_some_and(|w| commands.iter().any(|(name, _)| name == w));
    if i > 1 && named {
        let command = args.remove(i);
        args.insert(1, command);
    }
}

/// The command `word` is probably a typo of: no path of that name exists, it looks like a word
/// rather than a path, and it is at most two edits from a command.
fn mistyped_command<'c>(word: &str, commands: &'c [(String, bool)]) -> Option<&'c str> {
    let wordlike = word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic());
    if !wordlike || std::path::Path::new(word).exists() {
        return None;
    }
    let shown = commands.iter().filter(|(_, shown)| *shown);
    crate::suggest::closest(word, shown.map(|(name, _)| name.as_str()))
}
