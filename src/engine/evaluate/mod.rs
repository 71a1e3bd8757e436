//! The rule semantics (SPEC §2, §2.1, §5): given every matcher hit of a conversation, each rule's
//! searches ([`search`]), windows ([`timeline`]), measures ([`timing`]), sentiment labels
//! ([`sentiment`]), sequences ([`sequence`]) and conditions ([`condition`]) become findings, and
//! the findings a score.

mod condition;
mod paragraph;
mod search;
mod sentiment;
mod sequence;
mod timeline;
mod timing;

use super::Scoring;
use super::compile::{CompiledFind, CompiledLook, CompiledRule, CompiledTarget};
use super::matcher::{self, Hit, Matcher};
use crate::rules::{Kind, Measure};
use crate::transcript::Transcript;
use search::{Conversation, Found, by_place};
pub use timeline::{Measures, measures, measures_of};

/// One rule outcome in a conversation: a finding before it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The rule's index in the rule set.
    pub rule: usize,
    /// 0-based turn index.
    pub turn: usize,
    /// The matched bytes of the turn's text as the matcher reads words: `ca` of `can't`, `'m
    /// sorry` of `I'm sorry` ([`Outcome::written`] widens it to the words written); `None` for a
    /// missing `require`, a condition or a measure.
    pub range: Option<(usize, usize)>,
    /// An unanswered trigger's bytes in the turn (a `require` rule with `after` sits at it).
    pub trigger: Option<(usize, usize)>,
    /// What a timing event measured: the silence's length, the talk share.
    pub measure: Option<Measure>,
    /// Points this finding added to the score (0 beyond `max_hits`).
    pub points: i32,
}

impl Outcome {
    /// The match widened to the written words it begins and ends in (`can't`, `I'm sorry`), as
    /// every report quotes it and places it; `text` is its turn's text.
    pub fn written(&self, text: &str) -> Option<(usize, usize)> {
        self.range
            .map(|range| crate::text::word_edges::whole_words(text, range))
    }
}

/// A conversation's findings and score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Sorted by turn, position and rule.
    pub outcomes: Vec<Outcome>,
    /// Findings a directive or `per_path_disable` suppressed: not scored, sorted like
    /// `outcomes`.
    pub suppressed: Vec<Outcome>,
    /// The rules that could not be applied: they need times the transcript does not have (or,
    /// judging an example, the trigger it lacks).
    pub not_applied: Vec<usize>,
    /// `clamp(base + Σ counted points, 0, 100)`.
    pub score: i32,
    /// An `auto_fail` rule hit.
    pub auto_failed: bool,
    /// The score reached the pass mark (and `min_score`) and no auto-fail rule hit.
    pub passed: bool,
    /// The least score that passes: the pass mark, or `min_score` when it is higher.
    pub needed: i32,
}

/// Which rules to evaluate, and how.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scope {
    /// Every rule, for a report.
    All,
    /// One rule, for `talklint test`: does it find what it looks for? A `require` rule is
    /// judged as a reward would be (a hit when its language is there), whatever `min_turns`.
    Example(usize),
}

/// A conversation's text, and what the matcher made of it.
pub(super) struct Text<'a> {
    pub transcript: &'a Transcript,
    pub source: &'a str,
    pub matcher: &'a Matcher,
    /// The matcher's buffers after it ran on the transcript: the symbol stream.
    pub matched: &'a matcher::Scratch,
}

/// Evaluates `rules` on a conversation given every matcher hit. `hits` is reordered. Outcomes
/// that `suppress` says are suppressed (asked of them all at once, in order; those past the end
/// of its list are not) are set apart and not scored.
pub(super) fn evaluate(
    rules: &[CompiledRule],
    text: Text,
    hits: &mut [Hit],
    scoring: Scoring,
    scope: Scope,
    suppress: &mut dyn FnMut(&[Outcome]) -> Vec<bool>,
) -> Evaluation {
    hits.sort_unstable_by_key(by_place);
    let transcript = text.transcript;
    let conv = Conversation::new(text, hits);
    // A conversation has about as many outcomes as hits, or fewer: one allocation, usually.
    let mut outcomes = Vec::with_capacity(hits.len());
    let mut not_applied = Vec::new();
    let which = match scope {
        Scope::All => 0..rules.len(),
        Scope::Example(r) => r..r + 1,
    };
    for r in which {
        let rule = &rules[r];
        if matches!(scope, Scope::All) && cannot_hit(rule, &conv) {
            continue;
        }
        let (kind, min_turns) = match (scope, rule.kind) {
            (Scope::Example(_), Kind::Require) => (Kind::Reward, 0),
            _ => (rule.kind, rule.min_turns),
        };
        let mut out = Outcomes {
            rule: r,
            points: rule.points,
            outcomes: &mut outcomes,
        };
        let applied = match &rule.target {
            CompiledTarget::Find { find, after: None } => {
                out.search(kind, rule.max_hits, find, min_turns, &conv)
            }
            CompiledTarget::Find {
                find,
                after: Some(after),
            } => (|| {
                let speaker = conv.turns_of(find.roles);
                let search = conv.search(find, &speaker)?;
                let triggers = conv.triggers(after, &speaker)?;
                // An example without a trigger tests nothing of a rule that requires an answer
                // to one (a forbid rule's clean example without it tests that it stays quiet).
                if matches!(scope, Scope::Example(_))
                    && rule.kind == Kind::Require
                    && triggers.is_empty()
                {
                    return None;
                }
                if kind == Kind::Require {
                    if speaker.len() >= min_turns {
                        for t in sequence::unanswered(&triggers, &search.found, &speaker) {
                            out.missing_trigger(t.found);
                        }
                    }
                } else {
                    let answered = sequence::answering(&triggers, &search.found, &speaker);
                    out.hits(&answered, rule.max_hits);
                }
                Some(())
            })(),
            CompiledTarget::When(condition) => {
                let h = conv.holds(condition);
                h.holds.map(|holds| {
                    // A rule reports when its condition holds; a require rule when it does not.
                    if holds != (kind == Kind::Require) && !transcript.turns.is_empty() {
                        // Held through absences alone (`not`), or a `require` not met, it sits
                        // on turn 1 with no match (SPEC §2.1). A condition's finding measures
                        // nothing: its place may be a timing event's, but the condition is more
                        // than that event.
                        let at = h.at.unwrap_or(Found::turn(0));
                        out.one(at.unmeasured());
                    }
                })
            }
        };
        if applied.is_none() {
            not_applied.push(r);
        }
    }
    outcomes.sort_by_key(|o| (o.turn, o.range.or(o.trigger).map_or(0, |r| r.0), o.rule));
    // Set apart in place: most conversations have nothing suppressed, and their outcomes stay
    // where they are.
    let mut suppressed = Vec::new();
    let mut apart = suppress(&outcomes).into_iter();
    outcomes.retain(|o| {
        let set_apart = apart.next().unwrap_or(false);
        if set_apart {
            suppressed.push(o.clone());
        }
        !set_apart
    });
    if !suppressed.is_empty() {
        recount_caps(rules, &mut outcomes);
    }
    scoring.score(rules, outcomes, suppressed, not_applied)
}

