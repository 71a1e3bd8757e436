//! Long values quoted in part: serde quotes the value it refused whole (`invalid type: string
//! "…"`, `unknown variant `…``), and a file named where a rule file goes (`rules:
//! [/etc/passwd]`) is one string, which was printed whole.

/// The characters of a value a message quotes (`invalid type: string "…"`, `unknown variant
/// `…``) that are shown: a file named where a rule file goes (`rules: [/etc/passwd]`) is one
/// string, and was printed whole. A value up to a third longer is shown whole.
const MOST_QUOTED: usize = 60;

/// `message` with a long value it quotes (a string, an unknown variant or field) cut to its first
/// [`MOST_QUOTED`] characters, not inside an escape, and its length.
pub(super) fn shortened(message: String) -> String {
    let quoted = [
        ("string \"", "\", expected"),
        ("variant `", "`, expected"),
        ("field `", "`, expected"),
    ];
    let Some((open, close)) = quoted.iter().find_map(|(opens, closes)| {
        let open = message.find(opens)? + opens.len();
        let close = message.rfind(closes).filter(|&close| close >= open)?;
        Some((open, close))
    }) else {
        return message;
    };
    let value = &message[open..close];
    let length = value.chars().count();
    if length <= MOST_QUOTED + MOST_QUOTED / 3 {
        return message;
    }
    let cut = value
        .char_indices()
        .nth(MOST_QUOTED)
        .map_or(value.len(), |(at, _)| at);
    // An escape the cut would split (`\n`, `\"`) is left out whole.
    let cut = value[..cut]
        .rfind('\\')
        .filter(|&at| cut - at <= 6)
        .unwrap_or(cut);
    let mark = &message[close..close + 1];
    format!(
        "{}{}…{mark} ({length} characters){}",
        &message[..open],
        &value[..cut],
        &message[close + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::MOST_QUOTED;
    use crate::yaml::from_str;

    #[test]
    fn a_long_string_value_is_quoted_in_part() {
        let value = "root:x:0:0:root:/root:/bin/bash ".repeat(10);
        let e = from_str::<Vec<i32>>(&format!("[\"{value}\"]")).unwrap_err();
        let shown = &value[..MOST_QUOTED];
        assert_eq!(
            e.message,
            format!(
                ".[0]: invalid type: string \"{shown}…\" (320 characters), expected a whole number \
                 from -2147483648 to 2147483647"
            )
        );
    }

    #[test]
    fn a_long_unknown_variant_is_quoted_in_part_and_no_escape_is_split() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Level {
            Error,
        }
        let long = "w".repeat(300);
        let e = from_str::<Level>(&long).unwrap_err();
        let shown = &long[..MOST_QUOTED];
        assert!(
            e.message.starts_with(&format!(
                "unknown variant `{shown}…` (300 characters), expected"
            )),
            "{}",
            e.message
        );
        // The message writes a line break in the value as `\n`, which the cut leaves out whole.
        let value = format!("{}\\n{}", "a".repeat(59), "b".repeat(40));
        let e = from_str::<Vec<i32>>(&format!("[\"{value}\"]")).unwrap_err();
        assert!(
            e.message.contains(&format!("\"{}…\"", "a".repeat(59))),
            "{}",
            e.message
        );
    }
}
