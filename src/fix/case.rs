//! The case a fix writes (SPEC §8): a replacement takes the case of its match's first letter, a
//! capital where a match that starts with `I` stands at a sentence's start (also a Markdown list
//! item's, a quotation's or an emphasis's there), and capitals throughout for a shouted match;
//! a replacement's words with a case of their own (`eBay`, `JavaScript`) as they are written.

/// `replacement` cased as `matched`: its first letter in the case of `matched`'s first letter; a
/// first word that is always written with a capital (`I`, `I'll`, an acronym such as `FAQ`)
/// keeps it. A match whose first word is one (`I don't know`) says nothing by its capital: the
/// replacement takes a capital where the match `starts_sentence`. A match of two words or more
/// written all in capitals (`NO PROBLEM`) gives a replacement all in capitals; one such word
/// alone is as likely an acronym (`ASAP`), and is cased as any other. A word of the replacement
/// with a case of its own (`eBay`, `iPhone`, `JavaScript`) is written as it is.
pub(crate) fn keep_case(matched: &str, replacement: &str, starts_sentence: bool) -> String {
    if shouted(matched) {
        return shout(replacement);
    }
    let upper = match matched.find(char::is_alphabetic) {
        Some(at) if always_capital(&matched[at..]) => starts_sentence,
        Some(at) => matched[at..].starts_with(char::is_uppercase),
        None => false,
    };
    let Some(at) = replacement.find(char::is_alphabetic) else {
        return replacement.to_string();
    };
    let rest = &replacement[at..];
    if own_case_word(
        rest.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default(),
    ) {
        return replacement.to_string();
    }
    let capital = always_capital(rest);
    let first = rest.chars().next().unwrap_or_default();
    let cased: String = match (upper, capital) {
        (true, _) => first.to_uppercase().collect(),
        (false, true) => first.to_string(),
        (false, false) => first.to_lowercase().collect(),
    };
    format!("{}{cased}{}", &replacement[..at], &rest[first.len_utf8()..])
}

/// `replacement` in capitals, but for its web and e-mail addresses (a link's path and an
/// address's local part may be case-sensitive), `{placeholder}`s and words with a case of their
/// own (`eBay`), left as written.
fn shout(replacement: &str) -> String {
    let mut links = Vec::new();
    crate::text::links::find(replacement, &mut links);
    around(replacement, links, shout_text)
}

/// `text` in capitals, but for its words with a case of their own: a written word
/// (`McDonald's`) with a part of its own case is kept whole.
fn shout_text(text: &str) -> String {
    let own = (text.split(char::is_whitespace).filter(|w| own_case(w))).map(|word| {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        start..start + word.len()
    });
    around(text, own, shout_placeholders)
}

/// `text` with `change` made to what lies between the `kept` ranges (in order), which stay as
/// written.
fn around(
    text: &str,
    kept: impl IntoIterator<Item = std::ops::Range<usize>>,
    change: impl Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in kept {
        out.push_str(&change(&text[at..range.start]));
        out.push_str(&text[range.clone()]);
        at = range.end;
    }
    out.push_str(&change(&text[at..]));
    out
}

/// `text` in capitals, but for its `{placeholder}`s (a `{`, letters, digits or `_`, and `}`).
fn shout_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let name_len = rest[open + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - open - 1);
        let close = open + 1 + name_len;
        let placeholder = name_len > 0 && rest[close..].starts_with('}');
        let end = if placeholder { close + 1 } else { open + 1 };
        out.push_str(&rest[..open].to_uppercase());
        out.push_str(&rest[open..end]);
        rest = &rest[end..];
    }
    out.push_str(&rest.to_uppercase());
    out
}

/// Whether `replacement` has a case of its own, which a fix keeps whatever its match's: a word
/// with a capital after its first letter and a small letter too (`eBay`, `iPhone`, `macOS`,
/// `JavaScript`), as a brand or a product is written. An acronym (`FAQ`) is all capitals.
pub(crate) fn own_case(replacement: &str) -> bool {
    replacement
        .split(|c: char| !c.is_alphanumeric())
        .any(own_case_word)
}

