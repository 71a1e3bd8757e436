//! Totals over a scan, accumulated conversation by conversation in constant memory.

use super::Conversation;
use super::rank::{RuleTally, points_lost};
use crate::engine::Measures;
use crate::rules::{Kind, Severity};
use crate::transcript::Role;
use crate::transcript::label_key::folded;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// Findings by severity, and rewards and tags apart.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub reward: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub tag: usize,
}

pub(super) fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The `summary` object of the reports.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Summary {
    pub files: usize,
    pub conversations: usize,
    pub skipped: usize,
    pub errors: usize,
    pub findings: Counts,
    pub passed: usize,
    pub failed: usize,
    /// Conversations whose agent was guessed from what two speakers say (no label or `roles:`
    /// names a role); written only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    pub agent_guessed: usize,
    /// Conversations with no agent turn, in which agent rules had nothing to judge (a speaker
    /// the labels and `roles:` name no role may be the agent); written only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    pub no_agent_turn: usize,
    /// Problems the `--baseline` report knows, held back from the findings and the scores;
    /// written only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// The mean of the conversations' scores, to one decimal; null when no conversation was
    /// scored (a mean of 0.0 would read as every conversation scoring 0).
    #[serde(serialize_with = "one_decimal")]
    #[schemars(with = "Option<f64>")]
    pub mean_score: Option<f64>,
    /// The shard of files the run checked (`--shard 2/8`), so that `merge` tells a shard's
    /// report missing or given twice; written only then.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[1-9][0-9]*/[1-9][0-9]*$"))]
    pub shard: Option<String>,
    #[serde(skip)]
    score_total: i64,
    /// The most severe problem finding.
    #[serde(skip)]
    pub worst: Option<Severity>,
    /// Per rule and per agent, for `--statistics`.
    #[serde(skip)]
    pub stats: Stats,
}

/// Finding counts per rule, conversations and score totals per agent, and a score histogram.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Findings by rule index.
    pub per_rule: Vec<usize>,
    /// Points lost to problems, by rule index.
    pub points_lost: Vec<u64>,
    /// By agent, keyed by the name in any case and spacing ([`key`]): `SARAH`, `Sarah` and
    /// `Sarah  Lee` typed with two spaces are one agent, shown as first seen.
    pub agents: BTreeMap<String, AgentStats>,
    /// Conversations by score decile: `scores[s / 10]`, 100 in the last.
    pub scores: [usize; 11],
}

/// One agent's conversations, scores and (in timed conversations) talk, silence and
/// interruptions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentStats {
    /// The name as first seen.
    pub name: String,
    pub conversations: usize,
    pub score_total: i64,
    /// Conversations with times, and what their clocks say.
    pub timed: usize,
    pub measures: Measures,
    /// Conversations that passed.
    pub passed: usize,
    /// Problem findings by rule index.
    pub problems: BTreeMap<usize, RuleTally>,
    /// Conversations by tag rule index.
    pub tags: BTreeMap<usize, usize>,
}

impl AgentStats {
    fn merge(&mut self, o: &AgentStats) {
        self.conversations += o.conversations;
        self.score_total += o.score_total;
        self.timed += o.timed;
        let (m, om) = (&mut self.measures, o.measures);
        m.agent_talk_ms = m.agent_talk_ms.saturating_add(om.agent_talk_ms);
        m.talk_ms = m.talk_ms.saturating_add(om.talk_ms);
        m.silence_ms = m.silence_ms.saturating_add(om.silence_ms);
        m.agent_interruptions += om.agent_interruptions;
        self.passed += o.passed;
        for (rule, tally) in &o.problems {
            self.problems.entry(*rule).or_default().merge(tally);
        }
        for (rule, n) in &o.tags {
            *self.tags.entry(*rule).or_default() += n;
        }
    }
}

impl Stats {
    fn merge(&mut self, o: &Stats) {
        for (i, n) in o.per_rule.iter().enumerate() {
            add_at(&mut self.per_rule, i, *n);
        }
        for (i, n) in o.points_lost.iter().enumerate() {
            add_at(&mut self.points_lost, i, *n);
        }
        for (name, agent) in &o.agents {
            // Most names are known by now: the name is copied only for a new one.
            match self.agents.get_mut(name) {
                Some(known) => known.merge(agent),
                None => {
                    self.agents.insert(name.clone(), agent.clone());
                }
            }
        }
        for (a, b) in self.scores.iter_mut().zip(o.scores) {
            *a += b;
        }
    }

    /// The stats of agent `name` (any case and spacing), new if it has none: totals span many
    /// files (a part of a scan's chunk), so its name is copied only the first time.
    fn agent(&mut self, name: &str) -> &mut AgentStats {
        // Asked once per conversation: a short name is folded without an allocation.
        let mut buf = [0u8; 32];
        let key = folded(name, &mut buf);
        if !self.agents.contains_key(&*key) {
            let new = AgentStats {
                name: name.to_string(),
                ..AgentStats::default()
            };
            self.agents.insert(key.clone().into_owned(), new);
        }
        self.agents.get_mut(&*key).expect("inserted above")
    }

