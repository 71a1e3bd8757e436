//! The rule files a `rules:` entry or `-r` names: the file itself, or the YAML files below a
//! folder. Links are followed (a pack shared by linking it in), a link back to a folder above
//! is passed over (its files are read already), and hidden entries (`.github/`) and configs
//! (`talklint.yaml`) are no rule files, as the transcript walk reads them.

use super::error::RuleError;
use std::path::{Path, PathBuf};

/// The rule files at `path`: the file itself, or the YAML files below a folder, sorted.
pub(super) fn rule_files(path: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let name = path.display().to_string();
    // A file, or what reads as one: a pipe named by a path (`-r <(…)`, a FIFO).
    if path.exists() && !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        // `-r defualt`: the built-in pack, mistyped.
        let builtin = match crate::suggest::closest(&name, ["default"]) {
            Some(_) => "; `default` names the built-in pack",
            None => "",
        };
        return Err(RuleError::of_no_place(
            &name,
            "no such rule file or folder".into(),
            format!(
                "check the path: name a rule file (YAML, or a cloud category's JSON) or a folder \
                 of YAML rule files{builtin}"
            ),
        ));
    }
    let mut out = Vec::new();
    let mut cloud = None;
    let walk = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !passed_over(e.file_name()));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => match e.path() {
                Some(p) if !is_yaml(p) && p.is_symlink() && !p.exists() => continue,
                Some(p) if p.is_symlink() && !p.exists() => {
                    return Err(RuleError::in_file(
                        &p.display().to_string(),
                        "a link to no file: the rule file it named is gone".into(),
                        "restore the file it links to, or remove the link",
                    ));
                }
                _ => {
                    return Err(RuleError::in_file(
                        &name,
                        format!("cannot read folder: {e}"),
                        "check permissions",
                    ));
                }
            },
        };
        if entry.file_type().is_file() && is_yaml(entry.path()) {
            out.push(entry.into_path());
        } else if cloud.is_none() && super::import::is_cloud(&entry.path().to_string_lossy()) {
            cloud = Some(entry.into_path());
        }
    }
    if out.is_empty() {
        // Cloud definitions are read only where named: a folder of exports is no pack.
        let help = match cloud {
            Some(json) => format!(
                "its .json files are read only where each is named (`-r {}`), or imported \
                 once: `talklint import {name}/*.json > rules.yaml`",
                json.display()
            ),
            None => "name the rule files, or a folder that holds them".into(),
        };
        return Err(RuleError::in_file(
            &name,
            "the folder holds no .yaml or .yml rule files".into(),
            &help,
        ));
    }
    Ok(out)
}

/// Whether a folder's entry named `name` is no rule file nor holds any: hidden (`.github/`,
/// `.talklint.yaml`), or a config's name.
fn passed_over(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || crate::config::NAMES.contains(&name.as_ref())
}

/// Whether `path` is named as a YAML file.
fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}
