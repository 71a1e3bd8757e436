//! `talklint rules`: lists the loaded rules, or shows one, as a table, JSON, Markdown or their
//! phrases' expansions.

use super::args::{RulesArgs, RulesFormat};
use super::rule_set;
use super::{CliError, Outcome};
use crate::report::rules as listing;
use crate::rules::{Rule, RuleSet};

pub(super) fn run(args: RulesArgs) -> Result<Outcome, CliError> {
    let (cfg, set) = rule_set::rules(&args.rule_args)?;
    let selected: Vec<&Rule> = match &args.id {
        Some(id) => {
            let found: Vec<_> = set.rules.iter().filter(|r| &r.id == id).collect();
            // A rule the config disables is loaded, and then left out: say so.
            let every = || rule_set::for_test(&args.rule_args.rules, &cfg);
            if found.is_empty() && every()?.rules.iter().any(|r| &r.id == id) {
                let config = cfg
                    .path
                    .as_ref()
                    .map_or("the config".into(), |p| p.display().to_string());
                return Err(CliError::Usage(format!(
                    "`{id}` is loaded and then disabled by the `disable` of {config}\n  help: \
                     remove it (or its category) from `disable` there to run it, or pass \
                     --no-config to see the rule as its file writes it"
                )));
            }
            // A category (`ownership`, `ownership/*`), as directives and `disable` name one: its
            // rules, listed.
            let category = id.strip_suffix("/*").unwrap_or(id);
            let of_category = || set.rules.iter().filter(|r| r.category == category);
            if found.is_empty() && of_category().next().is_some() {
                return show(&args, &set, &of_category().collect::<Vec<_>>(), false);
            }
            if found.is_empty() {
                let suggestion = crate::suggest::rule_like(id, &set.rules);
                return Err(CliError::NoSuchRule {
                    id: id.clone(),
                    suggestion,
                });
            }
            found
        }
        None => set.rules.iter().collect(),
    };
    show(&args, &set, &selected, args.id.is_some())
}

/// Prints the `selected` rules of `set` in the format asked for: one rule's every detail when
/// `one` was named, else a table.
fn show(
    args: &RulesArgs,
    set: &RuleSet,
    selected: &[&Rule],
    one: bool,
) -> Result<Outcome, CliError> {
    let text = match args.format {
        RulesFormat::Json => listing::json(selected),
        RulesFormat::Markdown => listing::markdown(set, selected),
        RulesFormat::Phrases => listing::expansions(selected),
        RulesFormat::Human if one => listing::detail(selected[0]),
        RulesFormat::Human => listing::table(selected),
    };
    super::print(&text)?;
    if args.format == RulesFormat::Phrases {
        // Said, so that a search of the listing that finds nothing is not taken for a phrase
        // that matches nothing.
        for (rule, phrase, keys) in listing::cut_short(selected) {
            super::stderr::warning(&format!(
                "{rule}: the phrase \"{phrase}\" (under `{}`) stands for more than {n} word \
                 sequences; the first {n} are listed (talklint matches them all)",
                keys.join("`, `"),
                n = listing::LISTED_VARIANTS,
            ));
        }
    }
    Ok(Outcome::Clean)
}
