//! What a timing event measured (the silence's length, the talk share), carried from the engine
//! to the finding so a report says how far past its rule's limit a conversation went, not only
//! that it did.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A timing event's measure: a time, or a share of the talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Measured", try_from = "Measured")]
pub enum Measure {
    /// Milliseconds: a silence, a turn's talk, an overlap, or the overlaps in all (up to 49
    /// days: a finding stays small).
    Ms(u32),
    /// A share of the talk time, in ten-thousandths (0 to 10,000).
    Share(u16),
}

impl Measure {
    /// The measure as a number: seconds, or a share from 0 to 1.
    pub fn value(self) -> f64 {
        Measured::from(self).value()
    }

    /// A time of `ms` milliseconds (49 days at most).
    pub fn time(ms: u64) -> Measure {
        Measure::Ms(u32::try_from(ms).unwrap_or(u32::MAX))
    }

    /// `part` of `whole` as a share in ten-thousandths, rounded `up` or down: away from the
    /// limit it passed, so that a share just above 0.7 never reads `0.7`.
    pub fn share(part: u64, whole: u64, up: bool) -> Measure {
        let whole = u128::from(whole.max(1));
        let part = u128::from(part).min(whole);
        let round = if up { whole - 1 } else { 0 };
        Measure::Share(u16::try_from((part * 10_000 + round) / whole).unwrap_or(10_000))
    }
}

/// `18.25 s`, or a share as the rules write one: `0.8235`.
impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.value();
        match self {
            Measure::Ms(_) => write!(f, "{value} s"),
            Measure::Share(_) => write!(f, "{value}"),
        }
    }
}

/// A measure as a report writes it: `{"seconds": 18.25}` or `{"share": 0.8235}`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Measured {
    /// A silence's, a turn's or an overlap's length, or the overlaps in all, in seconds.
    Seconds(f64),
    /// The speaker's share of the talk time, from 0 to 1.
    Share(f64),
}

impl Measured {
    fn value(self) -> f64 {
        match self {
            Measured::Seconds(v) | Measured::Share(v) => v,
        }
    }
}

impl From<Measure> for Measured {
    fn from(m: Measure) -> Measured {
        match m {
            Measure::Ms(ms) => Measured::Seconds(f64::from(ms) / 1000.0),
            Measure::Share(parts) => Measured::Share(f64::from(parts) / 10_000.0),
        }
    }
}

impl TryFrom<Measured> for Measure {
    type Error = String;

    fn try_from(w: Measured) -> Result<Measure, String> {
        match w {
            Measured::Seconds(s) if s >= 0.0 => Ok(Measure::time((s * 1000.0).round() as u64)),
            Measured::Share(x) if (0.0..=1.0).contains(&x) => {
                Ok(Measure::Share((x * 10_000.0).round() as u16))
            }
            Measured::Seconds(s) => Err(format!("{s} seconds: a measure is 0 or more")),
            Measured::Share(x) => Err(format!("a share of {x}: a share is from 0 to 1")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_reads_back_as_it_was_written() {
        for m in [
            Measure::Ms(0),
            Measure::Ms(18_250),
            Measure::Ms(1),
            Measure::Ms(86_400_123),
            Measure::time(u64::MAX),
            Measure::share(0, 10, true),
            Measure::share(2, 3, false),
            Measure::share(10, 10, true),
        ] {
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<Measure>(&json).unwrap(), m, "{json}");
        }
        assert_eq!(
            serde_json::to_string(&Measure::Ms(18_250)).unwrap(),
            r#"{"seconds":18.25}"#
        );
        assert_eq!(Measure::Ms(18_000).to_string(), "18 s");
        assert_eq!(Measure::share(2, 3, true).to_string(), "0.6667");
        assert_eq!(Measure::share(2, 3, false).to_string(), "0.6666");
        assert_eq!(Measure::share(70_001, 100_000, true).to_string(), "0.7001");
        assert_eq!(Measure::share(29_999, 100_000, false).to_string(), "0.2999");
        assert_eq!(Measure::share(5, 0, true), Measure::Share(10_000));
        for bad in [r#"{"seconds":-1}"#, r#"{"share":1.5}"#, r#"{"minutes":2}"#] {
            assert!(serde_json::from_str::<Measure>(bad).is_err(), "{bad}");
        }
    }
}