/// Gives the first `max_hits` hits of each capped rule its points again, and the rest none: a
/// suppressed hit does not use up a rule's cap. (`require` findings are not capped.)
fn recount_caps(rules: &[CompiledRule], outcomes: &mut [Outcome]) {
    let mut seen = vec![0usize; rules.len()];
    for o in outcomes.iter_mut() {
        let rule = &rules[o.rule];
        if let Some(cap) = rule.max_hits
            && rule.kind != Kind::Require
        {
            o.points = if seen[o.rule] < cap { rule.points } else { 0 };
            seen[o.rule] += 1;
        }
    }
}

/// Whether a plain phrase rule has nothing to go on: no hit of its phrases (and no regex of its
/// own to run), and its kind reports only hits. Most rules, in most conversations.
fn cannot_hit(rule: &CompiledRule, conv: &Conversation) -> bool {
    let CompiledTarget::Find { find, after: None } = &rule.target else {
        return false;
    };
    let CompiledLook::Words {
        phrases,
        window_regex,
        ..
    } = &find.look
    else {
        return false;
    };
    rule.kind != Kind::Require
        && window_regex.is_empty()
        && find.count.is_none_or(|c| c.min > 0)
        && conv.hits(*phrases).is_empty()
}

/// Where a rule's outcomes go.
struct Outcomes<'o> {
    rule: usize,
    points: i32,
    outcomes: &'o mut Vec<Outcome>,
}

impl Outcomes<'_> {
    fn push(&mut self, at: Found, points: i32) {
        self.outcomes.push(Outcome {
            rule: self.rule,
            turn: at.turn,
            range: at.range,
            trigger: None,
            measure: at.measure,
            points,
        });
    }

    /// A finding per match; only the first `max_hits` count.
    fn hits(&mut self, found: &[Found], max_hits: Option<usize>) {
        for (k, f) in found.iter().enumerate() {
            let points = if max_hits.is_none_or(|m| k < m) {
                self.points
            } else {
                0
            };
            self.push(*f, points);
        }
    }

    /// One finding.
    fn one(&mut self, at: Found) {
        self.push(at, self.points);
    }

    /// A finding at a trigger left unanswered.
    fn missing_trigger(&mut self, trigger: Found) {
        self.outcomes.push(Outcome {
            rule: self.rule,
            turn: trigger.turn,
            range: None,
            trigger: trigger.range,
            measure: None,
            points: self.points,
        });
    }

    /// A plain search: a finding per match, or (`require`) one when none is in the window, or
    /// (`count`) one when the number of matches is in range.
    fn search(
        &mut self,
        kind: Kind,
        max_hits: Option<usize>,
        find: &CompiledFind,
        min_turns: usize,
        conv: &Conversation,
    ) -> Option<()> {
        let speaker = conv.turns_of(find.roles);
        let search = conv.search(find, &speaker)?;
        let start = search
            .window
            .first()
            .copied()
            .or_else(|| conv.window_start(find))
            .map(Found::turn);
        let n = search.found.len();
        match (kind, find.count) {
            (Kind::Require, count) => {
                let holds = count.map_or(n > 0, |c| c.holds(n));
                if search.speaker_turns >= min_turns
                    && !holds
                    && let Some(at) = start
                {
                    self.one(at);
                }
            }
            (_, Some(count)) => {
                // A count's finding measures nothing: it counts events, whatever each measured.
                let reached = search.found.get(count.min.max(1) - 1);
                let reached = reached.map(|f| f.unmeasured()).or(start);
                if count.holds(n)
                    && let Some(at) = reached
                {
                    self.one(at);
                }
            }
            (_, None) => self.hits(&search.found, max_hits),
        }
        Some(())
    }
}
