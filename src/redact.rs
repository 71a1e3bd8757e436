//! `--redact` (SPEC §11): finds personal data in transcript text so that reports can mask it.
//! Rules match the original text; only what a report writes is masked, so line and column still
//! point into the original file. The regexes are built once per run.

use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::transcript::Turn;
use builtin::{NUMBERS, PIECES, builtin};
use checks::passes;
use twin::{Twin, WIDE_WORD, compile, words};

/// A span of personal data in a text: its byte range and the token that replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) token: &'static str,
}

/// What a built-in pattern's match must also pass to count (see `checks::passes`).
#[derive(Debug, Clone, Copy)]
enum Check {
    None,
    /// Passes the Luhn check, is not all zeros, and is grouped as cards are printed.
    Card,
    Iban,
    /// 7 to 15 digits, as E.164 allows.
    Phone,
    /// A US SSN as issued: area not 000, 666 or 9xx, group not 00, serial not 0000.
    Ssn,
    /// A Spanish DNI or NIE whose letter is its number's check letter.
    Dni,
}

/// The token user patterns (`redact_patterns`) are masked with.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// Whether `text` holds a token personal data is masked with (`[EMAIL]`, `[REDACTED]`…): a
/// speaker label `--redact` masked, which no config can name.
pub(crate) fn holds_mask(text: &str) -> bool {
    let builtin = PIECES.iter().chain(&NUMBERS);
    builtin
        .map(|(_, token, _)| *token)
        .chain([REDACTED])
        .any(|token| text.contains(token))
}

/// The personal-data finder: the built-in patterns and the config's.
#[derive(Debug, Clone)]
pub(crate) struct Redactor {
    /// [`PIECES`], compiled, with their tokens and checks.
    pieces: Vec<(Twin, &'static str, Check)>,
    /// [`NUMBERS`], compiled.
    numbers: Vec<groups::Pattern>,
    /// The config's `redact_patterns`.
    custom: Vec<Regex>,
    /// [`WIDE_WORD`], compiled: which build of each built-in pattern reads a text.
    wide: Regex,
}

/// A `redact_patterns` regex that does not compile: the pattern, and why.
#[derive(Debug)]
pub(crate) struct BadPattern {
    pub(crate) pattern: String,
    pub(crate) reason: regex::Error,
}

/// The config's `redact_patterns`, compiled; the first that does not compile is the error.
/// They match in any case and multi-line (`^` and `$` at each line's start and end, CRLF too), as
/// rule regexes do (`(?-i)` and `(?-m)` turn that off).
pub(crate) fn custom_patterns(patterns: &[String]) -> Result<Vec<Regex>, BadPattern> {
    let compile = |p: &String| {
        let re = regex::RegexBuilder::new(&format!("(?imR){p}")).build();
        re.map_err(|reason| BadPattern {
            pattern: p.clone(),
            reason,
        })
    };
    patterns.iter().map(compile).collect()
}

impl Redactor {
    /// The built-in patterns and `patterns` (regexes masked as `[REDACTED]`).
    pub(crate) fn new(patterns: &[String]) -> Result<Redactor, BadPattern> {
        let pieces = PIECES
            .iter()
            .map(|&(re, token, check)| (Twin::new(builtin(re)), token, check))
            .collect();
        let numbers = NUMBERS
            .iter()
            .map(|&(re, token, check)| {
                let re = builtin(re);
                groups::Pattern {
                    whole: Twin::new(format!("^(?:{re})$")),
                    re: Twin::new(re),
                    token,
                    check,
                }
            })
            .collect();
        let custom = custom_patterns(patterns)?;
        Ok(Redactor {
            pieces,
            numbers,
            custom,
            wide: compile(WIDE_WORD),
        })
    }

