//! Timestamps as they appear in transcripts, to milliseconds.

use crate::text::blank::trim;

/// Parses `[h:]m:s[.frac|,frac]` (`00:01:02`, `1:02`, `0:0:3.5`, `00:00:01,250`) to milliseconds.
pub fn clock_ms(text: &str) -> Option<u64> {
    let bytes = trim(text).as_bytes();
    caption_clock_ms(bytes).or_else(|| any_clock_ms(bytes))
}

/// [`clock_ms`] of any shape, digit by digit.
fn any_clock_ms(bytes: &[u8]) -> Option<u64> {
    // Up to three clock fields; the first may be long (hours), the others at most two digits.
    let mut fields = [0u64; 3];
    let mut count = 0;
    let mut digits = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b @ b'0'..=b'9' => {
                if digits == 6 || (count > 0 && digits == 2) {
                    return None;
                }
                fields[count] = fields[count] * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b':' if digits > 0 && count < 2 => {
                count += 1;
                digits = 0;
            }
            b'.' | b',' => break,
            _ => return None,
        }
        i += 1;
    }
    if digits == 0 || count == 0 {
        return None;
    }
    let fields = &fields[..=count];
    if fields[1..].iter().any(|&v| v >= 60) {
        return None;
    }
    let secs = fields.iter().fold(0, |acc, &v| acc * 60 + v);
    let mut ms = secs * 1000;
    if i < bytes.len() {
        let frac = &bytes[i + 1..];
        if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) {
            return None;
        }
        for (b, scale) in frac.iter().zip([100, 10, 1]) {
            ms += u64::from(b - b'0') * scale;
        }
    }
    Some(ms)
}

/// `hh:mm:ss.mmm` (or `,mmm`), the clock of nearly every caption cue, read in one pass; `None`
/// for any other shape, which [`clock_ms`] then reads digit by digit (to the same value).
fn caption_clock_ms(bytes: &[u8]) -> Option<u64> {
    let &[h1, h2, b':', m1, m2, b':', s1, s2, b'.' | b',', f1, f2, f3] = bytes else {
        return None;
    };
    let mut value = [0u64; 9];
    for (v, b) in value.iter_mut().zip([h1, h2, m1, m2, s1, s2, f1, f2, f3]) {
        *v = u64::from(b.wrapping_sub(b'0'));
    }
    if value.iter().any(|&d| d > 9) {
        return None;
    }
    let [h1, h2, m1, m2, s1, s2, f1, f2, f3] = value;
    let (minutes, seconds) = (m1 * 10 + m2, s1 * 10 + s2);
    if minutes >= 60 || seconds >= 60 {
        return None;
    }
    let whole = (h1 * 10 + h2) * 3600 + minutes * 60 + seconds;
    Some(whole * 1000 + f1 * 100 + f2 * 10 + f3)
}

/// Seconds (as a JSON number) to milliseconds; negative or non-finite values are no time.
pub fn seconds_ms(seconds: f64) -> Option<u64> {
    (seconds.is_finite() && seconds >= 0.0).then(|| (seconds * 1000.0).round() as u64)
}

/// A date and time: milliseconds since the Unix epoch, and its time of day as written (in its
/// own zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub epoch_ms: u64,
    pub time_of_day_ms: u64,
}

/// Parses an ISO 8601 date-time (`2020-04-01T17:31:32.000Z`, `2020-04-01 17:31:32+02:00`) to
/// milliseconds since the Unix epoch.
pub fn iso8601_ms(text: &str) -> Option<u64> {
    iso8601(text).map(|d| d.epoch_ms)
}

/// Reads an ISO 8601 date-time, also with a space for `T`, the time as `hh:mm` (hours and
/// minutes), and `AM` or `PM` after it (`2024-05-01 10:00:00 PM`).
pub fn iso8601(text: &str) -> Option<DateTime> {
    let (t, meridiem) = split_meridiem(text.trim());
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (y, mo, d) = (num(t.get(0..4)?)?, num(t.get(5..7)?)?, num(t.get(8..10)?)?);
    if t.get(4..5)? != "-" || t.get(7..8)? != "-" || !matches!(t.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let rest = &t[11..];
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let clock = with_meridiem(time_of_day_ms(&rest[..zone_at])?, meridiem)?;
    let zone = rest[zone_at..].trim();
    let offset_ms: i64 = match zone {
        "" | "Z" | "z" => 0,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let hm = z[1..].replace(':', "");
            let (h, m) = (num(hm.get(0..2)?)?, num(hm.get(2..4).unwrap_or("00"))?);
            sign * (h * 3_600_000 + m * 60_000)
        }
    };
    // No 31 June or 30 February: such a date would roll over into the next month.
    if !(1..=month_days(y, mo)?).contains(&d) {
        return None;
    }
    // Days from the civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let ms = days * 86_400_000 + clock as i64 - offset_ms;
    Some(DateTime {
        epoch_ms: u64::try_from(ms).ok()?,
        time_of_day_ms: clock,
    })
}

