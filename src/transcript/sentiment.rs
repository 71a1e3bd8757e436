//! A turn's sentiment as the transcript's own vendor labelled it (AWS Call Analytics and
//! Contact Lens give each turn `"Sentiment": "NEGATIVE"`). talklint never judges sentiment
//! itself: a rule on sentiment reads these labels, and where a turn has none it is not applied.

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

    /// The label a JSON value holds (`"NEGATIVE"`, any case), if it is one of the four: a
    /// number or an object (Google CCAI's `{score, magnitude}`) is no label, and is not read as
    /// one.
    pub fn from_json(value: &str) -> Option<Sentiment> {
        let word = value.trim().strip_prefix('"')?.strip_suffix('"')?;
        Sentiment::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(word))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_in_any_case_and_nothing_else_is() {
        assert_eq!(
            Sentiment::from_json("\"NEGATIVE\""),
            Some(Sentiment::Negative)
        );
        assert_eq!(Sentiment::from_json(" \"mixed\" "), Some(Sentiment::Mixed));
        assert_eq!(Sentiment::from_json("-0.4"), None);
        assert_eq!(Sentiment::from_json("{\"score\": -0.4}"), None);
        assert_eq!(Sentiment::from_json("\"ANGRY\""), None);
        let both = Sentiment::Negative.bit() | Sentiment::Mixed.bit();
        assert_eq!(Sentiment::describe(both), "negative or mixed");
    }
}
