//! The rule semantics (SPEC §2, §5): given every matcher hit of a conversation, applies speaker
//! filters, windows, `unless`, `require`, hit caps and auto-fail, and scores the conversation.

use super::matcher::Hit;
use super::{CompiledRule, Scoring};
use crate::rules::{Kind, Window};
use crate::transcript::Transcript;
use std::borrow::Cow;

/// One rule outcome in a conversation: a finding before it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The rule's index in the rule set.
    pub rule: usize,
    /// 0-based turn index.
    pub turn: usize,
    /// The matched bytes of the turn's text; `None` for a missing `require`.
    pub range: Option<(usize, usize)>,
    /// Points this finding added to the score (0 beyond `max_hits`).
    pub points: i32,
}

/// A conversation's findings and score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Sorted by turn, position and rule.
    pub outcomes: Vec<Outcome>,
    /// `clamp(base + Σ counted points, 0, 100)`.
    pub score: i32,
    /// An `auto_fail` rule hit.
    pub auto_failed: bool,
    /// The score reached the pass mark (and `min_score`) and no auto-fail rule hit.
    pub passed: bool,
}

/// The order [`kept_hits`] reads a list's hits in: by turn, then position, longest first.
fn by_place(h: &Hit) -> (usize, usize, std::cmp::Reverse<usize>) {
    (h.turn, h.start, std::cmp::Reverse(h.end))
}

/// Evaluates `rules` on `transcript` given every matcher hit. `hits` is reordered.
pub(super) fn evaluate(
    rules: &[CompiledRule],
    transcript: &Transcript,
    source: &str,
    hits: &mut [Hit],
    scoring: Scoring,
) -> Evaluation {
    hits.sort_unstable_by_key(|h| (h.list, by_place(h)));
    let mut outcomes = Vec::new();
    // The turns each role set listens to; rules share a few role sets, so a list beats a map.
    let mut speaker_turns: Vec<(u8, Vec<usize>)> = Vec::new();
    let mut rest: &[Hit] = hits;
    let mut take = |list: u32| {
        let n = rest.iter().take_while(|h| h.list == list).count();
        let (taken, tail) = rest.split_at(n);
        rest = tail;
        taken
    };
    for (r, rule) in rules.iter().enumerate() {
        let (rule_hits, unless_hits) = (take(rule.phrases), take(rule.unless));
        if rule_hits.is_empty() && rule.kind != Kind::Require && rule.window_regex.is_empty() {
            continue;
        }
        let k = match speaker_turns
            .iter()
            .position(|(roles, _)| *roles == rule.roles)
        {
            Some(k) => k,
            None => {
                let turns = (0..transcript.turns.len())
                    .filter(|&i| transcript.turns[i].role.bit() & rule.roles != 0)
                    .collect();
                speaker_turns.push((rule.roles, turns));
                speaker_turns.len() - 1
            }
        };
        let turns = &speaker_turns[k].1;
        let Some(window) = window_turns(rule.window, turns, transcript) else {
            continue;
        };
        let rule_hits = with_window_regex_hits(rule, transcript, source, &window, rule_hits);
        let kept = kept_hits(&rule_hits, unless_hits, &window);
        match rule.kind {
            Kind::Forbid | Kind::Reward => {
                for (k, h) in kept.iter().enumerate() {
                    outcomes.push(Outcome {
                        rule: r,
                        turn: h.turn,
                        range: Some((h.start, h.end)),
                        points: if rule.max_hits.is_none_or(|m| k < m) {
                            rule.points
                        } else {
                            0
                        },
                    });
                }
            }
            Kind::Require => {
                if turns.len() >= rule.min_turns
                    && kept.is_empty()
                    && let Some(&turn) = window.first()
                {
                    outcomes.push(Outcome {
                        rule: r,
                        turn,
                        range: None,
                        points: rule.points,
                    });
                }
            }
        }
    }
    outcomes.sort_by_key(|o| (o.turn, o.range.map_or(0, |r| r.0), o.rule));
    scoring.score(rules, outcomes)
}

