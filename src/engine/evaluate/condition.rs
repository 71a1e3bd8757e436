//! Conditions (`when`, SPEC §2.1): `all`, `any` and `not` over searches, in three-valued logic.
//! A search that needs times the transcript does not have is unknown; `any` holds when a branch
//! holds, `all` fails when a branch fails, `not` of unknown is unknown, and only a condition that
//! stays unknown leaves its rule not applied. A condition that holds through a positive search is
//! located at that search's earliest match; one that holds through absences alone, on turn 1
//! with no match (SPEC §2.1).

use super::super::compile::CompiledCondition;
use super::search::{Conversation, Found};

/// Whether a condition holds (`None`: unknown here), and where (its earliest positive match).
pub(super) struct Holds {
    pub holds: Option<bool>,
    pub at: Option<Found>,
}

impl Holds {
    fn known(holds: bool, at: Option<Found>) -> Holds {
        Holds {
            holds: Some(holds),
            at: at.filter(|_| holds),
        }
    }

    const UNKNOWN: Holds = Holds {
        holds: None,
        at: None,
    };
}

impl Conversation<'_> {
    /// Evaluates `condition`; its `holds` is `None` when that depends on a search that cannot
    /// apply here (a window or a measure that needs times the transcript does not have).
    pub(super) fn holds(&self, condition: &CompiledCondition) -> Holds {
        match condition {
            CompiledCondition::Find(find) => {
                let speaker = self.turns_of(find.roles);
                let Some(search) = self.search(find, &speaker) else {
                    return Holds::UNKNOWN;
                };
                let n = search.found.len();
                let holds = find.count.map_or(n > 0, |c| c.holds(n));
                Holds::known(holds, search.found.first().copied())
            }
            CompiledCondition::All(all) => self.combine(all, false),
            CompiledCondition::Any(any) => self.combine(any, true),
            CompiledCondition::Not(c) => Holds {
                holds: self.holds(c).holds.map(|h| !h),
                at: None,
            },
        }
    }

    /// `any` (`decisive` true) or `all` (`decisive` false): a branch whose value is `decisive`
    /// decides it, else an unknown branch makes it unknown, else it is `!decisive`. It is located
    /// at the earliest match of words of the branches that hold, else at their earliest measure.
    fn combine(&self, branches: &[CompiledCondition], decisive: bool) -> Holds {
        let (mut decided, mut unknown, mut at) = (false, false, None::<Found>);
        for branch in branches {
            let h = self.holds(branch);
            match h.holds {
                None => unknown = true,
                Some(value) => {
                    decided |= value == decisive;
                    if value {
                        at = match (at, h.at) {
                            (Some(a), Some(b)) if place(&b) < place(&a) => Some(b),
                            (a, b) => a.or(b),
                        };
                    }
                }
            }
        }
        match (decided, unknown) {
            (true, _) => Holds::known(decisive, at),
            (false, true) => Holds::UNKNOWN,
            (false, false) => Holds::known(!decisive, at),
        }
    }
}

/// The order the places of branches that hold are chosen in: a match of words first, earliest
/// first, then a measure or a sentiment, which quotes nothing (a finding placed there would
/// give `{match}` nothing to say).
fn place(f: &Found) -> (bool, usize, usize) {
    (f.range.is_none(), f.turn, f.range.map_or(0, |r| r.0))
}
