//! Applies the rules to one conversation's hits (SPEC §2, §5): speaker filters, windows, `unless`,
//! `require`, hit caps, auto-fail, and the score.

use crate::matcher::Hit;
use crate::rules::{Kind, Rule, RuleSet, Window};
use crate::transcript::Transcript;
use std::borrow::Cow;

/// How scores are computed: `score = clamp(base + Σ counted points, 0, 100)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoring {
    pub base: i32,
    /// A conversation passes when its score is at least this and no auto-fail rule hit.
    pub pass: i32,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring { base: 80, pass: 70 }
    }
}

/// One rule outcome in a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
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
    /// Sorted by turn and position.
    pub outcomes: Vec<Outcome>,
    pub score: i32,
    pub auto_failed: bool,
    pub passed: bool,
}

/// Evaluates `rules` on `transcript` given every matcher hit. `hits` is reordered.
pub fn evaluate(
    rules: &RuleSet,
    transcript: &Transcript,
    source: &str,
    hits: &mut [Hit],
    scoring: Scoring,
) -> Evaluation {
    hits.sort_unstable_by_key(|h| (h.rule, h.turn, h.unless, h.start, std::cmp::Reverse(h.end)));
    let mut outcomes = Vec::new();
    // The turns each role set listens to; rules share a few role sets, so a list beats a map.
    let mut speaker_turns: Vec<(u8, Vec<usize>)> = Vec::new();
    let mut rest: &[Hit] = hits;
    for (r, rule) in rules.rules.iter().enumerate() {
        let n = rest.iter().take_while(|h| h.rule == r).count();
        let (rule_hits, tail) = rest.split_at(n);
        rest = tail;
        if rule_hits.is_empty() && rule.kind != Kind::Require && !windowed_regex(rule) {
            continue;
        }
        let k = match speaker_turns
            .iter()
            .position(|(roles, _)| *roles == rule.roles)
        {
            Some(k) => k,
            None => {
                let turns = (0..transcript.turns.len())
                    .filter(|&i| rule.listens_to(transcript.turns[i].role))
                    .collect();
                speaker_turns.push((rule.roles, turns));
                speaker_turns.len() - 1
            }
        };
        let turns = &speaker_turns[k].1;
        let Some(window) = window_turns(rule, turns, transcript) else {
            continue;
        };
        let rule_hits = with_window_regex_hits(r, rule, transcript, source, &window, rule_hits);
        let kept = kept_hits(&rule_hits, &window);
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
    let total: i32 = outcomes.iter().map(|o| o.points).sum();
    let score = (scoring.base + total).clamp(0, 100);
    let auto_failed = outcomes
        .iter()
        .any(|o| rules.rules[o.rule].auto_fail && rules.rules[o.rule].kind != Kind::Reward);
    Evaluation {
        passed: score >= scoring.pass && !auto_failed,
        outcomes,
        score,
        auto_failed,
    }
}

/// How many hits of rule `r` count in `transcript` (in its window, not cancelled by `unless`),
/// given that rule's matcher hits only, or `None` when its window cannot apply. `talklint test`
/// uses this.
pub fn counted_hits(
    r: usize,
    rule: &Rule,
    transcript: &Transcript,
    source: &str,
    hits: &mut [Hit],
) -> Option<usize> {
    hits.sort_unstable_by_key(|h| (h.turn, h.unless, h.start, std::cmp::Reverse(h.end)));
    let turns: Vec<usize> = (0..transcript.turns.len())
        .filter(|&i| rule.listens_to(transcript.turns[i].role))
        .collect();
    let window = window_turns(rule, &turns, transcript)?;
    let hits = with_window_regex_hits(r, rule, transcript, source, &window, hits);
    Some(kept_hits(&hits, &window).len())
}

/// Whether the rule's regexes run here, on its window's turns only, rather than in the matcher's
/// set over every turn: a window of a few turns is far cheaper to search.
pub fn windowed_regex(rule: &Rule) -> bool {
    rule.window.is_some() && !rule.regex.is_empty()
}

/// The rule's matcher hits, plus its regex hits in the window turns for a windowed regex rule,
/// in the order [`kept_hits`] needs.
fn with_window_regex_hits<'h>(
    r: usize,
    rule: &Rule,
    transcript: &Transcript,
    source: &str,
    window: &[usize],
    hits: &'h [Hit],
) -> Cow<'h, [Hit]> {
    if !windowed_regex(rule) {
        return Cow::Borrowed(hits);
    }
    let mut all = hits.to_vec();
    for &turn in window {
        let text = transcript.turns[turn].text(source);
        for re in &rule.regex {
            all.extend(re.find_iter(text).filter(|m| !m.is_empty()).map(|m| Hit {
                rule: r,
                unless: false,
                turn,
                start: m.start(),
                end: m.end(),
            }));
        }
    }
    all.sort_unstable_by_key(|h| (h.turn, h.unless, h.start, std::cmp::Reverse(h.end)));
    Cow::Owned(all)
}

/// The turns of the rule's speaker inside its window, in order; `None` when the window needs times
/// the transcript does not have.
fn window_turns<'t>(rule: &Rule, turns: &'t [usize], t: &Transcript) -> Option<Cow<'t, [usize]>> {
    let Some(window) = rule.window else {
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

/// The rule's hits that count: in a window turn, not cancelled by an `unless` phrase in the same
/// turn, and not overlapping an earlier hit of the same rule. `hits` are sorted by
/// (turn, unless, start, longest first).
fn kept_hits<'h>(hits: &'h [Hit], window: &[usize]) -> Vec<&'h Hit> {
    let mut kept: Vec<&Hit> = Vec::new();
    for turn_hits in hits.chunk_by(|a, b| a.turn == b.turn) {
        let turn = turn_hits[0].turn;
        if window.binary_search(&turn).is_err() || turn_hits.iter().any(|h| h.unless) {
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
