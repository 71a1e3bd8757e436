//! Totals over a scan, accumulated conversation by conversation in constant memory.

use super::Conversation;
use crate::rules::{Kind, Severity};
use serde::{Serialize, Serializer};

/// Findings by severity, and rewards apart.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub reward: usize,
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
}

fn one_decimal<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((v * 10.0).round() / 10.0)
}

impl Summary {
    pub fn add(&mut self, c: &Conversation) {
        self.conversations += 1;
        if c.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.score_total += i64::from(c.score);
        self.mean_score = self.score_total as f64 / self.conversations as f64;
        for f in &c.findings {
            match (f.kind, f.severity) {
                (Kind::Reward, _) => self.findings.reward += 1,
                (_, Severity::Error) => self.findings.error += 1,
                (_, Severity::Warning) => self.findings.warning += 1,
                (_, Severity::Info) => self.findings.info += 1,
            }
        }
    }
}
