//! Checks the searches that look at turns rather than words: a `timing` measure and the
//! `sentiment` labels a transcript carries. Kept apart from the word searches of [`super::search`],
//! which they exclude.

use super::super::error::RuleError;
use super::super::model::Timing;
use super::super::schema::{OneOrMany, Speaker, TimingSpec};
use super::search::Checker;
use crate::transcript::Sentiment;

/// The keys of a search that measure turns instead of matching words, as written.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Measure<'s> {
    pub timing: Option<&'s TimingSpec>,
    pub sentiment: Option<&'s OneOrMany<Sentiment>>,
}

impl Checker<'_> {
    /// The measure of `timing`, taken of the turns of `roles`; one that could never hold, or
    /// always would, is an error.
    pub fn timing(&self, spec: &TimingSpec, roles: u8) -> Result<Timing, RuleError> {
        let ms = |s: f64| (s * 1000.0).round() as u64;
        let set: Vec<Timing> = [
            spec.silence_seconds.map(|s| Timing::Silence(ms(s))),
            spec.interrupts_seconds.map(|s| Timing::Interrupts(ms(s))),
            spec.interrupts_total_seconds
                .map(|s| Timing::InterruptsTotal(ms(s))),
            spec.talk_share_above.map(Timing::TalkShareAbove),
            spec.talk_share_below.map(Timing::TalkShareBelow),
            spec.turn_seconds_above.map(|s| Timing::TurnAbove(ms(s))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let seconds = [
            ("silence_seconds", spec.silence_seconds),
            ("interrupts_seconds", spec.interrupts_seconds),
            ("interrupts_total_seconds", spec.interrupts_total_seconds),
            ("turn_seconds_above", spec.turn_seconds_above),
        ];
        let shares = [
            ("talk_share_above", spec.talk_share_above),
            ("talk_share_below", spec.talk_share_below),
        ];
        let measures = "write one of `silence_seconds: N`, `interrupts_seconds: N`, `interrupts_total_seconds: N`, `talk_share_above: 0.7`, `talk_share_below: 0.2`, `turn_seconds_above: N`";
        for (key, value) in seconds {
            if let Some(s) = value.filter(|s| !s.is_finite() || *s < 0.0) {
                return Err(self.fail_value(
                    &["timing", key],
                    format!("`{key}: {s}` is not a number of seconds of 0 or more"),
                    "write the seconds as a number such as `30` or `2.5`",
                ));
            }
        }
        for (key, value) in shares {
            if let Some(f) = value.filter(|f| !(0.0..=1.0).contains(f)) {
                let hint = match f > 1.0 && f <= 100.0 {
                    true => format!("write `{key}: {}` for {f}%", f / 100.0),
                    false => "write a share such as `0.7` for 70% of the talk time".to_string(),
                };
                return Err(self.fail_value(
                    &["timing", key],
                    format!("`{key}: {f}` is not a share of talk time from 0 to 1"),
                    &hint,
                ));
            }
        }
        match set.as_slice() {
            [one] => self.share_that_varies(*one, roles),
            [] => Err(self.fail("timing", "`timing` has no measure".into(), measures)),
            _ => Err(self.fail(
                "timing",
                format!("`timing` has {} measures: a search measures one", set.len()),
                "keep one measure here; for two, write two conditions of a `when: {all: [...]}`",
            )),
        }
    }

    /// `timing` itself when it is no talk share, or one that some call could hold and another
    /// not: a share is of the turns of `roles` in all talk, so of every speaker's it is always 1,
    /// and it is never above 1 nor below 0.
    fn share_that_varies(&self, timing: Timing, roles: u8) -> Result<Timing, RuleError> {
        let (key, share) = match timing {
            Timing::TalkShareAbove(s) => ("talk_share_above", s),
            Timing::TalkShareBelow(s) => ("talk_share_below", s),
            _ => return Ok(timing),
        };
        if roles == Speaker::Any.roles() {
            return Err(self.fail_value(
                &["timing", key],
                format!("`{key}` of `speaker: any` measures every speaker's talk, whose share is always 1"),
                "name the speaker whose share of the talk is measured (`speaker: agent`)",
            ));
        }
        let never = match timing {
            Timing::TalkShareAbove(_) => (share >= 1.0).then_some("no share is above 1"),
            _ => (share <= 0.0).then_some("no share is below 0"),
        };
        match never {
            Some(why) => Err(self.fail_value(
                &["timing", key],
                format!("`{key}: {share}` never holds: {why}"),
                "write a share between 0 and 1, such as `0.7` for 70% of the talk time",
            )),
            None => Ok(timing),
        }
    }

    /// The labels of `sentiment:` as a bit set; an empty list is an error, as it names none.
    pub fn sentiment(&self, spec: &OneOrMany<Sentiment>) -> Result<u8, RuleError> {
        let labels = spec.clone().into_vec();
        if labels.is_empty() {
            return Err(self.fail(
                "sentiment",
                "`sentiment: []` names no label, so nothing could ever match".into(),
                "name one (`sentiment: negative`) or a list (`sentiment: [negative, mixed]`)",
            ));
        }
        Ok(labels.iter().fold(0, |acc, s| acc | s.bit()))
    }
}
