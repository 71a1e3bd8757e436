//! Lexicons (SPEC §2.1): named word lists that any phrase of any loaded file uses as `{name}`.
//! Entries are phrase syntax and may use other lexicons; a config's `lexicons:` appends to a list
//! of the same name (or defines a new one), so a company adds its own team names without copying
//! the pack. Every lexicon is parsed once, before the rules, with cycles and unknown names
//! reported where they are written.

use super::error::{RuleError, SourceFile, excerpt};
use super::phrase::{self, Alternatives};
use std::collections::{BTreeMap, HashMap};

/// One entry as written, and where.
#[derive(Debug)]
struct Entry {
    text: String,
    /// The file it is written in, by index into the sources.
    file: usize,
}

/// Every lexicon of the loaded files and the config, parsed.
#[derive(Debug, Default)]
pub(crate) struct Lexicons {
    /// Name → entries, in definition order (a config's after the pack's).
    defined: BTreeMap<String, Vec<Entry>>,
    /// The file that defines each name (config additions aside).
    owner: HashMap<String, usize>,
    /// Name → its entries parsed, each one sequence.
    parsed: HashMap<String, Alternatives>,
    /// Lexicons with an error (reported once, where it is written), or that use one.
    failed: std::collections::HashSet<String>,
}

/// Where lexicons are written: each rule file, then the config.
pub(crate) struct LexiconSource<'a> {
    pub file: SourceFile<'a>,
    pub lexicons: &'a BTreeMap<String, Vec<String>>,
    /// A config appends to the rule files' lists; a rule file defines its own.
    pub appends: bool,
}

