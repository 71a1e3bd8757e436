//! Loads rule files (the built-in pack, files, folders), checks every rule, applies the config's
//! `disable` and `severity` overrides, and gives one [`RuleSet`]. Reports every error found, not
//! only the first.

use super::error::{RuleError, SourceFile};
use super::folder::rule_files;
use super::lexicon::{LexiconSource, Lexicons};
use super::overrides::{apply_overrides, place_of};
use super::place::Lines;
use super::schema::{PackSpec, Severity};
use super::{Rule, RuleSet, builtin, import, phrase_warnings, prebuilt, validate};
use crate::utf8_file::NotText;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A rule file as `(display name, text)`: the built-in pack's text is borrowed from the binary,
/// not copied, as loading the pack peaks a one-file check's memory.
pub type RuleFile = (String, Cow<'static, str>);

/// Where rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// The pack embedded in the binary.
    Builtin,
    /// A rule file, or a folder of `*.yaml`/`*.yml` files (searched recursively, through links;
    /// hidden entries and configs passed over).
    Path(PathBuf),
}

/// How to adjust the loaded rules.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Rule ids or whole categories (`ownership`, `ownership/*`) to drop.
    pub disable: Vec<String>,
    /// New severities by rule id or category (`ownership`, `ownership/*`).
    pub severity: BTreeMap<String, Severity>,
    /// Lexicon entries to add (the config's `lexicons:`).
    pub lexicons: BTreeMap<String, Vec<String>>,
    /// Where the overrides were written (the config file), for error messages.
    pub origin: String,
    /// The text they were written in, for locating errors.
    pub text: String,
    /// A cloud category left out because it needs a model is an error, not a warning.
    pub strict_import: bool,
}

