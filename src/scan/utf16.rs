//! UTF-16 read as UTF-8 as it arrives. Standard input read as a JSONL stream may be UTF-16
//! with a byte-order mark, as Windows tools write it (PowerShell's `>`); a file is decoded
//! whole, but a stream is never held whole, so it is decoded on its way to the line reader.

use std::io::{self, Read};

/// The byte-order marks a stream is told by: UTF-32 (little- then big-endian), then UTF-16
/// big-endian (little-endian's is the start of UTF-32's).
const MARKS: [&[u8]; 3] = [&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF], &[0xFE, 0xFF]];

/// Reads onto `head` the first bytes of `input` while they may be a byte-order mark: at most
/// four, one when the first is none's, so that a stream waits for no more than it must.
pub(super) fn read_mark(input: &mut impl Read, head: &mut Vec<u8>) -> io::Result<()> {
    while MARKS
        .iter()
        .any(|m| m.len() > head.len() && m.starts_with(head))
    {
        if input.by_ref().take(1).read_to_end(head)? == 0 {
            break;
        }
    }
    Ok(())
}

/// UTF-16 code units of `inner` (after its byte-order mark) as UTF-8 bytes; an unpaired
/// surrogate, or a last byte without its pair, is read as U+FFFD.
pub(super) struct Utf16Reader<R> {
    inner: R,
    little_endian: bool,
    /// A code unit's first byte whose second has not arrived.
    odd: Option<u8>,
    /// A high surrogate waiting for its low one.
    high: Option<u16>,
    /// Decoded bytes, from `at` on not yet read.
    out: Vec<u8>,
    at: usize,
}

impl<R: Read> Utf16Reader<R> {
    pub(super) fn new(inner: R, little_endian: bool) -> Self {
        Utf16Reader {
            inner,
            little_endian,
            odd: None,
            high: None,
            out: Vec::new(),
            at: 0,
        }
    }

    /// Decodes the next bytes of `inner` into `out`; false at its end, with nothing left.
    fn refill(&mut self) -> io::Result<bool> {
        let mut raw = [0; 1 << 14];
        let n = self.inner.read(&mut raw)?;
        self.out.clear();
        self.at = 0;
        if n == 0 {
            let left = self.high.take().is_some() | self.odd.take().is_some();
            self.push(left.then_some(char::REPLACEMENT_CHARACTER));
            return Ok(left);
        }
        for &byte in &raw[..n] {
            let Some(first) = self.odd.take() else {
                self.odd = Some(byte);
                continue;
            };
            let unit = match self.little_endian {
                true => u16::from_le_bytes([first, byte]),
                false => u16::from_be_bytes([first, byte]),
            };
            self.unit(unit);
        }
        Ok(true)
    }

    fn unit(&mut self, unit: u16) {
        let c = match (self.high.take(), unit) {
            (Some(high), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                char::from_u32(c)
            }
            (high, _) => {
                self.push(high.map(|_| char::REPLACEMENT_CHARACTER));
                if (0xD800..0xDC00).contains(&unit) {
                    self.high = Some(unit);
                    return;
                }
                char::from_u32(u32::from(unit))
            }
        };
        self.push(Some(c.unwrap_or(char::REPLACEMENT_CHARACTER)));
    }

    fn push(&mut self, c: Option<char>) {
        if let Some(c) = c {
            self.out
                .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.out.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text`'s UTF-16 bytes read back one byte at a time, so that units and pairs are cut.
    fn round_trip(units: &[u16], little_endian: bool) -> String {
        let bytes: Vec<u8> = (units.iter())
            .flat_map(|u| match little_endian {
                true => u.to_le_bytes(),
                false => u.to_be_bytes(),
            })
            .collect();
        let one_by_one = bytes.chunks(1).map(|b| io::Cursor::new(b.to_vec()));
        let reader = one_by_one.fold(Box::new(io::empty()) as Box<dyn Read>, |r, b| {
            Box::new(r.chain(b))
        });
        let mut out = String::new();
        Utf16Reader::new(reader, little_endian)
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn pairs_and_units_cut_between_reads_decode_and_lone_surrogates_are_replaced() {
        let text = "{\"text\": \"héllo 😀\"}\n";
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(round_trip(&units, true), text);
        assert_eq!(round_trip(&units, false), text);
        assert_eq!(
            round_trip(&[0x61, 0xD800, 0x62, 0xDC00], true),
            "a\u{fffd}b\u{fffd}"
        );
        assert_eq!(round_trip(&[0x61, 0xD83D], false), "a\u{fffd}");
    }

    #[test]
    fn a_mark_is_read_only_as_far_as_it_may_go() {
        let mark = |bytes: &[u8]| {
            let mut head = Vec::new();
            read_mark(&mut &bytes[..], &mut head).unwrap();
            head
        };
        assert_eq!(mark(b"{\"a\":1}"), b"{");
        assert_eq!(mark(&[0xFF, 0xFE, b'{', 0]), [0xFF, 0xFE, b'{']);
        assert_eq!(mark(&[0xFE, 0xFF, 0, b'{']), [0xFE, 0xFF]);
        assert_eq!(mark(&[0xFF, 0xFE, 0, 0, b'{']), [0xFF, 0xFE, 0, 0]);
        assert_eq!(mark(&[0xFF]), [0xFF]);
    }
}
