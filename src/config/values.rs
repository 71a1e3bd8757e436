//! Config values checked as they are read, so that an error points at the value: a switch left
//! empty, a report's path, a score.

use crate::engine::SCORES;
use serde::Deserialize;

/// A switch of the config, off when its key is left empty, as another key left empty is unset.
pub(super) fn switch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}

/// The path of a report (`baseline:`), or none (`null`, left empty): an empty string would name
/// the config's folder, and is refused where it is written.
pub(super) fn report_path<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    use serde::de::{Error, Unexpected, Visitor};
    struct Report;
    impl<'de> Visitor<'de> for Report {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("the path of a talklint JSON or JSONL report, or no value")
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: Error>(self, path: &str) -> Result<Self::Value, E> {
            match path.trim().is_empty() {
                true => Err(E::invalid_value(Unexpected::Str(path), &self)),
                false => Ok(Some(path.to_string())),
            }
        }
    }
    d.deserialize_option(Report)
}

/// A score a conversation must reach (`scoring.pass`, `min_score`) or starts from
/// (`scoring.base`), or none (`null`): from 0 to 100, the range scores are clamped to, since a
/// bar above it fails every conversation and a base outside it hides points (a base of -5 scores
/// every conversation without rewards 0). Checked as the number is read, so that an error points
/// at it.
pub(super) fn score_bar<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    use serde::de::{Error, Unexpected, Visitor};
    struct Bar;
    impl<'de> Visitor<'de> for Bar {
        type Value = Option<i32>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a score from 0 to 100")
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_i32(self)
        }
        fn visit_i64<E: Error>(self, n: i64) -> Result<Self::Value, E> {
            let bar = i32::try_from(n).ok().filter(|bar| SCORES.contains(bar));
            bar.map(Some)
                .ok_or_else(|| E::invalid_value(Unexpected::Signed(n), &self))
        }
        fn visit_u64<E: Error>(self, n: u64) -> Result<Self::Value, E> {
            let bar = i32::try_from(n).ok().filter(|bar| SCORES.contains(bar));
            bar.map(Some)
                .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(n), &self))
        }
    }
    d.deserialize_option(Bar)
}
