//! A time written with a speaker label that talklint cannot read (`[00:00:75] Agent:`), or reads
//! only in part (a span that ends before it starts). The label is still read, so the turn stays
//! its speaker's: its words would otherwise go on the turn before it, or its times be wrong,
//! without a word said (SPEC §7). A warning names the time, its place and how to write it.

use super::stamps::{Stamp, Timeline};
use super::text::Opening;

/// What is wrong with a time written at a label.
pub(super) struct TimeFault<'a> {
    /// The time as written, without its brackets: a part of the source.
    written: &'a str,
    /// Whether it reads as no time at all; else it is a span that ends before it starts.
    unread: bool,
}

/// The time a labelled line gives its turn, and the first fault of the times it writes.
#[derive(Default)]
pub(super) struct Times<'a> {
    pub(super) stamp: Option<Stamp>,
    /// Boxed: faults are rare, and a labelled line's opening is kept for every line.
    pub(super) fault: Option<Box<TimeFault<'a>>>,
}

impl<'a> Times<'a> {
    /// Takes a time written as `written` that reads as `stamp` (`None`: as no time), where the
    /// line gives none yet: the first time a line writes is its turn's.
    pub(super) fn take(&mut self, stamp: Option<Stamp>, written: &'a str) {
        self.stamp = self.stamp.or(stamp);
        if self.fault.is_none() {
            self.fault = match stamp {
                None => Some(Box::new(TimeFault {
                    written,
                    unread: true,
                })),
                Some(s) if s.end_before_start() => Some(Box::new(TimeFault {
                    written,
                    unread: false,
                })),
                Some(_) => None,
            };
        }
    }
}

impl TimeFault<'_> {
    /// The warning for the fault, which is on line `line` of `source`: where the time is, what is
    /// wrong with it, what talklint made of it and how to write it.
    pub(super) fn warning(&self, source: &str, line: usize) -> String {
        let at = crate::text::offset_in(source, self.written);
        let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..at].chars().count() + 1;
        let written = self.written;
        let said = if !self.unread {
            format!(
                "`{written}` ends before it starts, so its end is dropped and the turn ends \
                 where the next one starts; write the end after the start"
            )
        } else {
            let (open, close) = match source[..at].chars().next_back() {
                Some('[') => ("[", "]"),
                Some('(') => ("(", ")"),
                _ => ("", ""),
            };
            match (super::date_faults::fault(written), mended(written)) {
                (Some(why), _) => format!(
                    "`{written}` is no date and time: {why}; the turn is read without a time"
                ),
                (None, Some((unit, mended))) => format!(
                    "`{written}` is not a time: {unit} run 0–59; write `{open}{mended}{close}`; \
                     the turn is read without a time"
                ),
                (None, None) => format!(
                    "`{written}` is not a time; write one as `[hh:mm:ss]` (`[00:01:15]`), a \
                     span as `[00:01:15-00:01:20]`, or a date and time as \
                     `[2024-03-05 10:01:15]`; the turn is read without a time"
                ),
            }
        };
        format!("line {line}, column {column}: {said}")
    }
}

/// The warning for the turns of `openings` (each with its line's start in `source`) whose slash
/// dates `timeline` does not read: where the first is, why, and how many more there are.
pub(super) fn unread_dates(
    source: &str,
    openings: &[(usize, Opening)],
    timeline: &Timeline,
) -> Option<String> {
    let mut unread = openings
        .iter()
        .filter_map(|(at, o)| Some((*at, timeline.unread(o.stamp?)?)));
    let (at, why) = unread.next()?;
    let more = match unread.count() {
        0 => String::new(),
        n => format!(" ({n} more turns are too)"),
    };
    let line = &source[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let date = line
        .split([' ', '\t', '[', '('])
        .find(|w| w.contains('/') && w.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(line);
    let at = crate::text::offset_in(source, date);
    let (number, column) = crate::text::lines::LineCursor::new(source).position(at);
    Some(format!(
        "line {number}, column {column}: the date `{date}` {why}; its turn is read without a \
         time{more}"
    ))
}

/// `written` with each clock whose minutes or seconds run past 59 carried over (`00:00:75` is
/// `00:01:15`), and which field ran over first (`seconds`, `minutes`); `None` when no clock did,
/// or one is not digits and colons.
fn mended(written: &str) -> Option<(&'static str, String)> {
    let mut out = String::with_capacity(written.len());
    let mut unit = None;
    let mut rest = written;
    while !rest.is_empty() {
        let clockish = |c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ',');
        let run = rest.find(|c: char| !clockish(c)).unwrap_or(rest.len());
        if run == 0 {
            // A separator (`-`, ` to `): up to the next clock.
            let gap = rest.find(clockish).unwrap_or(rest.len());
            out.push_str(&rest[..gap]);
            rest = &rest[gap..];
            continue;
        }
        let (clock, after) = rest.split_at(run);
        match carried(clock) {
            Some((over, fixed)) => {
                unit = unit.or(Some(over));
                out.push_str(&fixed);
            }
            None => out.push_str(clock),
        }
        rest = after;
    }
    Some((unit?, out))
}

/// A clock `m:ss` or `h:mm:ss` (a fraction may end it) whose minutes or seconds run past 59,
/// carried over in the same shape, and which field ran over first.
fn carried(clock: &str) -> Option<(&'static str, String)> {
    let whole_end = clock.find(['.', ',']).unwrap_or(clock.len());
    let (whole, fraction) = clock.split_at(whole_end);
    let fields: Vec<&str> = whole.split(':').collect();
    let digits = |f: &&str| !f.is_empty() && f.len() <= 6 && f.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&fields.len()) || !fields.iter().all(digits) {
        return None;
    }
    let values: Vec<u64> = fields.iter().filter_map(|f| f.parse().ok()).collect();
    let over = match values[1..] {
        [m, _] if m >= 60 => "minutes",
        [_, s] | [s] if s >= 60 => "seconds",
        _ => return None,
    };
    let seconds = values.iter().fold(0, |acc, v| acc * 60 + v);
    let width = fields[0].len();
    let fixed = match fields.len() {
        2 => format!("{:0width$}:{:02}", seconds / 60, seconds % 60),
        _ => format!(
            "{:0width$}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        ),
    };
    Some((over, fixed + fraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_that_run_over_are_carried() {
        for (written, expected) in [
            ("00:00:75", Some(("seconds", "00:01:15"))),
            ("00:01:60", Some(("seconds", "00:02:00"))),
            ("1:75", Some(("seconds", "2:15"))),
            ("00:75:00", Some(("minutes", "01:15:00"))),
            ("00:00:75.5", Some(("seconds", "00:01:15.5"))),
            ("00:00:05-00:00:75", Some(("seconds", "00:00:05-00:01:15"))),
            (
                "00:00:05 to 00:00:61",
                Some(("seconds", "00:00:05 to 00:01:01")),
            ),
            ("00:00:5x", None),
            ("1:2:3:4", None),
        ] {
            let got = mended(written);
            let got = got.as_ref().map(|(u, m)| (*u, m.as_str()));
            assert_eq!(got, expected, "{written}");
        }
    }
}
