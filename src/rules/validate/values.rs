//! Checks of single values of a rule that need more than their type: a regex's flags and a
//! window's bounds. Errors are plain messages; the caller places them in the file.

use super::super::model::{PercentOf, RuleRegex, Window};
use super::super::schema::{PercentOfSpec, WindowSpec};

/// Checks a rule regex, to be compiled case-insensitive and multi-line (`^`/`$` at line starts
/// and ends, before a CRLF's `\r` too), with ASCII meanings of `\b`, `\w`, `\s` and case (as phrase matching has, and as
/// `rg --no-unicode`), which keeps it on the regex crate's fast engines: Unicode word boundaries
/// and case folding are 40–100x slower there. The flags are written into the pattern (`(?mR-u)`)
/// so that the matcher's `RegexSet` compiles it the same way. A pattern that holds a letter
/// beyond ASCII stays Unicode: ASCII `\b`, `\w` and case do not see that letter (`\bcafé\b`
/// would never match, `café` never "CAFÉ"). So does a pattern that is only valid in Unicode
/// mode (a class with a non-ASCII character); `(?u)` opts back in anywhere.
pub(super) fn checked_regex(written: &str) -> Result<RuleRegex, regex::Error> {
    let compiles = |p: String| RuleRegex::compile(&p).map(|compiled| (p, compiled));
    let unicode = || compiles(format!("(?mR){written}"));
    let (pattern, compiled) = if written
        .chars()
        .any(|c| !c.is_ascii() && c.is_alphanumeric())
    {
        unicode()?
    } else {
        compiles(format!("(?mR-u){written}")).or_else(|_| unicode())?
    };
    Ok(RuleRegex {
        written: written.to_string(),
        pattern,
        compiled,
    })
}

/// Why a compiled rule regex never makes a finding, if it never does: it matches only empty
/// text (`^`, `\b`, `(?i)`: a place and no characters), or is one class with no character in
/// it (`[^\s\S]`). (A branch that can never match beside others, `sorry|[^\s\S]`, is no
/// reason: the others may.)
pub(super) fn never_reports(pattern: &str) -> Option<&'static str> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let empty_class = |kind: &HirKind| match kind {
        HirKind::Class(Class::Unicode(c)) => c.ranges().is_empty(),
        HirKind::Class(Class::Bytes(c)) => c.ranges().is_empty(),
        _ => false,
    };
    // The flags written before the pattern (`(?mR-u)`) make a concatenation of nothing and it.
    let nothing = match hir.kind() {
        HirKind::Concat(parts) => parts.iter().any(|p| empty_class(p.kind())),
        kind => empty_class(kind),
    };
    if nothing {
        return Some("matches no text at all (a class with no character in it)");
    }
    (hir.properties().maximum_len() == Some(0))
        .then_some("matches only empty text (a place, such as `^` or `\\b`, and no characters)")
}

/// A regex that cannot be what its author meant: what is wrong, how to write it, and the
/// character it is about (by its index among the regex's characters), when it is one.
pub(super) struct Unmeant {
    pub message: String,
    pub hint: String,
    pub char_at: Option<usize>,
}

