//! No input panics the parsers: every format fixture, damaged, read as every format. Also the
//! fragments and generator the report's robustness test shares.

use super::{Format, ParseOptions, detect, parse};

pub(crate) const FRAGMENTS: &[&str] = &[
    "Agent:",
    "Customer: ",
    "\n",
    "\r\n",
    " ",
    "not my job",
    "calm down",
    "that’s",
    "can't",
    "é",
    "😀",
    "<v Agent>",
    "</v>",
    "<i>",
    "&amp;",
    "&",
    "\\u00e9",
    "\\n",
    "\\",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"text\":",
    "\"role\":\"agent\"",
    "WEBVTT",
    "-->",
    "00:00:01.000",
    "0:0:1,5",
    "1\n",
    "NOTE",
    "[00:01:02]",
    "**Agent:**",
    "'",
    "`",
    "\u{feff}",
    "\u{2019}",
    "i don't know",
    "sorry to hear that",
    "\"results\":",
    "\"items\":",
    "\"alternatives\":[{\"content\":",
    "\"words\":",
    "\"transcripts\":",
    "\"phrases\":",
    "\"comments\":",
    "\"conversation_parts\":",
    "\"utterances\":",
    "\"segments\":",
    "\"Transcript\":",
    "<p>",
    "&#39;",
    "&#x;",
    "0:00:01.000,0:00:02.000",
    "conversation_id,text\n",
    "\"messages\":[",
    "\"conversation_id\":\"c-1\",",
    "{\"id\":1,\"turns\":[]}\n",
    "\"a,\"\"b\"\"\"",
];

/// A deterministic xorshift generator.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

/// Every format fixture, cut short, with bytes dropped or fragments spliced in, read as what it
/// is detected as and as every other format: errors are fine, panics and spans outside the
/// file are not.
#[test]
fn damaged_fixtures_never_panic() {
    let opts = ParseOptions::default();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut fixtures: Vec<_> = std::fs::read_dir("fixtures/formats")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    fixtures.sort();
    let (mut read, mut failed) = (0, 0);
    for path in &fixtures {
        let original = std::fs::read_to_string(path).unwrap();
        for round in 0..40 {
            let mut bytes = original.clone().into_bytes();
            let at = rng.next() % bytes.len().max(1);
            match round % 3 {
                0 => bytes.truncate(at),
                1 => {
                    let end = (at + 1 + rng.next() % 8).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    let fragment = FRAGMENTS[rng.next() % FRAGMENTS.len()].as_bytes();
                    bytes.splice(at..at, fragment.iter().copied());
                }
            }
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let detected = detect(path, &source);
            for &format in std::iter::once(&detected).chain(&Format::ALL) {
                match parse(&source, format, &opts) {
                    Ok(parsed) => {
                        read += 1;
                        for t in &parsed.transcripts {
                            for turn in &t.turns {
                                let len = turn.text(&source).len();
                                assert!(turn.source_end(len) <= source.len(), "{path:?}");
                                assert!(turn.source_offset(0) <= source.len(), "{path:?}");
                            }
                        }
                    }
                    Err(e) => {
                        failed += 1;
                        assert!(e.line >= 1 && e.column >= 1, "{path:?}: {e}");
                    }
                }
            }
        }
    }
    assert!(read > 1000 && failed > 1000, "{read} read, {failed} errors");
}
