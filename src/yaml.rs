//! The one place that calls the YAML library (`serde_yaml` is archived upstream: switching to a
//! maintained fork is a change here only).

mod control;
mod did_you_mean;
mod documents;
mod duplicate;
mod empty;
mod flow;
mod indentation;
mod shapes;
mod type_words;
mod unclosed;
mod unique;
mod unquoted;
mod values;

pub(crate) use control::refused;
use did_you_mean::{GOES_UNDER, SUGGESTED, did_you_mean};
use indentation::{COLON_IN_VALUE, FITS_NOTHING, indentation};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

/// A YAML error with its 1-based line and column when the library knows them.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// How to fix it, when the place that refused the value said so ([`error_with_hint`]).
    given_hint: Option<String>,
}

/// What parts a message from [`error_with_hint`] and its hint: a control character, which no
/// message of the library holds.
const HINT_MARK: char = '\u{1}';

/// A deserializer error with how to fix it, for a `Deserialize` impl that checks what it read:
/// raised while the reader is at the value, the library gives it that value's place.
pub fn error_with_hint<E: serde::de::Error>(message: &str, hint: &str) -> E {
    E::custom(format!("{message}{HINT_MARK}{hint}"))
}

/// What a tab where YAML wants indentation is called.
const TAB: &str = "a tab character: YAML indents with spaces only";

/// Whether the 1-based `line` and `column` of `source` hold a tab.
fn tab_at(source: &str, line: usize, column: usize) -> bool {
    source
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)))
        == Some('\t')
}

/// Deserializes `source` into `T`. A UTF-8 byte-order mark (Windows editors write one) is not
/// part of the document: the library read it as text before a second document. A key written
/// twice in one mapping is an error at the second, in a map as in a struct.
pub fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    too_deep(source.strip_prefix('\u{feff}').unwrap_or(source))?;
    from_shallow_str(source)
}

/// [`from_str`] of a text known to be nested a few levels only (the built-in pack's files, which
/// tests read): not scanned for its depth first, which cost a one-file check 4.3M instructions.
pub fn from_shallow_str<T: DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let reader = unique::Unique::new(serde_yaml::Deserializer::from_str(source));
    T::deserialize(reader).map_err(|e| {
        // Values are read as they are parsed: a line indented too far joins the value above
        // (`pass: 70` then `   base: 80` reads `70 base`), whose type is refused before the
        // parser reaches the line. A syntax error further on is the one to fix; the file is
        // read once more for one, into nothing (so a duplicate key is no syntax error).
        let at = |e: &serde_yaml::Error| e.location().map(|l| l.index());
        let syntax = IgnoredAny::deserialize(serde_yaml::Deserializer::from_str(source));
        let e = match syntax {
            Err(syntax) if at(&syntax) > at(&e) => syntax,
            _ => e,
        };
        let (mut line, mut column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let text = e.to_string();
        // The library appends " at line N column M"; we report the position separately.
        let mut message = text.split(" at line ").next().unwrap_or(&text).to_string();
        let mut given_hint = message.find(HINT_MARK).map(|at| {
            let hint = message[at + HINT_MARK.len_utf8()..].to_string();
            message.truncate(at);
            hint
        });
        if let Some(twice) = duplicate::written_twice(source, (line, column), &message) {
            ((line, column), given_hint) = (twice.second, Some(twice.help));
        }
        if let Some(key) = duplicate::empty_key(source, (line, column), &message) {
            (line, column) = key;
        }
        // The reader names no place for a character it refuses ("… at position N").
        if message.starts_with("control characters are not allowed")
            && let Some(c) = control::first(source)
        {
            ((line, column), message, given_hint) = ((c.line, c.column), c.message, Some(c.hint));
        }
        if documents::is_several(&message)
            && let Some(at) = documents::second(source)
        {
            let (what, hint) = (documents::MESSAGE.into(), documents::HINT.into());
            ((line, column), message, given_hint) = (at, what, Some(hint));
        }
        if let Some(opened) = unclosed::opened(source, &text) {
            ((line, column), message) = (opened.at, opened.message);
            given_hint = opened.hint.or(given_hint);
        } else if let Some((said, hint)) = unclosed::ended_early(source, (line, column)) {
            (message, given_hint) = (said, Some(hint));
        }
        if let Some((said, hint)) = unquoted::misread(source, line, column, &message) {
            (message, given_hint) = (said, Some(hint));
        } else if tab_at(source, line, column) {
            // The parser says "found character that cannot start any token" or "a tab character
            // that violates indentation": name the character.
            message = TAB.into();
        } else if let Some(better) = did_you_mean(&message) {
            message = better;
        } else if let Some(words) = type_words::type_in_words(&message) {
            message = words;
        } else if let Some(plain) = indentation(source, line, &message) {
            message = plain;
        }
        YamlError {
            message: values::shortened(message),
            line,
            column,
            given_hint,
        }
    })
}

