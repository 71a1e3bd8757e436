//! A `when` condition read from YAML and checked for its shape as it is read: serde keeps no
//! places, so a condition that is neither a search nor one of `all`, `any`, `not` is an error at
//! its own line and column only while the reader is still at it.

use super::schema::{
    ConditionSpec, CountSpec, NearSpec, OneOrMany, Speaker, TimingSpec, WindowSpec,
};
use crate::transcript::Sentiment;
use serde::de::{MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The keys of a condition, as written (the shape is checked after).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    all: Option<Vec<ConditionSpec>>,
    any: Option<Vec<ConditionSpec>>,
    not: Option<Box<ConditionSpec>>,
    speaker: Option<OneOrMany<Speaker>>,
    phrases: Option<Vec<String>>,
    regex: Option<OneOrMany<String>>,
    unless: Option<Vec<String>>,
    near: Option<OneOrMany<NearSpec>>,
    not_near: Option<OneOrMany<NearSpec>>,
    window: Option<WindowSpec>,
    timing: Option<TimingSpec>,
    sentiment: Option<OneOrMany<Sentiment>>,
    count: Option<CountSpec>,
}

/// The keys of [`Keys`], as a struct's fields.
const KEYS: &[&str] = &[
    "all",
    "any",
    "not",
    "speaker",
    "phrases",
    "regex",
    "unless",
    "near",
    "not_near",
    "window",
    "timing",
    "sentiment",
    "count",
];

/// A condition's shape gone wrong: what, and how to fix it.
pub(crate) struct ShapeError {
    pub message: String,
    pub hint: &'static str,
}

impl ConditionSpec {
    /// Whether this condition searches for phrases or a regex outside any `not`: itself, or one
    /// of its `all` or `any`.
    pub(crate) fn searches_words(&self) -> bool {
        let mut branches = self.all.iter().chain(&self.any).flatten();
        self.phrases.is_some() || self.regex.is_some() || branches.any(Self::searches_words)
    }

    /// Whether every finding of this condition quotes words: however it holds, a search for
    /// phrases or a regex outside any `not` has matched, one that does not count from `min: 0`
    /// (which holds with no match at all). An `all` quotes when one of its conditions does; an
    /// `any` only when each does, since any one of them may be the one that holds.
    pub(crate) fn quotes_words(&self) -> bool {
        let words = self.phrases.is_some() || self.regex.is_some();
        let counted = self.count.as_ref().is_none_or(|n| n.min != Some(0));
        (words && counted)
            || self.all.iter().flatten().any(Self::quotes_words)
            || (self.any.as_ref())
                .is_some_and(|any| !any.is_empty() && any.iter().all(Self::quotes_words))
    }

    /// What is wrong with the condition's shape (not its values), or `None`: it is exactly one of
    /// `all`, `any`, `not` and a search with `phrases`, `regex`, `timing` or `sentiment`, and a
    /// list is not empty.
    pub(crate) fn shape_error(&self) -> Option<ShapeError> {
        let groups: Vec<&str> = [
            (self.all.is_some(), "all"),
            (self.any.is_some(), "any"),
            (self.not.is_some(), "not"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
        .collect();
        let search_keys: Vec<&str> = [
            (self.speaker.is_some(), "speaker"),
            (self.phrases.is_some(), "phrases"),
            (self.regex.is_some(), "regex"),
            (self.unless.is_some(), "unless"),
            (self.near.is_some(), "near"),
            (self.not_near.is_some(), "not_near"),
            (self.window.is_some(), "window"),
            (self.timing.is_some(), "timing"),
            (self.sentiment.is_some(), "sentiment"),
            (self.count.is_some(), "count"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
        .collect();
        let searches = self.phrases.is_some()
            || self.regex.is_some()
            || self.timing.is_some()
            || self.sentiment.is_some();
        let error = |message: String, hint| Some(ShapeError { message, hint });
        match (groups.as_slice(), search_keys.first()) {
            ([], _) if !searches => error(
                match search_keys.as_slice() {
                    [] => "an empty condition: it searches for nothing".into(),
                    keys => format!(
                        "a condition with {} but no `phrases`, `regex`, `timing` or `sentiment`: it searches for nothing",
                        keys.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
                "give the condition what to look for (`{speaker: customer, phrases: [...]}`), or make it `all: [...]`, `any: [...]` or `not: {...}`",
            ),
            ([], _) => None,
            ([one, two, ..], _) => error(
                format!(
                    "a condition with both `{one}` and `{two}`: a condition is one of `all`, `any` and `not`"
                ),
                "nest one in the other: `all: [{any: [...]}, {not: {...}}]`",
            ),
            ([group], Some(key)) => error(
                format!("a condition with `{group}` cannot also have `{key}`"),
                "move the search keys into a condition of its own inside the group",
            ),
            ([group @ ("all" | "any")], None)
                if [&self.all, &self.any]
                    .iter()
                    .any(|l| l.as_ref().is_some_and(Vec::is_empty)) =>
            {
                error(
                    format!("an empty `{group}`: it lists no condition"),
                    "list at least one condition, or remove it",
                )
            }
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for ConditionSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A struct, to the reader: its fields may not be empty (`window:` with nothing after).
        deserializer.deserialize_struct("ConditionSpec", KEYS, ConditionVisitor)
    }
}

/// Reads a condition's mapping, then checks its shape while the reader still knows the place.
struct ConditionVisitor;

impl<'de> Visitor<'de> for ConditionVisitor {
    type Value = ConditionSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a condition: a mapping such as `{speaker: customer, phrases: [...]}`, `{all: [...]}`, `{any: [...]}` or `{not: {...}}`",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ConditionSpec, A::Error> {
        let k = Keys::deserialize(MapAccessDeserializer::new(map))?;
        let spec = ConditionSpec {
            all: k.all,
            any: k.any,
            not: k.not,
            speaker: k.speaker,
            phrases: k.phrases,
            regex: k.regex,
            unless: k.unless,
            near: k.near,
            not_near: k.not_near,
            window: k.window,
            timing: k.timing,
            sentiment: k.sentiment,
            count: k.count,
        };
        match spec.shape_error() {
            Some(e) => Err(crate::yaml::error_with_hint(&e.message, e.hint)),
            None => Ok(spec),
        }
    }
}