/// An empty regex (it matches only empty text, so it never reports), or one holding a control
/// character, which YAML double quotes make of `\b`, `\a`, `\f` or `\v` (the regex then looks
/// for that character). The message shows only control characters escaped (`\bfoo\u{8}`), so a
/// backslash written right is not mistaken for the fault; the hint gives the regex as meant.
pub(super) fn written_as_meant(regex: &str) -> Result<(), Unmeant> {
    if regex.is_empty() {
        return Err(Unmeant {
            message: "an empty regex never reports (it matches only empty text)".into(),
            hint: "write the text to look for, or remove the empty entry".into(),
            char_at: None,
        });
    }
    let is_fault = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let Some((index, fault)) = regex.chars().enumerate().find(|&(_, c)| is_fault(c)) else {
        return Ok(());
    };
    let (mut shown, mut meant) = (String::new(), String::new());
    for c in regex.chars() {
        if !c.is_control() {
            shown.push(c);
            meant.push(c);
            if c == '\'' {
                meant.push(c);
            }
            continue;
        }
        shown.extend(c.escape_debug());
        match c {
            '\u{7}' => meant.push_str("\\a"),
            '\u{8}' => meant.push_str("\\b"),
            '\t' => meant.push_str("\\t"),
            '\n' => meant.push_str("\\n"),
            '\u{b}' => meant.push_str("\\v"),
            '\u{c}' => meant.push_str("\\f"),
            '\r' => meant.push_str("\\r"),
            c => meant.push_str(&format!("\\x{{{:X}}}", u32::from(c))),
        }
    }
    Err(Unmeant {
        message: format!(
            "regex `{shown}` holds the control character U+{:04X}: in YAML double quotes `\\b` is a backspace, not a word boundary",
            u32::from(fault)
        ),
        hint: format!(
            "write the regex in single quotes, where a backslash is itself: '{meant}' (or write `\\\\b` for `\\b` in double quotes)"
        ),
        char_at: Some(index),
    })
}

/// What is wrong with a window as written: the key at fault, and why.
pub(super) struct WindowError {
    pub key: &'static str,
    pub message: String,
}

fn fault(key: &'static str, message: String) -> WindowError {
    WindowError { key, message }
}

/// A window as written, checked: exactly one kind, with bounds that hold something.
pub(super) fn window(w: &WindowSpec) -> Result<Window, WindowError> {
    let set = [
        w.first_turns.is_some(),
        w.last_turns.is_some(),
        w.first_seconds.is_some(),
        w.last_seconds.is_some(),
        w.first_percent.is_some(),
        w.last_percent.is_some(),
        w.between_seconds.is_some(),
        w.between_percent.is_some(),
    ];
    if set.iter().filter(|s| **s).count() != 1 {
        return Err(fault("window", "a window needs exactly one of first_turns, last_turns, first_seconds, last_seconds, first_percent, last_percent, between_seconds, between_percent".into()));
    }
    let is_percent = set[4] || set[5] || set[7];
    if w.percent_of.is_some() && !is_percent {
        return Err(fault("percent_of", "`percent_of` says what a percent window is a share of: it goes with first_percent, last_percent or between_percent only".into()));
    }
    let of = match w.percent_of {
        None | Some(PercentOfSpec::Call) => PercentOf::Call,
        Some(PercentOfSpec::Media) => PercentOf::Media,
    };
    let ms = |s: f64| (s * 1000.0).round() as u64;
    // Times are read to the millisecond: a window shorter than one holds no turn.
    let secs = |key: &'static str, s: f64| match s.is_finite() && s > 0.0 && ms(s) > 0 {
        true => Ok(ms(s)),
        false => Err(fault(
            key,
            format!("`{key}: {s}` is not a number of seconds of 0.001 or more"),
        )),
    };
    let turns = |key: &'static str, n: usize| match n {
        0 => Err(fault(
            key,
            format!("`{key}: 0` holds no turn: a window needs 1 or more"),
        )),
        n => Ok(n),
    };
    // A window under one percent is a share written as a fraction (`0.2` for 20%), which
    // loaded as 0.2% and judged the wrong turns; seconds say a short opening.
    let whole = |key: &'static str, written: String, fraction: bool| match fraction {
        true => Err(fault(
            key,
            format!(
                "`{key}: {written}` reads as a share written as a fraction, under one percent of \
                 the call: percents are written out of 100 \
                 (`20` for 20%, not `0.2`); for a call's first or last moments write \
                 `first_seconds`, `last_seconds` or `between_seconds`"
            ),
        )),
        false => Ok(()),
    };
    let percent = |key: &'static str, p: f64| match p.is_finite() && p > 0.0 && p <= 100.0 {
        true => whole(key, p.to_string(), p < 1.0).map(|()| p),
        false => Err(fault(
            key,
            format!("`{key}: {p}` is not a percent from 1 to 100"),
        )),
    };
    // `top`: the largest end, if there is one.
    let span = |key: &'static str, [a, b]: [f64; 2], top: Option<f64>| {
        if a.is_finite() && b.is_finite() && 0.0 <= a && a < b && top.is_none_or(|t| b <= t) {
            Ok((a, b))
        } else {
            let top = top.map(|t| format!(" <= {t}")).unwrap_or_default();
            Err(fault(
                key,
                format!("`{key}: [{a}, {b}]` is not [start, end] with 0 <= start < end{top}"),
            ))
        }
    };
    if let Some(n) = w.first_turns {
        return Ok(Window::FirstTurns(turns("first_turns", n)?));
    }
    if let Some(n) = w.last_turns {
        return Ok(Window::LastTurns(turns("last_turns", n)?));
    }
    if let Some(s) = w.first_seconds {
        return Ok(Window::FirstSeconds(secs("first_seconds", s)?));
    }
    if let Some(s) = w.last_seconds {
        return Ok(Window::LastSeconds(secs("last_seconds", s)?));
    }
    if let Some(p) = w.first_percent {
        return Ok(Window::FirstPercent(percent("first_percent", p)?, of));
    }
    if let Some(p) = w.last_percent {
        return Ok(Window::LastPercent(percent("last_percent", p)?, of));
    }
    if let Some(s) = w.between_seconds {
        let (a, b) = span("between_seconds", s, None)?;
        if ms(a) == ms(b) {
            let message = format!(
                "`between_seconds: [{a}, {b}]` spans less than a millisecond, the finest time \
                 talklint reads"
            );
            return Err(fault("between_seconds", message));
        }
        return Ok(Window::BetweenSeconds(ms(a), ms(b)));
    }
    let (a, b) = span(
        "between_percent",
        w.between_percent.unwrap_or_default(),
        Some(100.0),
    )?;
    // `[0.5, 1]` is the second half written as fractions, as `[0, 0.5]` is the first.
    let fraction = b < 1.0 || (b <= 1.0 && a > 0.0);
    whole("between_percent", format!("[{a}, {b}]"), fraction)?;
    Ok(Window::BetweenPercent(a, b, of))
}