/// Deepest nesting a rule or config file may have: far more than any needs. The library refuses
/// deeper documents too, but only after parsing them (100,000 levels in 200 KB took 54 s).
const MAX_DEPTH: usize = 64;

/// Refuses text nested deeper than [`MAX_DEPTH`], by a linear scan for flow collections (`[`,
/// `{` outside quotes and comments) and block sequences opened on one line (`- - - x`). Block
/// nesting by indentation is bounded by the line length already.
fn too_deep(text: &str) -> Result<(), YamlError> {
    let fail = |line: usize, column: usize| YamlError {
        line,
        column,
        message: format!("nested more than {MAX_DEPTH} levels deep"),
        given_hint: None,
    };
    let mut depth = 0usize;
    let mut flow = flow::Flow::default();
    for (i, line) in text.lines().enumerate() {
        let dashes = line
            .trim_start()
            .split_inclusive(' ')
            .take_while(|w| *w == "- ")
            .count();
        if dashes > MAX_DEPTH {
            return Err(fail(i + 1, 1));
        }
        for (at, b) in flow.brackets(line) {
            if matches!(b, b'[' | b'{') {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(fail(i + 1, line[..at].chars().count() + 1));
                }
            } else {
                depth = depth.saturating_sub(1);
            }
        }
    }
    Ok(())
}

impl YamlError {
    /// How to fix it: what the place that refused the value said, else [`YamlError::hint`].
    pub fn help(&self) -> String {
        if let Some(hint) = &self.given_hint {
            return hint.clone();
        }
        shapes::missing_field(&self.message)
            .or_else(|| shapes::one_item_list(&self.message))
            .unwrap_or_else(|| self.hint().to_string())
    }

    /// Whether it is about a `[` or `{` never closed (see [`unclosed`]), not one closed with a
    /// comma missing inside.
    fn unclosed(&self) -> bool {
        self.message.starts_with("this `")
    }

