//! Escaping shared by the formats, written for speed: a report escapes every match, message and
//! turn it shows, so the common case (nothing to escape) is checked eight bytes at a time.

use super::Message;

/// Bytes that a JSON string writes escaped: controls, `"` and `\`.
const ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Whether a JSON string writes `b` escaped: [`ESCAPE`] (with `MARKUP`, `<` and `>` too).
#[inline(always)]
fn escaped<const MARKUP: bool>(b: u8) -> bool {
    ESCAPE[b as usize] || (MARKUP && (b == b'<' || b == b'>'))
}

/// The index of the first [`escaped`] byte of `bytes`, eight bytes at a time.
fn first_escaped<const MARKUP: bool>(bytes: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte; a byte above a zero one may be marked too (the borrow
    // runs upward), so only the lowest mark is sure, and it is the one wanted.
    let zeros = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut block = [0u8; 8];
        block.copy_from_slice(chunk);
        let x = u64::from_le_bytes(block);
        // A byte below 0x20 (ASCII only: bytes >= 0x80 are excluded by `!x`), `"` or `\`.
        let mut found = x.wrapping_sub(LO * 0x20) & !x & HI
            | zeros(x ^ (LO * u64::from(b'"')))
            | zeros(x ^ (LO * u64::from(b'\\')));
        if MARKUP {
            // `<` (0x3c) and `>` (0x3e) differ only in bit 1: one test finds both.
            found |= zeros((x & !(LO * 0x02)) ^ (LO * u64::from(b'<')));
        }
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = chunks
        .remainder()
        .iter()
        .position(|&b| escaped::<MARKUP>(b));
    rest.map(|i| at + i)
}

/// Writes `s` as a JSON string.
pub(super) fn json_string(out: &mut Vec<u8>, s: &str) {
    write_json_string::<false>(out, s);
}

/// Writes `s` as a JSON string that may stand inside an HTML comment or `<script>` element:
/// `<` and `>` are written `\u003c` and `\u003e`, so that no `-->`, `</script>` or `<!--` can
/// occur in it, whatever the text says.
pub(super) fn markup_json_string(out: &mut Vec<u8>, s: &str) {
    write_json_string::<true>(out, s);
}

/// Writes `items` as a JSON array of strings; with `MARKUP`, as [`markup_json_string`] writes
/// them.
pub(super) fn json_strings<'s, const MARKUP: bool>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = &'s str>,
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json_string::<MARKUP>(out, item);
    }
    out.push(b']');
}

/// Writes a finding's message as a JSON string, a piece at a time.
pub(super) fn json_message(out: &mut Vec<u8>, message: &Message) {
    out.push(b'"');
    message.pieces(&mut |piece| escape_into::<false>(out, piece));
    out.push(b'"');
}

fn write_json_string<const MARKUP: bool>(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escape_into::<MARKUP>(out, s);
    out.push(b'"');
}

/// Appends `s` escaped as the inside of a JSON string.
pub(super) fn escape_into<const MARKUP: bool>(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let Some(first) = first_escaped::<MARKUP>(bytes) else {
        out.extend_from_slice(bytes);
        return;
    };
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        if !escaped::<MARKUP>(b) {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xF) as usize]);
            }
        }
    }
    out.extend_from_slice(&bytes[run..]);
}

/// Writes a timing finding's measure as JSON writes it: `{"seconds":18.25}`.
pub(super) fn measure(out: &mut Vec<u8>, m: crate::rules::Measure) {
    serde_json::to_writer(&mut *out, &m).expect("a measure writes to memory");
}

/// Writes `n` in decimal. Most numbers a report writes (turns, lines, columns) are below 1,000:
/// their digits are pushed one by one, where a copy of itoa's buffer calls `memcpy` for its
/// unknown length (six numbers a finding).
pub(super) fn int<N: itoa::Integer + TryInto<u16>>(out: &mut Vec<u8>, n: N) {
    match n.try_into() {
        Ok(small @ 0..1000) => {
            let digit = |d: u16| b'0' + (d % 10) as u8;
            if small >= 100 {
                out.push(digit(small / 100));
            }
            if small >= 10 {
                out.push(digit(small / 10));
            }
            out.push(digit(small));
        }
        _ => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
    }
}

/// Bytes that HTML content and double-quoted attribute values must escape. Every attribute this
/// page writes is double-quoted, so `'` (frequent in transcripts) is left as it is.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t
};

