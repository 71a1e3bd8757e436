//! The times of one conversation that cannot be read, gathered per field and said once each,
//! placed in the source (JSON messages and CSV time cells alike).

use crate::text::lines::LineCursor;
use std::ops::Range;

/// The times of one conversation that cannot be read, kept per field (as the file names it)
/// until the conversation is done: the first value, placed then, and how many more. A warning
/// for each message, each placed by counting lines from the top of the file, took 42 s for
/// 100,000 messages and said the same thing 100,000 times.
#[derive(Debug, Default)]
pub(super) struct Unread<'s> {
    fields: Vec<UnreadField<'s>>,
}

#[derive(Debug)]
struct UnreadField<'s> {
    /// The key, `None` where no key is written before the value.
    key: Option<&'s str>,
    /// The first value not read, as a range of the source, and what it should have been.
    first: Range<usize>,
    expected: &'static str,
    /// The messages with a value of this field not read, the first included.
    count: usize,
}

impl<'s> Unread<'s> {
    /// Counts the value `raw` (a slice of `source`) that is not `expected`.
    pub(super) fn add(&mut self, source: &'s str, raw: &str, expected: &'static str) {
        self.add_keyed(source, key_before(source, raw), raw, expected);
    }

    /// Counts the value `raw` (a slice of `source`) of the field named `key` (a CSV column)
    /// that is not `expected`.
    pub(super) fn add_named(
        &mut self,
        source: &'s str,
        key: &'s str,
        raw: &str,
        expected: &'static str,
    ) {
        self.add_keyed(source, Some(key), raw, expected);
    }

    fn add_keyed(
        &mut self,
        source: &'s str,
        key: Option<&'s str>,
        raw: &str,
        expected: &'static str,
    ) {
        match self.fields.iter_mut().find(|f| f.key == key) {
            Some(field) => field.count += 1,
            None => {
                let at = crate::text::offset_in(source, raw);
                self.fields.push(UnreadField {
                    key,
                    first: at..at + raw.len(),
                    expected,
                    count: 1,
                })
            }
        }
    }

    /// One warning per field, in the order first met, placed by `lines` (the file's one cursor:
    /// conversations come in file order, so it only moves forward).
    pub(super) fn warnings(self, lines: &mut LineCursor) -> Vec<String> {
        self.fields
            .into_iter()
            .map(|f| warning(lines, &f))
            .collect()
    }
}

/// The warning for the values of one time field that are not `expected`: the first, placed in
/// `lines`' text, and how many more there are.
fn warning(lines: &mut LineCursor, f: &UnreadField) -> String {
    let raw = &lines.text()[f.first.clone()];
    let (line, column) = lines.position(f.first.start);
    let field = f
        .key
        .map_or(String::from("a time field"), |k| format!("`{k}`"));
    let no_day = super::time::slash_date(raw) && !is_a_day(raw);
    let why = match raw.trim_matches('"').parse::<f64>() {
        Ok(v) if !v.is_finite() => "not a finite number".to_string(),
        Ok(v) if v < 0.0 => "a negative time".to_string(),
        Ok(_) => "too large for a time".to_string(),
        Err(_) if no_day => {
            "a date with slashes that is no day read either way, day first or month first".into()
        }
        Err(_) if super::time::slash_date(raw) => "a date with slashes, which reads day first \
             in some places and month first in others (`6/1/2024` is 6 January or 1 June)"
            .to_string(),
        Err(_) => format!("not {}", f.expected),
    };
    // An order named would not mend a date that is no day.
    let write = match no_day {
        true => f
            .expected
            .strip_suffix(NAME_THE_ORDER)
            .unwrap_or(f.expected),
        false => f.expected,
    };
    let more = match f.count - 1 {
        0 => String::new(),
        1 => format!(" (… and 1 more message whose {field} cannot be read)"),
        n => format!(" (… and {n} more messages whose {field} cannot be read)"),
    };
    format!(
        "line {line}, column {column}: {field} is `{raw}`, {why}: the turn is read without this \
         time; write {write}{more}"
    )
}

/// How a hint of what to write ends where naming the order of slash dates would read them (a
/// CSV file's time column).
pub(super) const NAME_THE_ORDER: &str =
    ", or name the order of slash dates with --date-order or `date_order:`";

/// Whether the slash date `raw` begins with is a day read one way or the other: `13/13/2024`
/// and `31/02/2024` are none, which no order named would mend.
fn is_a_day(raw: &str) -> bool {
    use super::slash_order::Shows;
    let date = raw.trim_matches('"').split(' ').next().unwrap_or("");
    Shows::of(date) != Shows::Nothing
}

/// The key of the value that starts at `raw` in `source` (`start_ms` of `"start_ms": 5`), when
/// the bytes before the value are a key and a colon.
pub(super) fn key_before<'s>(source: &'s str, raw: &str) -> Option<&'s str> {
    let at = crate::text::offset_in(source, raw);
    let before = source.get(..at)?.trim_end().strip_suffix(':')?;
    let key = before.trim_end().strip_suffix('"')?;
    key.rfind('"').map(|open| &key[open + 1..])
}
