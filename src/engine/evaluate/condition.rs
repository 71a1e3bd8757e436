//! Conditions (`when`, SPEC §2.1): `all`, `any` and `not` over searches. A condition holds or
//! not, and when it holds through a positive search, it is located at that search's earliest
//! match.

use super::super::compile::CompiledCondition;
use super::search::{Conversation, Found};

/// Whether a condition holds, and where (its earliest positive match).
pub(super) struct Holds {
    pub holds: bool,
    pub at: Option<Found>,
}

impl Conversation<'_> {
    /// Evaluates `condition`; `None` when some search in it cannot apply here (a window or a
    /// measure that needs times the transcript does not have).
    pub(super) fn holds(&self, condition: &CompiledCondition) -> Option<Holds> {
        let earliest = |a: Option<Found>, b: Option<Found>| match (a, b) {
            (Some(a), Some(b)) => Some(if place(&b) < place(&a) { b } else { a }),
            (a, b) => a.or(b),
        };
        Some(match condition {
            CompiledCondition::Find(find) => {
                let speaker = self.turns_of(find.roles);
                let search = self.search(find, &speaker)?;
                let n = search.found.len();
                let holds = find.count.map_or(n > 0, |c| c.holds(n));
                Holds {
                    holds,
                    at: search.found.first().copied().filter(|_| holds),
                }
            }
            CompiledCondition::All(all) => {
                let mut result = Holds {
                    holds: true,
                    at: None,
                };
                for c in all {
                    let h = self.holds(c)?;
                    result.holds &= h.holds;
                    result.at = earliest(result.at, h.at);
                }
                result.at = result.at.filter(|_| result.holds);
                result
            }
            CompiledCondition::Any(any) => {
                let mut result = Holds {
                    holds: false,
                    at: None,
                };
                for c in any {
                    let h = self.holds(c)?;
                    if h.holds {
                        result.holds = true;
                        result.at = earliest(result.at, h.at);
                    }
                }
                result
            }
            CompiledCondition::Not(c) => Holds {
                holds: !self.holds(c)?.holds,
                at: None,
            },
        })
    }
}

fn place(f: &Found) -> (usize, usize) {
    (f.turn, f.range.map_or(0, |r| r.0))
}