/// How many hits of `rule` count in `transcript` (in its window, not cancelled by `unless`),
/// given the matcher's hits of that rule's two lists, or `None` when its window cannot apply.
/// `talklint test` uses this.
pub(super) fn counted_hits(
    rule: &CompiledRule,
    transcript: &Transcript,
    source: &str,
    hits: &mut [Hit],
) -> Option<usize> {
    hits.sort_unstable_by_key(|h| (h.list, by_place(h)));
    let split = hits.partition_point(|h| h.list == rule.phrases);
    let (rule_hits, unless_hits) = hits.split_at(split);
    let turns: Vec<usize> = (0..transcript.turns.len())
        .filter(|&i| transcript.turns[i].role.bit() & rule.roles != 0)
        .collect();
    let window = window_turns(rule.window, &turns, transcript)?;
    let rule_hits = with_window_regex_hits(rule, transcript, source, &window, rule_hits);
    Some(kept_hits(&rule_hits, unless_hits, &window).len())
}

/// The rule's matcher hits, plus its regex hits in the window turns for a windowed regex rule,
/// in the order [`kept_hits`] needs.
fn with_window_regex_hits<'h>(
    rule: &CompiledRule,
    transcript: &Transcript,
    source: &str,
    window: &[usize],
    hits: &'h [Hit],
) -> Cow<'h, [Hit]> {
    if rule.window_regex.is_empty() {
        return Cow::Borrowed(hits);
    }
    let mut all = hits.to_vec();
    for &turn in window {
        let text = transcript.turns[turn].text(source);
        for re in &rule.window_regex {
            all.extend(re.find_iter(text).filter(|m| !m.is_empty()).map(|m| Hit {
                list: rule.phrases,
                turn,
                start: m.start(),
                end: m.end(),
            }));
        }
    }
    all.sort_unstable_by_key(by_place);
    Cow::Owned(all)
}

/// The turns of the rule's speaker inside its window, in order; `None` when the window needs times
/// the transcript does not have.
fn window_turns<'t>(
    window: Option<Window>,
    turns: &'t [usize],
    t: &Transcript,
) -> Option<Cow<'t, [usize]>> {
    let Some(window) = window else {
        return Some(Cow::Borrowed(turns));
    };
    let starts = || t.turns.iter().filter_map(|x| x.start_ms);
    Some(match window {
        Window::FirstTurns(n) => Cow::Borrowed(&turns[..n.min(turns.len())]),
        Window::LastTurns(n) => Cow::Borrowed(&turns[turns.len().saturating_sub(n)..]),
        Window::FirstSeconds(ms) => {
            let t0 = starts().min()?;
            Cow::Owned(
                turns
                    .iter()
                    .copied()
                    .filter(|&i| t.turns[i].start_ms.is_some_and(|s| s <= t0 + ms))
                    .collect(),
            )
        }
        Window::LastSeconds(ms) => {
            let end = t
                .turns
                .iter()
                .filter_map(|x| x.end_ms.or(x.start_ms))
                .max()?;
            let from = end.saturating_sub(ms);
            Cow::Owned(
                turns
                    .iter()
                    .copied()
                    .filter(|&i| {
                        t.turns[i]
                            .end_ms
                            .or(t.turns[i].start_ms)
                            .is_some_and(|e| e >= from)
                    })
                    .collect(),
            )
        }
    })
}

/// The rule's hits that count: in a window turn, in a turn without an `unless` hit, and not
/// overlapping an earlier hit of the same rule. Both hit lists are sorted by [`by_place`].
fn kept_hits<'h>(hits: &'h [Hit], unless: &[Hit], window: &[usize]) -> Vec<&'h Hit> {
    let mut kept: Vec<&Hit> = Vec::new();
    for turn_hits in hits.chunk_by(|a, b| a.turn == b.turn) {
        let turn = turn_hits[0].turn;
        if window.binary_search(&turn).is_err()
            || unless.binary_search_by_key(&turn, |h| h.turn).is_ok()
        {
            continue;
        }
        let mut last_end: Option<usize> = None;
        for h in turn_hits {
            if last_end.is_none_or(|e| h.start >= e) {
                kept.push(h);
                last_end = Some(h.end);
            }
        }
    }
    kept
}
