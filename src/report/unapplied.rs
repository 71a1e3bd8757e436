//! The rules a conversation could not apply, as the reports say it (SPEC §2.1: the report says
//! so), with what each needs that a transcript may lack. "For want of the times, sentiment
//! labels or speaker roles" left a user whose export had start times but no end times to guess
//! which was missing.

use super::Conversation;
use crate::rules::{Rule, RuleSet};

/// What each rule that can go unapplied needs of a transcript, by id, in load order.
pub(super) struct Needs(Vec<(String, String)>);

impl Needs {
    pub(super) fn new(rules: &RuleSet) -> Needs {
        let each = rules
            .rules
            .iter()
            .filter_map(|r| Some((r.id.clone(), needs(r)?)));
        Needs(each.collect())
    }

    /// `not applied, for want of what they need: t/gap, t/early (start and end times on its
    /// turns); t/mood (sentiment labels on its turns)`, the rules that need the same grouped,
    /// in the conversation's order.
    pub(super) fn said(&self, c: &Conversation) -> Option<String> {
        if c.not_applied.is_empty() {
            return None;
        }
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for &id in &c.not_applied {
            let need = (self.0.iter().find(|(rule, _)| rule == id)).map_or(ANY, |(_, need)| need);
            match groups.iter_mut().find(|(n, _)| *n == need) {
                Some((_, ids)) => ids.push(id),
                None => groups.push((need, vec![id])),
            }
        }
        let (one, many) = ("it needs", "they need");
        let need = if c.not_applied.len() == 1 { one } else { many };
        let each = groups
            .iter()
            .map(|(need, ids)| format!("{} ({need})", ids.join(", ")));
        Some(format!(
            "not applied, for want of what {need}: {}",
            each.collect::<Vec<_>>().join("; ")
        ))
    }
}

/// What a rule that no transcript gives what it needs would want (a report `merge` reads may
/// name a rule no longer loaded the same).
const ANY: &str = "times, sentiment labels or speaker roles";

/// What rule `r` needs of a transcript that one may lack, or `None` when it applies to any:
/// `start and end times and sentiment labels on its turns, and each speaker's role`.
fn needs(r: &Rule) -> Option<String> {
    let on_turns: Vec<&str> = [
        (r.reads_times(), "start and end times"),
        (r.reads_sentiment(), "sentiment labels"),
    ]
    .into_iter()
    .filter_map(|(read, what)| read.then_some(what))
    .collect();
    let roles = r.reads_talk_share().then_some(", and each speaker's role");
    (!on_turns.is_empty()).then(|| {
        format!(
            "{} on its turns{}",
            on_turns.join(" and "),
            roles.unwrap_or_default()
        )
    })
}
