//! The times a text transcript's lines open with or write after a label: clocks from the call's
//! start (`[00:01:02]`, spans), dates and times (`[2024-05-01 10:00:00]`, ISO 8601), 12-hour
//! times (`10:00 AM`), and the [`Timeline`] that makes them relative to the call.

use super::slash_order::{FileOrder, Shows, file_order};
use super::time::{
    DateTime, SlashOrder, clock_ms, dotted_date, dotted_time, iso8601, seconds_ms, slash_date,
    slash_date_time, split_meridiem, time_of_day_ms, with_meridiem,
};

/// When a turn opens (and ends), in milliseconds: from the call's start for a clock
/// (`00:01:02`), from the Unix epoch for a date and time (`2024-05-01 10:00:00`), which the file's
/// first such stamp then makes relative.
#[derive(Clone, Copy)]
pub(super) struct Stamp {
    start_ms: u64,
    end_ms: Option<u64>,
    /// For a date and time, the epoch milliseconds its day began at (in its own zone): a clock
    /// written after it is a time of that day.
    day_start_ms: Option<u64>,
    /// A 12-hour time (`10:00 AM`): a time of day, not an offset into a recording.
    of_day: bool,
    /// A span whose end, written before its start (`00:00:30-00:00:20`), is dropped.
    end_before_start: bool,
    /// A date written with slashes (`05/03/2024 10:00`), read both ways: which is meant, the
    /// file's other dates tell (see [`Timeline::new`]).
    slash: Option<SlashReadings>,
}

/// A slash date and time read day first and month first, each where it is a date, and what it
/// says of the file's order.
#[derive(Clone, Copy)]
struct SlashReadings {
    day_first: Option<DateTime>,
    month_first: Option<DateTime>,
    shows: Shows,
}

impl SlashReadings {
    fn of(text: &str) -> Option<SlashReadings> {
        let read = |order| slash_date_time(text, order);
        let readings = SlashReadings {
            day_first: read(SlashOrder::DayFirst),
            month_first: read(SlashOrder::MonthFirst),
            shows: Shows::of(text),
        };
        (readings.day_first.is_some() || readings.month_first.is_some()).then_some(readings)
    }

    fn reading(self, order: SlashOrder) -> Option<DateTime> {
        match order {
            SlashOrder::DayFirst => self.day_first,
            SlashOrder::MonthFirst => self.month_first,
        }
    }
}

impl Stamp {
    /// When the turn opens, as written: from the call's start, the Unix epoch or midnight.
    pub(super) fn start_ms(self) -> u64 {
        self.start_ms
    }

    /// Whether the stamp was a span written ending before it starts, its end dropped.
    pub(super) fn end_before_start(self) -> bool {
        self.end_before_start
    }

    /// A date and time, as epoch milliseconds and its day's start.
    fn dated(d: DateTime) -> Stamp {
        Stamp {
            start_ms: d.epoch_ms,
            end_ms: None,
            day_start_ms: Some(d.epoch_ms.saturating_sub(d.time_of_day_ms)),
            of_day: false,
            end_before_start: false,
            slash: None,
        }
    }

    /// The stamp as read where its slash date is read in `order` (`None`: in no order); `None`
    /// for a slash date that is no date in that order.
    fn read(self, order: Option<SlashOrder>) -> Option<Stamp> {
        match self.slash {
            None => Some(self),
            Some(readings) => Some(Stamp::dated(readings.reading(order?)?)),
        }
    }
}

/// A clock, a span of two, or a date and time (ISO 8601, with `T` or a space); either may end in
/// `AM` or `PM`.
pub(super) fn stamp(inner: &str) -> Option<Stamp> {
    let (clock, meridiem) = split_meridiem(inner);
    // `1:30 PM` is hours and minutes, where `[1:30]` is a clock's minutes and seconds.
    let twelve_hour = meridiem.and_then(|_| Some((time_of_day_ms(clock)?, None)));
    if let Some((start, end)) = twelve_hour.or_else(|| times(clock)) {
        let start_ms = with_meridiem(start, meridiem)?;
        let end_ms = end.and_then(|e| with_meridiem(e, meridiem));
        let end_before_start = end_ms.is_some_and(|e| e < start_ms);
        return Some(Stamp {
            start_ms,
            end_ms: end_ms.filter(|_| !end_before_start),
            day_start_ms: None,
            of_day: meridiem.is_some(),
            end_before_start,
            slash: None,
        });
    }
    if let Some(d) = iso8601(inner).or_else(|| dotted_time(inner)) {
        return Some(Stamp::dated(d));
    }
    // Until the file's dates say which order they are in, a slash date opens at its first date.
    let slash = SlashReadings::of(inner)?;
    let first = slash.day_first.or(slash.month_first)?;
    Some(Stamp {
        slash: Some(slash),
        ..Stamp::dated(first)
    })
}

