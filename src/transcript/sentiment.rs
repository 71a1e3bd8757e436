//! A turn's sentiment as the transcript's own vendor gave it. AWS Call Analytics and Contact Lens
//! label each turn (`"Sentiment": "NEGATIVE"`), Deepgram each utterance (`"sentiment":
//! "negative"`), the AWS Post-Call Analytics parser flags each segment (`SentimentIsNegative`);
//! Google CCAI scores each segment instead (`"sentiment": {"score": -0.6, "magnitude": 1.2}`,
//! from -1 to 1), which [`Thresholds`] turn into a label. talklint never judges sentiment
//! itself: a rule on sentiment reads these, and where a turn has none it is not applied.

use std::collections::BTreeMap;

/// One of the four labels AWS gives a turn; rule files write it in lowercase
/// (`sentiment: negative`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    /// AWS's `POSITIVE`.
    Positive,
    /// AWS's `NEGATIVE`.
    Negative,
    /// AWS's `NEUTRAL`.
    Neutral,
    /// AWS's `MIXED`: positive and negative both.
    Mixed,
}

impl Sentiment {
    /// Every label, in the order rule files and reports list them.
    pub const ALL: [Sentiment; 4] = [
        Sentiment::Positive,
        Sentiment::Negative,
        Sentiment::Neutral,
        Sentiment::Mixed,
    ];

    /// The label's bit in sets of labels.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The label as rule files write it.
    pub fn name(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Mixed => "mixed",
        }
    }

    /// The label as AWS writes it: `NEGATIVE`.
    pub fn aws_name(self) -> &'static str {
        match self {
            Sentiment::Positive => "POSITIVE",
            Sentiment::Negative => "NEGATIVE",
            Sentiment::Neutral => "NEUTRAL",
            Sentiment::Mixed => "MIXED",
        }
    }

    /// The sentiment a message's `Sentiment` or `sentiment` field gives, from its JSON text: a
    /// label (`"NEGATIVE"`, any case) as it is, and Google's `{"score": S, "magnitude": M}`
    /// (either may be left out, as proto3's JSON leaves out a 0) by `thresholds`. Anything else
    /// is none: a bare number is on no scale talklint knows, and a score outside -1 to 1 is
    /// not Google's.
    pub fn read(value: &str, thresholds: &Thresholds) -> Option<Sentiment> {
        let value = value.trim();
        if let Some(word) = value.strip_prefix('"') {
            let word = word.strip_suffix('"')?;
            return (Sentiment::ALL.into_iter()).find(|s| s.name().eq_ignore_ascii_case(word));
        }
        let fields: BTreeMap<String, f64> = serde_json::from_str(value).ok()?;
        if fields.keys().any(|k| k != "score" && k != "magnitude") {
            return None;
        }
        let score = fields.get("score").copied().unwrap_or(0.0);
        (-1.0..=1.0)
            .contains(&score)
            .then(|| thresholds.label(score))
    }

    /// The sentiment the AWS Post-Call Analytics parser flags a segment with, from the JSON
    /// text of `SentimentIsPositive` and `SentimentIsNegative` (`1`/`0` or `true`/`false`):
    /// neither is neutral, as the parser reads it. Its `SentimentScore` is the strength of the
    /// flagged sentiment (0 to 5, never below 0), not a signed score, so it is not read.
    pub fn from_flags(positive: &str, negative: &str) -> Option<Sentiment> {
        let flag = |v: &str| match v.trim() {
            "1" | "true" => Some(true),
            "0" | "false" => Some(false),
            _ => None,
        };
        match (flag(positive)?, flag(negative)?) {
            (true, false) => Some(Sentiment::Positive),
            (false, true) => Some(Sentiment::Negative),
            (false, false) => Some(Sentiment::Neutral),
            // The parser sets one at most: both is no reading of it.
            (true, true) => None,
        }
    }

    /// The labels of the set `bits`, as words: `negative or mixed`.
    pub fn describe(bits: u8) -> String {
        let names: Vec<&str> = (Sentiment::ALL.iter())
            .filter(|s| bits & s.bit() != 0)
            .map(|s| s.name())
            .collect();
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

/// Where a numeric score (Google CCAI's, from -1 to 1) turns negative or positive: below
/// `negative_below` it is negative, above `positive_above` positive, else neutral (the bounds
/// too). Never mixed: only a source that says MIXED gives that label. The config's
/// `sentiment:` sets them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// A score below this is negative.
    pub negative_below: f64,
    /// A score above this is positive.
    pub positive_above: f64,
}

impl Thresholds {
    /// The defaults, ±0.25: Google's guide to reading its scores ("Interpreting sentiment
    /// analysis values", Natural Language API) leaves "clearly positive" and "clearly negative"
    /// to each project and gives a score over 0.25 as its example of clearly positive.
    pub const DEFAULT: Thresholds = Thresholds {
        negative_below: -0.25,
        positive_above: 0.25,
    };

    /// The label of `score`.
    pub fn label(&self, score: f64) -> Sentiment {
        if score < self.negative_below {
            Sentiment::Negative
        } else if score > self.positive_above {
            Sentiment::Positive
        } else {
            Sentiment::Neutral
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_in_any_case_and_scores_by_the_thresholds() {
        let read = |v: &str| Sentiment::read(v, &Thresholds::default());
        assert_eq!(read("\"NEGATIVE\""), Some(Sentiment::Negative));
        assert_eq!(read(" \"mixed\" "), Some(Sentiment::Mixed));
        assert_eq!(read("\"ANGRY\""), None);
        // A bare number is on no known scale; Google's object is read by its score.
        assert_eq!(read("-0.4"), None);
        assert_eq!(read("{\"score\": -0.4}"), Some(Sentiment::Negative));
        let scored = r#"{"score": 0.3, "magnitude": 2.5}"#;
        assert_eq!(read(scored), Some(Sentiment::Positive));
        // The bounds are neutral, and so is a score proto3 left out (0).
        assert_eq!(read("{\"score\": -0.25}"), Some(Sentiment::Neutral));
        assert_eq!(read("{\"score\": 0.25}"), Some(Sentiment::Neutral));
        assert_eq!(read("{\"magnitude\": 3}"), Some(Sentiment::Neutral));
        assert_eq!(read("{}"), Some(Sentiment::Neutral));
        // Not Google's shape, or not its range: no sentiment.
        assert_eq!(read("{\"score\": -0.4, \"label\": 1}"), None);
        assert_eq!(read("{\"score\": -3}"), None);
        assert_eq!(read("{\"score\": \"-0.4\"}"), None);
        let narrow = Thresholds {
            negative_below: -0.1,
            positive_above: 0.6,
        };
        assert_eq!(
            Sentiment::read(r#"{"score": -0.2}"#, &narrow),
            Some(Sentiment::Negative)
        );
        assert_eq!(
            Sentiment::read(r#"{"score": 0.5}"#, &narrow),
            Some(Sentiment::Neutral)
        );
    }

    #[test]
    fn post_call_analytics_flags_are_labels() {
        let cases = [
            ("1", "0", Some(Sentiment::Positive)),
            ("false", "true", Some(Sentiment::Negative)),
            ("0", "0", Some(Sentiment::Neutral)),
            ("1", "1", None),
            ("5.0", "0", None),
        ];
        for (positive, negative, expected) in cases {
            assert_eq!(Sentiment::from_flags(positive, negative), expected);
        }
    }

    #[test]
    fn label_sets_are_described_in_words() {
        let both = Sentiment::Negative.bit() | Sentiment::Mixed.bit();
        assert_eq!(Sentiment::describe(both), "negative or mixed");
    }
}
