//! A message's start and end times, read from whichever field holds them. A time that is there
//! but cannot be read (`"20s"` in a milliseconds field, a negative number, `1e300`) leaves the
//! turn without it, with a warning that names the field, its value and its place (SPEC §7: it
//! was dropped silently).

use super::json_text::{Clock, Unit, micros, millis, position};
use super::message::Message;

/// The start and end of message `m` (a slice of `source`), in milliseconds from the
/// conversation's start, with bare numbers of `start`/`end` in `unit`; a warning in `warnings`
/// for each time field read that holds no time.
pub(super) fn times(
    m: &Message,
    clock: &mut Clock,
    unit: Unit,
    source: &str,
    warnings: &mut Vec<String>,
) -> (Option<u64>, Option<u64>) {
    let mut unread = |raw: &str, expected: &str| warnings.push(warning(source, raw, expected));
    let in_unit = match unit {
        Unit::Seconds => "a number of seconds, a clock or an ISO 8601 date and time",
        Unit::Millis => "a number of milliseconds, a clock or an ISO 8601 date and time",
    };
    let millis_of = |raw: &str, unread: &mut dyn FnMut(&str, &str)| {
        millis(raw).filter(plausible).or_else(|| {
            unread(raw, "a number of milliseconds");
            None
        })
    };
    let start_ms = m
        .start_millis
        .and_then(|raw| millis_of(raw, &mut unread))
        .or_else(|| {
            let raw = m.start_timestamp_usec?;
            match micros(raw).filter(plausible) {
                Some(ms) => clock.epoch_or_offset(ms),
                None => {
                    unread(raw, "a number of microseconds");
                    None
                }
            }
        })
        .or_else(|| {
            let raw = m.start?;
            clock.time(raw, unit).filter(plausible).or_else(|| {
                unread(raw, in_unit);
                None
            })
        })
        .and_then(|ms| clock.epoch_or_offset(ms));
    let end_ms = m
        .end_millis
        .and_then(|raw| millis_of(raw, &mut unread))
        .or_else(|| {
            let raw = m.end?;
            clock.time(raw, unit).filter(plausible).or_else(|| {
                unread(raw, in_unit);
                None
            })
        })
        .and_then(|ms| clock.epoch_or_offset(ms));
    (start_ms, end_ms)
}

/// Whether `ms` may be a time: fewer milliseconds than a double counts exactly (2^53, 285,000
/// years), where `1e300` reads as the largest number and so as the call's start.
fn plausible(ms: &u64) -> bool {
    *ms < 1 << 53
}

/// The warning for the time field whose value `raw` (a slice of `source`) is not `expected`.
fn warning(source: &str, raw: &str, expected: &str) -> String {
    let (line, column) = position(source, raw);
    let field = key_before(source, raw).map_or(String::from("a time field"), |k| format!("`{k}`"));
    let why = match raw.trim_matches('"').parse::<f64>() {
        Ok(v) if !v.is_finite() => "not a finite number".to_string(),
        Ok(v) if v < 0.0 => "a negative time".to_string(),
        Ok(_) => "too large for a time".to_string(),
        Err(_) => format!("not {expected}"),
    };
    format!(
        "line {line}, column {column}: {field} is `{raw}`, {why}: the turn is read without this \
         time; write {expected}"
    )
}

/// The key of the value that starts at `raw` in `source` (`start_ms` of `"start_ms": 5`), when
/// the bytes before the value are a key and a colon.
fn key_before<'s>(source: &'s str, raw: &str) -> Option<&'s str> {
    let at = raw.as_ptr() as usize - source.as_ptr() as usize;
    let before = source.get(..at)?.trim_end().strip_suffix(':')?;
    let key = before.trim_end().strip_suffix('"')?;
    key.rfind('"').map(|open| &key[open + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warned(json: &str) -> Vec<String> {
        let m = Message::read(json).unwrap();
        let mut warnings = Vec::new();
        let mut clock = Clock::default();
        times(&m, &mut clock, Unit::Seconds, json, &mut warnings);
        warnings
    }

    #[test]
    fn a_time_that_cannot_be_read_is_named_with_its_field() {
        let w = warned(r#"{"text": "hi", "BeginOffsetMillis": "20s"}"#);
        assert_eq!(
            w,
            [
                "line 1, column 37: `BeginOffsetMillis` is `\"20s\"`, not a number of milliseconds: \
              the turn is read without this time; write a number of milliseconds"
            ]
        );
        assert!(warned(r#"{"start": -3}"#)[0].contains("`start` is `-3`, a negative time"));
        assert!(warned(r#"{"end_ms": 1e300}"#)[0].contains("`end_ms` is `1e300`, too large"));
        assert!(warned(r#"{"start": "soon"}"#)[0].contains("not a number of seconds, a clock"));
        assert!(warned(r#"{"start": 1.5, "end": "00:00:02", "start_ms": null}"#).is_empty());
    }
}