    /// The personal data in `text`, sorted and not overlapping. The built-in pieces (IBANs,
    /// e-mail addresses) and `redact_patterns` are found first (of two overlapping spans, the
    /// one that starts first, else the longer, else the earlier pattern, is kept); then the
    /// numbers in the rest of the text, each of those spans bounding the runs of digits beside
    /// it (see `groups::numbers`).
    pub(crate) fn spans(&self, text: &str) -> Vec<Span> {
        let custom = self.custom.iter().map(|re| (re, REDACTED, Check::None));
        let pieces = self
            .pieces
            .iter()
            .map(|(re, token, check)| (re, *token, *check));
        // Most turns hold no digit (ASCII, or full-width, whose UTF-8 starts with 0xEF), and so
        // no IBAN, DNI or number.
        let digits = text.bytes().any(|b| b.is_ascii_digit() || b == 0xEF);
        // Only the patterns of digits write `\b`: a text without one reads any build alike.
        let words = match digits {
            true => words(&self.wide, text),
            false => twin::Words::Ascii,
        };
        let pieces = pieces.map(|(re, token, check)| (re.get(words), token, check));
        let mut found: Vec<(Span, usize)> = Vec::new();
        for (rank, (re, token, check)) in pieces.chain(custom).enumerate() {
            if !digits && matches!(check, Check::Iban | Check::Dni) {
                continue;
            }
            let spans = re.find_iter(text).filter_map(|m| match check {
                Check::Iban => checks::iban_part(text, m.range()),
                Check::Dni => checks::dni_part(text, m.range()),
                _ => (!m.is_empty() && passes(check, m.as_str())).then(|| m.range()),
            });
            found.extend(spans.map(|Range { start, end }| (Span { start, end, token }, rank)));
        }
        let mut spans = apart(found);
        if !digits {
            return spans;
        }
        // What is found is no digit and no gap to the numbers: it is searched as `#`s.
        let numbers = if spans.is_empty() {
            groups::numbers(&self.numbers, words, text)
        } else {
            let mut rest = String::with_capacity(text.len());
            let mut at = 0;
            for s in &spans {
                rest.push_str(&text[at..s.start]);
                rest.extend(std::iter::repeat_n('#', s.end - s.start));
                at = s.end;
            }
            rest.push_str(&text[at..]);
            groups::numbers(&self.numbers, words, &rest)
        };
        spans.extend(numbers);
        spans.sort_by_key(|s| s.start);
        spans
    }

    /// `text` with its personal data masked.
    pub(crate) fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        mask_range(text, &self.spans(text), 0..text.len())
    }
    /// Masks the personal data of `turns`' speaker labels (`+15551234567`, an e-mail address),
    /// the one place every report takes them from (findings' `speaker`, the agent's name, HTML
    /// turns, the unknown-speaker warning): called after the rules ran, before the report is made.
    pub(crate) fn mask_speakers(&self, turns: &mut [Turn]) {
        // Turns of one speaker share a label: each label is looked at once.
        let mut seen: Vec<(Arc<str>, Option<Arc<str>>)> = Vec::new();
        for turn in turns {
            let Some(label) = &turn.speaker else { continue };
            let masked = match seen
                .iter()
                .find(|(l, _)| Arc::ptr_eq(l, label) || l == label)
            {
                Some((_, masked)) => masked.clone(),
                None => {
                    let masked = match self.mask(label) {
                        Cow::Owned(m) => Some(Arc::from(m)),
                        Cow::Borrowed(_) => None,
                    };
                    seen.push((label.clone(), masked.clone()));
                    masked
                }
            };
            if let Some(masked) = masked {
                turn.speaker = Some(masked);
            }
        }
    }

    /// The personal data of `turn`'s text, placed in `source` (the file the turn is read from).
    pub(crate) fn turn_spans(&self, turn: &Turn, source: &str) -> Vec<Span> {
        let spans = self.spans(turn.text(source)).into_iter();
        let placed = spans.map(|s| Span {
            start: turn.source_offset(s.start),
            end: turn.source_end(s.end).max(turn.source_offset(s.start)),
            token: s.token,
        });
        placed.collect()
    }
}