/// Reads every rule file the sources name, as `(display name, text)`; a file named twice (`-r
/// qa -r qa/fix.yaml`, `default` twice) is read once, as transcripts are.
pub fn read_sources(sources: &[RuleSource]) -> Result<Vec<RuleFile>, Vec<RuleError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut builtin_read = false;
    let mut named = std::collections::HashSet::new();
    for source in sources {
        match source {
            RuleSource::Builtin if std::mem::replace(&mut builtin_read, true) => {}
            RuleSource::Builtin => {
                files.extend(
                    builtin::FILES
                        .iter()
                        .map(|(n, t)| (format!("{}{n}", builtin::PREFIX), Cow::Borrowed(*t))),
                );
            }
            // A path named again (even one that is not there) is passed over.
            RuleSource::Path(path) if !named.insert(without_dots(path)) => {}
            RuleSource::Path(path) => match rule_files(path) {
                Ok(paths) => {
                    for p in paths {
                        if !seen.insert(std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone())) {
                            continue;
                        }
                        let name = p.display().to_string();
                        match crate::utf8_file::read(&p) {
                            Ok(text) => files.push((name, Cow::Owned(text))),
                            Err(NotText::Io(e)) => errors.push(RuleError::in_file(
                                &name,
                                format!("cannot read rule file: {e}"),
                                "check the path and its permissions",
                            )),
                            Err(NotText::Encoding(bad)) => {
                                errors.push(RuleError::encoding(name, bad))
                            }
                        }
                    }
                }
                Err(e) => errors.push(e),
            },
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// `path` without its `.` parts: `./fix.yaml` and `fix.yaml` are one path.
fn without_dots(path: &Path) -> PathBuf {
    let dot = |c: &std::path::Component| matches!(c, std::path::Component::CurDir);
    path.components().filter(|c| !dot(c)).collect()
}

/// The rules of one YAML rule file (named `t.yaml`), for tests.
#[cfg(test)]
pub(crate) fn one_file(yaml: &str) -> RuleSet {
    let files = [("t.yaml".to_string(), yaml.to_string().into())];
    load(&files, &Overrides::default(), &[]).unwrap().0
}

/// Parses and checks rule files (`(display name, text)`; a `.json` name is a cloud category or
/// phrase matcher, SPEC §12), reading phrases without `fillers`, and applies overrides. Returns
/// the rule set and warnings (cloud categories left out, overrides that name no loaded rule,
/// phrases that do not match as they read).
pub fn load(
    files: &[RuleFile],
    overrides: &Overrides,
    fillers: &[String],
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>> {
    load_judging(files, overrides, fillers, true)
}

/// Loads rule files as [`load`] does, for `talklint test`, which tests what their examples say:
/// with the config's lexicons (they change what phrases match), not its `disable` and `severity`
/// (they choose what `check` runs and how much its findings count, and a rule named to be tested
/// is tested), and with no warning about the config's entries, which may be written for rules
/// of files not loaded (`talklint test PATHS`): `check` judges those.
pub fn load_for_test(
    files: &[RuleFile],
    overrides: &Overrides,
    fillers: &[String],
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>> {
    let lexicons_only = Overrides {
        disable: Vec::new(),
        severity: BTreeMap::new(),
        ..overrides.clone()
    };
    load_judging(files, &lexicons_only, fillers, false)
}

/// [`load`]; `judge_config`: warn of the config's lexicons that no phrase uses.
fn load_judging(
    files: &[RuleFile],
    overrides: &Overrides,
    fillers: &[String],
    judge_config: bool,
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>> {
    // The built-in pack alone, without the config's lexicons, is read as it was checked when
    // talklint was built: parsing its YAML and phrases was most of a one-file check's start-up.
    let (checked, lexicons) = match prebuilt::read(files, overrides, fillers) {
        Some(checked) => (checked, None),
        None => {
            let (checked, lexicons) = check_files(files, overrides, fillers)?;
            (checked, Some(lexicons))
        }
    };
    let Checked {
        mut rules,
        written,
        mut warnings,
    } = checked;
    let (override_warnings, disabled) = apply_overrides(&mut rules, overrides);
    warnings.extend(override_warnings);
    warnings.extend(phrase_warnings::warnings(&rules, files, fillers));
    let unused = match (judge_config, lexicons) {
        (true, Some(lexicons)) => lexicons.unused_config_lexicons(&rules),
        _ => Vec::new(),
    };
    warnings.extend(
        (unused.into_iter()).map(|(name, near)| {
            let place = place_of("lexicons", &name, &overrides.text);
            let near = match near {
                Some(n) => format!(" (did you mean `{n}`, a lexicon of the rules?)"),
                None => String::new(),
            };
            format!(
                "{}{place}: the config's lexicon `{name}` is used by no phrase{near}: a config's `lexicons:` adds to the rule files' list of the same name, or defines one for a phrase to name as `{{{name}}}`",
                overrides.origin
            )
        }),
    );
    let set = RuleSet {
        rules,
        fillers: fillers.to_vec(),
        lexicons: written,
        disabled,
    };
    Ok((set, warnings))
}

/// Rules checked, before the config's `disable` and `severity` apply.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Checked {
    pub rules: Vec<Rule>,
    /// Every lexicon, by name, with its entries as written.
    pub written: BTreeMap<String, Vec<String>>,
    pub warnings: Vec<String>,
}

/// Parses and checks rule files with the config's lexicons: the rules, and the lexicons they
/// name.
pub(super) fn check_files(
    files: &[RuleFile],
    overrides: &Overrides,
    fillers: &[String],
) -> Result<(Checked, Lexicons), Vec<RuleError>> {
    let mut errors = Vec::new();
    let mut import_warnings = Vec::new();
    // Each file's specs, and for a cloud file the line and column of each rule's category.
    let mut packs = Vec::new();
    let mut warnings = Vec::new();
    // Files of lexicons alone: a pack's share of them is no rule file, but a run of them alone
    // checks nothing.
    let mut lexicons_only = Vec::new();
    for (name, text) in files {
        let file = SourceFile { name, text };
        if import::is_cloud(name) {
            match cloud_pack(
                &file,
                fillers,
                overrides.strict_import,
                &mut import_warnings,
            ) {
                Ok((pack, places)) => packs.push((file, pack, Some(places))),
                Err(e) => errors.extend(e),
            }
            continue;
        }
        match validate::parse_pack(&file) {
            Ok(pack) => {
                if pack.rules.is_empty() && pack.lexicons.is_empty() {
                    warnings.push(format!(
                        "{name}: no rules (an empty file, only comments, or `rules: []`); add rules under `rules:` or remove the file"
                    ));
                } else if pack.rules.is_empty() {
                    lexicons_only.push(name.as_str());
                }
                packs.push((file, pack, None));
            }
            Err(e) => errors.push(super::misnamed::misnamed(e, &file, fillers)),
        }
    }
    let config = SourceFile {
        name: &overrides.origin,
        text: &overrides.text,
    };
    let sources: Vec<LexiconSource> = packs
        .iter()
        .map(|(file, pack, _)| LexiconSource {
            file: SourceFile { ..*file },
            lexicons: &pack.lexicons,
            appends: false,
        })
        .chain(std::iter::once(LexiconSource {
            file: SourceFile { ..config },
            lexicons: &overrides.lexicons,
            appends: true,
        }))
        .collect();
    let (lexicons, repeats) = match Lexicons::load(&sources, fillers) {
        Ok(loaded) => loaded,
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    errors.extend(repeats);
    warnings.extend(lexicons.entry_warnings(&sources, fillers));
    let mut checked: Vec<Rule> = Vec::new();
    let mut seen: std::collections::HashMap<String, (String, usize, usize)> =
        std::collections::HashMap::new();
    for (file, pack, places) in packs {
        // A cloud file's rules are not written in its text: they are checked against none (so
        // no search for their ids runs through the file) and placed where their categories are.
        let checked_in = match places {
            Some(_) => SourceFile {
                name: file.name,
                text: "",
            },
            None => SourceFile { ..file },
        };
        let place = |i: usize| places.as_ref().and_then(|p| p.get(i).copied());
        let mut from = 0;
        let mut lines = Lines::new(checked_in.text);
        for (i, spec) in pack.rules.into_iter().enumerate() {
            let file = (&checked_in, &mut lines);
            match validate::check(spec, file, from, fillers, &lexicons) {
                Ok((mut rule, at)) => {
                    from = at + 1;
                    if let Some(place) = place(i) {
                        (rule.origin.line, rule.origin.column) = place;
                    }
                    let origin = rule.origin.clone();
                    match seen.get(&rule.id) {
                        Some((first_file, first_line, first_column)) => errors.push(RuleError {
                            message: format!("duplicate rule id `{}`: already defined at {first_file}:{first_line}:{first_column}", rule.id),
                            hint: Some("ids must be unique across all loaded rule files, a disabled rule's too: give this one an id of its own, and `disable` the other if it should not run".into()),
                            file: origin.file,
                            line: origin.line,
                            column: origin.column,
                        }),
                        None => {
                            seen.insert(rule.id.clone(), (origin.file, origin.line, origin.column));
                            checked.push(rule);
                        }
                    }
                }
                Err(mut e) => {
                    if let Some(place) = place(i) {
                        (e.line, e.column) = place;
                    }
                    errors.push(e);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if checked.is_empty() && !lexicons_only.is_empty() {
        warnings.push(format!(
            "{}: lexicons but no rules, and no other file loaded has any: nothing is checked; add rules under `rules:` that name them, or load the file beside a pack that does (`-r default -r FILE`, or `rules: [default, FILE]` in the config)",
            lexicons_only.join(", ")
        ));
    }
    warnings.extend(import_warnings);
    let written = lexicons.written();
    let checked = Checked {
        rules: checked,
        written,
        warnings,
    };
    Ok((checked, lexicons))
}

/// The 1-based line and column of each rule's category in a cloud rule file.
type Places = Vec<(usize, usize)>;

/// A cloud rule file's specs and the line and column of each category. A category left out is
/// a warning, or an error when it needs a model and `strict` is set (`--strict-import`).
fn cloud_pack(
    file: &SourceFile,
    fillers: &[String],
    strict: bool,
    warnings: &mut Vec<String>,
) -> Result<(PackSpec, Places), Vec<RuleError>> {
    let imported = import::read(file, fillers).map_err(|e| vec![e])?;
    let mut places = imported.places(file.text);
    let skipped_places = places.split_off(imported.categories.len());
    let mut errors = Vec::new();
    for (s, place) in imported.skipped.iter().zip(skipped_places) {
        let e = s.error(file.name, place);
        if s.strict_hint.is_some() && strict {
            errors.push(e);
        } else {
            warnings.push(format!("{}:{}:{}: {}", e.file, e.line, e.column, e.message));
        }
    }
    if errors.is_empty() {
        Ok((imported.pack(file.name), places))
    } else {
        Err(errors)
    }
}