/// A [`stamp`], or seconds from the call's start written with an `s` (`5.5s`, `12s`), as some
/// tools write in brackets (`[5.5s] Customer:`); a bare `5s` is a word, not a time.
pub(super) fn bracketed_stamp(inner: &str) -> Option<Stamp> {
    stamp(inner).or_else(|| {
        let number = inner.strip_suffix('s')?;
        let digits = number.starts_with(|c: char| c.is_ascii_digit())
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        Some(Stamp {
            start_ms: seconds_ms(number.parse().ok().filter(|_| digits)?)?,
            end_ms: None,
            day_start_ms: None,
            of_day: false,
            end_before_start: false,
            slash: None,
        })
    })
}

/// The length of an ` AM` or ` PM` (any case) that opens `rest` as a word of its own.
fn meridiem_after(rest: &str) -> usize {
    let b = rest.as_bytes();
    let word = b.len() >= 3
        && b[0] == b' '
        && matches!(b[1].to_ascii_lowercase(), b'a' | b'p')
        && b[2].eq_ignore_ascii_case(&b'm')
        && b.get(3).is_none_or(|c| matches!(c, b' ' | b'\t'));
    if word { 3 } else { 0 }
}

/// The length of the date `line` starts with and the space or `T` after it: `YYYY-MM-DD` then
/// `T` or a space, or a day and month with dots or slashes and a year (`05.03.2024`, `5/3/24`)
/// then a space and a time's first digit; 0 when it starts with none.
fn dated_length(line: &str) -> usize {
    let b = line.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b' ' | b'T'))
    {
        return 11;
    }
    let date = line.split(' ').next().unwrap_or("");
    let shaped = slash_date(date) || dotted_date(date).is_some();
    let timed = b.get(date.len() + 1).is_some_and(u8::is_ascii_digit);
    match shaped && timed {
        true => date.len() + 1,
        false => 0,
    }
}

/// A time, or a start and an end (`00:00:01-00:00:05`, also with `–`, `-->` or ` to `), the end
/// as written, before the start or not.
fn times(inner: &str) -> Option<(u64, Option<u64>)> {
    if let Some(ms) = clock_ms(inner) {
        return Some((ms, None));
    }
    let (a, b) = inner
        .split_once("-->")
        .or_else(|| inner.split_once('–'))
        .or_else(|| inner.split_once('-'))
        .or_else(|| inner.split_once(" to "))?;
    Some((clock_ms(a)?, Some(clock_ms(b)?)))
}

/// Whether `inner`, where a line's time would be, is written as one, read or not (`00:00:75`,
/// `1:60`, `00:00:5x`): it opens with a digit, holds a `:` and no bracket. `[Customer]`,
/// `(4521)` and `(see below)` are not, nor is `2:1 ratio) said` of `Customer (2:1 ratio) said:`.
pub(super) fn is_time_shaped(inner: &str) -> bool {
    inner.starts_with(|c: char| c.is_ascii_digit())
        && inner.contains(':')
        && !inner.contains(['[', ']', '(', ')'])
}

/// A time a line opens with: what it reads as (`None` for one written as a time that is none,
/// `[00:00:75]`: see [`is_time_shaped`]), and how it is written, without its brackets.
pub(super) struct Leading<'a> {
    pub(super) stamp: Option<Stamp>,
    pub(super) written: &'a str,
}

/// Reads an optional timestamp at the start of `line`: `[00:01:02]`, `(01:02)`, `00:01:02`, a
/// span `[00:01:02-00:01:09]`, a date and time `[2024-05-01 10:00:00]`, a 12-hour time
/// `[10:00:00 AM]`, seconds in brackets `[5.5s]`, or what is written as one of these and is no
/// time (`[00:00:75]`). Returns it and the rest of the line after it, past a `-` or `|` that
/// parts them (`00:00:05 | Customer:`).
pub(super) fn leading_time(line: &str) -> Option<(Leading<'_>, &str)> {
    let (inner, rest, bracketed) = if let Some(r) = line.strip_prefix('[') {
        let end = r.find(']')?;
        (&r[..end], &r[end + 1..], true)
    } else if let Some(r) = line.strip_prefix('(') {
        let end = r.find(')')?;
        (&r[..end], &r[end + 1..], true)
    } else if line.starts_with(|c: char| c.is_ascii_digit()) {
        // A bare date and time holds a space (`2024-05-01 10:00:00 Agent:`), and so does a
        // 12-hour time (`10:00:00 AM Agent:`).
        let from = dated_length(line);
        let mut end = from + line[from..].find([' ', '\t'])?;
        end += meridiem_after(&line[end..]);
        (&line[..end], &line[end..], false)
    } else {
        return None;
    };
    let read = if bracketed {
        bracketed_stamp(inner)
    } else {
        stamp(inner)
    };
    if read.is_none() && !is_time_shaped(inner) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("- ")
        .or_else(|| rest.strip_prefix("| "))
        .unwrap_or(rest);
    let written = Leading {
        stamp: read,
        written: inner,
    };
    Some((written, rest))
}