/// The days of `month` (1 to 12) in `year`; `None` for no month.
pub fn month_days(year: i64, month: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Some(match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    })
}

/// A time of day: `hh:mm` is hours and minutes (where a clock reads minutes and seconds), and
/// `hh:mm:ss[.frac]` as a clock reads it; `None` from 24 hours on (`25:00` after a date is no
/// time of its day, where it was read as 01:00 of the next without a word).
pub fn time_of_day_ms(text: &str) -> Option<u64> {
    let ms = clock_ms(text)?;
    let ms = match text.bytes().filter(|&b| b == b':').count() {
        1 if !text.contains(['.', ',']) => ms * 60,
        _ => ms,
    };
    (ms < 24 * 3_600_000).then_some(ms)
}

/// A time as spreadsheets write it where it is no ISO 8601 date: epoch milliseconds of a date,
/// or milliseconds of a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetTime {
    Epoch(u64),
    OfDay(u64),
}

/// Reads a date day first with dots and a time after it, or none (`01.06.2024 12:00[:ss]`, as
/// Excel writes dates in much of Europe), or a time of day with `AM` or `PM` (`12:00:30 PM`).
pub fn sheet_time(text: &str) -> Option<SheetTime> {
    let text = text.trim();
    if text.split(' ').next().and_then(dotted_date).is_some() {
        return dotted_time(text).map(|d| SheetTime::Epoch(d.epoch_ms));
    }
    let (clock, meridiem) = split_meridiem(text);
    let ms = with_meridiem(time_of_day_ms(clock)?, Some(meridiem?))?;
    Some(SheetTime::OfDay(ms))
}

/// A date day first with dots and a time after it, or none (`01.06.2024 12:00[:ss]`).
pub fn dotted_time(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let (date, clock) = text.split_once(' ').unwrap_or((text, "00:00"));
    iso8601(&format!("{} {}", dotted_date(date)?, clock.trim()))
}

