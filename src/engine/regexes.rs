//! Regex rules: every regex of every rule searched in one text per conversation, behind one
//! `RegexSet` that says which of them can match at all.

use super::ListId;
use super::matcher::Hit;
use regex::{Regex, RegexSet};

/// From how many regexes on the `RegexSet` picks which ones to run.
const SET_PREFILTER_FROM: usize = 8;

/// The regexes of all lists.
#[derive(Debug, Clone)]
pub(super) struct Regexes {
    set: RegexSet,
    /// (list, regex) by `set` index.
    regexes: Vec<(ListId, Regex)>,
    /// By `set` index: whether the regex anchors at its text's start or end (`\A`, `\z`), which
    /// in the joined text are the first turn's start and the last one's end: it is searched
    /// turn by turn, as SPEC §2 says a regex is ("on the turn's original text").
    per_turn: Vec<bool>,
}

/// Reusable buffers: the scanned turns joined by line breaks, and where each turn starts in it.
#[derive(Debug, Default)]
pub(super) struct RegexScratch {
    joined: String,
    starts: Vec<(usize, usize)>,
}

impl Regexes {
    pub(super) fn new(regexes: Vec<(ListId, Regex)>) -> Result<Regexes, String> {
        // The set only says which regexes can match a turn; the rules' own compiled regexes
        // (whose patterns carry their mode) find the places.
        let set = regex::RegexSetBuilder::new(regexes.iter().map(|(_, re)| re.as_str()))
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("could not build the regex set: {e}"))?;
        let per_turn = (regexes.iter())
            .map(|(_, re)| anchors_text(re.as_str()))
            .collect();
        Ok(Regexes {
            set,
            regexes,
            per_turn,
        })
    }

    /// Appends the regex hits in the turns whose role bit is set (not 0): the scanned turns are
    /// joined by line breaks and searched once, the set saying which regexes can match at all and
    /// each of those then finding its places, which are mapped back to turns. Searching turn by
    /// turn costs more in per-search setup than in scanning. Rule regexes are multi-line (`^`/`$`
    /// at line ends), so the joins change nothing, except where a match runs on past its turn's
    /// end: that turn is then searched alone from the match's start, and each later turn alone,
    /// so that no match spans two turns or hides one in a later turn, in time linear in the text.
    pub(super) fn find(
        &self,
        turns: &[(&str, u8)],
        scratch: &mut RegexScratch,
        hits: &mut Vec<Hit>,
    ) {
        let (joined, starts) = (&mut scratch.joined, &mut scratch.starts);
        joined.clear();
        starts.clear();
        for (i, (text, role)) in turns.iter().enumerate() {
            if *role != 0 {
                starts.push((joined.len(), i));
                joined.push_str(text);
                joined.push('\n');
            }
        }
        // No turn to search (an empty conversation, or none of the rule's speaker): a regex that
        // matches empty text would still match the empty string, before any turn starts.
        if starts.is_empty() {
            return;
        }
        // With few regexes, each one's own search (literal prefilter, forward lazy DFA) is several
        // times cheaper than the set's overlapping search (measured 22 vs ~2 instructions per
        // byte); with many, one pass of the set to pick the candidates wins.
        let candidates: Vec<usize> = if self.regexes.len() <= SET_PREFILTER_FROM {
            (0..self.regexes.len()).collect()
        } else {
            // The set reads the joined text, where `\A` and `\z` hold at its ends only: such a
            // regex is searched whatever the set says.
            let picked = self.set.matches(joined);
            (0..self.regexes.len())
                .filter(|&k| picked.matched(k) || self.per_turn[k])
                .collect()
        };
        for k in candidates {
            let (list, re) = &self.regexes[k];
            if self.per_turn[k] {
                for &(base, turn) in starts.iter() {
                    let text = &joined[base..base + turns[turn].0.len()];
                    for m in non_empty_matches(re, text, 0) {
                        hits.push(hit(*list, turn, base, base + m.start(), base + m.end()));
                    }
                }
                continue;
            }
            let mut crossing = None;
            for m in non_empty_matches(re, joined, 0) {
                let k = starts.partition_point(|&(s, _)| s <= m.start()) - 1;
                let (base, turn) = starts[k];
                if m.end() > base + turns[turn].0.len() {
                    crossing = Some((k, m.start()));
                    break;
                }
                hits.push(hit(*list, turn, base, m.start(), m.end()));
            }
            // Past the turn's end: that turn alone from the match's start, then each turn after
            // it alone (a greedy pattern would run to the end again from every turn).
            if let Some((k, from)) = crossing {
                for &(base, turn) in &starts[k..] {
                    let alone = &joined[..base + turns[turn].0.len()];
                    for m in non_empty_matches(re, alone, from.max(base)) {
                        hits.push(hit(*list, turn, base, m.start(), m.end()));
                    }
                }
            }
        }
    }
}

/// Whether `pattern` holds `\A` or `\z` (not an escaped backslash before an `A` or `z`).
fn anchors_text(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    (1..b.len()).any(|i| {
        matches!(b[i], b'A' | b'z') && {
            let backslashes = b[..i].iter().rev().take_while(|&&c| c == b'\\').count();
            backslashes % 2 == 1
        }
    })
}

/// The non-empty matches of `re` in `text` from byte `at`, each search going on where the last
/// match ended (past the next character after an empty one).
fn non_empty_matches<'t>(
    re: &'t Regex,
    text: &'t str,
    mut at: usize,
) -> impl Iterator<Item = regex::Match<'t>> {
    std::iter::from_fn(move || {
        while at <= text.len() {
            let m = re.find_at(text, at)?;
            at = next_search(text, m.start(), m.end());
            if m.end() > m.start() {
                return Some(m);
            }
        }
        None
    })
}

/// A regex hit of `list` at bytes `start..end` of the joined text, in `turn` (which starts at
/// `base`).
fn hit(list: ListId, turn: usize, base: usize, start: usize, end: usize) -> Hit {
    Hit {
        list,
        turn: turn as u32,
        start: (start - base) as u32,
        end: (end - base) as u32,
        first_word: 0,
        last_word: 0,
    }
}

/// Where a search goes on after a match of `start..end`: at its end, or past the next character
/// when it was empty.
fn next_search(text: &str, start: usize, end: usize) -> usize {
    if end > start {
        return end;
    }
    text[end..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| end + c.len_utf8())
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_anchors_are_told_from_escaped_backslashes() {
        for (pattern, anchors) in [
            (r"\AHello", true),
            (r"bye\z", true),
            (r"a\\\z", true),
            (r"\\A", false),
            (r"\\z", false),
            (r"A to z", false),
            (r"^Hello$", false),
        ] {
            assert_eq!(super::anchors_text(pattern), anchors, "{pattern}");
        }
    }
}