/// `found` (spans and their patterns' ranks) sorted, of two overlapping spans the one that starts
/// first, else the longer, else the one of lower rank (else the earlier in `found`) kept.
fn apart(mut found: Vec<(Span, usize)>) -> Vec<Span> {
    found.sort_by_key(|&(s, rank)| (s.start, std::cmp::Reverse(s.end), rank));
    let mut kept: Vec<Span> = Vec::with_capacity(found.len());
    for (s, _) in found {
        if kept.last().is_none_or(|last| s.start >= last.end) {
            kept.push(s);
        }
    }
    kept
}

/// Quotes of turns' text as reports show them: with a redactor, the personal data a quote
/// overlaps masked whole; the spans of the last turn quoted are kept, since findings come in turn
/// order and a turn is searched once for all of its quotes.
pub(crate) struct Quoter<'r> {
    redactor: Option<&'r Redactor>,
    last: Option<(usize, Vec<Span>)>,
}

impl<'r> Quoter<'r> {
    pub(crate) fn new(redactor: Option<&'r Redactor>) -> Quoter<'r> {
        Quoter {
            redactor,
            last: None,
        }
    }

    /// `text[range]`, where `text` is turn `turn`'s text, as a report shows it.
    pub(crate) fn quote<'t>(
        &mut self,
        turn: usize,
        text: &'t str,
        range: Range<usize>,
    ) -> Cow<'t, str> {
        let Some(r) = self.redactor else {
            return Cow::Borrowed(&text[range]);
        };
        if self.last.as_ref().is_none_or(|(t, _)| *t != turn) {
            self.last = Some((turn, r.spans(text)));
        }
        let spans = self.last.as_ref().map_or(&[][..], |(_, v)| v);
        mask_range(text, spans, range)
    }
}

/// `text[range]` with every span of `spans` (found in the whole `text`) that overlaps the range
/// replaced by its token: a span that overlaps the range only in part is masked whole, so a
/// match that ends in a card number shows `[CARD]`, not the digits it covers.
pub(crate) fn mask_range<'t>(text: &'t str, spans: &[Span], range: Range<usize>) -> Cow<'t, str> {
    masked(text, spans, range, false)
}

/// [`mask_range`] keeping the lines of `text[range]`: a span that crosses a line break is
/// masked on each line it covers, and the line breaks stay, so that a snippet of source lines
/// still has its lines where the file has them.
pub(crate) fn mask_lines<'t>(text: &'t str, spans: &[Span], range: Range<usize>) -> Cow<'t, str> {
    masked(text, spans, range, true)
}

fn masked<'t>(text: &'t str, spans: &[Span], range: Range<usize>, lines: bool) -> Cow<'t, str> {
    let first = spans.partition_point(|s| s.end <= range.start);
    let overlapping = spans[first..]
        .iter()
        .take_while(|s| s.start < range.end || (s.start == range.start && s.end > s.start));
    let mut out = String::new();
    let mut at = range.start;
    for s in overlapping {
        out.push_str(&text[at..s.start.max(at)]);
        let end = s.end.min(range.end).max(at);
        if !lines {
            out.push_str(s.token);
            at = end;
            continue;
        }
        // Each line's part of the span that is in the range: its token, then the line break.
        for (i, part) in text[s.start.max(at)..end].split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let cr = part.ends_with('\r');
            if part.len() > usize::from(cr) {
                out.push_str(s.token);
            }
            if cr {
                out.push('\r');
            }
        }
        at = end;
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

#[path = "redact_builtin.rs"]
mod builtin;
#[path = "redact_checks.rs"]
mod checks;
#[path = "redact_digits.rs"]
mod digits;
#[path = "redact_german.rs"]
mod german;
#[path = "redact_groups.rs"]
mod groups;
#[path = "redact_shown.rs"]
mod shown;
#[path = "redact_twin.rs"]
mod twin;
pub(crate) use shown::union;

#[cfg(test)]
#[path = "redact_tests.rs"]
mod tests;
