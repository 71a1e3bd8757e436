//! `talklint rules`: lists the loaded rules, or shows one, as a table, JSON, Markdown or their
//! phrases' expansions.

use super::args::{RulesArgs, RulesFormat};
use super::rule_set;
use super::{CliError, Outcome};
use crate::report::rules as listing;
use crate::rules::Rule;
use crate::suggest::did_you_mean;

pub(super) fn run(args: RulesArgs) -> Result<Outcome, CliError> {
    let (_, set) = rule_set::rules(&args.rule_args)?;
    let selected: Vec<&Rule> = match &args.id {
        Some(id) => {
            let found: Vec<_> = set.rules.iter().filter(|r| &r.id == id).collect();
            if found.is_empty() {
                let suggestion = did_you_mean(id, set.rules.iter().map(|r| r.id.as_str()));
                return Err(CliError::NoSuchRule {
                    id: id.clone(),
                    suggestion,
                });
            }
            found
        }
        None => set.rules.iter().collect(),
    };
    let text = match args.format {
        RulesFormat::Json => listing::json(&selected),
        RulesFormat::Markdown => listing::markdown(&set, &selected),
        RulesFormat::Phrases => listing::expansions(&selected),
        RulesFormat::Human if args.id.is_some() => listing::detail(selected[0]),
        RulesFormat::Human => listing::table(&selected),
    };
    super::print(&text)?;
    Ok(Outcome::Clean)
}
