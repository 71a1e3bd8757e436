//! Totals over a scan, accumulated conversation by conversation in constant memory.

use super::Conversation;
use crate::engine::Measures;
use crate::rules::{Kind, Severity};
use serde::{Serialize, Serializer};

/// Findings by severity, and rewards and tags apart.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub reward: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub tag: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The `summary` object of the reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub conversations: usize,
    pub skipped: usize,
    pub errors: usize,
    pub findings: Counts,
    pub passed: usize,
    pub failed: usize,
    #[serde(serialize_with = "one_decimal")]
    pub mean_score: f64,
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
    /// By agent name.
    pub agents: std::collections::BTreeMap<String, AgentStats>,
    /// Conversations by score decile: `scores[s / 10]`, 100 in the last.
    pub scores: [usize; 11],
}

/// One agent's conversations, scores and (in timed conversations) talk, silence and
/// interruptions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgentStats {
    pub conversations: usize,
    pub score_total: i64,
    /// Conversations with times, and what their clocks say.
    pub timed: usize,
    pub measures: Measures,
}

impl AgentStats {
    fn merge(&mut self, o: &AgentStats) {
        self.conversations += o.conversations;
        self.score_total += o.score_total;
        self.timed += o.timed;
        let (m, om) = (&mut self.measures, o.measures);
        m.agent_talk_ms += om.agent_talk_ms;
        m.talk_ms += om.talk_ms;
        m.silence_ms += om.silence_ms;
        m.agent_interruptions += om.agent_interruptions;
    }
}

impl Stats {
    fn merge(&mut self, o: &Stats) {
        if self.per_rule.len() < o.per_rule.len() {
            self.per_rule.resize(o.per_rule.len(), 0);
        }
        for (i, n) in o.per_rule.iter().enumerate() {
            self.per_rule[i] += n;
        }
        for (name, agent) in &o.agents {
            self.agents.entry(name.clone()).or_default().merge(agent);
        }
        for (a, b) in self.scores.iter_mut().zip(o.scores) {
            *a += b;
        }
    }

    fn add(&mut self, c: &Conversation) {
        for f in &c.findings {
            if self.per_rule.len() <= f.rule_index {
                self.per_rule.resize(f.rule_index + 1, 0);
            }
            self.per_rule[f.rule_index] += 1;
        }
        if let Some(agent) = c.agent {
            let measures = crate::engine::measures(c.transcript);
            let one = AgentStats {
                conversations: 1,
                score_total: i64::from(c.score),
                timed: usize::from(measures.is_some()),
                measures: measures.unwrap_or_default(),
            };
            self.agents
                .entry(agent.to_string())
                .or_default()
                .merge(&one);
        }
        self.scores[(c.score.clamp(0, 100) / 10) as usize] += 1;
    }
}

fn one_decimal<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((v * 10.0).round() / 10.0)
}

impl Summary {
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
        self.score_total += o.score_total;
        self.worst = self.worst.max(o.worst);
        self.stats.merge(&o.stats);
        if self.conversations > 0 {
            self.mean_score = self.score_total as f64 / self.conversations as f64;
        }
    }

    pub fn add(&mut self, c: &Conversation) {
        self.stats.add(c);
        self.conversations += 1;
        if c.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.score_total += i64::from(c.score);
        self.mean_score = self.score_total as f64 / self.conversations as f64;
        self.worst = self.worst.max(
            c.findings
                .iter()
                .filter(|f| f.is_problem())
                .map(|f| f.severity)
                .max(),
        );
        for f in &c.findings {
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
