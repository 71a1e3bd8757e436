//! Who the agent is where no label says: two speakers whose labels name no role (a diariser's
//! `spk_0`/`spk_1`, a chat's two names) are told apart by what they say, and a speaker beside
//! one whose role is known has the other role.

use super::label_key::same;
use super::role_advice::first_labels;
use super::role_cues::agent_of_two;
use super::roles::Role;
use std::sync::Arc;

/// The default for diarised two-speaker calls and chats of two names: when no speaker label maps
/// to a role and there are exactly two labels (`spk_0`/`spk_1`, `0`/`1`, `A`/`B`, `Ben`/`Ria`),
/// the agent is the speaker whose first and last turns hold more of an agent's phrases, those
/// only an agent says, less those only a customer says, weighing first ([`agent_of_two`]: a chat's customer usually writes first,
/// and the agent answers "thanks for contacting us, how can I help?"; an outbound call's customer
/// may thank the agent for calling, and the agent said who they are and whom they call for); when
/// they hold as many, whoever says the first turn of three words or more (a call
/// opens with the agent's greeting; a caller's "Mm." or "Hello?" before it does not count). The
/// other is the customer. Turns that name no speaker (a segment the diariser gave no label) are
/// no third speaker and keep their role; when that first turn is one of them, nothing says who
/// the agent is, and there is no guess. Config `roles:` overrides it. A transcript whose roles
/// were guessed says so ([`Transcript::agent_guessed`](super::Transcript::agent_guessed)).
pub(crate) fn assign_diarised_roles(t: &mut super::Transcript, source: &str) {
    if let Some(given) = other_side_of_one(&mut t.turns) {
        t.agent_guessed |= given == Role::Agent;
        return;
    }
    // A reader may have guessed already (AWS PCA's speaker order), and then no turn is left
    // without a role: its guess stands.
    t.agent_guessed |= guess_roles(&mut t.turns, source);
}

/// With two speakers of whom one has the agent's or the customer's role (by its label, or
/// `roles:`) and the other none, the other has the other role: a chat whose agents `roles:`
/// names reads whole, though its customer's name changes with each chat. A bot's or the
/// system's messages are no third speaker. The role given, if any: an agent so found is a guess
/// (a bot the labels do not name may be the one beside the customer).
fn other_side_of_one(turns: &mut [super::Turn]) -> Option<Role> {
    let unnamed = |t: &super::Turn| t.speaker.is_some() && t.role == Role::Unknown;
    if !turns.iter().any(unnamed) {
        return None;
    }
    let people = |t: &&super::Turn| !matches!(t.role, Role::Bot | Role::System | Role::Any);
    let labels = first_labels(turns.iter().filter(people), 3);
    let [a, b] = labels[..] else {
        return None;
    };
    let role_of = |label: &str| {
        let mut roles = (turns.iter())
            .filter(|t| t.speaker.as_deref().is_some_and(|s| same(s, label)))
            .map(|t| t.role);
        let first = roles.next()?;
        roles.all(|r| r == first).then_some(first)
    };
    let (other, label) = match (role_of(a)?, role_of(b)?) {
        (Role::Agent, Role::Unknown) => (Role::Customer, b),
        (Role::Customer, Role::Unknown) => (Role::Agent, b),
        (Role::Unknown, Role::Agent) => (Role::Customer, a),
        (Role::Unknown, Role::Customer) => (Role::Agent, a),
        _ => return None,
    };
    let label = label.to_string();
    for t in (turns.iter_mut()).filter(|t| t.speaker.as_deref().is_some_and(|s| same(s, &label))) {
        t.role = other;
    }
    Some(other)
}

/// [`assign_diarised_roles`] of `turns`: whether it gave them roles.
fn guess_roles(turns: &mut [super::Turn], source: &str) -> bool {
    let mut named = turns.iter().filter(|t| t.speaker.is_some());
    if named.any(|t| t.role != Role::Unknown) {
        return false;
    }
    // The first three distinct labels: a third is enough to say no.
    let labels = first_labels(turns.iter(), 3);
    if labels.len() != 2 {
        return false;
    }
    let opener: Arc<str> = match agent_of_two(turns, source, [labels[0], labels[1]]) {
        Some(agent) => labels[agent].into(),
        None => match turns
            .iter()
            .find(|t| t.text(source).split_whitespace().count() >= 3)
        {
            Some(t) => match &t.speaker {
                Some(speaker) => speaker.clone(),
                None => return false,
            },
            None => labels[0].into(),
        },
    };
    for t in turns {
        let Some(speaker) = &t.speaker else {
            continue;
        };
        t.role = if same(speaker, &opener) {
            Role::Agent
        } else {
            Role::Customer
        };
    }
    true
}
