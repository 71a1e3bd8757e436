//! Who a conversation's agents are, and which of them each turn is charged to: a call handed
//! from one agent to another (Maria, then Tom) counts for both, and each finding goes to the
//! agent who spoke its turn, not to whoever spoke first.

use crate::transcript::label_key::key;
use crate::transcript::{Role, Transcript, roles};

/// The people a conversation's agent turns name, one per person (labels compared in any case
/// and spacing, [`key`]), in the order they first speak: the first, and all of them when there
/// are two or more (else none, so that a conversation of one agent allocates nothing).
pub(crate) fn named(transcript: &Transcript) -> (Option<&str>, Vec<&str>) {
    let (mut first, mut all): (Option<&str>, Vec<&str>) = (None, Vec::new());
    // Turns share their speaker's string: a label asked once is not asked again.
    let mut first_label: Option<&str> = None;
    let mut labels: Vec<&str> = Vec::new();
    for t in transcript.turns.iter().filter(|t| t.role == Role::Agent) {
        let Some(label) = t.speaker.as_deref() else {
            continue;
        };
        let same = |a: &&str| std::ptr::eq(*a, label) || *a == label;
        if first_label.as_ref().is_some_and(same) || labels.iter().any(same) {
            continue;
        }
        match first_label {
            None => first_label = Some(label),
            Some(_) => labels.push(label),
        }
        let Some(person) = roles::person(label) else {
            continue;
        };
        match first {
            None => first = Some(person),
            Some(one) if key(one) == key(person) => {}
            Some(one) => {
                if all.is_empty() {
                    all.push(one);
                }
                if !all.iter().any(|a| key(a) == key(person)) {
                    all.push(person);
                }
            }
        }
    }
    (first, all)
}

/// For each turn of `transcript`, the index in `agents` (from [`named`], two or more) of the
/// agent it is charged to: the agent who speaks it, else the last named agent to speak before
/// it (a customer's turn, an agent's turn that names no one), else the first to speak at all.
pub(crate) fn charges(transcript: &Transcript, agents: &[&str]) -> Vec<usize> {
    let mut current = 0;
    let mut last: Option<(&str, Option<usize>)> = None;
    let mut out = Vec::with_capacity(transcript.turns.len());
    for t in &transcript.turns {
        if t.role == Role::Agent
            && let Some(label) = t.speaker.as_deref()
        {
            let index = match last {
                Some((l, index)) if std::ptr::eq(l, label) || l == label => index,
                _ => {
                    roles::person(label).and_then(|p| agents.iter().position(|a| key(a) == key(p)))
                }
            };
            last = Some((label, index));
            current = index.unwrap_or(current);
        }
        out.push(current);
    }
    out
}
