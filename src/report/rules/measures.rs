//! A rule's window and timing measure as the JSON listing writes them: the keys of the rule file
//! (`{"first_percent": 30}`, `{"silence_seconds": 10}`), so a program reads the numbers, while
//! the human listing shows them in words (`first 30%`).

use crate::rules::{PercentOf, Timing, Window};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// A window, written as the rule file's `window:` mapping.
pub(super) struct WindowView(pub Window);

/// A timing measure, written as the rule file's `timing:` mapping.
pub(super) struct TimingView(pub Timing);

fn seconds(ms: u64) -> Number {
    Number(ms as f64 / 1000.0)
}

/// A value of one of the mappings: a number, a pair of numbers, or the share a percent is of.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Value {
    Number(Number),
    Whole(usize),
    Pair([Number; 2]),
    Of(&'static str),
}

/// A number as a rule file writes it: `50`, not `50.0`, where it is whole.
#[derive(Clone, Copy)]
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            true => s.serialize_i64(self.0 as i64),
            false => s.serialize_f64(self.0),
        }
    }
}

impl WindowView {
    fn keys(&self) -> Vec<(&'static str, Value)> {
        let of = |of: PercentOf| match of {
            PercentOf::Call => None,
            PercentOf::Media => Some(("percent_of", Value::Of("media"))),
        };
        let (key, value, percent_of) = match self.0 {
            Window::FirstTurns(n) => ("first_turns", Value::Whole(n), None),
            Window::LastTurns(n) => ("last_turns", Value::Whole(n), None),
            Window::FirstSeconds(ms) => ("first_seconds", Value::Number(seconds(ms)), None),
            Window::LastSeconds(ms) => ("last_seconds", Value::Number(seconds(ms)), None),
            Window::FirstPercent(p, o) => ("first_percent", Value::Number(Number(p)), of(o)),
            Window::LastPercent(p, o) => ("last_percent", Value::Number(Number(p)), of(o)),
            Window::BetweenSeconds(a, b) => (
                "between_seconds",
                Value::Pair([seconds(a), seconds(b)]),
                None,
            ),
            Window::BetweenPercent(a, b, o) => (
                "between_percent",
                Value::Pair([Number(a), Number(b)]),
                of(o),
            ),
        };
        std::iter::once((key, value)).chain(percent_of).collect()
    }
}

impl TimingView {
    fn key(&self) -> (&'static str, Number) {
        match self.0 {
            Timing::Silence(ms) => ("silence_seconds", seconds(ms)),
            Timing::Interrupts(ms) => ("interrupts_seconds", seconds(ms)),
            Timing::InterruptsTotal(ms) => ("interrupts_total_seconds", seconds(ms)),
            Timing::TalkShareAbove(f) => ("talk_share_above", Number(f)),
            Timing::TalkShareBelow(f) => ("talk_share_below", Number(f)),
            Timing::TurnAbove(ms) => ("turn_seconds_above", seconds(ms)),
        }
    }
}

impl Serialize for WindowView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let keys = self.keys();
        let mut map = s.serialize_map(Some(keys.len()))?;
        for (key, value) in &keys {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Serialize for TimingView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        let (key, value) = self.key();
        map.serialize_entry(key, &value)?;
        map.end()
    }
}

impl fmt::Display for WindowView {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0.describe())
    }
}

impl fmt::Display for TimingView {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0.describe())
    }
}