/// Makes a file's stamps relative to its call: dates and times count from the first one in the
/// file, as chat exports' do; a clock after one is a time of its day; 12-hour times count from
/// the first one (past midnight, from the day after); another clock before any date is a time
/// from the call's start.
pub(super) struct Timeline {
    /// The order slash dates are read in: the one the file's dates show, else the one named
    /// (`--date-order`), else day first where the order changes no time (every slash date is
    /// of one day); `None`, and no slash date read, where the file leaves it open.
    order: Option<SlashOrder>,
    /// Whether the file's slash dates show both orders.
    mixed: bool,
    /// The earliest date and time, in epoch milliseconds (0 when there is none).
    epoch: u64,
    /// The start of the day of the last date and time seen.
    day: Option<u64>,
    /// The first 12-hour time seen (before any date), in milliseconds from midnight.
    first_of_day: Option<u64>,
}

const DAY_MS: u64 = 86_400_000;

impl Timeline {
    /// The timeline of a file whose stamps, in order, are `stamps`, its slash dates read in the
    /// order they show, else in `named`.
    pub(super) fn new(
        stamps: impl Iterator<Item = Stamp> + Clone,
        named: Option<SlashOrder>,
    ) -> Timeline {
        let dates = stamps.clone().filter_map(|s| Some((s.slash?.shows, ())));
        let FileOrder { order, mixed } = file_order(dates, named);
        // The earliest, not the first: a turn dated before the file's first keeps its time, and
        // is warned of as one that starts before the turn above it (it was put at 0 s).
        let epoch = stamps
            .filter_map(|s| s.read(order))
            .filter(|s| s.day_start_ms.is_some())
            .map(|s| s.start_ms)
            .min();
        Timeline {
            order,
            mixed: mixed.is_some(),
            epoch: epoch.unwrap_or(0),
            day: None,
            first_of_day: None,
        }
    }

    /// Why `s`, a slash date, is not read: the file leaves its dates' order open, or it is no
    /// date in the order they are read in; `None` for a stamp that is read.
    pub(super) fn unread(&self, s: Stamp) -> Option<&'static str> {
        match (s.read(self.order), self.order) {
            (Some(_), _) => None,
            (None, None) if self.mixed => Some(
                "is one of the file's slash dates, some day first and some month first; write \
                 them in one order, best as ISO 8601 (`2024-03-05 10:00:00`), or name the order \
                 with --date-order day-first or month-first, or the config's `date_order:`",
            ),
            (None, None) => Some(
                "may be read day first or month first, and the file's slash dates, of more than \
                 one day, do not show which; name the order with --date-order day-first or \
                 month-first, or the config's `date_order:`",
            ),
            (None, Some(SlashOrder::DayFirst)) => {
                Some("is no date read day first, the order the file's slash dates are read in")
            }
            (None, Some(SlashOrder::MonthFirst)) => {
                Some("is no date read month first, the order the file's slash dates are read in")
            }
        }
    }

    /// The start and end, in milliseconds from the call's start, of the next stamp.
    pub(super) fn place(&mut self, s: Stamp) -> (Option<u64>, Option<u64>) {
        let Some(s) = s.read(self.order) else {
            return (None, None);
        };
        self.day = s.day_start_ms.or(self.day);
        if s.of_day && self.day.is_none() {
            let first = *self.first_of_day.get_or_insert(s.start_ms);
            let at = |ms: u64| if ms < first { ms + DAY_MS } else { ms } - first;
            return (Some(at(s.start_ms)), s.end_ms.map(at));
        }
        let (shift, from) = match (s.day_start_ms, self.day) {
            (Some(_), _) => (0, self.epoch),
            (None, Some(day)) => (day, self.epoch),
            (None, None) => (0, 0),
        };
        let at = |ms: u64| (ms + shift).saturating_sub(from);
        (Some(at(s.start_ms)), s.end_ms.map(at))
    }
}
