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

/// Parses an ISO 8601 date-time (`2020-04-01T17:31:32.000Z`, `2020-04-01 17:31:32+02:00`) to
/// milliseconds since the Unix epoch.
pub fn iso8601_ms(text: &str) -> Option<u64> {
    let t = text.trim();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (y, mo, d) = (num(t.get(0..4)?)?, num(t.get(5..7)?)?, num(t.get(8..10)?)?);
    if t.get(4..5)? != "-" || t.get(7..8)? != "-" || !matches!(t.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let rest = &t[11..];
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let clock = clock_ms(&rest[..zone_at])?;
    let zone = &rest[zone_at..];
    let offset_ms: i64 = match zone {
        "" | "Z" | "z" => 0,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let hm = z[1..].replace(':', "");
            let (h, m) = (num(hm.get(0..2)?)?, num(hm.get(2..4).unwrap_or("00"))?);
            sign * (h * 3_600_000 + m * 60_000)
        }
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
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
    u64::try_from(ms).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

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
