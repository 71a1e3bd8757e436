//! Loads rule files (the built-in pack, files, folders), checks every rule, applies the config's
//! `disable` and `severity` overrides, and gives one [`RuleSet`]. Reports every error found, not
//! only the first.

use super::error::{RuleError, SourceFile};
use super::lexicon::{LexiconSource, Lexicons};
use super::schema::{PackSpec, Severity};
use super::{Rule, RuleSet, builtin, import, validate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// The pack embedded in the binary.
    Builtin,
    /// A rule file, or a folder of `*.yaml`/`*.yml` files (searched recursively).
    Path(PathBuf),
}

/// How to adjust the loaded rules.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Rule ids or whole categories to drop.
    pub disable: Vec<String>,
    /// New severities by rule id or category.
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

/// Reads every rule file the sources name, as `(display name, text)`.
pub fn read_sources(sources: &[RuleSource]) -> Result<Vec<(String, String)>, Vec<RuleError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        match source {
            RuleSource::Builtin => {
                files.extend(
                    builtin::FILES
                        .iter()
                        .map(|(n, t)| (format!("<default>/{n}"), t.to_string())),
                );
            }
            RuleSource::Path(path) => match rule_files(path) {
                Ok(paths) => {
                    for p in paths {
                        let name = p.display().to_string();
                        match std::fs::read_to_string(&p) {
                            Ok(text) => files.push((name, text)),
                            Err(e) => errors.push(RuleError::in_file(
                                &name,
                                format!("cannot read rule file: {e}"),
                                "check the path and its permissions",
                            )),
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

/// The rule files at `path`: the file itself, or the YAML files below a folder, sorted.
fn rule_files(path: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let name = path.display().to_string();
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(RuleError::in_file(
            &name,
            "no such rule file or folder".into(),
            "pass a YAML rule file or a folder of them to --rules",
        ));
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            RuleError::in_file(
                &name,
                format!("cannot read folder: {e}"),
                "check permissions",
            )
        })?;
        let p = entry.path();
        if entry.file_type().is_file()
            && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        {
            out.push(p.to_path_buf());
        }
    }
    if out.is_empty() {
        return Err(RuleError::in_file(
            &name,
            "the folder holds no .yaml or .yml rule files".into(),
            "point --rules at rule files",
        ));
    }
    Ok(out)
}

/// The rules of one YAML rule file (named `t.yaml`), for tests.
#[cfg(test)]
pub(crate) fn one_file(yaml: &str) -> RuleSet {
    let files = [("t.yaml".to_string(), yaml.to_string())];
    load(&files, &Overrides::default(), &[]).unwrap().0
}

/// Parses and checks rule files (`(display name, text)`; a `.json` name is a cloud category or
/// phrase matcher, SPEC §12), reading phrases without `fillers`, and applies overrides. Returns
/// the rule set and warnings (cloud categories left out, overrides that name no loaded rule).
pub fn load(
    files: &[(String, String)],
    overrides: &Overrides,
    fillers: &[String],
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>> {
    let mut errors = Vec::new();
    let mut import_warnings = Vec::new();
    // Each file's specs, and for a cloud file the line and column of each rule's category.
    let mut packs = Vec::new();
    let mut warnings = Vec::new();
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
                }
                packs.push((file, pack, None));
            }
            Err(e) => errors.push(e),
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
    let lexicons = match Lexicons::load(&sources, fillers) {
        Ok(l) => l,
        Err(e) => {
            errors.extend(e);
            return Err(errors);
        }
    };
    let mut checked: Vec<Rule> = Vec::new();
    let mut seen: std::collections::HashMap<String, (String, usize)> =
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
        for (i, spec) in pack.rules.into_iter().enumerate() {
            match validate::check(spec, &checked_in, from, fillers, &lexicons) {
                Ok((mut rule, at)) => {
                    from = at + 1;
                    if let Some(place) = place(i) {
                        (rule.origin.line, rule.origin.column) = place;
                    }
                    let origin = rule.origin.clone();
                    match seen.get(&rule.id) {
                        Some((first_file, first_line)) => errors.push(RuleError {
                            message: format!("duplicate rule id `{}`: already defined at {first_file}:{first_line}", rule.id),
                            hint: Some("ids must be unique across all loaded rule files; rename one, or `disable` the other".into()),
                            file: origin.file,
                            line: origin.line,
                            column: origin.column,
                        }),
                        None => {
                            seen.insert(rule.id.clone(), (origin.file, origin.line));
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
    warnings.extend(import_warnings);
    warnings.extend(apply_overrides(&mut checked, overrides));
    let set = RuleSet {
        rules: checked,
        fillers: fillers.to_vec(),
        lexicons: lexicons.written(),
    };
    Ok((set, warnings))
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
        if s.needs_model && strict {
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

/// `:line:column` of the first place `key` is written in `text` (the config) as a whole name,
/// not as part of a longer one, or nothing.
fn place_of(key: &str, text: &str) -> String {
    locate(key, text).map_or_else(String::new, |(line, column)| format!(":{line}:{column}"))
}

/// The line and column of the first `key` in a config's `text` written as a whole YAML key or
/// value, outside comments: in quotes (`'tone/calm'`), or plain between delimiters (a blank, `[`,
/// `{` or `,` before it; a blank, `,`, `]`, `}` or `:` after it). `ORD-[0-9]{6` is not found in
/// `'ORD-[0-9]{6}'`, nor `[` at the flow list of `['[']`.
pub(crate) fn locate(key: &str, text: &str) -> Option<(usize, usize)> {
    let whole = |&(at, _): &(usize, &str)| {
        let before = text[..at].bytes().next_back();
        let after = text.as_bytes().get(at + key.len()).copied();
        let quoted = matches!(before, Some(q @ (b'\'' | b'"')) if after == Some(q));
        let plain = before.is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'[' | b'{' | b','))
            && after.is_none_or(|b| {
                matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}' | b':')
            });
        (quoted || plain) && !in_comment(text, at)
    };
    let (at, _) = text.match_indices(key).find(whole)?;
    Some(crate::text::lines::LineCursor::new(text).position(at))
}

/// The line and column of the top-level key `key` in a config's `text`: a line that opens with
/// `key:`. A value spelled like the key (`exclude: [rules]`) is not it.
pub(crate) fn locate_key(key: &str, text: &str) -> Option<(usize, usize)> {
    // `key:`, also quoted (`"key":`) or with blanks before the colon.
    let opens = |line: &str| {
        let line = line.trim_start_matches('\u{feff}');
        let named = |q: &str| line.strip_prefix(q)?.strip_prefix(key)?.strip_prefix(q);
        ["", "\"", "'"]
            .into_iter()
            .find_map(named)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
    };
    let number = text.split('\n').position(opens)?;
    Some((number + 1, 1))
}

/// Whether byte `at` of YAML `text` lies in a comment: after a `#` that opens its line or follows
/// a blank, outside a quoted scalar (which opens a value, after a blank, `[`, `{` or `,`; `''`
/// in single quotes and `\"` in double quotes do not close it).
fn in_comment(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text.as_bytes()[line_start..at];
    let (mut quote, mut prev) = (None, b' ');
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        match quote {
            Some(b'\'') if b == b'\'' && line.get(i + 1) == Some(&b'\'') => i += 1,
            Some(b'"') if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'#' && matches!(prev, b' ' | b'\t') => return true,
            None if matches!(b, b'\'' | b'"')
                && matches!(prev, b' ' | b'\t' | b'[' | b'{' | b',') =>
            {
                quote = Some(b)
            }
            None => {}
        }
        prev = b;
        i += 1;
    }
    false
}

/// Drops disabled rules and changes severities (and the points that follow from them, where a
/// rule does not set its own). An id or category that matches no loaded rule is
/// a warning (a typo, or a rule of a pack that `--rules` replaced).
fn apply_overrides(checked: &mut Vec<Rule>, o: &Overrides) -> Vec<String> {
    let matches = |key: &str, r: &Rule| r.id == key || r.category == key;
    let warnings = o
        .disable
        .iter()
        .chain(o.severity.keys())
        .filter(|key| !checked.iter().any(|c| matches(key, c)))
        .map(|key| {
            format!(
                "{}{}: `{key}` names no loaded rule or category{}; `talklint rules` lists them",
                o.origin,
                place_of(key, &o.text),
                crate::suggest::rule_like(key, checked)
            )
        })
        .collect();
    checked.retain(|c| !o.disable.iter().any(|k| matches(k, c)));
    for r in checked.iter_mut() {
        if let Some(s) = o
            .severity
            .get(&r.id)
            .or_else(|| o.severity.get(&r.category))
        {
            r.severity = *s;
            if !r.points_given {
                r.points = validate::default_points(r.kind, *s);
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::{locate, locate_key};

    #[test]
    fn a_key_is_found_as_a_whole_word_outside_comments() {
        let text = "# disable: [tone/calm]\nrules: [default] # not tone/calm-down\ndisable:\n  - tone/calm-down\n  - 'tone/calm' # tone/calm\n";
        assert_eq!(locate("tone/calm-down", text), Some((4, 5)));
        assert_eq!(locate("tone/calm", text), Some((5, 6)));
        // A `#` inside quotes or a word opens no comment, nor one after an escaped quote.
        assert_eq!(locate("x", "a: 'b # c' x\n"), Some((1, 12)));
        assert_eq!(locate("x", "a: b#c x\n"), Some((1, 8)));
        assert_eq!(locate("x", "a: ['don''t # y', x]\n"), Some((1, 19)));
        assert_eq!(locate("x", "a: [\"say \\\" # y\", x]\n"), Some((1, 19)));
        assert_eq!(locate("nowhere", text), None);
        // A whole value: not the start of a longer one, not a flow list's bracket.
        let patterns = "p:\n  - 'ORD-[0-9]{6}'\n  - 'ORD-[0-9]{6'\nq: ['[']\n";
        assert_eq!(locate("ORD-[0-9]{6", patterns), Some((3, 6)));
        assert_eq!(locate("[", patterns), Some((4, 6)));
        // A key where it opens a line, not a value spelled like it.
        let config = "exclude: [rules]\n# rules: none\nrules: []\n";
        assert_eq!(locate_key("rules", config), Some((3, 1)));
        assert_eq!(locate_key("fillers", config), None);
        assert_eq!(locate_key("rules", "a: 1\n\"rules\" : []\n"), Some((2, 1)));
        assert_eq!(locate_key("rules", "rulesets: []\n"), None);
    }
}
