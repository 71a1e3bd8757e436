//! Reading the command line: `check` is the default subcommand (`talklint calls/` means
//! `talklint check calls/`), a command may follow options that are its own (`talklint
//! --no-config rules`), and a word that is a typo of a command is said to be one.

use super::args::Cli;
use clap::{Arg, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Parses arguments, inserting `check` when no subcommand is named.
///
/// The first word that is neither an option nor an option's value names the command when it is
/// one and every option before it is that command's (`talklint --no-config rules` is `talklint
/// rules --no-config`); otherwise it is a path for `check`, as `./rules` always is. A word that is
/// no command and no existing path but is close to a command is a usage error that names it
/// (`talklint chekc x`: did you mean `check`?).
pub(crate) fn parse_args(args: impl IntoIterator<Item = OsString>) -> Cli {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let mut cli = Cli::command();
    if let Some(choice) = asked_color(&args) {
        cli = cli.color(choice);
    }
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    if ["-h", "--help", "-V", "--version"].contains(&first) {
        return from(cli, args, false);
    }
    cli.build();
    // An editor's buffer filtered through `--fix -` comes back whatever the mistake.
    let fixes_stdin = cli.find_subcommand("check").is_some_and(|check| {
        let is_command = |w: &str| cli.find_subcommand(w).is_some();
        super::fix_stdin::asked_in(&args, &|w| value_taker(check, w), &is_command)
    });
    let refuse = |said: &str| -> ! {
        super::stderr::line(said);
        if fixes_stdin {
            super::fix_stdin::give_back();
        }
        std::process::exit(2)
    };
    if let Some(said) = ripgrep_flag(&args, &cli) {
        refuse(said);
    }
    if let Some(command) = command_as_option(&args, &cli) {
        // clap would offer the closest option (`--explain`: did you mean `--baseline`?).
        refuse(&format!(
            "error: `--{command}` is not an option: `{command}` is a talklint command\n  \
             help: write `talklint {command} …` (`talklint {command} --help` says what it takes)"
        ));
    }
    let (at, options) = cli
        .find_subcommand("check")
        .map_or((1, Vec::new()), |check| first_word(&args, check));
    let word = args.get(at).and_then(|a| a.to_str()).unwrap_or("");
    match cli.find_subcommand(word) {
        Some(command) if at == 1 || options.iter().all(|o| defines(command, o)) => {
            let command = args.remove(at);
            args.insert(1, command);
        }
        // A command after an option it does not take, and no path of its name (`talklint -q
        // rules`): named as the command it is, not read as a path that is not there.
        Some(command) if !std::path::Path::new(word).exists() => {
            let option = options.iter().find(|o| !defines(command, o));
            refuse(&format!(
                "error: `{word}` is a talklint command, and it takes no `{}`\n  help: write \
                 `talklint {word}` with options of its own (`talklint {word} --help` lists \
                 them); to check a path named `{word}`, write `talklint check ./{word}`",
                option.map_or("", String::as_str)
            ));
        }
        _ => {
            if let Some(command) = mistyped_command(word, &cli) {
                // A usage error, exit status 2, as clap gives for a bad flag.
                refuse(&format!(
                    "error: `{word}` is not a talklint command, nor a file or folder here\n  \
                     help: did you mean `{command}`? (to check a path named `{word}`, write \
                     `talklint check ./{word}`)"
                ));
            }
            args.insert(1.min(args.len()), "check".into());
        }
    }
    if let Some(check) =
        (cli.find_subcommand("check")).filter(|_| args.get(1).is_some_and(|a| a == "check"))
        && let Some(name) = option_like_path(&args, check)
    {
        refuse(&format!(
            "error: `{name}` is a file or folder here, but a word that starts with `-` reads as \
             options\n  help: to check it, write `./{name}` (or put `--` before the paths: \
             `talklint check -- {name}`)"
        ));
    }
    from(cli, args, fixes_stdin)
}

/// The colour the last `--color` asks for, read before clap reads the rest, so that clap's own
/// usage errors follow it as reports do (`--color never` wins over a terminal and over
/// `CLICOLOR_FORCE`); `None` without one, or with a value that clap then refuses.
fn asked_color(args: &[OsString]) -> Option<clap::ColorChoice> {
    let mut choice = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--color") {
            _ if word == "--" => break,
            Some("") => words.next().unwrap_or(""),
            Some(value) => match value.strip_prefix('=') {
                Some(value) => value,
                None => continue,
            },
            None => continue,
        };
        choice = match value {
            "never" => Some(clap::ColorChoice::Never),
            "always" => Some(clap::ColorChoice::Always),
            "auto" => Some(clap::ColorChoice::Auto),
            _ => choice,
        };
    }
    choice
}

/// [`Cli`] from `args` read by `cli`, where a flag given twice (`-q -q`, an alias's `--no-config`
/// and the user's) is given once, as ripgrep and ruff read it, not an error; lists (`-r`) still
/// gather every value. A usage error under `--fix -` (`fixes_stdin`) gives standard input back.
fn from(cli: Command, args: Vec<OsString>, fixes_stdin: bool) -> Cli {
    let cli = cli
        .args_override_self(true)
        .mut_subcommands(|c| c.args_override_self(true));
    match cli.try_get_matches_from(args) {
        Ok(matches) => Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit()),
        Err(e) => {
            if fixes_stdin && e.use_stderr() {
                super::fix_stdin::give_back();
            }
            super::stdout::exit_showing(e)
        }
    }
}

