//! Why a date and time written at a label is none, in words that say what to mend: a day its month
//! does not have (31 February), a month past 12, an hour past 23. The warning said only "not a
//! time", and left the reader to find which part was wrong.

use super::time::{dotted_date, month_days, slash_numbers, split_meridiem};

/// What is wrong with `written`, a date and a time of day as a label's line writes it
/// (`31.02.2024 10:00`, `2024-02-30T10:00`, `1.1.24 25:00`), and what to write instead; `None`
/// when it opens with no date, or neither its date nor its clock is wrong in a way told here.
pub(super) fn fault(written: &str) -> Option<String> {
    let (date, clock) = split(written)?;
    let no_date = match date {
        Date::Ymd(y, m, d) => no_day(y, m, d),
        Date::Slash(first, second, y) => {
            let (day_first, month_first) = (no_day(y, second, first), no_day(y, first, second));
            day_first
                .zip(month_first)
                .map(|(a, b)| format!("read day first, {a}; read month first, {b}"))
        }
    };
    if let Some(why) = no_date {
        return Some(format!("{why}; write the date the call was on"));
    }
    clock_fault(clock).map(|why| format!("{why}; write the time of day the turn began"))
}

/// A date as written: year, month and day (ISO 8601, or day first with dots), or a slash date's
/// first and second numbers and its year.
enum Date {
    Ymd(i64, i64, i64),
    Slash(i64, i64, i64),
}

/// `written` as its date and the rest after it: `yyyy-mm-dd` then `T` or a space, or a dotted or
/// slash date then a space.
fn split(written: &str) -> Option<(Date, &str)> {
    let number = |s: &str| s.parse::<i64>().ok();
    let b = written.as_bytes();
    if b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b.get(10), None | Some(b' ' | b'T'))
    {
        let ymd = (number(&written[..4])?, number(&written[5..7])?);
        let date = Date::Ymd(ymd.0, ymd.1, number(&written[8..10])?);
        return Some((date, written.get(11..).unwrap_or("")));
    }
    let (date, clock) = written.split_once(' ').unwrap_or((written, ""));
    if let Some(iso) = dotted_date(date) {
        let (y, m, d) = (
            number(&iso[..4])?,
            number(&iso[5..7])?,
            number(&iso[8..10])?,
        );
        return Some((Date::Ymd(y, m, d), clock));
    }
    let (first, second) = slash_numbers(date)?;
    let year = number(date.rsplit('/').next()?)?;
    let year = if year < 100 { 2000 + year } else { year };
    Some((Date::Slash(first.into(), second.into(), year), clock))
}

/// Why day `d` of month `m` of `y` is no date (`there is no 31 February 2024 (February 2024 has
/// 29 days)`); `None` for a date.
fn no_day(y: i64, m: i64, d: i64) -> Option<String> {
    let Some(days) = month_days(y, m) else {
        return Some(format!("there is no month {m} (months run 1–12)"));
    };
    let month = MONTHS[(m - 1) as usize];
    (!(1..=days).contains(&d))
        .then(|| format!("there is no {d} {month} {y} ({month} {y} has {days} days)"))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why `clock`, a time of day after a date (`25:00`, `10:75`, `13:00 PM`), is none: the field
/// that runs past its end. `None` when none does, or it is no clock of digits and colons.
fn clock_fault(clock: &str) -> Option<String> {
    let (clock, meridiem) = split_meridiem(clock.trim());
    let end = clock
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(clock.len());
    let fields: Vec<u64> = clock[..end]
        .split(':')
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    let &[hours, minutes, ..] = &fields[..] else {
        return None;
    };
    let written = &clock[..end];
    let seconds = fields.get(2).copied().unwrap_or(0);
    let why = if meridiem.is_some() && hours > 12 {
        "with AM or PM, hours run 1–12"
    } else if hours >= 24 {
        "hours run 0–23"
    } else if minutes >= 60 {
        "minutes run 0–59"
    } else if seconds >= 60 {
        "seconds run 0–59"
    } else {
        return None;
    };
    Some(format!("in `{written}`, {why}"))
}

#[cfg(test)]
mod tests {
    use super::fault;

    #[test]
    fn the_wrong_part_of_a_date_and_time_is_named() {
        for (written, expected) in [
            (
                "31.02.2024 10:00",
                "there is no 31 February 2024 (February 2024 has 29 days); write the date",
            ),
            (
                "29.02.23 10:00",
                "there is no 29 February 2023 (February 2023 has 28 days)",
            ),
            ("2024-13-01T10:00", "there is no month 13 (months run 1–12)"),
            (
                "31/02/2024 10:00",
                "read day first, there is no 31 February 2024 (February 2024 has 29 days); read \
                 month first, there is no month 31",
            ),
            (
                "1.1.24 25:00",
                "in `25:00`, hours run 0–23; write the time of day",
            ),
            ("2024-01-01 10:75:00", "minutes run 0–59"),
            ("05/03/2024 13:00 PM", "with AM or PM, hours run 1–12"),
        ] {
            let got = fault(written).unwrap_or_default();
            assert!(got.contains(expected), "{written}: {got}");
        }
        for written in ["05.03.2024 10:00", "10:00", "00:00:75", "05.03.2024 1x:00"] {
            assert_eq!(fault(written), None, "{written}");
        }
    }
}
