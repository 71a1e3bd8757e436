//! `--redact` (SPEC §11): finds personal data in transcript text so that reports can mask it.
//! Rules match the original text; only what a report writes is masked, so line and column still
//! point into the original file. The regexes are built once per run.

use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;

/// A span of personal data in a text: its byte range and the token that replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) token: &'static str,
}

/// What a built-in pattern's match must also pass to count.
#[derive(Debug, Clone, Copy)]
enum Check {
    None,
    Luhn,
    Iban,
    /// 7 to 15 digits, as E.164 allows.
    Phone,
}

/// The built-in patterns, in priority order (the first of two that start together wins).
const BUILTIN: [(&str, &str, Check); 6] = [
    (r"\b\d(?:[ -]?\d){12,18}\b", "[CARD]", Check::Luhn),
    (
        r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
        "[IBAN]",
        Check::Iban,
    ),
    (r"\b\d{3}-\d{2}-\d{4}\b", "[SSN]", Check::None),
    (
        r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
        "[EMAIL]",
        Check::None,
    ),
    // E.164 and international forms: `+` and 7 to 15 digits, optionally grouped.
    (
        r"\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){1,5}[ .-]?\d{2,4}\b",
        "[PHONE]",
        Check::Phone,
    ),
    // National forms: `(555) 123-4567`, `555-123-4567`, `555.123.4567` (with North America's
    // `1-` before them: `1-800-555-0199`), `020 7946 0958`.
    (
        r"(?:\b1[ .-]?)?(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b|\b0\d{2,4}[ -]\d{3,4}[ -]\d{3,4}\b",
        "[PHONE]",
        Check::None,
    ),
];

/// The token user patterns (`redact_patterns`) are masked with.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// The personal-data finder: the built-in patterns and the config's.
#[derive(Debug, Clone)]
pub(crate) struct Redactor {
    builtin: Vec<(Regex, &'static str, Check)>,
    custom: Vec<Regex>,
}

/// A `redact_patterns` regex that does not compile: the pattern, and why.
#[derive(Debug)]
pub(crate) struct BadPattern {
    pub(crate) pattern: String,
    pub(crate) reason: regex::Error,
}

/// The config's `redact_patterns`, compiled; the first that does not compile is the error.
pub(crate) fn custom_patterns(patterns: &[String]) -> Result<Vec<Regex>, BadPattern> {
    let compile = |p: &String| {
        Regex::new(p).map_err(|reason| BadPattern {
            pattern: p.clone(),
            reason,
        })
    };
    patterns.iter().map(compile).collect()
}

impl Redactor {
    /// The built-in patterns and `patterns` (regexes masked as `[REDACTED]`).
    pub(crate) fn new(patterns: &[String]) -> Result<Redactor, BadPattern> {
        // Constants, compiled by every test of this module.
        let builtin = BUILTIN
            .iter()
            .map(|&(re, token, check)| (Regex::new(re).expect("a built-in pattern"), token, check))
            .collect();
        let custom = custom_patterns(patterns)?;
        Ok(Redactor { builtin, custom })
    }

    /// The personal data in `text`, sorted and not overlapping (of two overlapping spans, the
    /// one that starts first, else the longer, else the earlier pattern, is kept).
    pub(crate) fn spans(&self, text: &str) -> Vec<Span> {
        let builtin = self
            .builtin
            .iter()
            .map(|(re, token, check)| (re, *token, *check));
        let custom = self.custom.iter().map(|re| (re, REDACTED, Check::None));
        let mut found: Vec<(Span, usize)> = Vec::new();
        for (rank, (re, token, check)) in builtin.chain(custom).enumerate() {
            let spans = re
                .find_iter(text)
                .filter(|m| !m.is_empty() && passes(check, m.as_str()));
            found.extend(spans.map(|m| {
                let (start, end) = (m.start(), m.end());
                (Span { start, end, token }, rank)
            }));
        }
        found.sort_by_key(|&(s, rank)| (s.start, std::cmp::Reverse(s.end), rank));
        let mut kept: Vec<Span> = Vec::with_capacity(found.len());
        for (s, _) in found {
            if kept.last().is_none_or(|last| s.start >= last.end) {
                kept.push(s);
            }
        }
        kept
    }

    /// `text` with its personal data masked.
    pub(crate) fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        mask_range(text, &self.spans(text), 0..text.len())
    }
}

/// `text[range]` with every span of `spans` (found in the whole `text`) that overlaps the range
/// replaced by its token: a span that overlaps the range only in part is masked whole, so a
/// match that ends in a card number shows `[CARD]`, not the digits it covers.
pub(crate) fn mask_range<'t>(text: &'t str, spans: &[Span], range: Range<usize>) -> Cow<'t, str> {
    let first = spans.partition_point(|s| s.end <= range.start);
    let overlapping = spans[first..]
        .iter()
        .take_while(|s| s.start < range.end || (s.start == range.start && s.end > s.start));
    let mut out = String::new();
    let mut at = range.start;
    for s in overlapping {
        out.push_str(&text[at..s.start.max(at)]);
        out.push_str(s.token);
        at = s.end.min(range.end).max(at);
    }
    if at == range.start && out.is_empty() {
        return Cow::Borrowed(&text[range]);
    }
    out.push_str(&text[at..range.end]);
    Cow::Owned(out)
}

