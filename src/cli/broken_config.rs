//! A nested config that could not be loaded, as the report lists it: one error entry on the
//! config, its mistake on one line, at its line and column when the mistake is in the config
//! itself (`line 2, column 12: …`, where SARIF and GitHub annotations point), and each file
//! named in it from the current folder, as walked files are.

use super::CliError;
use super::from_cwd::from;
use crate::config::ConfigError;
use crate::scan::{self, Broken};
use std::path::Path;

/// The entry of the nested config at `path` (absolute) that `err` kept from loading; `cwd` is
/// the run's current folder.
pub(super) fn of(path: &Path, cwd: &Path, err: &CliError) -> Broken {
    let config = scan::shown(&from(cwd, path));
    let whole = path.display().to_string();
    // How an error names the config: from the current folder, or whole outside it.
    let own = [config.as_str(), whole.as_str()];
    let message = match err {
        CliError::Config(ConfigError::Invalid {
            path: at,
            line,
            column,
            message,
            hint,
        }) => {
            let place = format!("line {line}, column {column}: {message}; help: {hint}");
            // A mistake in a config this one extends is that config's, named so.
            let other = scan::shown(&from(cwd, Path::new(at)));
            match own.contains(&other.as_str()) || own.contains(&at.as_str()) {
                true => place,
                false => format!("in the config it extends, {other}, {place}"),
            }
        }
        CliError::Config(ConfigError::TwoInOneFolder { second, .. }) => format!(
            "two configs in one folder, this one and {}: talklint reads one per folder; help: \
             merge them into one file and delete the other",
            scan::shown(&from(cwd, Path::new(second)))
        ),
        // Each rule error, without the line that says a run stopped: one in the config itself
        // (a `rules:` entry) at its place.
        CliError::Rules(errors) => (errors.iter())
            .map(|e| placed(&one_line(&e.to_string(), cwd), &own))
            .collect::<Vec<_>>()
            .join("; "),
        // A glob's `FILE:LINE:COLUMN: ` and the like.
        err => placed(&one_line(&err.to_string(), cwd), &own),
    };
    Broken {
        folder: path.parent().unwrap_or(path).to_path_buf(),
        config,
        message,
    }
}

/// An error's text on one line, its help after `; help: `, with the paths under `cwd` it names
/// made relative to it.
fn one_line(text: &str, cwd: &Path) -> String {
    relative(
        &text.replace("\n  help: ", "; help: ").replace('\n', " "),
        cwd,
    )
}

/// `text` at its line and column (`line 2, column 12: …`) where it starts with the config's
/// own path (one of `own`) and a place; without the path where it has none.
fn placed(text: &str, own: &[&str]) -> String {
    let rest = (own.iter()).find_map(|p| text.strip_prefix(p)?.strip_prefix(':'));
    match rest.map(|rest| (line_column(rest), rest)) {
        Some((Some((line, column, rest)), _)) => format!("line {line}, column {column}: {rest}"),
        Some((None, rest)) => rest.trim_start().to_string(),
        None => text.to_string(),
    }
}

/// `text` with the paths under `cwd` it names made relative to it.
fn relative(text: &str, cwd: &Path) -> String {
    let prefix = format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR);
    match prefix.as_str() {
        "/" | "//" => text.to_string(),
        prefix => text.replace(prefix, ""),
    }
}

/// `12:5: rest` read as line 12, column 5 and the rest.
fn line_column(text: &str) -> Option<(usize, usize, &str)> {
    let (line, rest) = text.split_once(':')?;
    let (column, rest) = rest.split_once(": ")?;
    Some((line.parse().ok()?, column.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleError;

    #[test]
    fn a_mistake_in_the_config_is_at_its_place_and_other_files_are_named_from_cwd() {
        let cwd = Path::new("/srv/qa");
        let path = cwd.join("team/talklint.yaml");
        let invalid = CliError::Config(ConfigError::Invalid {
            path: path.display().to_string(),
            line: 2,
            column: 12,
            message: "min_score: not a score".into(),
            hint: "write a score".into(),
        });
        let b = of(&path, cwd, &invalid);
        assert_eq!(b.config, "team/talklint.yaml");
        assert_eq!(
            b.message,
            "line 2, column 12: min_score: not a score; help: write a score"
        );
        assert_eq!(b.folder, cwd.join("team"));
        let rule = |line| RuleError {
            file: "/srv/qa/team/qa/bad.yaml".into(),
            line,
            column: 11,
            message: "unknown kind".into(),
            hint: Some("write forbid".into()),
        };
        let b = of(&path, cwd, &CliError::Rules(vec![rule(3), rule(9)]));
        assert_eq!(
            b.message,
            "team/qa/bad.yaml:3:11: unknown kind; help: write forbid; \
             team/qa/bad.yaml:9:11: unknown kind; help: write forbid"
        );
        // Beside the current folder, the config is named as a walk of `..` names its files;
        // elsewhere, it and the paths of its message are absolute.
        let b = of(&path, Path::new("/srv/qa/other"), &invalid);
        assert_eq!(b.config, "../team/talklint.yaml");
        assert!(
            b.message.starts_with("line 2, column 12: "),
            "{}",
            b.message
        );
        let b = of(
            &path,
            Path::new("/elsewhere"),
            &CliError::Rules(vec![rule(3)]),
        );
        assert!(b.message.starts_with("/srv/qa/team/qa/bad.yaml:3:11"));
        let b = of(&path, Path::new("/elsewhere"), &invalid);
        assert_eq!(b.config, "/srv/qa/team/talklint.yaml");
        assert!(
            b.message.starts_with("line 2, column 12: "),
            "{}",
            b.message
        );
    }
}
