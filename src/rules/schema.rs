//! The rule file as written (SPEC §2): serde shapes that mirror the YAML, unknown keys rejected.
//! [`validate`](super::validate) turns them into checked [`Rule`](super::Rule)s.

use crate::transcript::{Role, Sentiment};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A rule file.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(title = "talklint rule file")]
#[serde(deny_unknown_fields)]
pub struct PackSpec {
    #[expect(
        dead_code,
        reason = "a documented key: checked when read, not used yet"
    )]
    pub pack: Option<String>,
    #[expect(
        dead_code,
        reason = "a documented key: checked when read, not used yet"
    )]
    pub version: Option<u32>,
    #[expect(
        dead_code,
        reason = "a documented key: checked when read, not used yet"
    )]
    pub description: Option<String>,
    /// Word lists used in phrases as `{name}`.
    #[serde(default)]
    pub lexicons: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// One rule as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    #[serde(default)]
    pub kind: Kind,
    pub severity: Option<Severity>,
    pub speaker: Option<OneOrMany<Speaker>>,
    #[serde(default, deserialize_with = "listed")]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub regex: OneOrMany<String>,
    /// Drops a hit when one of these phrases occurs in its turn and paragraph (a blank line
    /// parts the sections of a script).
    pub unless: Option<Vec<String>>,
    pub window: Option<WindowSpec>,
    pub near: Option<OneOrMany<NearSpec>>,
    pub not_near: Option<OneOrMany<NearSpec>>,
    pub after: Option<AfterSpec>,
    pub when: Option<ConditionSpec>,
    pub timing: Option<TimingSpec>,
    /// Turns of the speaker that the transcript labels with one of these sentiments (AWS Call
    /// Analytics and Contact Lens label every turn; Google CCAI's scores are read by the
    /// config's thresholds); with `phrases` or `regex`, their matches in such turns only. A
    /// transcript without labels leaves the rule not applied.
    pub sentiment: Option<OneOrMany<Sentiment>>,
    pub count: Option<CountSpec>,
    /// `require` rules only: judge only conversations with at least this many turns of the speaker.
    pub min_turns: Option<usize>,
    /// Score change per counted hit. Defaults: forbid -10 (error), -5 (warning), -1 (info);
    /// reward +5; require -10 when missing; 0 for a customer-side rule (one that listens to the
    /// customer and no agent).
    pub points: Option<i32>,
    pub max_hits: Option<usize>,
    #[serde(default)]
    pub auto_fail: bool,
    pub message: Option<String>,
    pub suggestion: Option<String>,
    /// Forbid rules only: the text `--fix` writes over a match.
    pub replace: Option<String>,
    pub link: Option<String>,
    pub description: Option<String>,
    pub examples: Option<ExamplesSpec>,
}

/// A value that may be written once or as a list.
#[derive(Debug, Clone)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Written by hand rather than `#[serde(untagged)]`, so that a bad value (`speaker: agnt`) is
/// reported as itself, at its own place, with the values allowed, not as "did not match any
/// variant" at the start of the rule.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for OneOrManyVisitor<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value or a list of values")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                T::deserialize(serde::de::value::StrDeserializer::new(v)).map(OneOrMany::One)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(OneOrMany::One)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(one) = seq.next_element()? {
                    all.push(one);
                }
                Ok(OneOrMany::Many(all))
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor(std::marker::PhantomData))
    }
}

/// In the schema: one value or a list of them, as the hand-written `Deserialize` accepts.
impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = generator.subschema_for::<T>();
        let many = generator.subschema_for::<Vec<T>>();
        schemars::json_schema!({
            "description": "One value or a list of values.",
            "anyOf": [one, many],
        })
    }
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
/// What a hit means.
pub enum Kind {
    /// A hit is a finding against the conversation.
    #[default]
    Forbid,
    /// A hit is good language, scored positively.
    Reward,
    /// A finding when no hit occurs in the window.
    Require,
    /// A hit labels the conversation; no points, never a problem.
    Tag,
}