    /// How to fix it, by what went wrong: the library's messages already list the keys or values
    /// a place allows.
    pub fn hint(&self) -> &'static str {
        if self.message == TAB {
            "replace the tab with spaces (set your editor to insert spaces in YAML files)"
        } else if self.message.contains(FITS_NOTHING) {
            "check the indentation of this line against the line above: the keys of one mapping \
             start in one column, and so do the `- ` items of one list"
        } else if self.message.starts_with(COLON_IN_VALUE) {
            "quote the value (`message: \"Note: …\"`), or remove the second `: `"
        } else if self.message.contains("did not find expected ',' or ']'") && self.unclosed() {
            "a `[…]` list opened above is not closed: end it with `]`, and separate its items with `,`"
        } else if self.message.contains("did not find expected ',' or '}'") && self.unclosed() {
            "a `{…}` mapping opened above is not closed: end it with `}`, and separate its entries \
             with `,`"
        } else if self.message.contains("did not find expected ',' or ']'") {
            "separate the list's items with `,` (`[a, b]`), and quote an item that holds one"
        } else if self.message.contains("did not find expected ',' or '}'") {
            "separate the mapping's entries with `,` (`{a: 1, b: 2}`), and quote a value that \
             holds one"
        } else if self.message.contains(GOES_UNDER) {
            "move the key into the mapping named, indented below it or written in `{…}`"
        } else if self.message.contains(SUGGESTED) {
            "rename it to the name suggested, or remove it"
        } else if self.message.contains("unknown field") {
            "remove or rename the key: the message lists the keys this place may hold"
        } else if self.message.contains("unknown variant") {
            "use one of the values the message lists"
        } else if self.message.starts_with("nested more than") {
            "flatten the document: rules and configs need only a few levels"
        } else if self.message.contains("is not a size in bytes") {
            "write a whole number of bytes, or one followed by K, M or G (`10M`)"
        } else if self.message.contains("missing field `") {
            "add the key the message names"
        } else if self.message.contains("invalid value") {
            "write a value the message allows"
        } else if self.message.contains("expected a whole number") {
            "write a whole number, with no decimal point (and no minus sign where it counts \
             something), such as `3`"
        } else if self.message.contains("invalid length") {
            "write a list of as many items as the message says, such as `[20, 40]` for a range"
        } else if self
            .message
            .contains("invalid type: sequence, expected a rule file")
        {
            "put the list under `rules:`: a line `rules:` first, then the list indented below it"
        } else if self.message.contains("invalid type") {
            "write the kind of value the message expects here"
        } else {
            "check the YAML syntax at this place"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_are_named_with_their_fix() {
        let cases = [
            ("rules:\n\t- id: a/b\n", 2),
            ("rules:\n  - id: a/b\n\tphrases: [x]\n", 3),
        ];
        for (source, line) in cases {
            let e = from_str::<serde_yaml::Value>(source).unwrap_err();
            assert_eq!((e.message.as_str(), e.line), (TAB, line));
            assert!(e.hint().starts_with("replace the tab with spaces"));
        }
    }

    #[test]
    fn misplaced_lines_are_named_by_their_indentation() {
        let e = from_str::<serde_yaml::Value>("a: 1\n b: 2\n").unwrap_err();
        assert_eq!(e.line, 2);
        let want = "this line is indented to column 2 and the line above to column 1 (`a: 1`;";
        assert!(e.message.starts_with(want), "{}", e.message);
        let e = from_str::<serde_yaml::Value>("a:\n  - b: 1\n     c: 2\n").unwrap_err();
        assert!(
            e.message
                .contains("column 6 and the line above to column 5"),
            "{}",
            e.message
        );
        assert!(e.hint().starts_with("check the indentation of this line"));
        let e = from_str::<serde_yaml::Value>("a: 1\nb: Note: x\n").unwrap_err();
        assert!(e.message.starts_with(COLON_IN_VALUE), "{}", e.message);
        assert!(e.hint().starts_with("quote the value"));
    }

    #[test]
    fn unclosed_brackets_say_so() {
        let e = from_str::<serde_yaml::Value>("a: [x\nb: 1\n").unwrap_err();
        assert!(
            e.hint()
                .starts_with("a `[…]` list opened above is not closed"),
            "{e:?}"
        );
        let e = from_str::<serde_yaml::Value>("a: {x: 1\nb: 1\n").unwrap_err();
        assert!(
            e.hint().starts_with("a `{…}` mapping opened above"),
            "{e:?}"
        );
    }

    /// Nesting past the limit is refused where it goes too deep, its column counted in
    /// characters; brackets inside quotes and comments do not count.
    #[test]
    fn too_deep_nesting_is_named_by_its_column_in_characters() {
        let deep = format!("é: \"[[[\" # {{{{\n€😀: {}", "[".repeat(MAX_DEPTH + 1));
        let e = too_deep(&deep).unwrap_err();
        assert_eq!((e.line, e.column), (2, 5 + MAX_DEPTH), "{e:?}");
        let quoted = format!("é: '{}' # {}", "[".repeat(100), "{".repeat(100));
        assert!(too_deep(&quoted).is_ok());
    }

    /// The built-in pack is read without the depth scan (`from_shallow_str`): it must pass it.
    #[test]
    fn the_built_in_pack_is_shallow() {
        for (name, text) in crate::rules::builtin::FILES {
            assert!(too_deep(text).is_ok(), "{name}");
        }
    }

    #[test]
    fn rust_types_are_named_in_words() {
        let e = from_str::<Vec<i32>>("[1, x]").unwrap_err();
        assert_eq!(
            e.message,
            ".[1]: invalid type: string \"x\", expected a whole number from -2147483648 to 2147483647"
        );
        let e = from_str::<u64>("99999999999999999999").unwrap_err();
        assert_eq!(
            e.message,
            "invalid value: integer `99999999999999999999`, expected a whole number from 0 to 18446744073709551615"
        );
        let e = from_str::<Option<u64>>("-5").unwrap_err();
        assert_eq!(
            e.message,
            "invalid type: integer `-5`, expected a whole number, 0 or more"
        );
        let e = from_str::<Vec<String>>("a: b").unwrap_err();
        assert_eq!(e.message, "invalid type: map, expected a list");
        // A string where a list of strings goes: the help writes the list of it.
        type Rule = std::collections::BTreeMap<String, Vec<String>>;
        let e = from_str::<Vec<Rule>>("- phrases: \"calm down\"").unwrap_err();
        assert_eq!(
            e.help(),
            "write a list, of one item here: `[\"calm down\"]` (or one `- ` item a line below \
             the key)"
        );
        let e = from_str::<Vec<Rule>>("- phrases: |\n    calm down\n    relax\n").unwrap_err();
        assert_eq!(e.help(), "write the kind of value the message expects here");
        assert_eq!(
            type_words::type_in_words("invalid type: string \"x\", expected struct Rule"),
            None
        );
    }

    #[test]
    fn misspelt_names_get_the_closest_expected_one() {
        let m = "unknown field `severty`, expected one of `id`, `kind`, `severity`";
        let want = "unknown field `severty`, did you mean `severity`?";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        let m = "unknown variant `erorr`, expected one of `error`, `warning`, `info`";
        let want = "unknown variant `erorr`, did you mean `error`?";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        let m = "rules[0]: unknown field `suggest`, expected one of `id`, `suggestion`, `replace`";
        let want = "rules[0]: unknown field `suggest`, did you mean `suggestion`?";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        // Two names that start so, or a start too short to tell, suggest none.
        let m = "unknown field `near_`, expected one of `near_words`, `near_turns`";
        assert_eq!(did_you_mean(m), None);
        let m = "unknown field `sug`, expected one of `suggestion`";
        assert_eq!(did_you_mean(m), None);
        let m = "unknown field `zzzzzz`, expected `id` or `kind`";
        assert_eq!(did_you_mean(m), None);
        assert_eq!(did_you_mean("invalid type: string"), None);
        let m = "rules[0]: unknown field `phrase`, expected `id` or `phrases`";
        let want = "rules[0]: unknown field `phrase`, did you mean `phrases`?";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        // Another tool's name beats a near typo: `and` is `all`, not `any`.
        let m = "rules[0].when: unknown field `and`, expected one of `all`, `any`, `not`";
        let want = "rules[0].when: unknown field `and`, did you mean `all`?";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        // A window's key on the rule belongs in its `window`, where the rule has one.
        let m = "rules[0]: unknown field `first_percent`, expected one of `id`, `window`";
        let want = "rules[0]: unknown field `first_percent`, which goes under `window:` \
                    (`window: {first_percent: …}`)";
        assert_eq!(did_you_mean(m).as_deref(), Some(want));
        let m = "unknown field `min`, expected one of `id`, `kind`";
        assert_eq!(did_you_mean(m), None);
    }
}
