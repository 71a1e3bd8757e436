//! Regex written as a phrase: a group inside a word (`utili[sz]e`, `analy(s|z)e`), a
//! `?` inside a word (`colou?r`), a dot and a quantifier (`e.?mail`, `dis.+`) and a
//! regex flag group (`(?i)`). Each loaded and matched other words than it reads (`utili[sz]e`
//! as `utili`, an optional `sz` and `e`; `colou?r` as `colou r`), so each is an error at its
//! character, with the phrase to write instead.

/// The error for a group opened at `open` (its `(` or `[`) and closed just before `end`, when it
/// stands inside a word (letters on both sides of both brackets): the word, and the fix.
pub(super) fn joined_group(chars: &[(usize, char)], open: usize, end: usize) -> Option<String> {
    let word_char = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_alphanumeric());
    // Letters on both sides of both brackets, inside a word: `utili[sz]e`, `analy(s|z)e`; not
    // `you[?]`, `[please ]hold`, nor a group joined to one word (`[please]help`, as it reads).
    let opens_in_word = open.checked_sub(1).is_some_and(word_char) && word_char(open + 1);
    let closes_in_word = end.checked_sub(2).is_some_and(word_char) && word_char(end);
    if !opens_in_word || !closes_in_word {
        return None;
    }
    let (start, stop) = blank_to_blank(chars, open, end);
    let text = |range: std::ops::Range<usize>| -> String {
        chars[range].iter().map(|&(_, c)| c).collect()
    };
    let word = text(start..stop);
    let spelled = spellings(&text(start..open), &text(open..end), &text(end..stop));
    let fix = spelled.unwrap_or_else(|| "as in `(analyse|analyze)`".to_string());
    Some(format!(
        "`{word}` joins a group to letters, which is regex syntax: a phrase's `(…)` and `[…]` \
         hold whole words, so it reads as separate words; write the whole words as \
         alternatives, {fix}, or a `regex:` to match a pattern of characters"
    ))
}

/// The whole words `before`, a simple `group` and `after` spell as a phrase's alternatives:
/// `analy(s|z)e` as `(analyse|analyze)`, `utili[sz]e` (a regex class) as `(utilise|utilize)`,
/// and a group of one alternative as optional (`x(a)y` as `(xy|xay)`). `None` for a group of
/// anything but letters and `|`.
fn spellings(before: &str, group: &str, after: &str) -> Option<String> {
    let inner = group.get(1..group.len().checked_sub(1)?)?;
    if inner.is_empty() || !inner.chars().all(|c| c.is_alphanumeric() || c == '|') {
        return None;
    }
    let optional = group.starts_with('[');
    let mut parts: Vec<String> = match optional && !inner.contains('|') && inner.chars().count() > 1
    {
        // `[sz]`: a regex class, one letter of it.
        true => inner.chars().map(String::from).collect(),
        false => inner.split('|').map(str::to_string).collect(),
    };
    if parts.len() == 1 || optional && inner.contains('|') {
        parts.insert(0, String::new());
    }
    let mut seen = std::collections::HashSet::new();
    parts.retain(|p| seen.insert(p.clone()));
    let words: Vec<String> = parts
        .iter()
        .map(|p| format!("{before}{p}{after}"))
        .collect();
    (words.len() <= 8).then(|| format!("`({})`", words.join("|")))
}

/// The error for the character at `pos`, read as a phrase's plain text, when it is a regex
/// quantifier: `?` between two letters or digits of a word that is no web address
/// (`colou?r`, not `help?lang=en`), `.?` before one (`e.?mail`, not `etc.?`), or `.+` or `.*`
/// after one (`dis.+`, not `wait...+`).
pub(super) fn quantifier(chars: &[(usize, char)], pos: usize) -> Option<String> {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (c, next) = (at(pos)?, at(pos + 1));
    let before = pos.checked_sub(1).and_then(at);
    if c == '.' {
        let q = match next {
            Some('?') if word_char(at(pos + 2)) => '?',
            Some(q @ ('+' | '*')) if word_char(before) => q,
            _ => return None,
        };
        return Some(format!(
            "`.{q}` is regex syntax, not phrase syntax: a phrase matches whole words, `*` any \
             one word and `[*]` any word or none; to match a pattern of characters, write a \
             `regex:`"
        ));
    }
    if !word_char(before) || !word_char(next) {
        return None;
    }
    let (start, stop) = blank_to_blank(chars, pos, pos);
    let address = chars[start..stop]
        .iter()
        .any(|&(_, c)| matches!(c, '/' | '=' | ':' | '@'));
    let word: String = chars[start..stop].iter().map(|&(_, c)| c).collect();
    let at = pos - start;
    let (with, without) = (spelled(&word, at, 1), spelled(&word, at - 1, 2));
    (!address).then(|| {
        format!(
            "`?` inside a word is regex syntax, not phrase syntax: the phrase reads the letters \
             on either side as two words; write the spellings as alternatives, \
             `({with}|{without})`, or a `regex:` to match a pattern of characters"
        )
    })
}

/// `word` without the `n` characters from character `at`.
fn spelled(word: &str, at: usize, n: usize) -> String {
    let chars = word.chars();
    chars.clone().take(at).chain(chars.skip(at + n)).collect()
}

/// The error for a group that opens with `?` (`(?i)`, `(?:…)`): a regex flag or a group that
/// does not capture.
pub(super) fn flag_group() -> String {
    "`(?` is regex syntax (a flag such as `(?i)`, or `(?:…)`), not phrase syntax: phrases match \
     in any case already, and `(a|b)` is their group; leave it out, or write a `regex:`"
        .to_string()
}

/// Where the run of characters without a blank that holds `from..to` starts and ends.
fn blank_to_blank(chars: &[(usize, char)], from: usize, to: usize) -> (usize, usize) {
    let blank = |&(_, c): &(usize, char)| c.is_whitespace();
    let start = chars[..from].iter().rposition(blank).map_or(0, |i| i + 1);
    let stop = (chars[to..].iter().position(blank)).map_or(chars.len(), |i| to + i);
    (start, stop)
}
