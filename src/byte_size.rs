//! Sizes in bytes as people write them (`10M`), for `--max-filesize` and the config's
//! `max_filesize`: a whole number, or one followed by `K`, `M` or `G` (binary multiples, as
//! ripgrep's `--max-filesize` reads them).

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A number of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

/// What a size may look like, for error messages.
const EXPECTED: &str = "a size in bytes: a whole number, or one followed by K, M or G (10M)";

impl FromStr for ByteSize {
    type Err = String;

    fn from_str(text: &str) -> Result<ByteSize, String> {
        let text = text.trim();
        let (digits, shift) = match text.as_bytes().last() {
            Some(b'k' | b'K') => (&text[..text.len() - 1], 10),
            Some(b'm' | b'M') => (&text[..text.len() - 1], 20),
            Some(b'g' | b'G') => (&text[..text.len() - 1], 30),
            _ => (text, 0),
        };
        let bad = || format!("`{text}` is not {EXPECTED}");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let too_large = || format!("`{text}` is too large a size: at most {} bytes", u64::MAX);
        let n: u64 = digits.parse().map_err(|_| too_large())?;
        n.checked_mul(1 << shift)
            .map(ByteSize)
            .ok_or_else(too_large)
    }
}

impl<'de> de::Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ByteSize, D::Error> {
        struct SizeVisitor;

        impl Visitor<'_> for SizeVisitor {
            type Value = ByteSize;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED)
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<ByteSize, E> {
                Ok(ByteSize(n))
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<ByteSize, E> {
                u64::try_from(n)
                    .map(ByteSize)
                    .map_err(|_| E::custom(format!("`{n}` is not {EXPECTED}")))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<ByteSize, E> {
                text.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(SizeVisitor)
    }
}

/// In the schema: a whole number of bytes, or a string with a `K`, `M` or `G` suffix.
impl JsonSchema for ByteSize {
    fn schema_name() -> Cow<'static, str> {
        "ByteSize".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A size in bytes: a whole number, or one followed by K, M or G (binary multiples).",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^\\s*[0-9]+[KkMmGg]?\\s*$" },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_binary_multiples() {
        let size = |t: &str| t.parse::<ByteSize>().map(|s| s.0);
        assert_eq!(size("1000"), Ok(1000));
        assert_eq!(size("10K"), Ok(10 << 10));
        assert_eq!(size("10m"), Ok(10 << 20));
        assert_eq!(size(" 2G "), Ok(2 << 30));
        for bad in [
            "",
            "K",
            "1.5M",
            "-1",
            "10KB",
            "1e6",
            "99999999999999999999G",
        ] {
            assert!(size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_config_writes_a_number_or_a_string() {
        let size = |y: &str| crate::yaml::from_str::<ByteSize>(y).map(|s| s.0);
        assert_eq!(size("1000").ok(), Some(1000));
        assert_eq!(size("10M").ok(), Some(10 << 20));
        let e = size("-5").unwrap_err();
        assert!(
            e.message.contains("`-5` is not a size in bytes"),
            "{}",
            e.message
        );
        assert!(size("[1]").is_err());
    }
}