impl Lexicons {
    /// Collects and parses the lexicons of `sources`; a cycle, an unknown name or a bad entry is
    /// an error where it is written. A name a second rule file defines again is an error too,
    /// given beside the lexicons (the first definition kept), so that the rules are still
    /// checked and every mistake of a copied pack is listed in one run.
    pub fn load(
        sources: &[LexiconSource],
        fillers: &[String],
    ) -> Result<(Lexicons, Vec<RuleError>), Vec<RuleError>> {
        let mut lexicons = Lexicons::default();
        let mut repeats = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            for (name, entries) in source.lexicons {
                if !source.appends {
                    if let Some(&first) = lexicons.owner.get(name) {
                        repeats.push((i, repeated(name, &source.file, &sources[first].file)));
                        continue;
                    }
                    lexicons.owner.insert(name.clone(), i);
                }
                lexicons
                    .defined
                    .entry(name.clone())
                    .or_default()
                    .extend(entries.iter().map(|text| Entry {
                        text: text.clone(),
                        file: i,
                    }));
            }
        }
        // In the order they are written, not by name.
        repeats.sort_by_key(|(i, e)| (*i, e.line, e.column));
        let mut errors: Vec<RuleError> = repeats.into_iter().map(|(_, e)| e).collect();
        let repeated = errors.len();
        let names: Vec<String> = lexicons.defined.keys().cloned().collect();
        for name in names {
            if let Err(Some(e)) = lexicons.resolve(&name, &mut Vec::new(), sources, fillers) {
                errors.push(e);
            }
        }
        if errors.len() == repeated {
            Ok((lexicons, errors))
        } else {
            Err(errors)
        }
    }

    /// A warning for each entry that does not match as it reads, as a phrase is warned of (see
    /// `phrase_warnings::entry_warning`; `fillers` are the words it is read without), at the
    /// entry where its file writes it; a phrase that names the lexicon is not warned of.
    pub fn entry_warnings(&self, sources: &[LexiconSource], fillers: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        let filler_words = super::phrase_warnings::FillerWords::new(fillers);
        for (name, entries) in &self.defined {
            for entry in entries {
                let says = super::phrase_warnings::entry_warning(&entry.text, &filler_words);
                let Some(says) = says else {
                    continue;
                };
                let file = &sources[entry.file].file;
                let list = key_at(file.text, name).unwrap_or(0);
                // As written: in double quotes, a backslash is written twice.
                let rest = &file.text[list..];
                let at = (rest.find(&entry.text))
                    .or_else(|| rest.find(&entry.text.replace('\\', "\\\\")))
                    .map_or(list, |i| list + i);
                let (line, column) = file.position(at);
                out.push(format!(
                    "{}:{line}:{column}: lexicon `{name}`: {says}",
                    file.name
                ));
            }
        }
        out
    }

    /// The entries of every lexicon as written, by name.
    pub fn written(&self) -> BTreeMap<String, Vec<String>> {
        self.defined
            .iter()
            .map(|(name, entries)| {
                (
                    name.clone(),
                    entries.iter().map(|e| e.text.clone()).collect(),
                )
            })
            .collect()
    }

    /// The lexicons the config defines that no rule file does and no phrase or lexicon uses,
    /// each with the rule files' lexicon nearest its name: a misspelt name (`retention_ofer`)
    /// made a new list, and the entries meant for the pack's never applied.
    pub fn unused_config_lexicons(&self, rules: &[super::Rule]) -> Vec<(String, Option<String>)> {
        let mut used: std::collections::HashSet<String> = rules
            .iter()
            .flat_map(|r| r.phrases())
            .flat_map(|p| slots(&p.text))
            .collect();
        used.extend((self.defined.values().flatten()).flat_map(|e| slots(&e.text)));
        let owned = || self.owner.keys().map(String::as_str);
        (self.defined.keys())
            .filter(|name| !self.owner.contains_key(*name) && !used.contains(*name))
            .map(|name| {
                let near = crate::suggest::closest(name, owned()).map(str::to_string);
                (name.clone(), near)
            })
            .collect()
    }

    /// The parsed entries of `name`, or an error that lists the known names, or says how to
    /// load the built-in pack when the name is one of its lexicons. A lexicon of no entries
    /// (none written, and none added by the config) is an error where it is used: what uses it
    /// could never match.
    pub fn get(&self, name: &str) -> Result<Alternatives, String> {
        let entries = self.parsed.get(name);
        if entries.is_some_and(|entries| entries.is_empty()) {
            return Err(format!(
                "lexicon `{{{name}}}` has no entries, so this can never match: add entries to it, \
                 where it is defined or in the config's `lexicons:`"
            ));
        }
        entries.cloned().ok_or_else(|| {
            let known: Vec<&str> = self.defined.keys().map(String::as_str).collect();
            if let Some(file) = builtin_owner(name) {
                format!(
                    "unknown lexicon `{{{name}}}`: it is a lexicon of the built-in pack \
                     (<default>/{file}), which is not loaded; load the pack beside this file \
                     (`talklint check -r default -r FILE`, `talklint test default FILE`, or \
                     `rules: [default, FILE]` in talklint.yaml)"
                )
            } else if known.is_empty() {
                format!("unknown lexicon `{{{name}}}`: no lexicons are loaded")
            } else {
                format!(
                    "unknown lexicon `{{{name}}}`; the known lexicons are {}",
                    known.join(", ")
                )
            }
        })
    }

    /// Parses `name`'s entries, the lexicons they use first; `stack` holds the names being
    /// parsed, to find cycles. An error is given once: a lexicon whose error was given, or that
    /// uses one, fails with `None`.
    fn resolve(
        &mut self,
        name: &str,
        stack: &mut Vec<String>,
        sources: &[LexiconSource],
        fillers: &[String],
    ) -> Result<(), Option<RuleError>> {
        if self.parsed.contains_key(name) {
            return Ok(());
        }
        if self.failed.contains(name) {
            return Err(None);
        }
        let result = self.parse_entries(name, stack, sources, fillers);
        if result.is_err() {
            self.failed.insert(name.to_string());
        }
        result
    }

    /// How to break `cycle` (names, the first again at the end): each use on it, and the file
    /// that writes it, where a config's entries close a cycle through the pack's lexicons.
    fn cycle_help(&self, cycle: &[String], sources: &[LexiconSource]) -> String {
        let uses: Vec<String> = cycle
            .windows(2)
            .map(|pair| {
                let (user, used) = (&pair[0], &pair[1]);
                let mut files: Vec<&str> = (self.defined[user].iter())
                    .filter(|e| slots(&e.text).contains(used))
                    .map(|e| sources[e.file].file.name)
                    .collect();
                files.dedup();
                format!("`{user}` uses `{{{used}}}` in {}", files.join(" and "))
            })
            .collect();
        format!(
            "a lexicon cannot use itself, even through others: remove one of these uses: {}",
            uses.join("; ")
        )
    }

    fn parse_entries(
        &mut self,
        name: &str,
        stack: &mut Vec<String>,
        sources: &[LexiconSource],
        fillers: &[String],
    ) -> Result<(), Option<RuleError>> {
        stack.push(name.to_string());
        let entries: Vec<(String, usize)> = self.defined[name]
            .iter()
            .map(|e| (e.text.clone(), e.file))
            .collect();
        let mut parsed = Vec::with_capacity(entries.len());
        for (text, file) in entries {
            let file = &sources[file].file;
            let at_entry_with = |message: String, help: String| {
                let from = file.text.find("lexicons").unwrap_or(0);
                let message = format!("lexicon `{name}`, entry \"{}\": {message}", excerpt(&text));
                file.error_at(from, &text, message, Some(help))
            };
            let at_entry = |message: String| {
                let help = "lexicon entries are phrases: words, `(a|b)`, `[opt]`, `*`, `{other}`";
                at_entry_with(message, help.into())
            };
            for used in slots(&text) {
                if let Some(k) = stack.iter().position(|n| *n == used) {
                    let mut cycle = stack[k..].to_vec();
                    cycle.push(used);
                    return Err(Some(at_entry_with(
                        format!("a lexicon cycle: {}", cycle.join(" → ")),
                        self.cycle_help(&cycle, sources),
                    )));
                }
                if stack.len() == phrase::MAX_NESTING {
                    return Err(Some(at_entry(format!(
                        "lexicons nest more than {} deep here; name fewer lexicons inside lexicons",
                        phrase::MAX_NESTING
                    ))));
                }
                if self.defined.contains_key(&used) {
                    self.resolve(&used, stack, sources, fillers)?;
                }
            }
            let pattern = phrase::parse(&text, fillers, &mut |n: &str| self.get(n))
                .map_err(|e| Some(at_entry(e.message)))?;
            parsed.push(pattern.items);
        }
        stack.pop();
        self.parsed
            .insert(name.to_string(), phrase::Choice::new(parsed));
        Ok(())
    }
}

