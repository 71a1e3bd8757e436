//! serde names the Rust type a YAML value did not fit (`expected i32`, `expected struct
//! ScoringConfig`) and the value as Rust sees it (`unit value`); a rule or config author needs
//! them in words, with the range a number must be in.

/// The mappings of config and rule files by the name of the Rust type that reads them (serde's
/// `expected struct NAME`), in words.
const MAPPINGS: [(&str, &str); 12] = [
    (
        "Config",
        "a config: a mapping of its keys (`rules:`, `disable:`, `severity:`, …)",
    ),
    (
        "ScoringConfig",
        "a mapping of `base:` and `pass:` (`{base: 80, pass: 70}`)",
    ),
    (
        "SentimentConfig",
        "a mapping of `negative_below:` and `positive_above:` (`{negative_below: -0.25, positive_above: 0.25}`)",
    ),
    ("PackSpec", "a rule file: a mapping with a `rules:` list"),
    (
        "RuleSpec",
        "a rule: a mapping that starts with its id (`- id: courtesy/no-problem`)",
    ),
    ("ExamplesSpec", "a mapping of `hit:` and `clean:` lists"),
    ("CountSpec", "a mapping of `min:` and `max:`"),
    (
        "AfterSpec",
        "a mapping of the `phrases:` (or `regex:`) to follow and how soon (`within_turns:`, `within_seconds:`)",
    ),
    ("NearSpec", "a mapping of `phrases:` and `words:`"),
    (
        "TimingSpec",
        "a mapping of timing limits (`silence_seconds:`, `turn_seconds_above:`, …)",
    ),
    (
        "WindowSpec",
        "a mapping of where in the conversation to look (`first_turns:`, `last_seconds:`, …)",
    ),
    (
        "ConditionSpec",
        "a condition: a mapping such as `{speaker: customer, phrases: [...]}`",
    ),
];

/// serde's name of a null value as read (`invalid type: unit value`), in the file's words.
const NULL: (&str, &str) = ("invalid type: unit value", "invalid type: null (no value)");

/// serde's "…, expected i32" (a Rust type a value did not fit) with the type in words, and the
/// range of a type narrower than 64 bits. A whole number past 64 bits is read "as i128" or "as
/// u128", which is no word of the file's: it is said to be out of range. A null value is called
/// so, whatever was expected.
pub(super) fn type_in_words(message: &str) -> Option<String> {
    let (head, rust) = message.rsplit_once(", expected ")?;
    let null = head.contains(NULL.0);
    let head = head.replacen(NULL.0, NULL.1, 1);
    let head = head.as_str();
    let past_64_bits = head
        .strip_suffix(" as i128")
        .or(head.strip_suffix(" as u128"));
    let words = match (rust, past_64_bits.is_some()) {
        ("i8", _) => "a whole number from -128 to 127",
        ("i16", _) => "a whole number from -32768 to 32767",
        ("i32", _) => "a whole number from -2147483648 to 2147483647",
        ("i64" | "isize", false) => "a whole number",
        ("i64" | "isize", true) => {
            "a whole number from -9223372036854775808 to 9223372036854775807"
        }
        ("u8", _) => "a whole number from 0 to 255",
        ("u16", _) => "a whole number from 0 to 65535",
        ("u32", _) => "a whole number from 0 to 4294967295",
        ("u64" | "usize", false) => "a whole number, 0 or more",
        ("u64" | "usize", true) => "a whole number from 0 to 18446744073709551615",
        ("f32" | "f64", _) => "a number",
        ("a sequence", _) => "a list",
        ("a map", _) => "a mapping (`key: value` lines)",
        // How serde_yaml reads an enum from anything but a plain word.
        ("a YAML tag starting with '!'", _) => "a plain word, one of the values this key takes",
        (rust, _) => match rust.strip_prefix("struct ") {
            Some(name) => MAPPINGS.iter().find(|(n, _)| *n == name)?.1,
            None if null => rust,
            None => return None,
        },
    };
    let head = match past_64_bits {
        Some(number) => number.replacen("invalid type: ", "invalid value: ", 1),
        None => head.to_string(),
    };
    Some(format!("{head}, expected {words}"))
}

#[cfg(test)]
mod tests {
    use super::type_in_words;
    use crate::schemas::Subject;

    /// Every mapping of the config and rule files (the objects of their schemas, named as the
    /// Rust types that read them) is named in words.
    #[test]
    fn every_mapping_of_the_files_is_in_words() {
        for subject in [Subject::Config, Subject::Rules] {
            let schema: serde_json::Value = serde_json::from_str(&subject.json()).unwrap();
            let defs = schema["$defs"].as_object().expect("$defs");
            let objects = (defs.iter())
                .filter(|(_, d)| d["type"] == "object")
                .map(|(name, _)| name.as_str());
            for name in objects.chain(["Config", "PackSpec"]) {
                let message = format!("invalid type: unit value, expected struct {name}");
                let words = type_in_words(&message).unwrap_or_default();
                assert!(
                    words.starts_with("invalid type: null (no value), expected a"),
                    "{name}"
                );
            }
        }
    }
}