/// A word of `check` before `--` that starts with `-`, is no option's value, and names a file or
/// folder here (`-dash.txt`): clap reads it as options, its first letter refused (`use '-- -d'`)
/// or taken as one (`-old.txt` as `-o ld.txt`, a report written there).
fn option_like_path(args: &[OsString], check: &Command) -> Option<String> {
    let words: Vec<&str> = (args.iter().skip(2))
        .take_while(|a| *a != "--")
        .filter_map(|a| a.to_str())
        .collect();
    let found = words.iter().enumerate().find(|&(i, word)| {
        let value = i > 0 && value_taker(check, words[i - 1]);
        !value && word.len() > 1 && word.starts_with('-') && std::path::Path::new(word).exists()
    });
    found.map(|(_, word)| word.to_string())
}

/// What to say of a ripgrep flag talklint has not: a walk's choices it makes one way, which
/// clap would answer with a tip that misleads (`-L`: "to pass '-L' as a value, use '-- -L'").
/// A word that is an option's value (`--exclude -L`) is none.
fn ripgrep_flag(args: &[OsString], cli: &Command) -> Option<&'static str> {
    let check = cli.find_subcommand("check")?;
    let takes_value = |word: &str| value_taker(check, word);
    let words: Vec<&str> = (args.iter().skip(1))
        .take_while(|a| *a != "--")
        .filter_map(|a| a.to_str())
        .collect();
    let flag = words.iter().enumerate().find_map(|(i, &word)| {
        if i > 0 && takes_value(words[i - 1]) {
            return None;
        }
        match word {
            "-L" | "--follow" => Some(true),
            "--hidden" | "-." => Some(false),
            _ => None,
        }
    })?;
    Some(match flag {
        true => {
            "error: talklint does not follow symbolic links it meets in a folder (a link may \
             lead out of the folder, or back into it)\n  help: name the linked file or folder on \
             the command line to check it: `talklint check calls/ linked-calls/`"
        }
        false => {
            "error: talklint skips hidden files and folders (a name that starts with `.`) when \
             it walks a folder\n  help: name the hidden file or folder on the command line to \
             check it: `talklint check calls/ .archive/`"
        }
    })
}

/// Whether `word` is an option of `check` whose value is the next word.
fn value_taker(check: &Command, word: &str) -> bool {
    takes_value(check, &|a: &Arg| match word.strip_prefix("--") {
        Some(long) => a.get_long() == Some(long),
        None => {
            word.len() == 2
                && word.strip_prefix('-').and_then(|s| s.chars().next()) == a.get_short()
        }
    })
}

/// Whether an option of `check` that `matches` takes a value.
fn takes_value(check: &Command, matches: &dyn Fn(&Arg) -> bool) -> bool {
    check
        .get_arguments()
        .any(|a| matches(a) && a.get_action().takes_values())
}

/// The command an argument names as if it were an option (`talklint check --explain ID`), when
/// no command of `cli` has an option of that name.
fn command_as_option(args: &[OsString], cli: &Command) -> Option<String> {
    let options = args.iter().skip(1).take_while(|a| *a != "--");
    let names = options.filter_map(|a| a.to_str()?.strip_prefix("--")?.split('=').next());
    let is_option = |name: &str| {
        (cli.get_subcommands().chain([cli]))
            .flat_map(Command::get_arguments)
            .any(|a| a.get_long() == Some(name))
    };
    names
        .filter(|name| !name.is_empty() && cli.find_subcommand(name).is_some())
        .find(|name| !is_option(name))
        .map(str::to_string)
}

/// Where the first word that is neither one of `check`'s options nor an option's value is in
/// `args` (`args.len()` when there is none), and the options before it as written without their
/// values (`--no-config`, `-j`; a cluster `-qj4` as `-q` and `-j`).
fn first_word(args: &[OsString], check: &Command) -> (usize, Vec<String>) {
    let takes_value = |matches: &dyn Fn(&Arg) -> bool| takes_value(check, matches);
    let mut options = Vec::new();
    let mut i = 1;
    while let Some(word) = args.get(i).and_then(|a| a.to_str()) {
        if word == "--" || word == "-" || !word.starts_with('-') {
            break;
        }
        i += 1;
        if let Some(long) = word.strip_prefix("--") {
            let (name, value) = long.split_once('=').unzip();
            let name = name.unwrap_or(long);
            options.push(format!("--{name}"));
            if value.is_none() && takes_value(&|a| a.get_long() == Some(name)) {
                i += 1;
            }
            continue;
        }
        // Short options: the first that takes a value takes the rest of the word, or the next.
        let letters: Vec<char> = word.chars().skip(1).collect();
        for (k, &letter) in letters.iter().enumerate() {
            options.push(format!("-{letter}"));
            if takes_value(&|a| a.get_short() == Some(letter)) {
                i += usize::from(k + 1 == letters.len());
                break;
            }
        }
    }
    (i, options)
}

/// Whether `command` has the option `option` (`--name` or `-c`; help is everywhere).
fn defines(command: &Command, option: &str) -> bool {
    let mut args = command.get_arguments();
    match option.strip_prefix("--") {
        Some(long) => long == "help" || args.any(|a| a.get_long() == Some(long)),
        None => {
            let short = option.chars().nth(1);
            short == Some('h') || args.any(|a| a.get_short() == short)
        }
    }
}

/// The command `word` is probably a typo of: no path of that name exists, it looks like a word
/// rather than a path, and it is at most two edits from a command shown in help (hidden ones are
/// never suggested).
fn mistyped_command<'c>(word: &str, cli: &'c Command) -> Option<&'c str> {
    let wordlike = word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic());
    if !wordlike || std::path::Path::new(word).exists() {
        return None;
    }
    let shown = cli.get_subcommands().filter(|c| !c.is_hide_set());
    crate::suggest::closest(word, shown.map(|c| c.get_name()))
}