/// `start..end` widened to hold whole every span of `spans` it overlaps (an empty range, the
/// span it starts), so that a match shown apart from its text shows whole tokens.
pub(crate) fn widen(spans: &[Span], start: usize, end: usize) -> (usize, usize) {
    let first = spans.partition_point(|s| s.end <= start);
    let overlapping = spans[first..]
        .iter()
        .take_while(|s| s.start < end.max(start + 1));
    overlapping.fold((start, end), |(lo, hi), s| (lo.min(s.start), hi.max(s.end)))
}

fn passes(check: Check, text: &str) -> bool {
    match check {
        Check::None => true,
        Check::Luhn => luhn(text),
        Check::Iban => iban(text),
        Check::Phone => (7..=15).contains(&text.bytes().filter(u8::is_ascii_digit).count()),
    }
}

/// Whether the digits of `text` pass the Luhn check (other characters are ignored).
pub(crate) fn luhn(text: &str) -> bool {
    let digits = text
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| u32::from(b - b'0'));
    let sum: u32 = digits
        .rev()
        .enumerate()
        .map(|(i, d)| match (i % 2, d * 2) {
            (0, _) => d,
            (_, twice) if twice > 9 => twice - 9,
            (_, twice) => twice,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether `text` (spaces ignored) is an IBAN with a valid mod-97 check.
pub(crate) fn iban(text: &str) -> bool {
    let compact: Vec<u8> = text.bytes().filter(|b| *b != b' ').collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let (head, rest) = compact.split_at(4);
    let mut rem: u32 = 0;
    for &b in rest.iter().chain(head) {
        let value = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        let shift = if value > 9 { 100 } else { 10 };
        rem = (rem * shift + value) % 97;
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        Redactor::new(&[]).unwrap().mask(text).into_owned()
    }

    #[test]
    fn luhn_accepts_valid_numbers_only() {
        assert!(luhn("4111 1111 1111 1111"));
        assert!(luhn("5500-0000-0000-0004"));
        assert!(luhn("378282246310005"));
        assert!(!luhn("4111 1111 1111 1112"));
        assert!(!luhn("1234 5678 9012 3456"));
    }

    #[test]
    fn iban_checks_mod_97() {
        assert!(iban("GB82 WEST 1234 5698 7654 32"));
        assert!(iban("DE89370400440532013000"));
        assert!(!iban("GB82 WEST 1234 5698 7654 33"));
    }

    #[test]
    fn each_kind_is_masked_with_its_token() {
        assert_eq!(masked("card 4111 1111 1111 1111 ok"), "card [CARD] ok");
        assert_eq!(masked("card 4111-1111-1111-1111."), "card [CARD].");
        assert_eq!(masked("bad 1234 5678 9012 3456"), "bad 1234 5678 9012 3456");
        assert_eq!(masked("mail jo.doe+x@mail.example.com!"), "mail [EMAIL]!");
        assert_eq!(masked("call +44 20 7946 0958 now"), "call [PHONE] now");
        assert_eq!(masked("call +14155552671."), "call [PHONE].");
        assert_eq!(masked("call (555) 123-4567"), "call [PHONE]");
        assert_eq!(
            masked("call 1-800-555-0199 or 1 (800) 555-0199"),
            "call [PHONE] or [PHONE]"
        );
        assert_eq!(masked("call 555-123-4567"), "call [PHONE]");
        assert_eq!(masked("call 020 7946 0958"), "call [PHONE]");
        assert_eq!(masked("ssn 123-45-6789"), "ssn [SSN]");
        assert_eq!(masked("iban GB82 WEST 1234 5698 7654 32."), "iban [IBAN].");
        assert_eq!(masked("order 12345, 3 items"), "order 12345, 3 items");
        assert_eq!(masked("score +5 123 today"), "score +5 123 today");
    }

    #[test]
    fn custom_patterns_and_partial_overlaps() {
        let r = Redactor::new(&["ACC-\\d+".to_string()]).unwrap();
        assert_eq!(r.mask("ref ACC-991 done"), "ref [REDACTED] done");
        let text = "my card 4111 1111 1111 1111 thanks";
        let spans = r.spans(text);
        // A range that covers part of the card shows the whole token.
        let at = text.find("card").unwrap();
        assert_eq!(mask_range(text, &spans, at..at + 9), "card [CARD]");
        let at = text.find("1111 thanks").unwrap();
        assert_eq!(mask_range(text, &spans, at..text.len()), "[CARD] thanks");
        assert_eq!(mask_range(text, &spans, 0..2), "my");
        let card = (text.find('4').unwrap(), text.find(" thanks").unwrap());
        assert_eq!(widen(&spans, at, at + 4), card);
        assert_eq!(widen(&spans, 0, 7), (0, 7));
        assert!(Redactor::new(&["(".to_string()]).is_err());
    }
}
