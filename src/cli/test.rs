//! `talklint test`: runs every loaded rule's examples; exit 0 when all pass, 1 when any fails.

use super::args::TestArgs;
use super::{CliError, Outcome};
use super::{rule_set, settings};
use crate::engine::{ExampleFailure, ExampleOutcome};
use crate::report;
use crate::rules::{Origin, RuleSet, builtin, place};
use crate::transcript::{self, Format, ParseOptions};
use std::collections::HashMap;

pub(super) fn run(args: TestArgs) -> Result<Outcome, CliError> {
    let cfg = rule_set::config(&args.config)?;
    let rules = rule_set::for_test(&args.paths, &cfg)?;
    if rules.rules.is_empty() {
        return Err(no_rules(&args.paths));
    }
    let opts = ParseOptions {
        roles: settings::roles(&cfg),
        ..ParseOptions::default()
    };
    let mut files = RuleFiles::default();
    for warning in escaped_breaks(&rules, &mut files) {
        super::stderr::warning(&warning);
    }
    let mut result = rule_set::engine(&rules)?.run_examples(&rules, &opts);
    for f in &mut result.failures {
        (f.place.line, f.place.column) = files.place(&f.place, f.list, &f.example);
    }
    let notes: Vec<_> = (result.failures.iter())
        .map(|f| why_missing(f, &rules, &opts))
        .collect();
    super::print(&report::examples::render(&result, &notes))?;
    let missing = args.require_examples && !result.rules_without_examples.is_empty();
    Ok(if result.failures.is_empty() && !missing {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// A test of no rules, which tests nothing and so must not pass: `paths` (else the config's
/// `rules:`) hold only lexicons, or nothing.
fn no_rules(paths: &[std::path::PathBuf]) -> CliError {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let named = match names.is_empty() {
        true => "the files of the config's `rules:`".to_string(),
        false => names.join(", "),
    };
    CliError::Usage(format!(
        "no rules to test in {named}: a test that tests nothing does not pass\n  help: name \
         files that hold rules under `rules:` (a file of lexicons only is tested with the rules \
         that use them)"
    ))
}

/// The text of each rule file asked for, read once: where its examples are written.
#[derive(Default)]
struct RuleFiles(HashMap<String, Option<String>>);

impl RuleFiles {
    /// The line and column of `example` of the list `list` of the rule at `rule`; the rule's
    /// own when its file cannot be read again or does not write the example as it reads.
    fn place(&mut self, rule: &Origin, list: &str, example: &str) -> (usize, usize) {
        (self.text(&rule.file))
            .and_then(|text| place::locate_example(text, rule.line, list, example))
            .unwrap_or((rule.line, rule.column))
    }

    /// Whether the text at 1-based `line` and `column` of `file` is quoted by `quote`, just
    /// before it (an example is placed at its text's first character).
    fn quoted_at(&mut self, file: &str, (line, column): (usize, usize), quote: char) -> bool {
        let text = self.text(file).unwrap_or_default();
        let before = column.checked_sub(2).and_then(|at| {
            let line = text.lines().nth(line.checked_sub(1)?)?;
            line.chars().nth(at)
        });
        before == Some(quote)
    }

    fn text(&mut self, file: &str) -> Option<&str> {
        let text = self
            .0
            .entry(file.to_string())
            .or_insert_with_key(|f| rule_file(f));
        text.as_deref()
    }
}

/// A warning for each example that holds `\n` as two characters: in YAML single quotes or
/// plain, a backslash is itself, so `'Customer: hi\nAgent: calm down'` was one customer turn,
/// and its test passed or failed on what the example does not say.
fn escaped_breaks(rules: &RuleSet, files: &mut RuleFiles) -> Vec<String> {
    let mut out = Vec::new();
    for rule in &rules.rules {
        let lists = [("hit", &rule.examples.hit), ("clean", &rule.examples.clean)];
        for (list, examples) in lists {
            for (i, example) in examples.iter().enumerate() {
                if !example.contains("\\n") {
                    continue;
                }
                let (line, column) = files.place(&rule.origin, list, example);
                // In double quotes `\\n` is written as meant (`C:\\new`): a backslash and an n.
                if files.quoted_at(&rule.origin.file, (line, column), '"') {
                    continue;
                }
                out.push(format!(
                    "{}:{line}:{column}: {}: {list} example {} holds `\\n` as two characters, not \
                     a line break (YAML keeps a backslash as it is in single quotes and unquoted \
                     text): write the example in double quotes, or as a block (`|`) of one line \
                     a turn",
                    rule.origin.file,
                    rule.id,
                    i + 1
                ));
            }
        }
    }
    out
}

/// Why a `hit` example may have missed: a speaker of it whose label names no role, whom agent
/// and customer rules skip (`Speaker 1: …`), said as `check` warns of it, with the `roles:` to
/// write; else no turn of the speaker the rule reads (`Agent: …` for a customer's rule).
fn why_missing(failure: &ExampleFailure, rules: &RuleSet, opts: &ParseOptions) -> Option<String> {
    if failure.outcome != ExampleOutcome::Missing {
        return None;
    }
    let parsed = transcript::parse(&failure.example, Format::Text, opts).ok()?;
    let turns = || parsed.transcripts.iter().flat_map(|t| &t.turns);
    let no_role = (parsed.transcripts.iter())
        .find_map(|t| transcript::roles::unknown_speakers(&t.turns, &failure.example));
    let rule = rules.rules.iter().find(|r| r.id == failure.rule)?;
    if no_role.is_some() || turns().any(|t| t.role.bit() & rule.roles != 0) {
        return no_role;
    }
    let mut roles: Vec<&str> = Vec::new();
    for role in turns().map(|t| t.role.name()) {
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let speakers = report::rules::speakers(rule.roles);
    let label = speakers
        .first()
        .map_or(String::new(), |s| crate::text::capitalised(s));
    Some(format!(
        "the rule reads {} turns (`speaker:`), and the example has none (its turns are {}'s): \
         label them as the rule's speaker (`{label}: …`)",
        speakers.join(" or "),
        roles.join("'s and "),
    ))
}

/// The text of the rule file a rule's place names: a built-in file, or one read from disk.
fn rule_file(name: &str) -> Option<String> {
    match name.strip_prefix(builtin::PREFIX) {
        Some(name) => builtin::FILES
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| text.to_string()),
        None => std::fs::read_to_string(name).ok(),
    }
}
