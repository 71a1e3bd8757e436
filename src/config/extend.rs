//! `extend:`, as ruff's: a config that starts from another's settings. A team's config that
//! names its agents (`roles:`) replaced the whole of the company's, its `min_score`, `disable`
//! and `severity` with it, in silence; `extend: ../talklint.yaml` keeps them, and each key the
//! team writes replaces the company's.

use super::{Config, ConfigError, Loaded, read_one};
use crate::rules::place::{locate, locate_key};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The config at `path` with the settings of the configs it extends, one after another.
pub(super) fn load(path: &Path) -> Result<Loaded, ConfigError> {
    load_chain(path, &mut Vec::new())
}

/// [`load`], `chain` holding the configs that extend this one, to refuse a cycle.
fn load_chain(path: &Path, chain: &mut Vec<PathBuf>) -> Result<Loaded, ConfigError> {
    let mut loaded = read_one(path)?;
    let Some(target) = loaded.config.extend.clone() else {
        return Ok(loaded);
    };
    let refuse = |message: String, hint: &str| {
        let at = locate(&target, &loaded.text).or_else(|| locate_key("extend", &loaded.text));
        let (line, column) = at.unwrap_or((1, 1));
        ConfigError::Invalid {
            path: path.display().to_string(),
            line,
            column,
            message,
            hint: hint.into(),
        }
    };
    let extended = crate::scan::normal(&loaded.base_dir().join(&target));
    if !extended.is_file() {
        let what = match extended.is_dir() {
            true => "a folder, not a config file",
            false => "no config file",
        };
        return Err(refuse(
            format!("`extend: {target}` names {what} ({})", extended.display()),
            "write the path of the config to start from, relative to this config's folder",
        ));
    }
    chain.push(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    if std::fs::canonicalize(&extended).is_ok_and(|e| chain.contains(&e)) {
        return Err(refuse(
            format!("`extend: {target}` comes back to this config"),
            "a config cannot extend itself, directly or through others: extend one that does not",
        ));
    }
    let mut parent = load_chain(&extended, chain)?;
    let written = written_keys(&loaded.text);
    let from = Path::new(&target).parent().unwrap_or(Path::new(""));
    let config = std::mem::take(&mut parent.config);
    for key in inherit(&mut loaded.config, config, &written, from) {
        let (origin, text) = parent.source_of(key);
        (loaded.inherited).insert(key.to_string(), (origin, text.to_string()));
    }
    loaded.extended = [extended].into_iter().chain(parent.extended).collect();
    Ok(loaded)
}

/// The top-level keys a config's `text` writes.
pub(crate) fn written_keys(text: &str) -> Vec<String> {
    let keys = crate::yaml::from_str::<BTreeMap<String, IgnoredAny>>(text);
    keys.map(|k| k.into_keys().collect()).unwrap_or_default()
}

/// Takes from `parent` each setting `config` does not write (`written`), the paths of its rule
/// files and baseline made relative to this config's folder (`from` is the extended config's
/// folder from there); the keys taken. Its globs, which match below its own folder, are not
/// taken.
fn inherit(
    config: &mut Config,
    mut parent: Config,
    written: &[String],
    from: &Path,
) -> Vec<&'static str> {
    let rebase = |p: &mut String| {
        if p != "default" {
            *p = crate::scan::normal(&from.join(&*p)).display().to_string();
        }
    };
    parent.rules.iter_mut().flatten().for_each(rebase);
    parent.baseline.iter_mut().for_each(rebase);
    let mut taken = Vec::new();
    macro_rules! take {
        ($($key:ident),*) => {
            $(if !written.iter().any(|w| w == stringify!($key)) {
                config.$key = std::mem::take(&mut parent.$key);
                taken.push(stringify!($key));
            })*
        };
    }
    take!(
        rules,
        disable,
        severity,
        roles,
        scoring,
        lexicons,
        fillers,
        default_role,
        date_order,
        sentiment,
        fail_on,
        min_score,
        baseline,
        max_filesize,
        redact,
        redact_patterns,
        csv_delimiter,
        csv_bom
    );
    taken
}
