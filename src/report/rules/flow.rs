//! A rule's second-edition keys shown as a rule file writes them: YAML's flow style, with
//! strings unquoted where YAML reads them back as the same string, instead of JSON. Read from
//! the compact JSON text, which keeps the keys in the order the rule's parts declare them.

use serde_json::Value;

/// `json` (compact, as `serde_json::to_string` writes it) in YAML flow style on one line.
pub(super) fn yaml(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(c) = rest.chars().next() {
        match c {
            '"' => {
                let end = string_end(rest);
                let text: String = serde_json::from_str(&rest[..end]).unwrap_or_default();
                string(&text, &mut out);
                rest = &rest[end..];
                continue;
            }
            ',' => out.push_str(", "),
            ':' => out.push_str(": "),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of the JSON string literal that opens `text`, its quotes included.
fn string_end(text: &str) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    text.len()
}

/// A string plain where YAML would read it back unchanged inside a flow collection, else
/// double-quoted as JSON writes it (JSON strings are YAML strings).
fn string(s: &str, out: &mut String) {
    let word_char = |c: char| c.is_alphanumeric() || " _-/'.".contains(c);
    let reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    let plain = s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars().all(word_char)
        && !s.ends_with(' ')
        && !reserved.contains(&s.to_ascii_lowercase().as_str());
    match plain {
        true => out.push_str(s),
        false => out.push_str(&Value::String(s.to_string()).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::yaml;

    #[test]
    fn flow_style_keeps_the_order_and_reads_back_as_the_same_value() {
        let json = r#"{"all":[{"speaker":["customer"],"phrases":["{cancel_intent}","close my account"]},{"not":{"speaker":["agent"],"phrases":["(discount|offer)"],"words":3}},{"phrases":["yes","it's fine","a: b","say \"hi\", then","trailing "]}]}"#;
        let shown = yaml(json);
        assert_eq!(
            shown,
            r#"{all: [{speaker: [customer], phrases: ["{cancel_intent}", close my account]}, {not: {speaker: [agent], phrases: ["(discount|offer)"], words: 3}}, {phrases: ["yes", it's fine, "a: b", "say \"hi\", then", "trailing "]}]}"#
        );
        let back: serde_json::Value = serde_yaml::from_str(&shown).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(json).unwrap()
        );
    }
}
