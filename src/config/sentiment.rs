//! A config's `sentiment:`: where a numeric sentiment score (Google CCAI's, from -1 to 1) turns
//! negative or positive. Read by hand so that a bound out of range, or the two bounds the wrong
//! way round, is an error at its own value: serde's derive keeps no place to check them after.

use crate::transcript::Thresholds;
use schemars::JsonSchema;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;

/// `sentiment:` as written.
#[derive(Debug, Clone, Copy, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SentimentConfig {
    /// A score below this is negative (default -0.25).
    #[schemars(range(min = -1, max = 1))]
    pub negative_below: Option<f64>,
    /// A score above this is positive (default 0.25); a score from `negative_below` to
    /// `positive_above` is neutral.
    #[schemars(range(min = -1, max = 1))]
    pub positive_above: Option<f64>,
}

/// The keys of `sentiment:`.
const KEYS: &[&str] = &["negative_below", "positive_above"];

impl SentimentConfig {
    /// The thresholds the config sets, the defaults where it is silent.
    pub fn thresholds(&self) -> Thresholds {
        let default = Thresholds::DEFAULT;
        Thresholds {
            negative_below: self.negative_below.unwrap_or(default.negative_below),
            positive_above: self.positive_above.unwrap_or(default.positive_above),
        }
    }
}

impl<'de> de::Deserialize<'de> for SentimentConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(Bounds)
    }
}

/// Reads the mapping of bounds.
struct Bounds;

impl<'de> Visitor<'de> for Bounds {
    type Value = SentimentConfig;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As serde's derive says it, which `crate::yaml` puts in words.
        f.write_str("struct SentimentConfig")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SentimentConfig, A::Error> {
        let mut c = SentimentConfig::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "negative_below" => {
                    let other = c.positive_above;
                    c.negative_below = map.next_value_seed(Bound::Negative(other))?;
                }
                "positive_above" => {
                    let other = c.negative_below;
                    c.positive_above = map.next_value_seed(Bound::Positive(other))?;
                }
                key => return Err(de::Error::unknown_field(key, KEYS)),
            }
        }
        // One bound given may cross the other's default: the error names the default, and
        // stands at the mapping, which lacks it.
        let t = c.thresholds();
        if t.negative_below > t.positive_above {
            let (n, p) = (t.negative_below, t.positive_above);
            // The example keeps the bound given and moves the other past it.
            let (message, example) = match c.negative_below {
                Some(_) => (
                    format!("`negative_below: {n}` is above the default `positive_above: {p}`"),
                    (n, hundredths((n + 0.25).min(1.0))),
                ),
                None => (
                    format!("`positive_above: {p}` is below the default `negative_below: {n}`"),
                    (hundredths((p - 0.25).max(-1.0)), p),
                ),
            };
            return Err(crate::yaml::error_with_hint(
                &format!("{message}: a score between them would be negative and positive"),
                &format!(
                    "write the other bound too, so that `negative_below` is at or below `positive_above`, such as `{{negative_below: {}, positive_above: {}}}`",
                    example.0, example.1
                ),
            ));
        }
        Ok(c)
    }
}

/// `x` to two decimals, as an example is written (`0.35`, not `0.35000000000000003`).
fn hundredths(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One bound, with the other when it was read before it: refused while the reader is at the
/// number, so that the error stands at its line and column.
#[derive(Clone, Copy)]
enum Bound {
    Negative(Option<f64>),
    Positive(Option<f64>),
}

impl Bound {
    fn check<E: de::Error>(self, value: f64) -> Result<f64, E> {
        let (key, example) = match self {
            Bound::Negative(_) => ("negative_below", "-0.25"),
            Bound::Positive(_) => ("positive_above", "0.25"),
        };
        if !(-1.0..=1.0).contains(&value) {
            return Err(crate::yaml::error_with_hint(
                &format!("`{key}: {value}` is not a sentiment score: scores run from -1 to 1"),
                &format!(
                    "write a score from -1 (negative) to 1 (positive), such as `{key}: {example}`"
                ),
            ));
        }
        match self {
            Bound::Negative(Some(positive)) if value > positive => Err(crossed(value, positive)),
            Bound::Positive(Some(negative)) if value < negative => Err(crossed(negative, value)),
            _ => Ok(value),
        }
    }
}

/// The error of bounds the wrong way round: a score between them would be both.
fn crossed<E: de::Error>(negative: f64, positive: f64) -> E {
    crate::yaml::error_with_hint(
        &format!(
            "`negative_below: {negative}` is above `positive_above: {positive}`: a score between them would be negative and positive"
        ),
        "write `negative_below` at or below `positive_above` (a score from one to the other is neutral), such as `{negative_below: -0.25, positive_above: 0.25}`",
    )
}

/// A bound, or none (`null`: the default).
impl<'de> DeserializeSeed<'de> for Bound {
    type Value = Option<f64>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<f64>, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Bound {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sentiment score from -1 to 1")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<f64>, D::Error> {
        d.deserialize_f64(self)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
        self.check(v).map(Some)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
        self.check(v as f64).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
        self.check(v as f64).map(Some)
    }
}