/// The `{name}`s a phrase uses, escaped braces aside.
fn slots(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                names.push(name.trim().to_string());
            }
            _ => {}
        }
    }
    names
}

/// The built-in rule file that defines lexicon `name`, if one does: read only for an error, so
/// a pack that uses the built-in lexicons without loading them is told how to load them.
fn builtin_owner(name: &str) -> Option<&'static str> {
    #[derive(serde::Deserialize)]
    struct OnlyLexicons {
        #[serde(default)]
        lexicons: BTreeMap<String, serde::de::IgnoredAny>,
    }
    super::builtin::FILES.iter().find_map(|(file, text)| {
        let pack: OnlyLexicons = crate::yaml::from_str(text).ok()?;
        pack.lexicons.contains_key(name).then_some(*file)
    })
}

/// Where `name:` is written as a key in `text`: after a line's indentation, not in a comment
/// (`# team:`) or as the end of another name (`sales_team:`).
fn key_at(text: &str, name: &str) -> Option<usize> {
    let key = format!("{name}:");
    let indented = |at: usize| {
        let line = text[..at].rsplit(['\n', '\r']).next().unwrap_or_default();
        line.trim().is_empty()
    };
    text.match_indices(&key)
        .map(|(at, _)| at)
        .find(|&at| indented(at))
}

/// The error of lexicon `name` defined in `file` again, after `first` defined it: at the key in
/// each where it is written as one (`team:` in a block mapping), else at the name's first
/// mention, with the first file named without a line (`lexicons: {team: […]}`).
fn repeated(name: &str, file: &SourceFile, first: &SourceFile) -> RuleError {
    let earlier = match key_at(first.text, name).map(|at| first.position(at)) {
        Some((line, column)) => format!("at {}:{line}:{column}", first.name),
        None => format!("in {}", first.name),
    };
    let message = format!("lexicon `{name}` is already defined {earlier}");
    let hint = Some("rename one, or add entries to it from the config's `lexicons:`".into());
    match key_at(file.text, name) {
        Some(at) => file.error_here(at, message, hint),
        None => file.error_at(0, &format!("{name}:"), message, hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &[(&str, &[&str])]) -> Result<Lexicons, Vec<RuleError>> {
        let text = "lexicons:\n";
        let maps: Vec<BTreeMap<String, Vec<String>>> = yaml
            .iter()
            .map(|(name, entries)| {
                BTreeMap::from([(
                    name.to_string(),
                    entries.iter().map(|e| e.to_string()).collect(),
                )])
            })
            .collect();
        let sources: Vec<LexiconSource> = maps
            .iter()
            .map(|m| LexiconSource {
                file: SourceFile {
                    name: "x.yaml",
                    text,
                },
                lexicons: m,
                appends: false,
            })
            .collect();
        let (lexicons, repeats) = Lexicons::load(&sources, &[])?;
        match repeats.is_empty() {
            true => Ok(lexicons),
            false => Err(repeats),
        }
    }

    #[test]
    fn lexicons_use_each_other_once_parsed() {
        let l = load(&[
            ("team", &["billing", "{place} team"]),
            ("place", &["the store"]),
        ])
        .unwrap();
        assert_eq!(l.get("team").unwrap().len(), 2);
        assert!(l.get("nope").unwrap_err().contains("place, team"));
    }

    #[test]
    fn cycles_and_repeats_are_errors() {
        let e = load(&[("a", &["x {b}"]), ("b", &["{a} y"])]).unwrap_err();
        assert!(e[0].message.contains("a → b → a"), "{}", e[0].message);
        let e = load(&[("a", &["x"]), ("a", &["y"])]).unwrap_err();
        assert!(e[0].message.contains("already defined"), "{}", e[0].message);
        let e = load(&[("a", &["{missing}"])]).unwrap_err();
        assert!(e[0].message.contains("unknown lexicon"), "{}", e[0].message);
    }

    #[test]
    fn escaped_braces_are_not_slots() {
        assert_eq!(slots("a {b} \\{c} {d e}"), ["b", "d e"]);
    }
}
