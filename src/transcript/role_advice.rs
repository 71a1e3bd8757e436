//! The warning for speakers whose label maps to no role (SPEC §4: the report says how many turns
//! were unknown), and the `roles:` line it proposes to name them.

use super::roles::Role;

/// The warning for turns whose speaker maps to no role, which agent and customer rules skip:
/// how many, whose (the first three labels), and how to name their roles; and how many name no
/// speaker at all. `None` when every turn has a role.
pub(crate) fn unknown_speakers(turns: &[super::Turn]) -> Option<String> {
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
    Some(format!(
        "{named} of {total} turns have a speaker with no role ({}{more}): agent and customer rules \
         skip them; name their roles in the config {}{also}",
        shown.join(", "),
        roles_to_name(&labels, has(Role::Agent), has(Role::Customer))
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
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// The `roles:` line a warning proposes for `labels`, the speakers with no role in order of
/// their first turn: with the agent known, the first of them as the customer; with neither
/// known and two or more of them, the first to speak as the agent and the next as the customer,
/// said to be a guess; else the first as the agent (with the customer known, or alone).
fn roles_to_name(labels: &[&str], agent_known: bool, customer_known: bool) -> String {
    let first = labels.first().copied().unwrap_or("Speaker 1");
    let (named, guess): (Vec<(&str, &str)>, &str) = match labels {
        [_, second, ..] if !agent_known && !customer_known => (
            vec![("agent", first), ("customer", second)],
            ", a guess that the first to speak is the agent: swap them if the customer spoke first",
        ),
        _ if agent_known && !customer_known => (vec![("customer", first)], ""),
        _ => (vec![("agent", first)], ""),
    };
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
    format!("(`roles: {{{}}}`{guess}){masked}", named.join(", "))
}
