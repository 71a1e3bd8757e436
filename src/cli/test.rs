//! `talklint test`: runs every loaded rule's examples; exit 0 when all pass, 1 when any fails.

use super::args::TestArgs;
use super::{CliError, Outcome};
use super::{rule_set, settings};
use crate::engine::{ExampleFailure, ExampleOutcome};
use crate::report;
use crate::rules::{RuleSet, builtin, place};
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
    let mut result = rule_set::engine(&rules)?.run_examples(&rules, &opts);
    place_examples(&mut result.failures);
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

/// Points each failed example at its own line in its rule file (else it keeps its rule's place:
/// a file that cannot be read again, an example not found as written).
fn place_examples(failures: &mut [ExampleFailure]) {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    for f in failures {
        let text = texts
            .entry(f.place.file.clone())
            .or_insert_with_key(|file| rule_file(file));
        let found = text
            .as_deref()
            .and_then(|text| place::locate_example(text, f.place.line, f.list, &f.example));
        if let Some((line, column)) = found {
            (f.place.line, f.place.column) = (line, column);
        }
    }
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
    let mut roles: Vec<&str> = turns().map(|t| t.role.name()).collect();
    roles.dedup();
    Some(format!(
        "the rule reads {} turns (`speaker:`), and the example has none (its turns are {}'s): \
         label them as the rule's speaker (`Customer: …`)",
        report::rules::speakers(rule.roles).join(" or "),
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
