//! Escaping shared by the formats, written for speed: a report escapes every match, message and
//! turn it shows, so the common case (nothing to escape) is checked eight bytes at a time. In
//! JSON, a character of U+2000 to U+2FFF (`’`, `“`, `…`) stops that check too, to be written as
//! it is: real chat text costs 0.04% more instructions for it, generated calls 0.2%.

use super::Message;
use serde::Serialize;
use std::io::{self, Write};

/// The first byte of U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`). JSON allows them raw in a
/// string, but JSON Lines readers that split lines as Unicode does (Python's `str.splitlines`,
/// JavaScript's line readers) would cut a report's line there: they are written `\u2028` and
/// `\u2029`. Other characters that start with this byte (`’`, `“`, `…`) are written as they are.
const SEPARATOR_LEAD: u8 = 0xE2;

/// Bytes that start what a JSON string writes escaped: controls, `"` and `\`, and the first
/// byte of U+2028 and U+2029 (escaped only when it starts one of them).
const ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[SEPARATOR_LEAD as usize] = true;
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
        // A byte below 0x20 (ASCII only: bytes >= 0x80 are excluded by `!x`), `"`, `\`, or
        // the first byte of U+2028 and U+2029.
        let mut found = x.wrapping_sub(LO * 0x20) & !x & HI
            | zeros(x ^ (LO * u64::from(b'"')))
            | zeros(x ^ (LO * u64::from(b'\\')))
            | zeros(x ^ (LO * u64::from(SEPARATOR_LEAD)));
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

/// Appends `s` escaped as the inside of a JSON string: each escape is found eight bytes at a
/// time from the one before.
pub(super) fn escape_into<const MARKUP: bool>(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    // The bytes up to `run` are written; the next escape is looked for from `from`.
    let (mut run, mut from) = (0, 0);
    while let Some(k) = bytes.get(from..).and_then(first_escaped::<MARKUP>) {
        let at = from + k;
        from = at + 1;
        let hex;
        let (escaped, len): (&[u8], usize) = match bytes[at] {
            b'"' => (b"\\\"", 1),
            b'\\' => (b"\\\\", 1),
            b'\n' => (b"\\n", 1),
            b'\r' => (b"\\r", 1),
            b'\t' => (b"\\t", 1),
            SEPARATOR_LEAD => match bytes.get(at..at + 3).and_then(separator) {
                Some(escaped) => (escaped, 3),
                None => continue,
            },
            b => {
                hex = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ];
                (&hex, 1)
            }
        };
        out.extend_from_slice(&bytes[run..at]);
        out.extend_from_slice(escaped);
        run = at + len;
        from = run;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// How JSON writes `bytes` when they are U+2028 or U+2029.
fn separator(bytes: &[u8]) -> Option<&'static [u8]> {
    match bytes {
        [SEPARATOR_LEAD, 0x80, 0xA8] => Some(b"\\u2028"),
        [SEPARATOR_LEAD, 0x80, 0xA9] => Some(b"\\u2029"),
        _ => None,
    }
}

/// serde_json's compact JSON, with U+2028 and U+2029 escaped as [`escape_into`] writes them:
/// what the JSON and JSONL reports write through serde (skipped files, errors, the summary)
/// stays on its line for every JSON Lines reader, as their hand-written objects do.
struct OneLine;

impl serde_json::ser::Formatter for OneLine {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        text: &str,
    ) -> io::Result<()> {
        let mut run = 0;
        for (at, found) in text.match_indices(['\u{2028}', '\u{2029}']) {
            w.write_all(&text.as_bytes()[run..at])?;
            w.write_all(separator(found.as_bytes()).unwrap_or(found.as_bytes()))?;
            run = at + found.len();
        }
        w.write_all(&text.as_bytes()[run..])
    }
}

/// Writes `value` as compact JSON, U+2028 and U+2029 escaped (see [`OneLine`]).
pub(super) fn write_json<T: Serialize + ?Sized>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(w, OneLine);
    value.serialize(&mut serializer).map_err(io::Error::from)
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
#[path = "escape_tests.rs"]
mod tests;