    fn add(&mut self, c: &Conversation) {
        for f in c.findings.iter().filter(|f| f.suppressed.is_none()) {
            add_at(&mut self.per_rule, f.rule_index, 1);
            if f.is_problem() {
                add_at(&mut self.points_lost, f.rule_index, points_lost(f.points));
            }
        }
        // A conversation counts for each agent who spoke in it; a finding for the agent it is
        // charged to, its own `agent` in a conversation of several, else the conversation's.
        let several = !c.agents.is_empty();
        let charges = several.then(|| super::agents::charges(c.transcript, &c.agents));
        let agents = if several {
            &c.agents[..]
        } else {
            c.agent.as_slice()
        };
        for (index, &agent) in agents.iter().enumerate() {
            let measures = match &charges {
                Some(charges) => crate::engine::measures_of(c.transcript, |i| {
                    c.transcript.turns[i].role == Role::Agent && charges[i] == index
                }),
                None => crate::engine::measures(c.transcript),
            };
            let one = AgentStats {
                conversations: 1,
                score_total: i64::from(c.score),
                timed: usize::from(measures.is_some()),
                measures: measures.unwrap_or_default(),
                passed: usize::from(c.passed),
                ..AgentStats::default()
            };
            let a = self.agent(agent);
            a.merge(&one);
            // A tag counts once per conversation.
            let mut tags: Vec<usize> = Vec::new();
            for f in &c.findings {
                if f.is_problem() {
                    // In a conversation of several, `f.agent` is one of `c.agents` as written.
                    if !several || f.agent == Some(agent) {
                        a.problems.entry(f.rule_index).or_default().add(f.points);
                    }
                } else if f.kind == Kind::Tag && !tags.contains(&f.rule_index) {
                    tags.push(f.rule_index);
                    *a.tags.entry(f.rule_index).or_default() += 1;
                }
            }
        }
        self.scores[(c.score.clamp(0, 100) / 10) as usize] += 1;
    }
}

/// Adds `n` to `v[i]`, growing `v` as needed.
fn add_at<T: Copy + Default + std::ops::AddAssign>(v: &mut Vec<T>, i: usize, n: T) {
    if v.len() <= i {
        v.resize(i + 1, T::default());
    }
    v[i] += n;
}

fn one_decimal<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    // As the other reports print it (`{:.1}`, which rounds a tie such as 79.25 to even): the
    // same mean everywhere.
    match v {
        Some(v) => s.serialize_f64(format!("{v:.1}").parse().unwrap_or(*v)),
        None => s.serialize_none(),
    }
}

impl Summary {
    /// The summary of a run that checks nothing yet, of `shard`'s files if it names one.
    pub fn of_shard(shard: Option<String>) -> Summary {
        Summary {
            shard,
            ..Summary::default()
        }
    }

    /// Adds another summary's totals (of other files) to this one.
    pub fn merge(&mut self, o: &Summary) {
        self.files += o.files;
        self.conversations += o.conversations;
        self.skipped += o.skipped;
        self.errors += o.errors;
        self.findings.error += o.findings.error;
        self.findings.warning += o.findings.warning;
        self.findings.info += o.findings.info;
        self.findings.reward += o.findings.reward;
        self.findings.tag += o.findings.tag;
        self.passed += o.passed;
        self.failed += o.failed;
        self.agent_guessed += o.agent_guessed;
        self.no_agent_turn += o.no_agent_turn;
        self.baselined += o.baselined;
        self.score_total += o.score_total;
        self.worst = self.worst.max(o.worst);
        self.stats.merge(&o.stats);
        self.mean_score = self.mean();
    }

    /// The mean score, if any conversation was scored.
    fn mean(&self) -> Option<f64> {
        (self.conversations > 0).then(|| self.score_total as f64 / self.conversations as f64)
    }

    pub fn add(&mut self, c: &Conversation) {
        self.stats.add(c);
        self.conversations += 1;
        self.agent_guessed += usize::from(c.agent_guessed);
        self.no_agent_turn += usize::from(c.no_agent_turn);
        self.baselined += c.baselined;
        if c.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.score_total += i64::from(c.score);
        self.mean_score = self.mean();
        self.worst = self.worst.max(
            c.findings
                .iter()
                .filter(|f| f.is_problem())
                .map(|f| f.severity)
                .max(),
        );
        for f in c.findings.iter().filter(|f| f.suppressed.is_none()) {
            match (f.kind, f.severity) {
                (Kind::Reward, _) => self.findings.reward += 1,
                (Kind::Tag, _) => self.findings.tag += 1,
                (_, Severity::Error) => self.findings.error += 1,
                (_, Severity::Warning) => self.findings.warning += 1,
                (_, Severity::Info) => self.findings.info += 1,
            }
        }
    }
}
