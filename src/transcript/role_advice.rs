//! The warning for speakers whose label maps to no role (SPEC §4: the report says how many turns
//! were unknown), and the `roles:` line it proposes to name them.

use super::label_key::same;
use super::role_cues::{agent_of_two, speaks_as_agent};
use super::roles::Role;

/// The warning for turns whose speaker maps to no role, which agent and customer rules skip:
/// how many, whose (the first three labels), and how to name their roles; and how many name no
/// speaker at all. `None` when every turn has a role. `source` is the text the turns are of.
pub(crate) fn unknown_speakers(turns: &[super::Turn], source: &str) -> Option<String> {
    let unknown = turns.iter().filter(|t| t.role == Role::Unknown);
    let (named, anonymous) = unknown.clone().fold((0, 0), |(n, a), t| match t.speaker {
        Some(_) => (n + 1, a),
        None => (n, a + 1),
    });
    let total = turns.len();
    let anonymous = match anonymous {
        0 => None,
        _ => Some(format!(
            "{anonymous} of {total} turns name no speaker, so no role"
        )),
    };
    if named == 0 {
        return anonymous.map(|a| format!("{a}: agent and customer rules skip them"));
    }
    // Three are shown; a fourth says there are more.
    let labels = first_labels(unknown, 4);
    let more = if labels.len() > 3 { ", …" } else { "" };
    let shown: Vec<String> = labels.iter().take(3).map(|l| format!("\"{l}\"")).collect();
    // A role is known when a speaker has it: a turn without one says nothing of who is who.
    let has = |role: Role| turns.iter().any(|t| t.speaker.is_some() && t.role == role);
    let also = anonymous.map_or(String::new(), |a| {
        format!("; {a}, and agent and customer rules skip them too")
    });
    let roles = match (&labels[..], has(Role::Agent), has(Role::Customer)) {
        ([first, second, rest @ ..], false, false) => {
            let said = agent_of_two(turns, source, [first, second]);
            two_roles_to_name([first, second], said, !rest.is_empty())
        }
        (_, agent_known, customer_known) => {
            one_role_to_name(&labels, agent_known, customer_known, |label| {
                speaks_as_agent(turns, source, label)
            })
        }
    };
    Some(format!(
        "{named} of {total} turns have a speaker with no role ({}{more}): agent and customer rules \
         skip them; name their roles in the config {roles}{also}",
        shown.join(", "),
    ))
}

/// The first `most` distinct speaker labels of `turns`, in order: a file may name a speaker per
/// turn, so the search stops there.
pub(super) fn first_labels<'t>(
    turns: impl Iterator<Item = &'t super::Turn>,
    most: usize,
) -> Vec<&'t str> {
    let mut labels: Vec<&str> = Vec::with_capacity(most);
    for label in turns.filter_map(|t| t.speaker.as_deref()) {
        if labels.len() == most {
            break;
        }
        if !labels.iter().any(|l| same(l, label)) {
            labels.push(label);
        }
    }
    labels
}

/// The `roles:` line a warning proposes for the first two speakers with no role, in order of
/// their first turn, where neither role is known: as the agent, the one whose words say so
/// (`said`: its index, see [`agent_of_two`]), else the first to speak; said to be a guess. With
/// `others`, it says to name theirs too.
fn two_roles_to_name([first, second]: [&str; 2], said: Option<usize>, others: bool) -> String {
    let (agent, customer) = match said {
        Some(1) => (second, first),
        _ => (first, second),
    };
    let guess = match said {
        Some(_) => ", a guess from what each says: swap them if it is wrong",
        None => {
            ", a guess that the first to speak is the agent: swap them if the customer spoke first"
        }
    };
    roles_line(&[("agent", agent), ("customer", customer)], guess, others)
}

/// The `roles:` line a warning proposes for `labels`, the speakers with no role in order of
/// their first turn, where a role is known or one speaker has none: with the agent known, the
/// first of them as the customer, unless the customer is known too and its words are an
/// agent's (`speaks_as_agent`: a call handed on); else the first as the agent (with the customer
/// known, or alone). Where there are others, the line says to name theirs too.
fn one_role_to_name(
    labels: &[&str],
    agent_known: bool,
    customer_known: bool,
    speaks_as_agent: impl Fn(&str) -> bool,
) -> String {
    let first = labels.first().copied().unwrap_or("Speaker 1");
    let customer = agent_known && !(customer_known && speaks_as_agent(first));
    let role = if customer { "customer" } else { "agent" };
    // Only the first is guessed: the line alone would leave the others without one.
    roles_line(&[(role, first)], "", labels.len() > 1)
}

/// `(`roles: {ROLE: [LABEL], …}`GUESS)`, with each label as the file writes it, or `[...]` where
/// `--redact` masked one; with `others`, it says to name the other speakers' roles too.
fn roles_line(named: &[(&str, &str)], guess: &str, others: bool) -> String {
    // A label `--redact` masked cannot be shown: the config names it as the file writes it.
    let masked = named.iter().any(|(_, l)| crate::redact::holds_mask(l));
    let named: Vec<String> = named
        .iter()
        .map(|(role, label)| match masked {
            true => format!("{role}: [...]"),
            false => format!("{role}: [\"{label}\"]"),
        })
        .collect();
    let masked = match masked {
        true => ", with each label as the file writes it (`--redact` masks them here)",
        false => "",
    };
    // Pasted alone, the line would leave the speakers it does not name without a role.
    let others = match (others, guess.is_empty()) {
        (false, _) => "",
        (true, true) => ", and each other speaker's role likewise",
        (true, false) => "; and each other speaker's role likewise",
    };
    format!("(`roles: {{{}}}`{guess}{others}){masked}", named.join(", "))
}

/// `warning`, written without `--redact` and masked after (`merge --redact`), with the
/// `roles:` line it proposes written as a check with `--redact` writes it: a masked label as
/// `[...]`, not as a label to copy. `None` when it proposes no masked label, or its line cannot
/// be read back (a label holding `"]`).
pub(crate) fn unmask_roles_line(warning: &str) -> Option<String> {
    const OPEN: &str = "(`roles: {";
    let start = warning.find(OPEN)?;
    let mut rest = &warning[start + OPEN.len()..];
    let mut named = Vec::new();
    loop {
        let (role, after) = rest.split_once(": [\"")?;
        let (label, after) = after.split_once("\"]")?;
        named.push((role, label));
        match after.strip_prefix(", ") {
            Some(next) => rest = next,
            None => {
                rest = after.strip_prefix("}`")?;
                break;
            }
        }
    }
    if !named
        .iter()
        .any(|(_, label)| crate::redact::holds_mask(label))
    {
        return None;
    }
    // The guess read back says already what the line leaves to name.
    let (guess, after) = rest.split_once(')')?;
    let line = roles_line(&named, guess, false);
    Some(format!("{}{line}{after}", &warning[..start]))
}