/// Whether any of the eight bytes of `block` is one of the [`SPECIAL`] ones (exact: the
/// zero-byte test below only errs about *which* byte, never about whether there is one).
#[inline(always)]
fn has_special(block: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero_in = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let equal = |c: u8| zero_in(block ^ (LO * u64::from(c)));
    equal(b'&') | equal(b'<') | equal(b'>') | equal(b'"') != 0
}

/// Appends `text` escaped for HTML content and double-quoted attribute values, copying runs of
/// plain bytes.
pub(super) fn html_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most text has nothing to escape: skip it eight bytes at a time.
        if let Some(chunk) = bytes.get(i..i + 8)
            && !has_special(u64::from_le_bytes(chunk.try_into().unwrap_or_default()))
        {
            i += 8;
            continue;
        }
        let end = (i + 8).min(bytes.len());
        for (k, &b) in bytes[i..end].iter().enumerate() {
            if SPECIAL[b as usize] {
                out.extend_from_slice(&bytes[run..i + k]);
                run = i + k + 1;
                out.extend_from_slice(entity(b));
            }
        }
        i = end;
    }
    out.extend_from_slice(&bytes[run..]);
}

fn entity(special: u8) -> &'static [u8] {
    match special {
        b'&' => b"&amp;",
        b'<' => b"&lt;",
        b'>' => b"&gt;",
        _ => b"&quot;",
    }
}

/// `text` escaped for HTML content and attribute values.
pub(super) fn html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 16);
    html_into(&mut out, text);
    // Escaping replaces ASCII bytes with ASCII entities: the text stays UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let mut out = Vec::new();
        let mut expected = String::new();
        for n in [
            0u64,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            65535,
            65536,
            u64::MAX,
        ] {
            int(&mut out, n);
            int(&mut out, n as usize);
            expected.push_str(&format!("{n}{}", n as usize));
        }
        for n in [0i32, -1, -5, 5, 999, 1000, -1000, i32::MIN, i32::MAX] {
            int(&mut out, n);
            expected.push_str(&n.to_string());
        }
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn the_first_escaped_byte_is_found_wherever_it_is() {
        let samples = [
            "plain text here!",
            "quote\" at 6",
            "back\\slash",
            "tab\tin",
            "ctl\u{1f}x",
            "“curly” ü 😀 long enough text",
            "\u{7f}del",
            "0123456789abcdef\n",
            "\u{1f}\u{1f}\"\\ borrows run upward",
            "a</script>",
            "<!-- x",
            "x -->",
            "no angle brackets here",
        ];
        for s in samples {
            // Every suffix, so that each special byte falls at every place in a block.
            for from in 0..s.len() {
                let b = &s.as_bytes()[from..];
                let want = |markup: bool| {
                    b.iter()
                        .position(|&c| ESCAPE[c as usize] || (markup && (c == b'<' || c == b'>')))
                };
                assert_eq!(first_escaped::<false>(b), want(false), "{s:?} from {from}");
                assert_eq!(first_escaped::<true>(b), want(true), "{s:?} from {from}");
            }
        }
    }

    /// In a page, `<` and `>` never appear, and the string still parses back to the text.
    #[test]
    fn markup_json_has_no_angle_brackets() {
        let text = "end</script><script>alert(1)</script> <!-- \"q\" --> --!> é";
        let mut out = Vec::new();
        markup_json_string(&mut out, text);
        let json = String::from_utf8(out).unwrap();
        assert!(!json.contains('<') && !json.contains('>'), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }

    /// The eight-bytes-at-a-time skip escapes exactly what a byte-by-byte pass escapes, wherever
    /// the special bytes fall.
    #[test]
    fn fast_escape_equals_byte_by_byte() {
        let slow = |text: &str| {
            let mut out = Vec::new();
            for &b in text.as_bytes() {
                if SPECIAL[b as usize] {
                    out.extend_from_slice(entity(b));
                } else {
                    out.push(b);
                }
            }
            out
        };
        let specials = ['&', '<', '>', '"', '\'', '%', 'é'];
        for len in 0..20 {
            for at in 0..len {
                for c in specials {
                    let mut text: String = "abcdefghij0123456789".chars().take(len).collect();
                    text.replace_range(at..at + 1, &c.to_string());
                    text.push_str(" tail <b> x");
                    let mut fast = Vec::new();
                    html_into(&mut fast, &text);
                    assert_eq!(fast, slow(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            html("<img src=x onerror='a()'> & \"q\""),
            "&lt;img src=x onerror='a()'&gt; &amp; &quot;q&quot;"
        );
    }
}
