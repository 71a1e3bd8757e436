//! The globs of the config and the flags (`include`, `exclude`, `per_path_disable`), all read
//! one way, as ripgrep reads `-g` and git a `.gitignore` line; a bad one is an error at its place
//! in the config.

use super::CliError;
use crate::config::{self, Loaded};
use crate::rules::place;
use crate::scan::{Globs, Scope};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// A glob matched against a path: one that holds a `/` matches the whole path, its `*` and `?`
/// stopping at `/` (`a/*.txt` is not `a/b/c.txt`, and a leading `/` anchors nothing more); one
/// without matches a name at any depth (`*.txt`). One that ends in `/` names a folder: it
/// matches the folder and every path below it (`archive/`, wherever it is). A leading `./`
/// anchors as `/` does (`./archive/` is the config folder's `archive`), as ruff reads it.
pub(super) fn path_glob(pattern: &str) -> Result<Glob, globset::Error> {
    let mut rest = pattern;
    while let Some(after) = rest.strip_prefix("./") {
        rest = after.trim_start_matches('/');
    }
    let anchored = (rest.len() < pattern.len()).then(|| format!("/{rest}"));
    let pattern = anchored.as_deref().unwrap_or(pattern);
    let folder = pattern.strip_suffix('/').filter(|p| !p.is_empty());
    let named = folder.unwrap_or(pattern);
    let whole = match named.contains('/') {
        true => named.trim_start_matches('/').to_string(),
        false => format!("**/{named}"),
    };
    let whole = match folder {
        Some(_) => format!("{{{whole},{whole}/**}}"),
        None => whole,
    };
    GlobBuilder::new(&whole).literal_separator(true).build()
}

/// Compiles a config's globs (`include`, `exclude`, `per_path_disable`), so that a bad one is an
/// error at its place in the config file.
pub(super) fn check_globs(cfg: &Loaded) -> Result<(), CliError> {
    let c = &cfg.config;
    let patterns = (c.include.iter().chain(&c.exclude)).chain(c.per_path_disable.keys());
    for pattern in patterns {
        if let Err(source) = path_glob(pattern) {
            let (line, column) = place::locate(pattern, &cfg.text).unwrap_or((1, 1));
            return Err(CliError::Glob {
                place: format!("{}:{line}:{column}: ", cfg.origin()),
                pattern: pattern.clone(),
                source,
            });
        }
    }
    Ok(())
}

/// The walk's `include` and `exclude` globs (see [`path_glob`]); an `include` glob that starts
/// with `!` excludes (`--include '!*.json'`), and is named so when it leaves a file out. An
/// empty one (a config refuses its own as it is read) is a usage error: it would match every
/// path.
pub(super) fn walk_globs<'a>(
    include: impl Iterator<Item = &'a String>,
    exclude: impl Iterator<Item = &'a String>,
) -> Result<(Option<GlobSet>, Option<Globs>), CliError> {
    let include: Vec<&str> = include.map(String::as_str).collect();
    let exclude: Vec<&str> = exclude.map(String::as_str).collect();
    let empty = |globs: &[&'a str], negates| {
        globs
            .iter()
            .copied()
            .find(|g| config::globs::empty(g, negates))
    };
    let flags = [
        ("--include", empty(&include, true)),
        ("--exclude", empty(&exclude, false)),
    ];
    if let Some((flag, Some(glob))) = flags.into_iter().find(|(_, glob)| glob.is_some()) {
        return Err(CliError::Usage(format!(
            "{flag} '{glob}' is an empty glob: it names no file, yet matches every path\n  \
             help: write the glob ({flag} '*.json', {flag} 'archive/'), or leave the flag out"
        )));
    }
    let (negated, include): (Vec<&str>, Vec<&str>) =
        include.into_iter().partition(|g| g.starts_with('!'));
    let globs: Vec<&str> = (exclude.iter().copied())
        .chain(negated.iter().map(|g| &g[1..]))
        .collect();
    let written = exclude
        .into_iter()
        .chain(negated)
        .map(String::from)
        .collect();
    let exclude = glob_set(&globs)?.map(|set| Globs::new(set, written));
    Ok((glob_set(&include)?, exclude))
}

/// The scope of the config `cfg` read from `file` (absolute, lexically normal): its folder, and
/// its `include` and `exclude`.
pub(super) fn scope(cfg: &Loaded, file: &Path) -> Result<Scope, CliError> {
    let c = &cfg.config;
    let (include, exclude) = walk_globs(c.include.iter(), c.exclude.iter())?;
    Ok(Scope {
        folder: file.parent().map_or_else(PathBuf::new, Path::to_path_buf),
        origin: cfg.origin(),
        include,
        exclude,
    })
}

fn glob_set(patterns: &[&str]) -> Result<Option<GlobSet>, CliError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for &p in patterns {
        b.add(path_glob(p).map_err(|source| CliError::Glob {
            place: String::new(),
            pattern: p.to_string(),
            source,
        })?);
    }
    Ok(Some(b.build().map_err(|source| CliError::Glob {
        place: String::new(),
        pattern: patterns.join(", "),
        source,
    })?))
}