/// Whether `word` has a case of its own (see [`own_case`]); an acronym's plural (`FAQs`, `IDs`)
/// is an acronym.
fn own_case_word(word: &str) -> bool {
    let acronym = word.strip_suffix('s').unwrap_or(word);
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some()
        && letters.any(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !acronym
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Whether `matched` is written all in capitals: two words or more with letters, every letter
/// upper case.
fn shouted(matched: &str) -> bool {
    let words = matched
        .split(char::is_whitespace)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words > 1
        && matched
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Whether the first word of `text` (which starts at a letter) is always written with a
/// capital: `I`, `I'll`, `I-9`, `I—well` (an `I` not followed by a lower-case letter), or an
/// acronym such as `FAQ` or `U.S.` (two capitals or more).
fn always_capital(text: &str) -> bool {
    let word = text.split(char::is_whitespace).next().unwrap_or_default();
    let letters = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut chars = word.chars();
    let pronoun = chars.next() == Some('I') && chars.next().is_none_or(|c| !c.is_lowercase());
    pronoun || letters.chars().filter(|c| c.is_uppercase()).count() > 1
}

/// Whether text that follows `before` (its turn's text up to it) starts a sentence: at the turn's
/// start or after `.`, `!`, `?`, `…` or `:`, and at the start of a Markdown list item (`-`, `*`,
/// `+`, `1.`, `1)`), blockquote (`>`) or heading (`#`), or of a paragraph (after a blank line).
/// Opening quotes and brackets and emphasis markers (`**`, `*`, `_`) between are passed over:
/// `"I`, `(I`, `**I` start a sentence where `I` would.
pub(crate) fn starts_sentence(before: &str) -> bool {
    let text = before.trim_end_matches(|c: char| c.is_whitespace() || opener(c) || closer(c));
    if text.is_empty() || text.ends_with(['.', '!', '?', '…', ':']) {
        return true;
    }
    // The rest asks of a line that holds nothing before the text but a block's marker, quotes,
    // brackets and blanks: found by stepping back over those alone, not by searching the line's
    // start (every fix of a long line searched it, in quadratic time).
    let markup = |c: char| {
        (c.is_whitespace() && c != '\n')
            || opener(c)
            || closer(c)
            || c.is_ascii_digit()
            || matches!(c, '>' | '#' | '-' | '+' | '.' | 'x' | 'X')
    };
    let at = before.trim_end_matches(markup).len();
    let earlier = match at {
        0 => None,
        at if before[..at].ends_with('\n') => Some(&before[..at - 1]),
        _ => return false,
    };
    let line = &before[at..];
    let opening = |text: &str| text.chars().all(|c| c.is_whitespace() || opener(c));
    if block_text(line).is_some_and(opening) {
        return true;
    }
    // A paragraph's first line.
    let blank_before = earlier.is_some_and(|e| e.rsplit('\n').next().is_none_or(is_blank));
    blank_before && opening(line)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// What follows the block markers that open `line` (blockquote `>`s, then a heading's `#`s or a
/// list item's marker, with a task box `[ ]`), or `None` when it opens with none.
fn block_text(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    let mut found = false;
    while let Some(after) = rest.strip_prefix('>') {
        (rest, found) = (after.trim_start(), true);
    }
    let marker = |text: &str| -> Option<usize> {
        let hashes = text.len() - text.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) {
            return Some(hashes);
        }
        if text.starts_with(['-', '*', '+']) {
            return Some(1);
        }
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let closed = text[digits..].starts_with(['.', ')']);
        ((1..=9).contains(&digits) && closed).then_some(digits + 1)
    };
    if let Some(len) = marker(rest) {
        // A marker is followed by a space (or ends the line): `-1` and `1.5` are no markers.
        let after = &rest[len..];
        if after.is_empty() || after.starts_with(char::is_whitespace) {
            rest = after.trim_start();
            found = true;
            for task in ["[ ]", "[x]", "[X]"] {
                if let Some(after) = rest.strip_prefix(task) {
                    rest = after.trim_start();
                }
            }
        }
    }
    found.then_some(rest)
}

/// A character that opens a quotation, a bracket or an emphasis.
fn opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '[' | '{' | '*' | '_'
    )
}

/// A character that closes a quotation, a bracket or an emphasis (after a sentence's `.`).
fn closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_letter_keeps_its_case() {
        assert_eq!(
            keep_case("Calm down", "take your time", false),
            "Take your time"
        );
        assert_eq!(
            keep_case("calm down", "Take your time", false),
            "take your time"
        );
        assert_eq!(keep_case("“No", "“yes", false), "“Yes");
        assert_eq!(
            keep_case("dunno", "I will find out", false),
            "I will find out"
        );
        assert_eq!(keep_case("dunno", "I'll find out", false), "I'll find out");
        assert_eq!(keep_case("dunno", "I’m on it", false), "I’m on it");
        assert_eq!(keep_case("help page", "FAQ page", false), "FAQ page");
        assert_eq!(keep_case("dunno", "U.S. office", false), "U.S. office");
        assert_eq!(
            keep_case("dunno", "I, for one, will check", false),
            "I, for one, will check"
        );
        assert_eq!(keep_case("ok", "It is done", false), "it is done");
        assert_eq!(keep_case("ok", "I-9 form", false), "I-9 form");
        assert_eq!(keep_case("ok", "I\u{2014}well", false), "I\u{2014}well");
        assert_eq!(keep_case("ok", "Ireland", false), "ireland");
        assert_eq!(keep_case("ok", "Image attached", false), "image attached");
        assert_eq!(keep_case("ok", "…", false), "…");
        // A match that starts with `I` takes its case from where it stands.
        let (mid, start) = (false, true);
        assert_eq!(
            keep_case("I don't know", "let me check", mid),
            "let me check"
        );
        assert_eq!(
            keep_case("I don't know", "let me check", start),
            "Let me check"
        );
        assert_eq!(keep_case("FAQ page", "help article", mid), "help article");
    }

    #[test]
    fn a_shouted_match_gives_capitals() {
        assert_eq!(keep_case("NO PROBLEM", "my pleasure", false), "MY PLEASURE");
        assert_eq!(
            keep_case("I DON'T KNOW", "let me check", false),
            "LET ME CHECK"
        );
        // One word in capitals is as likely an acronym; one capital alone is a first letter.
        assert_eq!(keep_case("ASAP", "within a day", false), "within a day");
        assert_eq!(keep_case("I", "we", false), "we");
        // Addresses and placeholders are left as written.
        assert_eq!(
            keep_case(
                "NO PROBLEM",
                "see https://Example.com/Help or Jo.Doe@Example.com",
                false
            ),
            "SEE https://Example.com/Help OR Jo.Doe@Example.com"
        );
        assert_eq!(
            keep_case("NO PROBLEM", "thanks {name}, {x y} {", false),
            "THANKS {name}, {X Y} {"
        );
    }

    #[test]
    fn sentences_start_at_markdown_blocks_quotes_and_emphasis() {
        for before in [
            "",
            "- ",
            "* ",
            "+ ",
            "1. ",
            "12) ",
            "> ",
            ">> - ",
            "## ",
            "- [ ] ",
            "- [x] ",
            "* [X] ",
            "\"",
            "“",
            "(",
            "**",
            "_",
            "- **\"",
            "Yes. ",
            "Yes.\" ",
            "No.** ",
            "well,\n\n",
            "well,\n\n**",
            "He said:\n- ",
        ] {
            assert!(starts_sentence(before), "{before:?}");
        }
        for before in [
            "well ",
            "well, \"",
            "well (",
            "well **",
            "well,\n",
            "-1 ",
            "1.5 ",
            "see (above) ",
            "fix ",
            "box [x] ",
        ] {
            assert!(!starts_sentence(before), "{before:?}");
        }
    }
}