#[cfg(test)]
mod tests {
    use super::{checked_regex, written_as_meant};

    /// Whether the checked form of `written` matches `text`, compiled as the engine does.
    fn matches(written: &str, text: &str) -> bool {
        let pattern = checked_regex(written).unwrap().pattern;
        let re = regex::RegexBuilder::new(&pattern)
            .case_insensitive(true)
            .build();
        re.unwrap().is_match(text)
    }

    #[test]
    fn a_letter_beyond_ascii_makes_the_regex_unicode() {
        assert!(matches(r"\bcafé\b", "the café is open"));
        assert!(matches(r"\bcafé\b", "CAFÉ?"));
        assert!(!matches(r"\bcafé\b", "two cafés"));
        assert!(matches(r"\bstraße\w*", "die Straßenbahn"));
        // ASCII patterns keep ASCII meanings (fast engines): `\w` is not `é`.
        assert_eq!(
            checked_regex(r"\bcaf\w").unwrap().pattern,
            r"(?mR-u)\bcaf\w"
        );
        assert!(!matches(r"\bcaf\w\b", "café"));
        // A curly apostrophe or a dash is no letter: the pattern stays ASCII.
        assert_eq!(checked_regex("don’t").unwrap().pattern, "(?mR-u)don’t");
    }

    #[test]
    fn a_control_character_is_shown_alone_escaped_and_the_regex_as_meant() {
        let u = written_as_meant("\\bit's\u{8}").unwrap_err();
        assert_eq!(u.char_at, Some(6));
        assert!(
            u.message
                .starts_with("regex `\\bit's\\u{8}` holds the control character U+0008")
        );
        assert!(u.hint.contains("'\\bit''s\\b'"), "{}", u.hint);
        let u = written_as_meant("a\u{7}\u{1}\tb").unwrap_err();
        assert_eq!(u.char_at, Some(1));
        assert!(u.hint.contains("'a\\a\\x{1}\\tb'"), "{}", u.hint);
        assert_eq!(written_as_meant("").unwrap_err().char_at, None);
        assert!(written_as_meant("a\tb").is_ok());
    }
}
