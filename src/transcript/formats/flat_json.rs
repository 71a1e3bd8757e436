//! A JSON object whose values are all strings, numbers, `true`, `false` or `null`, read without
//! serde: the usual line of a JSONL file, which serde's derived reader takes several times longer
//! over. Anything else (a nested value, a key with an escape, a lone surrogate, invalid JSON) is
//! left to serde, so this reader only answers where serde would answer the same.

/// Calls `field` with each key of `json` (one object, with whitespace around it) and the JSON
/// text of its value, in order. `None` when `json` is not a flat object of plain values, or
/// when `field` returns `false` (the caller wants serde to read it).
pub(crate) fn fields<'a>(
    json: &'a str,
    mut field: impl FnMut(&'a str, &'a str) -> bool,
) -> Option<()> {
    // No control character may stand raw in a string, and the whitespace between tokens is
    // rarely anything but spaces: a line with any control byte is left to serde, so strings
    // need only look for their quote (a loop LLVM reads sixteen bytes at a time).
    if json.bytes().fold(false, |control, b| control | (b < 0x20)) {
        return None;
    }
    let mut r = Reader { json, at: 0 };
    r.expect(b'{')?;
    if r.peek_after_space() == Some(b'}') {
        r.at += 1;
        return r.only_space_left();
    }
    loop {
        r.skip_space();
        let key = r.string()?;
        let key = &key[1..key.len() - 1];
        if key.contains('\\') {
            return None;
        }
        r.expect(b':')?;
        r.skip_space();
        let value = r.value()?;
        if !field(key, value) {
            return None;
        }
        r.skip_space();
        match r.next()? {
            b',' => continue,
            b'}' => return r.only_space_left(),
            _ => return None,
        }
    }
}

struct Reader<'a> {
    json: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.json.as_bytes()
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes().get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    fn peek_after_space(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.at).copied()
    }

    fn expect(&mut self, want: u8) -> Option<()> {
        (self.peek_after_space()? == want).then(|| self.at += 1)
    }

    fn only_space_left(&mut self) -> Option<()> {
        self.skip_space();
        (self.at == self.json.len()).then_some(())
    }

    /// The JSON text of a string, number or literal starting here.
    fn value(&mut self) -> Option<&'a str> {
        match *self.bytes().get(self.at)? {
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => self.number(),
            _ => ["true", "false", "null"].into_iter().find_map(|word| {
                let end = self.at + word.len();
                (self.json.get(self.at..end)? == word).then(|| {
                    let text = &self.json[self.at..end];
                    self.at = end;
                    text
                })
            }),
        }
    }

    /// A string literal, quotes included; `None` for an unknown escape, or a `\u` escape of a
    /// surrogate (serde's rules on those are its own).
    fn string(&mut self) -> Option<&'a str> {
        let start = self.at;
        if self.next()? != b'"' {
            return None;
        }
        loop {
            self.at += memchr::memchr2(b'"', b'\\', &self.bytes()[self.at..])?;
            if self.next()? == b'"' {
                return Some(&self.json[start..self.at]);
            }
            // A backslash.
            match self.next()? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                b'u' => {
                    let hex = self.json.get(self.at..self.at + 4)?;
                    let unit = u16::from_str_radix(hex, 16).ok()?;
                    if hex.starts_with('+') || (0xD800..0xE000).contains(&unit) {
                        return None;
                    }
                    self.at += 4;
                }
                _ => return None,
            }
        }
    }

    /// A number as JSON writes them: `-`, an integer without leading zeros, a fraction, an
    /// exponent.
    fn number(&mut self) -> Option<&'a str> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes().get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at - from
        };
        if self.bytes()[self.at] == b'-' {
            self.at += 1;
        }
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.bytes()[self.at - whole] == b'0') {
            return None;
        }
        if self.bytes().get(self.at) == Some(&b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes().get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return None;
            }
        }
        Some(&self.json[start..self.at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Option<Vec<(&str, &str)>> {
        let mut out = Vec::new();
        fields(json, |k, v| {
            out.push((k, v));
            true
        })?;
        Some(out)
    }

    #[test]
    fn a_flat_object_gives_its_keys_and_value_texts() {
        let line = " {\"role\" : \"agent\",\"n\":-1.5e+3, \"ok\":true,\"x\":null,\"t\":\"a\\\"b\\u00e9\\n\"}  ";
        assert_eq!(
            read(line),
            Some(vec![
                ("role", "\"agent\""),
                ("n", "-1.5e+3"),
                ("ok", "true"),
                ("x", "null"),
                ("t", "\"a\\\"b\\u00e9\\n\""),
            ])
        );
        assert_eq!(read("{}"), Some(vec![]));
        assert_eq!(read("{ \"\":0 }"), Some(vec![("", "0")]));
    }

    /// Everything this reader declines is either invalid JSON or a shape serde reads better;
    /// serde_json decides which, so the two never disagree on what is valid.
    #[test]
    fn what_it_declines_serde_is_left_to_judge() {
        let declined = [
            "{\"a\":{\"b\":1}}",
            "{\"a\":[1]}",
            "{\"a\\u0062\":1}",
            "{\"a\":\"\\ud83d\\ude00\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\t1}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":\"\\u+123\"}",
            "{\"a\":tru}",
            "{\"a\":1,}",
            "{\"a\":1} x",
            "{\"a\" 1}",
            "{\"a\":1",
            "{\"a\":\"open}",
            "[1]",
            "",
        ];
        for json in declined {
            assert_eq!(read(json), None, "{json}");
        }
        let valid = |json: &str| serde_json::from_str::<serde::de::IgnoredAny>(json).is_ok();
        assert!(valid("{\"a\":{\"b\":1}}") && valid("{\"a\":\"\\ud83d\\ude00\"}"));
        for json in ["{\"a\":01}", "{\"a\":1.}", "{\"a\":1,}", "{\"a\":\"\\x\"}"] {
            assert!(!valid(json), "{json}");
        }
    }

    #[test]
    fn the_caller_can_decline_a_field() {
        assert_eq!(fields("{\"a\":1,\"a\":2}", |k, _| k != "a"), None);
    }
}
