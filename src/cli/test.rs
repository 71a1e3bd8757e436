//! `talklint test`: runs every loaded rule's examples; exit 0 when all pass, 1 when any fails.

use super::args::TestArgs;
use super::{CliError, Outcome};
use super::{rule_set, settings};
use crate::engine::Engine;
use crate::report;
use crate::transcript::{ParseOptions, Role};

pub(super) fn run(args: TestArgs) -> Result<Outcome, CliError> {
    let cfg = rule_set::config(&args.config)?;
    let rules = rule_set::rule_set(&args.paths, &cfg, false)?;
    let opts = ParseOptions {
        roles: settings::roles(&cfg),
        default_role: Role::Agent,
    };
    let result = Engine::new(&rules)?.run_examples(&rules, &opts);
    super::print(&report::examples::render(&result))?;
    let missing = args.require_examples && !result.rules_without_examples.is_empty();
    Ok(if result.failures.is_empty() && !missing {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}
