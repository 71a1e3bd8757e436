//! `talklint import`: AWS Call Analytics categories and Google CCAI phrase matchers printed as
//! the YAML rule file `-r FILE.json` would load, for a team to edit and extend (SPEC §12).
//! The files are loaded first, exactly as `-r` loads them, so what prints has no rule error.

use super::args::ImportArgs;
use super::rule_set;
use super::stdout::Stdout;
use super::{CliError, Outcome};
use crate::rules::RuleError;
use crate::rules::import;
use crate::rules::load::{self, Overrides};
use crate::utf8_file::NotText;
use std::io;

pub(super) fn run(args: ImportArgs) -> Result<Outcome, CliError> {
    let cfg = rule_set::config(&args.config)?;
    let fillers = cfg.fillers();
    let mut files = Vec::with_capacity(args.files.len());
    // A file named twice (`f.json ./f.json`) is read once, as `-r` reads it.
    let mut seen = std::collections::HashSet::new();
    for path in &args.files {
        if !seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let name = path.display().to_string();
        if let Some(refusal) = not_read(path, &name) {
            return Err(refusal);
        }
        let text = match crate::utf8_file::read(path) {
            Ok(text) => text,
            Err(NotText::Io(source)) => return Err(unreadable(name, source)),
            Err(NotText::Encoding(bad)) => {
                return Err(CliError::Import(vec![RuleError::encoding(name, bad)]));
            }
        };
        files.push((name, text.into()));
    }
    let overrides = Overrides {
        strict_import: args.strict_import,
        ..Overrides::default()
    };
    let (_, warnings) = load::load(&files, &overrides, &fillers).map_err(CliError::Import)?;
    for w in warnings {
        super::stderr::warning(&w);
    }
    let imported = files
        .iter()
        .map(|(name, text)| Ok((name.clone(), import::read_text(name, text, &fillers)?)))
        .collect::<Result<Vec<_>, RuleError>>()
        .map_err(|e| CliError::Import(vec![e]))?;
    let yaml = import::yaml(&imported);
    Stdout::print(yaml.as_bytes(), CliError::WriteReport).map(|()| Outcome::Clean)
}

/// Why `path` (written `name`) is not a file `import` reads: stdin, a folder, or a file that is
/// not `.json`. A name that is no file at all is left to the read, which says so.
fn not_read(path: &std::path::Path, name: &str) -> Option<CliError> {
    let (why, hint) = if name == "-" {
        (
            "talklint import does not read stdin".to_string(),
            "save the cloud definitions to .json files and name them: `talklint import categories.json`".to_string(),
        )
    } else if path.is_dir() {
        (
            format!("{name}: talklint import does not read folders"),
            format!("name the .json files in it: `talklint import {name}/*.json`"),
        )
    } else if !import::is_cloud(name) && path.exists() {
        let yaml = [".yaml", ".yml"]
            .iter()
            .any(|e| name.to_lowercase().ends_with(e));
        let hint = match yaml {
            true => "YAML rule files are talklint's own: pass them to -r as they are",
            false => {
                "name the .json files of AWS categories or CCAI phrase matchers; a \
                      transcript is checked with `talklint check`"
            }
        };
        (
            format!("{name}: talklint import reads cloud definitions in .json files"),
            hint.to_string(),
        )
    } else {
        return None;
    };
    Some(CliError::Usage(format!("{why}\n  help: {hint}")))
}

/// The error of a name given to `import` that is no file: a cloud's name (`talklint import aws
/// FILE`) is not needed, as the fields of each file tell its cloud.
fn unreadable(name: String, source: io::Error) -> CliError {
    let cloud = ["aws", "google", "ccai", "gcp", "contact-lens"];
    if source.kind() == io::ErrorKind::NotFound && cloud.contains(&name.to_lowercase().as_str()) {
        return CliError::Usage(format!(
            "cannot read {name}: {source}\n  help: name only the .json files: each file's fields tell AWS categories from CCAI phrase matchers"
        ));
    }
    CliError::Read { path: name, source }
}