/// `dd.mm.yyyy` (a day or month of one digit too) as ISO 8601's `yyyy-mm-dd`; a year of two
/// digits (`dd.mm.yy`) is in this century.
pub fn dotted_date(text: &str) -> Option<String> {
    let digits = |s: &str, most: usize| {
        (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    match text.split('.').collect::<Vec<_>>()[..] {
        [d, m, y] if digits(d, 2) && digits(m, 2) && digits(y, 4) && y.len() == 4 => {
            Some(format!("{y}-{m:0>2}-{d:0>2}"))
        }
        [d, m, y] if digits(d, 2) && digits(m, 2) && digits(y, 2) && y.len() == 2 => {
            Some(format!("20{y}-{m:0>2}-{d:0>2}"))
        }
        _ => None,
    }
}

/// Whether `text` (a JSON string in its quotes, or a CSV cell) opens with a date written with
/// slashes and the year last (`6/1/2024`): the day may come first, or the month.
pub fn slash_date(text: &str) -> bool {
    let date = text.trim_matches('"').split(' ').next().unwrap_or("");
    let parts: Vec<&str> = date.split('/').collect();
    let number = |s: &&str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    matches!(parts[..], [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() >= 2)
        && parts.iter().all(number)
}

/// Which of a slash date's first two numbers is the day: a file that writes one day past 12
/// says which (`13/06/2024` is day first, `06/13/2024` month first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    DayFirst,
    MonthFirst,
}

/// The first two numbers of a slash date that opens `text` (`6/13/2024 12:00 PM`: 6 and 13).
pub fn slash_numbers(text: &str) -> Option<(u32, u32)> {
    if !slash_date(text) {
        return None;
    }
    let mut parts = text.trim_matches('"').split('/');
    let mut number = || parts.next()?.parse().ok();
    Some((number()?, number()?))
}

/// A slash date and a time after it, or none, read in `order`, as epoch milliseconds; a year of
/// two digits is in this century.
pub fn slash_time(text: &str, order: SlashOrder) -> Option<u64> {
    slash_date_time(text, order).map(|d| d.epoch_ms)
}

/// [`slash_time`] as a date and time.
pub fn slash_date_time(text: &str, order: SlashOrder) -> Option<DateTime> {
    let text = text.trim();
    let (date, clock) = text.split_once(' ').unwrap_or((text, "00:00"));
    let (first, second) = slash_numbers(date)?;
    let year = date.rsplit('/').next()?;
    let year = match year.len() {
        2 => format!("20{year}"),
        4 => year.to_string(),
        _ => return None,
    };
    let (day, month) = match order {
        SlashOrder::DayFirst => (first, second),
        SlashOrder::MonthFirst => (second, first),
    };
    iso8601(&format!("{year}-{month:02}-{day:02} {}", clock.trim()))
}

/// Whether a time is before (`AM`) or after (`PM`) noon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meridiem {
    Am,
    Pm,
}

/// `text` without a trailing `AM` or `PM` (any case, after a space or not), and which it was.
pub fn split_meridiem(text: &str) -> (&str, Option<Meridiem>) {
    let Some(head) = text.len().checked_sub(2).and_then(|at| text.get(..at)) else {
        return (text, None);
    };
    let meridiem = match text[head.len()..].to_ascii_lowercase().as_str() {
        "am" => Meridiem::Am,
        "pm" => Meridiem::Pm,
        _ => return (text, None),
    };
    match head.bytes().next_back() {
        Some(b) if b.is_ascii_digit() || b == b' ' => (head.trim_end(), Some(meridiem)),
        _ => (text, None),
    }
}

/// A 12-hour time of day in 24 hours: 12 AM is midnight, 1 PM is 13:00. A time from 13:00 on
/// with `AM` or `PM` is no 12-hour time.
pub fn with_meridiem(ms: u64, meridiem: Option<Meridiem>) -> Option<u64> {
    const HOUR: u64 = 3_600_000;
    let Some(m) = meridiem else {
        return Some(ms);
    };
    match (ms / HOUR, m) {
        (13.., _) => None,
        (12, Meridiem::Am) => Some(ms - 12 * HOUR),
        (12, Meridiem::Pm) | (_, Meridiem::Am) => Some(ms),
        (_, Meridiem::Pm) => Some(ms + 12 * HOUR),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_hours_and_minutes_and_twelve_hour_times() {
        let at = |t: &str| iso8601(t).map(|d| (d.epoch_ms % 86_400_000, d.time_of_day_ms));
        let h = 3_600_000;
        assert_eq!(
            at("2024-05-01 10:05"),
            Some((10 * h + 300_000, 10 * h + 300_000))
        );
        assert_eq!(
            at("2024-05-01T10:05:30Z"),
            Some((10 * h + 330_000, 10 * h + 330_000))
        );
        assert_eq!(at("2024-05-01 10:00:00+02:00"), Some((8 * h, 10 * h)));
        assert_eq!(at("2024-05-01 10:00 PM"), Some((22 * h, 22 * h)));
        assert_eq!(at("2024-05-01 12:30:00am"), Some((h / 2, h / 2)));
        assert_eq!(at("2024-05-01 12:00 pm"), Some((12 * h, 12 * h)));
        assert_eq!(at("2024-05-01 13:00 PM"), None);
        assert_eq!(at("2024-05-01 10:00 XM"), None);
        assert_eq!(split_meridiem("10:00 Pm"), ("10:00", Some(Meridiem::Pm)));
        assert_eq!(split_meridiem("spam"), ("spam", None));
        assert_eq!(split_meridiem("am"), ("am", None));
    }

    #[test]
    fn clocks_parse_in_every_common_spelling() {
        assert_eq!(clock_ms("00:01:02"), Some(62_000));
        assert_eq!(clock_ms("1:02"), Some(62_000));
        assert_eq!(clock_ms("0:0:3.5"), Some(3_500));
        assert_eq!(clock_ms("00:00:01,250"), Some(1_250));
        assert_eq!(clock_ms("01:02:03.004"), Some(3_723_004));
        assert_eq!(clock_ms("1:60"), None);
        assert_eq!(clock_ms("abc"), None);
        assert_eq!(clock_ms("12"), None);
    }

    proptest::proptest! {
        /// On strings of about the caption shape, the caption reader answers as the general one
        /// does: the same clock, or none.
        #[test]
        fn the_caption_shape_reads_as_any_shape_does(
            text in "[0-9a:.,]{2}:[0-9a]{2}[:.][0-9]{2}[.,:][0-9]{3}"
        ) {
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(caption_clock_ms(bytes), any_clock_ms(bytes));
        }
    }

    #[test]
    fn caption_clocks() {
        assert_eq!(caption_clock_ms(b"01:02:03.004"), Some(3_723_004));
        assert_eq!(caption_clock_ms(b"00:00:06,008"), Some(6_008));
        assert_eq!(caption_clock_ms(b"00:60:00.000"), None);
        assert_eq!(caption_clock_ms(b"0a:00:00.000"), None);
        assert_eq!(caption_clock_ms(b"0:00:06.008"), None);
    }
}