impl Kind {
    /// The kind as written in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Forbid => "forbid",
            Kind::Reward => "reward",
            Kind::Require => "require",
            Kind::Tag => "tag",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
/// How serious a finding is, least first.
pub enum Severity {
    /// A note; rewards are info.
    Info,
    /// Worth changing.
    Warning,
    /// Fails the run by default (`--fail-on error`).
    Error,
}

impl Severity {
    /// The severity as written in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Who a rule listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Agent,
    Customer,
    Bot,
    Any,
}

impl Speaker {
    /// The roles this speaker stands for, as a bit set.
    pub fn roles(self) -> u8 {
        match self {
            Speaker::Agent => Role::Agent.bit(),
            Speaker::Customer => Role::Customer.bit(),
            Speaker::Bot => Role::Bot.bit(),
            Speaker::Any => Role::ALL.iter().fold(0, |acc, r| acc | r.bit()),
        }
    }
}

/// Where in the conversation a rule looks; exactly one key.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    pub first_turns: Option<usize>,
    pub last_turns: Option<usize>,
    pub first_seconds: Option<f64>,
    pub last_seconds: Option<f64>,
    pub first_percent: Option<f64>,
    pub last_percent: Option<f64>,
    pub between_seconds: Option<[f64; 2]>,
    pub between_percent: Option<[f64; 2]>,
    /// What a percent window is a share of, on a timed transcript: `call` (the default) runs
    /// from the first turn's start to the last end; `media` from 0 on the transcript's clock (the
    /// recording's start) to the last end, as an AWS `RelativeTimeRange` is.
    pub percent_of: Option<PercentOfSpec>,
}

/// What a percent window is a share of.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PercentOfSpec {
    Call,
    Media,
}

/// `near` / `not_near`: phrases within some words of the rule's match.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NearSpec {
    pub phrases: Vec<String>,
    pub words: usize,
    pub side: Option<SideSpec>,
}

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SideSpec {
    Before,
    After,
}

/// `after`: the trigger a rule's hits answer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AfterSpec {
    pub speaker: Option<OneOrMany<Speaker>>,
    #[serde(default, deserialize_with = "listed")]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub regex: OneOrMany<String>,
    pub within_turns: Option<usize>,
    pub within_seconds: Option<f64>,
}

/// A `when` condition: `all`, `any` or `not`, or a search of its own.
// Read by `super::condition`, which checks its shape at its place (a doc line would show in the
// JSON schema).
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    pub all: Option<Vec<ConditionSpec>>,
    pub any: Option<Vec<ConditionSpec>>,
    pub not: Option<Box<ConditionSpec>>,
    pub speaker: Option<OneOrMany<Speaker>>,
    pub phrases: Option<Vec<String>>,
    pub regex: Option<OneOrMany<String>>,
    pub unless: Option<Vec<String>>,
    pub near: Option<OneOrMany<NearSpec>>,
    pub not_near: Option<OneOrMany<NearSpec>>,
    pub window: Option<WindowSpec>,
    pub timing: Option<TimingSpec>,
    pub sentiment: Option<OneOrMany<Sentiment>>,
    pub count: Option<CountSpec>,
}

/// `timing`: one measure of a timed conversation.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimingSpec {
    pub silence_seconds: Option<f64>,
    pub interrupts_seconds: Option<f64>,
    pub interrupts_total_seconds: Option<f64>,
    pub talk_share_above: Option<f64>,
    pub talk_share_below: Option<f64>,
    pub turn_seconds_above: Option<f64>,
}

/// `count`: how many matches make a rule or condition hold.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountSpec {
    pub min: Option<usize>,
    pub max: Option<usize>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamplesSpec {
    #[serde(default, deserialize_with = "listed")]
    pub hit: Vec<String>,
    #[serde(default, deserialize_with = "listed")]
    pub clean: Vec<String>,
}

/// A list read as an option first: a key written with no value (`phrases:` whose items are
/// commented out) reaches the YAML reader as no value, which it refuses at the key, where a
/// list read directly took it as an empty one, in silence.
fn listed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Option::<Vec<String>>::deserialize(d).map(Option::unwrap_or_default)
}
